"""The work of one part, as a worker does it: read → integrity → events (→ actors).

A worker process loads the language pipeline once (:func:`pipeline`, called at worker start
by :class:`PipelinePlugin` and again, cheaply, by every task) and keeps it for every part it
is given. The stages run exactly as in ``tightrope ingest``: the integrity checker over the
part's documents (a spun copy finds an original in the same part; one stored elsewhere is
found when the part is imported), then the coder over each document's text for coding. This
module writes nothing: it returns rows (:mod:`tightrope.batch.rows`).
"""

from __future__ import annotations

import os
import time
from typing import Any

from tightrope.batch import rows
from tightrope.batch.parts import Part, read_part
from tightrope.errors import InputError
from tightrope.ingest import dedup
from tightrope.model import Document

_PIPELINE: dict[str, Any] = {}


def pipeline() -> dict[str, Any]:
    """This process's integrity checker and event coder, loaded on first use."""
    if not _PIPELINE:
        from tightrope.events.coder import EventCoder
        from tightrope.integrity import IntegrityChecker

        _PIPELINE["checker"] = IntegrityChecker()
        _PIPELINE["coder"] = EventCoder()
        _PIPELINE["loaded_at"] = time.time()
        _PIPELINE["pid"] = os.getpid()
    return _PIPELINE


try:  # the plugin needs Dask; the serial engine does not
    from distributed import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Loads the pipeline when a worker starts, so that no task pays for it."""

        name = "tightrope-pipeline"

        def setup(self, worker) -> None:
            pipeline()
except ImportError:  # pragma: no cover - distributed is a dependency
    PipelinePlugin = None  # type: ignore[assignment,misc]


def _first_copies(docs: list[Document]) -> list[int]:
    """Positions of the documents worth coding: repeats inside the part (same id, text or
    URL as an earlier one) will be refused as duplicates at import, so they are not coded."""
    seen: set[str] = set()
    keep = []
    for i, d in enumerate(docs):
        keys = {"i:" + d.id, "h:" + dedup.text_hash(d.text)}
        url = dedup.canonical_url(d.url)
        if url:
            keys.add("u:" + url)
        if not keys & seen:
            keep.append(i)
        seen |= keys
    return keep


def process_part(part: Part) -> dict:
    """Read, check and code one part; return its rows and the inputs that failed."""
    from tightrope.pipeline import code_documents

    started = time.perf_counter()
    p = pipeline()
    docs: list[Document] = []
    failed: list[tuple[str, str]] = []
    for item in read_part(part):
        if isinstance(item, InputError):
            failed.append((item.source, item.reason))
        else:
            docs.append(item)
    # the checker sorts originals before their copies; positions keep the input order
    positions = {id(d): i for i, d in enumerate(docs)}
    p["checker"].prepare(list(docs))
    keep = set(_first_copies(docs))
    coding = [d for i, d in enumerate(docs) if i in keep]
    coded = code_documents(coding, p["coder"]) if coding else {}
    events = [rows.event_row(ev, part.index, positions[id(d)]) for d in coding for ev in coded[d.id]]
    return {
        "part": part,
        "documents": [rows.document_row(d, part.index, i, i in keep) for i, d in enumerate(docs)],
        "integrity": [rows.integrity_row(d.integrity, part.index, positions[id(d)]) for d in docs if d.integrity is not None],
        "events": events,
        "failed": failed,
        "seconds": time.perf_counter() - started,
        "worker_pid": p["pid"],
        "loaded_at": p["loaded_at"],  # when this worker loaded its pipeline: once per worker
    }
