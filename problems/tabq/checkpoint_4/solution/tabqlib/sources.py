"""Input sources: reading CSV, TSV and JSON Lines files into tables."""
import json
import os
from dataclasses import dataclass

from .errors import InputError


@dataclass
class Table:
    """One input source: its alias, its column names in order, and one dict
    (column -> value) per record. JSON Lines records may lack columns."""

    alias: str
    columns: list
    rows: list


def default_alias(path):
    """The file name without directories and without its last extension."""
    stem, _ = os.path.splitext(os.path.basename(path))
    return stem


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


# -- CSV and TSV ---------------------------------------------------------------


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


def split_tsv_line(line, line_number):
    return line.split("\t")


def _check_header(header, line_number):
    seen = set()
    for name in header:
        if name in seen:
            raise InputError(f"line {line_number}: duplicate column name '{name}'")
        seen.add(name)


def _read_delimited(path, alias, split_line):
    """Reads a file with a header line; `split_line` splits one line into fields."""
    lines = numbered_lines(read_text(path))
    first = next(lines, None)
    if first is None:
        raise InputError(f"'{path}' has no header line")
    header = split_line(first[1], first[0])
    _check_header(header, first[0])
    rows = []
    for number, line in lines:
        fields = split_line(line, number)
        if len(fields) != len(header):
            raise InputError(
                f"line {number}: expected {len(header)} fields, found {len(fields)}"
            )
        rows.append(dict(zip(header, fields)))
    return Table(alias, header, rows)


# -- JSON Lines ------------------------------------------------------------------


def _parse_record(line, line_number):
    try:
        record = json.loads(line)
    except ValueError:
        raise InputError(f"line {line_number}: not valid JSON") from None
    if not isinstance(record, dict):
        raise InputError(f"line {line_number}: a record must be a JSON object")
    return record


def read_jsonl(path, alias):
    """One JSON object per non-blank line; columns are the top-level keys in order of
    first appearance."""
    rows = []
    columns = {}
    for number, line in numbered_lines(read_text(path)):
        if line.strip():
            record = _parse_record(line, number)
            columns.update(dict.fromkeys(record))
            rows.append(record)
    return Table(alias, list(columns), rows)


def read_csv(path, alias):
    return _read_delimited(path, alias, split_csv_line)


def read_tsv(path, alias):
    return _read_delimited(path, alias, split_tsv_line)


READERS = {".csv": read_csv, ".tsv": read_tsv, ".jsonl": read_jsonl}


def load_source(path, alias=None):
    """Reads `path` in the format its extension tells (CSV when unknown)."""
    _, extension = os.path.splitext(path)
    reader = READERS.get(extension.lower(), read_csv)
    return reader(path, alias if alias is not None else default_alias(path))
