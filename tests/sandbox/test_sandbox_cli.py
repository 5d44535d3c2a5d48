"""`interview-bot sandbox` at start: a bad --port, --state folder or state file is an error, never lost data;
and the README's script for filling a running sandbox works as printed."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from interview_bot.cli.commands import main
from interview_bot.sandbox.server import Sandbox

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_a_port_out_of_range_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["sandbox", "--port", port])
    assert done.value.code == 2
    assert capsys.readouterr().err.startswith("error: argument --port:")


def test_a_state_file_in_a_missing_folder_is_refused_before_serving(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sandbox", "--port", "0", "--state", str(tmp_path / "no" / "dir" / "x.json")]) == 1
    err = capsys.readouterr().err
    assert f"error: --state {tmp_path}/no/dir/x.json: the folder {tmp_path}/no/dir does not exist" in err
    assert main(["sandbox", "--port", "0", "--state", str(tmp_path)]) == 1
    assert "is a folder, not a file" in capsys.readouterr().err


@pytest.mark.parametrize(("content", "what"), [
    ("{not json", "not JSON (Expecting property name enclosed in double quotes at line 1)"),
    ("[1, 2]", "its version is 'list', not 1"),
    ('{"version": 7}', "its version is 7, not 1"),
    ('{"version": 1, "email": "a@b.c"}', "it has no 'calendar'"),
    (b"\xff\xfe\x00", "not text"),
])
def test_a_corrupt_state_file_is_named_with_what_is_wrong(tmp_path: Path, content: str | bytes, what: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "sandbox.json"
    state.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert main(["sandbox", "--port", "0", "--state", str(state)]) == 1
    err = capsys.readouterr().err
    assert f"error: --state {state} is not a sandbox state file: {what}" in err
    assert state.read_bytes() == (content if isinstance(content, bytes) else content.encode())  # left alone


def test_a_new_state_file_exists_from_the_start_and_keeps_the_data_after_sigterm(tmp_path: Path) -> None:
    state = tmp_path / "new.json"
    proc = subprocess.Popen([sys.executable, "-m", "interview_bot", "sandbox", "--port", "0", "--state", str(state)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None and proc.stdout.readline().startswith("http://127.0.0.1:")
        assert json.loads(state.read_text())["email"] == "me@example.com"  # written at start
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.stderr is not None and "Traceback" not in proc.stderr.read()


def readme_script() -> str:
    section = README.read_text(encoding="utf-8").split("### Scripting the sandbox", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)  # type: ignore[union-attr]


def test_the_readme_script_adds_an_event_and_a_message_to_a_running_sandbox(tmp_path: Path) -> None:
    script = tmp_path / "seed_sandbox.py"
    script.write_text(readme_script())
    with Sandbox(email="me@example.com") as sb:
        done = subprocess.run([sys.executable, str(script), sb.url], capture_output=True, text=True, timeout=120,
                              cwd=tmp_path, check=False)
        assert done.returncode == 0, done.stderr
        events = sb.calendar.to_json()["calendars"]["me@example.com"]["events"]
        assert [e["summary"] for e in events.values()] == ["Interview: Data Analyst - Initech"]
        listed = sb.handle("GET", "/gmail/v1/users/me/messages?q=from:initech.com", b"")[1]
        assert listed is not None and len(listed["messages"]) == 1
