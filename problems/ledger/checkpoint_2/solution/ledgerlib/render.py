"""Rendering of reports as aligned text tables or JSON documents."""
import json

from .table import LEFT, RIGHT, render_table
from .values import format_amount


def balance_text(report):
    rows = [[name, format_amount(amount)] for name, amount in report.rows]
    rows.append(["TOTAL", format_amount(report.total)])
    lines = render_table(rows, [LEFT, RIGHT])
    lines.insert(-1, "-" * len(lines[-1]))
    return lines


def balance_json(report):
    document = {
        "accounts": [{"account": name, "balance": format_amount(amount)} for name, amount in report.rows],
        "total": format_amount(report.total),
    }
    return [json.dumps(document, indent=2)]


def register_text(rows):
    table = [
        [row.date.isoformat(), row.description, row.account,
         format_amount(row.amount), format_amount(row.running_total)]
        for row in rows
    ]
    return render_table(table, [LEFT, LEFT, LEFT, RIGHT, RIGHT])


def register_json(rows):
    document = [
        {
            "date": row.date.isoformat(),
            "description": row.description,
            "account": row.account,
            "amount": format_amount(row.amount),
            "running_total": format_amount(row.running_total),
        }
        for row in rows
    ]
    return [json.dumps(document, indent=2)]
