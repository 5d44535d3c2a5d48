from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from interview_bot.clock import FixedClock

pytest_plugins = ["interview_bot.sandbox.pytest_plugin"]


@pytest.fixture(autouse=True)
def _no_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read nor write the real user's config, data and state folders (platformdirs, XDG)."""
    home = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("INTERVIEW_BOT_CONFIG", raising=False)


@pytest.fixture(autouse=True)
def private_lock_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Account locks in a folder of this test's own (subprocesses inherit it), not the user's runtime folder."""
    folder = tmp_path_factory.mktemp("locks")
    folder.chmod(0o700)
    monkeypatch.setenv("INTERVIEW_BOT_LOCK_DIR", str(folder))
    return folder


@pytest.fixture
def make_world(make_sandbox: Callable[..., Any], tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """A factory of test worlds (sandbox + shared clock + config); extra_config is appended YAML."""
    from tests.world import ME, T0, World

    made: list[World] = []

    def make(extra_config: str = "", **sandbox: Any) -> World:
        clock = FixedClock(T0)
        w = World(make_sandbox(email=ME, clock=clock, **sandbox), clock, tmp_path / f"w{len(made)}", extra_config)
        made.append(w)
        return w

    for n in range(4):
        (tmp_path / f"w{n}").mkdir()
    yield make
    for w in made:
        w.restart()


@pytest.fixture
def world(make_world: Callable[..., Any]) -> Any:
    """One user's world with the default config."""
    return make_world()


# -- golden files ----------------------------------------------------------------------------------

GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden files under tests/golden with what the code prints now")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """golden(name, text): text must equal tests/golden/<name>; with --update-golden it is written there.

    For whole outputs a person reads (`plan`, drafts): a change shows as a diff in review, and is
    accepted on purpose by running `pytest --update-golden` and committing the files."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(f"no golden file {path.relative_to(GOLDEN.parent)}: run pytest with --update-golden to "
                        "write it, then review and commit it")
        assert text == path.read_text(encoding="utf-8"), f"differs from {path} (--update-golden to accept)"

    return check
