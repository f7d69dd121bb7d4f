"""The single exception type that becomes an HTTP error response."""


class ApiError(Exception):
    """An error reported to the client as `{"error": message, ...extra}`."""

    def __init__(self, status, message, headers=None, **extra):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}
        self.extra = extra

    def body(self):
        return {"error": self.message, **self.extra}
