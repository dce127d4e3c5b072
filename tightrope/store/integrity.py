"""Storing and reading the integrity stage's rows (the integrity and integrity_anchors tables).

Functions over a connection or a :class:`~tightrope.store.Store`, kept apart from ``db.py``
like the event store; ``Store`` exposes them as methods (``get_integrity``,
``text_for_coding``, ``copy_candidates`` …). The row of a document is written in the same
transaction as the document itself, so a stored document never lacks it for long: documents
stored before this table existed are listed by :func:`unchecked_document_ids`.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import Connection, delete, func, select

from tightrope.model import Edit, FramingFlag, Integrity
from tightrope.store import schema

MIN_SHARED_ANCHORS = 8


def to_row(item: Integrity) -> dict:
    return {
        "doc_id": item.doc_id,
        "spun": bool(item.spun),
        "score": float(item.score),
        "repaired": item.repaired,
        "edits": json.dumps([{"start": e.start, "end": e.end, "spun": e.spun, "restored": e.restored,
                              "confidence": e.confidence, "via": e.via} for e in item.edits], ensure_ascii=False),
        "flags": json.dumps([{"start": f.start, "end": f.end, "kind": f.kind, "cue": f.cue, "cue_start": f.cue_start,
                              "cue_end": f.cue_end, "label": f.label} for f in item.flags], ensure_ascii=False),
        "copy_of": item.copy_of,
        "copy_similarity": item.copy_similarity,
        "fingerprint": json.dumps(item.fingerprint, ensure_ascii=False),
        "checked_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def write(conn: Connection, item: Integrity) -> None:
    """Insert or replace the row of ``item.doc_id`` and its fingerprint anchors."""
    t, a = schema.integrity, schema.integrity_anchors
    conn.execute(delete(t).where(t.c.doc_id == item.doc_id))
    conn.execute(delete(a).where(a.c.doc_id == item.doc_id))
    conn.execute(t.insert().values(**to_row(item)))
    anchors = sorted({x for x in item.fingerprint if len(x) > 1})
    if anchors:
        conn.execute(a.insert(), [{"anchor": x, "doc_id": item.doc_id} for x in anchors])


def read(row) -> Integrity:
    doc_id = row.doc_id
    return Integrity(
        doc_id=doc_id,
        spun=bool(row.spun),
        score=row.score,
        repaired=row.repaired,
        edits=[Edit(**e) for e in json.loads(row.edits or "[]")],
        flags=[FramingFlag(doc_id=doc_id, **f) for f in json.loads(row.flags or "[]")],
        copy_of=row.copy_of,
        copy_similarity=row.copy_similarity,
        fingerprint=json.loads(row.fingerprint or "[]"),
    )


def get(conn: Connection, doc_id: str) -> Integrity | None:
    row = conn.execute(select(schema.integrity).where(schema.integrity.c.doc_id == doc_id)).first()
    return read(row) if row else None


def candidates(conn: Connection, fingerprint: list[str], *, spun: bool, unlinked: bool = False,
               exclude: str | None = None, limit: int = 5) -> list[str]:
    """Documents whose fingerprints share most anchors with ``fingerprint`` (at least
    ``MIN_SHARED_ANCHORS``), of the given verdict; ``unlinked``: only copies with no original yet."""
    anchors = sorted({x for x in fingerprint if len(x) > 1})
    if len(anchors) < MIN_SHARED_ANCHORS:
        return []
    a, t = schema.integrity_anchors, schema.integrity
    if unlinked:
        # copies waiting for an original are few: look them up first, and their anchors by id
        waiting = list(conn.execute(select(t.c.doc_id).where(t.c.spun == spun, t.c.copy_of.is_(None)).limit(10_000)).scalars())
        if not waiting:
            return []
        query = (
            select(a.c.doc_id)
            .where(a.c.doc_id.in_(waiting), a.c.anchor.in_(anchors))
            .group_by(a.c.doc_id)
            .having(func.count() >= MIN_SHARED_ANCHORS)
            .order_by(func.count().desc(), a.c.doc_id)
            .limit(limit)
        )
        return list(conn.execute(query).scalars())
    query = (
        select(a.c.doc_id)
        .join(t, t.c.doc_id == a.c.doc_id)
        .where(a.c.anchor.in_(anchors), t.c.spun == spun)
        .group_by(a.c.doc_id)
        .having(func.count() >= MIN_SHARED_ANCHORS)
        .order_by(func.count().desc(), a.c.doc_id)
        .limit(limit)
    )
    if exclude:
        query = query.where(a.c.doc_id != exclude)
    return list(conn.execute(query).scalars())


def unchecked_document_ids(conn: Connection) -> list[str]:
    """Stored documents with no integrity row (stored before the integrity stage existed)."""
    d, t = schema.documents, schema.integrity
    query = select(d.c.id).where(~select(t.c.doc_id).where(t.c.doc_id == d.c.id).exists()).order_by(d.c.published.nullsfirst(), d.c.id)
    return list(conn.execute(query).scalars())
