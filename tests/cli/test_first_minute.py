"""The small things a person meets in the first minute: Ctrl-C at start-up, a typo, the example config."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from interview_bot.cli import commands, registry
from interview_bot.cli.commands import main

REPO = Path(__file__).resolve().parents[2]

# Runs the real entry point with a KeyboardInterrupt raised when MODULE is imported: what Ctrl-C in the
# first second does, at a moment chosen rather than hoped for.
INTERRUPTED_IMPORT = """
import sys
module = sys.argv.pop(1)
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == module:
            raise KeyboardInterrupt
        return None
sys.meta_path.insert(0, Interrupt())
sys.argv[0] = "interview-bot"
from interview_bot.cli.entry import main
raise SystemExit(main())
"""


@pytest.mark.parametrize("module", ["interview_bot.errors", "interview_bot.cli.commands", "interview_bot.cli.daily",
                                    "interview_bot.config.load", "yaml"])
def test_ctrl_c_during_start_up_imports_exits_130_without_a_traceback(module: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", INTERRUPTED_IMPORT, module, "status"], capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=60)
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_command_imports_its_own_module_only() -> None:
    code = ("import sys; from interview_bot.cli import commands; commands.load_commands(['--config', 'x.yaml', "
            "'status']); print(sorted(m for m in sys.modules if m.startswith('interview_bot.cli.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    loaded = done.stdout
    assert "interview_bot.cli.daily" in loaded
    assert "interview_bot.cli.demo" not in loaded and "interview_bot.cli.service" not in loaded


def test_the_module_map_names_every_command_where_it_is_registered() -> None:
    commands.load_commands()
    by_module: dict[str, set[str]] = {}
    for c in registry.commands():
        by_module.setdefault(c.run.__module__.rsplit(".", 1)[-1], set()).add(c.name)
    assert by_module == {module: set(names) for module, names in commands.COMMAND_MODULES.items()}


@pytest.mark.parametrize(("argv", "meant"), [(["stauts"], "status"), (["docter"], "doctor"), (["pln"], "plan"),
                                             (["service", "instal"], "install"), (["run", "--oncee"], "")])
def test_a_mistyped_command_gets_a_did_you_mean(argv: list[str], meant: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: ") and err[1].startswith("hint: ")
    if meant:
        assert err[1] == f"hint: did you mean `{meant}`?"
    else:
        assert "did you mean" not in err[1]


def test_nothing_close_gets_the_help_hint(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["xyzzy"])
    assert capsys.readouterr().err == ("error: 'xyzzy' is not an interview-bot command\n"
                                       "hint: `interview-bot --help` shows what it takes\n")


def test_the_shipped_example_config_in_use_is_said_out_loud(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config.yaml").write_bytes((REPO / "config.yaml").read_bytes())  # a clone, no config of one's own
    monkeypatch.chdir(tmp_path)
    assert main(["check-config"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == 'warning: config.yaml is the shipped example: drafts would be signed "Alex Morgan"'
    assert err[1].startswith("hint: run `interview-bot init`")
    assert main(["doctor"]) == 1  # no sign-in here; the example is named among the problems
    out = capsys.readouterr().out
    assert 'warn  config        config.yaml is the shipped example: drafts would be signed "Alex Morgan"' in out
    (tmp_path / "config.yaml").write_text("me:\n  name: Sam Lee\n", encoding="utf-8")
    assert main(["check-config"]) == 0
    assert "shipped example" not in capsys.readouterr().err
