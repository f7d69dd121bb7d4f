"""Rendering of reports as aligned text tables or JSON documents."""
import json

from .table import LEFT, RIGHT, render_table


def _balance_rows(label, balance):
    """One table row per commodity of the balance, each labelled."""
    return [[label, line] for line in balance.lines()]


def balance_text(report):
    rows = [row for name, balance in report.rows for row in _balance_rows(name, balance)]
    total_rows = _balance_rows("TOTAL", report.total)
    lines = render_table(rows + total_rows, [LEFT, RIGHT])
    separator = "-" * len(lines[-1])
    return lines[:len(rows)] + [separator] + lines[len(rows):]


def balance_json(report):
    document = {
        "accounts": [{"account": name, "balance": balance.format()} for name, balance in report.rows],
        "total": report.total.format(),
    }
    return [json.dumps(document, indent=2)]


def register_text(rows):
    table = [
        [row.date.isoformat(), row.description, row.account,
         row.amount.format(), row.running_total.format()]
        for row in rows
    ]
    return render_table(table, [LEFT, LEFT, LEFT, RIGHT, RIGHT])


def register_json(rows):
    document = [
        {
            "date": row.date.isoformat(),
            "description": row.description,
            "account": row.account,
            "amount": row.amount.format(),
            "running_total": row.running_total.format(),
        }
        for row in rows
    ]
    return [json.dumps(document, indent=2)]
