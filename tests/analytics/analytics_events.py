"""Constructed event sets for the analytics tests, written through the real store API
(``Store.add_documents`` and ``save_events``) into a real database."""

from __future__ import annotations

import itertools

import pytest

from tightrope.model import Document, Event, EventActor
from tightrope.store import Store
from tightrope.store.events import save_events

_QUAD = {"CONSULT": 1, "AGREE": 1, "SUPPORT": 1, "REQUEST": 3, "ACCUSE": 3, "COOPERATE": 2, "AID": 2,
         "SANCTION": 4, "ASSAULT": 4, "THREATEN": 3}
_counter = itertools.count()


def event(source: str, target: str | None, type_: str, date: str | None, *, certainty: str = "asserted",
          goldstein: float = 1.0, reciprocal: bool = False, source_text: str | None = None,
          target_text: str | None = None, also_source: str | None = None) -> Event:
    """One coded event; actors are named by ``*_text`` (default: the bare key, no office)."""
    src = [EventActor(source, None, source_text or source)]
    if also_source:
        src.append(EventActor(also_source, None, also_source))
    tgt = [EventActor(target, None, target_text or target)] if target else []
    return Event(doc_id="", type=type_, source=src, target=tgt, evidence=(0, 10), certainty=certainty,
                 date=date, goldstein=goldstein, quad=_QUAD[type_], reciprocal=reciprocal)


def add_events(store: Store, events: list[Event], doc_id: str | None = None) -> str:
    """Store one document holding ``events`` (the evidence span is its first ten characters)."""
    doc_id = doc_id or f"doc-{next(_counter)}"
    store.add_documents([Document(id=doc_id, text=f"Evidence sentence of {doc_id}. " * 3, published="2025-01-01")])
    save_events(store, {doc_id: events}, "test")
    return doc_id


@pytest.fixture
def any_store(db_url):
    """A fresh store on each engine (SQLite file, PostgreSQL test server); import it into a
    test module to use it."""
    s = Store(db_url)
    yield s
    s.close()
