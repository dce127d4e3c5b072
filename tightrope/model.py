"""The record types every stage of the pipeline reads and writes.

Plain, typed dataclasses with no behaviour beyond small conveniences: a stage takes these in
and gives these out, and never reaches into another stage's internals. A later stage adds
fields here rather than defining a parallel type. Every record that comes from text carries
the id of its document and character offsets ``[start, end)`` into that document's ``text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Certainty = Literal["asserted", "attributed", "speculative", "planned", "negated", "hypothetical"]


@dataclass(slots=True)
class Document:
    """One article as stored.

    ``id`` is the id given at ingest (a JSONL ``id``) or one derived from the article's URL or
    text; every later output refers back to it. ``text`` is the main text; offsets of every
    sentence, mention, event and flag point into it. ``published`` is an ISO date (``2025-11-02``)
    or a shorter prefix (``2025-11``) when only that is known.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    source: str | None = None  # where it came from: a path, path:line, a URL or a feed
    meta: dict[str, Any] = field(default_factory=dict)  # further fields given at ingest
    # Filled by the store's duplicate detection: the earliest stored copy this one repeats.
    near_duplicate_of: str | None = None
    similarity: float | None = None
    # Filled by the integrity stage before storing: spin verdict, repaired text, framing flags.
    integrity: Integrity | None = None

    @property
    def text_for_coding(self) -> str:
        """The text later stages read: the repaired text of a spun document, else ``text``."""
        if self.integrity is not None and self.integrity.repaired is not None:
            return self.integrity.repaired
        return self.text

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.integrity is None:
            out.pop("integrity")
        return out


@dataclass(slots=True)
class Sentence:
    """A sentence of a document: ``text == document.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """A resolved actor: a key (ISO-3166 alpha-3 or ``IGO:ACRONYM``) and a sector."""

    key: str
    sector: str | None = None
    name: str | None = None  # the dictionary entry's name, e.g. "To Lam" or "Vietnam"


@dataclass(slots=True)
class Mention:
    """A span of text that refers to an actor (``actor`` is None when unresolved)."""

    doc_id: str
    start: int
    end: int
    text: str
    actor: Actor | None = None
    entry: str | None = None  # which dictionary entry matched, e.g. "people.asia:To Lam"
    via: str | None = None  # how: the phrase kinds joined, e.g. "adjective+title+name"
    role: str | None = None  # the office the mention refers to on the date ("party_leader", "former head_of_state")


@dataclass(slots=True)
class EventActor:
    """An actor in an event, with the text that named it."""

    key: str
    sector: str | None = None
    text: str | None = None


@dataclass(slots=True)
class Event:
    """One PLOVER event, as defined in ANNOTATION.md, with its evidence offsets."""

    doc_id: str
    type: str
    source: list[EventActor]
    target: list[EventActor]
    evidence: tuple[int, int]
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    reciprocal: bool = False
    certainty: Certainty = "asserted"
    attribution: str | None = None  # the named source for ``attributed`` events
    date: str | None = None
    historical: bool = False
    cameo: str | None = None
    goldstein: float | None = None
    quad: int | None = None
    trigger: str | None = None  # the word or phrase that triggered the event


@dataclass(slots=True)
class Story:
    """A cluster of documents about one happening (see :mod:`tightrope.stories`).

    ``id`` is the store's story number; ``documents`` the ids given at ingest, oldest first.
    ``sources`` counts independent sources (wire copies and rewrites grouped under their
    original); ``actors`` are the most prominent actor keys and people, ``event_types`` the
    PLOVER types coded in its documents, most frequent first.
    """

    id: int
    title: str
    documents: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    sources: int = 0
    actors: list[str] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Citation:
    """Where a briefing sentence comes from: ``[start, end)`` of document ``doc_id``'s
    ``text`` (or of its ``title`` when ``field`` is ``"title"``)."""

    doc_id: str
    start: int
    end: int
    field: str = "text"
    outlet: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Statement:
    """One sentence of a briefing and the spans that support it. ``label`` says what the
    sentence is where a section needs it (a date in the timeline, a source, a question)."""

    text: str
    cites: list[Citation] = field(default_factory=list)
    label: str | None = None


@dataclass(slots=True)
class BriefingItem:
    """A block of a section: a source in "What the papers say", a question in "Go deeper", a
    card in "More on these topics". ``notes`` are facts Tightrope states about the documents
    themselves (which copies were grouped, why an article was left out), not claims from them."""

    heading: str | None = None
    statements: list[Statement] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class BriefingSection:
    """One section of a briefing: ``key`` is ``happened``, ``behind``, ``papers``,
    ``timeline``, ``deeper`` or ``topics``."""

    key: str
    title: str
    items: list[BriefingItem] = field(default_factory=list)


@dataclass(slots=True)
class Briefing:
    """The page for one story: every statement cites the document spans it comes from."""

    story: Story
    sections: list[BriefingSection] = field(default_factory=list)
    writer: str = "extractive"
    dropped: list[str] = field(default_factory=list)  # generated sentences that failed the source check

    def section(self, key: str) -> BriefingSection | None:
        return next((s for s in self.sections if s.key == key), None)

    def statements(self) -> list[Statement]:
        """Every statement of every section, in order."""
        return [st for s in self.sections for item in s.items for st in item.statements]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Edit:
    """One repair of spun text: ``Document.text[start:end]`` (``spun``) is read as ``restored``.

    ``via`` says how it was found: ``original`` (aligned with the stored original), ``habit``
    (a known spinner substitution), ``phrase`` (a broken fixed phrase restored through WordNet),
    ``sense`` (a function word written as its rare dictionary namesake: "arsenic" for *as*).
    """

    start: int
    end: int
    spun: str
    restored: str
    confidence: float
    via: str


@dataclass(slots=True)
class FramingFlag:
    """A sentence that carries a claim with no named source, or loaded wording.

    ``kind`` is ``unsourced`` or ``loaded``; ``cue`` is the words that raised it, at
    ``[cue_start, cue_end)``; ``[start, end)`` is the sentence, all offsets into ``Document.text``.
    """

    doc_id: str
    start: int
    end: int
    kind: str
    cue: str
    cue_start: int
    cue_end: int
    label: str | None = None


@dataclass(slots=True)
class Integrity:
    """What the integrity stage found in one document.

    ``score`` is the spin score (telling spinner traces per 100 words); ``spun`` the verdict.
    ``repaired`` is the text with ``edits`` applied (None when not spun): edits are spans into
    the original ``Document.text``, which is never changed. ``copy_of`` is the stored original
    a spun copy repeats, with ``copy_similarity`` (share of the shorter text's words found in
    the same order in the other).
    """

    doc_id: str
    spun: bool
    score: float
    repaired: str | None = None
    edits: list[Edit] = field(default_factory=list)
    flags: list[FramingFlag] = field(default_factory=list)
    copy_of: str | None = None
    copy_similarity: float | None = None
    fingerprint: list[str] = field(default_factory=list)  # names and numbers in order (linking)
    # Stored spun copies of this document, re-repaired by alignment with it: written with it.
    copies: list[Integrity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
