"""Spin repair from language knowledge alone: spinner habits and broken fixed phrases.

Each trace the detector found becomes an :class:`~tightrope.model.Edit` — a span of the
original text, what it says, what it is restored to, a confidence — and the repaired text is
the original with the edits applied. Names, numbers and quotations are never edited (the
matchers skip them), nor anything that is already a known phrase. Where the original article
is at hand, :mod:`tightrope.integrity.align` repairs better; this is the fallback.

Confidence: a habit edit is 0.55 + 0.4 × its weight (telling habits are rarely wrong); a
phrase edit is 0.5 + 0.4 × the weakest WordNet relation it rests on; a function word
restored from its rare namesake ("arsenic" → as) is 0.7.
"""

from __future__ import annotations

from tightrope.integrity.detect import Detection
from tightrope.integrity.tokens import Token, match_case
from tightrope.model import Edit


def _restore(spun: str, restored: str) -> str:
    out = match_case(spun, restored)
    if "’" in spun:
        out = out.replace("'", "’")
    return out


def language_edits(text: str, tokens: list[Token], detection: Detection) -> list[Edit]:
    """Edits for every trace the detector found in ``tokens`` — habits, function-word
    namesakes, broken phrases (the detector keeps them from overlapping) — in text order."""
    found: list[tuple[int, int, str, float, str]] = []  # first, last token, restored, confidence, via
    for m in detection.habits:
        found.append((m.first, m.last, m.habit.original, round(0.55 + 0.4 * m.habit.weight, 3), "habit"))
    for trace in detection.senses:
        found.append((trace.index, trace.index, trace.original, 0.7, "sense"))
    for p in detection.phrases:
        found.append((p.first, p.last, p.display, round(0.5 + 0.4 * p.strength, 3), "phrase"))
    edits = []
    for first, last, original, confidence, via in found:
        start, end = tokens[first].start, tokens[last].end
        spun = text[start:end]
        restored = _restore(spun, original)
        if restored != spun:
            edits.append(Edit(start, end, spun, restored, confidence, via))
    return sorted(edits, key=lambda e: e.start)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """``text`` with each edit's span replaced by its restored words (edits must not overlap)."""
    out, at = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append(text[at : e.start])
        out.append(e.restored)
        at = e.end
    out.append(text[at:])
    return "".join(out)


def original_offset(edits: list[Edit], offset: int) -> int:
    """The offset in the original text of ``offset`` in the repaired text (inside an edit:
    the edit's start), so that what later stages find in the repaired text can point back
    into ``Document.text``."""
    shift = 0
    for e in sorted(edits, key=lambda e: e.start):
        new_start = e.start + shift
        new_end = new_start + len(e.restored)
        if offset < new_start:
            break
        if offset < new_end:
            return e.start
        shift += len(e.restored) - (e.end - e.start)
    return offset - shift
