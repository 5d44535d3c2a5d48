"""Only the bot's own files (issue 23): a state, lock or token path that is not the bot's is refused untouched.

Each foreign path is pointed at by `state:` and `run --once` is run over the sandbox: the error
names the path and what it is, and the path is left byte for byte and mode for mode as it was,
with no -wal, -shm, -journal or .lock beside it. The device is made with mknod in the test's own
folder (a copy of /dev/null's numbers), never the system's.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from interview_bot.cli.commands import main
from interview_bot.runtime.ownfile import ForeignFile, Ownership, ownership
from interview_bot.runtime.schema import APPLICATION_ID
from interview_bot.runtime.state import State
from tests.world import at


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | str]]:
    """Every entry of the folder: its mode and, for regular files, its bytes (a symlink: its target)."""
    out: dict[str, tuple[int, bytes | str]] = {}
    for entry in sorted(folder.iterdir()):
        info = os.lstat(entry)
        if stat.S_ISLNK(info.st_mode):
            content: bytes | str = os.readlink(entry)
        elif stat.S_ISREG(info.st_mode):
            content = entry.read_bytes()
        else:
            content = ""
        out[entry.name] = (info.st_mode, content)
    return out


def _device(p: Path) -> None:
    null = os.stat("/dev/null")
    try:
        os.mknod(p, 0o666 | stat.S_IFCHR, null.st_rdev)
    except PermissionError:
        pytest.skip("mknod needs root (CAP_MKNOD)")
    except OSError as e:
        if e.errno == errno.EPERM:
            pytest.skip("mknod is not allowed here")
        raise


def _foreign_sqlite(p: Path) -> None:
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.execute("INSERT INTO photos (path) VALUES ('holiday.jpg')")
    conn.commit()
    conn.close()
    p.chmod(0o644)


def _another_app_id(p: Path) -> None:
    conn = sqlite3.connect(p)
    conn.execute("PRAGMA application_id = 1")
    conn.execute("CREATE TABLE meta (k TEXT)")  # a table name like ours does not make it ours
    conn.commit()
    conn.close()
    p.chmod(0o644)


def _symlink(p: Path) -> None:
    target = p.parent / "elsewhere.sqlite3"
    State.open(target).close()  # even a link to a real state file: the link is not the bot's
    target.chmod(0o644)
    p.symlink_to(target)


def _folder(p: Path) -> None:
    p.mkdir(mode=0o755)
    (p / "photo.jpg").write_bytes(b"\xff\xd8")


def _text(p: Path) -> None:
    p.write_text("my notes\n")
    p.chmod(0o644)


FOREIGN: dict[str, tuple[Callable[[Path], None], str]] = {
    "device": (_device, "is a device"),
    "fifo": (lambda p: os.mkfifo(p, 0o644), "is a named pipe (fifo)"),
    "folder": (_folder, "is a folder"),
    "symlink": (_symlink, "is a symbolic link to"),
    "foreign sqlite": (_foreign_sqlite, "another application's SQLite database (photos)"),
    "another application id": (_another_app_id, "another application's SQLite database (application_id 0x1)"),
    "text file": (_text, "is a text file"),
}


@pytest.mark.parametrize("kind", list(FOREIGN))
def test_a_foreign_state_path_is_refused_and_left_as_it_was(make_world: Any, tmp_path: Path, capsys: Any,
                                                            kind: str) -> None:
    world = make_world()
    world.invite("Interview: Data Analyst - Initech", 0)
    folder = tmp_path / "theirs"
    folder.mkdir()
    folder.chmod(0o755)
    target = folder / "state.sqlite3"
    make, said = FOREIGN[kind]
    make(target)
    text = world.config_path.read_text().replace(f"state: {world.cfg.state}", f"state: {target}")
    world.config_path.write_text(text)
    before = snapshot(folder)
    for command in (["run", "--once", "--at", at(4).isoformat()], ["status"], ["plan", "--at", at(4).isoformat()]):
        code = main(["--config", str(world.config_path), *command])
        err = capsys.readouterr().err
        assert code == 1, (command, err)
        assert f"error: the state file path {target} " in err and said in err and "left untouched" in err, err
        assert "Traceback" not in err and "disk I/O" not in err
    assert snapshot(folder) == before  # byte for byte, mode for mode, and nothing beside it
    assert world.drafts() == {}


def test_an_earlier_release_file_without_the_id_is_recognised_by_its_tables_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    State.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")  # as the release before the id wrote it
    conn.commit()
    conn.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert ownership(path) is Ownership.EARLIER
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # looking left nothing beside it
    State.open(path).close()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID


def test_a_new_state_file_carries_the_id_from_its_first_byte_and_an_empty_file_is_taken(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    State.open(path).close()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.sqlite3", "state.sqlite3.lock"]  # no temporary file
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert ownership(empty) is Ownership.EMPTY
    State.open(empty).close()
    assert ownership(empty) is Ownership.OURS


def test_a_foreign_lock_file_beside_the_state_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    (tmp_path / "state.sqlite3.lock").symlink_to("/etc/hostname")
    with pytest.raises(ForeignFile) as err:
        State.open(path)
    assert f"{path}.lock is a symbolic link to /etc/hostname" in err.value.message
    assert not path.exists()  # refused before anything was made


def test_a_symlinked_or_foreign_token_file_is_refused_untouched(tmp_path: Path) -> None:
    from interview_bot.errors import AuthError
    from interview_bot.google.auth import load_credentials, save_token
    from tests.google.test_auth import write_token

    notes = tmp_path / "notes.txt"
    notes.write_text("not a token\n")
    link = tmp_path / "token.json"
    link.symlink_to(notes)
    for call in (lambda: load_credentials(link), lambda: write_token(link)):
        with pytest.raises(AuthError) as err:
            call()
        assert f"the token path {link} is a symbolic link" in err.value.message
    with pytest.raises(AuthError) as err:
        save_token(None, notes)
    assert "holds no JSON token" in err.value.message
    assert notes.read_text() == "not a token\n" and link.is_symlink()


def test_a_read_only_lock_folder_gets_the_read_only_message(make_world: Any, tmp_path: Path, capsys: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.runtime.test_statefile_e2e import read_only

    world = make_world()
    world.invite("Interview: Data Analyst - Initech", 0)
    locks = tmp_path / "ro-locks"
    locks.mkdir(mode=0o700)
    monkeypatch.setenv("INTERVIEW_BOT_LOCK_DIR", str(locks))
    with read_only(locks):
        code = main(["--config", str(world.config_path), "run", "--once", "--at", at(4).isoformat()])
        err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and "please report" not in err, err
    assert f"cannot write the lock file {locks}" in err and "read-only" in err and "hint:" in err
    assert world.drafts() == {}
