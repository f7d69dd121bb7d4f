"""Command-line handling: arguments, running the query, printing, exit status."""
import sys

from .engine import run_query
from .errors import TabqError, UsageError
from .output import render_csv
from .parser import parse_query
from .table import read_csv

USAGE = "usage: tabq QUERY FILE"


def parse_arguments(argv):
    """Returns (query text, file path)."""
    positional = []
    for arg in argv:
        if arg.startswith("--"):
            raise UsageError(f"unknown option '{arg}' ({USAGE})")
        positional.append(arg)
    if len(positional) != 2:
        raise UsageError(f"expected a query and a file ({USAGE})")
    return positional[0], positional[1]


def run(argv):
    """Runs the command and returns the text to print."""
    query_text, path = parse_arguments(argv)
    query = parse_query(query_text)
    table = read_csv(path)
    return render_csv(run_query(query, table))


def main(argv):
    try:
        output = run(argv)
    except TabqError as err:
        sys.stderr.write(f"error: {err}\n")
        return err.exit_code
    sys.stdout.buffer.write(output.encode("utf-8"))
    return 0
