"""Validation and normalisation of the client-writable task fields."""

import re

from errors import ApiError

STATUSES = ("todo", "doing", "done")
TITLE_MAX_LENGTH = 200
TAG_PATTERN = re.compile(r"[a-z0-9-]{1,30}")


def default_fields():
    """The values of the optional fields when a task is created without them."""
    return {"description": "", "status": "todo", "priority": 3, "tags": []}


def invalid(field, problem):
    return ApiError(400, f"{field} {problem}")


def clean_title(value):
    if not isinstance(value, str):
        raise invalid("title", "must be a string")
    title = value.strip()
    if not 1 <= len(title) <= TITLE_MAX_LENGTH:
        raise invalid("title", f"must have 1 to {TITLE_MAX_LENGTH} characters after trimming")
    return title


def clean_description(value):
    if not isinstance(value, str):
        raise invalid("description", "must be a string")
    return value


def clean_status(value):
    if value not in STATUSES:
        raise invalid("status", f"must be one of {', '.join(STATUSES)}")
    return value


def is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


def clean_priority(value):
    if not is_integer(value) or not 1 <= value <= 5:
        raise invalid("priority", "must be an integer from 1 to 5")
    return value


def is_tag(value):
    return isinstance(value, str) and TAG_PATTERN.fullmatch(value) is not None


def clean_tags(value):
    if not isinstance(value, list) or not all(is_tag(tag) for tag in value):
        raise invalid("tags", "must be a list of tags made of a-z, 0-9 and '-' (1 to 30 characters)")
    return sorted(set(value))


FIELD_CLEANERS = {
    "title": clean_title,
    "description": clean_description,
    "status": clean_status,
    "priority": clean_priority,
    "tags": clean_tags,
}


def clean_fields(body):
    """Validate a partial set of task fields; unknown keys are rejected."""
    unknown = sorted(set(body) - set(FIELD_CLEANERS))
    if unknown:
        raise ApiError(400, f"unknown field: {unknown[0]}")
    return {name: FIELD_CLEANERS[name](value) for name, value in body.items()}


def new_task_fields(body):
    """Validate the body of a create request and fill in the defaults, in field order."""
    if "title" not in body:
        raise invalid("title", "is required")
    fields = {**default_fields(), **clean_fields(body)}
    return {name: fields[name] for name in FIELD_CLEANERS}
