"""Hierarchical account names: components separated by ':'."""
from .errors import at_line

SEPARATOR = ":"


def check_account(name, line):
    """Raise a LedgerError unless name is a valid account name."""
    if not name:
        raise at_line(line, "empty account name")
    if any(not part for part in name.split(SEPARATOR)):
        raise at_line(line, f"account '{name}' has an empty component")
    return name


def within(account, ancestor):
    """True when account is ancestor itself or one of its descendants."""
    return account == ancestor or account.startswith(ancestor + SEPARATOR)


def selected(account, account_filter):
    """True when no filter is given or account lies within the filter's subtree."""
    return account_filter is None or within(account, account_filter)


def truncate(account, depth):
    """The account's name cut to its first `depth` components (None: unchanged)."""
    if depth is None:
        return account
    return SEPARATOR.join(account.split(SEPARATOR)[:depth])
