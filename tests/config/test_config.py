"""config.yaml: the shipped example loads, and every mistake is reported with its line."""

from __future__ import annotations

import textwrap
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import platformdirs
import pytest
from pydantic import ValidationError

import interview_bot.config.model
from interview_bot.config.durations import Duration
from interview_bot.config.load import load_config, locate_config, summarize
from interview_bot.config.model import Config, system_timezone
from interview_bot.config.schema import config_json_schema
from interview_bot.errors import ConfigError
from interview_bot.model import DetectionRules

REPO = Path(__file__).resolve().parents[2]

BASE = """\
me:
  name: Alex Morgan
timezone: Europe/London
"""


def with_base(extra: str) -> str:
    """BASE followed by an indented triple-quoted block, dedented."""
    return BASE + textwrap.dedent(extra)


def write(folder: Path, text: str, name: str = "config.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.hint, "every config error should say how to fix it"
    return err.value.problems


# --- the shipped example -------------------------------------------------------


def test_shipped_example_loads() -> None:
    config = load_config(REPO / "config.yaml")
    assert config.me.name == "Alex Morgan"
    assert config.tz == ZoneInfo("Europe/London")
    assert config.country == "GB"
    assert config.google.endpoint is None  # the example talks to Google; the sandbox line is commented
    assert config.google.credentials == REPO / "credentials.json"
    assert config.companies["initech.com"] == "Initech"
    assert config.follow_ups.thank_you.after == Duration(timedelta(hours=2))
    assert config.calendars == ("primary",)
    # Running from a checkout must not litter it with state or tokens.
    assert REPO not in config.state.parents
    assert REPO not in config.google.token.parents
    assert config.source == REPO / "config.yaml"


def test_shipped_example_mentions_every_key() -> None:
    # The example is the documentation: each key of the model appears in it, set or commented.
    text = (REPO / "config.yaml").read_text(encoding="utf-8")

    def keys(schema_props: dict[str, object]) -> set[str]:
        return set(schema_props)

    schema = config_json_schema()
    names = keys(schema["properties"])
    for section in schema["definitions"].values():
        names |= keys(section.get("properties", {}))
    missing = sorted(name for name in names if f"{name}:" not in text)
    assert not missing


# --- errors point at the line ---------------------------------------------------


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        pytest.param(
            BASE + "timzone: UTC\n",
            'config.yaml:4: timzone: unknown key (did you mean "timezone"?)',
            id="unknown top-level key, with a suggestion",
        ),
        pytest.param(
            BASE + "follow_ups:\n  thank_you:\n    enabled: true\n    delay: 2h\n",
            "config.yaml:7: follow_ups.thank_you.delay: unknown key (expected one of: enabled, after, per_interviewer, template)",
            id="unknown nested key lists the accepted ones",
        ),
        pytest.param(
            BASE + "follow_ups:\n  thank_you:\n    after: 2 hourz\n",
            'config.yaml:6: follow_ups.thank_you.after: "2 hourz" is not a duration (try "2h", "90m", "3 business days")',
            id="bad duration",
        ),
        pytest.param(
            BASE + "poll_every: 300\n",
            'config.yaml:4: poll_every: "300" is not a duration (add a unit, e.g. "300s" or "300m")',
            id="duration without a unit",
        ),
        pytest.param(
            BASE + "poll_every: 2 business days\n",
            'config.yaml:4: poll_every: "2 business days" must be a fixed time like "5m", not business days',
            id="poll interval in business days",
        ),
        pytest.param(
            BASE + "poll_every: 10s\n",
            'config.yaml:4: poll_every: "10s" is too often; the minimum is 30s',
            id="poll interval too short",
        ),
        pytest.param(
            "me:\n  name: Alex\ntimezone: Europe/Londn\n",
            'config.yaml:3: timezone: "Europe/Londn" is not a time zone (try "Europe/London")',
            id="misspelt time zone gets the close match",
        ),
        pytest.param(
            "me:\n  name: Alex\ntimezone: GMT+1 please\n",
            'config.yaml:3: timezone: "GMT+1 please" is not a time zone (try "Europe/London")',
            id="hopeless time zone gets the example",
        ),
        pytest.param(
            BASE + "interviews:\n  match:\n    - onsite\n    - '(unclosed'\n",
            'config.yaml:7: interviews.match[1]: "(unclosed" is not a valid regular expression: missing ), unterminated subpattern',
            id="bad regex points at its own line",
        ),
        pytest.param(
            BASE + "interviews:\n  ignore: prep\n",
            'config.yaml:5: interviews.ignore: expected a list (one "- item" per line), got "prep"',
            id="a string where a list belongs",
        ),
        pytest.param(
            BASE + "interviews:\n  include_all_day: sometimes\n",
            'config.yaml:5: interviews.include_all_day: expected true or false, got "sometimes"',
            id="not a boolean",
        ),
        pytest.param(
            "me:\n  email: alex@example.com\n",
            "config.yaml:1: me.name: is required",
            id="missing key points at its parent",
        ),
        pytest.param(
            "timezone: UTC\n",
            "config.yaml:1: me: is required",
            id="missing section points at the top",
        ),
        pytest.param(
            "me:\n  name: Alex\n  email: alex at example\n",
            'config.yaml:3: me.email: "alex at example" is not an email address',
            id="bad email",
        ),
        pytest.param(
            BASE + "country: XX\n",
            'config.yaml:4: country: "XX" is not a country code with known holidays',
            id="unknown country",
        ),
        pytest.param(
            BASE + "subdivision: SCT\n",
            "config.yaml:4: subdivision: needs `country:` as well",
            id="subdivision without a country",
        ),
        pytest.param(
            BASE + "country: GB\nsubdivision: XYZ\n",
            'config.yaml:5: subdivision: "XYZ" is not a subdivision of GB (one of: ENG, NIR, SCT, WLS)',
            id="unknown subdivision",
        ),
        pytest.param(
            BASE + "google:\n  endpoint: localhost:8765\n",
            'config.yaml:5: google.endpoint: "localhost:8765" is not an http(s) URL (try "http://127.0.0.1:8765")',
            id="endpoint without a scheme",
        ),
        pytest.param(
            BASE + "calendars: []\n",
            'config.yaml:4: calendars: needs at least one calendar id (e.g. "primary")',
            id="no calendars",
        ),
        pytest.param(
            BASE + "interviews:\n  personal_domains: [uni.edu, 'yahoo.*', gmail]\n",
            'config.yaml:5: interviews.personal_domains[2]: "gmail" is not an email domain or pattern',
            id="bad personal domain; globs are fine",
        ),
        pytest.param(
            BASE + "companies:\n  initech.com: Initech\n  not a domain: Foo\n",
            'config.yaml:6: companies."not a domain": "not a domain" is not an email domain (like "initech.com")',
            id="bad company domain",
        ),
        pytest.param(
            BASE + "companies:\n  globex.com:\n",
            'config.yaml:5: companies."globex.com": expected text, got an empty value',
            id="company without a name",
        ),
        pytest.param(
            BASE + "follow_ups:\n  thank_you:\n    template: ../../etc/passwd\n",
            'config.yaml:6: follow_ups.thank_you.template: "../../etc/passwd" is not a template name',
            id="template must be a name, not a path",
        ),
        pytest.param(
            BASE + "templates: no-such-folder\n",
            "config.yaml:4: templates: no-such-folder is not a folder",
            id="templates folder must exist",
        ),
        pytest.param(
            "me:\n  name: Alex\n  name: Sam\n",
            "config.yaml:3: me.name: repeated key (first on line 2); keep one",
            id="repeated key",
        ),
        pytest.param(
            "me:\n  name: Alex\n timezone: UTC\n",
            "config.yaml:3: not valid YAML: the indentation does not line up",
            id="yaml indentation error",
        ),
        pytest.param(
            "me:\n\tname: Alex\n",
            "config.yaml:2: not valid YAML: found character '\\t' that cannot start any token",
            id="yaml tab",
        ),
        pytest.param(
            "- me\n- timezone\n",
            "config.yaml:1: the config must be a mapping of keys like `me:` and `timezone:`, not a list",
            id="not a mapping",
        ),
    ],
)
def test_errors_name_file_line_key_and_remedy(tmp_path: Path, yaml_text: str, expected: str) -> None:
    path = write(tmp_path, yaml_text)
    problems = problems_of(path)
    shown = [p.replace(str(tmp_path) + "/", "") for p in problems]
    assert any(p.startswith(expected) for p in shown), shown


