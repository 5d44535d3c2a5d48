"""Loading config.yaml: every problem reported at once, each at its file and line.

Each error says "file:line: key.path: what is wrong (what would work)". Also the
one-screen summary `check-config` prints.
"""

from __future__ import annotations

import difflib
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ValidationError

from interview_bot.config.fields import yaml_kind
from interview_bot.config.model import APP_NAME, CONFIG_ENV, Config
from interview_bot.config.shipped import example_file
from interview_bot.config.yamlnodes import dotted, line_for, line_of, parse_yaml
from interview_bot.errors import ConfigError

__all__ = ["load_config", "locate_config", "summarize", "user_config_path"]

_EDIT_HINT = (f"Every key is explained in the example {example_file('config.yaml')}; "
              "run `interview-bot check-config` after editing.")


# --- loading -----------------------------------------------------------------


def user_config_path() -> Path:
    """The config file in the platform's user config folder (~/.config/interview-bot/config.yaml on Linux)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.yaml"


def locate_config(cli_value: str | None, env: Mapping[str, str]) -> tuple[Path, str]:
    """Which config file to read, and why that one.

    --config FILE, else $INTERVIEW_BOT_CONFIG, else the user config folder's file, else
    ./config.yaml. The user's own file comes before ./config.yaml so that inside a clone of
    interview-bot, whose ./config.yaml is the example, the copy the README makes is the one read.
    When none exists, the user config folder's (missing) file is returned.
    """
    if cli_value:
        return Path(cli_value).expanduser(), "given with --config"
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV]).expanduser(), f"named by ${CONFIG_ENV}"
    user = user_config_path()
    if user.is_file():
        return user, "your config folder"
    local = Path("config.yaml")
    if local.is_file():
        return local, f"the current folder; there is none in {user.parent}"
    return user, "your config folder"


MAX_CONFIG_BYTES = 1 << 20  # a config of every rule and test case a user writes is well under 100 KiB


def _read_bounded(path: Path, shown: str) -> str:
    """The config's text, refused past MAX_CONFIG_BYTES and when it is not a file (a fifo would never end)."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(str(path))
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError([f"{shown}: is not a regular file (a device, a fifo or a socket)"],
                          hint="Give the config file itself, e.g. --config ~/.config/interview-bot/config.yaml.")
    too_big = ConfigError([(f"{shown}: the config is larger than {MAX_CONFIG_BYTES >> 20} MiB ({info.st_size} bytes); "
                            "it was not read")], hint="Is this the right file? A config is a few kilobytes.")
    if info.st_size > MAX_CONFIG_BYTES:
        raise too_big
    with open(path, "rb") as f:
        data = f.read(MAX_CONFIG_BYTES + 1)  # it may have grown since
    if len(data) > MAX_CONFIG_BYTES:
        raise too_big
    return data.decode("utf-8")


def load_config(path: Path) -> Config:
    """Read and validate config.yaml; raises ConfigError listing every problem with its line."""
    shown = str(path)
    try:
        text = _read_bounded(path, shown)
    except FileNotFoundError:
        raise ConfigError(
            [f"{shown}: no config file here"],
            hint=f"Run `interview-bot init` to write a starter config there, or copy the example "
            f"{example_file('config.yaml')} and edit `me:` and `timezone:`; "
            f"or point at yours with --config FILE or ${CONFIG_ENV}.",
        ) from None
    except IsADirectoryError:
        raise ConfigError([f"{shown}: is a folder, not a config file"],
                          hint="Give the config file itself, e.g. --config ~/.config/interview-bot/config.yaml.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{shown}: cannot read the config: {exc}"], hint="Check the path and its permissions.") from None

    root, data, problems = parse_yaml(text, shown, _EDIT_HINT)
    if root is None or data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(
            [f"{shown}:{line_of(root)}: the config must be a mapping of keys like `me:` and `timezone:`, not {yaml_kind(data)}"],
            hint=_EDIT_HINT,
        )

    found: list[tuple[int, str]] = list(problems)
    config: Config | None = None
    try:
        config = Config.model_validate(data, context={"base_dir": path.parent.resolve()})
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            line = line_for(root, loc)
            found.append((line, f"{shown}:{line}: {dotted(loc)}: {_describe(error)}"))
    if found:
        found.sort(key=lambda item: item[0])  # stable: same-line problems keep pydantic's order
        raise ConfigError([message for _, message in found], hint=_EDIT_HINT)
    assert config is not None
    config._source = path
    config._case_lines = {
        (section, i): line_for(root, ("tests", section, i))
        for section in ("events", "messages") for i in range(len(getattr(config.tests, section)))
    }
    return config


