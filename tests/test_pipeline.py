"""The stages together: a spun seed is repaired before coding, and its events point into the
stored (spun) text."""

from __future__ import annotations

from conftest import shared_path

from tightrope import integrity
from tightrope.events.coder import EventCoder
from tightrope.ingest import ingest
from tightrope.ingest.files import read_file
from tightrope.pipeline import code_pending
from tightrope.store.events import query_events


def _visits(events):
    return [e for e in events if e["type"] == "CONSULT" and e["mode"] == "visit"
            and {a["key"] for a in e["source"]} == {"VNM"} and "PRK" in {a["key"] for a in e["target"]}]


def test_spun_seed_is_coded_from_its_repair(store):
    path = shared_path("seeds", "001_f68aae2226054b6b.txt")
    coder = EventCoder()
    ingest(read_file(path), store, prepare=integrity.preparer(store))
    (doc,) = store.documents()
    assert store.get_integrity(doc.id).spun
    code_pending(store, coder, stories=False)
    events = query_events(store, doc_id=doc.id)
    visits = _visits(events)
    assert visits and visits[0]["date"].startswith("2025-10")
    start, end = visits[0]["evidence"]
    assert 0 <= start < end <= len(doc.text)
    # the evidence is the spun sentence as stored, found through the repaired one
    assert "Korea" in doc.text[start:end] or "Pyongyang" in doc.text[start:end]
