"""Task storage: sequential ids, blockers, versions and a change history per task.

Every change is handed to the optional storage backend before the call returns, so a
response is only sent once its change is durable.
"""

import copy
from dataclasses import dataclass

from errors import ApiError
from storage import StorageError

STATE_FORMAT = 1


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
    """A stored task with its blockers, its current version and the versions it went through."""

    def __init__(self, task, version=0, history=None, blocked_by=None):
        self.task = task
        self.version = version
        self.history = [] if history is None else history
        self.blocked_by = [] if blocked_by is None else blocked_by

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
            self._new_version(changes)

    def set_blockers(self, blocked_by):
        """Replace the blockers (a sorted id list); a change is versioned like a field change."""
        changes = field_changes({"blocked_by": self.blocked_by}, {"blocked_by": blocked_by})
        if changes:
            self.blocked_by = list(blocked_by)
            self._new_version(changes)

    def _new_version(self, changes):
        self.version += 1
        self.history.append({"version": self.version, "changes": changes})

    def snapshot(self):
        return Snapshot(copy.deepcopy(self.task), self.version)

    def to_state(self):
        return {
            "task": self.task,
            "version": self.version,
            "history": self.history,
            "blocked_by": self.blocked_by,
        }

    @classmethod
    def from_state(cls, state):
        return cls(state["task"], state["version"], state["history"], state.get("blocked_by", []))


class TaskStore:
    def __init__(self, storage=None):
        self._storage = storage
        self._records = {}
        self._next_id = 1
        if storage is not None:
            self._restore(storage.load())

    def create(self, fields):
        return self.create_many([fields])[0]

    def create_many(self, field_sets):
        """Create several tasks with consecutive ids and save them together."""
        records = [self._add(fields) for fields in field_sets]
        self._commit()
        return [record.snapshot() for record in records]

    def get(self, task_id):
        return self._find(task_id).snapshot()

    def all(self):
        return [self._records[task_id].snapshot().task for task_id in sorted(self._records)]

    def count(self):
        return len(self._records)

    def history(self, task_id):
        return copy.deepcopy(self._find(task_id).history)

    def update(self, task_id, changes):
        return self._change(task_id, lambda record: record.apply(changes))

    def exists(self, task_id):
        return task_id in self._records

    def blockers_of(self, task_id):
        return list(self._find(task_id).blocked_by)

    def set_blockers(self, task_id, blocked_by):
        return self._change(task_id, lambda record: record.set_blockers(blocked_by))

    def unfinished_blockers(self, task_id):
        return [
            blocker
            for blocker in self._find(task_id).blocked_by
            if self._records[blocker].task["status"] != "done"
        ]

    def is_blocked(self, task_id):
        return bool(self.unfinished_blockers(task_id))

    def dependents_of(self, task_id):
        return [
            other_id
            for other_id in sorted(self._records)
            if task_id in self._records[other_id].blocked_by
        ]

    def delete(self, task_id):
        self._find(task_id)
        del self._records[task_id]
        self._commit()

    def _change(self, task_id, change):
        """Apply change to the record and save if it produced a new version."""
        record = self._find(task_id)
        version = record.version
        change(record)
        if record.version != version:
            self._commit()
        return record.snapshot()

    def _add(self, fields):
        record = TaskRecord.create(self._next_id, fields)
        self._records[self._next_id] = record
        self._next_id += 1
        return record

    def _find(self, task_id):
        record = self._records.get(task_id)
        if record is None:
            raise ApiError(404, f"task {task_id} not found")
        return record

    def _commit(self):
        if self._storage is not None:
            self._storage.save(self._to_state())

    def _to_state(self):
        records = [self._records[task_id].to_state() for task_id in sorted(self._records)]
        return {"format": STATE_FORMAT, "next_id": self._next_id, "tasks": records}

    def _restore(self, state):
        if state is None:
            return
        try:
            records = [TaskRecord.from_state(item) for item in state["tasks"]]
            self._next_id = int(state["next_id"])
        except (KeyError, TypeError, ValueError) as error:
            raise StorageError(f"the data file is damaged: {error!r}") from error
        self._records = {record.task["id"]: record for record in records}
