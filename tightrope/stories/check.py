"""The source check: is a sentence supported by the spans it cites?

Any sentence that did not come verbatim from an article (the generative writer's) must pass
it or be dropped. A sentence is supported when it cites at least one span and

- every number in it (digits, or number words up to twenty) appears in the cited spans;
- every name in it (a capitalised word not at the start) appears in the cited spans;
- most of its content words — all but the commonest English words — appear in the cited
  spans (by their first letters, so "visited" meets "visit"): at least ``MIN_COVERAGE``;
- and it reads as a restatement of them: rapidfuzz's token-set ratio with the cited text of at
  least ``MIN_RATIO``.

Deliberately strict: a check that lets a plausible but unsupported claim through is worse
than one that drops a fair paraphrase (the extractive sentence stays in its place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from tightrope.stories.features import fold, word_weight

MIN_COVERAGE = 0.8
MIN_RATIO = 60
STEM = 5  # letters compared: "visited"/"visit", "cooperation"/"cooperate"
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Verdict:
    supported: bool
    reason: str


def _numbers(text: str) -> set[str]:
    found = {n.replace(",", "") for n in _NUMBER.findall(text)}
    found |= {_NUMBER_WORDS[w] for w in _WORD.findall(text.lower()) if w in _NUMBER_WORDS}
    return found


def _words(text: str) -> list[str]:
    """Words without possessive endings ("War's" → "War")."""
    return [re.sub(r"['’]s$", "", w) for w in _WORD.findall(text)]


def _names(text: str) -> set[str]:
    words = _words(text)
    return {fold(w) for i, w in enumerate(words) if i > 0 and w[:1].isupper() and word_weight(fold(w)) > 0}


def _stems(text: str) -> set[str]:
    return {fold(w)[:STEM] for w in _words(text) if word_weight(fold(w)) > 0 and not w.isdigit()}


def check(sentence: str, cited: list[str]) -> Verdict:
    """Whether ``sentence`` is supported by the ``cited`` texts, and why not when it is not."""
    if not cited:
        return Verdict(False, "cites no source")
    source = " ".join(cited)
    missing = _numbers(sentence) - _numbers(source)
    if missing:
        return Verdict(False, f"number(s) not in the cited text: {', '.join(sorted(missing))}")
    folded = fold(source)
    names = {n for n in _names(sentence) if n not in folded}
    if names:
        return Verdict(False, f"name(s) not in the cited text: {', '.join(sorted(names))}")
    stems = _stems(sentence)
    have = _stems(source)
    if stems:
        coverage = len(stems & have) / len(stems)
        if coverage < MIN_COVERAGE:
            return Verdict(False, f"only {coverage:.0%} of its content words are in the cited text")
    ratio = fuzz.token_set_ratio(fold(sentence), folded)
    if ratio < MIN_RATIO:
        return Verdict(False, f"does not restate the cited text (similarity {ratio:.0f})")
    return Verdict(True, "supported")
