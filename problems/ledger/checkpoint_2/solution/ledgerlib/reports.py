"""The balance and register reports, computed as plain data."""
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .accounts import selected, truncate
from .model import postings_by_date


@dataclass
class BalanceReport:
    """Balances per (possibly truncated) account name, sorted by name."""

    rows: list
    total: object


@dataclass
class RegisterRow:
    """One posting as shown by the register, with the running total after it."""

    date: object
    description: str
    account: str
    amount: object
    running_total: object


def balance_report(transactions, account_filter=None, depth=None):
    totals = defaultdict(Decimal)
    for transaction in transactions:
        for posting in transaction.postings:
            if selected(posting.account, account_filter):
                totals[truncate(posting.account, depth)] += posting.amount
    rows = [(name, totals[name]) for name in sorted(totals)]
    return BalanceReport(rows, sum(totals.values(), Decimal(0)))


def register_report(transactions, account_filter=None):
    running = Decimal(0)
    rows = []
    for transaction, posting in postings_by_date(transactions):
        if not selected(posting.account, account_filter):
            continue
        running += posting.amount
        rows.append(RegisterRow(transaction.date, transaction.description,
                                posting.account, posting.amount, running))
    return rows
