"""Repair by alignment with the original: restore what the spinner changed.

The copy's words are aligned with the original's (difflib over normalised words, no junk
heuristic). Between two runs of equal words, a short stretch that differs is a spinner's
substitution, and the original's words go back in its place (confidence 0.95). Long stretches
that differ are not substitutions (a passage the original excerpt lacks, a caption, a
rewrite), and are left to the language repair, as is everything beyond the original's end.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from tightrope.integrity.tokens import Token
from tightrope.model import Edit

MAX_STRETCH = 8  # words on either side of one substitution
CONFIDENCE = 0.95


@dataclass(slots=True)
class Alignment:
    """The edits, and which copy tokens the original speaks for (aligned or equal)."""

    edits: list[Edit]
    covered: set[int]  # indexes into the copy's token list


def align(copy_text: str, copy_tokens: list[Token], original_text: str, original_tokens: list[Token]) -> Alignment:
    """Align the copy with its original; see the module docstring."""
    cw = [i for i, t in enumerate(copy_tokens) if t.is_word]
    ow = [j for j, t in enumerate(original_tokens) if t.is_word]
    a = [copy_tokens[i].norm for i in cw]
    b = [original_tokens[j].norm for j in ow]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    edits: list[Edit] = []
    covered: set[int] = set()
    ops = matcher.get_opcodes()
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            if i2 - i1 >= 2 or 0 < k < len(ops) - 1:
                covered.update(cw[i] for i in range(i1, i2))
            continue
        inside = 0 < k < len(ops) - 1 and ops[k - 1][0] == "equal" and ops[k + 1][0] == "equal"
        if not inside or (i2 - i1) > MAX_STRETCH or (j2 - j1) > MAX_STRETCH:
            continue
        if tag == "insert":  # the spinner dropped words: restore them with the next equal word
            i2, j2 = i1 + 1, j2 + 1
        elif tag == "delete":  # the spinner added words: drop them, keeping the next equal word
            i2, j2 = i2 + 1, j1 + 1
        first, last = copy_tokens[cw[i1]], copy_tokens[cw[i2 - 1]]
        ofirst, olast = original_tokens[ow[j1]], original_tokens[ow[j2 - 1]]
        spun = copy_text[first.start : last.end]
        restored = original_text[ofirst.start : olast.end]
        covered.update(cw[i] for i in range(i1, i2))
        if spun != restored and "\n" not in restored:
            edits.append(Edit(first.start, last.end, spun, restored, CONFIDENCE, "original"))
    return Alignment(edits, covered)
