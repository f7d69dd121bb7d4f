"""Command-line parsing: a command followed by `--name value` options."""
import re
from dataclasses import dataclass, field

from .errors import UsageError
from .values import is_commodity, parse_date

_SOURCE_OPTIONS = {"--file", "--format", "--output", "--prices", "--convert-to", "--begin", "--end"}
COMMAND_OPTIONS = {
    "balance": _SOURCE_OPTIONS | {"--account", "--depth"},
    "register": _SOURCE_OPTIONS | {"--account"},
    "report": _SOURCE_OPTIONS | {"--account", "--depth", "--period"},
    "budget": _SOURCE_OPTIONS | {"--budget", "--period"},
}
REQUIRED_OPTIONS = {
    "balance": ("--file",),
    "register": ("--file",),
    "report": ("--file", "--period"),
    "budget": ("--file", "--budget"),
}
DEFAULTS = {"--output": "text"}
COMMAND_DEFAULTS = {"budget": {"--period": "monthly"}}
CHOICES = {
    "--format": ("csv", "journal"),
    "--output": ("text", "json"),
    "--period": ("monthly", "quarterly", "yearly"),
}
_POSITIVE_INT_RE = re.compile(r"[1-9][0-9]*")
VALIDATORS = {
    "--depth": ("a positive integer", _POSITIVE_INT_RE.fullmatch),
    "--convert-to": ("a commodity name", is_commodity),
    "--begin": ("a date YYYY-MM-DD", parse_date),
    "--end": ("a date YYYY-MM-DD", parse_date),
}


@dataclass
class Invocation:
    """A parsed command line."""

    command: str
    options: dict = field(default_factory=dict)

    def get(self, name, default=None):
        return self.options.get(name, default)

    @property
    def depth(self):
        value = self.options.get("--depth")
        return None if value is None else int(value)

    def date(self, name):
        value = self.options.get(name)
        return None if value is None else parse_date(value)


def parse_command_line(argv):
    """Split argv into a command and its options, validating both."""
    if not argv:
        raise UsageError("no command given (expected one of: " + ", ".join(COMMAND_OPTIONS) + ")")
    command, rest = argv[0], argv[1:]
    if command not in COMMAND_OPTIONS:
        raise UsageError(f"unknown command '{command}'")
    options = _parse_options(command, rest)
    for name in REQUIRED_OPTIONS[command]:
        if name not in options:
            raise UsageError(f"missing required option {name}")
    for name, value in options.items():
        _check_value(name, value)
    defaults = {**DEFAULTS, **COMMAND_DEFAULTS.get(command, {})}
    return Invocation(command, {**defaults, **options})


def _parse_options(command, args):
    allowed = COMMAND_OPTIONS[command]
    options = {}
    position = 0
    while position < len(args):
        name = args[position]
        if name not in allowed:
            raise UsageError(f"unexpected argument '{name}' for command '{command}'")
        if position + 1 >= len(args):
            raise UsageError(f"option {name} needs a value")
        options[name] = args[position + 1]
        position += 2
    return options


def _check_value(name, value):
    if name in CHOICES and value not in CHOICES[name]:
        raise UsageError(f"invalid value '{value}' for {name} (expected one of: {', '.join(CHOICES[name])})")
    if name in VALIDATORS:
        expected, is_valid = VALIDATORS[name]
        if not is_valid(value):
            raise UsageError(f"invalid value '{value}' for {name} (expected {expected})")
