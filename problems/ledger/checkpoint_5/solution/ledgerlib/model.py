"""The in-memory journal: transactions made of postings."""
from dataclasses import dataclass, field


@dataclass
class Posting:
    """An amount moved into (positive) or out of (negative) one account.

    `assertion`, when set, is the balance the account must hold (in the assertion's
    commodity) right after this posting.
    """

    account: str
    amount: object
    line: int
    assertion: object = None


@dataclass
class Transaction:
    """A dated, described group of postings."""

    date: object
    description: str
    line: int
    postings: list = field(default_factory=list)


def postings_by_date(transactions):
    """(transaction, posting) pairs in date order; ties keep file order."""
    ordered = sorted(transactions, key=lambda transaction: transaction.date)
    return [(transaction, posting) for transaction in ordered for posting in transaction.postings]
