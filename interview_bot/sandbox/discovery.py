"""Routing and parameter validation from the discovery documents googleapiclient ships.

The sandbox routes with the same documents the client builds its methods from, so a
path or parameter the client can send is exactly one the sandbox knows, and anything
else is refused the way Google refuses it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from typing import Any
from urllib.parse import unquote

from interview_bot.sandbox.errors import ApiError

# API name -> (discovery file, URL prefix its method paths are relative to).
APIS = {
    "calendar": ("calendar.v3.json", "/calendar/v3/"),
    "gmail": ("gmail.v1.json", "/"),
}

_INT_RANGES = {
    "int32": (-(2**31), 2**31 - 1),
    "uint32": (0, 2**32 - 1),
    "int64": (-(2**63), 2**63 - 1),
    "uint64": (0, 2**64 - 1),
}


def load_document(api: str) -> dict[str, Any]:
    """The discovery document googleapiclient ships for "calendar" or "gmail"."""
    filename = APIS[api][0]
    ref = resources.files("googleapiclient").joinpath("discovery_cache", "documents", filename)
    return json.loads(ref.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@dataclass
class Method:
    """One REST method: its discovery id, HTTP verb, path pattern and parameters."""

    id: str
    http_method: str
    path: str  # full URL path template, e.g. /calendar/v3/calendars/{calendarId}/events
    parameters: dict[str, dict[str, Any]]  # the method's own plus the API's standard ones
    has_request_body: bool
    scopes: tuple[str, ...] = ()  # the OAuth scopes the discovery document accepts for it
    regex: re.Pattern[str] = field(init=False, repr=False)
    path_params: list[str] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        pattern = ""
        pos = 0
        for m in re.finditer(r"\{(\+?)([^}]+)\}", self.path):
            pattern += re.escape(self.path[pos : m.start()])
            # {+name} is a reserved expansion and may hold slashes; {name} is one segment.
            pattern += f"(?P<{_group(m.group(2))}>.+)" if m.group(1) else f"(?P<{_group(m.group(2))}>[^/]+)"
            self.path_params.append(m.group(2))
            pos = m.end()
        pattern += re.escape(self.path[pos:])
        self.regex = re.compile(pattern + r"\Z")


def _group(name: str) -> str:
    return re.sub(r"\W", "_", name)


class Router:
    """Maps (HTTP method, URL path) to a discovery method and validates its query."""

    def __init__(self, apis: tuple[str, ...] = ("calendar", "gmail")) -> None:
        self.methods: list[Method] = []
        for api in apis:
            doc = load_document(api)
            prefix = APIS[api][1]
            standard = doc.get("parameters", {})
            for m in _walk(doc.get("resources", {})):
                params = dict(standard)
                params.update(m.get("parameters", {}))
                for template in {m["path"], m.get("flatPath", m["path"])}:
                    self.methods.append(
                        Method(m["id"], m["httpMethod"], prefix + template, params, "request" in m,
                               tuple(m.get("scopes", ())))
                    )
        # Literal segments must win over parameters ("events/import" is not event "import").
        self.methods.sort(key=lambda meth: (-meth.path.count("/"), meth.path.count("{")))

    def match(self, http_method: str, path: str) -> tuple[Method, dict[str, str]]:
        """The method serving this request and its decoded path parameters; 404 if none."""
        for meth in self.methods:
            if meth.http_method != http_method:
                continue
            m = meth.regex.match(path)
            if m:
                return meth, {name: unquote(m.group(_group(name))) for name in meth.path_params}
        # Google answers both an unknown path and a known path with the wrong verb with 404.
        raise ApiError(404, f"The requested URL {path} was not found on this server.", reason="notFound")

    def validate(self, meth: Method, path_params: dict[str, str], query: dict[str, list[str]]) -> dict[str, Any]:
        """Path and query parameters converted to their types; ApiError 400 like Google otherwise."""
        out: dict[str, Any] = dict(path_params)
        for name, values in query.items():
            spec = meth.parameters.get(name)
            if spec is None or spec.get("location") == "path":
                raise ApiError(
                    400,
                    f'Invalid JSON payload received. Unknown name "{name}": Cannot bind query parameter. '
                    f"Field '{name}' could not be found in request message.",
                    reason="invalid",
                )
            if spec.get("repeated"):
                out[name] = [convert(name, spec, v) for v in values]
            else:
                if len(values) > 1:
                    raise ApiError(
                        400,
                        f"Invalid JSON payload received. Repeated values for field '{name}'.",
                        reason="invalid",
                        location=name,
                    )
                out[name] = convert(name, spec, values[0])
        for name, spec in meth.parameters.items():
            if spec.get("required") and name not in out:
                raise ApiError(400, f"Required parameter: {name}", reason="required", location=name)
        return out


def _walk(res: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for r in res.values():
        found.extend(r.get("methods", {}).values())
        found.extend(_walk(r.get("resources", {})))
    return found


def _invalid(name: str, value: str, why: str) -> ApiError:
    return ApiError(400, f"Invalid value '{value}' for parameter {name}. {why}".strip(), reason="invalidParameter", location=name)


def convert(name: str, spec: dict[str, Any], value: str) -> Any:
    """One query value as its discovery type: int, bool, enum-checked str, aware datetime for date-time."""
    typ, fmt = spec.get("type", "string"), spec.get("format", "")
    if typ == "integer" or fmt in ("int64", "uint64"):
        if not re.fullmatch(r"[+-]?\d+", value):
            raise _invalid(name, value, "Expected an integer.")
        number = int(value)
        lo, hi = _INT_RANGES.get(fmt, (None, None))
        if "minimum" in spec:
            lo = max(int(spec["minimum"]), lo if lo is not None else int(spec["minimum"]))
        if "maximum" in spec:
            hi = min(int(spec["maximum"]), hi if hi is not None else int(spec["maximum"]))
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            raise _invalid(name, value, f"Values must be within the range: [{lo}, {hi}]")
        # int64/uint64 travel as strings in discovery ("type": "string"); keep that type.
        return number if typ == "integer" else value
    if typ == "boolean":
        if value not in ("true", "false"):
            raise _invalid(name, value, "Expected true or false.")
        return value == "true"
    if typ == "number":
        try:
            return float(value)
        except ValueError:
            raise _invalid(name, value, "Expected a number.") from None
    if "enum" in spec and value not in spec["enum"]:
        raise _invalid(name, value, f"Values must match the following regular expression: '{'|'.join(spec['enum'])}'")
    if fmt == "date-time":
        return parse_rfc3339(value, name)
    return value


_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\Z")


def parse_rfc3339(value: str, name: str = "") -> datetime:
    """An RFC 3339 timestamp with its mandatory offset, as an aware datetime; 400 otherwise."""
    if not _RFC3339.match(value):
        # Calendar refuses timestamps without an offset ("2024-01-01T10:00:00") outright.
        raise ApiError(400, "Bad Request", reason="badRequest", location=name)
    text = value.replace("z", "Z").replace("Z", "+00:00").replace("t", "T").replace(" ", "T")
    m = re.match(r"(.*?:\d{2})(\.\d+)?([+-].*)", text)
    assert m  # the regex above guarantees the shape
    frac = (m.group(2) or "")[:7].ljust(7, "0") if m.group(2) else ""  # at most microseconds
    return datetime.fromisoformat(m.group(1) + frac + m.group(3))


def select_fields(data: Any, fields: str) -> Any:
    """The partial response Google returns for `fields=items(id,start),nextPageToken`."""
    return _apply(data, _parse_fields(fields))


def _parse_fields(text: str) -> dict[str, Any]:
    pos = 0

    def parse_list(end: str) -> dict[str, Any]:
        nonlocal pos
        node: dict[str, Any] = {}
        while pos < len(text):
            m = re.compile(r"\s*([\w*$.-]+(?:/[\w*$.-]+)*)\s*").match(text, pos)
            if not m:
                raise ApiError(400, f"Invalid field selection {text}", reason="invalidParameter", location="fields")
            pos = m.end()
            path = m.group(1).split("/")
            leaf: Any = node
            for part in path[:-1]:
                nxt = leaf.get(part)
                if nxt is True:  # the whole object is already selected
                    leaf = None
                    break
                leaf = leaf.setdefault(part, {})
            sub: Any = True
            if pos < len(text) and text[pos] == "(":
                pos += 1
                sub = parse_list(")")
                if pos >= len(text) or text[pos] != ")":
                    raise ApiError(400, f"Invalid field selection {text}", reason="invalidParameter", location="fields")
                pos += 1
            if isinstance(leaf, dict):
                prev = leaf.get(path[-1])
                leaf[path[-1]] = True if prev is True or sub is True else {**prev, **sub} if prev else sub
            if pos < len(text) and text[pos] == ",":
                pos += 1
                continue
            if end and pos < len(text) and text[pos] == end:
                return node
            if pos < len(text):
                raise ApiError(400, f"Invalid field selection {text}", reason="invalidParameter", location="fields")
        return node

    return parse_list("")


def _apply(data: Any, tree: dict[str, Any]) -> Any:
    if isinstance(data, list):
        return [_apply(item, tree) for item in data]
    if not isinstance(data, dict):
        return data
    if "*" in tree:
        return data
    out: dict[str, Any] = {}
    for key, sub in tree.items():
        if key in data:
            out[key] = data[key] if sub is True else _apply(data[key], sub)
    return out
