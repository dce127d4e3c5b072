"""Batch runs on a real Dask cluster (local, on loopback) give what a serial ingest gives."""

from __future__ import annotations

import gzip
import io
import json
import shutil

import pyarrow.parquet as pq
import pytest
from conftest import run_cli
from sqlalchemy import select

from tightrope.batch import ParquetOutput, plan_parts, run_parts
from tightrope.batch.parts import read_part, read_warc
from tightrope.data import sample_corpus_path
from tightrope.ingest.files import read_file
from tightrope.store import Store, schema


def _split_corpus(folder):
    """The sample corpus as a plain JSONL file and a gzipped one (the second half)."""
    lines = sample_corpus_path().read_text(encoding="utf-8").splitlines(keepends=True)
    folder.mkdir()
    (folder / "a.jsonl").write_text("".join(lines[:20]), encoding="utf-8")
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("".join(lines[20:]))
    return folder


def _dump(url: str) -> dict[str, list]:
    """What a user sees in a store, ids and clock times left out: documents, integrity
    records, events (with their actors) and the stories as sets of documents."""
    d, i, e, sd = schema.documents, schema.integrity, schema.events, schema.story_documents
    with Store(url) as store, store.engine.connect() as conn:
        docs = sorted(tuple(r) for r in conn.execute(select(*[c for c in d.c if c.name != "ingested_at"])))
        checks = sorted(tuple(r) for r in conn.execute(select(*[c for c in i.c if c.name != "checked_at"])))
        events = sorted(repr(tuple(r)) for r in conn.execute(select(*[c for c in e.c if c.name != "id"])))
        stories: dict[int, list[str]] = {}
        for doc_id, story_id in conn.execute(select(sd.c.doc_id, sd.c.story_id)):
            stories.setdefault(story_id, []).append(doc_id)
    return {"documents": docs, "integrity": checks, "events": events,
            "stories": sorted(sorted(members) for members in stories.values())}


def test_parts_read_what_ingest_reads(tmp_path):
    inputs = _split_corpus(tmp_path / "in")
    parts, errors = plan_parts([inputs], part_size=8)
    assert errors == []
    assert [(p.kind, p.articles) for p in parts] == [("jsonl", n) for n in (8, 8, 4, 8, 8, 1)]
    from_parts = [d for p in parts for d in read_part(p)]
    serial = [d for f in (inputs / "a.jsonl", inputs / "b.jsonl.gz") for d in read_file(f)]
    assert [(d.id, d.source, d.text) for d in from_parts] == [(d.id, d.source, d.text) for d in serial]
    assert sum(p.articles for p in parts) == len(serial) == 37


def _warc(path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers))
        writer.write_record(writer.create_warc_record("https://example.org/robots.txt", "response",
                                                      payload=io.BytesIO(b"User-agent: *"),
                                                      http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/plain")],
                                                                                    protocol="HTTP/1.1")))


def test_warc_responses_become_articles(tmp_path):
    body = ("<html><head><title>Hanoi hosts talks</title></head><body><article><h1>Hanoi hosts talks</h1>"
            + "<p>Vietnam and Laos signed a border agreement in Vientiane on Monday, officials said.</p>" * 8
            + "</article></body></html>")
    _warc(tmp_path / "crawl.warc.gz", [("https://news.example.org/2025/11/02/talks", body)])
    docs = list(read_warc(tmp_path / "crawl.warc.gz"))
    assert len(docs) == 1 and docs[0].url == "https://news.example.org/2025/11/02/talks"
    assert "border agreement" in docs[0].text and docs[0].published
    (tmp_path / "broken.warc").write_bytes(b"not a warc at all")
    broken = list(read_warc(tmp_path / "broken.warc"))
    assert len(broken) == 1 and "not a readable WARC" in broken[0].reason
    parts, _ = plan_parts([tmp_path])
    assert sorted(p.kind for p in parts) == ["warc", "warc"]


