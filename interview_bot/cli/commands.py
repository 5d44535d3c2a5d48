"""The `interview-bot` command line: the parser, global flags, and the one place errors are printed.

Each subcommand is a function registered with @command (interview_bot.cli.registry) beside its help text,
examples and arguments, in the modules of COMMAND_MODULES; this module builds the parser from the
registry. A command module is imported when it is needed, inside main's guard, so Ctrl-C at start-up
is an exit like any other; and heavy imports (googleapiclient above all) happen inside the commands,
so --help is fast.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import importlib
import logging
import os
import sys
import textwrap
import traceback
from collections.abc import Sequence
from typing import Any, NoReturn

from interview_bot.cli import registry
from interview_bot.errors import BotError, ConfigError

# The modules whose @command functions make up the command line, and the commands each registers
# (so that `interview-bot status` imports one module, not seven; a test keeps this true). Within a
# group of `--help`, in this order. A new command in a new module: add it here.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "daily": ("run", "plan", "status", "explain"),
    "decide": ("decide",),
    "make": ("make",),
    "read": ("read",),
    "starter": ("init",),
    "setup": ("check-config", "auth", "doctor"),
    "rules": ("test", "schema"),
    "service": ("service",),
    "demo": ("demo", "sandbox"),
}
_VALUED_GLOBALS = ("--config", "--log-format")  # global flags that take the next word as their value


def load_commands(argv: Sequence[str] | None = None) -> None:
    """Import the command modules: only the one that holds the command `argv` names, else all of them."""
    word = _command_word(argv) if argv is not None else None
    home = [m for m, names in COMMAND_MODULES.items() if word in names]
    for module in home or COMMAND_MODULES:
        importlib.import_module(f"interview_bot.cli.{module}")


def _command_word(argv: Sequence[str]) -> str | None:
    skip = False
    for a in argv:
        if skip:
            skip = False
        elif a in _VALUED_GLOBALS:
            skip = True
        elif not a.startswith("-"):
            return a
    return None

PROG = "interview-bot"
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `git log | head`


# -- the parser ----------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors read like every other error: error: ..., hint: ..."""

    def error(self, message: str) -> NoReturn:
        hint = _did_you_mean(message) or f"`{self.prog} --help` shows what it takes"
        if message.startswith("argument COMMAND: invalid choice: "):  # the list of all is in the hint's --help
            message = f"{message.split(': ', 2)[2].split(' (choose')[0]} is not an interview-bot command"
        print(f"error: {message}", file=sys.stderr)
        print(f"hint: {hint}", file=sys.stderr)
        raise SystemExit(2)


def _did_you_mean(message: str) -> str:
    """For argparse's "invalid choice: 'stauts'": the command (or choice) that was meant, if one is close."""
    if "invalid choice: " not in message:
        return ""
    typed = message.split("invalid choice: ", 1)[1].split("'")[1:2]
    choices = [c.strip(" ')") for c in message.split("(choose from ", 1)[-1].split(",")] if "(choose from " in \
        message else []
    if not typed:
        return ""
    known = choices or [name for names in COMMAND_MODULES.values() for name in names]
    close = difflib.get_close_matches(typed[0], known, n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


# Global flags: accepted before the subcommand and after it. After it they land in sub_* so that
# the subcommand's defaults never overwrite what was given before it; _merge_globals combines them.
_GLOBALS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (("--config",), {"metavar": "FILE", "help": "config file (default: $INTERVIEW_BOT_CONFIG, the user config "
                                                "folder's config.yaml, then ./config.yaml)"}),
    (("-v", "--verbose"), {"action": "count", "help": "more log output (-vv for debug); tracebacks for bugs"}),
    (("-q", "--quiet"), {"action": "store_true", "help": "errors and warnings only, no summaries"}),
    (("--log-format",), {"choices": ("text", "json"), "help": "log lines on stderr as text or as JSON objects"}),
)


def _add_globals(p: argparse.ArgumentParser, prefix: str) -> None:
    group = p.add_argument_group("global options (before or after the command)")
    for flags, options in _GLOBALS:
        dest = prefix + flags[-1].lstrip("-").replace("-", "_")
        group.add_argument(*flags, dest=dest, default=None, **options)


def _merge_globals(args: argparse.Namespace) -> argparse.Namespace:
    for name in ("config", "verbose", "quiet", "log_format"):
        after = getattr(args, "sub_" + name, None)
        before = getattr(args, name, None)
        if name == "verbose":
            value: object = (before or 0) + (after or 0)
        elif name == "quiet":
            value = bool(before or after)
        else:
            value = after if after is not None else before
        setattr(args, name, value)
        if hasattr(args, "sub_" + name):
            delattr(args, "sub_" + name)
    if args.log_format is None:
        args.log_format = "text"
    return args


