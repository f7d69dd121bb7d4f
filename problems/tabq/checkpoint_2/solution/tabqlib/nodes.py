"""Syntax tree of a query. Expression nodes know how to evaluate themselves on a row."""
from dataclasses import dataclass, field

from .values import compare

COMPARATORS = {
    "=": lambda sign: sign == 0,
    "!=": lambda sign: sign != 0,
    "<>": lambda sign: sign != 0,
    "<": lambda sign: sign < 0,
    "<=": lambda sign: sign <= 0,
    ">": lambda sign: sign > 0,
    ">=": lambda sign: sign >= 0,
}


@dataclass
class ColumnRef:
    """A reference to an input column by its header name."""

    name: str
    pos: int

    def evaluate(self, row):
        return row[self.name]

    def references(self):
        yield self


@dataclass
class Literal:
    """A string or number literal; its value is the text it stands for."""

    value: str

    def evaluate(self, row):
        return self.value

    def references(self):
        return iter(())


@dataclass
class Comparison:
    op: str
    left: object
    right: object

    def evaluate(self, row):
        sign = compare(self.left.evaluate(row), self.right.evaluate(row))
        return COMPARATORS[self.op](sign)

    def references(self):
        yield from self.left.references()
        yield from self.right.references()


@dataclass
class Junction:
    """Base of `and` / `or`: a list of conditions."""

    operands: list

    def references(self):
        for operand in self.operands:
            yield from operand.references()


class And(Junction):
    def evaluate(self, row):
        return all(operand.evaluate(row) for operand in self.operands)


class Or(Junction):
    def evaluate(self, row):
        return any(operand.evaluate(row) for operand in self.operands)


@dataclass
class Not:
    operand: object

    def evaluate(self, row):
        return not self.operand.evaluate(row)

    def references(self):
        return self.operand.references()


@dataclass
class Star:
    """`*` in the select list: every input column, in file order."""

    pos: int


@dataclass
class OrderKey:
    """One `order by` key: an expression and its direction."""

    expr: object
    descending: bool = False


@dataclass
class Query:
    select: list
    where: object = None
    order_by: list = field(default_factory=list)
    limit: int = None
    offset: int = 0
