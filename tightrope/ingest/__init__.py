"""The ingest stage: files, folders, URLs and feeds into stored documents.

Readers (:mod:`.files`, :mod:`.web`) turn each input into documents or errors; :func:`ingest`
hands documents to the store in batches — one transaction each — and gathers what happened
into an :class:`IngestReport`. Failures are reported per input and never stop the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tightrope.errors import InputError
from tightrope.model import Document

BATCH_SIZE = 100

Item = Document | InputError
# Called with each document just before it is offered to the store (integrity, coding…).
Preparer = Callable[[list[Document]], list[Document]]


@dataclass
class IngestReport:
    """What an ingest run did, article by article."""

    added: list[str] = field(default_factory=list)
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)  # (id, of, similarity)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (id, stored copy)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    skipped_files: int = 0

    @property
    def stored(self) -> list[str]:
        """Ids of documents this run added (near-duplicates included)."""
        return self.added + [d for d, _, _ in self.near_duplicates]

    def summary(self) -> str:
        """One line: added, duplicates, failed with reasons."""
        parts = [f"{len(self.stored)} added"]
        if self.near_duplicates:
            parts[0] += f" ({len(self.near_duplicates)} linked as near-duplicates)"
        parts.append(f"{len(self.duplicates)} duplicates skipped")
        parts.append(f"{len(self.failed)} failed")
        if self.skipped_files:
            parts.append(f"{self.skipped_files} files of other types ignored")
        line = ", ".join(parts)
        if self.failed:
            reasons = "; ".join(f"{src}: {why}" for src, why in self.failed[:3])
            more = f"; and {len(self.failed) - 3} more" if len(self.failed) > 3 else ""
            line += f" — {reasons}{more}"
        return line


def ingest(
    items: Iterable[Item],
    store,
    batch_size: int = BATCH_SIZE,
    on_item: Callable[[Item], None] | None = None,
    prepare: Preparer | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Store every document of ``items`` in batches of ``batch_size`` (one transaction per
    batch); record errors. ``on_item`` is called once per item (for progress bars)."""
    report = report or IngestReport()
    batch: list[Document] = []

    def flush() -> None:
        docs = prepare(batch) if prepare else batch
        for result in store.add_documents(docs):
            if result.status == "added":
                report.added.append(result.doc_id)
            elif result.status == "near-duplicate":
                report.near_duplicates.append((result.doc_id, result.of, result.similarity))
            elif result.status == "duplicate":
                report.duplicates.append((result.doc_id, result.of))
            else:
                report.failed.append((result.doc_id, f"id already used by another article ({result.of}): give this one a new id"))
        batch.clear()

    for item in items:
        if isinstance(item, InputError):
            report.failed.append((item.source, item.reason))
        else:
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        if on_item:
            on_item(item)
    if batch:
        flush()
    return report
