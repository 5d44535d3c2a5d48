"""pytest fixtures for tests that talk to the sandbox over loopback with the real client.

Enable with `pytest_plugins = ["interview_bot.sandbox.pytest_plugin"]` in tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import pytest

from interview_bot.google.services import build_service
from interview_bot.sandbox.server import Sandbox


class Services(NamedTuple):
    """googleapiclient Resources pointed at one sandbox."""

    calendar: Any
    gmail: Any


def services_for(sandbox: Sandbox) -> Services:
    """Calendar and Gmail services built exactly as the bot builds them, against `sandbox`."""
    return Services(build_service("calendar", endpoint=sandbox.url), build_service("gmail", endpoint=sandbox.url))


@pytest.fixture
def make_sandbox() -> Iterator[Callable[..., Sandbox]]:
    """A factory of started sandboxes (Sandbox's keyword arguments), each stopped after the test."""
    started: list[Sandbox] = []

    def make(**kwargs: Any) -> Sandbox:
        sandbox = Sandbox(**kwargs).start()
        started.append(sandbox)
        return sandbox

    yield make
    for sandbox in started:
        sandbox.stop()


@pytest.fixture
def sandbox(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    """A started sandbox for me@example.com on the real clock."""
    return make_sandbox(email="me@example.com")


@pytest.fixture
def sandbox_services(sandbox: Sandbox) -> Services:
    """(calendar, gmail) services talking to the `sandbox` fixture."""
    return services_for(sandbox)