def test_dask_batch_equals_serial_ingest(tmp_path, pg_server):
    """The whole pipeline on a local Dask cluster, written to Parquet and at the same time
    into PostgreSQL, then the Parquet imported into SQLite: all three stores hold what a
    serial ``tightrope ingest`` of the same inputs stores."""
    inputs = _split_corpus(tmp_path / "in")
    serial = f"sqlite:///{tmp_path / 'serial.db'}"
    run_cli("ingest", str(inputs), "--db", serial)

    out, pg = tmp_path / "out", pg_server.new_database()
    run = run_cli("batch", str(inputs), "--engine", "dask", "--workers", "2", "--part-size", "8",
                  "--out", f"parquet:{out}", "--db", pg)
    assert "6 parts done, 0 already done, 37 documents" in run.stdout and "0 articles failed" in run.stdout
    assert "37 added" in run.stdout

    imported = f"sqlite:///{tmp_path / 'imported.db'}"
    run_cli("import", f"parquet:{out}", "--db", imported)
    expected = _dump(serial)
    assert expected["events"] and len(expected["stories"]) > 1
    assert _dump(pg) == expected
    assert _dump(imported) == expected

    # the Parquet tables themselves: every document, its integrity record and its events
    docs = pq.read_table(out / "documents").to_pylist()
    docs_by = {(d["part"], d["position"]): d["id"] for d in docs}
    assert sorted(d["id"] for d in docs) == sorted(r[0] for r in expected["documents"])
    checks = pq.read_table(out / "integrity").to_pylist()
    assert len(checks) == 37
    clean = {docs_by[(c["part"], c["position"])] for c in checks if not c["spun"]}  # coded by the workers as is
    assert len(clean) > 30

    def projection(rows):
        return sorted((r["doc_id"], r["type"], r["evidence_start"], r["evidence_end"], r["source"], r["target"],
                       r["certainty"]) for r in rows if r["doc_id"] in clean)

    with Store(serial) as store, store.engine.connect() as conn:
        stored = [dict(r._mapping) for r in conn.execute(select(schema.events))]
    assert projection(pq.read_table(out / "events").to_pylist()) == projection(stored)

    again = run_cli("import", f"parquet:{out}", "--db", imported)
    assert "0 added" in again.stdout and "37 duplicates skipped" in again.stdout


def test_workers_load_the_pipeline_once_and_reruns_resume(tmp_path):
    inputs = _split_corpus(tmp_path / "in")
    parts, _ = plan_parts([inputs], part_size=4)
    output = ParquetOutput(tmp_path / "out")
    seen = []
    report = run_parts(parts, output, engine="dask", workers=2, on_result=lambda r, e: seen.append(r))
    assert len(report.done) == len(parts) == 10 and report.failed_parts == []
    loads = {(r["worker_pid"], r["loaded_at"]) for r in seen}
    assert len({pid for pid, _ in loads}) <= 2 and len(loads) == len({pid for pid, _ in loads})  # once per worker

    # a run killed after some parts: the manifest lost its last lines; the rerun does only those
    lines = output.manifest.read_text().splitlines()
    output.manifest.write_text("\n".join(lines[:6]) + "\n" + lines[6][:10])  # the 7th cut mid-line
    rerun = run_parts(parts, output, engine="serial")
    assert rerun.skipped == 6 and len(rerun.done) == 4
    assert len(output.entries()) == 10

    # another input set into the same folder is refused, not mixed in
    other = tmp_path / "other.jsonl"
    shutil.copy(inputs / "a.jsonl", other)
    other_parts, _ = plan_parts([other], part_size=4)
    from tightrope.errors import InputError

    with pytest.raises(InputError, match="holds the output of other inputs"):
        run_parts(other_parts, output, engine="serial")


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    inputs = _split_corpus(tmp_path / "in")
    proc = run_cli("batch", str(inputs), "--scheduler", "tcp://127.0.0.1:9", "--out", f"parquet:{tmp_path / 'o'}",
                   check=False, timeout=120)
    assert proc.returncode == 1 and "cannot reach the Dask scheduler" in proc.stderr


def test_manifest_lines_are_whole_parts(tmp_path):
    inputs = _split_corpus(tmp_path / "in")
    parts, _ = plan_parts([inputs / "a.jsonl"], part_size=10)
    output = ParquetOutput(tmp_path / "out")
    run_parts(parts, output, engine="serial")
    entries = [json.loads(x) for x in output.manifest.read_text().splitlines()]
    assert [e["documents"] for e in entries] == [10, 10]
    for e in entries:
        assert pq.read_table(tmp_path / "out" / "documents" / e["file"]).num_rows == e["documents"]
        assert pq.read_table(tmp_path / "out" / "events" / e["file"]).num_rows == e["events"]


@pytest.mark.parametrize("command", [["batch"], ["import"], ["migrate"]], ids=" ".join)
def test_commands_have_help_with_an_example(command):
    out = run_cli(*command, "--help").stdout
    assert "Example" in out and ("--db" in out or "--to" in out)


def test_batch_needs_somewhere_to_write(tmp_path):
    proc = run_cli("batch", str(sample_corpus_path()), check=False)
    assert proc.returncode == 2 and "give --out parquet:DIR, --db URL, or both" in proc.stderr
    missing = run_cli("import", f"parquet:{tmp_path}", "--db", str(tmp_path / "x.db"), check=False)
    assert missing.returncode == 1 and "is not a batch output folder" in missing.stderr
