"""How a company writes its own name in its mail (reading/company_names.py), against
tests/reading/data/company_names.yaml: rows from published mail, expected names written down
before the rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from interview_bot.reading.company_names import written_name
from interview_bot.reading.extract import company_for_domain

ROWS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "company_names.yaml").read_text(encoding="utf-8"))["rows"]


def _guess(row: dict[str, Any]) -> str:
    if "guess" in row:
        return str(row["guess"])
    name, mapped = company_for_domain(row["domain"], {})
    assert not mapped
    return name


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_the_company_as_it_writes_itself(row: dict[str, Any]) -> None:
    assert written_name(_guess(row), (row.get("display", ""), row.get("text", ""))) == row["expected"]


def test_the_table_is_sourced() -> None:
    assert all(r["source"] for r in ROWS)
    real = [r for r in ROWS if not r["source"].startswith("constructed")]
    assert len(real) >= 20


def test_the_display_name_comes_before_the_text() -> None:
    assert written_name("Nvidia", ("NVIDIA HR", "Thank you for applying to Nvidia.")) == "NVIDIA"


def test_a_long_text_is_read_only_at_its_start() -> None:
    assert written_name("Fiverings", ("", "x " * 20_000 + "Five Rings")) is None
