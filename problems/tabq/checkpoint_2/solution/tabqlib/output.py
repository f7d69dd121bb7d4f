"""Rendering of query results as CSV, JSON or an aligned text table."""
import json

from .values import numeric_reading

_NEEDS_QUOTES = (",", '"', "\n", "\r")


def csv_field(text):
    """Quotes a field when it contains a comma, a quote or a line break."""
    if any(char in text for char in _NEEDS_QUOTES):
        return '"' + text.replace('"', '""') + '"'
    return text


def render_csv(result):
    lines = [result.columns] + result.rows
    return "".join(",".join(csv_field(value) for value in line) + "\n" for line in lines)


def render_json(result):
    objects = [dict(zip(result.columns, row)) for row in result.rows]
    return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"


def _is_numeric_column(values):
    present = [value for value in values if value != ""]
    return bool(present) and all(numeric_reading(value) is not None for value in present)


def _table_line(cells, widths, right_aligned):
    padded = [
        cell.rjust(width) if right else cell.ljust(width)
        for cell, width, right in zip(cells, widths, right_aligned)
    ]
    return " | ".join(padded).rstrip(" ")


def render_table(result):
    columns = list(zip(*result.rows)) if result.rows else [()] * len(result.columns)
    widths = [
        max([len(name)] + [len(value) for value in values])
        for name, values in zip(result.columns, columns)
    ]
    right_aligned = [_is_numeric_column(values) for values in columns]
    lines = [_table_line(result.columns, widths, right_aligned)]
    lines.append("-+-".join("-" * width for width in widths))
    lines.extend(_table_line(row, widths, right_aligned) for row in result.rows)
    count = len(result.rows)
    lines.append(f"({count} {'row' if count == 1 else 'rows'})")
    return "".join(line + "\n" for line in lines)


RENDERERS = {"csv": render_csv, "json": render_json, "table": render_table}
