"""Templates: found per language in the user's folder then the shipped one, rendered strictly.

A template `NAME` in language `L` is looked up as `NAME.L.txt.j2` then `NAME.txt.j2` in the
user's `templates` folder, then the shipped `NAME.L.txt.j2` (English is the shipped `NAME.txt.j2`).
The HTML part is the same file's `.html.j2` when the user wrote one next to it, else it is made
from the text, so every draft has both parts saying the same thing, with the `[[...]]` lines
highlighted. Pure apart from reading template files.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import escape

from interview_bot.errors import ConfigError
from interview_bot.writing.addresses import one_line
from interview_bot.writing.dates import draft_locale, long_date, short_date

SHIPPED_TEMPLATES = Path(__file__).parent / "templates"
# The marker the shipped templates leave for the user to fill in: "[[ADD ONE DETAIL ...]]".
MARKER = re.compile(r"\[\[[^\[\]]+\]\]")
HIGHLIGHT = "background-color:#fff3a0"
_SUBJECT_LIMIT = 200


def _strftime(value: datetime, fmt: str) -> str:
    # %-d and friends (no zero padding) are glibc-only; do them here so templates work everywhere.
    def unpadded(m: re.Match[str]) -> str:
        return value.strftime("%" + m.group(1)).lstrip("0") or "0"

    return value.strftime(re.sub(r"%-([dmHIMSj])", unpadded, fmt))


@jinja2.pass_context
def _date_filter(ctx: jinja2.runtime.Context, value: datetime, fmt: str = "%A, %B %-d") -> str:
    """`{{ interview.start | date("%A") }}`: strftime in the user's time zone, with portable %-d."""
    if isinstance(value, jinja2.Undefined):
        return str(value)  # strict: raises, naming the variable; when checking: noted, and empty
    if not isinstance(value, datetime):
        raise TypeError(f"date filter needs a datetime, got {type(value).__name__}")
    tz = ctx.get("tz")
    return _strftime(value.astimezone(tz) if isinstance(tz, ZoneInfo) else value, fmt)


@jinja2.pass_context
def _day_filter(ctx: jinja2.runtime.Context, value: date, form: str = "long") -> str:
    """`{{ interview.start | day }}`: the date in the draft's language and locale (Babel),
    "long" with the weekday ("Friday 4 December"), "short" without ("4 December")."""
    if isinstance(value, jinja2.Undefined):
        return str(value)
    if not isinstance(value, date):
        raise TypeError(f"day filter needs a date, got {type(value).__name__}")
    tz, now = ctx.get("tz"), ctx.get("now")
    if isinstance(value, datetime) and isinstance(tz, ZoneInfo):
        value = value.astimezone(tz).date()
    elif isinstance(value, datetime):
        value = value.date()
    loc = draft_locale(str(ctx.get("language") or "en"), str(ctx.get("locale") or "en_US"))
    today = now.date() if isinstance(now, datetime) else None
    return short_date(value, loc, today) if form == "short" else long_date(value, loc, today)


def _undefined_message(undefined: jinja2.Undefined) -> str:
    """Jinja's message, naming our variables: "'interview' has no attribute 'compnay'"."""
    obj, name = undefined._undefined_obj, undefined._undefined_name
    label = getattr(type(obj), "_label", None)
    if label and not undefined._undefined_hint and isinstance(name, str):
        return f"{label!r} has no attribute {name!r}"
    return str(jinja2.Undefined._undefined_message.fget(undefined))  # type: ignore[attr-defined]


class _Undefined(jinja2.StrictUndefined):
    """StrictUndefined whose messages name our variables."""

    @property
    def _undefined_message(self) -> str:
        return _undefined_message(self)


@dataclass(frozen=True)
class RenderedText:
    """A rendered template: subject ("" when the template has none), plain text, HTML, and the variables
    its text template uses (so what it leaves out, such as the signature, can be added after it)."""

    subject: str
    text: str
    html: str | None
    uses: frozenset[str] = frozenset()


