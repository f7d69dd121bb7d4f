"""Checks a parsed query against its sources and prepares it for execution.

Binding a column reference `s1.s2...sn`:
  1. if n >= 2 and s1 is the alias of an available source, it means path s2...sn in that
     source (s2 must be one of its columns);
  2. otherwise s1 must be a column of exactly one available source, and the path is
     s1...sn in that source.
"""
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


def _check_aliases(tables):
    seen = set()
    for table in tables:
        if table.alias in seen:
            raise QueryError(f"two sources are named '{table.alias}'; use 'as' to rename one")
        seen.add(table.alias)


def _resolve(ref, tables):
    """Binds `ref` to a source and path among `tables` (see the module docstring)."""
    head = ref.segments[0]
    by_alias = {table.alias: table for table in tables}
    if len(ref.segments) > 1 and head in by_alias:
        table = by_alias[head]
        if ref.segments[1] not in table.columns:
            raise QueryError(f"unknown column '{ref.name}'")
        ref.bind(table.alias, ref.segments[1:])
        return
    candidates = [table for table in tables if head in table.columns]
    if not candidates:
        raise QueryError(f"unknown column '{ref.name}'")
    if len(candidates) > 1:
        raise QueryError(f"ambiguous column '{head}': qualify it with a source name")
    ref.bind(candidates[0].alias, ref.segments)


def _resolve_all(nodes, tables):
    for node in nodes:
        for ref in column_refs(node):
            if ref.alias_index is None:
                _resolve(ref, tables)


def _resolve_joins(query, tables):
    """A join condition sees the main source and the joins up to its own."""
    for count, join in enumerate(query.joins, start=2):
        if contains_aggregate(join.condition):
            raise QueryError("aggregate functions are not allowed in join conditions")
        _resolve_all([join.condition], tables[:count])


def _star_columns(star, tables):
    qualify = len(tables) > 1
    items = []
    for table in tables:
        for column in table.columns:
            ref = ColumnRef([table.alias, column] if qualify else [column], star.pos)
            ref.bind(table.alias, [column])
            items.append(SelectItem(ref, ref.name))
    return items


def _expand_select(select, tables):
    items = []
    for item in select:
        if isinstance(item, Star):
            items.extend(_star_columns(item, tables))
        else:
            items.append(item)
    return items


def _bind_aliases(nodes, items):
    """Outside aggregate arguments, a plain name equal to an alias means that alias."""
    aliases = {}
    for index, item in enumerate(items):
        if item.alias is not None:
            aliases.setdefault(item.alias, index)
    for node in nodes:
        for ref in column_refs(node, into_aggregates=False):
            if len(ref.segments) == 1:
                ref.alias_index = aliases.get(ref.name)


def _having_and_order(query):
    nodes = [key.expr for key in query.order_by]
    if query.having is not None:
        nodes.append(query.having)
    return nodes


def _is_aggregate_query(query, exprs):
    nodes = exprs + _having_and_order(query)
    return bool(query.group_by) or any(contains_aggregate(node) for node in nodes)


def _check_no_nested_aggregates(nodes):
    for node in nodes:
        for call in walk(node):
            if isinstance(call, AggregateCall) and call.arg and contains_aggregate(call.arg):
                raise QueryError(f"aggregate function '{call.name}' cannot contain another")


def _check_grouping(query, nodes):
    """In an aggregate query, columns outside aggregates must be group by columns."""
    if any(isinstance(item, Star) for item in query.select):
        raise QueryError("'*' cannot be selected in an aggregate query")
    grouped = {(ref.source, ref.path) for ref in query.group_by}
    for node in nodes:
        for ref in column_refs(node, into_aggregates=False):
            if ref.alias_index is None and (ref.source, ref.path) not in grouped:
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


def plan_query(query, tables):
    """`tables` lists the main source first, then one table per join."""
    _check_aliases(tables)
    _resolve_joins(query, tables)
    items = _expand_select(query.select, tables)
    exprs = [item.expr for item in items]
    _bind_aliases(_having_and_order(query), items)
    where = [] if query.where is None else [query.where]
    _resolve_all(exprs + where + query.group_by + _having_and_order(query), tables)
    aggregate = _is_aggregate_query(query, exprs)
    _check_clauses(query, exprs, aggregate)
    return Plan([item.name for item in items], exprs, aggregate, query)
