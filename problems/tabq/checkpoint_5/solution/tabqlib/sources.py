"""Input sources: reading CSV, TSV and JSON Lines files (or standard input) into tables."""
import json
import os
import sys
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


def read_stdin():
    try:
        return sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("cannot read standard input: not valid UTF-8") from None


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


def _parse_delimited(text, alias, split_line):
    """Parses text with a header line; `split_line` splits one line into fields."""
    lines = numbered_lines(text)
    first = next(lines, None)
    if first is None:
        raise InputError(f"input '{alias}' has no header line")
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


def parse_jsonl(text, alias):
    """One JSON object per non-blank line; columns are the top-level keys in order of
    first appearance."""
    rows = []
    columns = {}
    for number, line in numbered_lines(text):
        if line.strip():
            record = _parse_record(line, number)
            columns.update(dict.fromkeys(record))
            rows.append(record)
    return Table(alias, list(columns), rows)


def parse_csv(text, alias):
    return _parse_delimited(text, alias, split_csv_line)


def parse_tsv(text, alias):
    return _parse_delimited(text, alias, split_tsv_line)


PARSERS = {"csv": parse_csv, "tsv": parse_tsv, "jsonl": parse_jsonl}
EXTENSIONS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl"}
STDIN_PATH = "-"
STDIN_ALIAS = "stdin"


def format_of(path):
    """The format a path's extension tells (CSV when unknown)."""
    _, extension = os.path.splitext(path)
    return EXTENSIONS.get(extension.lower(), "csv")


def load_file(path, alias=None, fmt=None):
    """Reads a file in format `fmt`, or the one its extension tells."""
    parse = PARSERS[fmt or format_of(path)]
    return parse(read_text(path), alias or default_alias(path))


def load_main_source(path, alias=None, fmt=None):
    """The main input: a file, or standard input when `path` is `-` (CSV by default)."""
    if path != STDIN_PATH:
        return load_file(path, alias, fmt)
    return PARSERS[fmt or "csv"](read_stdin(), alias or STDIN_ALIAS)
