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


def report_text(report):
    labels = [period.label for period in report.periods]
    header = ["ACCOUNT"] + labels + ["TOTAL"]
    rows = [[row.account] + [cell.format() for cell in row.cells] + [row.total.format()]
            for row in report.rows]
    totals = ["TOTAL"] + [cell.format() for cell in report.totals] + [report.total.format()]
    lines = render_table([header] + rows + [totals], [LEFT] + [RIGHT] * (len(labels) + 1))
    return lines[:-1] + ["-" * len(lines[-1]), lines[-1]]


def report_json(report):
    document = {
        "periods": [period.label for period in report.periods],
        "rows": [
            {"account": row.account, "amounts": [cell.format() for cell in row.cells],
             "total": row.total.format()}
            for row in report.rows
        ],
        "totals": [cell.format() for cell in report.totals],
        "total": report.total.format(),
    }
    return [json.dumps(document, indent=2)]


BUDGET_HEADER = ["PERIOD", "ACCOUNT", "ACTUAL", "BUDGET", "REMAINING", "USED"]


def budget_text(rows):
    table = [
        [row.period.label, row.account, row.actual.format(), row.budget.format(),
         row.remaining.format(), f"{row.used:f}%"]
        for row in rows
    ]
    return render_table([BUDGET_HEADER] + table, [LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT])


def budget_json(rows):
    document = [
        {
            "period": row.period.label,
            "account": row.account,
            "actual": row.actual.format(),
            "budget": row.budget.format(),
            "remaining": row.remaining.format(),
            "used": float(row.used),
        }
        for row in rows
    ]
    return [json.dumps(document, indent=2)]


def check_text(result):
    lines = [f"line {failure.line}: {failure.detail()}" for failure in result.failures]
    lines.append(f"transactions: {result.transactions}  assertions: {result.assertions}  "
                 f"failed: {len(result.failures)}")
    return lines


def check_json(result):
    document = {
        "transactions": result.transactions,
        "assertions": result.assertions,
        "failures": [
            {"line": failure.line, "account": failure.account,
             "expected": failure.expected.format(), "actual": failure.actual.format()}
            for failure in result.failures
        ],
    }
    return [json.dumps(document, indent=2)]
