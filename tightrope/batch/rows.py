"""What a batch part produces, as flat rows: documents, integrity records and events.

The rows are what workers send back and what the Parquet output holds, one table each
(:data:`SCHEMAS`); lists and objects are JSON text, as in the store, so that a row reads the
same in Parquet, SQLite and PostgreSQL. :func:`documents_from_rows` rebuilds the model types
for the import into a store.
"""

from __future__ import annotations

import json

import pyarrow as pa

from tightrope.model import Document, Event, EventActor, Integrity
from tightrope.store import integrity as integrity_rows

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("id", pa.string()), ("url", pa.string()), ("title", pa.string()), ("outlet", pa.string()),
        ("published", pa.string()), ("language", pa.string()), ("source", pa.string()), ("text", pa.string()),
        ("meta", pa.string()), ("part", pa.int64()), ("position", pa.int64()),
        ("coded", pa.bool_()),  # whether the worker coded it (it does not code repeats within a part)
    ]),
    "integrity": pa.schema([
        ("doc_id", pa.string()), ("spun", pa.bool_()), ("score", pa.float64()), ("repaired", pa.string()),
        ("edits", pa.string()), ("flags", pa.string()), ("copy_of", pa.string()), ("copy_similarity", pa.float64()),
        ("fingerprint", pa.string()), ("part", pa.int64()), ("position", pa.int64()),
    ]),
    "events": pa.schema([
        ("doc_id", pa.string()), ("type", pa.string()), ("mode", pa.string()), ("context", pa.string()),
        ("source", pa.string()), ("target", pa.string()), ("reciprocal", pa.bool_()), ("certainty", pa.string()),
        ("attribution", pa.string()), ("date", pa.string()), ("historical", pa.bool_()),
        ("evidence_start", pa.int64()), ("evidence_end", pa.int64()), ("cameo", pa.string()),
        ("goldstein", pa.float64()), ("quad", pa.int64()), ("trigger", pa.string()), ("part", pa.int64()),
        ("position", pa.int64()),
    ]),
}


def document_row(doc: Document, part: int, position: int, coded: bool) -> dict:
    return {"id": doc.id, "url": doc.url, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
            "language": doc.language, "source": doc.source, "text": doc.text,
            "meta": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True), "part": part, "position": position,
            "coded": coded}


def integrity_row(item: Integrity, part: int, position: int) -> dict:
    row = integrity_rows.to_row(item)
    del row["checked_at"]
    return {**row, "part": part, "position": position}


def _actors(actors: list[EventActor]) -> str:
    return json.dumps([{"key": a.key, "sector": a.sector, "text": a.text} for a in actors], ensure_ascii=False)


def event_row(ev: Event, part: int, position: int) -> dict:
    return {"doc_id": ev.doc_id, "type": ev.type, "mode": ev.mode, "context": json.dumps(ev.context),
            "source": _actors(ev.source), "target": _actors(ev.target), "reciprocal": bool(ev.reciprocal),
            "certainty": ev.certainty, "attribution": ev.attribution, "date": ev.date,
            "historical": bool(ev.historical), "evidence_start": ev.evidence[0], "evidence_end": ev.evidence[1],
            "cameo": ev.cameo, "goldstein": ev.goldstein, "quad": ev.quad, "trigger": ev.trigger,
            "part": part, "position": position}


def event_from_row(row: dict) -> Event:
    return Event(
        doc_id=row["doc_id"], type=row["type"], mode=row["mode"], context=json.loads(row["context"] or "[]"),
        source=[EventActor(**a) for a in json.loads(row["source"] or "[]")],
        target=[EventActor(**a) for a in json.loads(row["target"] or "[]")],
        evidence=(row["evidence_start"], row["evidence_end"]), reciprocal=bool(row["reciprocal"]),
        certainty=row["certainty"], attribution=row["attribution"], date=row["date"],
        historical=bool(row["historical"]), cameo=row["cameo"], goldstein=row["goldstein"], quad=row["quad"],
        trigger=row["trigger"],
    )


class _Row:
    """Attribute access over a dict (what store.integrity.read expects of a database row)."""

    def __init__(self, d: dict):
        self.__dict__.update(d)


def documents_from_rows(docs: list[dict], checks: list[dict]) -> list[Document]:
    """Documents in position order, each carrying its integrity record."""
    by_position = {c["position"]: integrity_rows.read(_Row(c)) for c in checks}
    out = []
    for row in sorted(docs, key=lambda r: r["position"]):
        out.append(Document(id=row["id"], text=row["text"], title=row["title"], url=row["url"], outlet=row["outlet"],
                            published=row["published"], language=row["language"], source=row["source"],
                            meta=json.loads(row["meta"] or "{}"), integrity=by_position.get(row["position"])))
    return out


def to_table(name: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])
