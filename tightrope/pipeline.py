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
from tightrope.model import Document, Event
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
        for d in docs:
            d.integrity = store.get_integrity(d.id)  # one read per document, used twice
        written += save_events(store, code_documents(docs, coder), CODER_VERSION)
        if on_document:
            for _ in docs:
                on_document()
    if stories:
        assign_stories(store, coder.resolver)
    return written


def code_documents(docs: list[Document], coder: EventCoder) -> dict[str, list[Event]]:
    """The events of each document (coded from its repaired text when the integrity record
    it carries says it is spun), their offsets into ``Document.text``. The coding step of
    :func:`code_pending`, shared with batch runs (:mod:`tightrope.batch`)."""
    inputs = [Input(d.id, _text_for_coding(d, d.integrity), d.published) for d in docs]
    coded = {item.id: events for item, events in zip(inputs, coder.code_many(inputs))}
    for doc in docs:
        _to_original_offsets(doc.integrity, coded[doc.id])
    return coded


def _text_for_coding(doc, check) -> str:
    """The text the coder reads: the repaired text of a spun document, else the stored text."""
    return check.repaired if check is not None and check.repaired is not None else doc.text


def _to_original_offsets(check, events) -> None:
    """Events of a repaired (spun) text point into the stored original: every output stays
    traceable to ``Document.text``."""
    if check is None or check.repaired is None or not check.edits:
        return
    from tightrope.integrity.repair import original_offset

    for e in events:
        e.evidence = (original_offset(check.edits, e.evidence[0]), original_offset(check.edits, e.evidence[1]))


def assign_stories(store: Store, resolver=None) -> list[Assignment]:
    """Put every stored document that is in no story into one (see :mod:`tightrope.stories`)."""
    return assign_pending(store, resolver)


def ingest_and_code(items: Iterable[Item], store: Store, report: IngestReport | None = None, **kw) -> tuple[IngestReport, int]:
    """Ingest (with the integrity stage), then code what is new and put it into stories.
    Returns the report and the number of events written."""
    from tightrope import integrity

    kw.setdefault("prepare", integrity.preparer(store))
    report = ingest(items, store, report=report, **kw)
    return report, code_pending(store)
