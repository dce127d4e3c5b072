"""Spin detection: how many telling spinner traces a text holds per 100 words.

A trace is a spinner habit found in context (``habits.py``), counted with its weight (how
rarely people write it), a rare namesake of a function word (``senses.py``: "arsenic" for
*as*), counted 1, or, when the habits leave the verdict in doubt, a broken fixed
phrase (``phrases.py``: "Chilly Conflict" for Cold War), counted 1. The habits cost a few
dictionary look-ups per word, so every ingested document is scored; the phrase search needs
WordNet and runs only in the band of doubt. A text is spun when its traces weigh at least
``MIN_TRACES`` and reach ``SPUN_RATE`` per 100 words: one odd phrase is no spinner, and a long
clean article may hold a few ordinary words that spinners also use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tightrope.integrity.habits import HabitMatch, find_habits
from tightrope.integrity.phrases import BrokenPhrase, find_broken_phrases
from tightrope.integrity.senses import SenseTrace, find_senses
from tightrope.integrity.tokens import Token

SPUN_RATE = 0.8  # traces per 100 words
MIN_TRACES = 2.0  # total weight
DOUBT_RATE = 0.25  # from here up to SPUN_RATE, broken phrases are looked for too


@dataclass(slots=True)
class Detection:
    """The verdict on one text, with the traces that made it."""

    spun: bool
    score: float  # traces per 100 words
    words: int
    habits: list[HabitMatch] = field(default_factory=list)
    senses: list[SenseTrace] = field(default_factory=list)
    phrases: list[BrokenPhrase] | None = None  # None: not looked for


def _rate(weight: float, words: int) -> float:
    return 100.0 * weight / max(words, 1)


def detect(tokens: list[Token], *, with_phrases: bool | None = None) -> Detection:
    """Score ``tokens``. ``with_phrases`` forces (True) or skips (False) the phrase search;
    by default it runs only when the habits leave the verdict in doubt."""
    words = sum(1 for t in tokens if t.is_word)
    found = find_habits(tokens)
    covered = {i for m in found for i in range(m.first, m.last + 1)}
    senses = [s for s in find_senses(tokens) if s.index not in covered]
    weight = sum(m.habit.weight for m in found) + len(senses)
    rate = _rate(weight, words)
    phrases = None
    if with_phrases or (with_phrases is None and DOUBT_RATE <= rate < SPUN_RATE):
        phrases = find_broken_phrases(tokens)
        extra = [p for p in phrases if not any(i in covered for i in range(p.first, p.last + 1))]
        weight += len(extra)
        rate = _rate(weight, words)
    spun = weight >= MIN_TRACES and rate >= SPUN_RATE
    return Detection(spun, round(rate, 3), words, found, senses, phrases)
