"""The `interview-bot` executable's first code: nothing but the guard around everything else.

Ctrl-C in the first second lands while modules are still being imported, before main's own guard
exists; caught here, it is the same quiet exit 130 as at any later moment (no traceback).
"""

from __future__ import annotations

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl-C


def main() -> int:
    """Import the command line and run it; Ctrl-C at any moment exits 130 without a traceback."""
    try:
        from interview_bot.cli.commands import main as run

        return run()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
