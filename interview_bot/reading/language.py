"""Which language a text is written in: the one detector the bot uses, for reading and for drafts.

Interface only for now (issue 20 chooses the library on measurements and fills this in).
Pure: no I/O beyond the detector's own bundled model.
"""

from __future__ import annotations


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language ("en", "de", "ja", "zh", ...), or None when
    the text is too short or the detector is unsure. Chinese is "zh" in either script."""
    del text
    return None
