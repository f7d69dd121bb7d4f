"""The periodic report: accounts as rows, calendar periods as columns."""
from collections import defaultdict
from dataclasses import dataclass

from .accounts import selected, truncate
from .money import Balance
from .periods import period_of


@dataclass
class PeriodicRow:
    account: str
    cells: list
    total: Balance


@dataclass
class PeriodicReport:
    periods: list
    rows: list
    totals: list
    total: Balance


def periodic_report(transactions, kind, periods, account_filter=None, depth=None):
    """Sum each selected account's postings per period; periods must cover every transaction."""
    cells = _cells_by_account(transactions, kind, periods, account_filter, depth)
    rows = [PeriodicRow(name, cells[name], _sum(cells[name])) for name in sorted(cells)]
    totals = [_sum(row.cells[column] for row in rows) for column in range(len(periods))]
    return PeriodicReport(periods, rows, totals, _sum(totals))


def _cells_by_account(transactions, kind, periods, account_filter, depth):
    """For each (shortened) account name, one balance per period."""
    column_of = {period: column for column, period in enumerate(periods)}
    cells = defaultdict(lambda: [Balance() for _ in periods])
    for transaction in transactions:
        column = column_of[period_of(transaction.date, kind)]
        for posting in transaction.postings:
            if selected(posting.account, account_filter):
                cells[truncate(posting.account, depth)][column].add(posting.amount)
    return cells


def _sum(balances):
    total = Balance()
    for balance in balances:
        total.merge(balance)
    return total
