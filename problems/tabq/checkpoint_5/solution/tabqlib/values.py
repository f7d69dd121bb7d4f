"""Value semantics.

A value is one of: text (str), a number (int or float), a boolean, a JSON object or array
(dict or list, from JSON Lines input), or None (null). Text is never converted
implicitly; it *looks like a number* when it matches NUMBER_PATTERN.
"""
import json
import re

from .errors import EvaluationError

NUMBER_PATTERN = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_empty(value):
    """Null and the empty text are both *empty*."""
    return value is None or value == ""


def parse_number(text):
    """The number a numeric literal or numeric-looking text stands for."""
    return float(text) if "." in text else int(text)


def numeric_reading(value):
    """The number `value` stands for, or None when it is not numeric."""
    if is_number(value):
        return value
    if isinstance(value, str) and NUMBER_PATTERN.fullmatch(value):
        return parse_number(value)
    return None


def format_number(number):
    """Integers as is; other numbers rounded to 6 decimals without trailing zeros."""
    if isinstance(number, int):
        return str(number)
    text = f"{number:.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def compact_json(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_text(value):
    """The text form of a value, used for CSV/table output and text comparison."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if is_number(value):
        return format_number(value)
    if isinstance(value, (dict, list)):
        return compact_json(value)
    return value


def _sign(left, right):
    return (left > right) - (left < right)


def compare_text(left, right):
    """Compares the text forms of two values by code point."""
    return _sign(to_text(left), to_text(right))


def compare(left, right):
    """Numeric comparison when both values are numeric, else text comparison.

    Null compares like the empty text.
    """
    left_number = numeric_reading(left)
    right_number = numeric_reading(right)
    if left_number is not None and right_number is not None:
        return _sign(left_number, right_number)
    return compare_text(left, right)


def require_number(value):
    """The numeric reading of a non-empty value; anything else is an evaluation error."""
    number = numeric_reading(value)
    if number is None:
        raise EvaluationError(f"'{to_text(value)}' is not a number")
    return number


def _divide(left, right):
    return None if right == 0 else left / right


ARITHMETIC = {
    "+": lambda left, right: left + right,
    "-": lambda left, right: left - right,
    "*": lambda left, right: left * right,
    "/": _divide,
}


def arithmetic(op, left, right):
    """Applies + - * /; an empty operand or a division by zero gives null."""
    if is_empty(left) or is_empty(right):
        return None
    return ARITHMETIC[op](require_number(left), require_number(right))


def negate(value):
    if is_empty(value):
        return None
    return -require_number(value)


def lookup(record, path):
    """Follows `path` into a record; a missing key, a missing record, or a step into
    something that is not an object gives null."""
    value = record
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _like_regex(pattern):
    parts = []
    for char in pattern:
        if char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.DOTALL)


def like(value, pattern):
    """SQL-style matching of the text forms: `%` is any run of characters, `_` any one."""
    return _like_regex(to_text(pattern)).fullmatch(to_text(value)) is not None
