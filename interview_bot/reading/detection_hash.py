"""The hash of what decides whether an event is an interview: config's rules and the detector's own.

Each interview the calendar reading made carries it (`interviews.detected_rules`), and so does
the last full reading of the calendars: when it changes, the calendars are read again.
"""

from __future__ import annotations

import hashlib

from interview_bot.model import DetectionRules

# Bump when the detector (interview_bot.reading.detect, its shipped lists) reads events differently.
DETECTOR_VERSION = 1


def detection_hash(rules: DetectionRules, tz_key: str) -> str:
    """A short hash of the detection rules (interviews: match/ignore/..., companies:) and the time zone."""
    parts = (DETECTOR_VERSION, tz_key, rules.match, rules.ignore, rules.description_match, rules.include_all_day,
             rules.external_organizer_is_interview, sorted(rules.companies.items()), rules.personal_domains,
             rules.scheduler_senders, rules.my_names)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


__all__ = ["DETECTOR_VERSION", "detection_hash"]
