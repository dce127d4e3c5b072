"""Function words written as dictionary senses: "arsenic" for *as*, "indium" for *in*.

Spinners that draw synonyms from a dictionary without regard to sense turn the commonest
words of English into their rare namesakes — the element As, the unit A, the state OR. Such a
word in running text is a telling trace, and its original is plain. The table is derived from
WordNet at first use: for each of ``FUNCTION_WORDS``, the single-word synonyms or similar
words of the same synset that are rare in English (Zipf frequency below ``RARE_ZIPF``). Without
WordNet the table is empty (the habit list still holds the commonest such traces).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wordfreq import zipf_frequency

from tightrope.integrity import wordnet
from tightrope.integrity.tokens import Token

# The commonest function words whose WordNet namesakes are rare ("be", "by", "on" and "i"
# have common content words among their synonyms — exist, past, along, one — and are left out).
FUNCTION_WORDS = ("the", "of", "and", "to", "a", "an", "in", "is", "that", "for", "it", "as", "was", "with",
                  "at", "or", "he", "not", "are", "his", "from", "this")
RARE_ZIPF = 4.0


@dataclass(slots=True)
class SenseTrace:
    """Token ``index`` is a rare namesake of the function word ``original``."""

    index: int
    original: str


@lru_cache(maxsize=1)
def namesakes() -> dict[str, str]:
    """Rare word → the function word it stands for (a word standing for two is left out)."""
    table: dict[str, str] = {}
    clash: set[str] = set()
    for function_word in FUNCTION_WORDS:
        for word, strength in wordnet.relatives(function_word).items():
            if strength < 1.0 or not word.isalpha() or zipf_frequency(word, "en") >= RARE_ZIPF:
                continue
            if word in table and table[word] != function_word:
                clash.add(word)
            table[word] = function_word
    return {w: f for w, f in table.items() if w not in clash}


def find_senses(tokens: list[Token]) -> list[SenseTrace]:
    """Rare namesakes of function words in running text (not in names or long quotations)."""
    table = namesakes()
    if not table:
        return []
    return [
        SenseTrace(i, table[t.norm])
        for i, t in enumerate(tokens)
        if t.is_word and not t.quoted and (t.initial or not t.capitalised) and t.norm in table
    ]
