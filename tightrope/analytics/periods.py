"""Time buckets for the relations analytics: which period an event date falls in.

Event dates are ISO text of varying precision (``2025-10-09``, ``2025-10``, ``2025``, or
none). SQL groups by the shortest prefix a period needs (:func:`sql_prefix_length`) and the
groups are then named here, so that the same code serves SQLite and PostgreSQL; a date too
coarse for the period asked for (``2025`` when grouping by month) is counted as *imprecise*,
never guessed into a bucket.
"""

from __future__ import annotations

from datetime import date

from tightrope.errors import InputError

PERIODS = ("week", "month", "quarter", "year")


def check_period(by: str) -> str:
    """``by`` lower-cased, or an InputError naming it."""
    wanted = (by or "").strip().lower()
    if wanted not in PERIODS:
        raise InputError(f"--by {by!r}", f"unknown period; use one of {', '.join(PERIODS)}")
    return wanted


def sql_prefix_length(by: str) -> int:
    """How many characters of the ISO date a period needs: 10 (a day) for weeks, 7 (a month)
    for months and quarters, 4 for years."""
    return {"week": 10, "month": 7, "quarter": 7, "year": 4}[by]


def period_of(prefix: str | None, by: str) -> str | None:
    """The period a grouped date prefix falls in (``2025-10`` → ``2025-Q4``; ``2025-10-09``
    → ``2025-W41``), or None when the prefix is too coarse for it or malformed."""
    if not prefix or len(prefix) < sql_prefix_length(by):
        return None
    try:
        if by == "year":
            return f"{int(prefix[:4]):04d}"
        year, month = int(prefix[:4]), int(prefix[5:7])
        if not 1 <= month <= 12:
            return None
        if by == "month":
            return f"{year:04d}-{month:02d}"
        if by == "quarter":
            return f"{year:04d}-Q{(month - 1) // 3 + 1}"
        iso = date.fromisoformat(prefix[:10]).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    except ValueError:
        return None


def day_number(value: str | None) -> int | None:
    """A day-precise ISO date as a day ordinal (None for a coarser or missing date)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None