def html_from_text(text: str) -> str:
    """The HTML part of a plain-text draft: paragraphs, line breaks, `[[...]]` lines highlighted."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = []
        for line in block.split("\n"):
            escaped = str(escape(line))
            if MARKER.search(line):
                escaped = MARKER.sub(lambda m: f'<span style="{HIGHLIGHT}">{escape(m.group(0))}</span>', escaped)
            lines.append(escaped)
        paragraphs.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "<div>\n" + "\n".join(paragraphs) + "\n</div>"


class Templates:
    """The user's template folder (if any) over the shipped one, with strict rendering.

    A template `NAME` is `NAME[.L].txt.j2` (required), `NAME[.L].html.j2` (optional HTML
    alternative, from the same folder as the text; otherwise made from the text) and
    `NAME[.L].subject.j2` (optional one-line subject; falls back to the shipped one of the
    language). `builtin/NAME.txt.j2` always names a shipped file.
    """

    def __init__(self, user_dir: Path | None) -> None:
        self.user_dir = user_dir
        self.env = self._environment(_Undefined)
        self._variables: dict[str, frozenset[str]] = {}  # template -> the variables it reads (Templates._uses)

    def _environment(self, undefined: type[jinja2.Undefined]) -> jinja2.Environment:
        shipped = jinja2.FileSystemLoader(SHIPPED_TEMPLATES)
        loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({"builtin": shipped})]
        if self.user_dir is not None:
            loaders.append(jinja2.FileSystemLoader(self.user_dir))
        loaders.append(shipped)
        env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=undefined,
            # HTML escapes untrusted titles and names; plain text and subjects must not.
            autoescape=jinja2.select_autoescape(
                enabled_extensions=("html.j2",), default_for_string=False, default=False
            ),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters["date"] = _date_filter
        env.filters["day"] = _day_filter
        return env

    def _in_user_dir(self, filename: str) -> bool:
        return self.user_dir is not None and (self.user_dir / filename).is_file()

    def _exists(self, loader_name: str) -> bool:
        # By the file, not by loading: loading compiles the template, and this is asked often.
        if loader_name.startswith("builtin/"):
            return (SHIPPED_TEMPLATES / loader_name.removeprefix("builtin/")).is_file()
        return self._in_user_dir(loader_name) or (SHIPPED_TEMPLATES / loader_name).is_file()

    def _files(self, name: str, language: str = "en") -> tuple[str, str | None, str | None]:
        """The loader names of (text, html, subject) for template `name` in `language`; raises
        TemplateNotFound. html is None when it is to be made from the text."""
        ours = [f"{name}.{language}", name]  # the user's: in the language, then language-free
        text = next((f"{stem}.txt.j2" for stem in ours if self._in_user_dir(f"{stem}.txt.j2")), None)
        html = None
        if text is not None:
            # Not through the ChoiceLoader: it would fall back to a shipped HTML saying something else.
            stem = text.removesuffix(".txt.j2")
            html = f"{stem}.html.j2" if self._in_user_dir(f"{stem}.html.j2") else None
        else:
            shipped = [f"builtin/{name}.{language}.txt.j2", f"builtin/{name}.txt.j2"]
            text = next((t for t in shipped if self._exists(t)), None)
            if text is None:
                self.env.get_template(f"{name}.txt.j2")  # raises TemplateNotFound with a useful name
                text = f"{name}.txt.j2"
        # A language-free subject of the user's goes with their own text, or with English.
        own_subjects = [f"{name}.{language}.subject.j2"]
        if language == "en" or not text.startswith("builtin/"):
            own_subjects.append(f"{name}.subject.j2")
        subjects = [s for s in own_subjects if self._in_user_dir(s)]
        subjects += [f"builtin/{name}.{language}.subject.j2", f"builtin/{name}.subject.j2"]
        return text, html, next((s for s in subjects if self._exists(s)), None)

    def render(self, name: str, context: Mapping[str, Any], language: str = "en") -> RenderedText:
        """Render template `name` in `language`; a broken template raises ConfigError with its file:line."""
        try:
            text_name, html_name, subject_name = self._files(name, language)
            text = _tidy(self.env.get_template(text_name).render(context))
            html = self.env.get_template(html_name).render(context).strip() if html_name else None
            subject = self.env.get_template(subject_name).render(context) if subject_name else ""
        except Exception as exc:  # any template failure is the user's to fix, whatever its type
            raise ConfigError(
                [self._describe(exc, name)], hint="fix the template, then run `interview-bot check-config`"
            ) from exc
        return RenderedText(one_line(subject, _SUBJECT_LIMIT), text, html or None, self._uses(text_name))

    def _uses(self, name: str) -> frozenset[str]:
        """The variables template `name` reads, with those of the templates it includes or extends (once each)."""
        if name not in self._variables:
            from jinja2 import meta

            seen, todo, found = {name}, [name], set()
            while todo:
                ast = self.env.parse(self.env.loader.get_source(self.env, todo.pop())[0])  # type: ignore[union-attr]
                found |= meta.find_undeclared_variables(ast)
                for other in meta.find_referenced_templates(ast):
                    if other is not None and other not in seen:
                        seen.add(other)
                        todo.append(other)
            self._variables[name] = frozenset(found)
        return self._variables[name]

    def check(self, names: Sequence[str], samples: Iterable[Mapping[str, Any]] | None = None,
              languages: Sequence[str] = ("en",)) -> list[str]:
        """Render each template against realistic samples; every problem (not only the first) as "file:line: what"."""
        from interview_bot.writing.checking import check_templates
        from interview_bot.writing.compose import sample_contexts

        problems: list[str] = []
        samples = list(samples) if samples is not None else None
        for language in languages:
            if language != "en" and not self._has_own(names, language):
                continue  # the shipped sets are checked by the test suite; starting the daemon need not
            contexts = samples if samples is not None else sample_contexts(language=language)
            problems += [p for p in check_templates(self, names, contexts, language) if p not in problems]
        return problems

    def _has_own(self, names: Sequence[str], language: str) -> bool:
        """Whether the user's folder holds a template of `names` that drafts in `language` use."""
        return any(self._in_user_dir(f"{stem}.{part}") for name in names for stem in (f"{name}.{language}", name)
                   for part in ("txt.j2", "html.j2", "subject.j2"))

    def _describe(self, exc: BaseException, name: str) -> str:
        """'file:line: message' for a template failure, pointing into the template, not our code."""
        if isinstance(exc, jinja2.TemplateNotFound):
            where = f"{self.user_dir} or the shipped templates" if self.user_dir else "the shipped templates"
            return f"{exc.name}: template not found in {where}"
        if isinstance(exc, jinja2.TemplateSyntaxError):
            return f"{exc.filename or exc.name or name}:{exc.lineno}: {exc.message}"
        # Jinja rewrites tracebacks so template frames carry the template's file and line.
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        if frames:
            return f"{frames[-1].filename}:{frames[-1].lineno}: {message}"
        return f"{name}: {message}"


def _tidy(text: str) -> str:
    """Trailing spaces off each line, no blank lines at either end, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


__all__ = ["HIGHLIGHT", "MARKER", "SHIPPED_TEMPLATES", "RenderedText", "Templates", "html_from_text"]
