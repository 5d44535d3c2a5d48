"""The value types config.yaml is written in: durations, paths, regexes, domains, names.

Each is an annotated type whose validator raises an error in the words of someone editing
YAML ("is not a duration (try ...)"), and whose JSON schema says what would be accepted.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, PlainSerializer, PlainValidator, StrictStr, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from interview_bot.config.durations import DURATION_EXAMPLES, DURATION_PATTERN, Duration, parse_duration
from interview_bot.config.languages import SHIPPED_LANGUAGES

__all__ = [
    "SHIPPED_LANGUAGES",
    "SHIPPED_TEMPLATES",
    "ConfigPath",
    "Domain",
    "DomainPattern",
    "DurationField",
    "LanguageCode",
    "LocaleName",
    "Regex",
    "TemplateName",
    "Text",
    "check_languages",
    "locale_of_country",
    "system_locale",
    "yaml_kind",
]


def yaml_kind(value: Any) -> str:
    """How a YAML value looks to the person who wrote it."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


# --- field types -------------------------------------------------------------


def _to_duration(value: Any) -> Duration:
    if isinstance(value, Duration):
        return value
    # YAML turns "300" into an int and "1:30" into 90; parse those too, so the message says "add a unit".
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PydanticCustomError(
            "duration", "{value} is not a duration (try {examples})", {"value": yaml_kind(value), "examples": ", ".join(DURATION_EXAMPLES)}
        )
    try:
        return parse_duration(str(value))
    except ValueError as exc:
        raise PydanticCustomError("duration", "{reason}", {"reason": str(exc)}) from None


DurationField = Annotated[
    Duration,
    PlainValidator(_to_duration),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": 'A fixed time ("90s", "15m", "2h", "1h30m", "1d", "2 weeks") or business days ("3 business days").',
            "pattern": DURATION_PATTERN,
            "examples": ["2h", "90m", "3 business days"],
        }
    ),
]


def _to_path(value: Any, info: ValidationInfo) -> Path:
    if isinstance(value, Path):
        path = value
    elif isinstance(value, str) and value.strip():
        path = Path(value.strip())
    else:
        raise PydanticCustomError("path", "expected a file or folder path, got {value}", {"value": yaml_kind(value)})
    path = path.expanduser()
    # Relative paths mean "next to config.yaml", not "wherever the daemon was started".
    base = (info.context or {}).get("base_dir")
    if not path.is_absolute() and base is not None:
        path = Path(base) / path
    return path


ConfigPath = Annotated[
    Path,
    PlainValidator(_to_path),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "description": "A path; relative paths are relative to config.yaml's folder, ~ is your home."}),
]


def _check_regex(value: str) -> str:
    try:
        re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise PydanticCustomError(
            "regex", '"{pattern}" is not a valid regular expression: {reason}', {"pattern": value, "reason": str(exc)}
        ) from None
    return value


Regex = Annotated[StrictStr, AfterValidator(_check_regex)]


def _check_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty", "must not be empty")
    return value.strip()


Text = Annotated[StrictStr, AfterValidator(_check_text)]

_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")


def _check_domain(value: str) -> str:
    domain = value.strip().lower().lstrip("@")
    if not _DOMAIN_RE.match(domain):
        raise PydanticCustomError("domain", '"{value}" is not an email domain (like "initech.com")', {"value": value})
    return domain


Domain = Annotated[StrictStr, AfterValidator(_check_domain)]


# Territory codes people write that CLDR spells otherwise.
_TERRITORY_ALIASES = {"UK": "GB", "EN": "GB"}


def _check_locale(value: str) -> str:
    from babel import Locale, UnknownLocaleError
    from babel.localedata import locale_identifiers

    name = value.strip().replace("-", "_")
    language, _, territory = name.partition("_")
    known = set(locale_identifiers())
    try:
        # Babel parses any two letters as a territory ("en_UK"): the pair must be one CLDR has.
        if name in known and Locale.parse(name).territory:
            return name
    except (UnknownLocaleError, ValueError):
        pass
    territory = _TERRITORY_ALIASES.get(territory.upper(), territory.upper())
    guess = f"{language.lower()}_{territory}"
    if not territory:
        from babel.core import get_global

        likely = str(get_global("likely_subtags").get(language.lower(), "")).split("_")
        guess = f"{language.lower()}_{likely[-1]}" if len(likely) > 1 else guess
    if guess not in known:
        import difflib

        same = sorted(i for i in known if i.startswith(f"{language.lower()}_") and i.count("_") == 1)
        close = difflib.get_close_matches(guess, same, n=1, cutoff=0.0) if same else []
        guess = close[0] if close else "en_GB"
    raise PydanticCustomError("locale", '"{value}" is not a locale (try "{suggestion}")', {"value": value, "suggestion": guess})


