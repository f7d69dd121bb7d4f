"""Rendering of query results as CSV text."""

_NEEDS_QUOTES = (",", '"', "\n", "\r")


def csv_field(text):
    """Quotes a field when it contains a comma, a quote or a line break."""
    if any(char in text for char in _NEEDS_QUOTES):
        return '"' + text.replace('"', '""') + '"'
    return text


def render_csv(result):
    lines = [result.columns] + result.rows
    return "".join(",".join(csv_field(value) for value in line) + "\n" for line in lines)
