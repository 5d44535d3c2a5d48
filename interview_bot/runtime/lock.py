"""One bot per state file, and one per Google account wherever its state file is.

Both are flock(2) locks on small files holding the holder's pid and state file: the kernel
drops them when the process dies, kill -9 included, so a crash never leaves a stale lock.
The account's lock lives in a per-user runtime folder ($XDG_RUNTIME_DIR), not beside the
state file: a second config with its own `state:`, or a state folder deleted under a running
daemon, still finds the account taken. A lock file deleted while held is made again and
re-taken at the next check (`FileLock.verify`), so it cannot be stolen that way either.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import stat
import sys
from pathlib import Path

from interview_bot.config.model import APP_NAME
from interview_bot.errors import StateError
from interview_bot.runtime.ownfile import refuse, what_is

LOCK_DIR_ENV = "INTERVIEW_BOT_LOCK_DIR"  # tests and unusual setups: where account locks go
STOP_HINT = ("stop the other one first (systemctl --user stop interview-bot, or Ctrl-C where it runs); two bots "
             "for one account would each draft the same follow-ups")


class InstanceRunning(StateError):
    """Another interview-bot holds this state file or this Google account: this one must not run."""


class FileLock:
    """An exclusive flock on `path`, which records who holds it (`what`: pid and state file)."""

    def __init__(self, path: Path, what: str, busy: str) -> None:
        self.path = path
        self.what = what
        self.busy = busy  # the error message when someone else holds it; "{holder}" is filled in
        self._file: int | None = None
        self._inode = 0

    def acquire(self) -> FileLock:
        fd = self._open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            holder = _read(fd)
            os.close(fd)
            if e.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise StateError(f"cannot lock {self.path}: {e.strerror}", hint="check that folder") from e
            raise InstanceRunning(self.busy.format(holder=holder or "pid unknown"), hint=STOP_HINT) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, self.what.encode(), 0)
        self._file, self._inode = fd, os.fstat(fd).st_ino
        return self

    def _open(self) -> int:
        """The lock file, opened only if it is the bot's: absent (made 0600), or a plain file holding a pid."""
        if what_is(self.path):  # a symlink, a fifo, a device: never opened, never followed
            raise refuse(self.path, what_is(self.path), "lock file")
        try:
            # O_NOFOLLOW, O_NONBLOCK: swapped for a symlink or a fifo since the look, it is still not opened.
            fd = os.open(str(self.path), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
        except OSError as e:
            if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                where = "it is on a read-only file system" if e.errno == errno.EROFS else "its folder is read-only"
                raise StateError(f"cannot write the lock file {self.path}: {where}",
                                 hint=f"make {self.path.parent} writable, or set `state:` in config.yaml (and "
                                 f"{LOCK_DIR_ENV} for the account lock) to a writable place") from e
            if e.errno == errno.ELOOP:
                raise refuse(self.path, "a symbolic link", "lock file") from e
            raise StateError(f"cannot make the lock file {self.path}: {e.strerror}", hint="check that folder") from e
        held = _read(fd)
        if not stat.S_ISREG(os.fstat(fd).st_mode) or (held and not held.startswith("pid ")):
            os.close(fd)
            raise refuse(self.path, "a file the bot did not write (it holds no pid)", "lock file")
        return fd

    def verify(self) -> None:
        """Still ours under its name? If the file was deleted (its folder removed), make it and lock it again."""
        if self._file is None:
            return
        try:
            same = os.stat(self.path).st_ino == self._inode
        except FileNotFoundError:
            same = False
        if not same:
            self.release()
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.acquire()

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            os.close(self._file)
            self._file = None


def _read(fd: int) -> str:
    try:
        return os.pread(fd, 512, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def state_lock(path: Path) -> FileLock:
    """The lock of one state file: `<state>.lock` beside it."""
    return FileLock(Path(str(path) + ".lock"), f"pid {os.getpid()}",
                    f"another interview-bot ({{holder}}) is using the state file {path}").acquire()


def lock_dir() -> Path:
    """A private per-user folder for account locks, outside any state folder.

    $INTERVIEW_BOT_LOCK_DIR, else the user's runtime folder ($XDG_RUNTIME_DIR/interview-bot, which
    systemd gives each logged-in user, shared by the service and the shell, unlike /tmp under
    PrivateTmp), else the user's cache folder.
    """
    import platformdirs

    override = os.environ.get(LOCK_DIR_ENV)
    xdg = os.environ.get("XDG_RUNTIME_DIR", "")
    if override:
        folder = Path(override)
    elif sys.platform != "linux":
        folder = Path(platformdirs.user_runtime_dir(APP_NAME, appauthor=False))
    elif xdg and Path(xdg).is_dir():
        folder = Path(xdg) / APP_NAME
    elif Path(f"/run/user/{os.getuid()}").is_dir():
        folder = Path(f"/run/user/{os.getuid()}") / APP_NAME
    else:  # no runtime folder (a container, cron without a session): never /tmp, private to a service
        folder = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "locks"
    try:
        if os.path.islink(folder) or (folder.exists() and not folder.is_dir()):
            raise StateError(f"the lock folder {folder} is {what_is(folder) or 'a file'}, not a folder the bot "
                             "made; it was left untouched", hint=f"set {LOCK_DIR_ENV} to a folder only you can write")
        if not folder.is_dir():
            folder.mkdir(parents=True, mode=0o700)
            os.chmod(folder, 0o700)
        info = folder.stat()
    except OSError as e:
        if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise StateError(f"cannot make the lock folder {folder}: it is on a read-only file system"
                             if e.errno == errno.EROFS else f"cannot make the lock folder {folder}: {e.strerror}",
                             hint=f"set {LOCK_DIR_ENV} to a writable folder only you can write") from e
        raise StateError(f"cannot make the lock folder {folder}: {e.strerror}",
                         hint=f"set {LOCK_DIR_ENV} to a folder only you can write") from e
    if info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) & 0o022:
        raise StateError(f"the lock folder {folder} is not yours alone", hint=f"set {LOCK_DIR_ENV} to a folder only "
                         "you can write, or fix its owner and mode (chmod 700)")
    return folder


def account_lock(email: str, endpoint: str, state_path: Path) -> FileLock:
    """The lock of one Google account, wherever the state file is: its address (and, for a sandbox, its URL)."""
    key = email.strip().lower() + (f" at {endpoint}" if endpoint else "")
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    return FileLock(lock_dir() / f"account-{digest}.lock", f"pid {os.getpid()}, state file {state_path}",
                    f"another interview-bot ({{holder}}) is already running for {email}").acquire()


__all__ = ["STOP_HINT", "FileLock", "InstanceRunning", "account_lock", "lock_dir", "state_lock"]
