"""Durable storage of the whole service state as one JSON file, replaced atomically."""

import json
import os
import tempfile

DATA_FILE = "taskboard.json"


class StorageError(Exception):
    """The data file exists but cannot be used."""


class JsonFileStorage:
    def __init__(self, directory):
        os.makedirs(directory, exist_ok=True)
        self.directory = directory
        self.path = os.path.join(directory, DATA_FILE)

    def load(self):
        """The saved state, or None when nothing has been saved yet."""
        if not os.path.exists(self.path):
            return None
        try:
            with open(self.path, encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError) as error:
            raise StorageError(f"cannot read {self.path}: {error}") from error

    def save(self, state):
        """Write the state to a temporary file, flush it to disk, then swap it in."""
        handle, temporary = tempfile.mkstemp(prefix=".taskboard-", dir=self.directory)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as output:
                json.dump(state, output)
                output.flush()
                os.fsync(output.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            os.unlink(temporary)
            raise
