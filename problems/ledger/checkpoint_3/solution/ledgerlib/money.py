"""Exact money amounts in one commodity, and balances over several commodities."""
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

NO_COMMODITY = ""
_AMOUNT_RE = re.compile(r"([+-]?\d+(?:\.\d{1,2})?)(?: +([A-Za-z]+))?")
_CENT = Decimal("0.01")
_PRECISION = 60


def round_cents(value):
    """Round to two decimals, halves away from zero; never returns -0.00."""
    rounded = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    return abs(rounded) if rounded == 0 else rounded


def exact(operation, left, right):
    """Multiply or divide two Decimals with enough precision to be exact for money."""
    with localcontext() as context:
        context.prec = _PRECISION
        return operation(left, right)


@dataclass(frozen=True)
class Amount:
    """A quantity of one commodity; the empty commodity stands for plain numbers."""

    quantity: Decimal
    commodity: str = NO_COMMODITY

    def __neg__(self):
        return Amount(-self.quantity, self.commodity)

    def format(self):
        number = f"{round_cents(self.quantity):f}"
        return f"{number} {self.commodity}" if self.commodity else number


def parse_amount(text):
    """Parse '12.50', '-3 EUR', ...; returns None when text is not an amount."""
    match = _AMOUNT_RE.fullmatch(text)
    if match is None:
        return None
    return Amount(Decimal(match.group(1)), match.group(2) or NO_COMMODITY)


class Balance:
    """A sum of amounts, kept separately per commodity."""

    def __init__(self, amounts=()):
        self._totals = defaultdict(Decimal)
        for amount in amounts:
            self.add(amount)

    def add(self, amount):
        self._totals[amount.commodity] += amount.quantity
        return self

    def merge(self, other):
        for amount in other.amounts():
            self.add(amount)
        return self

    def copy(self):
        return Balance(self.amounts())

    def amounts(self):
        """The non-zero amounts, plain numbers first, then by commodity name."""
        return [Amount(self._totals[name], name)
                for name in sorted(self._totals) if self._totals[name] != 0]

    def is_zero(self):
        return not self.amounts()

    def lines(self):
        """One formatted amount per commodity; a zero balance is the single line 0.00."""
        return [amount.format() for amount in self.amounts()] or [Amount(Decimal(0)).format()]

    def format(self):
        return ", ".join(self.lines())
