"""Loading batch results into a store: what ``tightrope import parquet:DIR`` and
``tightrope batch … --db URL`` run.

Parts are loaded in input order and their documents offered to the store in runs of
:data:`~tightrope.ingest.BATCH_SIZE`, exactly as ``tightrope ingest`` offers them, so that
duplicates, near-duplicate links and stories come out as from one serial ingest. What a worker
could not know — a spun copy's original stored by another part, or a stored copy waiting for
the original this part brings — is settled here with the store at hand; a document whose
integrity record changes for it is coded again on the spot (by the usual ``code_pending``),
every other keeps the events its worker coded. Stories are clustered last, over everything
loaded.
"""

from __future__ import annotations

from collections.abc import Callable

from tightrope.batch import rows
from tightrope.events import CODER_VERSION
from tightrope.ingest import BATCH_SIZE, IngestReport
from tightrope.model import Document, Event
from tightrope.store import Store
from tightrope.store.events import mark_uncoded, save_events


def _integrity_key(doc: Document):
    i = doc.integrity
    return None if i is None else (i.spun, i.copy_of, i.repaired, [(e.start, e.end, e.restored) for e in i.edits])


class Loader:
    """Feeds parts' rows into a store, in order; call :meth:`finish` at the end."""

    def __init__(self, store: Store, report: IngestReport | None = None,
                 on_document: Callable[[], None] | None = None):
        from tightrope.integrity import IntegrityChecker

        self.store = store
        self.report = report or IngestReport()
        self.checker = IntegrityChecker(store)
        self.on_document = on_document
        self._pending: list[tuple[Document, list[Event] | None]] = []

    def add_part(self, part_rows: dict[str, list[dict]], failed: list | None = None) -> None:
        """Queue one part's rows (``documents``, ``integrity``, ``events``)."""
        self.report.failed.extend(tuple(f) for f in failed or [])
        docs = rows.documents_from_rows(part_rows["documents"], part_rows["integrity"])
        by_position: dict[int, list[Event]] = {}
        for r in part_rows["events"]:
            by_position.setdefault(r["position"], []).append(rows.event_from_row(r))
        for doc, row in zip(docs, sorted(part_rows["documents"], key=lambda r: r["position"])):
            # None: the worker did not code it (a repeat inside its part), so it is coded here if stored
            self._pending.append((doc, by_position.get(row["position"], []) if row["coded"] else None))
            if len(self._pending) >= BATCH_SIZE:
                self._flush()

    def finish(self, on_coded: Callable[[], None] | None = None) -> tuple[IngestReport, int]:
        """Load what is queued, code what must be coded again, cluster stories; returns the
        report and the number of events coded here."""
        from tightrope.pipeline import code_pending

        if self._pending:
            self._flush()
        return self.report, code_pending(self.store, on_document=on_coded)

    def _flush(self) -> None:
        chunk, self._pending = self._pending, []
        docs = [d for d, _ in chunk]
        events = {id(d): evs for d, evs in chunk}
        before = {id(d): _integrity_key(d) for d in docs}
        for d in docs:  # a spun copy may find its original in the store, or in this run
            if d.integrity is not None and d.integrity.spun:
                d.integrity = self.checker.check(d, batch=docs)
        relinked = self._relink(docs)
        changed = {id(d) for d in docs if _integrity_key(d) != before[id(d)] or events[id(d)] is None}
        # originals before their copies, as the ingest's integrity hook orders them
        ordered = sorted(docs, key=lambda d: bool(d.integrity and d.integrity.copy_of))
        coded: dict[str, list[Event]] = {}
        for doc, result in zip(ordered, self.store.add_documents(ordered)):
            if result.status == "added":
                self.report.added.append(result.doc_id)
            elif result.status == "near-duplicate":
                self.report.near_duplicates.append((result.doc_id, result.of, result.similarity))
            elif result.status == "duplicate":
                self.report.duplicates.append((result.doc_id, result.of))
            else:
                self.report.failed.append((result.doc_id, f"id already used by another article ({result.of}): give this one a new id"))
            if result.status in ("added", "near-duplicate") and id(doc) not in changed:
                coded[doc.id] = events[id(doc)]
            if self.on_document:
                self.on_document()
        if coded:
            save_events(self.store, coded, CODER_VERSION)
        if relinked:
            mark_uncoded(self.store, relinked)  # re-repaired by their new original: coded again

    def _relink(self, docs: list[Document]) -> list[str]:
        """Stored spun copies still waiting for an original that a clean document here is:
        their new records ride on the original's (as at ingest). Returns their ids."""
        if not self.store.has_unlinked_spun():
            return []
        found = []
        for d in docs:
            if d.integrity is None or d.integrity.spun:
                continue
            if self.store.unlinked_spun_candidates(d.integrity.fingerprint):
                self.checker.prepare([d])  # a clean document's own record comes out the same
                found += [c.doc_id for c in d.integrity.copies]
        return found


class InOrder:
    """Loads parts into a :class:`Loader` in input order as they finish in any order (a
    part waits for the ones before it; parts finished by an earlier run are read back from
    the output folder when their turn comes)."""

    def __init__(self, loader: Loader, output, parts):
        self.loader, self.output = loader, output
        self.order = [p.index for p in parts]
        self.pos = 0
        earlier = output.finished()
        self.ready: dict[int, tuple[dict | None, dict]] = {
            p.index: (None, earlier[p.key]) for p in parts if p.key in earlier}

    def add(self, result: dict, entry: dict) -> None:
        self.ready[entry["index"]] = (result, entry)
        while self.pos < len(self.order) and self.order[self.pos] in self.ready:
            self._load(self.order[self.pos])
            self.pos += 1

    def finish(self) -> None:
        """Load what is left (parts after a failed one), skipping the failed."""
        for index in self.order[self.pos:]:
            if index in self.ready:
                self._load(index)
        self.pos = len(self.order)

    def _load(self, index: int) -> None:
        result, entry = self.ready.pop(index)
        self.loader.add_part(result if result is not None else self.output.read(entry), entry.get("failed"))
