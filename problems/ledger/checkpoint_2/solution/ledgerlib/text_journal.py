"""Reader for the plain-text journal format: dated headers followed by indented postings."""
import re
from decimal import Decimal

from .accounts import check_account
from .errors import at_line
from .model import Posting, Transaction
from .values import parse_amount, parse_date

_HEADER_RE = re.compile(r"(\S+)(?:\s+(.*))?")
_AMOUNT_SEPARATOR_RE = re.compile(r" {2,}|\t")


def read_text_journal(text):
    """Parse journal text into balanced transactions in file order."""
    transactions = []
    current = None
    for number, line in enumerate(text.splitlines(), start=1):
        if _is_ignorable(line):
            continue
        if line[0] in " \t":
            if current is None:
                raise at_line(number, "posting outside of a transaction")
            current.postings.append(_parse_posting(line, number))
            continue
        if current is not None:
            transactions.append(complete_transaction(current))
        current = _parse_header(line, number)
    if current is not None:
        transactions.append(complete_transaction(current))
    return transactions


def _is_ignorable(line):
    stripped = line.strip()
    return not stripped or stripped[0] in ";#"


def _parse_header(line, number):
    match = _HEADER_RE.fullmatch(line.rstrip())
    date = parse_date(match.group(1))
    if date is None:
        raise at_line(number, f"expected a transaction date, found '{match.group(1)}'")
    return Transaction(date, (match.group(2) or "").strip(), number)


def _parse_posting(line, number):
    """A posting line: account, then optionally two spaces or a tab and an amount."""
    content = line.split(";", 1)[0].strip()
    parts = _AMOUNT_SEPARATOR_RE.split(content, maxsplit=1)
    account = check_account(parts[0], number)
    if len(parts) == 1:
        return Posting(account, None, number)
    amount = parse_amount(parts[1].strip())
    if amount is None:
        raise at_line(number, f"invalid amount '{parts[1].strip()}'")
    return Posting(account, amount, number)


def complete_transaction(transaction):
    """Infer a missing amount and check that the postings sum to zero."""
    postings = transaction.postings
    if len(postings) < 2:
        raise at_line(transaction.line, "a transaction needs at least two postings")
    missing = [posting for posting in postings if posting.amount is None]
    if len(missing) > 1:
        raise at_line(transaction.line, "only one posting may omit its amount")
    total = sum((posting.amount for posting in postings if posting.amount is not None), Decimal(0))
    if missing:
        missing[0].amount = -total
    elif total != 0:
        raise at_line(transaction.line, f"transaction is unbalanced by {total}")
    return transaction
