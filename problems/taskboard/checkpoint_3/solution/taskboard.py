"""Taskboard: a task-tracking HTTP/JSON service.

Usage: python3 taskboard.py --address ADDR --port PORT
"""

import argparse
import signal
import sys
import threading

from api import TaskboardApi
from store import TaskStore
from webserver import make_server

SHUTDOWN_POLL_SECONDS = 0.05  # how quickly serve_forever notices a shutdown request


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Task-tracking HTTP/JSON service.")
    parser.add_argument("--address", default="127.0.0.1", help="interface to listen on")
    parser.add_argument("--port", type=int, required=True, help="TCP port to listen on")
    return parser.parse_args(argv)


def stop_on_signals(server):
    """Shut the server down cleanly on SIGTERM or SIGINT."""

    def stop(_signum, _frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)


def main(argv=None):
    args = parse_args(argv)
    server = make_server(args.address, args.port, TaskboardApi(TaskStore()))
    stop_on_signals(server)
    try:
        server.serve_forever(poll_interval=SHUTDOWN_POLL_SECONDS)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
