"""The store on both engines: migrations, idempotent and crash-safe ingest, concurrent writers,
readers that never wait. Each test runs on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from conftest import REPO
from sqlalchemy import func, inspect, select, text

from tightrope.errors import StoreError
from tightrope.ingest import dedup, ingest
from tightrope.ingest.files import read_file
from tightrope.model import Document
from tightrope.store import Store, migrations, resolve_db_url, schema
from tools.articles import generate, write_jsonl


@pytest.fixture
def store(db_url):
    """A fresh store on each backend (overrides the SQLite-only one of conftest)."""
    s = Store(db_url)
    yield s
    s.close()


def _scalar(store: Store, sql: str, **params):
    with store.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def test_new_database_is_migrated_once(db_url, backend):
    Store(db_url).close()
    store = Store(db_url)  # reopening applies nothing twice
    with store.engine.connect() as conn:
        versions = list(conn.execute(select(schema.schema_version.c.version).order_by(schema.schema_version.c.version)).scalars())
        tables = set(inspect(conn).get_table_names())
        if backend == "sqlite":
            assert conn.execute(text("pragma journal_mode")).scalar() == "wal"
    store.close()
    assert versions == [m[0] for m in migrations.MIGRATIONS]
    assert {t.name for t in schema.metadata.sorted_tables} <= tables


def test_db_argument_forms(tmp_path, monkeypatch):
    assert resolve_db_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("TIGHTROPE_DB", str(tmp_path / "env.db"))
    assert resolve_db_url(None).endswith("env.db")
    with pytest.raises(StoreError, match="cannot open database"):
        Store("sqlite:////proc/no/such/dir/x.db")


def test_unreachable_postgresql_is_a_clear_error(pg_server):
    with pytest.raises(StoreError, match="cannot open database 'postgresql"):
        Store(pg_server.url("no_such_database"))


def test_every_stored_document_has_its_buckets(store):
    ingest([Document(id="a", text="Vietnam and Laos signed a border agreement in Vientiane on Monday.")], store)
    assert _scalar(store, "select count(*) from doc_bands where doc_id = 'a'") == dedup.BANDS


def test_ingest_twice_is_idempotent(store, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", generate(60, seed=3))
    first = ingest(read_file(path), store)
    second = ingest(read_file(path), store)
    assert len(first.stored) == 60 and second.stored == [] and len(second.duplicates) == 60
    assert store.count_documents() == 60


def test_documents_round_trip_alike(store):
    """What is read back is what was written, on either engine (text, unicode, JSON, order)."""
    docs = [Document(id=f"d{i}", text=f"Hà Nội and Beijing, talk {i}: “quoted” — {'x' * i} " * 3,
                     title=f"Title {i}", published=f"2025-0{1 + i % 9}-1{i % 10}", meta={"k": [i, "é"]})
            for i in range(9, 0, -1)]
    docs.append(Document(id="undated", text="A text with no date, about Laos and Cambodia."))
    ingest(docs, store)
    back = store.documents()
    # undated first on both engines (PostgreSQL would sort NULL last unless told)
    assert [d.id for d in back] == ["undated"] + [d.id for d in sorted(docs[:-1], key=lambda d: (d.published, d.id))]
    got = {d.id: d for d in back}
    for d in docs:
        assert (got[d.id].text, got[d.id].title, got[d.id].meta) == (d.text, d.title, d.meta)


def _count(db_url: str) -> int:
    if db_url.startswith("sqlite"):
        with sqlite3.connect(db_url.removeprefix("sqlite:///"), timeout=1) as con:
            return con.execute("select count(*) from documents").fetchone()[0]
    import psycopg

    with psycopg.connect(db_url.replace("postgresql+psycopg", "postgresql"), connect_timeout=2) as con:
        return con.execute("select count(*) from documents").fetchone()[0]


def test_killed_run_leaves_whole_articles_and_a_rerun_completes(tmp_path, db_url, backend):
    n = 3000
    path = write_jsonl(tmp_path / "big.jsonl", generate(n, seed=11))
    cmd = [sys.executable, "-m", "tightrope", "ingest", str(path), "--db", db_url, "--batch-size", "25", "--no-code"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            stored = _count(db_url)
        except Exception:  # not created yet, or busy
            continue
        if stored >= 200:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n, "the run should have been killed half way"

    store = Store(db_url)
    if backend == "sqlite":
        assert _scalar(store, "pragma integrity_check") == "ok"
    count = store.count_documents()
    assert count % 25 == 0  # whole batches only: a transaction is all or nothing
    incomplete = _scalar(
        store, "select count(*) from documents d where (select count(*) from doc_bands b where b.doc_id = d.id) != :n",
        n=dedup.BANDS)
    assert incomplete == 0
    store.close()

    rerun = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - count} added" in rerun.stdout and f"{count} duplicates" in rerun.stdout
    assert _count(db_url) == n


def test_readers_are_not_blocked_by_a_writer(store, db_url):
    """A write transaction held open (an ingest batch in progress) does not stop another
    process from opening the store and reading it."""
    ingest([Document(id="old", text="Vietnam and Laos signed a border agreement in Vientiane on Monday.")], store)
    read: dict = {}

    def reader():
        with Store(db_url) as other:
            read["count"] = other.count_documents()
            read["doc"] = other.get_document("old")

    with store.writing() as conn:
        conn.execute(schema.documents.insert().values(
            id="new", text="An uncommitted article.", text_hash="h", meta="{}", ingested_at="2026-01-01"))
        t = threading.Thread(target=reader)
        t.start()
        t.join(timeout=20)
        assert not t.is_alive(), "the reader waited for the writer"
    assert read["count"] == 1 and read["doc"].id == "old"  # it saw the last committed state
    assert store.count_documents() == 2


def _variant(article: dict, rng: random.Random) -> dict:
    """A near-duplicate of ``article``: another outlet's lightly edited copy."""
    words = article["text"].split(" ")
    for i in rng.sample(range(len(words)), 6):
        words[i] = f"edited{i}"
    return {**article, "id": article["id"] + "-copy", "url": article["url"].replace("https://", "https://copies.") ,
            "outlet": "Copy Desk", "text": " ".join(words)}


