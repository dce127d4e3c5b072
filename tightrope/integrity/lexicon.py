"""The integrity stage's data files, loaded once and checked on load.

- ``data/spinner_habits.tsv``: what spinners write for common words and phrases, with the
  context a rule needs and how telling the spun form is (see the file's header);
- ``data/fixed_phrases.txt``: titles, institutions and terms of art that spinners break;
- ``data/framing.yaml``: cues of unsourced claims and loaded wording.

A malformed line is a :class:`~tightrope.errors.DictionaryError` naming the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from tightrope.errors import DictionaryError
from tightrope.integrity.tokens import normalise

DATA = Path(__file__).with_name("data")

# Word classes the habit conditions may name (see the header of spinner_habits.tsv).
DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your any each every no another "
    "first official primary state proactive".split()
)
CLASSES = {"DET", "POSS", "NUM", "CAP", "YEAR", "PUNCT", "END"}


@dataclass(frozen=True, slots=True)
class Condition:
    """One way a habit may apply: the word before in ``prev`` and/or after in ``next``
    (empty: anything), or the spun form capitalised inside a sentence (``cap``)."""

    prev: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    cap: bool = False


@dataclass(frozen=True, slots=True)
class Habit:
    """A spinner substitution: ``spun`` (normalised words) written for ``original``."""

    spun: tuple[str, ...]
    original: str
    conditions: tuple[Condition, ...]  # empty: always applies
    weight: float
    line: int


def _items(text: str, where: str) -> frozenset[str]:
    items = frozenset(normalise(i) if i not in CLASSES else i for i in text.split("|") if i)
    if not items:
        raise DictionaryError(f"{where}: empty list of words in a condition")
    return items


def _conditions(text: str, where: str) -> tuple[Condition, ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        kind, _, value = part.partition(":")
        if kind == "prev":
            out.append(Condition(prev=_items(value, where)))
        elif kind == "next":
            out.append(Condition(next=_items(value, where)))
        elif kind == "all" and "@" in value:
            before, after = value.split("@", 1)
            out.append(Condition(prev=_items(before, where), next=_items(after, where)))
        elif part == "self:cap":
            out.append(Condition(cap=True))
        else:
            raise DictionaryError(f"{where}: unknown condition {part!r} (use prev:, next:, all:A@B or self:cap)")
    return tuple(out)


def _rows(name: str):
    path = DATA / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield f"{path}:{number}", number, line


@lru_cache(maxsize=1)
def habits() -> dict[tuple[str, ...], list[Habit]]:
    """Spinner habits by spun form (a tuple of normalised words)."""
    table: dict[tuple[str, ...], list[Habit]] = {}
    for where, number, line in _rows("spinner_habits.tsv"):
        fields = line.split("\t")
        if len(fields) != 4:
            raise DictionaryError(f"{where}: expected 4 tab-separated fields (spun, original, when, weight), got {len(fields)}")
        spun, original, when, weight = fields
        try:
            w = float(weight)
        except ValueError:
            raise DictionaryError(f"{where}: weight {weight!r} is not a number") from None
        if not 0.0 <= w <= 1.0:
            raise DictionaryError(f"{where}: weight {w} is outside 0–1")
        key = tuple(normalise(spun).split())
        if not key or not original.strip():
            raise DictionaryError(f"{where}: empty spun form or original")
        table.setdefault(key, []).append(Habit(key, original, _conditions(when, where), w, number))
    return table


@lru_cache(maxsize=1)
def fixed_phrases() -> dict[str, str]:
    """Our fixed phrases: normalised form → the form to restore (with its capitals)."""
    out = {}
    for where, _number, line in _rows("fixed_phrases.txt"):
        phrase = " ".join(line.split())
        if "\t" in line:
            raise DictionaryError(f"{where}: one phrase a line, no tabs")
        out[normalise(phrase)] = phrase
    return out


@lru_cache(maxsize=1)
def framing() -> dict:
    """Framing cues: ``{kind: {"label": str, "cues": [phrase, ...]}}``."""
    path = DATA / "framing.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{path}: not valid YAML: {exc}") from exc
    kinds = data.get("kinds") if isinstance(data, dict) else None
    if not isinstance(kinds, dict) or not kinds:
        raise DictionaryError(f"{path}: expected a 'kinds' mapping of flag kinds to cues")
    for kind, spec in kinds.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("cues"), list) or not spec["cues"]:
            raise DictionaryError(f"{path}: kind {kind!r} needs a non-empty 'cues' list")
    return kinds
