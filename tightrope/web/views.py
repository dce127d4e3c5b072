"""What the pages show, shaped from library records: marked-up article text and plain dicts.

Nothing here reads text for meaning; it only cuts a stored text at the offsets that the
stages before (events, integrity, briefings) recorded, so that a template can mark them.
The template escapes every piece; this module never builds HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Mark:
    """A span of a text to mark: ``kind`` is a CSS class; ``note`` its tooltip."""

    start: int
    end: int
    kind: str
    note: str | None = None


@dataclass(slots=True)
class Segment:
    """A run of text covered by the same marks."""

    text: str
    kinds: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    anchor: str | None = None  # an element id, on the first segment of the focused span


def segments(text: str, marks: list[Mark], focus: tuple[int, int] | None = None) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each piece lists the marks over it. ``focus`` (a
    span, e.g. the sentence a briefing cites) is marked ``focus`` and anchored as ``#focus``."""
    n = len(text)
    marks = [Mark(max(0, m.start), min(n, m.end), m.kind, m.note) for m in marks if m.end > m.start and m.start < n]
    if focus is not None and 0 <= focus[0] < focus[1]:
        marks.append(Mark(focus[0], min(n, focus[1]), "focus"))
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    anchored = False
    for a, b in zip(cuts, cuts[1:]):
        over = [m for m in marks if m.start <= a and m.end >= b]
        seg = Segment(text[a:b], sorted({m.kind for m in over}), [m.note for m in over if m.note])
        if not anchored and "focus" in seg.kinds:
            seg.anchor, anchored = "focus", True
        out.append(seg)
    return out


def parse_span(value: str | None) -> tuple[int, int] | None:
    """``"120-245"`` (a ``?hl=`` parameter) as a span, else None."""
    if not value:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()) or int(end) <= int(start):
        return None
    return int(start), int(end)


def keys(actors: list[dict]) -> str:
    """The distinct actor keys of an event side, comma-separated."""
    return ",".join(dict.fromkeys(a["key"] for a in actors)) or "–"


def event_note(ev: dict) -> str:
    arrow = "↔" if ev["reciprocal"] else "→"
    return f"{ev['type']} {keys(ev['source'])} {arrow} {keys(ev['target'])} ({ev['certainty']})"


def document_marks(events: list[dict], integrity) -> list[Mark]:
    """The evidence of each event, each spin repair and each framing cue, as marks."""
    marks = [Mark(ev["evidence"][0], ev["evidence"][1], "evidence", event_note(ev)) for ev in events]
    if integrity is not None:
        marks += [Mark(e.start, e.end, "spun", f"spun for “{e.restored}” ({e.via}, {e.confidence:.2f})")
                  for e in integrity.edits]
        marks += [Mark(f.cue_start, f.cue_end, f"flag-{f.kind}", f"{f.kind}: {f.label or f.cue}") for f in integrity.flags]
    return marks
