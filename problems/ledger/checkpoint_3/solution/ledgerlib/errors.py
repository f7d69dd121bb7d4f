"""Error types; each carries the exit status the program ends with."""


class LedgerError(Exception):
    """A problem with an input file: missing, unreadable or malformed."""

    exit_status = 1


class UsageError(LedgerError):
    """A problem with the command line itself."""

    exit_status = 2


def at_line(number, message):
    """Build a LedgerError for a problem found on a given input line."""
    return LedgerError(f"line {number}: {message}")
