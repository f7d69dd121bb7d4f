"""Reader for journals stored as CSV: one single-posting transaction per row."""
import csv

from .accounts import check_account
from .errors import at_line
from .model import Posting, Transaction
from .money import parse_amount
from .values import parse_date

REQUIRED_COLUMNS = ("date", "account", "amount")


def read_csv_journal(text):
    """Parse CSV journal text into transactions in file order."""
    lines = text.splitlines()
    if not lines:
        raise at_line(1, "the header row is missing")
    columns = _parse_header(lines[0])
    transactions = []
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            transactions.append(_parse_row(line, number, columns))
    return transactions


def _split(line):
    return [field.strip() for field in next(csv.reader([line], skipinitialspace=True))]


def _parse_header(line):
    """Map each known column name to its position in a row."""
    names = [name.lower() for name in _split(line)]
    positions = {}
    for index, name in enumerate(names):
        if name in positions:
            raise at_line(1, f"duplicate column '{name}'")
        positions[name] = index
    for name in REQUIRED_COLUMNS:
        if name not in positions:
            raise at_line(1, f"missing required column '{name}'")
    return {"width": len(names), "positions": positions}


def _parse_row(line, number, columns):
    fields = _split(line)
    if len(fields) != columns["width"]:
        raise at_line(number, f"expected {columns['width']} fields, found {len(fields)}")
    positions = columns["positions"]
    date = parse_date(fields[positions["date"]])
    if date is None:
        raise at_line(number, f"invalid date '{fields[positions['date']]}'")
    account = check_account(fields[positions["account"]], number)
    amount = parse_amount(fields[positions["amount"]])
    if amount is None:
        raise at_line(number, f"invalid amount '{fields[positions['amount']]}'")
    description = fields[positions["description"]] if "description" in positions else ""
    return Transaction(date, description, number, [Posting(account, amount, number)])
