"""Parsing of dates and of the textual pieces of money amounts."""
import datetime
import re

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COMMODITY_RE = re.compile(r"[A-Za-z]+")


def parse_date(text):
    """Return the date for 'YYYY-MM-DD', or None if it is not a real date."""
    if not _DATE_RE.fullmatch(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def is_commodity(text):
    """True for a commodity name: one or more ASCII letters."""
    return _COMMODITY_RE.fullmatch(text) is not None
