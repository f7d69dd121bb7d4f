"""HTTP plumbing: turns raw requests into Request objects and Response objects into bytes."""

import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from errors import ApiError

BODYLESS_STATUSES = (204, 304)


class Request:
    """What a route handler sees of an HTTP request."""

    def __init__(self, method, target, headers, body):
        parts = urlsplit(target)
        self.method = method
        self.path = parts.path
        self.query = parse_qs(parts.query, keep_blank_values=True)
        self.headers = headers
        self.body = body

    def json_object(self):
        """The body parsed as a JSON object, or a 400 error."""
        try:
            data = json.loads(self.body)
        except ValueError:
            raise ApiError(400, "request body is not valid JSON") from None
        if not isinstance(data, dict):
            raise ApiError(400, "request body must be a JSON object")
        return data


class Response:
    """A status, an optional JSON body and extra headers."""

    def __init__(self, status, body=None, headers=None):
        self.status = status
        self.body = body
        self.headers = headers or {}


class RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "taskboard"

    def serve(self):
        request = Request(self.command, self.path, self.headers, self.read_body())
        self.send(self.server.app.handle(request))

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = serve

    def read_body(self):
        length = self.headers.get("Content-Length", "0")
        return self.rfile.read(int(length)) if length.isdigit() else b""

    def send(self, response):
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        if response.status in BODYLESS_STATUSES:
            self.end_headers()
            return
        payload = json.dumps(response.body).encode("utf-8")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        """Stay quiet: the service has no access log."""


def make_server(address, port, app):
    server = ThreadingHTTPServer((address, port), RequestHandler)
    server.daemon_threads = True
    server.app = app
    return server
