"""WordNet as an inverted thesaurus: for a word a spinner wrote, the words it may stand for.

WordNet 3.0 comes from Debian (``scripts/install-wordnet.sh`` copies it into the virtual
environment, ``<venv>/share/nltk_data/corpora/wordnet``). NLTK's data path finds it there (no
environment variable needed, nothing fetched); the database files (``data.*``, ``*.exc``,
format wndb(5WN)) are then read by this module into a compact index, cached beside them (or
in the user cache directory) so that later runs load it in a fraction of a second — NLTK's
own reader takes seconds to open and tens of milliseconds per word, too slow for ingest.
When WordNet is missing, :func:`available` is False and every look-up returns nothing:
detection still works and repair falls back on the project's own lists (one warning says so).

Relatives of a word, with a strength in (0, 1]: 1.0 same synset (a synonym), 0.8 similar or
"see also" adjectives and verb groups, 0.6 direct hypernyms and hyponyms, 0.5 pertainyms,
derivationally related forms and close co-hyponyms (siblings under a parent with at most
``SIBLING_LIMIT`` children). Spinners pick a sense at random, so every sense counts.
"""

from __future__ import annotations

import pickle
import sys
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import platformdirs

SIBLING_LIMIT = 30
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
_POS_FILE = {"n": "n", "v": "v", "a": "a", "s": "a", "r": "r"}
_KEEP = {"@": "up", "@i": "up", "~": "down", "~i": "down", "&": "similar", "^": "similar", "$": "similar",
         "+": "derived", "\\": "derived"}
_CACHE_VERSION = 1
# Morphological rules of WordNet's morphy (suffix → replacement), by part of speech.
_MORPHY = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
}


def data_dir() -> Path:
    """Where the project's set-up puts WordNet: ``<venv>/share/nltk_data``."""
    return Path(sys.prefix) / "share" / "nltk_data"


@dataclass
class _Index:
    words: dict[str, tuple[int, ...]]  # lower-case word (spaces in compounds) → synsets
    lemmas: list[tuple[str, ...]]  # synset → its words, lower case
    links: list[tuple[tuple[str, int, int], ...]]  # synset → (kind, target synset, source word number or 0)
    exceptions: dict[str, dict[str, tuple[str, ...]]]  # pos → irregular form → base forms
    proper: frozenset[str]  # multiword names with their capitals ("Cold War")
    only_capitalised: frozenset[str]  # words WordNet writes only with a capital ("Chinese")


def _locate() -> Path | None:
    own = data_dir() / "corpora" / "wordnet"
    if (own / "data.noun").is_file():
        return own
    import nltk  # elsewhere on NLTK's data path (NLTK_DATA, ~/nltk_data …)

    path = str(data_dir())
    if path not in nltk.data.path:
        nltk.data.path.insert(0, path)
    try:
        return Path(nltk.data.find("corpora/wordnet/data.noun")).parent
    except LookupError:
        return None


