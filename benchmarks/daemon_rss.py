"""The daemon's peak resident memory alone, repeated: benchmarks/run.py's daemon measurement, N times.

    python benchmarks/daemon_rss.py [--repeats N] [--country GB]

Runs `python -m interview_bot run` over a freshly seeded sandbox of the smallest account (as
`benchmarks/run.py --quick` does, through its measure_daemon), reads VmHWM when the timed
thank-you has appeared, and prints each run's peak and the median. The machine this runs on is
often shared, so one run says little: take the median of several. --country adds `country:` to
the config (as the example config has it), which loads the holidays package (about 4 MB).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run
from run import TARGETS, measure_daemon
from seed import SIZES


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="benchmarks/daemon_rss.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--country", help="a `country:` for the config, e.g. GB")
    p.add_argument("--margin", type=float, default=10.0, help="seconds from start to the timed thank-you's due "
                   "time (more on a loaded machine, where the first run is slow)")
    args = p.parse_args(argv)
    if args.country:
        plain = run.write_config

        def with_country(folder: Path, url: str) -> run.Config:
            plain(folder, url)
            path = folder / "config.yaml"
            path.write_text(path.read_text(encoding="utf-8") + f"country: {args.country}\n", encoding="utf-8")
            return run.load_config(path)

        run.write_config = with_country
    peaks = []
    for i in range(args.repeats):
        d = measure_daemon(SIZES[0], margin=args.margin)
        peaks.append(d["peak_rss_mb"])
        print(f"run {i + 1}: peak {d['peak_rss_mb']:.1f} MB, RSS at the end {d['rss_mb']:.1f} MB, "
              f"due-to-draft {d['latency_s']:.2f} s", flush=True)
    median = statistics.median(peaks)
    print(f"median peak RSS {median:.1f} MB over {args.repeats} runs (min {min(peaks):.1f}, max {max(peaks):.1f}); "
          f"target < {TARGETS['rss_mb']:.0f} MB: {'met' if median < TARGETS['rss_mb'] else 'MISS'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
