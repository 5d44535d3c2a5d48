"""The traceback sweep: no command, given bad input, ever prints a Python traceback (without -v).

Every subcommand the parser knows (read from the parser, so commands added later are swept too)
is run as a real process with missing, empty and malformed arguments, each of its options given
empty and malformed values, all its flags at once, and stdin closed, empty or garbage; in a home
with no config, with an empty one, with a broken one, and with a Google config that has no
sign-in yet. Each must answer with `error:` lines (exit status not 0) or do its job; the guard's "error: unexpected ..." counts
as a failure too, since it means input that no code path expected. Commands that
serve until stopped (the daemon, the sandbox) get SIGTERM after a while and must stop cleanly.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from interview_bot.cli.commands import parser
from interview_bot.config.shipped import example_file

SERVING_GRACE = 8.0  # seconds before a command still running is taken for a server and sent SIGTERM
STDINS = {"closed": None, "empty": "", "garbage": "garbage\n\x00\xff\n"}


@dataclass(frozen=True)
class Case:
    home: str  # which prepared home (see _homes)
    argv: tuple[str, ...]
    stdin: str = "closed"

    def __str__(self) -> str:
        return f"[{self.home}, stdin {self.stdin}] interview-bot {' '.join(repr(a) if not a or ' ' in a else a for a in self.argv)}"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


# Paths are relative: each case runs in a copy of its home, so one case's files never meet another's.
MALFORMED = ["!!", "-1", "99999999999999999999", "missing/dir/x.json", "2026-13-45"]


def _cases() -> list[Case]:
    """Missing, empty and malformed arguments for every subcommand; the base forms also in every home and stdin."""
    cases: list[Case] = []
    for name, sub in _subcommands().items():
        mine = [a for a in sub._actions if not a.dest.startswith("sub_") and a.dest != "help"]
        positionals = [a for a in mine if not a.option_strings]
        options = [a for a in mine if a.option_strings and a.nargs != 0]
        flags = [a for a in mine if a.option_strings and a.nargs == 0]
        valid = [str(a.choices[0]) if a.choices else "Initech" for a in positionals if a.nargs != "?"]
        all_flags = [a.option_strings[-1] for a in flags]
        for home in ("no config", "empty config", "broken config", "google, no sign-in"):
            # Every stdin where a command gets furthest; elsewhere they would only meet the config error first.
            for stdin in STDINS if home == "google, no sign-in" else ["closed"]:
                cases.append(Case(home, (name,), stdin))
                cases.append(Case(home, (name, *valid, *all_flags), stdin))
        if positionals:
            cases.append(Case("google, no sign-in", (name, *[""] * len(positionals))))
            for bad in MALFORMED:
                cases.append(Case("google, no sign-in", (name, *[bad] * len(positionals))))
                cases.append(Case("google, no sign-in", (name, *valid[:-1], bad)))
        for option in options:
            for bad in ["", *MALFORMED]:
                cases.append(Case("google, no sign-in", (name, *valid, option.option_strings[-1], bad)))
    # The global flags, malformed, before and after a command.
    for bad in ["", "missing/dir/x.json", ".", "/dev/null"]:
        cases.append(Case("no config", ("--config", bad, "doctor")))
        cases.append(Case("no config", ("check-config", "--config", bad)))
    cases.append(Case("no config", ("--log-format", "xml", "status")))
    cases.append(Case("no config", ()))
    return list(dict.fromkeys(cases))


def _homes(root: Path) -> dict[str, Path]:
    """One prepared home per situation; each case runs in its own copy."""
    homes = {}
    for label, config in (("no config", None), ("empty config", ""),
                          ("broken config", 'me:\n  name: "Alex\ntimezone: UTC\npoll_every: 5m\n'),
                          ("google, no sign-in", "me:\n  name: Alex Morgan\ntimezone: Europe/London\n")):
        home = root / label.replace(" ", "_").replace(",", "")
        (home / "work").mkdir(parents=True)
        if config is not None:
            folder = home / ".config" / "interview-bot"
            folder.mkdir(parents=True)
            (folder / "config.yaml").write_text(config)
            shutil.copy(example_file("credentials.example.json"), folder / "credentials.json")
        homes[label] = home
    return homes


def _run(case: Case, home: Path) -> tuple[int | None, str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "INTERVIEW_BOT", "BROWSER", "DISPLAY", "WAYLAND_DISPLAY"))}
    env.update(HOME=str(home), PYTHONUNBUFFERED="1")  # no display: `auth` asks for the address on stdin
    stdin_text = STDINS[case.stdin]
    proc = subprocess.Popen([sys.executable, "-m", "interview_bot", *case.argv], cwd=home / "work", env=env,
                            stdin=subprocess.DEVNULL if stdin_text is None else subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(None if stdin_text is None else stdin_text.encode("utf-8", "surrogateescape"),
                                    timeout=SERVING_GRACE)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGTERM)  # a server: it must stop cleanly, data saved, no traceback
        try:
            out, err = proc.communicate(timeout=30)
            code = None if proc.returncode in (0, -signal.SIGTERM) else proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            return -9, out.decode(errors="replace"), err.decode(errors="replace") + "\n(did not stop on SIGTERM)"
    return code, out.decode(errors="replace"), err.decode(errors="replace")


def _verdict(case: Case, root: Path, homes: dict[str, Path]) -> str:
    """"" when the case behaved; else what went wrong, with its output."""
    home = root / "runs" / str(abs(hash(case)))
    shutil.copytree(homes[case.home], home)
    try:
        code, out, err = _run(case, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    said = f"{case}\n  exit {code}\n  stdout: {out[-600:]!r}\n  stderr: {err[-1500:]!r}"
    if "Traceback" in out + err:
        return "a traceback: " + said
    if "error: unexpected" in err:  # the guard caught it: bad input that no code path expected
        return "an unexpected exception: " + said
    reported = any(line.startswith("error:") for line in err.splitlines()) or (
        case.argv[-1:] == ("doctor",) or "doctor" in case.argv) and "FAIL" in out and "fix:" in out
    if code not in (None, 0) and not reported:
        return "failed without an error: line (or doctor's FAIL and fix): " + said
    if code == -9:
        return "did not stop on SIGTERM: " + said
    return ""


@pytest.mark.slow
def test_no_command_prints_a_traceback_whatever_it_is_given(tmp_path: Path) -> None:
    homes = _homes(tmp_path)
    cases = _cases()
    assert {c.argv[0] for c in cases if c.argv} >= set(_subcommands())  # every command, including later ones
    # Most of the wall time is servers waiting out SERVING_GRACE, so more workers than cores.
    with ThreadPoolExecutor(max_workers=8) as pool:
        verdicts = list(pool.map(lambda c: _verdict(c, tmp_path, homes), cases))
    bad = [v for v in verdicts if v]
    assert not bad, f"{len(bad)} of {len(cases)} cases misbehaved:\n\n" + "\n\n".join(bad[:15])


def test_the_sweep_covers_what_it_claims() -> None:
    cases = _cases()
    argvs = {c.argv for c in cases}
    assert ("auth", "--no-browser") in argvs
    assert {c.stdin for c in cases if c.argv == ("auth", "--no-browser")} == set(STDINS)
    assert ("sandbox", "--port", "99999999999999999999") in argvs
    assert ("sandbox", "--state", "missing/dir/x.json") in argvs
    assert ("decide", "Initech", "2026-13-45") in argvs and ("decide", "", "") in argvs
    assert ("run", "--at", "!!") in argvs and ("status",) in argvs
    assert json.dumps([list(c.argv) for c in cases])  # plain strings only
