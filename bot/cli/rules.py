"""Checking the rules before they act: `interview-bot test`, the same cases in `check-config` and
before `run`, and `interview-bot schema` for editors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.errors import ConfigError

if TYPE_CHECKING:
    from bot.config.model import Config
    from bot.reading.cases import CaseResult

_HOW_TO_FIX = ("change the rule that decided (interviews: or replies: in config.yaml), or the case if it expects "
               "the wrong thing; README, Testing your rules")


def run_config_tests(cfg: Config) -> list[CaseResult]:
    """Every case in the config's `tests:` section, run against the rules the bot runs with."""
    from bot.reading.cases import run_cases
    from bot.runtime.wiring import case_rules

    return run_cases(cfg.tests, case_rules(cfg), cfg.case_line)


def test_report(cfg: Config) -> tuple[list[CaseResult], str]:
    """Run the config's tests; the results and what to print: each failure, then a one-line summary."""
    from bot.reading.cases import describe

    results = run_config_tests(cfg)
    source = cfg.source.name if cfg.source else ""
    failed = [r for r in results if not r.passed]
    lines = [describe(r, source) for r in failed]
    if not results:
        lines.append("No tests in the config yet (add cases under `tests:`; README, Testing your rules).")
    elif failed:
        lines.append(f"Tests: {len(failed)} of {len(results)} failed.")
    else:
        lines.append(f"Tests: all {len(results)} passed.")
    return results, "\n".join(lines)


def require_passing_tests(cfg: Config) -> None:
    """Refuse to act on rules whose own tests fail, as gmailctl refuses to apply."""
    failed = [r for r in run_config_tests(cfg) if not r.passed]
    if failed:
        source = cfg.source.name if cfg.source else "config"
        problems = [f"{source}:{r.line or '?'}: {r.where} \"{r.label}\" fails: {'; '.join(r.problems)}" for r in failed]
        raise ConfigError(
            problems,
            hint=f"the bot does not start while a test of its rules fails: see `interview-bot test`, then {_HOW_TO_FIX}",
        )


def print_schema() -> None:
    """The JSON Schema of config.yaml on stdout."""
    import sys

    from bot.config.schema import schema_text

    sys.stdout.write(schema_text())
