"""Command-line handling: arguments, running the query, printing, exit status."""
import sys
from dataclasses import dataclass

from .engine import run_query
from .errors import TabqError, UsageError
from .output import RENDERERS
from .parser import parse_query
from .table import read_csv

USAGE = "usage: tabq [--output csv|json|table] QUERY FILE"


@dataclass
class Arguments:
    query: str
    path: str
    output: str = "csv"


def _option_value(argv, index):
    if index + 1 >= len(argv):
        raise UsageError(f"option '{argv[index]}' needs a value ({USAGE})")
    return argv[index + 1]


def _check_output(value):
    if value not in RENDERERS:
        raise UsageError(f"unknown output format '{value}' ({USAGE})")
    return value


def parse_arguments(argv):
    positional = []
    output = "csv"
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--output":
            output = _check_output(_option_value(argv, index))
            index += 2
            continue
        if arg.startswith("--"):
            raise UsageError(f"unknown option '{arg}' ({USAGE})")
        positional.append(arg)
        index += 1
    if len(positional) != 2:
        raise UsageError(f"expected a query and a file ({USAGE})")
    return Arguments(positional[0], positional[1], output)


def run(argv):
    """Runs the command and returns the text to print."""
    args = parse_arguments(argv)
    query = parse_query(args.query)
    table = read_csv(args.path)
    return RENDERERS[args.output](run_query(query, table))


def main(argv):
    try:
        output = run(argv)
    except TabqError as err:
        sys.stderr.write(f"error: {err}\n")
        return err.exit_code
    sys.stdout.buffer.write(output.encode("utf-8"))
    return 0