LocaleName = Annotated[
    StrictStr,
    AfterValidator(_check_locale),
    WithJsonSchema({"type": "string", "description": 'A language and a country, as CLDR writes them: "en_GB", "de_DE".',
                    "pattern": "^[a-z]{2,3}_[A-Z]{2}$", "examples": ["en_GB", "en_US", "de_DE"]}),
]


def _check_language(value: str) -> str:
    from babel import Locale, UnknownLocaleError

    code = value.strip()
    try:
        parsed = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        parsed = None
    if parsed is None or len(code) not in (2, 3) or code.lower() != code:
        suggestion = "en"
        try:
            suggestion = Locale.parse(code.replace("-", "_")).language if code else "en"
        except (UnknownLocaleError, ValueError):
            by_name = {str(Locale.parse(c).english_name).lower(): c for c in SHIPPED_LANGUAGES}
            suggestion = by_name.get(code.lower(), "en")
        raise PydanticCustomError(
            "language", '"{value}" is not a language code (try "{suggestion}", an ISO 639-1 code)',
            {"value": value, "suggestion": suggestion},
        )
    return code


def check_languages(value: tuple[str, ...], templates: object) -> tuple[str, ...]:
    """`languages`: at least one, each shipped or with templates of the user's in that language."""
    if not value:
        raise PydanticCustomError("languages", 'needs at least one language (e.g. ["en"])')
    for code in value:
        own = isinstance(templates, Path) and any(templates.glob(f"*.{code}.txt.j2"))
        if code not in SHIPPED_LANGUAGES and not own:
            raise PydanticCustomError(
                "languages",
                '"{code}" has no templates: the shipped languages are {shipped}; for another, put '
                "thank_you.{code}.txt.j2 (and the others) in your `templates` folder",
                {"code": code, "shipped": ", ".join(SHIPPED_LANGUAGES)},
            )
    return tuple(dict.fromkeys(value))


def locale_of_country(country: str | None) -> str | None:
    """The locale of a country's first official language there ("DE" -> "de_DE"), or None."""
    if not country:
        return None
    from babel.languages import get_official_languages

    territory = _TERRITORY_ALIASES.get(country.upper(), country.upper())  # `country: UK` is holidays' alias of GB
    # English is the United States' language de facto, not by law: CLDR lists it only as such.
    official = get_official_languages(territory) or get_official_languages(territory, de_facto=True)
    return f"{official[0]}_{territory}" if official else None


def system_locale() -> str:
    """This computer's locale ($LC_ALL, $LC_TIME, $LANG) when CLDR knows it, else "en_US"."""
    import os

    from babel import Locale, UnknownLocaleError

    for var in ("LC_ALL", "LC_TIME", "LANG"):
        name = os.environ.get(var, "").split(".", 1)[0].split("@", 1)[0]
        if name and name not in ("C", "POSIX"):
            try:
                return str(Locale.parse(name))
            except (UnknownLocaleError, ValueError):
                continue
    return "en_US"


LanguageCode = Annotated[
    StrictStr,
    AfterValidator(_check_language),
    WithJsonSchema({"type": "string", "description": 'An ISO 639-1 language code: "en", "de", "fr".', "pattern": "^[a-z]{2,3}$"}),
]

_DOMAIN_GLOB_RE = re.compile(r"^[a-z0-9*?](?:[a-z0-9*?-]*[a-z0-9*?])?(?:\.[a-z0-9*?](?:[a-z0-9*?-]*[a-z0-9*?])?)+$")


def _check_domain_pattern(value: str) -> str:
    # Detection matches these as suffixes or globs ("yahoo.*" is every Yahoo country domain).
    pattern = value.strip().lower().lstrip("@")
    if not _DOMAIN_GLOB_RE.match(pattern):
        raise PydanticCustomError(
            "domain", '"{value}" is not an email domain or pattern (like "myuni.edu" or "yahoo.*")', {"value": value}
        )
    return pattern


DomainPattern = Annotated[StrictStr, AfterValidator(_check_domain_pattern)]


def _check_template_name(value: str) -> str:
    # A name, not a path: compose looks it up in `templates:` first, then in the shipped templates.
    if not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_-]*", value):
        raise PydanticCustomError("template", '"{value}" is not a template name (like "thank_you")', {"value": value})
    return value


# The shipped templates (interview_bot/writing/templates/NAME.txt.j2; a test keeps this list in step with them).
SHIPPED_TEMPLATES = ("thank_you", "status_check", "feedback_request", "keep_in_touch")
TEMPLATE_NAME_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_-]*$"

TemplateName = Annotated[
    StrictStr,
    AfterValidator(_check_template_name),
    WithJsonSchema(
        {
            "type": "string",
            "description": "A template name: a shipped one, or NAME for NAME.txt.j2 in your `templates:` folder.",
            # The enum offers the shipped names in editors; the pattern admits your own.
            "anyOf": [{"enum": list(SHIPPED_TEMPLATES)}, {"pattern": TEMPLATE_NAME_PATTERN}],
        }
    ),
]
