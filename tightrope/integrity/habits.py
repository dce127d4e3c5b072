"""Finding spinner habits (``data/spinner_habits.tsv``) in a tokenised text.

A habit matches where its spun words stand in a row, outside quotations, and one of its
conditions holds on the words around them; the longest match at a place wins. Both the
detector (how many, how telling) and the repairer (what to restore) use these matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tightrope.integrity import lexicon
from tightrope.integrity.tokens import SENTENCE_END, Token

_YEAR = re.compile(r"(1[89]|20)\d\d")


@dataclass(slots=True)
class HabitMatch:
    """Tokens ``[first, last]`` (inclusive, indexes into the token list) match ``habit``."""

    first: int
    last: int
    habit: lexicon.Habit


def _is(token: Token | None, items: frozenset[str], *, before: bool) -> bool:
    if token is None:
        return "END" in items
    norm = token.norm
    if norm in items:
        return True
    if not token.is_word:
        return "PUNCT" in items or ("END" in items and norm in SENTENCE_END)
    if "DET" in items and norm in lexicon.DETERMINERS:
        return True
    if "POSS" in items and norm.endswith("'s"):
        return True
    if "NUM" in items and norm.isdigit():
        return True
    if "YEAR" in items and _YEAR.fullmatch(norm):
        return True
    if "CAP" in items and token.capitalised and not token.initial:
        return True
    return False


def _holds(habit: lexicon.Habit, tokens: list[Token], first: int, last: int) -> bool:
    if not habit.conditions:
        return True
    prev = tokens[first - 1] if first > 0 else None
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if tokens[first].initial and prev is not None and prev.is_word:
        prev = None  # a new line: nothing before counts
    for cond in habit.conditions:
        if cond.cap:
            if tokens[first].capitalised and not tokens[first].initial:
                return True
            continue
        if cond.prev and not _is(prev, cond.prev, before=True):
            continue
        if cond.next and not _is(nxt, cond.next, before=False):
            continue
        return True
    return False


@lru_cache(maxsize=1)
def _sizes_by_first_word() -> dict[str, tuple[int, ...]]:
    """For each word that starts a habit, the lengths of those habits, longest first."""
    sizes: dict[str, set[int]] = {}
    for key in lexicon.habits():
        sizes.setdefault(key[0], set()).add(len(key))
    return {w: tuple(sorted(n, reverse=True)) for w, n in sizes.items()}


def find_habits(tokens: list[Token]) -> list[HabitMatch]:
    """Every habit match in ``tokens``, left to right, not overlapping."""
    table = lexicon.habits()
    starts = _sizes_by_first_word()
    out: list[HabitMatch] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        sizes = starts.get(tok.norm) if tok.is_word and not tok.quoted else None
        matched = None
        for size in sizes or ():
            if i + size > n:
                continue
            span = tokens[i : i + size]
            if size > 1 and any(not t.is_word or t.quoted for t in span):
                continue
            if size > 1 and any(span[k + 1].start - span[k].end > 1 for k in range(size - 1)):
                continue  # the words of a phrase are one space apart
            for habit in table.get(tuple(t.norm for t in span), ()):
                if _holds(habit, tokens, i, i + size - 1):
                    matched = HabitMatch(i, i + size - 1, habit)
                    break
            if matched:
                break
        if matched:
            out.append(matched)
            i = matched.last + 1
        else:
            i += 1
    return out
