"""Spin detection: how many telling spinner traces a text holds per 100 words.

Three kinds of trace: a spinner habit found in context (``habits.py``: "in keeping with" for
*according to*), counted with its weight (how rarely people write it); a rare namesake of a
function word (``senses.py``: "arsenic" for *as*), counted 1; and a broken fixed phrase
(``phrases.py``: "Chilly Conflict" for *Cold War*), counted 1. Together they cost a few
milliseconds a document, so every ingested document is scored. A text is spun when its traces
weigh at least ``MIN_TRACES`` and reach ``SPUN_RATE`` per 100 words: one odd phrase is no
spinner, and a long clean article may hold a few ordinary words that spinners also use (on
the project's clean development news the highest rate is about half of ``SPUN_RATE``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tightrope.integrity.habits import HabitMatch, find_habits
from tightrope.integrity.phrases import BrokenPhrase, find_broken_phrases
from tightrope.integrity.senses import SenseTrace, find_senses
from tightrope.integrity.tokens import Token

SPUN_RATE = 0.8  # traces per 100 words
MIN_TRACES = 2.0  # total weight


@dataclass(slots=True)
class Detection:
    """The verdict on one text, with the traces that made it (not overlapping)."""

    spun: bool
    score: float  # traces per 100 words
    words: int
    habits: list[HabitMatch] = field(default_factory=list)
    senses: list[SenseTrace] = field(default_factory=list)
    phrases: list[BrokenPhrase] = field(default_factory=list)


def detect(tokens: list[Token]) -> Detection:
    """Score ``tokens`` and give the verdict."""
    words = sum(1 for t in tokens if t.is_word)
    # where a habit and a broken phrase overlap, the longer wins ("Democratic Folks's Republic
    # of Korea" is one trace, not "Folks's" alone)
    phrases = find_broken_phrases(tokens)
    habits = find_habits(tokens)
    phrases = [p for p in phrases if not any(_overlap(p, m) and m.last - m.first >= p.last - p.first for m in habits)]
    habits = [m for m in habits if not any(_overlap(p, m) for p in phrases)]
    covered = {i for x in [*habits, *phrases] for i in range(x.first, x.last + 1)}
    senses = [s for s in find_senses(tokens) if s.index not in covered]
    weight = sum(m.habit.weight for m in habits) + len(senses) + len(phrases)
    rate = 100.0 * weight / max(words, 1)
    return Detection(weight >= MIN_TRACES and rate >= SPUN_RATE, round(rate, 3), words, habits, senses, phrases)


def _overlap(a, b) -> bool:
    return a.first <= b.last and b.first <= a.last