def summarize(config: Config) -> str:
    """A short human summary of what the bot will do with this config, for `interview-bot check-config`."""
    me = config.me
    account = f"{me.name} <{me.email}>" if me.email else f"{me.name} (address: the signed-in Gmail account)"
    zone = config.timezone
    if config.country:
        region = f"{config.country}-{config.subdivision}" if config.subdivision else config.country
        zone += f"; business days skip {region} public holidays"
    else:
        zone += "; business days skip weekends only (no `country:`)"
    if config.google.endpoint:
        google = f"{config.google.endpoint} (sandbox endpoint, no OAuth)"
    else:
        google = f"Google APIs (credentials {config.google.credentials}, token {config.google.token})"
    thanks = config.follow_ups.thank_you
    if thanks.enabled:
        who = "one per interviewer" if thanks.per_interviewer else "one to all interviewers"
        thank_you = f'{thanks.after} after each interview ends, {who}, template "{thanks.template}"'
    else:
        thank_you = "off"
    sc, fr, kt = config.follow_ups.status_check, config.follow_ups.feedback_request, config.follow_ups.keep_in_touch
    check_in = (f"{sc.grace} past the decision date (default: {sc.default_wait} after the interview), "
                f"at {sc.at}, at most {sc.max}, every {sc.repeat_every}") if sc.enabled else "off"
    after_no = f"feedback request {fr.after} later at {fr.at}" if fr.enabled else "no feedback request"
    after_no += f"; keep-in-touch note {kt.after} later" if kt.enabled else "; no keep-in-touch note"
    rules = config.interviews
    added = [f"{len(v)} {k}" for k, v in (("match", rules.match), ("ignore", rules.ignore), ("description_match", rules.description_match)) if v]
    detection = ("shipped rules" if rules.use_default_rules else "your rules only") + (f" + {', '.join(added)}" if added else "")
    if config.companies:
        detection += f"; {len(config.companies)} known compan{'y' if len(config.companies) == 1 else 'ies'}"
    hs = config.replies.hiring_systems
    hiring = ("the shipped hiring systems" if hs.shipped else "no shipped hiring systems") + "".join(
        f", {len(v)} {k}" for k, v in (("added", hs.add), ("removed", hs.remove)) if v)
    senders = len(config.replies.senders)
    company_mail = (f"the company, its subdomains, agencies, {hiring}"
                    + (f", {senders} more sender{'s' if senders != 1 else ''}" if senders else ""))
    rows = [
        ("Config file", str(config.source) if config.source else "(not from a file)"),
        ("Account", account),
        ("Time zone", zone),
        ("Calendars", ", ".join(config.calendars)),
        ("Interviews", detection),
        ("State", str(config.state)),
        ("Poll", f"every {config.poll_every}"),
        ("Thank-you", thank_you),
        ("Check-ins", check_in),
        ("After a no", after_no),
        ("Mail from", company_mail),
        ("Google", google),
        ("Templates", f"{config.templates} (then the shipped ones)" if config.templates else "the shipped ones"),
    ]
    width = max(len(label) for label, _ in rows) + 1
    return "\n".join(f"{label + ':':<{width}} {value}" for label, value in rows)


def _describe(error: Any) -> str:
    """One pydantic error in the words of someone editing YAML."""
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        loc = tuple(error["loc"])
        allowed = _keys_at(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        if close:
            return f'unknown key (did you mean "{close[0]}"?)'
        return f"unknown key (expected one of: {', '.join(allowed)})" if allowed else "unknown key"
    if kind in ("string_type", "str_type"):
        return f"expected text, got {yaml_kind(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {yaml_kind(value)}"
    if kind in ("tuple_type", "list_type"):
        return f'expected a list (one "- item" per line), got {yaml_kind(value)}'
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of keys, got {yaml_kind(value)}"
    if kind == "literal_error":
        return f"{yaml_kind(value)} is not one of {error['ctx']['expected']}"
    return str(error["msg"])


def _keys_at(loc: tuple[str | int, ...]) -> list[str]:
    """The keys the model accepts at `loc` (a mapping), for "did you mean" suggestions."""
    model: type[BaseModel] = Config
    for part in loc:
        if isinstance(part, int):
            continue  # an item of a list of mappings (tests.events[0]): the field's item type was taken below
        field = model.model_fields.get(str(part))
        annotation = field.annotation if field else None
        # tuple[Model, ...] (a list of mappings): its items' keys
        annotation = next((a for a in getattr(annotation, "__args__", ()) if isinstance(a, type)), annotation)
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return [f.alias or name for name, f in model.model_fields.items()]
