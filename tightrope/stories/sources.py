"""Independent sources: wire copies, rewrites and reprints grouped under the text they repeat.

Counting outlets overstates agreement: an AP story reprinted by a partner site, excerpted on a
blog and rewritten by an aggregator is one source, not four. Documents of one story are
grouped when

- the store linked them as near-duplicates (syndicated copies), or the integrity stage linked
  a spun copy to its original;
- their outlet lines or datelines credit the same news agency ("AP (via Winnipeg Free Press)",
  "CRBC News (rewrite of AP)", "Deccan Herald (Reuters)", "HANOI, Vietnam (AP) —"), from
  ``data/agencies.yaml``; a photo credit is not a text credit;
- they come from the same outlet; or
- one repeats most of the other's sentences (half or more of its sentences, quotations left
  out since two reporters may quote one speaker, closely match one of the other's).

Each group has an original — the agency's own copy when there is one, else the earliest — and
every other member says how it was linked. This module reads documents; it writes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import yaml
from rapidfuzz import fuzz

from tightrope.errors import DictionaryError
from tightrope.stories.sentences import sentences

REPEAT_SHARE = 0.5  # share of a document's sentences found in another that makes it a copy
SENTENCE_MATCH = 75  # rapidfuzz token-set ratio at which two sentences say the same thing
MIN_WORDS = 8  # shorter sentences ("He said so.") match anything
_QUOTATION = re.compile(r"[“\"][^”\"]{10,}[”\"]")
_DATELINE_CHARS = 160


@dataclass(frozen=True, slots=True)
class Agency:
    name: str
    pattern: re.Pattern


@lru_cache(maxsize=1)
def agencies() -> tuple[list[Agency], re.Pattern]:
    """The agencies of ``data/agencies.yaml`` and the pattern of non-text credits."""
    path = files("tightrope.stories") / "data" / "agencies.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out = []
        for raw in data["agencies"]:
            names = [re.escape(n) for n in raw.get("names", [])]
            acronyms = [re.escape(a) for a in raw.get("acronyms", [])]
            parts = ([f"(?i:{'|'.join(names)})"] if names else []) + acronyms
            out.append(Agency(raw["name"], re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])")))
        credits = re.compile(r"\b(?:" + "|".join(map(re.escape, data["not_text_credits"])) + r")\b[^;,)]*", re.I)
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise DictionaryError(f"{path}: malformed agency list ({exc})") from None
    return out, credits


def agency_in(line: str | None) -> str | None:
    """The first agency an outlet line credits with the text, or None."""
    if not line:
        return None
    table, credits = agencies()
    line = credits.sub(" ", line)
    found = [(m.start(), a.name) for a in table for m in [a.pattern.search(line)] if m]
    return min(found)[1] if found else None


def dateline_agency(text: str) -> str | None:
    """The agency of a dateline at the head of the text: "HANOI, Vietnam (AP) —", "(Reuters) -"."""
    head = text[:_DATELINE_CHARS]
    for m in re.finditer(r"\(([^()]{2,40})\)\s*[-–—:]", head):
        agency = agency_in(m.group(1))
        if agency:
            return agency
    return None


def outlet_name(outlet: str | None) -> str:
    """An outlet line without its notes: "Viet Nam News (VNA/VNS)" → "Viet Nam News"."""
    if not outlet:
        return "unknown outlet"
    return re.split(r"\s+[(/]|\s+[-–—]\s+", outlet.strip(), maxsplit=1)[0].strip() or outlet.strip()


@dataclass(slots=True)
class SourceDoc:
    """One document of a source group; ``how`` says why it is under the original."""

    doc_id: str
    outlet: str | None
    published: str | None
    how: str | None = None
    spun: bool = False


@dataclass(slots=True)
class SourceGroup:
    """One independent source: the original first, then its copies."""

    name: str
    docs: list[SourceDoc] = field(default_factory=list)
    agency: str | None = None

    @property
    def original(self) -> SourceDoc:
        return self.docs[0]

    @property
    def ids(self) -> list[str]:
        return [d.doc_id for d in self.docs]


@dataclass(slots=True)
class _Doc:
    id: str
    outlet: str | None
    published: str | None
    text: str
    near: str | None
    similarity: float | None
    copy_of: str | None
    spun: bool
    credited: str | None  # agency credited by the outlet line
    dateline: str | None  # agency credited by the dateline


def group_sources(store, members) -> list[SourceGroup]:
    """The independent sources of a story's documents (``members``: records with ``doc_id``,
    ``outlet``, ``published``, ``near_duplicate_of``, ``similarity``), largest group first."""
    docs = []
    for m in members:
        stored = store.get_document(m.doc_id)
        found = store.get_integrity(m.doc_id)
        text = (found.repaired if found is not None and found.repaired else None) or (stored.text if stored else "")
        docs.append(_Doc(m.doc_id, m.outlet, m.published, text, m.near_duplicate_of, m.similarity,
                         found.copy_of if found else None, bool(found and found.spun), agency_in(m.outlet),
                         dateline_agency(stored.text) if stored else None))
    return group(docs)


def group(docs: list[_Doc]) -> list[SourceGroup]:
    """Group documents into sources (see the module docstring)."""
    by_id = {d.id: d for d in docs}
    parent = {d.id: d.id for d in docs}
    links: dict[str, list[tuple[str, str]]] = {d.id: [] for d in docs}  # doc → [(other, how)]

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def link(a: str, b: str, a_how: str, b_how: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
        links[a].append((b, a_how))
        links[b].append((a, b_how))

    for d in docs:
        if d.near in by_id:
            sim = f" (similarity {d.similarity:.2f})" if d.similarity else ""
            link(d.id, d.near, f"near-duplicate of {d.near}{sim}", f"near-duplicate of {d.id}{sim}")
        if d.copy_of in by_id:
            link(d.id, d.copy_of, f"spun copy of {d.copy_of}", f"original of the spun copy {d.id}")
    first_of: dict[str, str] = {}
    for d in sorted(docs, key=_rank):
        agency = d.dateline or d.credited
        key = "agency:" + agency if agency else "outlet:" + outlet_name(d.outlet).lower()
        if key not in first_of:
            first_of[key] = d.id
            continue
        if agency:
            why = f"carries {agency}'s dateline" if d.dateline else f"its outlet line credits {agency} ({d.outlet})"
        else:
            why = f"same outlet as {first_of[key]}"
        link(d.id, first_of[key], why, why)
    originals: list[_Doc] = []
    for d in sorted(docs, key=_rank):
        if any(find(o.id) == find(d.id) for o in originals):
            continue  # already under an original
        for o in originals:
            share, n, total = repeated_share(d.text, o.text)
            if share >= REPEAT_SHARE:
                link(d.id, o.id, f"repeats {n} of its {total} sentences from {o.id}", f"repeated by {d.id}")
                break
        else:
            originals.append(d)

    groups: dict[str, list[_Doc]] = {}
    for d in docs:
        groups.setdefault(find(d.id), []).append(d)
    out = []
    for members in groups.values():
        members.sort(key=_rank)
        head = members[0]
        agency = next((m.dateline or m.credited for m in members if m.dateline or m.credited), None)
        out.append(SourceGroup(
            name=agency or outlet_name(head.outlet),
            agency=agency,
            docs=[SourceDoc(m.id, m.outlet, m.published, None if m is head else _how(m.id, head.id, links), m.spun)
                  for m in members],
        ))
    return sorted(out, key=lambda g: (-len(g.docs), g.original.published or "", g.name))


def _how(doc_id: str, head: str, links: dict[str, list[tuple[str, str]]]) -> str:
    """Why a document is under its group's original: its link to the original if it has one."""
    mine = links[doc_id]
    direct = [how for other, how in mine if other == head]
    return (direct or [how for _, how in mine] or ["grouped"])[0]


def _rank(d: _Doc) -> tuple:
    """Which document of a group is the original: the agency's own dateline, then an outlet
    line that is the agency itself, then one crediting an agency, then not spun, not a copy,
    earliest, longest."""
    own = d.credited is not None and outlet_name(d.outlet) == d.credited
    return (d.dateline is None, not own, d.credited is None, d.spun, d.near is not None or d.copy_of is not None,
            d.published or "9999", -len(d.text), d.id)


def repeated_share(text: str, original: str) -> tuple[float, int, int]:
    """Share of ``text``'s sentences (of at least MIN_WORDS words, quotations removed) that
    closely match a sentence of ``original``; with the counts."""
    mine, theirs = _plain_sentences(text), _plain_sentences(original)
    if not mine or not theirs:
        return 0.0, 0, len(mine)
    hits = sum(1 for s in mine if max(fuzz.token_set_ratio(s, t) for t in theirs) >= SENTENCE_MATCH)
    return hits / len(mine), hits, len(mine)


def _plain_sentences(text: str) -> list[str]:
    out = []
    for start, end in sentences(text):
        plain = _QUOTATION.sub(" ", text[start:end])
        if len(plain.split()) >= MIN_WORDS:
            out.append(plain)
    return out
