"""The state file's privacy and failures, end to end: `run --once` and the daemon over the sandbox.

Read-only is made the honest way for whoever runs the tests: chmod for a user, the immutable
attribute (chattr +i) for root, whom file modes do not stop. A full disk is simulated twice:
mid-run with SQLite's own limit (PRAGMA max_page_count: SQLite answers SQLITE_FULL exactly as
for a full disk), and at open with a file-size limit (RLIMIT_FSIZE, set in the child process
only; the kernel refuses the write as it would on a full disk). Both work unprivileged, in CI.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from interview_bot.cli.commands import main
from interview_bot.errors import StateError
from interview_bot.runtime.lock import InstanceRunning
from interview_bot.runtime.state import State
from interview_bot.runtime.statefile import StateGone
from tests.runtime.test_daemon import ME as DAEMON_ME
from tests.runtime.test_daemon import add_interview, drafts, start_bot, stop_bot, wait_for, write_config
from tests.world import at

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- private whatever the umask ------------------------------------------------------------------


def test_the_state_file_and_its_folder_are_private_whatever_the_umask(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)  # a folder the bot did not make keeps its mode
    path = tmp_path / "made" / "by-the-bot" / "state.sqlite3"
    old = os.umask(0)
    try:
        state = State.open(path)
        with state.transaction():
            state.positions.history_id = "1"
        assert path.with_name("state.sqlite3-wal").exists()
        assert {mode(p) for p in path.parent.glob("state.sqlite3*")} == {0o600}  # with -wal, -shm and .lock
        assert mode(path.parent) == mode(path.parent.parent) == 0o700
        assert mode(tmp_path) == 0o755
        state.close()
        loose = tmp_path / "old.sqlite3"  # written by an older version, or copied with cp
        State.open(loose).close()
        loose.chmod(0o644)
        State.open(loose).close()
        assert mode(loose) == 0o600
    finally:
        os.umask(old)


def test_saving_the_token_leaves_a_folder_it_did_not_make_alone(tmp_path: Path) -> None:
    from tests.google.test_auth import write_token

    tmp_path.chmod(0o755)
    write_token(tmp_path / "token.json")
    assert mode(tmp_path) == 0o755 and mode(tmp_path / "token.json") == 0o600
    write_token(tmp_path / "new" / "token.json")
    assert mode(tmp_path / "new") == 0o700


# -- read-only --------------------------------------------------------------------------------------


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Unwritable for this process: chmod a-w for a user; the immutable attribute for root."""
    if os.geteuid() != 0:
        before = mode(path)
        path.chmod(before & ~0o222)
        try:
            yield
        finally:
            path.chmod(before)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("running as root where chattr +i is not available: nothing can make a file read-only for root")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def run_once(world: Any, hours: float, capsys: Any) -> tuple[int, str]:
    code = main(["--config", str(world.config_path), "run", "--once", "--at", at(hours).isoformat()])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("part, named", [("", "the file"), ("-wal", "its -wal file"), ("-shm", "its -shm file"),
                                         ("folder", "its folder")])
def test_a_read_only_state_says_which_file_and_how_to_fix_it(world: Any, capsys: Any, part: str, named: str) -> None:
    world.invite("Interview: Data Analyst - Initech", 0)
    assert run_once(world, -1, capsys)[0] == 0
    state = Path(world.cfg.state)
    target = state.parent if part == "folder" else Path(str(state) + part)
    target.touch()
    with read_only(target):
        code, err = run_once(world, 4, capsys)
    assert code == 1 and "Traceback" not in err
    assert f"error: cannot write the state file {state}: {named}" in err and "hint: make it writable" in err
    assert world.drafts() == {}  # nothing was drafted that the state could not record
    assert run_once(world, 4, capsys)[0] == 0 and len(world.drafts()) == 1  # writable again: carries on


# -- disk full --------------------------------------------------------------------------------------


