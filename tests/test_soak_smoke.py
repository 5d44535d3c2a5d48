"""A short run of benchmarks/soak.py, so the soak keeps working: a few SIGKILLs under --fail-rate 0.3.

The full soak (100 kills) is a benchmark, not part of the suite; its figures are in the README.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_a_short_soak_ends_with_exactly_one_draft_per_follow_up(tmp_path: Path) -> None:
    out = tmp_path / "soak.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "soak.py"), "--kills", "6", "--json", str(out)],
                         check=False, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["kills"] >= 6 and result["follow_ups_due"] >= 4  # two bots a life: an odd count ends one over
    assert result["drafted_exactly_once"] == result["follow_ups_due"] == result["drafts"]
    assert result["duplicated"] == result["missing"] == result["unexpected"] == []
