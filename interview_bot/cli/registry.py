"""The subcommands, each registered next to its function with its help, examples and arguments.

Adding a subcommand is one decorated function:

    @command("explain", group=DAILY, summary="why a follow-up is planned as it is",
             description="A paragraph for `interview-bot explain --help`.",
             examples=["interview-bot explain Initech"],
             arguments=[arg("company", help="...")])
    def cmd_explain(args: argparse.Namespace) -> int: ...

in a module that interview_bot.cli.commands imports. The parser, the grouped command list in `--help`,
the global flags after the subcommand and the traceback sweep in the tests all come from here.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

Run = Callable[[argparse.Namespace], int]

# Groups, in the order `interview-bot --help` lists them.
DAILY = "Every day"
SETUP = "Setting up"
TRYING = "Trying it out (no Google account needed)"
GROUPS = (DAILY, SETUP, TRYING)


@dataclass(frozen=True)
class Arg:
    """One argparse argument: its flags (or name) and add_argument's keyword arguments."""

    flags: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)


def arg(*flags: str, **options: Any) -> Arg:
    """An argument as add_argument takes it: arg("--at", metavar="TIME", help="...")."""
    return Arg(tuple(flags), dict(options))


@dataclass(frozen=True)
class Command:
    """A subcommand: what `--help` says about it and the function that runs it."""

    name: str
    group: str
    summary: str  # one line, in the command list
    description: str  # one paragraph, in the command's --help
    examples: tuple[str, ...]
    arguments: tuple[Arg, ...]
    run: Run
    # For what a flat list of arguments cannot say (sub-actions, mutually exclusive groups).
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None


_COMMANDS: dict[str, Command] = {}


def command(name: str, *, group: str, summary: str, description: str, examples: Sequence[str],
            arguments: Sequence[Arg] = (),
            add_arguments: Callable[[argparse.ArgumentParser], None] | None = None) -> Callable[[Run], Run]:
    """Register the decorated function as `interview-bot NAME`."""
    if group not in GROUPS:
        raise ValueError(f"unknown command group {group!r}")
    if not examples:
        raise ValueError(f"command {name!r} needs at least one example")

    def register(run: Run) -> Run:
        if name in _COMMANDS:
            raise ValueError(f"command {name!r} is registered twice")
        _COMMANDS[name] = Command(name, group, summary, description, tuple(examples), tuple(arguments), run,
                                  add_arguments)
        return run

    return register


def commands() -> list[Command]:
    """Every registered command, grouped as `--help` lists them, in registration order within a group."""
    return sorted(_COMMANDS.values(), key=lambda c: GROUPS.index(c.group))


def plural(n: int, word: str, many: str = "") -> str:
    """'1 draft', '2 drafts', '0 drafts' (with `many` for irregular plurals)."""
    return f"{n} {word if n == 1 else many or word + 's'}"
