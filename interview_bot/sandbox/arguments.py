"""The sandbox's command-line options, for both ways to start it: `interview-bot sandbox` and
`python -m interview_bot.sandbox.server`. Light on purpose: building the bot's parser imports it."""

from __future__ import annotations

import argparse

__all__ = ["add_arguments", "port_number", "share"]


def port_number(value: str) -> int:
    """--port: 0 to 65535 (0 picks a free one)."""
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port (0 to 65535; 0 picks a free one)")
    return port


def share(value: str) -> float:
    """--fail-rate: a share of requests, 0 to 1."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not a share between 0 and 1 (0.1 fails one request in ten)")
    return number


def add_arguments(parser: argparse.ArgumentParser, default_port: int = 8765) -> None:
    """--port, --email, --state, --fail-rate and --seed, each checked as it is parsed."""
    parser.add_argument("--port", type=port_number, default=default_port, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--email", default="me@example.com", help="the account's address")
    parser.add_argument("--state", metavar="FILE", help="load and save the account's data as JSON")
    parser.add_argument("--fail-rate", type=share, default=0.0, metavar="R",
                        help="answer this share of API requests as Google does on a bad day "
                        "(403/429 rate limits, 500/503 backend errors)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="seed for --fail-rate")
