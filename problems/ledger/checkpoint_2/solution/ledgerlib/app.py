"""Top level: parse the command line, load the journal, print the report."""
from . import render
from .cli import parse_command_line
from .csv_journal import read_csv_journal
from .errors import LedgerError, UsageError
from .reports import balance_report, register_report
from .text_journal import read_text_journal

READERS = {"csv": read_csv_journal, "journal": read_text_journal}
EXTENSIONS = {".csv": "csv", ".journal": "journal", ".ledger": "journal"}


def read_text(path):
    """Read a whole input file, turning OS and encoding errors into LedgerErrors."""
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise LedgerError(f"file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as problem:
        raise LedgerError(f"cannot read {path}: {problem}") from None


def journal_format(path, explicit):
    """The input format: --format if given, else derived from the file extension."""
    if explicit:
        return explicit
    for extension, name in EXTENSIONS.items():
        if path.lower().endswith(extension):
            return name
    raise UsageError(f"cannot tell the format of '{path}'; use --format csv or --format journal")


def load_journal(invocation):
    path = invocation.get("--file")
    reader = READERS[journal_format(path, invocation.get("--format"))]
    return reader(read_text(path))


def execute(invocation):
    """Run one command and return its output lines."""
    transactions = load_journal(invocation)
    as_json = invocation.get("--output") == "json"
    account = invocation.get("--account")
    if invocation.command == "balance":
        report = balance_report(transactions, account, invocation.depth)
        return render.balance_json(report) if as_json else render.balance_text(report)
    rows = register_report(transactions, account)
    return render.register_json(rows) if as_json else render.register_text(rows)


def run(argv, stdout, stderr):
    """Run the program; returns the exit status."""
    try:
        lines = execute(parse_command_line(argv))
    except LedgerError as error:
        stderr.write(f"error: {error}\n")
        return error.exit_status
    stdout.write("".join(line + "\n" for line in lines))
    return 0
