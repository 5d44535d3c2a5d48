"""Public holidays from the `holidays` package, without every country's code in the daemon's memory.

`holidays` lists its countries in a registry and loads a country's class lazily, but importing
any one country module runs `holidays/countries/__init__.py`, which imports all of them (about
280 modules, 8 MB resident in the daemon, for as long as it runs; vacanza/holidays#998). A
daemon with `country:` set would keep them for weeks to look up a few dates a year.

So a year's holidays are worked out once, in a short-lived child Python (`holidays`' public API
only, nothing of ours), and kept here as a set of dates: one child per country, subdivision and
year, about 0.2 s, the first time a business day of that year is counted. Where the child
cannot run or answer (no `sys.executable`, a sandbox without fork, a holidays installed where
an isolated child does not look), the same question is answered in this process, which is
right and only costs the memory. A process that has imported the countries already (the
tests, a user's script) is answered in process too: it has paid.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import logging
import subprocess
import sys
from datetime import date
from functools import lru_cache
from typing import Any

__all__ = ["NoHolidays", "holiday_countries", "holiday_dates", "unknown_subdivision"]

log = logging.getLogger(__name__)

# The child's whole program: the holidays package's public API, arguments in, JSON out.
_CHILD = r"""
import json, sys
import holidays
op, country, subdiv = sys.argv[1], sys.argv[2], sys.argv[3] or None
if op == "dates":
    try:
        days = holidays.country_holidays(country, subdiv=subdiv, years=int(sys.argv[4]))
    except NotImplementedError as exc:
        print(json.dumps({"unknown": str(exc)}))
    else:
        print(json.dumps({"dates": sorted(d.isoformat() for d in days)}))
else:
    try:
        holidays.country_holidays(country, subdiv=subdiv)
    except NotImplementedError:
        print(json.dumps({"unknown": list(holidays.list_supported_countries().get(country, []))}))
    else:
        print(json.dumps({"unknown": None}))
"""
_TIMEOUT_S = 60.0


class NoHolidays(ValueError):
    """`holidays` knows no such country or subdivision."""


@lru_cache(maxsize=1)
def holiday_countries() -> frozenset[str]:
    """The country codes `holidays` knows, aliases included ("UK"), for checking `country:`.

    Read from the registry's source (`holidays/registry.py`, a literal table of modules and
    codes) without importing the package, which would cost the daemon 3 MB for a lookup it makes
    once; holidays.list_supported_countries() would import every country (8 MB). Where that file
    is not as expected, the registry is asked in process.
    """
    try:
        return _codes_from_registry_source()
    except (OSError, SyntaxError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.debug("public holidays: reading the registry's source failed (%s); importing holidays", exc)
    import holidays

    try:
        from holidays.registry import EntityLoader

        return frozenset(EntityLoader.get_country_codes(include_aliases=True))
    except (ImportError, AttributeError):  # an older holidays without the registry's list
        return frozenset(holidays.list_supported_countries())


def _codes_from_registry_source() -> frozenset[str]:
    spec = importlib.util.find_spec("holidays")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise ValueError("holidays is not installed as a package")
    path = f"{next(iter(spec.submodule_search_locations))}/registry.py"
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read(), path)
    for node in tree.body:
        target: ast.expr
        value: ast.expr | None
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id == "COUNTRIES" and value is not None:
            table = ast.literal_eval(value)
            # As the registry lists them: (class name, alpha-2, alpha-3, aliases...); codes are 2-3 long.
            codes = {code for entry in table.values() for code in entry[1:] if 2 <= len(code) <= 3}
            if not {"GB", "US", "DE"} <= codes:
                raise ValueError("the registry's table does not look like holidays' countries")
            return frozenset(codes)
    raise ValueError("no COUNTRIES table in holidays/registry.py")


@lru_cache(maxsize=64)
def holiday_dates(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    """The public holidays of `country` (and `subdivision`) in `year`, observed days included."""
    answer = None if _countries_loaded() else _ask_child("dates", country, subdivision, str(year))
    if answer is None:
        import holidays

        try:
            return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year))
        except NotImplementedError as exc:
            raise NoHolidays(f"no public holidays known for {country!r} {subdivision or ''}: {exc}") from exc
    if "unknown" in answer:
        raise NoHolidays(f"no public holidays known for {country!r} {subdivision or ''}: {answer['unknown']}")
    return frozenset(date.fromisoformat(d) for d in answer["dates"])


def unknown_subdivision(country: str, subdivision: str) -> list[str] | None:
    """None when `holidays` knows `subdivision` of `country`, else the subdivisions it knows (maybe none)."""
    answer = None if _countries_loaded() else _ask_child("check", country, subdivision)
    if answer is None:
        import holidays

        try:
            holidays.country_holidays(country, subdiv=subdivision)
        except NotImplementedError:
            return list(holidays.list_supported_countries().get(country, []))
        return None
    known = answer["unknown"]
    return None if known is None else [str(s) for s in known]


def _countries_loaded() -> bool:
    """True when this process has imported every country already: then asking a child saves nothing."""
    return "holidays.countries" in sys.modules


def _ask_child(op: str, country: str, subdivision: str | None, *rest: str) -> dict[str, Any] | None:
    """The child's JSON answer, or None to answer in this process instead."""
    if not sys.executable:
        return None
    try:
        done = subprocess.run(
            [sys.executable, "-I", "-c", _CHILD, op, country, subdivision or "", *rest],
            capture_output=True, text=True, timeout=_TIMEOUT_S, check=False,
        )
        answer = json.loads(done.stdout) if done.returncode == 0 else None
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        log.debug("public holidays: the child Python did not answer (%s); reading them in this process", exc)
        return None
    if not isinstance(answer, dict):
        log.debug("public holidays: the child Python failed (%s); reading them in this process",
                  (done.stderr or "").strip().splitlines()[-1:] or done.returncode)
        return None
    return answer
