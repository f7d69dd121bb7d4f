"""Balance assertions: checking that accounts hold what the journal says they hold."""
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .errors import at_line
from .model import postings_by_date
from .money import Amount


@dataclass(frozen=True)
class AssertionFailure:
    """An assertion whose account held `actual` instead of `expected`."""

    line: int
    account: str
    expected: Amount
    actual: Amount

    def detail(self):
        return f"{self.account}: expected {self.expected.format()}, found {self.actual.format()}"


@dataclass(frozen=True)
class CheckResult:
    transactions: int
    assertions: int
    failures: list


def check_assertions(transactions):
    """Evaluate every assertion in date order against the account's own running balance."""
    balances = defaultdict(Decimal)
    assertions = 0
    failures = []
    for _, posting in postings_by_date(transactions):
        balances[posting.account, posting.amount.commodity] += posting.amount.quantity
        expected = posting.assertion
        if expected is None:
            continue
        assertions += 1
        actual = Amount(balances[posting.account, expected.commodity], expected.commodity)
        if actual.quantity != expected.quantity:
            failures.append(AssertionFailure(posting.line, posting.account, expected, actual))
    return CheckResult(len(transactions), assertions, failures)


def require_assertions(transactions):
    """Raise a LedgerError for the first failing assertion, if any."""
    failures = check_assertions(transactions).failures
    if failures:
        first = failures[0]
        raise at_line(first.line, f"balance assertion failed: {first.detail()}")
