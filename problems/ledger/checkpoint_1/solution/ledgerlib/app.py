"""Top level: parse the command line, load the journal, print the report."""
from .cli import parse_command_line
from .csv_journal import read_csv_journal
from .errors import LedgerError
from .reports import balance_lines, register_lines


def read_text(path):
    """Read a whole input file, turning OS and encoding errors into LedgerErrors."""
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise LedgerError(f"file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as problem:
        raise LedgerError(f"cannot read {path}: {problem}") from None


def execute(invocation):
    """Run one command and return its output lines."""
    entries = read_csv_journal(read_text(invocation.get("--file")))
    if invocation.command == "balance":
        return balance_lines(entries)
    return register_lines(entries, invocation.get("--account"))


def run(argv, stdout, stderr):
    """Run the program; returns the exit status."""
    try:
        lines = execute(parse_command_line(argv))
    except LedgerError as error:
        stderr.write(f"error: {error}\n")
        return error.exit_status
    stdout.write("".join(line + "\n" for line in lines))
    return 0
