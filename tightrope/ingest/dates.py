"""Publication dates in one form: an ISO date, or its month or year prefix."""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_date(value) -> str | None:
    """``2025-11-02T10:00:00Z`` → ``2025-11-02``; ``2025-11`` stays; ``Nov 2, 2025`` →
    ``2025-11-02``; anything unreadable → None (the caller keeps the raw value)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    m = _ISO_PREFIX.match(text)
    if m and (len(text) == m.end() or text[m.end()] in "T "):
        year, month, day = m.groups()
        try:
            if day:
                return date(int(year), int(month), int(day)).isoformat()
            if month and 1 <= int(month) <= 12:
                return f"{year}-{month}"
            if not month:
                return year
        except ValueError:
            return None
        return None
    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None
