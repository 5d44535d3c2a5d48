"""A local notification receiver: Apprise's json:// posts each notification to it as JSON."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


class Receiver:
    """An HTTP server on a free loopback port that keeps what it is sent; `failing` makes it answer 503."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.attempts = 0
        self.failing = 0  # how many requests to refuse before taking them (-1: all)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # the name http.server calls
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.attempts += 1
                if receiver.failing:
                    receiver.failing -= 1 if receiver.failing > 0 else 0
                    self.send_response(503)
                    self.end_headers()
                    return
                receiver.received.append(json.loads(body))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.server.server_address[1]}/"

    def wait_for(self, done: Callable[[], bool], deadline: float = 60.0) -> bool:
        """Poll until done() (a bounded wait for another thread's delivery, not a timing assertion)."""
        end = time.monotonic() + deadline
        while not done():
            if time.monotonic() > end:
                return False
            time.sleep(0.01)
        return True

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()
