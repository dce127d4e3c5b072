"""Framing flags: sentences that carry claims with no named source, or loaded wording.

Cues come from ``data/framing.yaml`` ("analysts suspect", "behind closed doors", "a
reported", "alternative media"; "quiet coercion", "puppet"). A sentence is flagged once per
kind, at its first cue, and an ``unsourced`` cue is dropped where the sentence names its
source ("according to Reuters", "the ministry said"). Flags are stored with the document and
shown; the briefing and the event certainty read them. This module only reads text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tightrope.integrity import lexicon
from tightrope.model import FramingFlag
from tightrope.nlp.spans import strip_span

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’']?|\n|$)")
_NAMED_SOURCE = re.compile(
    r"\b(?i:according to) (?:the )?[A-Z][\w.&-]*"
    r"|\b(?:[A-Z][\w.&’'-]*)(?: [A-Z][\w.&’'-]*)* (?:said|says|told|stated|reported|announced|confirmed)\b"
    r"|\b(?:said|says|told|stated|reported|confirmed) (?:the )?[A-Z][\w.&-]*"
)


# Words that head an anonymous attribution ("Analysts say", "Sources told"): no named source.
_ANONYMOUS = {"analysts", "analyst", "experts", "expert", "observers", "sources", "source", "critics", "officials",
              "diplomats", "insiders", "some", "many", "others", "people", "it", "they", "he", "she", "we", "reports",
              "media", "one", "an", "a", "the", "this", "that", "there"}


def _names_source(sentence: str) -> bool:
    for m in _NAMED_SOURCE.finditer(sentence):
        words = re.findall(r"[\w’'.&-]+", m.group())
        heads = [w for w in words if w[:1].isupper()]
        if heads and not all(w.lower() in _ANONYMOUS for w in heads):
            return True
    return False


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern]]:
    out = []
    for kind, spec in lexicon.framing().items():
        cues = sorted((str(c) for c in spec["cues"]), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w-])", re.IGNORECASE)
        out.append((kind, spec.get("label") or kind, pattern))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence (or line) of ``text``, stripped of spaces."""
    spans = []
    for m in _SENTENCE.finditer(text):
        span = strip_span(text, m.start(), m.end())
        if span:
            spans.append(span)
    return spans


def framing_flags(doc_id: str, text: str) -> list[FramingFlag]:
    """Every framing flag in ``text``, in order."""
    flags = []
    patterns = _patterns()
    for start, end in sentences(text):
        sentence = text[start:end]
        for kind, label, pattern in patterns:
            m = pattern.search(sentence)
            if m is None:
                continue
            if kind == "unsourced" and _names_source(sentence):
                continue
            flags.append(FramingFlag(doc_id, start, end, kind, m.group(), start + m.start(), start + m.end(), label))
    return flags
