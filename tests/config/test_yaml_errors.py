"""YAML syntax errors are reported where the problem starts, with the offending line shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_bot.config.load import load_config
from interview_bot.errors import ConfigError


def problem(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    (only,) = err.value.problems
    return only.replace(str(tmp_path) + "/", "").split("\n")


def test_an_unclosed_quote_is_reported_where_it_opens_not_where_the_file_ends(tmp_path: Path) -> None:
    lines = ["# my config"] * 14 + ["me:", '  name: "Alex Morgan'] + ["# more"] * 26 + ["timezone: UTC"]
    assert problem(tmp_path, "\n".join(lines) + "\n") == [
        "config.yaml:16: not valid YAML: this quoted value is never closed (the file ends at line 44 still inside it)",
        '    16 |   name: "Alex Morgan',
        "       |         ^",
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("calendars: [primary, work\npoll_every: 5m\n", [
        "config.yaml:1: not valid YAML: this [list] is not closed (expected ',' or ']' at line 2, but got ':')",
        "    1 | calendars: [primary, work",
        "      |            ^"]),
    ("me:\n  name: Alex\n timezone: UTC\n", [
        ("config.yaml:3: not valid YAML: the indentation does not line up with the lines above "
        "(expected <block end>, but found '<block mapping start>')"),
        "    3 |  timezone: UTC",
        "      |  ^"]),
    ("me:\n  name Alex\n  email: a@b.co\n", [
        ("config.yaml:3: not valid YAML: a ': ' where no key can start: check the indentation, the line above "
        "(a missing ':'?), or quote a value that contains ': '"),
        "    3 |   email: a@b.co",
        "      |        ^"]),
    ("me:\n\tname: Alex\n", [
        "config.yaml:2: not valid YAML: found character '\\t' that cannot start any token",
        "    2 | \tname: Alex",
        "      | ^"]),
])
def test_each_kind_of_syntax_error_names_its_line_and_shows_it(tmp_path: Path, text: str, expected: list[str]) -> None:
    assert problem(tmp_path, text) == expected


def test_a_quote_left_open_and_closed_by_the_next_line_is_reported_where_it_opens(tmp_path: Path) -> None:
    # The next line's first quote closes it, so PyYAML only complains about what follows, a line later.
    text = 'me:\n  name: Alex\ncountry: "GB\ntimezone: "Europe/London"\n'
    assert problem(tmp_path, text) == [
        ("config.yaml:3: not valid YAML: this quoted value runs on to line 4: is its closing quote missing? "
         "(PyYAML: expected <block end>, but found '<scalar>')"),
        '    3 | country: "GB',
        "      |          ^",
    ]
