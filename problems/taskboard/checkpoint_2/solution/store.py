"""In-memory task storage with sequential, never reused ids."""

import copy

from errors import ApiError


class TaskStore:
    def __init__(self):
        self._tasks = {}
        self._next_id = 1

    def create(self, fields):
        task = {"id": self._next_id, **fields}
        self._tasks[task["id"]] = task
        self._next_id += 1
        return copy.deepcopy(task)

    def get(self, task_id):
        return copy.deepcopy(self._find(task_id))

    def all(self):
        return [copy.deepcopy(self._tasks[task_id]) for task_id in sorted(self._tasks)]

    def update(self, task_id, changes):
        task = self._find(task_id)
        task.update(copy.deepcopy(changes))
        return copy.deepcopy(task)

    def delete(self, task_id):
        self._find(task_id)
        del self._tasks[task_id]

    def _find(self, task_id):
        task = self._tasks.get(task_id)
        if task is None:
            raise ApiError(404, f"task {task_id} not found")
        return task
