"""The balance and register reports."""
from collections import defaultdict
from decimal import Decimal

from .table import LEFT, RIGHT, render_table
from .values import format_amount


def balance_lines(entries):
    """Per-account balances sorted by account name, then a separator and total."""
    totals = defaultdict(Decimal)
    for entry in entries:
        totals[entry.account] += entry.amount
    rows = [[account, format_amount(totals[account])] for account in sorted(totals)]
    rows.append(["TOTAL", format_amount(sum(totals.values(), Decimal(0)))])
    lines = render_table(rows, [LEFT, RIGHT])
    lines.insert(-1, "-" * len(lines[-1]))
    return lines


def register_lines(entries, account=None):
    """One line per entry in date order, with a running total."""
    selected = [entry for entry in entries if account is None or entry.account == account]
    selected.sort(key=lambda entry: entry.date)
    running = Decimal(0)
    rows = []
    for entry in selected:
        running += entry.amount
        rows.append([
            entry.date.isoformat(),
            entry.description,
            entry.account,
            format_amount(entry.amount),
            format_amount(running),
        ])
    return render_table(rows, [LEFT, LEFT, LEFT, RIGHT, RIGHT])
