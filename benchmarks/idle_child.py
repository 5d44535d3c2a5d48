"""Idle syncs in a process of their own, reading its own resident memory (run by benchmarks/run.py).

    python benchmarks/idle_child.py CONFIG SYNCS WARMUP

Imports only what the daemon imports (no sandbox code), talks to the sandbox the parent serves
over loopback, and prints one JSON line. WARMUP syncs run first, with RSS sampled, and growth
is measured over SYNCS after. (RSS used to climb 5-15 MB over the first thousand syncs: each
call of service.users()/events() built a new googleapiclient Resource full of reference
cycles, garbage that the collector's rare full passes let pile up. The adapters now build
them once, and RSS stays flat from the first idle sync.)
"""

from __future__ import annotations

import gc
import json
import sys
import time
import urllib.request
from pathlib import Path

from interview_bot.clock import SystemClock
from interview_bot.config.load import load_config
from interview_bot.runtime.state import State
from interview_bot.runtime.wiring import build_engine


def rss_mb(pid: int | str = "self") -> dict[str, float]:
    """VmRSS and VmHWM (peak) of a process, in MB."""
    out = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) / 1024
    return out


def syncs_sampled(engine, n: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Run n idle syncs; RSS (MB) after each tenth of them."""
    samples = []
    for i in range(1, n + 1):
        engine.sync()
        if i % max(1, n // 10) == 0:
            samples.append(round(rss_mb()["VmRSS"], 2))
    return samples


def main(config: str, syncs: int, warmup: int) -> None:
    cfg = load_config(Path(config))
    state = State.open(Path(cfg.state))
    engine = build_engine(cfg, SystemClock(), state)
    engine.run_once()
    gc.collect()
    first = rss_mb()
    warm = syncs_sampled(engine, warmup)
    endpoint = cfg.google.endpoint
    assert endpoint
    urllib.request.urlopen(urllib.request.Request(endpoint + "/_sandbox/requests", method="DELETE")).close()
    gc.collect()
    before = rss_mb()
    cpu = time.process_time()
    measured = syncs_sampled(engine, syncs)
    cpu = time.process_time() - cpu
    gc.collect()
    after = rss_mb()
    with urllib.request.urlopen(endpoint + "/_sandbox/requests") as r:
        served = json.load(r)
    state.close()
    print(json.dumps({"syncs": syncs, "warmup_syncs": warmup, "rss_first_run_mb": first["VmRSS"],
                      "warmup_checkpoints_mb": warm, "rss_before_mb": before["VmRSS"],
                      "checkpoints_mb": measured, "rss_after_mb": after["VmRSS"], "peak_rss_mb": after["VmHWM"],
                      "growth_mb": after["VmRSS"] - before["VmRSS"],
                      "requests_per_sync": len(served) / syncs, "cpu_ms_per_sync": cpu * 1000 / syncs}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
