"""The state file on disk: a private folder and file, SQLite's own failures in words, damage set aside.

The state holds names, companies and mail subjects, so its folder is made 0700 and the file
0600 whatever the umask (SQLite gives its -wal and -shm files the database file's mode). A
folder the bot did not make keeps its mode, except the bot's own default folder.

Every SQLite error becomes a StateError that names the file and says what to do: read-only
(the file, its -wal or -shm, or the folder), a full disk, a damaged file (moved aside, and the
next start rebuilds it from Google), a folder that is gone.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from interview_bot.config.model import default_state_folder
from interview_bot.errors import StateError
from interview_bot.runtime.ownfile import Ownership, ownership
from interview_bot.runtime.schema import APPLICATION_ID

REBUILD_HINT = ("run the same command again: the bot starts a new state file and rebuilds it from your calendar "
                "and Gmail (drafts already in Gmail are not made again)")

READ_ONLY_HINT = ("make it writable (files left by a run as root: sudo chown -R \"$USER\" {folder}), or set `state:` "
                  "in config.yaml to a writable path")


class CorruptState(StateError):
    """The state file is damaged; it has been moved aside (or must be)."""


class StateGone(StateError):
    """The state file (or its folder) was deleted or replaced while the bot had it open."""


def prepare(path: Path) -> Ownership:
    """Check that `path` is the bot's own (ownfile), then make it if absent, private; how it was found.

    Nothing is done to a path that is not the bot's (ForeignFile, before any lock or journal
    appears beside it). The folder is made 0700 if missing, and the file 0600 if the bot makes it
    now or knows it as its own. A read-only file system is said now, before the lock is taken.
    """
    folder = path.parent
    try:
        if not folder.exists():
            missing = [p for p in (folder, *folder.parents) if not p.exists()]
            folder.mkdir(parents=True, mode=0o700)
            for made in missing:
                os.chmod(made, 0o700)  # mkdir's mode is masked by the umask
        elif folder.resolve() == default_state_folder().resolve():
            _private(folder, 0o700)
        found = ownership(path)
        if _read_only_fs(folder):
            raise StateError(f"cannot write the state file {path}: it is on a read-only file system",
                             hint=READ_ONLY_HINT.format(folder=folder))
        if found in (Ownership.ABSENT, Ownership.EMPTY):
            _create(path, replace_empty=found is Ownership.EMPTY)
        for name in (path, _side(path, "-wal"), _side(path, "-shm")):
            _private(name, 0o600)
    except StateError:
        raise
    except OSError as e:
        raise translate(path, e) from e
    return found


def _create(path: Path, replace_empty: bool) -> None:
    """Make the state file whole, stamped as the bot's: written aside, then linked into place.

    The file appears with its application id already in its header, so a kill at any moment
    never leaves a file at `path` the bot would not know as its own.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.new-", dir=path.parent)
    os.close(fd)
    try:
        os.chmod(tmp, 0o600)
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # rollback journal: written to the file now
        finally:
            conn.close()
        if replace_empty:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if another process made it a moment ago: theirs is kept
            except FileExistsError:
                pass
    finally:
        for leftover in (tmp, tmp + "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


def _read_only_fs(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _side(path: Path, suffix: str) -> Path:
    return Path(str(path) + suffix)


def _private(path: Path, mode: int) -> None:
    """chmod to `mode` a file or folder this user owns whose mode is looser."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    plain = stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)
    if plain and info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, mode)


def connect(path: Path) -> sqlite3.Connection:
    """The SQLite connection, in WAL mode with full syncs, checked for damage and for being writable."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=10, factory=Connection)
    except sqlite3.Error as e:
        raise translate(path, e) from e
    assert isinstance(conn, Connection)
    conn.state_path = path
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        if not conn.execute("PRAGMA application_id").fetchone()[0]:  # an earlier release's file: now marked ours
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("database disk image is malformed: " + "; ".join(map(str, problems[:3])))
    except CorruptState:
        conn.close()
        raise set_aside(path) from None
    except sqlite3.DatabaseError as e:
        conn.close()
        error = translate(path, e)
        raise (set_aside(path) if isinstance(error, CorruptState) else error) from e
    except StateError:
        conn.close()
        raise
    return conn


def probe_write(conn: sqlite3.Connection) -> None:
    """Fail now, with the reason, if the state cannot be written (a write, rolled back)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('write_probe', '1')")
    finally:
        conn.execute("ROLLBACK")


def set_aside(path: Path) -> CorruptState:
    """Move a damaged state file (and its -wal and -shm) aside, keeping it; the error to raise."""
    aside = Path(f"{path}.damaged-{datetime.now().strftime('%Y%m%d-%H%M%S')}")
    try:
        for suffix in ("-wal", "-shm", ""):
            if _side(path, suffix).exists():
                os.replace(_side(path, suffix), _side(aside, suffix))
    except OSError as e:
        return CorruptState(f"the state file {path} is damaged, and could not be moved aside: {e.strerror}",
                            hint=f"move it aside yourself (mv {path} {aside}), then {REBUILD_HINT}")
    return CorruptState(f"the state file {path} is damaged; a copy is kept at {aside}", hint=REBUILD_HINT)


def translate(path: Path, e: BaseException) -> StateError:
    """A SQLite or OS error on the state file as a StateError that says what is wrong and what to do."""
    if isinstance(e, StateError):
        return e
    name = str(getattr(e, "sqlite_errorname", ""))
    err = getattr(e, "errno", None)
    text = str(e)
    read_only = _read_only_part(path)
    if name.startswith("SQLITE_READONLY") or err in (1, 13, 30) or "readonly" in text:
        read_only = read_only or "it is read-only"
    if read_only and (name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR")) or err in (1, 13, 30)
                      or "readonly" in text):  # EPERM, EACCES, EROFS
        return StateError(f"cannot write the state file {path}: {read_only}",
                          hint=READ_ONLY_HINT.format(folder=path.parent))
    if name == "SQLITE_FULL" or err == 28 or "disk is full" in text or (name.startswith("SQLITE_IOERR")
                                                                        and _disk_full(path)):  # ENOSPC
        return StateError(f"the disk holding the state file {path} is full; nothing was half-written",
                          hint="free some space; the bot carries on where it stopped")
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return CorruptState(f"the state file {path} is damaged ({text})", hint=REBUILD_HINT)
    if path.parent.exists() and not path.parent.is_dir():
        return StateError(f"the state file {path} cannot be made: {path.parent} is a file, not a folder",
                          hint="set `state:` in config.yaml to a path in a folder")
    if not path.parent.is_dir():
        return StateError(f"the folder of the state file {path} does not exist (deleted, or a drive not mounted)",
                          hint="mount or create it, or set `state:` in config.yaml to a folder that exists")
    if name.startswith("SQLITE_IOERR") or err == 27:  # EFBIG: a file-size limit
        return StateError(f"cannot write the state file {path}: disk I/O error (is the disk full, or a file size "
                          "limit reached?); nothing was half-written",
                          hint="free some space or check the disk; the bot carries on where it stopped")
    return StateError(f"the state file {path} cannot be used: {text}",
                      hint="check the path and permissions of `state:` in config.yaml")


def _read_only_part(path: Path) -> str:
    """Which of the folder, the file, its -wal or its -shm cannot be written, in words ("" if all can)."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return "it is on a read-only file system"
    except OSError:
        return ""
    for part, what in ((path, "the file"), (_side(path, "-wal"), "its -wal file"), (_side(path, "-shm"), "its -shm file")):
        if part.exists() and not os.access(part, os.W_OK):
            return f"{what} {part} is read-only"
    if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
        return f"its folder {path.parent} is read-only"
    return ""


def _disk_full(path: Path) -> bool:
    """Whether the file system holding the state has (almost) no space left for this user."""
    try:
        info = os.statvfs(path.parent)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < 1 << 20


class Connection(sqlite3.Connection):
    """sqlite3.Connection whose errors, when executing or fetching, are StateErrors naming the file."""

    state_path = Path("state")

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        try:
            return _Rows(super().execute(sql, parameters), self.state_path)
        except sqlite3.Error as e:
            raise translate(self.state_path, e) from e

    def executescript(self, sql_script: str, /) -> Any:
        try:
            return super().executescript(sql_script)
        except sqlite3.Error as e:
            raise translate(self.state_path, e) from e


class _Rows:
    """A cursor whose fetches translate errors too (a damaged page shows up when it is read)."""

    def __init__(self, cursor: sqlite3.Cursor, path: Path) -> None:
        self._cursor = cursor
        self._path = path

    def fetchone(self) -> Any:
        try:
            return self._cursor.fetchone()
        except sqlite3.Error as e:
            raise translate(self._path, e) from e

    def fetchall(self) -> list[Any]:
        try:
            return self._cursor.fetchall()
        except sqlite3.Error as e:
            raise translate(self._path, e) from e

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


def same_file(path: Path, conn_inode: int) -> bool:
    """Whether `path` is still the file opened (not deleted or replaced since)."""
    try:
        return os.stat(path).st_ino == conn_inode
    except OSError:
        return False


def inode(path: Path) -> int:
    try:
        return os.stat(path).st_ino
    except OSError:
        return 0


def gone_error(path: Path) -> StateGone:
    return StateGone(f"the state file {path} was deleted or replaced while the bot was running",
                     hint="start the bot again: it makes a new state file and rebuilds it from Google (drafts "
                     "already in Gmail are not made again)")


__all__ = ["Connection", "CorruptState", "StateGone", "connect", "gone_error", "inode", "prepare", "probe_write",
           "same_file", "set_aside", "translate"]
