"""Storing and querying coded events (the events, event_actors and coded_documents tables).

Functions over a :class:`~tightrope.store.Store`; kept apart from ``db.py`` so that the
document store and the event store can each be read on their own.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import and_, delete, exists, func, insert, or_, select

from tightrope.model import Event, EventActor
from tightrope.store import schema


def _actors_json(actors: list[EventActor]) -> str:
    return json.dumps([{"key": a.key, "sector": a.sector, "text": a.text} for a in actors], ensure_ascii=False)


def save_events(store, coded: dict[str, list[Event]], coder_version: str) -> int:
    """Replace the events of each document in ``coded`` and mark it coded, in one
    transaction. Returns the number of events written."""
    e, ea, cd = schema.events, schema.event_actors, schema.coded_documents
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    written = 0
    with store.engine.begin() as conn:
        ids = list(coded)
        if ids:
            old = select(e.c.id).where(e.c.doc_id.in_(ids))
            conn.execute(delete(ea).where(ea.c.event_id.in_(old)))
            conn.execute(delete(e).where(e.c.doc_id.in_(ids)))
            conn.execute(delete(cd).where(cd.c.doc_id.in_(ids)))
        for doc_id, events in coded.items():
            for ev in events:
                event_id = conn.execute(
                    insert(e).values(
                        doc_id=doc_id, type=ev.type, mode=ev.mode, context=json.dumps(ev.context),
                        source=_actors_json(ev.source), target=_actors_json(ev.target),
                        reciprocal=ev.reciprocal, certainty=ev.certainty, attribution=ev.attribution,
                        date=ev.date, historical=ev.historical, evidence_start=ev.evidence[0],
                        evidence_end=ev.evidence[1], cameo=ev.cameo, goldstein=ev.goldstein, quad=ev.quad,
                        trigger=ev.trigger,
                    )
                ).inserted_primary_key[0]
                rows = {(a.key, "source") for a in ev.source} | {(a.key, "target") for a in ev.target}
                if rows:
                    conn.execute(insert(ea), [{"event_id": event_id, "key": k, "side": s} for k, s in rows])
                written += 1
            conn.execute(insert(cd).values(doc_id=doc_id, coder_version=coder_version, coded_at=now))
    return written


def uncoded_document_ids(store, coder_version: str | None = None) -> list[str]:
    """Documents never coded (or coded by another coder version, when one is given)."""
    d, cd = schema.documents, schema.coded_documents
    cond = cd.c.doc_id == d.c.id
    if coder_version:
        cond = and_(cond, cd.c.coder_version == coder_version)
    with store.engine.connect() as conn:
        return conn.execute(select(d.c.id).where(~exists().where(cond)).order_by(d.c.published, d.c.id)).scalars().all()


def _event_from_row(row) -> dict:
    return {
        "id": row.id, "doc_id": row.doc_id, "type": row.type, "mode": row.mode,
        "context": json.loads(row.context or "[]"), "source": json.loads(row.source or "[]"),
        "target": json.loads(row.target or "[]"), "reciprocal": bool(row.reciprocal), "certainty": row.certainty,
        "attribution": row.attribution, "date": row.date, "historical": bool(row.historical),
        "evidence": [row.evidence_start, row.evidence_end], "cameo": row.cameo, "goldstein": row.goldstein,
        "quad": row.quad, "trigger": row.trigger,
    }


def query_events(store, actor: str | None = None, with_: str | None = None, type_: str | None = None,
                 since: str | None = None, until: str | None = None, doc_id: str | None = None,
                 certainty: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Stored events with their document's title, outlet, URL and evidence sentence, oldest first.

    ``actor`` keeps events with that key on either side; ``with_`` additionally requires the
    other key on either side (a dyad)."""
    e, ea, d = schema.events, schema.event_actors, schema.documents
    q = (select(e, d.c.title, d.c.outlet, d.c.url, d.c.published, d.c.text)
         .join(d, d.c.id == e.c.doc_id)
         .order_by(e.c.date, e.c.id).offset(offset))
    for key in (actor, with_):
        if key:
            q = q.where(exists().where(and_(ea.c.event_id == e.c.id, ea.c.key == key)))
    if type_:
        q = q.where(e.c.type == type_.upper())
    if since:
        q = q.where(e.c.date >= since)
    if until:
        q = q.where(or_(e.c.date <= until, e.c.date.like(until + "%")))
    if doc_id:
        q = q.where(e.c.doc_id == doc_id)
    if certainty:
        q = q.where(e.c.certainty == certainty)
    if limit is not None:
        q = q.limit(limit)
    out = []
    with store.engine.connect() as conn:
        for row in conn.execute(q):
            ev = _event_from_row(row)
            ev.update(title=row.title, outlet=row.outlet, url=row.url, published=row.published,
                      evidence_text=row.text[row.evidence_start : row.evidence_end])
            out.append(ev)
    return out


def count_events(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.events)).scalar_one()
