"""Parsing and evaluation of the GET /tasks query string."""

from errors import ApiError
from validation import STATUSES, is_tag

PARAMETERS = ("status", "priority", "tag", "q", "blocked", "sort", "limit", "offset")
REPEATABLE = ("tag",)
PRIORITIES = ("1", "2", "3", "4", "5")
MAX_LIMIT = 100

SORT_KEYS = {
    "id": lambda task: task["id"],
    "title": lambda task: task["title"].lower(),
    "status": lambda task: STATUSES.index(task["status"]),
    "priority": lambda task: task["priority"],
}


class TaskQuery:
    """Filters, sort order and page window of one list request."""

    def __init__(self):
        self.filters = []
        self.sort_keys = [("id", False)]
        self.offset = 0
        self.limit = None

    def run(self, tasks):
        """Return (page of matching tasks, number of matching tasks)."""
        matching = [task for task in tasks if all(keep(task) for keep in self.filters)]
        ordered = sort_tasks(matching, self.sort_keys)
        end = None if self.limit is None else self.offset + self.limit
        return ordered[self.offset:end], len(matching)


def sort_tasks(tasks, sort_keys):
    """Sort by the keys, most significant first; full ties end in ascending id order."""
    ordered = sorted(tasks, key=SORT_KEYS["id"])
    for name, descending in reversed(sort_keys):
        ordered.sort(key=SORT_KEYS[name], reverse=descending)
    return ordered


def bad_parameter(name, problem):
    return ApiError(400, f"query parameter {name} {problem}")


def single_values(params):
    """Check names and repetition; map each name to its value (a list for repeatable ones)."""
    values = {}
    for name, given in params.items():
        if name not in PARAMETERS:
            raise bad_parameter(name, "is not supported")
        if len(given) > 1 and name not in REPEATABLE:
            raise bad_parameter(name, "may be given only once")
        values[name] = given if name in REPEATABLE else given[0]
    return values


def parse_choices(name, raw, allowed, convert=str):
    items = raw.split(",")
    if not set(items) <= set(allowed):
        raise bad_parameter(name, f"has an invalid value: {raw!r}")
    return {convert(item) for item in items}


def parse_count(name, raw, minimum, maximum=None):
    if not (raw.isascii() and raw.isdigit()):
        raise bad_parameter(name, "must be a whole number")
    value = int(raw)
    if value < minimum or (maximum is not None and value > maximum):
        raise bad_parameter(name, "is out of range")
    return value


def parse_sort(raw):
    keys = []
    for item in raw.split(","):
        descending = item.startswith("-")
        name = item[1:] if descending else item
        if name not in SORT_KEYS:
            raise bad_parameter("sort", f"has an unknown field: {item!r}")
        if any(name == known for known, _ in keys):
            raise bad_parameter("sort", f"names {name} twice")
        keys.append((name, descending))
    return keys


def field_filter(field, allowed):
    return lambda task: task[field] in allowed


def tags_filter(raw_tags):
    invalid = [tag for tag in raw_tags if not is_tag(tag)]
    if invalid:
        raise bad_parameter("tag", f"has an invalid value: {invalid[0]!r}")
    wanted = set(raw_tags)
    return lambda task: wanted.issubset(task["tags"])


def text_filter(text):
    needle = text.lower()
    return lambda task: needle in task["title"].lower() or needle in task["description"].lower()


def blocked_filter(raw, is_blocked):
    if raw not in ("true", "false"):
        raise bad_parameter("blocked", "must be true or false")
    wanted = raw == "true"
    return lambda task: is_blocked(task["id"]) == wanted


FILTER_BUILDERS = {
    "status": lambda raw: field_filter("status", parse_choices("status", raw, STATUSES)),
    "priority": lambda raw: field_filter("priority", parse_choices("priority", raw, PRIORITIES, int)),
    "tag": tags_filter,
    "q": text_filter,
}


def parse_query(params, is_blocked):
    """Build a TaskQuery from parse_qs output, or raise a 400 ApiError.

    is_blocked(task_id) tells whether a task is blocked, for the blocked filter.
    """
    values = single_values(params)
    builders = {**FILTER_BUILDERS, "blocked": lambda raw: blocked_filter(raw, is_blocked)}
    query = TaskQuery()
    query.filters = [build(values[name]) for name, build in builders.items() if name in values]
    if "sort" in values:
        query.sort_keys = parse_sort(values["sort"])
    if "offset" in values:
        query.offset = parse_count("offset", values["offset"], 0)
    if "limit" in values:
        query.limit = parse_count("limit", values["limit"], 1, MAX_LIMIT)
    return query
