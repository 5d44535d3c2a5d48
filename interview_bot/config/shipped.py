"""Files shipped inside the package for users to copy, so hints point at files an installed bot has.

interview_bot/examples/ holds the documented example config.yaml, the shape of the OAuth client file
(credentials.example.json) and the systemd unit. The copies at the top of the repository
(config.yaml, credentials.example.json, contrib/interview-bot.service) are the same bytes, for
readers of a clone; tests/test_packaging.py keeps them identical.
"""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_FILES = ("config.yaml", "credentials.example.json", "interview-bot.service")


def example_file(name: str) -> Path:
    """The shipped example `name` (one of EXAMPLE_FILES), as a path in the installed package."""
    if name not in EXAMPLE_FILES:
        raise ValueError(f"no shipped example {name!r}")
    return EXAMPLES / name
