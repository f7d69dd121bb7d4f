"""Calendar periods (months, quarters, years) and the range of periods a report covers."""
import datetime
from dataclasses import dataclass

MONTHS_PER_PERIOD = {"monthly": 1, "quarterly": 3, "yearly": 12}


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period, identified by its first month counted from year 0."""

    first_month: int
    kind: str

    @property
    def months(self):
        return MONTHS_PER_PERIOD[self.kind]

    @property
    def label(self):
        year, month = divmod(self.first_month, 12)
        if self.kind == "monthly":
            return f"{year:04d}-{month + 1:02d}"
        if self.kind == "quarterly":
            return f"{year:04d}-Q{month // 3 + 1}"
        return f"{year:04d}"

    def next(self):
        return Period(self.first_month + self.months, self.kind)


def period_of(date, kind):
    """The period of the given kind that contains date."""
    month = date.year * 12 + date.month - 1
    size = MONTHS_PER_PERIOD[kind]
    return Period(month - month % size, kind)


def period_range(kind, dates, begin=None, end=None):
    """Every period from the first to the last covered one, in order.

    The first period contains `begin` (or the earliest date), the last one contains the
    day before `end` (or the latest date); with no date to go by there are no periods.
    """
    start = begin if begin is not None else min(dates, default=None)
    stop = _day_before(end) if end is not None else max(dates, default=None)
    if start is None or stop is None or start > stop:
        return []
    periods = [period_of(start, kind)]
    last = period_of(stop, kind)
    while periods[-1] < last:
        periods.append(periods[-1].next())
    return periods


def _day_before(date):
    return date - datetime.timedelta(days=1) if date > datetime.date.min else None
