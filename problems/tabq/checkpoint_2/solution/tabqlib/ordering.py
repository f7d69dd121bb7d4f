"""Stable multi-key sorting with the per-key numeric/text decision."""
from .values import numeric_reading


def _is_empty(value):
    return value == ""


def _key_function(values):
    """Numeric order when every non-empty value looks like a number, text order otherwise.

    Empty values sort before everything else.
    """
    numeric = all(numeric_reading(value) is not None for value in values if not _is_empty(value))
    convert = numeric_reading if numeric else str

    def key(value):
        if _is_empty(value):
            return (0, 0)
        return (1, convert(value))

    return key


def sort_by_keys(items, key_values, descending):
    """Sorts `items` by their key values (one list per item, one value per key).

    `descending` holds one flag per key. Items equal on every key keep their order.
    """
    decorated = list(zip(key_values, items))
    for index, reverse in reversed(list(enumerate(descending))):
        key = _key_function([values[index] for values, _ in decorated])
        decorated.sort(key=lambda pair, i=index, k=key: k(pair[0][i]), reverse=reverse)
    return [item for _, item in decorated]