def _columns() -> int:
    from interview_bot.cli.common import width

    return width()


def _paragraph(text: str) -> str:
    return textwrap.fill(text, width=min(_columns() - 2, 100))


def _listing(name: str, summary: str) -> list[str]:
    """One line of the command list, its summary wrapped under itself."""
    return textwrap.wrap(summary, width=min(_columns() - 2, 100), initial_indent=f"  {name:<14}",
                         subsequent_indent=" " * 16) or [f"  {name}"]


def _examples(examples: Sequence[str]) -> str:
    # An example is a command to copy: a long one is wrapped with the shell's line continuation, never cut.
    lines = []
    for e in examples:
        lines.append(" \\\n".join(textwrap.wrap(e, width=min(_columns() - 4, 100), initial_indent="  ",
                                                subsequent_indent="      ", break_long_words=False,
                                                break_on_hyphens=False)))
    return "\n".join(lines)


def parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line, built from the registered commands (all, or those `argv` needs)."""
    load_commands(argv)
    listing = []
    for group in registry.GROUPS:
        members = [c for c in registry.commands() if c.group == group]
        if members:
            listing.append(f"{group}:")
            listing += [line for c in members for line in _listing(c.name, c.summary)]
    p = _Parser(
        prog=PROG,
        description=_paragraph("Watches Google Calendar for interviews and prepares follow-up emails as Gmail "
                               "drafts. It never sends anything: you review and send."),
        epilog="\n".join(listing) + f"\n\n`{PROG} COMMAND --help` says more about each, with an example.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    _add_globals(p, "")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser,
                           help="one of the commands listed below")
    for c in registry.commands():
        examples = _examples(c.examples)
        s = sub.add_parser(c.name, description=_paragraph(c.description),
                           epilog=f"example{'s' if len(c.examples) > 1 else ''}:\n{examples}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        for a in c.arguments:
            s.add_argument(*a.flags, **a.options)
        if c.add_arguments is not None:
            c.add_arguments(s)
        _add_globals(s, "sub_")
        s.set_defaults(_run=c.run)
    return p


def _version() -> str:
    from interview_bot import __version__

    return __version__


# -- main: the one place errors are printed ---------------------------------------------------------


def _print_error(error: BotError) -> None:
    lines = error.problems if isinstance(error, ConfigError) else [error.message]
    for line in lines:
        first, *rest = str(line).split("\n")
        print(f"error: {first}", file=sys.stderr)
        for more in rest:
            print(f"       {more}", file=sys.stderr)
    if error.hint:
        print(f"hint: {error.hint}", file=sys.stderr)


def _silence_stdout() -> None:
    """After a broken pipe: send what is left to /dev/null, so the exit's flush does not complain."""
    # When stdout is not a real file (tests capture it), nothing will be flushed to a pipe anyway.
    with contextlib.suppress(OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _setup_logging(args: argparse.Namespace) -> None:
    from interview_bot.logs import setup_logging

    daemon = args.command == "run" and not getattr(args, "once", False)
    setup_logging(args.log_format, args.verbose, daemon=daemon)
    if args.quiet:
        logging.getLogger().setLevel(logging.WARNING if daemon else logging.ERROR)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point. Every error is one `error:` line (or one per problem) and a `hint:`; never a traceback
    unless -v asks for one."""
    argv = list(sys.argv[1:] if argv is None else argv)
    verbose = any(a in ("-v", "-vv", "--verbose") for a in argv)
    try:
        args = _merge_globals(parser(argv).parse_args(argv))
        verbose = args.verbose > 0
        if args.verbose and args.quiet:
            raise BotError("-v and -q pull in opposite directions", hint="give one of them")
        _setup_logging(args)
        code: int = args._run(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the guard, not at exit
        return code
    except BotError as e:
        _print_error(e)
        return e.exit_code
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (`| head`): stop quietly, as git does
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001  # a bug, or input nobody foresaw: one line, the details with -v
        from interview_bot.logs import redact

        if verbose:
            traceback.print_exc()
        said = redact(" ".join(str(e).split()))[:300]
        print(f"error: unexpected {type(e).__name__}{': ' + said if said else ''}", file=sys.stderr)
        print("hint: run with -v for details; if it looks like a bug in interview-bot, please report it "
              "with that output", file=sys.stderr)
        return 1
