"""Routes of the taskboard service."""

import re
import threading
from collections import Counter

from conditional import check_if_match, etag, is_not_modified
from dependencies import clean_blockers, find_cycle
from errors import ApiError
from query import parse_query
from validation import batch_items, batch_task_fields, clean_fields, new_task_fields
from webserver import Response


class Router:
    """Maps a path pattern and a method to a handler; 404 and 405 otherwise."""

    def __init__(self):
        self._routes = []

    def add(self, pattern, **handlers):
        self._routes.append((re.compile(pattern), handlers))

    def dispatch(self, request):
        for pattern, handlers in self._routes:
            match = pattern.fullmatch(request.path)
            if match is None:
                continue
            handler = handlers.get(request.method)
            if handler is None:
                raise ApiError(405, f"method {request.method} not allowed on {request.path}")
            return handler(request, *match.groups())
        raise ApiError(404, f"no route for {request.path}")


def task_response(status, snapshot, headers=None):
    return Response(status, snapshot.task, {"ETag": etag(snapshot.version), **(headers or {})})


class TaskboardApi:
    def __init__(self, store):
        self.store = store
        self.lock = threading.Lock()
        self.router = Router()
        self.router.add("/tasks", GET=self.list_tasks, POST=self.create_task)
        self.router.add("/tasks:batch", POST=self.create_batch)
        self.router.add("/health", GET=self.health)
        self.router.add("/tags", GET=self.list_tags)
        self.router.add(
            "/tasks/([0-9]+)",
            GET=self.get_task,
            PUT=self.replace_task,
            PATCH=self.update_task,
            DELETE=self.delete_task,
        )
        self.router.add("/tasks/([0-9]+)/history", GET=self.get_history)
        self.router.add("/tasks/([0-9]+)/blockers", GET=self.get_blockers, PUT=self.set_blockers)

    def handle(self, request):
        try:
            with self.lock:
                return self.router.dispatch(request)
        except ApiError as error:
            return Response(error.status, error.body(), error.headers)
        except Exception:  # pylint: disable=broad-except - a bug must not kill the connection
            return Response(500, {"error": "internal server error"})

    def list_tasks(self, request):
        page, total = parse_query(request.query, self.store.is_blocked).run(self.store.all())
        return Response(200, {"items": page, "total": total})

    def list_tags(self, _request):
        counts = Counter(tag for task in self.store.all() for tag in task["tags"])
        items = [{"tag": tag, "count": counts[tag]} for tag in sorted(counts)]
        return Response(200, {"items": items})

    def create_task(self, request):
        snapshot = self.store.create(new_task_fields(request.json_object()))
        return task_response(201, snapshot, {"Location": f"/tasks/{snapshot.task['id']}"})

    def create_batch(self, request):
        items = batch_items(request.json_object())
        field_sets = [batch_task_fields(index, item) for index, item in enumerate(items)]
        snapshots = self.store.create_many(field_sets)
        return Response(201, {"items": [snapshot.task for snapshot in snapshots]})

    def health(self, _request):
        return Response(200, {"status": "ok", "tasks": self.store.count()})

    def get_task(self, request, task_id):
        snapshot = self.store.get(int(task_id))
        if is_not_modified(request.headers, snapshot):
            return Response(304, headers={"ETag": etag(snapshot.version)})
        return task_response(200, snapshot)

    def update_task(self, request, task_id):
        current = self.store.get(int(task_id))
        check_if_match(request.headers, current)
        changes = clean_fields(request.json_object())
        self.check_can_finish(current, changes)
        return task_response(200, self.store.update(int(task_id), changes))

    def replace_task(self, request, task_id):
        current = self.store.get(int(task_id))
        check_if_match(request.headers, current, required=True)
        fields = new_task_fields(request.json_object())
        self.check_can_finish(current, fields)
        return task_response(200, self.store.update(int(task_id), fields))

    def delete_task(self, request, task_id):
        check_if_match(request.headers, self.store.get(int(task_id)))
        dependents = self.store.dependents_of(int(task_id))
        if dependents:
            raise ApiError(409, "other tasks are blocked by this task", dependents=dependents)
        self.store.delete(int(task_id))
        return Response(204)

    def check_can_finish(self, current, fields):
        """A task may only become done once all of its blockers are done."""
        if fields.get("status") != "done" or current.task["status"] == "done":
            return
        unfinished = self.store.unfinished_blockers(current.task["id"])
        if unfinished:
            raise ApiError(409, "the task is blocked by unfinished tasks", blockers=unfinished)

    def get_history(self, _request, task_id):
        return Response(200, {"items": self.store.history(int(task_id))})

    def get_blockers(self, _request, task_id):
        return self.blockers_response(self.store.get(int(task_id)))

    def set_blockers(self, request, task_id):
        task_id = int(task_id)
        check_if_match(request.headers, self.store.get(task_id))
        blockers = clean_blockers(request.json_object(), self.store.exists)
        cycle = find_cycle(task_id, blockers, self.store.blockers_of)
        if cycle:
            raise ApiError(409, "the blockers would create a cycle", cycle=cycle)
        return self.blockers_response(self.store.set_blockers(task_id, blockers))

    def blockers_response(self, snapshot):
        task_id = snapshot.task["id"]
        body = {
            "blocked_by": self.store.blockers_of(task_id),
            "blocked": self.store.is_blocked(task_id),
            "dependents": self.store.dependents_of(task_id),
        }
        return Response(200, body, {"ETag": etag(snapshot.version)})
