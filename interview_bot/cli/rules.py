"""Checking the rules before they act: `interview-bot test`, the same cases in `check-config` and
before `run`, and `interview-bot schema` for editors."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from interview_bot.cli.common import load
from interview_bot.cli.registry import SETUP, arg, command
from interview_bot.errors import ConfigError

if TYPE_CHECKING:
    from interview_bot.config.model import Config
    from interview_bot.reading.cases import CaseResult

_HOW_TO_FIX = ("change the rule that decided (interviews: or replies: in config.yaml), or the case if it expects "
               "the wrong thing; README, Testing your rules")


def run_config_tests(cfg: Config) -> list[CaseResult]:
    """Every case in the config's `tests:` section, run against the rules the bot runs with."""
    from interview_bot.reading.cases import run_cases
    from interview_bot.runtime.wiring import case_rules

    return run_cases(cfg.tests, case_rules(cfg), cfg.case_line)


def test_report(cfg: Config) -> tuple[list[CaseResult], str]:
    """Run the config's tests; the results and what to print: each failure, then a one-line summary."""
    from interview_bot.reading.cases import describe

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

    from interview_bot.config.schema import schema_text

    sys.stdout.write(schema_text())


@command(
    "test", group=SETUP, summary="run the test cases under `tests:` in the config against its rules",
    description="Runs each case under `tests:` in config.yaml (an event and whether it is an interview, a "
    "message and what kind of reply it is, whether it answers and which date it promises) through the rules "
    "exactly as the bot applies them. For each failure it prints what was expected, what came out and which "
    "rule decided. It exits 1 when any case fails; `check-config` runs the same cases and `run` refuses to "
    "start while one fails.",
    examples=["interview-bot test", "interview-bot test ~/my-config.yaml"],
    arguments=[arg("file", nargs="?", help="config file to test (default: as for --config)")],
)
def cmd_test(args: argparse.Namespace) -> int:
    results, report = test_report(load(args, args.file))
    print(report)
    return 1 if any(not r.passed for r in results) else 0


@command(
    "schema", group=SETUP, summary="print the JSON Schema of config.yaml (for editors)",
    description="Prints the JSON Schema of config.yaml, generated from the config model itself, with a "
    "description for every key. Editors that use yaml-language-server (VS Code, Neovim and others) complete "
    "and check config.yaml as you type when its first line names the schema; README, Editor support.",
    examples=["interview-bot schema > ~/.config/interview-bot/config.schema.json"],
)
def cmd_schema(args: argparse.Namespace) -> int:
    print_schema()
    return 0
