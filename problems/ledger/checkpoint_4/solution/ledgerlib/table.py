"""Plain-text rendering of aligned tables."""

LEFT = "left"
RIGHT = "right"
SEPARATOR = "  "


def column_widths(rows):
    """The width of each column: its longest cell."""
    return [max(len(cell) for cell in column) for column in zip(*rows)]


def render_row(cells, widths, alignments):
    """Pad each cell to its column width and join them with two spaces."""
    padded = [
        cell.ljust(width) if align == LEFT else cell.rjust(width)
        for cell, width, align in zip(cells, widths, alignments)
    ]
    return SEPARATOR.join(padded).rstrip()


def render_table(rows, alignments):
    """Render rows as lines of aligned columns, one string per row."""
    if not rows:
        return []
    widths = column_widths(rows)
    return [render_row(row, widths, alignments) for row in rows]
