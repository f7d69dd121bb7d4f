"""Syntax tree of a query.

Expression nodes evaluate themselves in a `Scope` (see engine.py): a single input row, or
a group of rows for aggregate queries. `children()` lists sub-expressions so that tree
walks (validation, binding) need no knowledge of each node type.
"""
from dataclasses import dataclass, field

from .values import arithmetic, compare, negate

COMPARATORS = {
    "=": lambda sign: sign == 0,
    "!=": lambda sign: sign != 0,
    "<>": lambda sign: sign != 0,
    "<": lambda sign: sign < 0,
    "<=": lambda sign: sign <= 0,
    ">": lambda sign: sign > 0,
    ">=": lambda sign: sign >= 0,
}


class Node:
    def children(self):
        return ()


@dataclass
class Literal(Node):
    value: object

    def evaluate(self, scope):
        return self.value


@dataclass
class ColumnRef(Node):
    """A reference such as `price`, `o.total` or `user.address.city`.

    The planner binds it either to a select alias (`alias_index`) or to a source and a
    path inside that source's records (`source`, `path`).
    """

    segments: list
    pos: int
    alias_index: int = None
    source: str = None
    path: tuple = ()

    @property
    def name(self):
        """The reference as written, without quotes."""
        return ".".join(self.segments)

    def bind(self, source, path):
        self.source = source
        self.path = tuple(path)

    def evaluate(self, scope):
        if self.alias_index is not None:
            return scope.outputs[self.alias_index]
        return scope.value(self.source, self.path)


@dataclass
class Negate(Node):
    operand: Node

    def evaluate(self, scope):
        return negate(self.operand.evaluate(scope))

    def children(self):
        return (self.operand,)


@dataclass
class Arithmetic(Node):
    op: str
    left: Node
    right: Node

    def evaluate(self, scope):
        return arithmetic(self.op, self.left.evaluate(scope), self.right.evaluate(scope))

    def children(self):
        return (self.left, self.right)


@dataclass
class ScalarCall(Node):
    """A call of a plain (non-aggregate) function on its evaluated arguments."""

    name: str
    function: object
    args: list

    def evaluate(self, scope):
        return self.function(*[arg.evaluate(scope) for arg in self.args])

    def children(self):
        return tuple(self.args)


@dataclass
class AggregateCall(Node):
    """count/sum/avg/min/max over the rows of a group. `arg` is None for count(*)."""

    name: str
    function: object
    arg: Node = None
    distinct: bool = False

    def evaluate(self, scope):
        if self.arg is None:
            return len(scope.rows)
        values = [self.arg.evaluate(row_scope) for row_scope in scope.row_scopes()]
        return self.function(values, self.distinct)

    def children(self):
        return () if self.arg is None else (self.arg,)


@dataclass
class Comparison(Node):
    op: str
    left: Node
    right: Node

    def evaluate(self, scope):
        sign = compare(self.left.evaluate(scope), self.right.evaluate(scope))
        return COMPARATORS[self.op](sign)

    def children(self):
        return (self.left, self.right)


@dataclass
class Junction(Node):
    """Base of `and` / `or`: a list of conditions."""

    operands: list

    def children(self):
        return tuple(self.operands)


class And(Junction):
    def evaluate(self, scope):
        return all(operand.evaluate(scope) for operand in self.operands)


class Or(Junction):
    def evaluate(self, scope):
        return any(operand.evaluate(scope) for operand in self.operands)


@dataclass
class Not(Node):
    operand: Node

    def evaluate(self, scope):
        return not self.operand.evaluate(scope)

    def children(self):
        return (self.operand,)


def walk(node, into_aggregates=True):
    """Yields `node` and its descendants, optionally not entering aggregate calls."""
    yield node
    if isinstance(node, AggregateCall) and not into_aggregates:
        return
    for child in node.children():
        yield from walk(child, into_aggregates)


def column_refs(node, into_aggregates=True):
    return [n for n in walk(node, into_aggregates) if isinstance(n, ColumnRef)]


def contains_aggregate(node):
    return any(isinstance(n, AggregateCall) for n in walk(node))


@dataclass
class Star:
    """`*` in the select list: every input column, in file order."""

    pos: int


@dataclass
class SelectItem:
    """An output column: its expression, the alias given with `as` (if any), and the
    name printed in the header."""

    expr: Node
    name: str
    alias: str = None


@dataclass
class OrderKey:
    """One `order by` key: an expression and its direction."""

    expr: Node
    descending: bool = False


@dataclass
class Join:
    """`[left] join 'path' [as alias] on condition`."""

    path: str
    alias: str
    condition: Node
    left: bool = False


@dataclass
class Query:
    select: list
    joins: list = field(default_factory=list)
    where: Node = None
    group_by: list = field(default_factory=list)
    having: Node = None
    order_by: list = field(default_factory=list)
    limit: int = None
    offset: int = 0
