"""The stages put together: what ``tightrope ingest`` and ``tightrope demo`` run.

Each stage stays ignorant of the ones after it; this module is where they meet. Coding runs
after the documents of a batch are stored, on every stored document not yet coded by this
coder version — so a run killed between storing and coding is completed by the next one.
Stories form after coding (so that a document's events count): every stored document in no
story joins one or starts one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tightrope.events import CODER_VERSION
from tightrope.events.coder import EventCoder, Input
from tightrope.ingest import IngestReport, Item, ingest
from tightrope.store import Store
from tightrope.store.events import save_events, uncoded_document_ids
from tightrope.stories.cluster import Assignment, assign_pending

CODE_BATCH = 64


def code_pending(store: Store, coder: EventCoder | None = None, on_document: Callable[[], None] | None = None,
                 stories: bool = True) -> int:
    """Code every stored document not yet coded by this coder, then (``stories``) put every
    document in no story into one; returns the events written."""
    pending = uncoded_document_ids(store, CODER_VERSION)
    if not pending:
        if stories:
            assign_stories(store, coder.resolver if coder else None)
        return 0
    coder = coder or EventCoder()
    written = 0
    for i in range(0, len(pending), CODE_BATCH):
        docs = [store.get_document(doc_id) for doc_id in pending[i : i + CODE_BATCH]]
        inputs = [Input(d.id, text_for_coding(store, d), d.published) for d in docs]
        coded = {item.id: events for item, events in zip(inputs, coder.code_many(inputs))}
        for doc_id, events in coded.items():
            _to_original_offsets(store, doc_id, events)
        written += save_events(store, coded, CODER_VERSION)
        if on_document:
            for _ in docs:
                on_document()
    if stories:
        assign_stories(store, coder.resolver)
    return written


def _to_original_offsets(store: Store, doc_id: str, events) -> None:
    """Events of a repaired (spun) text point into the stored original: every output stays
    traceable to ``Document.text``."""
    getter = getattr(store, "get_integrity", None)
    record = getter(doc_id) if getter else None
    edits = getattr(record, "edits", None) if record is not None and getattr(record, "repaired", None) is not None else None
    if not edits:
        return
    from tightrope.integrity.repair import original_offset

    for e in events:
        e.evidence = (original_offset(edits, e.evidence[0]), original_offset(edits, e.evidence[1]))


def assign_stories(store: Store, resolver=None) -> list[Assignment]:
    """Put every stored document that is in no story into one (see :mod:`tightrope.stories`)."""
    return assign_pending(store, resolver)


def text_for_coding(store: Store, doc) -> str:
    """The text the coder reads: the stored text (the integrity stage may supply a repaired one)."""
    getter = getattr(store, "text_for_coding", None)
    return getter(doc.id) if getter else doc.text


def ingest_and_code(items: Iterable[Item], store: Store, report: IngestReport | None = None, **kw) -> tuple[IngestReport, int]:
    """Ingest (with the integrity stage), then code what is new and put it into stories.
    Returns the report and the number of events written."""
    from tightrope import integrity

    kw.setdefault("prepare", integrity.preparer(store))
    report = ingest(items, store, report=report, **kw)
    return report, code_pending(store)
