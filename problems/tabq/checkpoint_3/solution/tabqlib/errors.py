"""Error types; each carries the exit status the command ends with."""


class TabqError(Exception):
    """Base class of every error reported to the user."""

    exit_code = 1


class UsageError(TabqError):
    """The command line itself is wrong."""

    exit_code = 2


class QueryError(TabqError):
    """The query is well formed text but cannot be run (e.g. unknown column)."""

    exit_code = 2


class QuerySyntaxError(QueryError):
    """The query text does not follow the grammar."""

    def __init__(self, message, position):
        super().__init__(f"syntax error at position {position}: {message}")
        self.position = position


class InputError(TabqError):
    """An input file is missing, unreadable or malformed."""

    exit_code = 1


class EvaluationError(TabqError):
    """A value cannot be computed, e.g. arithmetic on text that is not a number."""

    exit_code = 1
