"""Recursive-descent parser turning tokens into a `Query`.

Grammar:
    query       := 'select' select_list ['where' condition]
                   ['order' 'by' order_key (',' order_key)*]
                   ['limit' integer ['offset' integer]]
    order_key   := column ['asc' | 'desc']
    select_list := select_item (',' select_item)*
    select_item := '*' | column
    condition   := conjunction ('or' conjunction)*
    conjunction := negation ('and' negation)*
    negation    := 'not' negation | '(' condition ')' | comparison
    comparison  := operand compare_op operand
    operand     := column | string | number
"""
from .errors import QuerySyntaxError
from .lexer import tokenize
from .nodes import (
    COMPARATORS,
    And,
    ColumnRef,
    Comparison,
    Literal,
    Not,
    Or,
    OrderKey,
    Query,
    Star,
)


def _describe(token):
    if token.kind == "end":
        return "end of query"
    return repr(token.value)


class Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.index = 0

    # -- token helpers -------------------------------------------------

    @property
    def current(self):
        return self.tokens[self.index]

    def _advance(self):
        token = self.current
        self.index += 1
        return token

    def _fail(self, expected):
        token = self.current
        raise QuerySyntaxError(f"expected {expected}, found {_describe(token)}", token.pos)

    def _accept_keyword(self, word):
        if self.current.is_keyword(word):
            return self._advance()
        return None

    def _accept_op(self, symbol):
        if self.current.is_op(symbol):
            return self._advance()
        return None

    def _expect_keyword(self, word):
        if not self._accept_keyword(word):
            self._fail(f"'{word}'")

    def _expect_op(self, symbol):
        if not self._accept_op(symbol):
            self._fail(f"'{symbol}'")

    # -- grammar -------------------------------------------------------

    def parse(self):
        self._expect_keyword("select")
        query = Query(select=self._select_list())
        if self._accept_keyword("where"):
            query.where = self._condition()
        if self._accept_keyword("order"):
            self._expect_keyword("by")
            query.order_by = self._order_keys()
        if self._accept_keyword("limit"):
            query.limit = self._integer()
            if self._accept_keyword("offset"):
                query.offset = self._integer()
        if self.current.kind != "end":
            self._fail("end of query")
        return query

    def _order_keys(self):
        keys = [self._order_key()]
        while self._accept_op(","):
            keys.append(self._order_key())
        return keys

    def _order_key(self):
        expr = self._column("a column")
        if self._accept_keyword("desc"):
            return OrderKey(expr, descending=True)
        self._accept_keyword("asc")
        return OrderKey(expr)

    def _integer(self):
        token = self.current
        if token.kind != "number" or not token.value.isdigit():
            self._fail("a non-negative integer")
        self._advance()
        return int(token.value)

    def _select_list(self):
        items = [self._select_item()]
        while self._accept_op(","):
            items.append(self._select_item())
        return items

    def _select_item(self):
        star = self._accept_op("*")
        if star:
            return Star(star.pos)
        return self._column("a column or '*'")

    def _column(self, expected):
        if self.current.kind != "ident":
            self._fail(expected)
        token = self._advance()
        return ColumnRef(token.value, token.pos)

    def _condition(self):
        operands = [self._conjunction()]
        while self._accept_keyword("or"):
            operands.append(self._conjunction())
        return operands[0] if len(operands) == 1 else Or(operands)

    def _conjunction(self):
        operands = [self._negation()]
        while self._accept_keyword("and"):
            operands.append(self._negation())
        return operands[0] if len(operands) == 1 else And(operands)

    def _negation(self):
        if self._accept_keyword("not"):
            return Not(self._negation())
        if self._accept_op("("):
            condition = self._condition()
            self._expect_op(")")
            return condition
        return self._comparison()

    def _comparison(self):
        left = self._operand()
        if self.current.kind != "op" or self.current.value not in COMPARATORS:
            self._fail("a comparison operator")
        op = self._advance().value
        return Comparison(op, left, self._operand())

    def _operand(self):
        if self.current.kind in ("string", "number"):
            return Literal(self._advance().value)
        return self._column("a column, string or number")


def parse_query(text):
    """Parses query text; raises QuerySyntaxError with the offending position."""
    return Parser(text).parse()
