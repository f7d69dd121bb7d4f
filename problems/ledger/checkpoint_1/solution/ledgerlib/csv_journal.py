"""Reader for journals stored as CSV: one entry per row."""
import csv
from dataclasses import dataclass

from .errors import at_line
from .values import parse_amount, parse_date

REQUIRED_COLUMNS = ("date", "account", "amount")
OPTIONAL_COLUMNS = ("description",)


@dataclass(frozen=True)
class Entry:
    """One journal entry: an amount posted to an account on a date."""

    date: object
    account: str
    amount: object
    description: str
    line: int


def read_csv_journal(text):
    """Parse CSV journal text into a list of entries in file order."""
    lines = text.splitlines()
    if not lines:
        raise at_line(1, "the header row is missing")
    columns = _parse_header(lines[0])
    entries = []
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            entries.append(_parse_row(line, number, columns))
    return entries


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
    account = fields[positions["account"]]
    if not account:
        raise at_line(number, "empty account name")
    amount = parse_amount(fields[positions["amount"]])
    if amount is None:
        raise at_line(number, f"invalid amount '{fields[positions['amount']]}'")
    description = fields[positions["description"]] if "description" in positions else ""
    return Entry(date, account, amount, description, number)