def test_every_error_is_reported_at_once_in_line_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        me:
          name: Alex
        timezone: Mars/Olympus
        poll_every: often
        interviews:
          match: ['(']
          colour: blue
        follow_ups:
          thank_you:
            after: 2 hourz
        """,
    )
    problems = problems_of(path)
    assert [p.split(": ", 2)[:2] for p in problems] == [
        [f"{path}:3", "timezone"],
        [f"{path}:4", "poll_every"],
        [f"{path}:6", "interviews.match[0]"],
        [f"{path}:7", "interviews.colour"],
        [f"{path}:10", "follow_ups.thank_you.after"],
    ]


def test_missing_file_says_so_and_how_to_start(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "config.yaml"
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.problems == [f"{path}: no config file here"]
    assert "interview-bot init" in err.value.hint and "--config" in err.value.hint
    example = err.value.hint.split("copy the example ", 1)[1].split(" and edit", 1)[0]
    assert Path(example).is_file() and Path(example).name == "config.yaml"  # a file the package has


def test_empty_file_asks_for_me(tmp_path: Path) -> None:
    assert problems_of(write(tmp_path, "")) == [f"{tmp_path / 'config.yaml'}:1: me: is required"]


def test_merge_keys_are_not_reported_as_repeats(tmp_path: Path) -> None:
    # A key given both by a merge (<<) and directly is an override, not a repeat; the direct one wins.
    text = with_base(
        """\
        follow_ups:
          thank_you:
            <<: &usual
              enabled: true
              after: 1h
            after: 2h
        """
    )
    assert load_config(write(tmp_path, text)).follow_ups.thank_you.after == Duration(timedelta(hours=2))
    # ...and an error in the overriding key points at it, not at the merged one.
    problems = problems_of(write(tmp_path, text.replace("after: 2h", "after: 2 hourz")))
    expected = '"2 hourz" is not a duration (try "2h", "90m", "3 business days")'
    assert problems == [f"{tmp_path / 'config.yaml'}:9: follow_ups.thank_you.after: {expected}"]


# --- values and defaults ----------------------------------------------------------


def test_relative_paths_resolve_next_to_the_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "conf"
    (folder / "my-templates").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)  # somewhere else: relative paths must not follow the working folder
    text = with_base(
        """\
        google:
          token: secrets/token.json
        state: ~/bot/state.sqlite3
        templates: my-templates
        """
    )
    path = write(folder, text)
    config = load_config(Path("conf/config.yaml"))
    assert config.google.credentials == folder / "credentials.json"  # the default, too
    assert config.google.token == folder / "secrets" / "token.json"
    assert config.state == tmp_path / "home" / "bot" / "state.sqlite3"
    assert config.templates == folder / "my-templates"
    assert config.source == Path("conf/config.yaml") and path.exists()


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(interview_bot.config.model, "system_timezone", lambda: "America/Chicago")
    config = load_config(write(tmp_path, "me:\n  name: Alex\n"))
    assert config.timezone == "America/Chicago"
    assert config.me.email is None
    assert config.country is None
    assert config.calendars == ("primary",)
    assert config.poll_every == Duration(timedelta(minutes=5))
    assert config.google.credentials == tmp_path / "credentials.json"
    assert config.google.token == Path(platformdirs.user_data_dir("interview-bot", appauthor=False)) / "token.json"
    assert config.state == Path(platformdirs.user_state_dir("interview-bot", appauthor=False)) / "state.sqlite3"
    assert config.templates is None
    thanks = config.follow_ups.thank_you
    assert (thanks.enabled, thanks.after, thanks.per_interviewer, thanks.template) == (
        True,
        Duration(timedelta(hours=2)),
        False,
        "thank_you",
    )


def test_values_are_normalised(tmp_path: Path) -> None:
    text = with_base(
        """\
        country: gb
        google:
          endpoint: http://127.0.0.1:8765/
        calendars: [primary, work@group.calendar.google.com, primary]
        companies:
          "@Initech.COM": Initech
        follow_ups:
          thank_you:
            after: 1 business day
        """
    )
    config = load_config(write(tmp_path, text))
    assert config.country == "GB"
    assert config.google.endpoint == "http://127.0.0.1:8765"
    assert config.calendars == ("primary", "work@group.calendar.google.com")
    assert config.companies == {"initech.com": "Initech"}
    # Business-day timing uses the configured zone and country: Christmas Eve 2026 -> Tue 29 Dec.
    london = ZoneInfo("Europe/London")
    due = config.after(config.follow_ups.thank_you.after, datetime(2026, 12, 24, 16, 0, tzinfo=london))
    assert due == datetime(2026, 12, 29, 16, 0, tzinfo=london)


def test_system_timezone_follows_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/Denver")
    assert system_timezone() == "America/Denver"
    monkeypatch.setenv("TZ", ":/usr/share/zoneinfo/Asia/Tokyo")
    assert system_timezone() == "Asia/Tokyo"


# --- detection rules -----------------------------------------------------------------

DEFAULTS = DetectionRules(
    match=(r"\binterview\b",),
    ignore=(r"\bprep\b",),
    description_match=(r"greenhouse\.io",),
    include_all_day=False,
    external_organizer_is_interview=True,
    companies={"initech.com": "Initech Inc"},
    personal_domains=("gmail.com",),
    scheduler_senders=(r"no-?reply@",),
)


def rules_from(tmp_path: Path, interviews: str) -> DetectionRules:
    text = BASE + "companies:\n  initech.com: Initech\n  globex.com: Globex\n" + interviews
    return load_config(write(tmp_path, text)).detection_rules(DEFAULTS)


@pytest.mark.parametrize(
    ("interviews", "expected"),
    [
        pytest.param(
            "",
            {"match": (r"\binterview\b",), "ignore": (r"\bprep\b",), "include_all_day": False},
            id="nothing set: the defaults",
        ),
        pytest.param(
            "interviews:\n  match: [onsite, '\\binterview\\b']\n  ignore: [mock]\n  personal_domains: [Uni.EDU, '*.ac.uk']\n",
            {
                "match": (r"\binterview\b", "onsite"),
                "ignore": (r"\bprep\b", "mock"),
                "personal_domains": ("gmail.com", "uni.edu", "*.ac.uk"),
                "scheduler_senders": (r"no-?reply@",),
            },
            id="user lists add to the defaults without repeats",
        ),
        pytest.param(
            "interviews:\n  use_default_rules: false\n  match: [onsite]\n",
            {"match": ("onsite",), "ignore": (), "description_match": (), "personal_domains": (), "scheduler_senders": ()},
            id="use_default_rules false: only the user's lists",
        ),
        pytest.param(
            "interviews:\n  include_all_day: true\n  external_organizer_is_interview: false\n",
            {"include_all_day": True, "external_organizer_is_interview": False},
            id="flags the user sets win",
        ),
        pytest.param(
            "",
            {"companies": {"initech.com": "Initech", "globex.com": "Globex"}},
            id="companies from config override the defaults' names",
        ),
    ],
)
def test_detection_rules(tmp_path: Path, interviews: str, expected: dict[str, object]) -> None:
    rules = rules_from(tmp_path, interviews)
    for name, value in expected.items():
        assert getattr(rules, name) == value, name


def test_detection_flags_left_out_follow_the_defaults(tmp_path: Path) -> None:
    defaults = DetectionRules(include_all_day=True, external_organizer_is_interview=False)
    rules = load_config(write(tmp_path, BASE)).detection_rules(defaults)
    assert (rules.include_all_day, rules.external_organizer_is_interview) == (True, False)


# --- finding the file -------------------------------------------------------------------


def test_find_config_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    env = {"INTERVIEW_BOT_CONFIG": "/etc/bot/from-env.yaml"}
    user_default = Path(platformdirs.user_config_dir("interview-bot", appauthor=False)) / "config.yaml"
    assert user_default == tmp_path / "xdg" / "interview-bot" / "config.yaml"

    assert locate_config("cli.yaml", env)[0] == Path("cli.yaml")
    assert locate_config(None, env)[0] == Path("/etc/bot/from-env.yaml")
    assert locate_config(None, {})[0] == user_default  # nothing anywhere: where init writes
    (tmp_path / "config.yaml").write_text("me: {name: A}\n")
    assert locate_config(None, {}) == (Path("config.yaml"), f"the current folder; there is none in {user_default.parent}")
    assert locate_config(None, {"INTERVIEW_BOT_CONFIG": ""})[0] == Path("config.yaml")  # empty means unset
    assert locate_config(None, env)[0] == Path("/etc/bot/from-env.yaml")  # env still beats ./config.yaml
    # The README's Configure step inside a clone: the user's copy wins over the example in ./
    user_default.parent.mkdir(parents=True)
    user_default.write_text("me: {name: B}\n")
    assert locate_config(None, {}) == (user_default, "your config folder")
    assert locate_config("cli.yaml", {}) == (Path("cli.yaml"), "given with --config")
    assert locate_config(None, env)[1] == "named by $INTERVIEW_BOT_CONFIG"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locate_config("~/x.yaml", {})[0] == tmp_path / "x.yaml"


# --- schema and summary ---------------------------------------------------------------


def test_json_schema_is_strict_and_complete() -> None:
    schema = config_json_schema()
    assert schema["required"] == ["me"]
    assert schema["additionalProperties"] is False
    assert all(section["additionalProperties"] is False for section in schema["definitions"].values())
    assert {"me", "timezone", "country", "google", "calendars", "state", "poll_every", "templates", "interviews",
            "companies", "follow_ups"} <= set(schema["properties"])
    assert schema["properties"]["poll_every"]["type"] == "string"


def test_summary(tmp_path: Path) -> None:
    text = with_base(
        """\
        country: GB
        google:
          endpoint: http://127.0.0.1:8765
        follow_ups:
          thank_you:
            after: 3 business days
            per_interviewer: true
        """
    )
    config = load_config(write(tmp_path, text))
    text = summarize(config)
    assert f"Config file: {tmp_path / 'config.yaml'}" in text
    assert "Alex Morgan (address: the signed-in Gmail account)" in text
    assert "Europe/London; business days skip GB public holidays" in text
    assert "http://127.0.0.1:8765 (sandbox endpoint, no OAuth)" in text
    assert "3 business days after each interview ends, one per interviewer" in text
    assert "every 5m" in text


def test_summary_of_thank_you_off_and_google(tmp_path: Path) -> None:
    text = summarize(load_config(write(tmp_path, BASE + "follow_ups:\n  thank_you:\n    enabled: false\n")))
    assert "Thank-you:   off" in text
    assert f"Google APIs (credentials {tmp_path / 'credentials.json'}" in text


def test_config_can_be_built_in_code() -> None:
    # Other modules' tests build a Config directly; that must work without a file.
    config = Config.model_validate({"me": {"name": "Sam"}, "timezone": "UTC"})
    assert config.source is None and config.tz == ZoneInfo("UTC")
    with pytest.raises(ValidationError, match="frozen"):
        config.timezone = "Europe/London"


@pytest.mark.parametrize(("value", "shipped", "add", "remove"), [
    ("", True, (), ()),
    ("  hiring_systems: false\n", False, (), ()),
    ("  hiring_systems: [mail.myats.example]\n", True, ("mail.myats.example",), ()),
    ("  hiring_systems:\n    add: ['@Jobs.Example']\n    remove: [calendly.com]\n", True, ("jobs.example",),
     ("calendly.com",)),
])
def test_hiring_systems_can_be_added_to_or_turned_off(tmp_path: Path, value: str, shipped: bool,
                                                       add: tuple[str, ...], remove: tuple[str, ...]) -> None:
    hs = load_config(write(tmp_path, BASE + "replies:\n  senders: []\n" + value)).replies.hiring_systems
    assert (hs.shipped, hs.add, hs.remove) == (shipped, add, remove)


def test_a_bad_hiring_systems_value_says_what_is_accepted(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, BASE + "replies:\n  hiring_systems: maybe\n"))
    assert 'replies.hiring_systems: "maybe" is not true, false, a list of domains' in problem


def test_summary_says_whose_mail_is_read(tmp_path: Path) -> None:
    text = summarize(load_config(write(tmp_path, BASE + "replies:\n  senders: ['@x\\\\.example$']\n"
                                                         "  hiring_systems:\n    add: [mail.myats.example]\n")))
    assert "Mail from:   the company, its subdomains, agencies, the shipped hiring systems, 1 added, 1 more sender" \
        in text
