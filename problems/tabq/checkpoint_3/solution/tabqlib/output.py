"""Rendering of query results as CSV, JSON or an aligned text table."""
import json

from .values import format_number, is_empty, is_number, numeric_reading, to_text

_NEEDS_QUOTES = (",", '"', "\n", "\r")


def csv_field(text):
    """Quotes a field when it contains a comma, a quote or a line break."""
    if any(char in text for char in _NEEDS_QUOTES):
        return '"' + text.replace('"', '""') + '"'
    return text


def render_csv(result):
    lines = [result.columns] + [[to_text(value) for value in row] for row in result.rows]
    return "".join(",".join(csv_field(value) for value in line) + "\n" for line in lines)


def json_value(value):
    """JSON text of one value: numbers in the same rounded form as in CSV."""
    if is_number(value):
        return format_number(value)
    return json.dumps(value, ensure_ascii=False)


def _json_object(columns, row):
    fields = dict(zip(columns, row))
    members = ", ".join(f"{json_value(name)}: {json_value(value)}" for name, value in fields.items())
    return "{" + members + "}"


def render_json(result):
    objects = [_json_object(result.columns, row) for row in result.rows]
    if not objects:
        return "[]\n"
    return "[\n" + ",\n".join("  " + text for text in objects) + "\n]\n"


def _is_numeric_column(values):
    present = [value for value in values if not is_empty(value)]
    return bool(present) and all(numeric_reading(value) is not None for value in present)


def _table_line(cells, widths, right_aligned):
    padded = [
        cell.rjust(width) if right else cell.ljust(width)
        for cell, width, right in zip(cells, widths, right_aligned)
    ]
    return " | ".join(padded).rstrip(" ")


def _column_layout(result):
    """Width and alignment (True: right-aligned) of every column."""
    columns = list(zip(*result.rows)) if result.rows else [()] * len(result.columns)
    widths = [
        max([len(name)] + [len(to_text(value)) for value in values])
        for name, values in zip(result.columns, columns)
    ]
    return widths, [_is_numeric_column(values) for values in columns]


def _count_line(count):
    return f"({count} {'row' if count == 1 else 'rows'})"


def render_table(result):
    widths, right_aligned = _column_layout(result)
    lines = [_table_line(result.columns, widths, right_aligned)]
    lines.append("-+-".join("-" * width for width in widths))
    for row in result.rows:
        lines.append(_table_line([to_text(value) for value in row], widths, right_aligned))
    lines.append(_count_line(len(result.rows)))
    return "".join(line + "\n" for line in lines)


RENDERERS = {"csv": render_csv, "json": render_json, "table": render_table}
