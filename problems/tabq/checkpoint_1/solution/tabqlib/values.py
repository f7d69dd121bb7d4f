"""Value semantics: when a value counts as a number, and how two values compare."""
import re

NUMBER_PATTERN = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def numeric_reading(text):
    """The number `text` stands for, or None when it does not look like a number."""
    if not NUMBER_PATTERN.fullmatch(text):
        return None
    return float(text) if "." in text else int(text)


def _sign(left, right):
    return (left > right) - (left < right)


def compare(left, right):
    """Compares two values: numerically when both look like numbers, else as text."""
    left_number = numeric_reading(left)
    right_number = numeric_reading(right)
    if left_number is not None and right_number is not None:
        return _sign(left_number, right_number)
    return _sign(left, right)
