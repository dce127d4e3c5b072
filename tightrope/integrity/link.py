"""Linking a spun copy to its original: names and numbers survive spinning.

A spinner swaps common words but leaves names, numbers and dates alone, so the sequence of
those in a copy — its fingerprint — is, in order, a large part of its original's. Documents
sharing fingerprint items are candidates (the store indexes them). Articles on the same
story share names too, so a candidate must pass two tests, both over the shorter text (an
original may be an excerpt): its fingerprint shares at least ``MIN_SHARED`` items in order,
``MIN_FINGERPRINT`` of them; and at least ``MIN_WORDS`` of the words themselves stand in the
same order (a spinner changes a quarter to a third of them; another article on the same
story keeps far fewer). The second figure is the similarity reported.
"""

from __future__ import annotations

from rapidfuzz.distance import LCSseq
from wordfreq import zipf_frequency

from tightrope.integrity.tokens import Token

MIN_FINGERPRINT = 0.45
MIN_SHARED = 8  # fingerprint items in common, in order
MIN_WORDS = 0.55
CANDIDATES = 5
NAME_ZIPF = 4.6  # a sentence-initial word rarer than this is taken for a name


def fingerprint(tokens: list[Token]) -> list[str]:
    """Numbers and names, in order, normalised: capitalised words inside sentences, and at
    the start of a sentence or line those that are not common words ("Donald", not "The")."""
    return [
        t.norm
        for t in tokens
        if t.is_word and (
            any(c.isdigit() for c in t.norm)
            or (t.capitalised and (not t.initial or zipf_frequency(t.norm, "en") < NAME_ZIPF))
        )
    ]


def in_order(a: list[str], b: list[str]) -> tuple[float, int]:
    """``(share, count)``: items of ``a`` and ``b`` in common in order, over the shorter."""
    if not a or not b:
        return 0.0, 0
    shared = LCSseq.similarity(a, b)
    return round(shared / min(len(a), len(b)), 4), shared


def is_copy(copy_fp: list[str], original_fp: list[str], copy_words: list[str], original_words: list[str]) -> tuple[bool, float]:
    """Whether the copy repeats the original, and its similarity (share of words in order)."""
    share, shared = in_order(copy_fp, original_fp)
    if share < MIN_FINGERPRINT or shared < MIN_SHARED:
        return False, 0.0
    similarity, _ = in_order(copy_words, original_words)
    return similarity >= MIN_WORDS, similarity
