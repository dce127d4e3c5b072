"""Everything a briefing is built from, gathered once: the story's documents, their sources,
sentences, events and integrity flags, and helpers to pick and cite sentences.

The sections (:mod:`tightrope.stories.sections`) read a :class:`Context` and return items; none
of them touches the store except through it. A sentence is cited as a span of the document's
stored text, so spun copies (whose events point into their repaired text) are never used as
evidence: their originals are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from rapidfuzz import fuzz

from tightrope.model import Citation, Document, Statement, Story
from tightrope.store import stories as rows
from tightrope.store.events import query_events
from tightrope.stories.features import cosine, term_vector
from tightrope.stories.scoring import Profile
from tightrope.stories.sentences import sentences
from tightrope.stories.sources import SourceGroup, group_sources, outlet_name

# A dateline at the head of a sentence ("HANOI, Vietnam (AP) — ", "SEOUL, Oct 6 (Yonhap) - "),
# left out of the span a briefing cites.
_DATELINE = re.compile(r"^(?:[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'/-]{2,40}(?:,[^—–\-\n]{0,30})?\s*(?:\([^)]{1,40}\))?|\([^)]{1,40}\))\s*[—–-]+\s*")
_BULLET = re.compile(r"[-•*–]\s+")
MAX_SENTENCE = 420  # longer "sentences" are usually run-on copy and read badly in a briefing
SAME_SENTENCE = 82  # token-set ratio above which two sentences say the same


@dataclass(slots=True)
class Candidate:
    """A sentence that may go into the briefing, with where it comes from."""

    doc_id: str
    start: int
    end: int
    text: str
    group: str  # the independent source it belongs to

    def statement(self, ctx: "Context", label: str | None = None, also: list["Candidate"] | None = None) -> Statement:
        cites = [ctx.cite(self)] + [ctx.cite(c) for c in (also or []) if (c.doc_id, c.start) != (self.doc_id, self.start)]
        return Statement(self.text, cites, label)


@dataclass
class Context:
    """A story's material for its briefing."""

    store: object
    story: Story
    row: rows.StoryRow
    members: list[rows.Member]
    groups: list[SourceGroup]
    docs: dict[str, Document]
    events: dict[str, list[dict]]  # doc id → its events (query_events rows)
    flags: dict[str, list]  # doc id → framing flags
    spun: set[str] = field(default_factory=set)
    used: list[str] = field(default_factory=list)  # sentences already in the briefing
    outside: dict[str, Document] = field(default_factory=dict)  # other stories' documents cited

    # -- gathering -----------------------------------------------------------------------

    @classmethod
    def gather(cls, store, story: Story, row: rows.StoryRow) -> "Context":
        members = rows.members(store, row.id)
        groups = group_sources(store, members)
        docs, events, flags, spun = {}, {}, {}, set()
        for m in members:
            doc = store.get_document(m.doc_id)
            if doc is None:
                continue
            docs[m.doc_id] = doc
            events[m.doc_id] = query_events(store, doc_id=m.doc_id)
            found = store.get_integrity(m.doc_id)
            flags[m.doc_id] = list(found.flags) if found else []
            if found is not None and found.spun:
                spun.add(m.doc_id)
        return cls(store, story, row, members, groups, docs, events, flags, spun)

    # -- who and when --------------------------------------------------------------------

    @cached_property
    def group_of(self) -> dict[str, str]:
        return {d.doc_id: g.name for g in self.groups for d in g.docs}

    @cached_property
    def evidence_ids(self) -> list[str]:
        """Documents whose sentences may be cited: not spun, not a near-duplicate of another
        member (its original says the same), originals of each source first."""
        near = {d.doc_id for g in self.groups for d in g.docs if d.how and d.how.startswith("near-duplicate")}
        ordered = [d.doc_id for g in self.groups for d in g.docs]
        return [i for i in ordered if i in self.docs and i not in self.spun and i not in near]

    @cached_property
    def centre(self) -> dict[str, float]:
        return Profile.from_json(self.row.profile, None, None, True).vectors()[0]

    @cached_property
    def day(self) -> date:
        """The story's date: its first precisely dated day, else the middle of its span."""
        if self.row.first_day is not None:
            return date.fromordinal(self.row.first_day)
        return date.today()

    def main_pair(self) -> tuple[str, str] | None:
        """The two states (or organisations) the story names most."""
        keys = main_keys(self.row.profile)
        return (keys[0], keys[1]) if len(keys) >= 2 else None

    # -- sentences -----------------------------------------------------------------------

    @cached_property
    def sentences(self) -> dict[str, list[Candidate]]:
        out: dict[str, list[Candidate]] = {}
        for doc_id in self.evidence_ids:
            text = self.docs[doc_id].text
            out[doc_id] = [c for s, e in sentences(text) if (c := self.candidate(doc_id, s, e)) is not None]
        return out

    def candidate(self, doc_id: str, start: int, end: int) -> Candidate | None:
        """The citable sentence at ``[start, end)`` of a document, without a leading dateline
        or surrounding quotation marks; None when it is too short or too long to quote."""
        text = self.document(doc_id).text
        m = _DATELINE.match(text, start, end) or _BULLET.match(text, start, end)
        if m and m.end() < end:
            start = m.end()
        span = text[start:end]
        quotes = sum(span.count(q) for q in "\"“”")
        if quotes == 1 and span[:1] in "\"“":  # an opening quotation mark with no close: a fragment's
            start += 1
        elif quotes == 1 and span[-1:] in "\"”":
            end -= 1
        plain = " ".join(text[start:end].split())
        if len(plain.split()) < 6 or len(plain) > MAX_SENTENCE or plain.endswith((":", ",")):
            return None
        group = self.group_of.get(doc_id) or outlet_name(self.document(doc_id).outlet)
        return Candidate(doc_id, start, end, plain, group)

    def document(self, doc_id: str) -> Document:
        """A member document, or another stored one the briefing cites (loaded once)."""
        if doc_id in self.docs:
            return self.docs[doc_id]
        if doc_id not in self.outside:
            self.outside[doc_id] = self.store.get_document(doc_id)
        return self.outside[doc_id]

    def outside_candidate(self, event: dict) -> Candidate | None:
        """The citable evidence sentence of an event stored from a document of another story."""
        if self.document(event["doc_id"]) is None:
            return None
        start, end = event["evidence"]
        return self.candidate(event["doc_id"], start, end)

    def all_sentences(self) -> list[Candidate]:
        """Every citable sentence of the evidence documents that reads on its own (not a piece
        of a quotation cut by the sentence splitter)."""
        return [c for doc_id in self.evidence_ids for c in self.sentences.get(doc_id, []) if _whole(c.text)]

    def centrality(self, c: Candidate) -> float:
        return cosine(term_vector(None, c.text), self.centre)

    def is_used(self, text: str) -> bool:
        return any(fuzz.token_set_ratio(text, u) >= SAME_SENTENCE for u in self.used)

    def use(self, c: Candidate) -> Candidate:
        self.used.append(c.text)
        return c

    def evidence_of(self, event: dict) -> Candidate | None:
        """The citable sentence of an event: the sentence holding its evidence span (the
        coder's own sentence split can cut at "12.7. 1995"), else the span itself, trimmed."""
        if event["doc_id"] not in self.sentences:
            return None
        start, end = event["evidence"]
        for c in self.sentences[event["doc_id"]]:
            if c.start - 3 <= start < c.end:
                return c
        return self.candidate(event["doc_id"], start, end)

    def cite(self, c: Candidate) -> Citation:
        doc = self.document(c.doc_id)
        return Citation(c.doc_id, c.start, c.end, outlet=doc.outlet, url=doc.url)

    def flag_labels(self, c: Candidate) -> list[str]:
        """The integrity stage's framing flags on the sentence (labels, e.g. "loaded wording")."""
        return sorted({f.label or f.kind for f in self.flags.get(c.doc_id, []) if f.start < c.end and c.start < f.end})


def _whole(text: str) -> bool:
    """Whether a sentence's quotation marks pair up and it starts like a sentence."""
    straight = text.count('"')
    return straight % 2 == 0 and text.count("“") == text.count("”") and not text[:1].islower()


def main_keys(profile: dict) -> list[str]:
    """A story profile's state and organisation keys, most named first."""
    return [k[2:] for k, _ in sorted((profile.get("a") or {}).items(), key=lambda kv: -kv[1]) if k.startswith("K:")]
