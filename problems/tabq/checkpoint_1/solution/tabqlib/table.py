"""In-memory tables and the reading of CSV files."""
from dataclasses import dataclass

from .errors import InputError


@dataclass
class Table:
    """Column names in file order and one dict (column -> text) per data row."""

    columns: list
    rows: list


def read_text(path):
    """Reads a whole UTF-8 file; line endings are kept as they are."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(f"cannot open '{path}': no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"cannot read '{path}': not valid UTF-8") from None
    except OSError as err:
        raise InputError(f"cannot read '{path}': {err.strerror}") from None


def numbered_lines(text):
    """Yields (line number, line) for each non-empty line; CRLF and LF both end a line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if line:
            yield number, line


def _read_plain(line, start):
    end = line.find(",", start)
    if end < 0:
        end = len(line)
    return line[start:end], end


def _read_quoted(line, start, line_number):
    """Reads a quoted field whose opening quote is at `start - 1`."""
    parts = []
    index = start
    while True:
        end = line.find('"', index)
        if end < 0:
            raise InputError(f"line {line_number}: unterminated quoted field")
        parts.append(line[index:end])
        if line.startswith('""', end):
            parts.append('"')
            index = end + 2
            continue
        after = end + 1
        if after < len(line) and line[after] != ",":
            raise InputError(f"line {line_number}: unexpected text after a closing quote")
        return "".join(parts), after


def split_csv_line(line, line_number):
    """Splits one CSV line into its fields."""
    fields = []
    index = 0
    while True:
        if line.startswith('"', index):
            value, index = _read_quoted(line, index + 1, line_number)
        else:
            value, index = _read_plain(line, index)
        fields.append(value)
        if index >= len(line):
            return fields
        index += 1


def _check_header(header, line_number):
    seen = set()
    for name in header:
        if name in seen:
            raise InputError(f"line {line_number}: duplicate column name '{name}'")
        seen.add(name)


def read_csv(path):
    """Reads a CSV file with a header line into a Table."""
    lines = numbered_lines(read_text(path))
    first = next(lines, None)
    if first is None:
        raise InputError(f"'{path}' has no header line")
    header = split_csv_line(first[1], first[0])
    _check_header(header, first[0])
    rows = []
    for number, line in lines:
        fields = split_csv_line(line, number)
        if len(fields) != len(header):
            raise InputError(
                f"line {number}: expected {len(header)} fields, found {len(fields)}"
            )
        rows.append(dict(zip(header, fields)))
    return Table(header, rows)
