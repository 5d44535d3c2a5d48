"""A config read with limits (issue 23): a huge file or a "billion laughs" is refused at once, with its line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from interview_bot.cli.commands import main
from interview_bot.config.load import MAX_CONFIG_BYTES, load_config
from interview_bot.errors import ConfigError

HEAD = "me:\n  name: Alex Morgan\n  email: alex@example.com\ntimezone: Europe/London\n"


def laughs(depth: int) -> str:
    """The classic: each list holds nine aliases of the one before, `depth` deep (9**depth values)."""
    lines = ['x0: &x0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, depth):
        lines.append(f"x{n}: &x{n} [" + ", ".join([f"*x{n - 1}"] * 9) + "]")
    return HEAD + "\n".join(lines) + "\n"


@pytest.mark.parametrize("command", [["check-config"], ["run", "--once"]])
def test_a_billion_laughs_is_refused_with_its_line(tmp_path: Path, capsys: Any, command: list[str]) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(laughs(9))
    assert main(["--config", str(config), *command]) == 1
    err = capsys.readouterr().err
    # x4 (line 9) is the first to pass the bound: 1 + 9 * 7,381 = 66,430 values
    assert f"error: {config}:9: not valid config: its aliases (*name) expand to more than 50,000 values" in err
    assert "Traceback" not in err


def test_a_few_aliases_are_still_fine(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(HEAD + "x: &days [mon, tue]\nfollow_ups:\n  thank_you:\n    after: 2h\n")
    with pytest.raises(ConfigError) as err:  # the alias is read; the unknown key is then said, at its line
        load_config(config)
    assert any(":5: x:" in p for p in err.value.problems), err.value.problems


def test_an_oversized_config_is_refused_unread(tmp_path: Path, capsys: Any) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(HEAD + "# padding\n" * (MAX_CONFIG_BYTES // 10 + 1))
    assert main(["--config", str(config), "check-config"]) == 1
    err = capsys.readouterr().err
    assert f"error: {config}: the config is larger than 1 MiB ({config.stat().st_size} bytes); it was not read" in err


def test_a_fifo_as_config_is_refused_without_waiting_on_it(tmp_path: Path, capsys: Any) -> None:
    config = tmp_path / "config.yaml"
    os.mkfifo(config)
    assert main(["--config", str(config), "check-config"]) == 1
    assert "is not a regular file" in capsys.readouterr().err


def test_errors_keep_their_line_numbers(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(HEAD + "poll_every: often\n")
    with pytest.raises(ConfigError) as err:
        load_config(config)
    assert any(p.startswith(f"{config}:5: poll_every:") for p in err.value.problems), err.value.problems
