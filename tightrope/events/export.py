"""Stored events in the field's exchange formats: PLOVER JSON, GDELT-style rows, Parquet."""

from __future__ import annotations

import json

from tightrope.events.dyads import cameo_triples

GDELT_COLUMNS = ["GlobalEventID", "SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor2Code", "Actor2CountryCode",
                 "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "IsReciprocal",
                 "Certainty", "DocId", "EvidenceStart", "EvidenceEnd", "SOURCEURL"]


def _cameo_actor(actor: dict | None) -> str:
    """A CAMEO-style actor code: the key (IGO:ASEAN → IGOASEAN) followed by the sector."""
    if not actor:
        return ""
    return actor["key"].replace(":", "") + (actor.get("sector") or "")


def to_plover(row: dict) -> dict:
    """One stored event as a PLOVER-style JSON record."""
    def actors(side):
        return [{"actorText": a.get("text"), "code": a["key"], "sector": a.get("sector")} for a in row[side]]

    return {
        "id": f"{row['doc_id']}-{row['id']}",
        "date": row["date"],
        "event": row["type"],
        "mode": row["mode"],
        "context": row["context"],
        "source": actors("source"),
        "target": actors("target"),
        "reciprocal": row["reciprocal"],
        "certainty": row["certainty"],
        "attribution": row["attribution"],
        "historical": row["historical"],
        "eventText": row["trigger"],
        "text": row["evidence_text"],
        "docId": row["doc_id"],
        "evidence": row["evidence"],
        "publication": row.get("outlet"),
        "url": row.get("url"),
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "quadClass": row["quad"],
    }


def to_gdelt_rows(rows: list[dict], header: bool = False):
    """GDELT-1.0-style event rows, one per actor pair CAMEO codes the event with
    (:func:`tightrope.events.dyads.cameo_triples`: a mutual act both ways where CAMEO codes it so,
    a hosted visit also as the host's 043); an event with no CAMEO code (an act that did not
    happen) has none. Goldstein and QuadClass are the event's."""
    if header:
        yield GDELT_COLUMNS
    for r in rows:
        for s, t, code in cameo_triples(r, r.get("evidence_text")):
            yield [
                f"{r['doc_id']}-{r['id']}", (r["date"] or "").replace("-", ""),
                _cameo_actor(s), s["key"][:3] if s and not s["key"].startswith("IGO") else "",
                _cameo_actor(t), t["key"][:3] if t and not t["key"].startswith("IGO") else "",
                code, code[:3], code[:2], r["quad"] or "", r["goldstein"] if r["goldstein"] is not None else "",
                int(r["reciprocal"]), r["certainty"], r["doc_id"], r["evidence"][0], r["evidence"][1], r.get("url") or "",
            ]


def write_parquet(rows: list[dict], path: str) -> None:
    """All event fields as one Parquet file (actor lists as JSON strings)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = []
    for r in rows:
        flat.append({
            "event_id": r["id"], "doc_id": r["doc_id"], "date": r["date"], "type": r["type"], "mode": r["mode"],
            "context": json.dumps(r["context"]), "source": json.dumps(r["source"], ensure_ascii=False),
            "target": json.dumps(r["target"], ensure_ascii=False),
            "source_keys": ",".join(a["key"] for a in r["source"]), "target_keys": ",".join(a["key"] for a in r["target"]),
            "reciprocal": r["reciprocal"], "certainty": r["certainty"], "attribution": r["attribution"],
            "historical": r["historical"], "evidence_start": r["evidence"][0], "evidence_end": r["evidence"][1],
            "evidence_text": r["evidence_text"], "cameo": r["cameo"], "goldstein": r["goldstein"], "quad": r["quad"],
            "url": r.get("url"),
        })
    pq.write_table(pa.Table.from_pylist(flat), path)
