"""Dated exchange rates and the conversion of postings into one commodity."""
import operator
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .errors import LedgerError, at_line
from .money import Amount, exact, round_cents
from .values import is_commodity, parse_date

_RATE_RE = re.compile(r"\d+(\.\d+)?")


@dataclass(frozen=True)
class Quote:
    """One unit of `base` was worth `rate` units of `quote` from `date` on."""

    date: object
    base: str
    rate: Decimal
    quote: str
    line: int


def read_prices(text):
    """Parse a prices file: lines 'P DATE COMMODITY RATE TARGET', comments, blanks."""
    quotes = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and stripped[0] not in ";#":
            quotes.append(_parse_quote(stripped, number))
    return PriceTable(quotes)


def _parse_quote(line, number):
    fields = line.split()
    if len(fields) != 5 or fields[0] != "P":
        raise at_line(number, "expected 'P DATE COMMODITY RATE TARGET'")
    _, date_text, base, rate_text, quote = fields
    date = parse_date(date_text)
    if date is None:
        raise at_line(number, f"invalid date '{date_text}'")
    if not (is_commodity(base) and is_commodity(quote)) or base == quote:
        raise at_line(number, f"invalid commodity pair '{base}' -> '{quote}'")
    if not _RATE_RE.fullmatch(rate_text) or Decimal(rate_text) == 0:
        raise at_line(number, f"invalid rate '{rate_text}'")
    return Quote(date, base, Decimal(rate_text), quote, number)


class PriceTable:
    """Looks up the most recent applicable rate between two commodities."""

    def __init__(self, quotes=()):
        self._quotes = list(quotes)

    def _best_quote(self, source, target, date):
        """Latest quote on or before date; direct quotes win ties, then later lines."""
        candidates = [
            (quote.date, quote.base == source, quote.line, quote)
            for quote in self._quotes
            if quote.date <= date and {quote.base, quote.quote} == {source, target}
        ]
        return max(candidates, key=lambda candidate: candidate[:3])[3] if candidates else None

    def convert(self, amount, target, date):
        """The amount expressed in target, rounded to cents; plain numbers stay as they are."""
        if not amount.commodity or amount.commodity == target:
            return amount
        quote = self._best_quote(amount.commodity, target, date)
        if quote is None:
            raise LedgerError(f"no price to convert {amount.commodity} to {target} on {date.isoformat()}")
        operation = operator.mul if quote.base == amount.commodity else operator.truediv
        return Amount(round_cents(exact(operation, amount.quantity, quote.rate)), target)


def convert_journal(transactions, prices, target):
    """Copies of the transactions with every posting converted to target."""
    return [
        replace(transaction, postings=[
            replace(posting, amount=prices.convert(posting.amount, target, transaction.date))
            for posting in transaction.postings
        ])
        for transaction in transactions
    ]
