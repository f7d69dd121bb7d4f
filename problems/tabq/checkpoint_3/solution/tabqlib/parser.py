"""Recursive-descent parser turning tokens into a `Query`.

Grammar:
    query       := 'select' select_list
                   ['where' condition]
                   ['group' 'by' column (',' column)*]
                   ['having' condition]
                   ['order' 'by' order_key (',' order_key)*]
                   ['limit' integer ['offset' integer]]
    select_list := select_item (',' select_item)*
    select_item := '*' | expr ['as' name]
    order_key   := expr ['asc' | 'desc']
    condition   := conjunction ('or' conjunction)*
    conjunction := negation ('and' negation)*
    negation    := 'not' negation | '(' condition ')' | comparison
    comparison  := expr compare_op expr
    expr        := term (('+' | '-') term)*
    term        := factor (('*' | '/') factor)*
    factor      := '-' factor | primary
    primary     := number | string | call | column | '(' expr ')'
    call        := plain_name '(' ['*' | 'distinct' expr | expr (',' expr)*] ')'

A '(' at the start of a negation may open either a condition or an expression; both are
tried and, if neither fits, the error that got further into the query is reported.
"""
from .errors import QuerySyntaxError
from .functions import aggregate_function, is_aggregate, scalar_function
from .lexer import tokenize
from .nodes import (
    COMPARATORS,
    AggregateCall,
    And,
    Arithmetic,
    ColumnRef,
    Comparison,
    Literal,
    Negate,
    Not,
    Or,
    OrderKey,
    Query,
    ScalarCall,
    SelectItem,
    Star,
)
from .values import parse_number


def _describe(token):
    if token.kind == "end":
        return "end of query"
    return repr(token.value)


class Parser:
    def __init__(self, text):
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0

    # -- token helpers -------------------------------------------------

    @property
    def current(self):
        return self.tokens[self.index]

    def _peek(self):
        return self.tokens[min(self.index + 1, len(self.tokens) - 1)]

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

    def _accept_op(self, *symbols):
        if self.current.kind == "op" and self.current.value in symbols:
            return self._advance()
        return None

    def _expect_keyword(self, word):
        if not self._accept_keyword(word):
            self._fail(f"'{word}'")

    def _expect_op(self, symbol):
        if not self._accept_op(symbol):
            self._fail(f"'{symbol}'")

    def _comma_list(self, parse_item):
        items = [parse_item()]
        while self._accept_op(","):
            items.append(parse_item())
        return items

    def _source_text(self, first_index):
        """The query text spanned by the tokens from `first_index` to the current one."""
        start = self.tokens[first_index].pos - 1
        return self.text[start:self.tokens[self.index - 1].end]

    # -- clauses -------------------------------------------------------

    def parse(self):
        self._expect_keyword("select")
        query = Query(select=self._comma_list(self._select_item))
        if self._accept_keyword("where"):
            query.where = self._condition()
        if self._accept_keyword("group"):
            self._expect_keyword("by")
            query.group_by = self._comma_list(lambda: self._column("a column"))
        if self._accept_keyword("having"):
            query.having = self._condition()
        if self._accept_keyword("order"):
            self._expect_keyword("by")
            query.order_by = self._comma_list(self._order_key)
        self._limit(query)
        if self.current.kind != "end":
            self._fail("end of query")
        return query

    def _limit(self, query):
        if self._accept_keyword("limit"):
            query.limit = self._integer()
            if self._accept_keyword("offset"):
                query.offset = self._integer()

    def _select_item(self):
        star = self._accept_op("*")
        if star:
            return Star(star.pos)
        first = self.index
        expr = self._expr()
        single_column = isinstance(expr, ColumnRef) and self.index == first + 1
        name = expr.name if single_column else self._source_text(first)
        if self._accept_keyword("as"):
            alias = self._name("a name after 'as'")
            return SelectItem(expr, alias, alias)
        return SelectItem(expr, name)

    def _order_key(self):
        expr = self._expr()
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

    def _name(self, expected):
        if self.current.kind != "ident":
            self._fail(expected)
        return self._advance().value

    def _column(self, expected):
        token = self.current
        return ColumnRef(self._name(expected), token.pos)

    # -- conditions ----------------------------------------------------

    def _condition(self):
        operands = self._separated(self._conjunction, "or")
        return operands[0] if len(operands) == 1 else Or(operands)

    def _conjunction(self):
        operands = self._separated(self._negation, "and")
        return operands[0] if len(operands) == 1 else And(operands)

    def _separated(self, parse_item, keyword):
        items = [parse_item()]
        while self._accept_keyword(keyword):
            items.append(parse_item())
        return items

    def _negation(self):
        if self._accept_keyword("not"):
            return Not(self._negation())
        if self.current.is_op("("):
            return self._parenthesized()
        return self._comparison()

    def _parenthesized(self):
        """`( condition )`, or a comparison whose left side starts with `(`."""
        start = self.index
        try:
            self._advance()
            condition = self._condition()
            self._expect_op(")")
            return condition
        except QuerySyntaxError as as_condition:
            self.index = start
            try:
                return self._comparison()
            except QuerySyntaxError as as_comparison:
                raise max(as_condition, as_comparison, key=lambda err: err.position) from None

    def _comparison(self):
        left = self._expr()
        if self.current.kind != "op" or self.current.value not in COMPARATORS:
            self._fail("a comparison operator")
        op = self._advance().value
        return Comparison(op, left, self._expr())

    # -- expressions ---------------------------------------------------

    def _expr(self):
        return self._binary(self._term, ("+", "-"))

    def _term(self):
        return self._binary(self._factor, ("*", "/"))

    def _binary(self, parse_operand, symbols):
        left = parse_operand()
        while True:
            operator = self._accept_op(*symbols)
            if not operator:
                return left
            left = Arithmetic(operator.value, left, parse_operand())

    def _factor(self):
        if self._accept_op("-"):
            return Negate(self._factor())
        return self._primary()

    def _primary(self):
        token = self.current
        if token.kind == "number":
            return Literal(parse_number(self._advance().value))
        if token.kind == "string":
            return Literal(self._advance().value)
        if token.kind == "ident" and not token.quoted and self._peek().is_op("("):
            return self._call()
        if token.kind == "ident":
            return self._column("a column")
        if self._accept_op("("):
            expr = self._expr()
            self._expect_op(")")
            return expr
        self._fail("an expression")

    def _call(self):
        name = self._advance().value
        self._expect_op("(")
        star = bool(self._accept_op("*"))
        distinct = not star and bool(self._accept_keyword("distinct"))
        args = []
        if distinct:
            args = [self._expr()]
        elif not star and not self.current.is_op(")"):
            args = self._comma_list(self._expr)
        self._expect_op(")")
        if is_aggregate(name):
            function = aggregate_function(name, len(args), star, distinct)
            return AggregateCall(name, function, args[0] if args else None, distinct)
        return ScalarCall(name, scalar_function(name, len(args), star or distinct), args)


def parse_query(text):
    """Parses query text; raises QuerySyntaxError with the offending position."""
    return Parser(text).parse()
