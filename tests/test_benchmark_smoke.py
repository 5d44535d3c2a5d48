"""A small run of benchmarks/run.py (--quick: the smallest account), so the benchmark keeps working.

The full benchmark is not part of the suite (it takes minutes); this checks its output has the
shape the README describes and holds the one bound that must hold at any size: an idle sync
makes at most 2 API requests, as counted by the sandbox.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_quick_benchmark_reports_every_figure_and_holds_the_idle_bound(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out)],
                         check=False, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "Idle sync" in run.stdout and "Targets" in run.stdout

    results = json.loads(out.read_text(encoding="utf-8"))
    (size,) = results["sizes"]
    assert (size["events"], size["messages"]) == (100, 1_000)
    for who in ("bot", "naive"):
        idle = size[who]["idle"]
        assert idle["requests_max"] > 0 and idle["cpu_ms_median"] > 0
        assert set(size[who]["follow_ups"]) == {"thank_you", "status_check", "feedback_request"}
        assert all(f["total"] > 0 for f in size[who]["follow_ups"].values())
    assert all(f["drafted"] for f in size["bot"]["follow_ups"].values())
    assert size["daemon"]["peak_rss_mb"] > 0 and size["daemon"]["latency_s"] >= 0
    assert results["idle_memory"]["syncs"] > 0 and results["help"]["exit_code"] == 0
    assert set(results["targets"]) and all({"value", "met"} <= set(v) for v in results["targets"].values())

    # The bound, counted by the sandbox: a calendar incremental sync and a Gmail history read.
    assert size["bot"]["idle"]["requests_max"] <= 2
    assert sorted(size["bot"]["idle"]["served"]) == ["GET calendar.events", "GET gmail.history"]
    assert results["idle_memory"]["requests_per_sync"] <= 2
    # ...where the naive client re-reads the window and searches each interview's mail.
    assert size["naive"]["idle"]["requests_max"] > size["bot"]["idle"]["requests_max"]
