"""Broken fixed phrases: where a spinner swapped words of a known phrase for relatives.

"Chilly Conflict" is no phrase of English, but each of its words is a WordNet relative of a
word of "Cold War", which is one; "Democratic Folks’s Republic of Korea" differs from a
WordNet name by one relative. Known phrases are WordNet's multiword names (capitalised:
"Cold War", "White House") and ``data/fixed_phrases.txt`` (titles, institutions, terms of
art, in either case). A window of text that is itself a known phrase is fluent and left
alone; one that is a known phrase but for some words, each a close relative of the word it
replaced, is a broken phrase, restored to the known one.

Common English is full of near-phrases ("main office" is one synonym away from "main
powers"), so the rules are strict: names are matched only to capitalised windows and common
phrases only to lower-case ones; a swapped word is a synonym, a similar adjective or a direct
hypernym/hyponym in a name (strength ≥ ``MIN_STRENGTH``), a synonym or similar word in running
text (``COMMON_STRENGTH``), never a mere sibling nor a spelling variant, and no commoner than
the word it replaced (spinners pick the odd synonym: "Chilly" for Cold); at least one content
word of the phrase stays in place, except in a two-word name whose both words are swapped,
one of them a rare choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from tightrope.integrity import lexicon, wordnet
from tightrope.integrity.tokens import Token

MIN_STRENGTH = 0.6  # in a name: synonym, similar word, direct hypernym or hyponym
COMMON_STRENGTH = 0.8  # in running text: synonym or similar word only
RARE_ZIPF = 4.0
MAX_WORDS = 6
NAME_ZIPF = 2.5  # rarer words are names, numbers or terms: a spinner leaves them alone
FUNCTION_WORDS = frozenset(
    "a an the of on in at to for by with from and or as is are was were be been it its this that "
    "these those his her their our".split()
)


@dataclass(slots=True)
class BrokenPhrase:
    """Tokens ``[first, last]`` are the known phrase ``display`` with ``swaps`` words
    replaced by relatives; ``strength`` is the weakest of those relations."""

    first: int
    last: int
    display: str
    swaps: int
    strength: float


@lru_cache(maxsize=1)
def known_phrases() -> dict[str, str]:
    """Every known phrase: normalised form → the form to restore (with its capitals)."""
    table = {p.lower().replace("’", "'"): p for p in wordnet.proper_compounds()}
    table.update(lexicon.fixed_phrases())
    return table


@lru_cache(maxsize=1)
def _index() -> dict[tuple[int, int, str], list[str]]:
    index: dict[tuple[int, int, str], list[str]] = {}
    for norm in known_phrases():
        words = norm.split()
        if 2 <= len(words) <= MAX_WORDS:
            for k, w in enumerate(words):
                index.setdefault((len(words), k, w), []).append(norm)
    return index


@lru_cache(maxsize=500_000)
def _strength(spun: str, wanted: str) -> float:
    """How closely the word ``spun`` relates to ``wanted`` (0: not at all, or only by
    inflection, which is no swap)."""
    if spun.endswith("'s") and wanted.endswith("'s"):
        return _strength(spun[:-2], wanted[:-2])
    if zipf_frequency(spun, "en") < NAME_ZIPF:
        return 0.0
    if zipf_frequency(spun, "en") > zipf_frequency(wanted, "en") + 0.2:
        return 0.0  # spinners choose the rarer word ("Chilly" for Cold), not the commoner
    best = 0.0
    wanted_forms = wordnet.base_forms(wanted)
    for form in wordnet.base_forms(spun):
        if form in wanted_forms:
            return 0.0  # the same word, inflected: no swap
        related = wordnet.relatives(form)
        if form == spun:
            best = max(best, related.get(wanted, 0.0))
        else:  # inflected ("states"): only an inflected wanted word agrees ("countries")
            best = max([best] + [related.get(w, 0.0) for w in wanted_forms[1:]])
    return best


def _spelling_variant(a: str, b: str) -> bool:
    """``defence``/``defense``, ``organisation``/``organization``: the same word."""
    return a[:4] == b[:4] and Levenshtein.distance(a, b) <= 2


def _match(span: list[Token], norm: str, display: str) -> tuple[int, float] | None:
    """``(swaps, weakest strength)`` when ``span`` is the phrase broken, else None."""
    wanted_words = norm.split()
    shown = display.split()
    swaps, weakest, anchored = 0, 1.0, False
    for tok, wanted, show in zip(span, wanted_words, shown):
        if tok.norm == wanted:
            anchored = anchored or wanted not in FUNCTION_WORDS
            continue
        name_slot = show[:1].isupper()
        # names go with capitalised words, common phrases with lower-case ones
        if name_slot != (tok.capitalised or tok.initial) and not (tok.initial and not name_slot):
            return None
        if tok.capitalised and wordnet.is_proper(tok.norm):
            return None  # "Chinese", "Asian": names, which spinners leave alone
        if _spelling_variant(tok.norm, wanted):
            return None
        s = _strength(tok.norm, wanted)
        # a common word in a name ("Chilly Conflict") is a stronger sign than a synonym in
        # running text, where writers vary their words
        if s < (MIN_STRENGTH if name_slot else COMMON_STRENGTH):
            return None
        swaps += 1
        weakest = min(weakest, s)
    if not swaps:
        return None
    if not anchored:
        # only a two-word name both of whose words are swapped, one of them a rare choice
        # ("Chilly" for Cold), and the name far more common than what stands in its place
        if len(span) != 2 or not all(t.capitalised for t in span):
            return None
        spun_zipf = zipf_frequency(" ".join(t.norm for t in span), "en")
        if min(zipf_frequency(t.norm, "en") for t in span) >= RARE_ZIPF or zipf_frequency(norm, "en") < spun_zipf + 1.0:
            return None
    return swaps, weakest


def find_broken_phrases(tokens: list[Token]) -> list[BrokenPhrase]:
    """Broken known phrases in ``tokens``, left to right, not overlapping. Without WordNet
    no relative is known, so nothing is found."""
    if not wordnet.available():
        return []
    known = known_phrases()
    index = _index()
    out: list[BrokenPhrase] = []
    n = len(tokens)
    # runs[i]: how many words, one space apart and outside quotations, stand in a row from i
    runs = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        t = tokens[i]
        if t.is_word and not t.quoted:
            runs[i] = runs[i + 1] + 1 if runs[i + 1] and tokens[i + 1].start - t.end <= 1 else 1
    norms = [t.norm for t in tokens]
    i = 0
    while i < n:
        if runs[i] < 2:
            i += 1
            continue
        found = None
        fluent_until = -1
        for size in range(min(MAX_WORDS, runs[i]), 1, -1):
            span = tokens[i : i + size]
            window = norms[i : i + size]
            if " ".join(window) in known:
                fluent_until = i + size - 1
                break
            candidates = set()
            for k, w in enumerate(window):
                if w not in FUNCTION_WORDS:  # a phrase needs a content word in place
                    candidates.update(index.get((size, k, w), ()))
            if size == 2 and span[0].capitalised and span[1].capitalised:
                for rel in wordnet.relatives(window[0]):
                    candidates.update(index.get((2, 0, rel), ()))
            best = None
            for norm in candidates:
                m = _match(span, norm, known[norm])
                if m is None:
                    continue
                swaps, strength = m
                key = (size - swaps, strength, zipf_frequency(norm, "en"))
                if best is None or key > best[0]:
                    best = (key, norm, swaps, strength)
            if best:
                _, norm, swaps, strength = best
                found = BrokenPhrase(i, i + size - 1, known[norm], swaps, strength)
                break
        if found:
            out.append(found)
            i = found.last + 1
        elif fluent_until >= 0:
            i = fluent_until + 1
        else:
            i += 1
    return out
