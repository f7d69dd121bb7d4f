"""Runs a planned query: filter, group, project, filter groups, sort, page."""
from dataclasses import dataclass, field

from .ordering import sort_by_keys
from .planner import plan_query
from .values import lookup, to_text


@dataclass
class Result:
    """Output column names and rows (lists of values)."""

    columns: list
    rows: list


@dataclass
class Scope:
    """What expressions are evaluated on: one input row, or the rows of a group.

    Column values come from the first row (all rows of a group agree on the group by
    columns); `outputs` holds the select values once they are computed.
    """

    rows: list
    outputs: list = field(default_factory=list)

    def value(self, source, path):
        return lookup(self.rows[0][source], path)

    def row_scopes(self):
        return [Scope([row]) for row in self.rows]


def _group(rows, group_by):
    """Groups rows by the text forms of the group by columns, in order of first appearance."""
    if not group_by:
        return [Scope(rows)]
    groups = {}
    for row in rows:
        key = tuple(to_text(ref.evaluate(Scope([row]))) for ref in group_by)
        groups.setdefault(key, []).append(row)
    return [Scope(members) for members in groups.values()]


def _sort(scopes, order_by):
    if not order_by:
        return scopes
    key_values = [[key.expr.evaluate(scope) for key in order_by] for scope in scopes]
    return sort_by_keys(scopes, key_values, [key.descending for key in order_by])


def _page(items, limit, offset):
    end = None if limit is None else offset + limit
    return items[offset:end]


def _where(rows, condition):
    if condition is None:
        return rows
    return [row for row in rows if condition.evaluate(Scope([row]))]


def _having(scopes, condition):
    if condition is None:
        return scopes
    return [scope for scope in scopes if condition.evaluate(scope)]


def _project(plan, rows):
    """One scope per output row (a row, or a group), with its select values computed."""
    if plan.aggregate:
        scopes = _group(rows, plan.query.group_by)
    else:
        scopes = [Scope([row]) for row in rows]
    for scope in scopes:
        scope.outputs = [expr.evaluate(scope) for expr in plan.exprs]
    return scopes


def _join(rows, join, table):
    """Pairs every row with each matching record of `table`, in order; a left join
    keeps a row without match, with no record (all null) for `table`."""
    joined = []
    for row in rows:
        candidates = [{**row, table.alias: record} for record in table.rows]
        matches = [pair for pair in candidates if join.condition.evaluate(Scope([pair]))]
        if not matches and join.left:
            matches = [{**row, table.alias: None}]
        joined.extend(matches)
    return joined


def _source_rows(query, tables):
    """The rows of the main source, joined with every join source in turn.

    A row maps each source alias to one record of that source."""
    main = tables[0]
    rows = [{main.alias: record} for record in main.rows]
    for join, table in zip(query.joins, tables[1:]):
        rows = _join(rows, join, table)
    return rows


def run_query(query, tables):
    """Runs `query`; `tables` lists the main source first, then one per join."""
    plan = plan_query(query, tables)
    rows = _source_rows(query, tables)
    scopes = _having(_project(plan, _where(rows, query.where)), query.having)
    scopes = _page(_sort(scopes, query.order_by), query.limit, query.offset)
    return Result(plan.names, [scope.outputs for scope in scopes])
