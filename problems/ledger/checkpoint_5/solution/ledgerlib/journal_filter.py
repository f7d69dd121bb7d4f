"""Selection of transactions by date."""


def within_dates(transactions, begin=None, end=None):
    """Transactions dated on or after begin and strictly before end (None: unbounded)."""
    return [
        transaction for transaction in transactions
        if (begin is None or transaction.date >= begin) and (end is None or transaction.date < end)
    ]
