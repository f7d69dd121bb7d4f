"""Checks a parsed query against a table and prepares it for execution."""
from dataclasses import dataclass

from .errors import QueryError
from .nodes import AggregateCall, ColumnRef, SelectItem, Star, column_refs, contains_aggregate, walk


@dataclass
class Plan:
    """What the engine runs: output names and expressions plus the query clauses."""

    names: list
    exprs: list
    aggregate: bool
    query: object


def _expand_select(select, table):
    items = []
    for item in select:
        if isinstance(item, Star):
            items.extend(SelectItem(ColumnRef(name, item.pos), name) for name in table.columns)
        else:
            items.append(item)
    return items


def _bind_aliases(nodes, items):
    """Outside aggregate arguments, a column name equal to an alias means that alias."""
    aliases = {}
    for index, item in enumerate(items):
        if item.alias is not None:
            aliases.setdefault(item.alias, index)
    for node in nodes:
        for ref in column_refs(node, into_aggregates=False):
            ref.alias_index = aliases.get(ref.name)


def _check_columns(nodes, table):
    known = set(table.columns)
    for node in nodes:
        for ref in column_refs(node):
            if ref.alias_index is None and ref.name not in known:
                raise QueryError(f"unknown column '{ref.name}'")


def _is_aggregate_query(query, exprs):
    nodes = exprs + _having_and_order(query)
    return bool(query.group_by) or any(contains_aggregate(node) for node in nodes)


def _having_and_order(query):
    nodes = [key.expr for key in query.order_by]
    if query.having is not None:
        nodes.append(query.having)
    return nodes


def _check_no_nested_aggregates(nodes):
    for node in nodes:
        for call in walk(node):
            if isinstance(call, AggregateCall) and call.arg and contains_aggregate(call.arg):
                raise QueryError(f"aggregate function '{call.name}' cannot contain another")


def _check_grouping(query, nodes):
    """In an aggregate query, columns outside aggregates must be group by columns."""
    if any(isinstance(item, Star) for item in query.select):
        raise QueryError("'*' cannot be selected in an aggregate query")
    grouped = {ref.name for ref in query.group_by}
    for node in nodes:
        for ref in column_refs(node, into_aggregates=False):
            if ref.alias_index is None and ref.name not in grouped:
                raise QueryError(
                    f"column '{ref.name}' must be in group by or inside an aggregate function"
                )


def _check_clauses(query, exprs, aggregate):
    if query.where is not None and contains_aggregate(query.where):
        raise QueryError("aggregate functions are not allowed in where")
    if query.having is not None and not aggregate:
        raise QueryError("having requires group by or an aggregate function")
    nodes = exprs + _having_and_order(query)
    _check_no_nested_aggregates(nodes)
    if aggregate:
        _check_grouping(query, nodes)


def plan_query(query, table):
    items = _expand_select(query.select, table)
    exprs = [item.expr for item in items]
    _bind_aliases(_having_and_order(query), items)
    where = [] if query.where is None else [query.where]
    _check_columns(exprs + where + query.group_by + _having_and_order(query), table)
    aggregate = _is_aggregate_query(query, exprs)
    _check_clauses(query, exprs, aggregate)
    return Plan([item.name for item in items], exprs, aggregate, query)
