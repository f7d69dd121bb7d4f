"""In-memory task storage: sequential ids, versions and a change history per task."""

import copy
from dataclasses import dataclass

from errors import ApiError


@dataclass(frozen=True)
class Snapshot:
    """A copy of a task as stored, together with its version."""

    task: dict
    version: int


def field_changes(old, new):
    """The fields whose value differs, in field-name order, as history change records."""
    return [
        {"field": name, "old": copy.deepcopy(old.get(name)), "new": copy.deepcopy(new[name])}
        for name in sorted(new)
        if old.get(name) != new[name]
    ]


class TaskRecord:
    """A stored task with its current version and the list of versions it went through."""

    def __init__(self, task, version=0, history=None):
        self.task = task
        self.version = version
        self.history = [] if history is None else history

    @classmethod
    def create(cls, task_id, fields):
        record = cls({"id": task_id})
        record.apply(fields)
        return record

    def apply(self, fields):
        """Change the given fields; a new version is recorded only if something differs."""
        changes = field_changes(self.task, fields)
        if changes:
            self.task.update(copy.deepcopy(fields))
            self.version += 1
            self.history.append({"version": self.version, "changes": changes})

    def snapshot(self):
        return Snapshot(copy.deepcopy(self.task), self.version)


class TaskStore:
    def __init__(self):
        self._records = {}
        self._next_id = 1

    def create(self, fields):
        record = TaskRecord.create(self._next_id, fields)
        self._records[self._next_id] = record
        self._next_id += 1
        return record.snapshot()

    def get(self, task_id):
        return self._find(task_id).snapshot()

    def all(self):
        return [self._records[task_id].snapshot().task for task_id in sorted(self._records)]

    def history(self, task_id):
        return copy.deepcopy(self._find(task_id).history)

    def update(self, task_id, changes):
        record = self._find(task_id)
        record.apply(changes)
        return record.snapshot()

    def delete(self, task_id):
        self._find(task_id)
        del self._records[task_id]

    def _find(self, task_id):
        record = self._records.get(task_id)
        if record is None:
            raise ApiError(404, f"task {task_id} not found")
        return record
