"""The stages put together: what ``tightrope ingest`` and ``tightrope demo`` run.

Each stage stays ignorant of the ones after it; this module is where they meet. Coding runs
after the documents of a batch are stored, on every stored document not yet coded by this
coder version — so a run killed between storing and coding is completed by the next one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tightrope.events import CODER_VERSION
from tightrope.events.coder import EventCoder, Input
from tightrope.ingest import IngestReport, Item, ingest
from tightrope.store import Store
from tightrope.store.events import save_events, uncoded_document_ids

CODE_BATCH = 64


def code_pending(store: Store, coder: EventCoder | None = None, on_document: Callable[[], None] | None = None) -> int:
    """Code every stored document not yet coded by this coder; returns the events written."""
    pending = uncoded_document_ids(store, CODER_VERSION)
    if not pending:
        return 0
    coder = coder or EventCoder()
    written = 0
    for i in range(0, len(pending), CODE_BATCH):
        docs = [store.get_document(doc_id) for doc_id in pending[i : i + CODE_BATCH]]
        inputs = [Input(d.id, text_for_coding(store, d), d.published) for d in docs]
        coded = {item.id: events for item, events in zip(inputs, coder.code_many(inputs))}
        written += save_events(store, coded, CODER_VERSION)
        if on_document:
            for _ in docs:
                on_document()
    return written


def text_for_coding(store: Store, doc) -> str:
    """The text the coder reads: the stored text (the integrity stage may supply a repaired one)."""
    getter = getattr(store, "text_for_coding", None)
    return getter(doc.id) if getter else doc.text


def ingest_and_code(items: Iterable[Item], store: Store, report: IngestReport | None = None, **kw) -> tuple[IngestReport, int]:
    """Ingest, then code what is new. Returns the report and the number of events written."""
    report = ingest(items, store, report=report, **kw)
    return report, code_pending(store)
