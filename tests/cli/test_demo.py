"""`interview-bot demo`: a fixed, realistic week; drafts that can be kept; and where to go next."""

from __future__ import annotations

import email
import email.policy
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from interview_bot.cli.commands import main
from interview_bot.cli.demo import _sample
from interview_bot.config.load import load_config
from interview_bot.sandbox.server import Sandbox


def test_the_sample_week_has_interviews_on_weekdays_in_office_hours() -> None:
    sample = _sample()
    tz = ZoneInfo(sample["timezone"])
    for ev in sample["events"]:
        start = datetime.fromisoformat(str(ev["start"])).replace(tzinfo=tz)
        assert start.weekday() < 5 and 9 <= start.hour and start.hour + ev["hours"] <= 18, ev["summary"]
    assert datetime.fromisoformat(sample["now"]).weekday() < 5 and datetime.fromisoformat(sample["later"]).weekday() < 5


def test_demo_runs_the_same_week_whenever_it_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "== Wednesday afternoon (Wed 11 Mar 16:00): 2 new drafts" in out
    assert "== Thursday evening (Thu 12 Mar 19:00): 2 new drafts" in out  # the thank-yous on their day
    assert "== The next Monday (Mon 16 Mar 10:00): 2 new drafts" in out
    assert "6 drafts are waiting in the sandbox's Gmail; nothing was" in out
    hooli = out.split("Hooli:", 1)[1].split("\nTue", 1)[0]
    assert "stage: rejected" in hooli and "decision expected by" not in hooli
    # Every draft in full, to its signature, and the bot's central feature among them: a status check.
    assert out.count("  | Best regards,\n  | Alex Morgan\n") == 6
    monday = out.split("== The next Monday", 1)[1].split("== Status", 1)[0]
    flat = " ".join(line.strip(" |") for line in monday.splitlines())
    assert "mentioned a decision by Thursday 12 March" in flat  # the status check cites the promise
    assert "any update on the Data Analyst role at Initech" in flat
    assert "#drafts?compose=" in out.split("== Status", 1)[1]
    steps = out.split("Next, for your own account:", 1)[1]
    assert steps.index("interview-bot init") < steps.index("interview-bot auth") < steps.index("interview-bot doctor")


def test_demo_keep_leaves_eml_files_and_a_sandbox_state_to_serve_again(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    kept = tmp_path / "demo"
    assert main(["demo", "--keep", str(kept)]) == 0
    out = capsys.readouterr().out
    emls = sorted(kept.glob("*.eml"))
    assert len(emls) == 6 and emls[0].name == "01-re-interview-confirmation-data-analyst-at-initech.eml"
    msg = email.message_from_bytes(emls[0].read_bytes(), policy=email.policy.default)
    assert msg["To"].addresses[0].username == "priya.patel" and msg["In-Reply-To"]
    assert "Thank you for taking the time" in msg.get_body(("plain",)).get_content()
    assert f"interview-bot sandbox --state {kept / 'sandbox.json'}" in out
    with Sandbox(state_file=str(kept / "sandbox.json")) as sb:  # what `interview-bot sandbox --state` does
        assert sb.email == "alex.morgan@gmail.com" and len(sb.gmail.draft_messages()) == 6
    cfg = load_config(kept / "config.yaml")
    assert cfg.google.endpoint == "http://127.0.0.1:8765" and Path(cfg.state) == (kept / "state.sqlite3").resolve()
    assert Path(cfg.state).is_file()
    assert json.loads((kept / "sandbox.json").read_text())["version"] == 1


def test_demo_keep_refuses_a_folder_with_files_in_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    assert main(["demo", "--keep", str(tmp_path)]) == 1
    assert "is not an empty folder" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]
