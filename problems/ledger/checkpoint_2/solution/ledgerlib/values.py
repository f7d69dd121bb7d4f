"""Parsing and formatting of dates and money amounts."""
import datetime
import re
from decimal import ROUND_HALF_UP, Decimal

_AMOUNT_RE = re.compile(r"[+-]?\d+(\.\d{1,2})?")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CENT = Decimal("0.01")


def parse_amount(text):
    """Return the exact value of an amount such as '-12.50', or None if invalid."""
    if not _AMOUNT_RE.fullmatch(text):
        return None
    return Decimal(text)


def format_amount(value):
    """Format a value with exactly two decimals; zero never carries a sign."""
    rounded = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)
    return f"{rounded:f}"


def parse_date(text):
    """Return the date for 'YYYY-MM-DD', or None if it is not a real date."""
    if not _DATE_RE.fullmatch(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
