"""Top level: parse the command line, load the inputs, print the requested report."""
from . import render
from .assertions import check_assertions, require_assertions
from .budget import budget_report, read_budget
from .cli import parse_command_line
from .csv_journal import read_csv_journal
from .errors import LedgerError, UsageError
from .journal_filter import within_dates
from .periodic import periodic_report
from .periods import period_range
from .prices import PriceTable, convert_journal, read_prices
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


def read_journal(invocation):
    """Every transaction of the journal named by --file, in file order."""
    path = invocation.get("--file")
    reader = READERS[journal_format(path, invocation.get("--format"))]
    return reader(read_text(path))


def prepare_journal(invocation, transactions):
    """Check assertions, then keep --begin/--end and convert to --convert-to when given."""
    require_assertions(transactions)
    prices = load_prices(invocation.get("--prices"))
    selected = within_dates(transactions, invocation.date("--begin"), invocation.date("--end"))
    target = invocation.get("--convert-to")
    return convert_journal(selected, prices, target) if target else selected


def load_prices(path):
    """The price table from --prices, or an empty one."""
    return read_prices(read_text(path)) if path else PriceTable()


def covered_periods(invocation, transactions):
    kind = invocation.get("--period")
    dates = [transaction.date for transaction in transactions]
    return kind, period_range(kind, dates, invocation.date("--begin"), invocation.date("--end"))


def run_balance(invocation, transactions):
    report = balance_report(transactions, invocation.get("--account"), invocation.depth)
    return report, render.balance_text, render.balance_json


def run_register(invocation, transactions):
    rows = register_report(transactions, invocation.get("--account"))
    return rows, render.register_text, render.register_json


def run_report(invocation, transactions):
    kind, periods = covered_periods(invocation, transactions)
    report = periodic_report(transactions, kind, periods,
                             invocation.get("--account"), invocation.depth)
    return report, render.report_text, render.report_json


def run_budget(invocation, transactions):
    budget_lines = read_budget(read_text(invocation.get("--budget")))
    kind, periods = covered_periods(invocation, transactions)
    rows = budget_report(transactions, budget_lines, kind, periods)
    return rows, render.budget_text, render.budget_json


COMMANDS = {
    "balance": run_balance,
    "register": run_register,
    "report": run_report,
    "budget": run_budget,
}


def render_output(invocation, result, as_text, as_json):
    return as_json(result) if invocation.get("--output") == "json" else as_text(result)


def execute(invocation):
    """Run one command; returns its output lines and the exit status."""
    transactions = read_journal(invocation)
    if invocation.command == "check":
        result = check_assertions(transactions)
        status = 1 if result.failures else 0
        return render_output(invocation, result, render.check_text, render.check_json), status
    command = COMMANDS[invocation.command]
    result, as_text, as_json = command(invocation, prepare_journal(invocation, transactions))
    return render_output(invocation, result, as_text, as_json), 0


def run(argv, stdout, stderr):
    """Run the program; returns the exit status."""
    try:
        lines, status = execute(parse_command_line(argv))
    except LedgerError as error:
        stderr.write(f"error: {error}\n")
        return error.exit_status
    stdout.write("".join(line + "\n" for line in lines))
    return status
