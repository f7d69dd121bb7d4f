"""Runs a parsed query against a table."""
from dataclasses import dataclass

from .errors import QueryError
from .nodes import ColumnRef, Star
from .ordering import sort_by_keys


@dataclass
class Result:
    """Output column names and rows (lists of values)."""

    columns: list
    rows: list


def _check_references(query, table):
    nodes = [item for item in query.select if not isinstance(item, Star)]
    if query.where is not None:
        nodes.append(query.where)
    nodes.extend(key.expr for key in query.order_by)
    known = set(table.columns)
    for node in nodes:
        for ref in node.references():
            if ref.name not in known:
                raise QueryError(f"unknown column '{ref.name}'")


def _output_columns(query, table):
    """Pairs of (output name, expression) with `*` expanded."""
    columns = []
    for item in query.select:
        if isinstance(item, Star):
            columns.extend((name, ColumnRef(name, item.pos)) for name in table.columns)
        else:
            columns.append((item.name, item))
    return columns


def _sort(rows, order_by):
    if not order_by:
        return rows
    key_values = [[key.expr.evaluate(row) for key in order_by] for row in rows]
    return sort_by_keys(rows, key_values, [key.descending for key in order_by])


def _page(rows, limit, offset):
    end = None if limit is None else offset + limit
    return rows[offset:end]


def run_query(query, table):
    _check_references(query, table)
    columns = _output_columns(query, table)
    rows = table.rows
    if query.where is not None:
        rows = [row for row in rows if query.where.evaluate(row)]
    rows = _page(_sort(rows, query.order_by), query.limit, query.offset)
    values = [[expr.evaluate(row) for _, expr in columns] for row in rows]
    return Result([name for name, _ in columns], values)
