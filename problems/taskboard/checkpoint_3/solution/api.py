"""Routes of the taskboard service."""

import re
import threading
from collections import Counter

from conditional import check_if_match, etag, is_not_modified
from errors import ApiError
from query import parse_query
from validation import clean_fields, new_task_fields
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
        self.router.add("/tags", GET=self.list_tags)
        self.router.add(
            "/tasks/([0-9]+)",
            GET=self.get_task,
            PUT=self.replace_task,
            PATCH=self.update_task,
            DELETE=self.delete_task,
        )
        self.router.add("/tasks/([0-9]+)/history", GET=self.get_history)

    def handle(self, request):
        try:
            with self.lock:
                return self.router.dispatch(request)
        except ApiError as error:
            return Response(error.status, error.body(), error.headers)
        except Exception:  # pylint: disable=broad-except - a bug must not kill the connection
            return Response(500, {"error": "internal server error"})

    def list_tasks(self, request):
        page, total = parse_query(request.query).run(self.store.all())
        return Response(200, {"items": page, "total": total})

    def list_tags(self, _request):
        counts = Counter(tag for task in self.store.all() for tag in task["tags"])
        items = [{"tag": tag, "count": counts[tag]} for tag in sorted(counts)]
        return Response(200, {"items": items})

    def create_task(self, request):
        snapshot = self.store.create(new_task_fields(request.json_object()))
        return task_response(201, snapshot, {"Location": f"/tasks/{snapshot.task['id']}"})

    def get_task(self, request, task_id):
        snapshot = self.store.get(int(task_id))
        if is_not_modified(request.headers, snapshot):
            return Response(304, headers={"ETag": etag(snapshot.version)})
        return task_response(200, snapshot)

    def update_task(self, request, task_id):
        check_if_match(request.headers, self.store.get(int(task_id)))
        changes = clean_fields(request.json_object())
        return task_response(200, self.store.update(int(task_id), changes))

    def replace_task(self, request, task_id):
        check_if_match(request.headers, self.store.get(int(task_id)), required=True)
        fields = new_task_fields(request.json_object())
        return task_response(200, self.store.update(int(task_id), fields))

    def delete_task(self, request, task_id):
        check_if_match(request.headers, self.store.get(int(task_id)))
        self.store.delete(int(task_id))
        return Response(204)

    def get_history(self, _request, task_id):
        return Response(200, {"items": self.store.history(int(task_id))})
