"""Command-line parsing: a command followed by `--name value` options."""
from dataclasses import dataclass, field

from .errors import UsageError

COMMAND_OPTIONS = {
    "balance": {"--file"},
    "register": {"--file", "--account"},
}
REQUIRED_OPTIONS = ("--file",)


@dataclass
class Invocation:
    """A parsed command line."""

    command: str
    options: dict = field(default_factory=dict)

    def get(self, name, default=None):
        return self.options.get(name, default)


def parse_command_line(argv):
    """Split argv into a command and its options, validating both."""
    if not argv:
        raise UsageError("no command given (expected one of: balance, register)")
    command, rest = argv[0], argv[1:]
    if command not in COMMAND_OPTIONS:
        raise UsageError(f"unknown command '{command}'")
    invocation = Invocation(command, _parse_options(command, rest))
    for name in REQUIRED_OPTIONS:
        if name not in invocation.options:
            raise UsageError(f"missing required option {name}")
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
