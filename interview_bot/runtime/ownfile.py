"""Whether a path is the bot's own state file, told before anything opens it.

The bot uses a state path only when it is absent (the bot makes it, stamped with its
application id from its first byte on), empty (nothing there to lose), or a regular file, not
a symlink, whose SQLite header carries interview-bot's `application_id` (runtime/schema.py).
A file of an earlier release, made before the id, is recognised by its tables, read with
SQLite's `immutable=1` (which creates no -wal, -shm or journal beside it) or, when it has an
uncheckpointed -wal, from a copy in a temporary folder. Anything else (a device, a fifo, a
folder, a symlink, another application's database, a text file) is refused with a ForeignFile
that names the path and what it is, and nothing is done to it: no open for writing, no chmod,
no rename, no lock file or journal beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
import urllib.parse
from enum import Enum
from pathlib import Path

from interview_bot.errors import StateError
from interview_bot.runtime.schema import APPLICATION_ID, APPLICATION_ID_OFFSET, HEADER_MAGIC

# The tables every release of the bot has made since the first: what recognises a file without the id.
OWN_TABLES = frozenset({"meta", "interviews", "follow_ups"})
COPY_LIMIT = 64 << 20  # a file with an uncheckpointed -wal is looked at from a copy up to this size
HEADER_SIZE = 100
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")


class Ownership(Enum):
    ABSENT = "absent"  # the bot makes it
    EMPTY = "empty"  # a regular file of 0 bytes: nothing to lose, the bot fills it
    OURS = "ours"  # the application id says so
    EARLIER = "earlier"  # an earlier release's file, recognised by its tables


class ForeignFile(StateError):
    """The path holds something that is not the bot's; it was left exactly as it was."""


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (fifo)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def refuse(path: Path, what: str, role: str = "state file") -> ForeignFile:
    """The error for a path that is not the bot's: it names the path and what it is."""
    hint = "set `state:` in config.yaml to a new path (the bot makes the file)"
    if path.is_file() and not path.is_symlink():  # never advice to move a device, a folder or a link's target
        hint += f", or move {path} away if you are sure it is an old interview-bot state file"
    return ForeignFile(f"the {role} path {path} is {what}, not interview-bot's; it was left untouched", hint=hint)


def what_is(path: Path) -> str:
    """`path` in words when it is not a regular file ("a symbolic link to /dev/null"), else ""."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return ""
    if stat.S_ISREG(info.st_mode):
        return ""
    what = _kind(info.st_mode)
    if stat.S_ISLNK(info.st_mode):
        what += f" to {os.readlink(path)}"
    return what


def ownership(path: Path) -> Ownership:
    """Whose `path` is, read without changing it; ForeignFile when it is not the bot's."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise refuse(path, what_is(path))
    for suffix in SIDE_SUFFIXES:  # SQLite and the lock would write there: those must be plain files too
        side = Path(str(path) + suffix)
        if what_is(side):
            raise refuse(side, what_is(side), "state file's companion")
    if info is None:
        return Ownership.ABSENT
    if info.st_size == 0:
        return Ownership.EMPTY
    # O_NONBLOCK: a file swapped for a fifo between lstat and open does not hang the bot.
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise refuse(path, _kind(os.fstat(fd).st_mode))
        header = os.pread(fd, HEADER_SIZE, 0)
    finally:
        os.close(fd)
    if not header.startswith(HEADER_MAGIC):
        raise refuse(path, _text_or_binary(header))
    if len(header) < HEADER_SIZE:
        raise refuse(path, "a SQLite file too short to hold its own header (cut off?)")
    app_id = int.from_bytes(header[APPLICATION_ID_OFFSET:APPLICATION_ID_OFFSET + 4], "big")
    if app_id == APPLICATION_ID:
        return Ownership.OURS
    if app_id != 0:
        raise refuse(path, f"another application's SQLite database (application_id {app_id:#x})")
    tables = _tables(path, info.st_size)
    if tables is not None and OWN_TABLES <= tables:
        return Ownership.EARLIER
    listed = ", ".join(sorted(tables or ())[:5]) or "no tables"
    raise refuse(path, f"another application's SQLite database ({listed})")


def _text_or_binary(head: bytes) -> str:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "a file that is not a SQLite database"
    return "a text file" if b"\x00" not in head else "a file that is not a SQLite database"


def _tables(path: Path, size: int) -> set[str] | None:
    """The table names of a SQLite file the id does not mark, read leaving nothing beside it (None: unreadable)."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size and size + wal.stat().st_size <= COPY_LIMIT:
        # Its tables may still be in the -wal only: look at a copy of both, far from the original.
        with tempfile.TemporaryDirectory(prefix="interview-bot-look-") as tmp:
            copy = Path(tmp) / "look.sqlite3"
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, Path(f"{copy}-wal"))
            return _read_tables(f"file:{urllib.parse.quote(str(copy))}?mode=ro")
    return _read_tables(f"file:{urllib.parse.quote(str(path))}?mode=ro&immutable=1")


def _read_tables(uri: str) -> set[str] | None:
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None
    try:
        return {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error:
        return None
    finally:
        conn.close()


__all__ = ["OWN_TABLES", "ForeignFile", "Ownership", "ownership", "refuse", "what_is"]
