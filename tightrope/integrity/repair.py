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
from tightrope.integrity.phrases import find_broken_phrases
from tightrope.integrity.tokens import Token, match_case
from tightrope.model import Edit


def _restore(spun: str, restored: str) -> str:
    out = match_case(spun, restored)
    if "’" in spun:
        out = out.replace("'", "’")
    return out


def language_edits(text: str, tokens: list[Token], detection: Detection) -> list[Edit]:
    """Edits for every habit and broken phrase in ``tokens``, not overlapping; where a habit
    and a phrase overlap, the longer span wins (then the more confident)."""
    phrases = detection.phrases if detection.phrases is not None else find_broken_phrases(tokens)
    candidates: list[tuple[int, int, Edit]] = []
    for m in detection.habits:
        start, end = tokens[m.first].start, tokens[m.last].end
        spun = text[start:end]
        restored = _restore(spun, m.habit.original)
        if restored != spun:
            candidates.append((m.first, m.last, Edit(start, end, spun, restored, round(0.55 + 0.4 * m.habit.weight, 3), "habit")))
    for trace in detection.senses:
        tok = tokens[trace.index]
        candidates.append((trace.index, trace.index, Edit(tok.start, tok.end, tok.text, _restore(tok.text, trace.original), 0.7, "sense")))
    for p in phrases:
        start, end = tokens[p.first].start, tokens[p.last].end
        spun = text[start:end]
        restored = _restore(spun, p.display)
        if restored != spun:
            candidates.append((p.first, p.last, Edit(start, end, spun, restored, round(0.5 + 0.4 * p.strength, 3), "phrase")))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), -c[2].confidence, c[0]))
    taken: set[int] = set()
    chosen = []
    for first, last, edit in candidates:
        span = set(range(first, last + 1))
        if span & taken:
            continue
        taken |= span
        chosen.append(edit)
    return sorted(chosen, key=lambda e: e.start)


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
