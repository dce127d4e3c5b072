"""Keys from context: mentions that carry no state of their own take one from their sentence.

Some mentions name a kind of actor but no state: "protesters", "ethnic Albanians",
"Yoruba leaders", "the Ministry of National Defense", "Tripoli" (Libya's capital, or the
Lebanese port). The resolver marks them *pending* with what would fit (a group's home states,
the states known to have a body of that name), and this module picks the key from the states
the same sentence names — the place it puts them first ("in Kosovo", "Kosovo's", "the
Kosovo town of"), then any other — and, for institutions and ambiguous names, from the nearest
state named elsewhere in the document. Where nothing fits, the pending mention keeps its
fallback, or stays unresolved: nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

# Words before a state that make it where the people of the sentence are.
_LOCATION_BEFORE = {"in", "at", "near", "across", "throughout", "inside", "from", "around", "within"}
_PLACE_NOUNS = {"town", "city", "village", "capital", "province", "region", "district", "port", "border", "island",
                "state", "enclave", "territory", "countryside", "areas", "area", "north", "south", "east", "west",
                "sector", "neighbourhood", "neighborhood", "suburb", "suburbs", "outskirts", "quarter", "zone"}
_REGION_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
                 "south-eastern", "south-western", "rural", "coastal", "occupied", "neighbouring", "neighboring",
                 "mainland", "upper", "lower"}
# Sectors of a state's own officials and bodies.
_STATE_BODIES = {"GOV", "MIL", "LEG", "JUD", "COP", "PTY"}
# Words that only qualify a place between "in" and its name ("in mostly Christian east Beirut").
_QUALIFIERS = {"mostly", "largely", "mainly", "predominantly", "overwhelmingly", "chiefly", "partly"}
QUALIFIER_REACH = 3
# How far back (tokens) "its" looks for what it stands for: about this sentence and the one before.
ANTECEDENT_REACH = 60
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


@dataclass(slots=True)
class Pending:
    """A mention waiting for a key from its context.

    ``mode``: ``group`` (people with no state of their own: take the state the sentence puts
    them in), ``ethnic`` (a state's people living elsewhere, "ethnic Turks": the location if it
    is another state, else their own), ``institution`` (a generic body's name: the state the
    sentence, else the document, names), ``ambiguous`` (a name several entries share) or
    ``antecedent`` ("its defence ministry": the state or organisation named last before it) or
    ``official`` (an unknown person with a title of office and no state, "Vice-President Ana
    Reyes": the one state the whole text names, never as a place nor by its officials or
    bodies, as in domestic news; a visitor or a counterpart is named beside the host's)."""

    index: int  # into the mention list
    mode: str
    candidates: tuple[str, ...] = ()  # keys that fit (empty: any state)
    fallback: str | None = None  # key when the context decides nothing
    sector: str | None = None
    # may also take the only state its sentence names, placed or not ("Muslim demonstrators
    # ... Egyptian police"); without, only a place will do ("reporters", "firms")
    loose: bool = False


@dataclass(slots=True)
class Named:
    """A resolved mention as context: where it is, its key, and whether it is a location."""

    start: int  # token offsets
    end: int
    key: str
    location: bool
    sector: str | None = None


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """The token range of the sentence holding token ``i``: the parser's where the doc has
    sentences, else up to sentence-final punctuation followed by a capital, or a line break."""
    if doc.has_annotation("SENT_START"):
        sent = doc[i].sent
        return sent.start, sent.end
    start = i
    while start > 0 and not _breaks(doc[start - 1], doc[start]):
        start -= 1
    end = i + 1
    while end < len(doc) and not _breaks(doc[end - 1], doc[end]):
        end += 1
    return start, end


def _breaks(token, nxt) -> bool:
    """Whether a sentence ends after ``token``."""
    word, space = token.text, token.whitespace_
    return ("\n" in word and not word.strip()) or "\n" in space or bool(
        space and nxt.text[:1].isupper() and _SENTENCE_END.search(word))


def is_location(doc: Doc, start: int, end: int) -> bool:
    """Whether the state mention at ``start:end`` is a place the sentence puts people in:
    "in Kosovo", "Kosovo's", "the Kosovo town of", "Macedonia's border"; words that only qualify
    the place are passed over ("in southeastern Serbia", "across rural Vietnam", "in the mostly
    Christian east of Beirut")."""
    start = _before_qualifiers(doc, start)
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in _LOCATION_BEFORE:
        return True
    if before in ("the", "a") and start > 1 and doc[start - 2].lower_ in _LOCATION_BEFORE:
        return True
    # "in the east of the Gaza Strip", "the north of Syria"
    of = start - 2 if before == "the" else start - 1
    if of > 0 and doc[of].lower_ == "of" and doc[of - 1].lower_ in _PLACE_NOUNS | _REGION_WORDS:
        return True
    after = doc[end].lower_ if end < len(doc) else ""
    if after in ("'s", "’s", "'", "’"):
        return True
    return after in _PLACE_NOUNS and before == "the"


def _before_qualifiers(doc: Doc, start: int) -> int:
    """Where the place named at ``start`` begins once the words qualifying it are taken in:
    regions, "mostly", capitalised adjectives ("Christian east Beirut"), hyphenated ones
    ("war-torn Syria", "military-ruled Myanmar"); at most QUALIFIER_REACH of them."""
    i, taken = start, 0
    while i > 0 and taken < QUALIFIER_REACH:
        word = doc[i - 1]
        if i > 2 and word.is_alpha and doc[i - 2].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 3].whitespace_:
            i -= 3  # one hyphenated word, three tokens
        elif (word.lower_ in _REGION_WORDS or word.lower_ in _QUALIFIERS
              or (word.is_alpha and word.text[:1].isupper() and not word.is_sent_start)):
            i -= 1
        else:
            break
        taken += 1
    return i


def choose(pending: Pending, sentence: list[Named], document: list[Named], at: int) -> str | None:
    """The key for one pending mention (at token ``at``), from the sentence's named states
    (in text order) and the document's; None when the context decides nothing."""
    if pending.mode == "antecedent":
        before = [n for n in document if n.end <= at and at - n.end <= ANTECEDENT_REACH]
        return before[-1].key if before else None
    if pending.mode == "official":
        states = [n for n in document if not n.key.startswith("IGO:")]
        keys = {n.key for n in states}
        hosted = any(n.location or n.sector in _STATE_BODIES for n in states)
        return keys.pop() if len(keys) == 1 and not hosted else None
    fits = (lambda k: k in pending.candidates) if pending.candidates else (lambda k: not k.startswith("IGO:"))
    if pending.mode == "ethnic":
        located = [n.key for n in sentence if n.location and not n.key.startswith("IGO:") and n.key != pending.fallback]
        return located[0] if located else pending.fallback
    if pending.mode == "group":
        located = [n.key for n in sentence if n.location and fits(n.key)]
        if located:
            return located[0]
        named = [n.key for n in sentence if fits(n.key)]
        if pending.candidates:
            return named[0] if named else pending.fallback
        return named[0] if pending.loose and len(set(named)) == 1 else pending.fallback
    # institution / ambiguous: the sentence first, then the nearest state named before, then after
    named = [n.key for n in sentence if fits(n.key)]
    if named:
        return named[0]
    before = [n for n in document if n.end <= at and fits(n.key)]
    if before:
        return before[-1].key
    after = [n for n in document if n.start > at and fits(n.key)]
    if after:
        return after[0].key
    return pending.fallback
