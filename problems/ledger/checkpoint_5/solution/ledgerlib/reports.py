"""The balance and register reports, computed as plain data."""
from collections import defaultdict
from dataclasses import dataclass

from .accounts import selected, truncate
from .model import postings_by_date
from .money import Balance


@dataclass
class BalanceReport:
    """Balances per (possibly truncated) account name, sorted by name."""

    rows: list
    total: Balance


@dataclass
class RegisterRow:
    """One posting as shown by the register, with the running total after it."""

    date: object
    description: str
    account: str
    amount: object
    running_total: Balance


def balance_report(transactions, account_filter=None, depth=None):
    balances = defaultdict(Balance)
    total = Balance()
    for transaction in transactions:
        for posting in transaction.postings:
            if selected(posting.account, account_filter):
                balances[truncate(posting.account, depth)].add(posting.amount)
                total.add(posting.amount)
    rows = [(name, balances[name]) for name in sorted(balances)]
    return BalanceReport(rows, total)


def register_report(transactions, account_filter=None):
    running = Balance()
    rows = []
    for transaction, posting in postings_by_date(transactions):
        if not selected(posting.account, account_filter):
            continue
        running.add(posting.amount)
        rows.append(RegisterRow(transaction.date, transaction.description,
                                posting.account, posting.amount, running.copy()))
    return rows
