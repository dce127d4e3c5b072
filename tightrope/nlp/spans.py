"""Small helpers on character spans of a text."""

from __future__ import annotations


def strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without the whitespace at either end, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