def test_concurrent_ingest_stores_each_article_once(tmp_path, pg_server):
    """Four processes ingest overlapping inputs into one PostgreSQL database at once: every
    article is stored exactly once, and every near-duplicate is linked into one group whose
    root is the earliest copy."""
    db_url = pg_server.new_database()
    Store(db_url).close()  # migrated once, so that the four runs race on the data, not the schema
    rng = random.Random(5)
    base = generate(240, seed=21, words=120)
    copies = [_variant(a, rng) for a in base[:60]]
    everything = base + copies
    files = []
    for k in range(4):
        part = [a for i, a in enumerate(everything) if i % 4 != k]  # each file: three quarters, overlapping
        rng.shuffle(part)
        files.append(write_jsonl(tmp_path / f"part{k}.jsonl", part))
    procs = [subprocess.Popen([sys.executable, "-m", "tightrope", "ingest", str(f), "--db", db_url,
                               "--batch-size", "10", "--no-code"], cwd=REPO, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for f in files]
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        assert "0 failed" in out, out

    store = Store(db_url)
    d = schema.documents
    with store.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(d.c.id, d.c.near_duplicate_of, d.c.published))}
        assert conn.execute(select(func.count(func.distinct(d.c.text_hash)))).scalar() == len(rows)
    store.close()
    assert sorted(rows) == sorted(a["id"] for a in everything)
    for copy in copies:
        original = copy["id"].removesuffix("-copy")
        pair = {original, copy["id"]}
        roots = {rows[x].near_duplicate_of or x for x in pair}
        assert len(roots) == 1 and roots <= pair, f"{pair} are not one group: {roots}"
    for r in rows.values():  # links point at roots, never along chains
        if r.near_duplicate_of:
            assert rows[r.near_duplicate_of].near_duplicate_of is None


def test_concurrent_ingest_with_coding_and_stories(tmp_path, pg_server):
    """Three processes ingest, code and cluster overlapping parts of the sample corpus into
    one PostgreSQL database at once: each document is coded once into the events a serial
    run gives it, and sits in exactly one story whose size counts its members."""
    from tightrope.data import sample_corpus_path

    lines = sample_corpus_path().read_text(encoding="utf-8").splitlines(keepends=True)
    files = []
    for k in range(3):
        part = [line for i, line in enumerate(lines) if i % 3 != k]
        random.Random(k).shuffle(part)
        files.append(tmp_path / f"part{k}.jsonl")
        files[-1].write_text("".join(part), encoding="utf-8")
    serial = Store(f"sqlite:///{tmp_path / 'serial.db'}")
    serial.close()
    subprocess.run([sys.executable, "-m", "tightrope", "ingest", str(sample_corpus_path()), "--db", serial.url],
                   cwd=REPO, check=True, capture_output=True, timeout=600)
    db_url = pg_server.new_database()
    Store(db_url).close()
    procs = [subprocess.Popen([sys.executable, "-m", "tightrope", "ingest", str(f), "--db", db_url, "--batch-size", "5"],
                              cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    for p in procs:
        _out, err = p.communicate(timeout=900)
        assert p.returncode == 0, err

    def events_of_clean(url: str) -> list:
        e, i = schema.events, schema.integrity
        with Store(url) as s, s.engine.connect() as conn:
            q = (select(e.c.doc_id, e.c.type, e.c.evidence_start, e.c.evidence_end, e.c.source, e.c.target, e.c.certainty)
                 .join(i, i.c.doc_id == e.c.doc_id).where(i.c.spun.is_(False)))
            return sorted(tuple(r) for r in conn.execute(q))

    assert events_of_clean(db_url) == events_of_clean(serial.url)
    with Store(db_url) as store, store.engine.connect() as conn:
        docs = conn.execute(select(func.count()).select_from(schema.documents)).scalar()
        coded = conn.execute(select(func.count()).select_from(schema.coded_documents)).scalar()
        members = conn.execute(select(func.count()).select_from(schema.story_documents)).scalar()
        sizes = dict(conn.execute(select(schema.stories.c.id, schema.stories.c.size)).all())
        counted = dict(conn.execute(select(schema.story_documents.c.story_id, func.count())
                                    .group_by(schema.story_documents.c.story_id)).all())
    assert docs == coded == members == len(lines)
    assert sizes == counted  # no story lost a member or kept a stale size; none is empty
