"""Sentences of a document with their character offsets, for clustering titles and briefings.

A light splitter (no language model): a sentence ends at ``.``, ``!`` or ``?`` followed by
space and a capital, a digit or an opening quote, or at a line break — except after the
abbreviations news writes before a capital ("U.S. Defense Secretary", "Gen. Sec. To Lam",
"Mr Xi") and single initials. Every span is ``[start, end)`` into the text, stripped of
surrounding spaces, so that ``text[start:end]`` is the sentence a briefing cites.
"""

from __future__ import annotations

import re

from tightrope.nlp.spans import strip_span

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "gen", "sec", "lt", "col", "maj", "capt", "adm", "sgt",
    "rep", "sen", "gov", "pres", "prof", "st", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept", "est", "approx", "p.m", "a.m", "d.c",
}
_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+[\"“‘'(]?[A-Z0-9À-Ỹ])|\n+")
_LAST_WORD = re.compile(r"([\w.]+)[.]$")


def sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every sentence of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group().startswith("\n"):
            end = m.start()
        else:
            end = m.end()
            if m.start() > 0 and text[m.start() - 1].isdigit() and text[m.end():].lstrip()[:1].isdigit():
                continue  # "12.7. 1995", "Oct. 9. 10": a date, not a sentence end
            word = _LAST_WORD.search(text, max(start, end - 12), m.start() + 1)
            if word and m.group().startswith(".") and not m.group().startswith(".."):
                w = word.group(1).lower()
                if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                    continue
        _push(text, start, end, spans)
        start = m.end()
    _push(text, start, len(text), spans)
    return spans


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    span = strip_span(text, start, end)
    if span:
        spans.append(span)
