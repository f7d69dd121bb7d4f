"""Blocking relations between tasks: request validation and cycle detection."""

from collections import deque

from errors import ApiError
from validation import is_integer


def clean_blockers(body, task_exists):
    """The validated, de-duplicated and sorted ids of a PUT .../blockers body."""
    if set(body) != {"blocked_by"}:
        raise ApiError(400, "the body must be an object with the single key blocked_by")
    ids = body["blocked_by"]
    if not isinstance(ids, list) or not all(is_integer(item) for item in ids):
        raise ApiError(400, "blocked_by must be a list of task ids")
    unknown = sorted(item for item in set(ids) if not task_exists(item))
    if unknown:
        raise ApiError(400, f"blocked_by names unknown task {unknown[0]}")
    return sorted(set(ids))


def find_cycle(task_id, new_blockers, blockers_of):
    """The cycle that giving task_id the new blockers would create, or None.

    A breadth-first search from the task, visiting blockers in ascending id order, finds a
    shortest cycle, and among the shortest the one with the smallest id sequence. The result
    reads [task_id, blocker, blocker's blocker, ..., task_id].
    """
    parents = {}
    queue = deque([task_id])
    while queue:
        current = queue.popleft()
        for blocker in new_blockers if current == task_id else blockers_of(current):
            if blocker == task_id:
                return path_from_start(current, parents) + [task_id]
            if blocker not in parents:
                parents[blocker] = current
                queue.append(blocker)
    return None


def path_from_start(node, parents):
    path = [node]
    while node in parents:
        node = parents[node]
        path.append(node)
    return path[::-1]
