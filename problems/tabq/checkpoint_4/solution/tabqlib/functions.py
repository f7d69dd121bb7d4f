"""The functions a query can call: scalar functions and aggregates."""
from dataclasses import dataclass

from .errors import QueryError
from .values import compare, compare_text, is_empty, numeric_reading, require_number, to_text


def _concat(*values):
    return "".join(to_text(value) for value in values)


def _null_or(function):
    """Wraps a one-argument text function so that null stays null."""

    def apply(value):
        return None if value is None else function(to_text(value))

    return apply


@dataclass(frozen=True)
class Scalar:
    function: object
    min_args: int
    max_args: int = None  # None: no upper limit


SCALARS = {
    "concat": Scalar(_concat, 1),
    "upper": Scalar(_null_or(str.upper), 1, 1),
    "lower": Scalar(_null_or(str.lower), 1, 1),
    "length": Scalar(_null_or(len), 1, 1),
}


def _present(values, distinct):
    """The non-empty values; with `distinct`, one per distinct text form."""
    present = [value for value in values if not is_empty(value)]
    if not distinct:
        return present
    unique = {}
    for value in present:
        unique.setdefault(to_text(value), value)
    return list(unique.values())


def _count(values, distinct):
    return len(_present(values, distinct))


def _sum(values, distinct):
    numbers = [require_number(value) for value in _present(values, distinct)]
    return sum(numbers) if numbers else None


def _avg(values, distinct):
    numbers = [require_number(value) for value in _present(values, distinct)]
    return sum(numbers) / len(numbers) if numbers else None


def _extreme(values, want_sign):
    """The smallest (want_sign < 0) or largest value; numeric order only when every
    value is numeric, text order otherwise. The first of equal values wins."""
    present = _present(values, False)
    if not present:
        return None
    numeric = all(numeric_reading(value) is not None for value in present)
    order = compare if numeric else compare_text
    best = present[0]
    for value in present[1:]:
        if order(value, best) == want_sign:
            best = value
    return best


def _min(values, distinct):
    return _extreme(values, -1)


def _max(values, distinct):
    return _extreme(values, 1)


AGGREGATES = {"count": _count, "sum": _sum, "avg": _avg, "min": _min, "max": _max}


def scalar_function(name, arg_count, has_modifier=False):
    """The implementation of scalar function `name`, checking its arguments.

    `has_modifier` tells that the call was written with `*` or `distinct`, which only
    count accepts.
    """
    spec = SCALARS.get(name.lower())
    if spec is None:
        raise QueryError(f"unknown function '{name}'")
    if has_modifier:
        raise QueryError(f"function '{name}' accepts neither '*' nor 'distinct'")
    too_many = spec.max_args is not None and arg_count > spec.max_args
    if arg_count < spec.min_args or too_many:
        raise QueryError(f"wrong number of arguments for function '{name}'")
    return spec.function


def is_aggregate(name):
    return name.lower() in AGGREGATES


def aggregate_function(name, arg_count, star, distinct):
    """The implementation of aggregate `name`; only count accepts `*` and `distinct`."""
    lowered = name.lower()
    if (star or distinct) and lowered != "count":
        raise QueryError(f"function '{name}' does not accept {'*' if star else 'distinct'}")
    if not star and arg_count != 1:
        raise QueryError(f"wrong number of arguments for function '{name}'")
    return AGGREGATES[lowered]
