"""Budgets: monthly amounts per account, compared with what was actually posted."""
import operator
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .accounts import check_account, within
from .errors import at_line
from .money import Amount, exact, parse_amount, round_to
from .periods import period_of

_SEPARATOR_RE = re.compile(r" {2,}|\t")
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class BudgetLine:
    """The amount budgeted for one account (and its descendants) per month."""

    account: str
    monthly: Amount
    line: int


@dataclass
class BudgetRow:
    period: object
    account: str
    actual: Amount
    budget: Amount
    remaining: Amount
    used: Decimal


def read_budget(text):
    """Parse a budget file: 'ACCOUNT  AMOUNT' lines, comments and blank lines."""
    lines = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped[0] in ";#":
            continue
        entry = _parse_budget_line(stripped, number)
        if entry.account in lines:
            raise at_line(number, f"account '{entry.account}' is budgeted twice")
        lines[entry.account] = entry
    return sorted(lines.values(), key=lambda entry: entry.account)


def _parse_budget_line(text, number):
    parts = _SEPARATOR_RE.split(text, maxsplit=1)
    if len(parts) != 2:
        raise at_line(number, "expected an account, two spaces or a tab, and an amount")
    account = check_account(parts[0], number)
    amount = parse_amount(parts[1].strip())
    if amount is None or amount.quantity <= 0:
        raise at_line(number, f"invalid budget amount '{parts[1].strip()}' (must be positive)")
    return BudgetLine(account, amount, number)


def budget_report(transactions, budget_lines, kind, periods):
    """One row per period and budgeted account, periods first, accounts by name."""
    postings = _postings_by_period(transactions, kind)
    return [
        _budget_row(period, entry, postings[period])
        for period in periods
        for entry in budget_lines
    ]


def _postings_by_period(transactions, kind):
    grouped = defaultdict(list)
    for transaction in transactions:
        grouped[period_of(transaction.date, kind)].extend(transaction.postings)
    return grouped


def _budget_row(period, entry, postings):
    commodity = entry.monthly.commodity
    actual = Amount(sum(
        (posting.amount.quantity for posting in postings
         if within(posting.account, entry.account) and posting.amount.commodity == commodity),
        Decimal(0)), commodity)
    budget = entry.monthly.scaled(period.months)
    used = round_to(exact(operator.truediv, actual.quantity * 100, budget.quantity), _TENTH)
    return BudgetRow(period, entry.account, actual, budget, budget - actual, used)
