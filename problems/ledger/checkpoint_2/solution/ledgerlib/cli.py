"""Command-line parsing: a command followed by `--name value` options."""
import re
from dataclasses import dataclass, field

from .errors import UsageError

COMMON_OPTIONS = {"--file", "--format", "--output", "--account"}
COMMAND_OPTIONS = {
    "balance": COMMON_OPTIONS | {"--depth"},
    "register": COMMON_OPTIONS,
}
REQUIRED_OPTIONS = ("--file",)
CHOICES = {
    "--format": ("csv", "journal"),
    "--output": ("text", "json"),
}
_POSITIVE_INT_RE = re.compile(r"[1-9][0-9]*")


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


def parse_command_line(argv):
    """Split argv into a command and its options, validating both."""
    if not argv:
        raise UsageError("no command given (expected one of: " + ", ".join(COMMAND_OPTIONS) + ")")
    command, rest = argv[0], argv[1:]
    if command not in COMMAND_OPTIONS:
        raise UsageError(f"unknown command '{command}'")
    invocation = Invocation(command, _parse_options(command, rest))
    for name in REQUIRED_OPTIONS:
        if name not in invocation.options:
            raise UsageError(f"missing required option {name}")
    for name, value in invocation.options.items():
        _check_value(name, value)
    return invocation


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
    if name == "--depth" and not _POSITIVE_INT_RE.fullmatch(value):
        raise UsageError(f"invalid value '{value}' for --depth (expected a positive integer)")
