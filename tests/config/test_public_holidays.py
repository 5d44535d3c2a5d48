"""Public holidays worked out in a child Python (config/public_holidays.py): the same dates as the
holidays package gives in process, and a process that counts business days with `country:` set
never imports every country module (8 MB the daemon would keep; benchmarks/daemon_rss.py --country)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import holidays
import pytest

from interview_bot.config import public_holidays
from interview_bot.config.public_holidays import NoHolidays, holiday_dates, unknown_subdivision


@pytest.mark.parametrize(("country", "subdivision", "year"), [("GB", None, 2026), ("GB", "SCT", 2026),
                                                              ("US", "CA", 2027), ("DE", "BY", 2026), ("JP", None, 2027)])
def test_the_child_gives_the_dates_holidays_gives(country: str, subdivision: str | None, year: int) -> None:
    answer = public_holidays._ask_child("dates", country, subdivision, str(year))
    assert answer is not None, "the child Python did not answer"
    expected = holidays.country_holidays(country, subdiv=subdivision, years=year)
    assert [date.fromisoformat(d) for d in answer["dates"]] == sorted(expected)


def test_the_child_checks_subdivisions() -> None:
    assert public_holidays._ask_child("check", "GB", "SCT") == {"unknown": None}
    answer = public_holidays._ask_child("check", "GB", "XYZ")
    assert answer is not None and "SCT" in answer["unknown"]


def test_a_fresh_process_counts_business_days_without_every_country() -> None:
    program = """
import json, sys
from datetime import datetime
from zoneinfo import ZoneInfo
from interview_bot.config.durations import business_days_after
from interview_bot.config.public_holidays import unknown_subdivision
tz = ZoneInfo("Europe/London")
due = business_days_after(datetime(2026, 12, 24, 9, 0, tzinfo=tz), 1, tz, "GB", "SCT")
print(json.dumps({"due": due.isoformat(), "sct": unknown_subdivision("GB", "SCT"),
                  "modules": sorted(m for m in sys.modules if m.startswith("holidays"))}))
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=True)
    out = json.loads(done.stdout)
    # 25 and 26 December are bank holidays, 28 December the observed Boxing Day (the 26th is a Saturday).
    assert out["due"] == "2026-12-29T09:00:00+00:00"
    assert out["sct"] is None
    assert not [m for m in out["modules"] if m.startswith("holidays.countries")], out["modules"]


def test_without_a_child_the_answer_is_read_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(public_holidays, "_countries_loaded", lambda: False)
    monkeypatch.setattr(sys, "executable", "/nonexistent/python3")
    holiday_dates.cache_clear()
    try:
        assert date(2026, 12, 28) in holiday_dates("GB", None, 2026)
        assert unknown_subdivision("GB", "SCT") is None
        with pytest.raises(NoHolidays):
            holiday_dates("GB", "XYZ", 2026)
    finally:
        holiday_dates.cache_clear()


def test_checking_country_codes_imports_no_holidays_module() -> None:
    program = """
import json, sys
from interview_bot.config.public_holidays import holiday_countries
codes = holiday_countries()
print(json.dumps({"codes": sorted(codes), "modules": sorted(m for m in sys.modules if m.startswith("holidays"))}))
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=True)
    out = json.loads(done.stdout)
    assert set(out["codes"]) == set(holidays.list_supported_countries())
    assert out["modules"] == []