def _parse(folder: Path) -> _Index:
    ids: dict[tuple[str, int], int] = {}
    rows: list[tuple[str, list[str], list[tuple[str, str, int, int]]]] = []
    for pos, name in _FILES.items():
        with open(folder / f"data.{name}", encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("  "):
                    continue  # licence header
                fields = line.split(" | ", 1)[0].split()
                offset, count = int(fields[0]), int(fields[3], 16)
                names = [fields[4 + 2 * k].split("(")[0].replace("_", " ") for k in range(count)]
                at = 4 + 2 * count
                pointers = []
                for k in range(int(fields[at])):
                    symbol, target, tpos, st = fields[at + 1 + 4 * k : at + 5 + 4 * k]
                    if symbol in _KEEP:
                        pointers.append((symbol, _POS_FILE[tpos], int(target), int(st[:2], 16)))
                ids[(pos, offset)] = len(rows)
                rows.append((pos, names, pointers))
    words: dict[str, list[int]] = {}
    lemmas, links = [], []
    proper, capital, lower = set(), set(), set()
    for sid, (_pos, names, pointers) in enumerate(rows):
        lows = tuple(dict.fromkeys(n.lower() for n in names))
        lemmas.append(lows)
        for n in names:
            (capital if n[:1].isupper() else lower).add(n.lower())
            if " " in n and n[:1].isupper() and n.count(" ") <= 6:
                proper.add(n)
        for low in lows:
            words.setdefault(low, []).append(sid)
        links.append(tuple((_KEEP[s] if s not in ("+", "\\") else "derived", ids[(tp, off)], st) for s, tp, off, st in pointers
                           if (tp, off) in ids))
    exceptions: dict[str, dict[str, tuple[str, ...]]] = {}
    for pos, name in _FILES.items():
        table = exceptions.setdefault(pos, {})
        exc = folder / f"{name}.exc"
        if exc.exists():
            for line in exc.read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if len(parts) >= 2:
                    table[parts[0].replace("_", " ")] = tuple(p.replace("_", " ") for p in parts[1:])
    return _Index({w: tuple(s) for w, s in words.items()}, lemmas, links, exceptions, frozenset(proper),
                  frozenset(capital - lower))


def _cache_paths(folder: Path) -> list[Path]:
    stamp = f"{_CACHE_VERSION}-{(folder / 'data.noun').stat().st_size}-{int((folder / 'data.noun').stat().st_mtime)}"
    name = f"tightrope-wordnet-{stamp}.pickle"
    return [folder / name, Path(platformdirs.user_cache_dir("tightrope")) / name]


@lru_cache(maxsize=1)
def _index() -> _Index | None:
    folder = _locate()
    if folder is None:
        warnings.warn(
            f"WordNet not found in {data_dir()}; spin repair uses Tightrope's own lists only. "
            "Run scripts/install-wordnet.sh (as root) to install it.",
            RuntimeWarning,
            stacklevel=3,
        )
        return None
    paths = _cache_paths(folder)
    for path in paths:
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            continue
    index = _parse(folder)
    for path in paths:  # the first writable place keeps it for next time
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
            break
        except OSError:
            continue
    return index


def available() -> bool:
    """True when WordNet's data can be read."""
    return _index() is not None


def base_forms(word: str) -> list[str]:
    """The word and its dictionary forms (``visits`` → ``visit``, ``went`` → ``go``)."""
    return list(_base_forms(word))


@lru_cache(maxsize=200_000)
def _base_forms(word: str) -> tuple[str, ...]:
    index = _index()
    forms = [word]
    if index is None:
        return tuple(forms)
    for pos, rules in _MORPHY.items():
        for base in index.exceptions.get(pos, {}).get(word, ()):
            if base not in forms:
                forms.append(base)
        for suffix, replacement in rules:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                base = word[: len(word) - len(suffix)] + replacement
                if base in index.words and base not in forms:
                    forms.append(base)
    return tuple(forms)


@lru_cache(maxsize=200_000)
def relatives(word: str) -> dict[str, float]:
    """Words (lower case, spaces in compounds) that ``word`` may have replaced, with the
    strength of the relation; the word itself, in any inflection, is left out."""
    index = _index()
    key = word.lower().replace("’", "'")
    if index is None or not key:
        return {}
    found: dict[str, float] = {}

    def add(sid: int, strength: float) -> None:
        for name in index.lemmas[sid]:
            if found.get(name, 0.0) < strength:
                found[name] = strength

    for sid in index.words.get(key, ()):
        add(sid, 1.0)
        position = index.lemmas[sid].index(key) + 1
        for kind, target, source in index.links[sid]:
            if kind == "similar" and source in (0, position):
                add(target, 0.8)
            elif kind in ("up", "down") and source == 0:
                add(target, 0.6)
                if kind == "up":
                    children = [t for k, t, s in index.links[target] if k == "down" and s == 0]
                    if len(children) <= SIBLING_LIMIT:
                        for child in children:
                            add(child, 0.5)
            elif kind == "derived" and source == position:
                add(target, 0.5)
    for form in base_forms(key):
        found.pop(form, None)
    return found


def proper_compounds() -> frozenset[str]:
    """WordNet's multiword names, with their capitals: "Cold War", "Communist Party",
    "White House", "Democratic People's Republic of Korea"."""
    index = _index()
    return index.proper if index is not None else frozenset()


def is_proper(word: str) -> bool:
    """True when WordNet writes ``word`` only with a capital ("Chinese", "Asian"): a
    spinner leaves such words alone, so the repairer never swaps them."""
    index = _index()
    return index is not None and word.lower() in index.only_capitalised
