"""Command-line handling: arguments, running the query, printing, exit status."""
import sys
from dataclasses import dataclass

from .engine import run_query
from .errors import TabqError, UsageError
from .output import RENDERERS
from .parser import parse_query
from .sources import load_source

USAGE = "usage: tabq [--output csv|json|table] [--alias NAME] QUERY FILE"


@dataclass
class Arguments:
    query: str
    path: str
    output: str = "csv"
    alias: str = None


def _check_output(value):
    if value not in RENDERERS:
        raise UsageError(f"unknown output format '{value}' ({USAGE})")
    return value


def _check_alias(value):
    if not value:
        raise UsageError(f"the alias must not be empty ({USAGE})")
    return value


# option -> (Arguments field, validator of the value)
OPTIONS = {"--output": ("output", _check_output), "--alias": ("alias", _check_alias)}


def _option_value(argv, index):
    if index + 1 >= len(argv):
        raise UsageError(f"option '{argv[index]}' needs a value ({USAGE})")
    return argv[index + 1]


def parse_arguments(argv):
    positional = []
    options = {}
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in OPTIONS:
            field_name, validate = OPTIONS[arg]
            options[field_name] = validate(_option_value(argv, index))
            index += 2
            continue
        if arg.startswith("--"):
            raise UsageError(f"unknown option '{arg}' ({USAGE})")
        positional.append(arg)
        index += 1
    if len(positional) != 2:
        raise UsageError(f"expected a query and a file ({USAGE})")
    return Arguments(positional[0], positional[1], **options)


def run(argv):
    """Runs the command and returns the text to print."""
    args = parse_arguments(argv)
    query = parse_query(args.query)
    tables = [load_source(args.path, args.alias)]
    tables.extend(load_source(join.path, join.alias) for join in query.joins)
    return RENDERERS[args.output](run_query(query, tables))


def main(argv):
    try:
        output = run(argv)
    except TabqError as err:
        sys.stderr.write(f"error: {err}\n")
        return err.exit_code
    sys.stdout.buffer.write(output.encode("utf-8"))
    return 0
