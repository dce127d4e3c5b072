"""What a document looks like to the story clusterer: weighted terms, actors, events, dates.

A document becomes a :class:`Features` record of three small sparse vectors — content words
(weighted by how rare they are in English, so names and distinctive nouns count most),
actors (people named, states and organisations, by how often and how early they appear) and
events (type and the actors on each side) — and the span of days it is about. Weights come
from a fixed English word-frequency table (wordfreq), not from the stored corpus, so a
document's features never change when others arrive: that is what lets clustering stay
incremental. This module computes; it never touches the store.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from wordfreq import zipf_frequency

from tightrope.model import Mention

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# Words at least this common in English (Zipf scale: "the" 7.7, "said" 6.0) carry no weight.
COMMON_ZIPF = 6.0
# A word the frequency table does not know (a new name) weighs as much as one this rare.
RARE_ZIPF = 1.0
LEAD_CHARS = 500  # the headline and lead weigh double: they say what the article is about
TOP_TERMS = 60  # terms kept per document (the rest add little and cost storage)
PERSON_WEIGHT = 3.0  # a named person says more about the happening than a state does
ORGANISATION_WEIGHT = 1.5


@dataclass(slots=True)
class Features:
    """One document's clustering features. Vectors are dicts of weights, L2-normalised."""

    doc_id: str
    terms: dict[str, float] = field(default_factory=dict)
    actors: dict[str, float] = field(default_factory=dict)
    events: dict[str, float] = field(default_factory=dict)
    first_day: int | None = None  # date.toordinal() of the span the document is dated to
    last_day: int | None = None

    def to_json(self) -> dict:
        return {"t": self.terms, "a": self.actors, "e": self.events, "d": [self.first_day, self.last_day]}

    @classmethod
    def from_json(cls, doc_id: str, data: dict) -> "Features":
        first, last = data.get("d") or [None, None]
        return cls(doc_id, data.get("t", {}), data.get("a", {}), data.get("e", {}), first, last)


def fold(text: str) -> str:
    """Lower case without diacritics: "Tô Lâm" and "To Lam", "Việt Nam" and "Viet Nam" meet."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=200_000)
def word_weight(word: str) -> float:
    """How much a word says about what a text is about: 0 for common words, most for rare ones."""
    if len(word) < 2:
        return 0.0
    zipf = zipf_frequency(word, "en") or RARE_ZIPF
    return max(0.0, COMMON_ZIPF - max(zipf, RARE_ZIPF))


def term_vector(title: str | None, text: str, top: int = TOP_TERMS) -> dict[str, float]:
    """Content words of the headline and text, weighted by rarity and log count (headline and
    lead count double), the ``top`` heaviest kept, L2-normalised."""
    counts: Counter[str] = Counter()
    for part, boost in ((title or "", 2), (text[:LEAD_CHARS], 1), (text, 1)):
        for m in _WORD.finditer(fold(part)):
            counts[m.group().replace("’", "'")] += boost
    weights = {w: (1 + math.log(c)) * word_weight(w) for w, c in counts.items()}
    return _normalised(dict(sorted(((w, v) for w, v in weights.items() if v > 0), key=lambda kv: -kv[1])[:top]))


def actor_vector(mentions: list[Mention], text_length: int) -> dict[str, float]:
    """The actors a text names: ``P:<person>`` for people (their dictionary entry's name) and
    ``K:<key>`` for states and organisations, by log count, early mentions weighing more."""
    weights: Counter[str] = Counter()
    for m in mentions:
        if m.actor is None:
            continue
        early = 1.5 if m.start < LEAD_CHARS else 1.0
        is_person = bool(m.entry and m.entry.startswith("people"))
        if is_person and m.actor.name:
            weights["P:" + m.actor.name] += PERSON_WEIGHT * early
        key = m.actor.key
        weights["K:" + key] += (ORGANISATION_WEIGHT if key.startswith("IGO:") else 1.0) * early
    return _normalised({k: 1 + math.log(v) for k, v in weights.items()})


def event_vector(events: list[dict]) -> dict[str, float]:
    """Coded events as ``TYPE:source>target`` (actor keys, sorted within each side), each
    counted once per document; background (historical) events are left out."""
    keys: Counter[str] = Counter()
    for e in events:
        if e.get("historical"):
            continue
        src = ",".join(sorted({a["key"] for a in e.get("source", [])}))
        tgt = ",".join(sorted({a["key"] for a in e.get("target", [])}))
        if src or tgt:
            keys[f"{e['type']}:{src}>{tgt}"] = 1.0
    return _normalised(dict(keys))


def day_span(published: str | None) -> tuple[int | None, int | None]:
    """The days a publication date covers, as ordinals: one day, a whole month or a whole year."""
    if not published:
        return None, None
    parts = published[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) >= 3:
            d = date(year, int(parts[1]), int(parts[2])).toordinal()
            return d, d
        if len(parts) == 2:
            month = int(parts[1])
            first = date(year, month, 1)
            last = date(year + (month == 12), month % 12 + 1, 1)
            return first.toordinal(), last.toordinal() - 1
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    except ValueError:
        return None, None


def features(doc_id: str, title: str | None, text: str, published: str | None, mentions: list[Mention],
             events: list[dict]) -> Features:
    """The clustering features of one document (``text`` is the text the coder read)."""
    first, last = day_span(published)
    return Features(doc_id, term_vector(title, text), actor_vector(mentions, len(text)), event_vector(events),
                    first, last)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _normalised(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: round(v / norm, 5) for k, v in vec.items()} if norm else {}