def test_a_disk_full_mid_run_stops_the_run_leaves_nothing_half_written_and_resumes(world: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0)
    world.run(hours=-2)
    token = world.state.positions.calendar_token("primary")
    for n in range(20):
        world.invite(f"Interview: Engineer, {'Platform ' * 20}- Company{n}", 0.1 * n,
                     organizer={"email": f"ann@company{n}.com"})
    pages = world.state._conn.execute("PRAGMA page_count").fetchone()[0]
    world.state._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full: the file cannot grow
    with pytest.raises(StateError) as err:
        world.run(hours=-1)
    assert "is full" in err.value.message and str(world.cfg.state) in err.value.message
    assert "free some space" in err.value.hint
    assert len(world.state.interviews()) == 1  # the sync's changes were rolled back together...
    assert world.state.positions.calendar_token("primary") == token  # ...with its position
    world.state._conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    report = world.run(hours=6)
    assert len(world.state.interviews()) == 21 and len(report.drafted) == 21
    keys = [str(d["X-Interview-Bot-Key"]) for d in world.drafts().values()]
    assert len(keys) == len(set(keys)) == 21


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed, as ENOSPC would be
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_disk_full_at_open_is_a_clear_error_and_the_next_run_starts_cleanly(world: Any) -> None:
    command = [sys.executable, "-m", "interview_bot", "--config", str(world.config_path), "run", "--once", "--at",
               at(4).isoformat()]
    world.invite("Interview: Data Analyst - Initech", 0)
    full = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, preexec_fn=_limit_file_size, timeout=60)
    assert full.returncode == 1 and "Traceback" not in full.stderr
    assert f"error: cannot write the state file {world.cfg.state}" in full.stderr and "disk" in full.stderr
    assert "hint:" in full.stderr and world.drafts() == {}
    freed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert freed.returncode == 0, freed.stderr
    assert len(world.drafts()) == 1


# -- damaged, missing ---------------------------------------------------------------------------------


def test_a_damaged_state_file_is_named_kept_aside_and_rebuilt(world: Any, capsys: Any) -> None:
    world.invite("Interview: Data Analyst - Initech", 0)
    assert run_once(world, 4, capsys)[0] == 0
    state = Path(world.cfg.state)
    # Its header (the bot's application id) survives; every page after it is overwritten. Only a
    # file the bot knows as its own is set aside: a file that is not (a text file) is refused untouched.
    whole = state.read_bytes()
    state.write_bytes(whole[:100] + b"overwritten by something else" * (len(whole) // 29))
    assert main(["--config", str(world.config_path), "status"]) == 1  # read-only commands say so too
    assert "is damaged" in capsys.readouterr().err
    code, err = run_once(world, 5, capsys)
    assert code == 1 and "Traceback" not in err
    (aside,) = state.parent.glob("state.sqlite3.damaged-*")
    assert f"error: the state file {state} is damaged; a copy is kept at {aside}" in err
    assert "hint: run the same command again" in err and "rebuilds it from your calendar and Gmail" in err
    assert run_once(world, 5, capsys)[0] == 0 and len(world.drafts()) == 1  # rebuilt; nothing drafted twice


def test_a_state_folder_that_cannot_exist_is_a_clear_error(world: Any, tmp_path: Path, capsys: Any) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    text = world.config_path.read_text().replace(f"state: {world.cfg.state}", f"state: {blocker / 'state.sqlite3'}")
    world.config_path.write_text(text)
    code, err = run_once(world, 0, capsys)
    assert code == 1 and "Traceback" not in err and f"{blocker / 'state.sqlite3'}" in err and "hint:" in err


def test_a_state_file_deleted_under_a_running_bot_is_noticed_and_its_lock_retaken(tmp_path: Path) -> None:
    path = tmp_path / "state" / "state.sqlite3"
    first = State.open(path)
    shutil.rmtree(path.parent)
    with pytest.raises(StateGone) as err:
        first.check_file()
    assert "deleted or replaced while the bot was running" in err.value.message
    with pytest.raises(InstanceRunning):  # the lock file went with the folder; it was made and taken again
        State.open(path)
    first.close()
    State.open(path).close()


@pytest.mark.slow
def test_deleting_the_state_folder_under_a_running_daemon_lets_no_second_one_start(
        make_sandbox: Any, tmp_path: Path) -> None:
    sb = make_sandbox(email=DAEMON_ME)
    add_interview(sb, 1, datetime.now(UTC) - timedelta(hours=1))
    folder = tmp_path / "bot"
    folder.mkdir()
    config = write_config(folder, sb.url)
    first = start_bot(config)
    try:
        wait_for(lambda: len(drafts(sb)) == 1, 20, "the first daemon's draft")
        shutil.rmtree(folder / "state.sqlite3", ignore_errors=True)
        for f in folder.glob("state.sqlite3*"):
            f.unlink()  # the whole state, lock file included, gone under it
        second = subprocess.run([sys.executable, "-m", "interview_bot", "--config", str(config), "run"], capture_output=True,
                                text=True, cwd=ROOT, timeout=60)
        assert second.returncode == 1
        assert f"another interview-bot (pid {first.pid}" in second.stderr and "already running for" in second.stderr
        assert first.poll() is None  # the first one is still running, alone
        assert len(drafts(sb)) == 1
    finally:
        code, _, err = stop_bot(first)
    assert code == 0, err
    time.sleep(0)  # nothing else to wait for: the sandbox holds one draft
