"""Splits query text into tokens."""
from dataclasses import dataclass

from .errors import QuerySyntaxError

KEYWORDS = frozenset(
    {
        "select", "where", "and", "or", "not", "order", "by", "asc", "desc", "limit",
        "offset", "group", "having", "as", "distinct",
    }
)

# Longest operators first so that "<=" wins over "<".
OPERATORS = (
    "<=", ">=", "!=", "<>", "=", "<", ">", "(", ")", ",", "*", "+", "-", "/",
)


@dataclass(frozen=True)
class Token:
    """One token; `pos` is the 1-based offset of its first character, `end` the
    0-based offset just past its last character."""

    kind: str  # keyword, ident, string, number, op, end
    value: str
    pos: int
    end: int
    quoted: bool = False

    def is_keyword(self, word):
        return self.kind == "keyword" and self.value == word

    def is_op(self, symbol):
        return self.kind == "op" and self.value == symbol


def _is_digit(char):
    return char != "" and char in "0123456789"


def _is_ident_start(char):
    return char.isascii() and (char.isalpha() or char == "_")


def _is_ident_char(char):
    return char.isascii() and (char.isalnum() or char == "_")


class Lexer:
    """A single pass over the query text producing a list of tokens."""

    def __init__(self, text):
        self.text = text
        self.index = 0
        self.tokens = []

    def run(self):
        while self._skip_whitespace():
            self.tokens.append(self._next_token())
        end = len(self.text)
        self.tokens.append(Token("end", "", end + 1, end))
        return self.tokens

    def _skip_whitespace(self):
        while self.index < len(self.text) and self.text[self.index].isspace():
            self.index += 1
        return self.index < len(self.text)

    def _peek(self, offset=0):
        at = self.index + offset
        return self.text[at] if at < len(self.text) else ""

    def _token(self, kind, value, start, quoted=False):
        return Token(kind, value, start + 1, self.index, quoted)

    def _next_token(self):
        char = self._peek()
        if _is_ident_start(char):
            return self._word()
        if _is_digit(char):
            return self._number()
        if char == "'":
            return self._string()
        if char == '"':
            return self._quoted_identifier()
        return self._operator()

    def _word(self):
        start = self.index
        while _is_ident_char(self._peek()):
            self.index += 1
        word = self.text[start:self.index]
        if word.lower() in KEYWORDS:
            return self._token("keyword", word.lower(), start)
        return self._token("ident", word, start)

    def _digits(self):
        while _is_digit(self._peek()):
            self.index += 1

    def _number(self):
        start = self.index
        self._digits()
        if self._peek() == "." and _is_digit(self._peek(1)):
            self.index += 1
            self._digits()
        return self._token("number", self.text[start:self.index], start)

    def _quoted(self, quote, what):
        """Reads a quoted text starting at the current quote; a doubled quote is literal."""
        start = self.index
        self.index += 1
        parts = []
        while True:
            end = self.text.find(quote, self.index)
            if end < 0:
                raise QuerySyntaxError(f"unterminated {what}", start + 1)
            parts.append(self.text[self.index:end])
            self.index = end + 1
            if self._peek() != quote:
                return "".join(parts)
            parts.append(quote)
            self.index += 1

    def _string(self):
        start = self.index
        return self._token("string", self._quoted("'", "string literal"), start)

    def _quoted_identifier(self):
        start = self.index
        name = self._quoted('"', "quoted identifier")
        if not name:
            raise QuerySyntaxError("empty quoted identifier", start + 1)
        return self._token("ident", name, start, quoted=True)

    def _operator(self):
        for symbol in OPERATORS:
            if self.text.startswith(symbol, self.index):
                start = self.index
                self.index += len(symbol)
                return self._token("op", symbol, start)
        raise QuerySyntaxError(f"unexpected character {self._peek()!r}", self.index + 1)


def tokenize(text):
    """Returns the tokens of `text`, ending with an `end` token."""
    return Lexer(text).run()
