"""Words of a text with their character offsets, for the integrity stage.

A token is a word (letters and digits, with inner apostrophes: ``People’s``, ``isn't``) or one
character of punctuation; whitespace is not a token. Every token keeps ``[start, end)`` into
the text it came from, so every edit and flag points back into ``Document.text``. This module
must never change text: it only reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_QUOTES_OPEN = {"“", "«"}
_QUOTES_CLOSE = {"”", "»"}
SENTENCE_END = {".", "!", "?"}
SCARE_QUOTE_WORDS = 6
_SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "to", "a", "an", "at", "by"}


@dataclass(slots=True)
class Token:
    """One word or punctuation mark: ``text == source[start:end]``.

    ``norm`` is the lower-cased form with typographic apostrophes made plain (what lexicons
    are matched against); ``quoted`` is True inside a quotation of more than
    ``SCARE_QUOTE_WORDS`` words (shorter quoted spans are terms or scare quotes — “political
    satellite” — which spinners rewrite like any other words); ``initial`` is True for the
    first word of a sentence or line (where capitals say nothing about names).
    """

    text: str
    start: int
    end: int
    norm: str
    is_word: bool
    quoted: bool = False
    initial: bool = False

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def normalise(word: str) -> str:
    """The form lexicons use: lower case, plain apostrophes."""
    return word.lower().replace("’", "'")


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets, marking quotations and sentence starts."""
    tokens: list[Token] = []
    in_quote = False
    initial = True
    last_end = 0
    for m in _TOKEN.finditer(text):
        word = m.group()
        if "\n" in text[last_end : m.start()]:
            initial = True
            in_quote = False  # an unclosed quotation does not run past its paragraph
        last_end = m.end()
        is_word = word[0].isalnum() or word[0] == "_"
        if word in _QUOTES_OPEN:
            in_quote = True
        elif word in _QUOTES_CLOSE:
            in_quote = False
        elif word == '"':
            in_quote = not in_quote
        tokens.append(Token(word, m.start(), m.end(), normalise(word), is_word, in_quote and is_word, initial and is_word))
        if is_word:
            initial = False
        elif word in SENTENCE_END:
            initial = True
    _release_scare_quotes(tokens)
    return tokens


def _release_scare_quotes(tokens: list[Token]) -> None:
    """Unmark quoted runs of at most SCARE_QUOTE_WORDS words (punctuation inside a
    quotation does not end it; a closing mark or an unquoted word does)."""
    run: list[Token] = []
    for tok in tokens + [None]:
        if tok is not None and tok.quoted:
            run.append(tok)
            continue
        if tok is not None and not tok.is_word and tok.text not in _QUOTES_CLOSE and tok.text != '"':
            continue
        if run and len(run) <= SCARE_QUOTE_WORDS:
            for t in run:
                t.quoted = False
        run = []


def words(text: str) -> list[str]:
    """The normalised words of ``text`` (what word counts and alignments use)."""
    return [t.norm for t in tokenize(text) if t.is_word]


def match_case(model: str, replacement: str) -> str:
    """``replacement`` written in the case of ``model``: ``Get together`` → ``Party``,
    ``Chilly Conflict`` → ``Cold War``. A replacement that has capitals of its own (a name:
    ``White House``) keeps them."""
    if len(model) > 1 and model.isupper() and len(replacement) > 1:
        return replacement.upper()
    if any(c.isupper() for c in replacement):
        return replacement[:1].upper() + replacement[1:] if model[:1].isupper() else replacement
    parts = model.split()
    if len(parts) > 1 and all(p[:1].isupper() for p in parts):
        return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in replacement.split(" "))
    if model[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
