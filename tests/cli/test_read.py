"""`interview-bot read FILE...`: one message read from a file, no Google and no state."""

from __future__ import annotations

import json
from pathlib import Path

from interview_bot.cli.commands import main
from tests.reading.test_english_phrasings import FORWARD
from tests.reading.test_machine_mail import ARF

DATA = Path(__file__).parents[1] / "reading" / "data" / "quoted"


def _run(capsys, tmp_path: Path, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["--config", str(tmp_path / "none.yaml"), "read", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_one_object_per_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    arf = tmp_path / "arf.eml"
    arf.write_bytes(ARF)
    code, out, _ = _run(capsys, tmp_path, "--json", str(DATA / "talon" / "gmail.eml"), str(arf))
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert set(first) == {"file", "text", "language", "machine", "kind", "rule", "phrase", "promise", "elapsed_ms"}
    assert (first["text"], first["machine"]) == ("Hello", None)
    assert second["machine"] == "an abuse or feedback report (ARF)" and second["kind"] == "notification"


def test_text_files_and_what_decided(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    reply = tmp_path / "reply.txt"
    reply.write_text(FORWARD, encoding="utf-8")
    code, out, _ = _run(capsys, tmp_path, "--text", "--json", str(reply))
    result = json.loads(out)
    assert code == 0 and result["kind"] == "rejection" and result["rule"].startswith("en:rejection")
    assert "From: Priya" not in result["text"] and "unfortunately we have decided" in result["text"]
    code, out, _ = _run(capsys, tmp_path, "--text", str(reply))
    assert "kind: rejection (rule en:rejection" in out and "machine mail: no" in out


def test_a_missing_file_is_an_error_and_the_others_are_read(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, tmp_path, str(tmp_path / "nope.eml"), str(DATA / "talon" / "apple_mail.eml"))
    assert code == 1 and err.startswith("error: ") and "nope.eml" in err
    assert "apple_mail.eml:" in out


def test_a_broken_config_is_an_error_and_at_is_checked_without_one(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    reply = tmp_path / "reply.txt"
    reply.write_text("Unfortunately we have decided to move forward with other candidates.", encoding="utf-8")
    broken = tmp_path / "config.yaml"
    broken.write_text("languages: [xx]\n", encoding="utf-8")
    code = main(["--config", str(broken), "read", "--text", str(reply)])
    err = capsys.readouterr().err
    assert code == 1 and '"xx" is not a language code' in err  # not read silently with the shipped rules
    code, _, err = _run(capsys, tmp_path, "--text", "--at", "tomorrow", str(reply))
    assert code == 1 and "is not an ISO 8601 time" in err and "unexpected" not in err
    code, out, _ = _run(capsys, tmp_path, "--text", "--json", "--at", "2026-12-02T10:00", str(reply))
    assert code == 0 and json.loads(out)["language"] == "en"  # the language the reader read it in
