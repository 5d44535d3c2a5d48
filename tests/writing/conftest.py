"""`--update-golden`: rewrite the golden drafts under tests/golden/drafts on purpose (then read the diff).

Registered here unless the suite's own conftest already offers the flag."""

from __future__ import annotations

import contextlib

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    with contextlib.suppress(ValueError):  # tests/conftest.py may register it for the whole suite
        parser.addoption("--update-golden", action="store_true", default=False,
                         help="rewrite golden files with the output of this run")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden files are to be rewritten (--update-golden, or UPDATE_GOLDEN=1 as before)."""
    import os

    return bool(request.config.getoption("--update-golden")) or os.environ.get("UPDATE_GOLDEN") == "1"
