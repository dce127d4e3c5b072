"""Events coded at ingest, listed with their evidence, and exported (real CLI, real SQLite)."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
from conftest import run_cli

ARTICLES = [
    {"id": "visit", "published": "2025-11-03", "outlet": "Mekong Ledger", "url": "https://ledger.example.com/a",
     "text": "U.S. Defense Secretary Pete Hegseth arrived in Hanoi on Sunday. He held talks with Vietnamese Defense Minister Phan Van Giang."},
    {"id": "tariff", "published": "2025-04-03",
     "text": "The United States imposed tariffs of 46% on Vietnamese goods on Wednesday, the White House said."},
]


def ingest(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    db = tmp_path / "e.db"
    out = run_cli("ingest", str(src), db=db).stdout
    assert "2 added" in out and "events:" in out
    return db


def test_events_are_stored_at_ingest_with_evidence(tmp_path):
    db = ingest(tmp_path)
    rows = [json.loads(l) for l in run_cli("events", "--format", "jsonl", db=db).stdout.splitlines()]
    visit = next(r for r in rows if r["type"] == "CONSULT" and r["mode"] == "visit")
    assert visit["doc_id"] == "visit" and visit["date"] == "2025-11-02"
    assert [a["key"] for a in visit["source"]] == ["USA"] and [a["key"] for a in visit["target"]] == ["VNM"]
    assert visit["evidence_text"].startswith("U.S. Defense Secretary Pete Hegseth arrived")
    assert ARTICLES[0]["text"][visit["evidence"][0]:visit["evidence"][1]] == visit["evidence_text"]
    # filters: a dyad, a type, a date
    assert {r["doc_id"] for r in json.loads("[" + ",".join(run_cli("events", "--actor", "USA", "--with", "VNM", "--type", "SANCTION", "--format", "jsonl", db=db).stdout.splitlines()) + "]")} == {"tariff"}
    assert run_cli("events", "--since", "2025-11-01", "--format", "jsonl", "--type", "SANCTION", db=db).stdout == ""
    table = run_cli("events", db=db).stdout
    assert "CONSULT/visit" in table and "USA → VNM" in table


def test_export_formats(tmp_path):
    db = ingest(tmp_path)
    plover = [json.loads(l) for l in run_cli("export", "--format", "plover", db=db).stdout.splitlines()]
    assert any(p["event"] == "SANCTION" and p["cameo"] == "163" and p["quadClass"] == 4 for p in plover)
    gdelt = list(csv.reader(io.StringIO(run_cli("export", "--format", "gdelt", db=db).stdout), delimiter="\t"))
    header, rows = gdelt[0], gdelt[1:]
    assert header[:3] == ["GlobalEventID", "SQLDATE", "Actor1Code"]
    sanction = next(dict(zip(header, r)) for r in rows if r[header.index("EventRootCode")] == "16")
    assert sanction["Actor1CountryCode"] == "USA" and sanction["Actor2CountryCode"] == "VNM"
    assert float(sanction["GoldsteinScale"]) < 0
    out = tmp_path / "events.parquet"
    run_cli("export", "--format", "parquet", "-o", str(out), db=db)
    table = pq.read_table(out)
    assert table.num_rows == len(plover) and "evidence_text" in table.column_names
