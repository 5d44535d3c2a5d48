"""benchmarks/dry_run.py: the cost of `plan --since 30d` on the benchmark's large account, within Gmail's quota."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent


@pytest.mark.slow
def test_a_30_day_dry_run_of_the_large_account_writes_nothing_and_costs_little(tmp_path: Path) -> None:
    out = tmp_path / "dry.json"
    run = subprocess.run([sys.executable, str(ROOT.parent / "benchmarks" / "dry_run.py"), "--size", "large",
                          "--json", str(out)], check=False, capture_output=True, text=True, timeout=300, cwd=ROOT.parent)
    assert run.returncode == 0, run.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert (figures["events"], figures["messages"]) == (10_000, 50_000)
    assert figures["writes"] == 0
    assert figures["interviews"] > 0 and figures["would_draft"] > 0
    # Well within Gmail's per-user limit of 15,000 units a minute: a tenth of it at most.
    assert 0 < figures["gmail_units"] <= 1_500
    assert "units of the 15,000 a user may spend per minute" in run.stdout
