"""Checking templates for every mistake at once, not only the first one in each file.

A draft is rendered strictly: the first unknown variable raises, so a typo never becomes a blank
in an email. `check-config` wants the whole list instead, so it renders with RecordingUndefined:
each use of an unknown name or attribute is noted with its template file and line, and rendering
goes on as if it were empty.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import jinja2

if TYPE_CHECKING:
    from interview_bot.writing.render import Templates

_NOTES: ContextVar[list[str] | None] = ContextVar("template_check_notes", default=None)


@contextmanager
def recording() -> Iterator[list[str]]:
    """Collect, as "file:line: message", every use of an undefined value while inside."""
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


def _template_line() -> str:
    """'file:line' of the template code running now (Jinja's compiled frames carry their template)."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if isinstance(template, jinja2.Template):
            return f"{template.filename or template.name}:{template.get_corresponding_lineno(frame.f_lineno)}"
        frame = frame.f_back  # type: ignore[assignment]
    return "template"


class RecordingUndefined(jinja2.ChainableUndefined):
    """An undefined value that notes each use (with the message `message_of` gives) and acts empty."""

    message_of: Any = None  # set by the subclass the Templates make: (undefined) -> str

    def _note(self) -> None:
        notes = _NOTES.get()
        if notes is None:
            return
        message = type(self).message_of(self) if type(self).message_of else self._undefined_message
        note = f"{_template_line()}: {message}"
        if note not in notes:
            notes.append(note)

    def __str__(self) -> str:
        self._note()
        return ""

    def __iter__(self) -> Iterator[Any]:
        self._note()
        return iter(())

    def __len__(self) -> int:
        self._note()
        return 0

    def __bool__(self) -> bool:
        self._note()
        return False

    def __eq__(self, other: object) -> bool:
        self._note()
        return False

    def __ne__(self, other: object) -> bool:
        self._note()
        return True

    def __hash__(self) -> int:
        return id(self)

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__":
            raise AttributeError(name)
        self._note()
        return self

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self._note()
        return self


def check_templates(templates: Templates, names: Sequence[str], contexts: Sequence[Mapping[str, Any]],
                    language: str = "en") -> list[str]:
    """Every problem in the named templates (in `language`): the text, HTML and subject rendered
    apart, against each context."""
    from interview_bot.writing.render import _undefined_message

    checking = templates.__dict__.get("_checking_env")
    if checking is None:  # one per Templates: compiling is most of the cost, and languages share files

        class Recording(RecordingUndefined):
            message_of = staticmethod(_undefined_message)

        checking = templates.__dict__["_checking_env"] = templates._environment(Recording)
    problems: list[str] = []

    def add(found: Iterable[str]) -> None:
        problems.extend(p for p in found if p not in problems)

    user_dir = templates.user_dir
    if user_dir is not None and not user_dir.is_dir():
        problems.append(f"{user_dir}: templates folder not found")
    for name in names:
        for stem in (name, f"{name}.{language}"):
            html = user_dir / f"{stem}.html.j2" if user_dir is not None else None
            if html is not None and html.is_file() and not templates._in_user_dir(f"{stem}.txt.j2"):
                add([f"{html}: ignored: {stem}.txt.j2 must be in the same folder"])
        try:
            parts = [p for p in templates._files(name, language) if p]
        except Exception as exc:  # noqa: BLE001  # not found, or a syntax error: reported, not raised
            add([templates._describe(exc, name)])
            continue
        for part in parts:
            for context in contexts:
                with recording() as notes:
                    try:
                        out = checking.get_template(part).render(context)
                    except Exception as exc:  # noqa: BLE001  # a syntax error, a filter given the wrong thing
                        add(notes)
                        add([templates._describe(exc, name)])
                        break
                add(notes)
                if part.endswith(".txt.j2") and not out.strip():
                    add([f"{name}.txt.j2: renders an empty body"])
    return problems
