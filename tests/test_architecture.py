"""The folder list is the architecture: imports run one way, and no module outgrows its room.

Every import in every module under interview_bot/ is read from its syntax tree, those inside
functions and under TYPE_CHECKING included, so a lazy import cannot slip a layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[1] / "interview_bot"
MAX_LINES = 500

# What each room may import from interview_bot. The shared ground is open to all.
SHARED = {"interview_bot", "interview_bot.model", "interview_bot.clock", "interview_bot.errors", "interview_bot.logs"}
CORE = ("reading", "planning", "writing")
SHELL = ("runtime", "google", "sandbox", "cli")
ALLOWED: dict[str, set[str]] = {
    "shared": set(),
    "config": {"config"},
    "reading": {"config", "reading"},
    "planning": {"config", "reading", "planning"},
    "writing": {"config", "reading", "planning", "writing"},
    "google": {"config", "google"},
    "sandbox": {"sandbox", "google"},
    "runtime": {"config", *CORE, "google", "runtime"},
    "cli": {"config", *CORE, *SHELL},
}
# The core never talks to the outside world, whoever's code would do it.
FORBIDDEN_IN_CORE = ("googleapiclient", "google.auth", "google_auth_oauthlib", "google_auth_httplib2", "httplib2",
                     "sqlite3", "apscheduler", "socket", "http", "urllib.request", "requests", "subprocess")


def room_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] == "__main__":  # `python -m interview_bot` is the command line
        return "cli"
    if len(parts) < 2 or f"interview_bot.{parts[1]}" in SHARED:
        return "shared"
    return parts[1]


def module_name(path: Path) -> str:
    rel = path.relative_to(BOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, imported module) for every import statement in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # "from interview_bot import reading" imports a room, not the shared ground
            if target == "interview_bot":
                found += [(node.lineno, f"interview_bot.{alias.name}") for alias in node.names
                          if (BOT / alias.name).is_dir() or (BOT / f"{alias.name}.py").is_file()]
    return found


MODULES = sorted(BOT.rglob("*.py"))


def test_every_room_is_known() -> None:
    rooms = {room_of(module_name(p)) for p in MODULES}
    assert rooms <= set(ALLOWED), rooms - set(ALLOWED)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(BOT.parent)))
def test_imports_follow_the_data_path(path: Path) -> None:
    here = module_name(path)
    room = room_of(here)
    wrong = []
    for line, target in imports_of(path):
        if target == "interview_bot" or not target.startswith("interview_bot."):
            if room in CORE and any(target == f or target.startswith(f + ".") for f in FORBIDDEN_IN_CORE):
                wrong.append(f"{path.name}:{line} imports {target}: the core never touches the outside world")
            continue
        if target in SHARED or room_of(target) == "shared":
            continue
        if room_of(target) not in ALLOWED[room]:
            wrong.append(f"{path.name}:{line} imports {target}: {room}/ may import only "
                         f"{sorted(ALLOWED[room]) or 'the shared ground'}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(BOT.parent)))
def test_no_module_outgrows_its_room(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path} has {lines} lines; split it by meaning (limit {MAX_LINES})"


def test_every_package_says_what_lives_there() -> None:
    for init in BOT.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init} has no docstring"
        if init.parent != BOT:
            assert "import" in doc, f"{init}'s docstring does not say what the package may import"


# The checker itself must catch what it is there to catch.
@pytest.mark.parametrize(("room", "source", "caught"), [
    ("reading", "from interview_bot.runtime.state import State\n", True),
    ("reading", "def f():\n    from interview_bot.google import gmail\n", True),
    ("planning", "import sqlite3\n", True),
    ("writing", "from http import client\n", True),
    ("writing", "from interview_bot import cli\n", True),
    ("runtime", "from interview_bot.cli.commands import main\n", True),
    ("reading", "from interview_bot.model import Person\nimport re\n", False),
    ("planning", "from interview_bot.reading.detect import classify\n", False),
])
def test_the_contract_check_catches_a_wrong_import(tmp_path: Path, room: str, source: str, caught: bool,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    fake_bot = tmp_path / "interview_bot"
    for each in ALLOWED:
        (fake_bot / each).mkdir(parents=True, exist_ok=True)
    module = fake_bot / room / "bad.py"
    module.write_text(source)
    monkeypatch.setattr(__import__(__name__, fromlist=["BOT"]), "BOT", fake_bot)
    if caught:
        with pytest.raises(AssertionError):
            test_imports_follow_the_data_path(module)
    else:
        test_imports_follow_the_data_path(module)
