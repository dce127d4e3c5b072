"""The SQLite store: migrations, WAL, idempotent and crash-safe ingest."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import REPO

from tightrope.errors import StoreError
from tightrope.ingest import dedup, ingest
from tightrope.ingest.files import read_file
from tightrope.model import Document
from tightrope.store import Store, migrations, resolve_db_url
from tools.articles import generate, write_jsonl


def test_new_database_is_migrated_once_and_in_wal_mode(db_path):
    Store(str(db_path)).close()
    Store(str(db_path)).close()  # reopening applies nothing twice
    con = sqlite3.connect(db_path)
    versions = [v for (v,) in con.execute("select version from schema_version")]
    assert versions == [m[0] for m in migrations.MIGRATIONS]
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"
    tables = {t for (t,) in con.execute("select name from sqlite_master where type='table'")}
    assert {"documents", "doc_bands", "schema_version"} <= tables


def test_db_argument_forms(tmp_path, monkeypatch):
    assert resolve_db_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("TIGHTROPE_DB", str(tmp_path / "env.db"))
    assert resolve_db_url(None).endswith("env.db")
    with pytest.raises(StoreError, match="cannot open database"):
        Store("sqlite:////proc/no/such/dir/x.db")


def test_every_stored_document_has_its_buckets(store):
    ingest([Document(id="a", text="Vietnam and Laos signed a border agreement in Vientiane on Monday.")], store)
    con = sqlite3.connect(store.url.removeprefix("sqlite:///"))
    assert con.execute("select count(*) from doc_bands where doc_id='a'").fetchone()[0] == dedup.BANDS


def test_ingest_twice_is_idempotent(store, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", generate(60, seed=3))
    first = ingest(read_file(path), store)
    second = ingest(read_file(path), store)
    assert len(first.stored) == 60 and second.stored == [] and len(second.duplicates) == 60
    assert store.count_documents() == 60


def test_killed_run_leaves_whole_articles_and_a_rerun_completes(tmp_path):
    n = 3000
    path = write_jsonl(tmp_path / "big.jsonl", generate(n, seed=11))
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "tightrope", "ingest", str(path), "--db", str(db), "--batch-size", "25", "--no-code"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    stored = con.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 200:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n, "the run should have been killed half way"

    con = sqlite3.connect(db)
    assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    count = con.execute("select count(*) from documents").fetchone()[0]
    assert count % 25 == 0  # whole batches only: a transaction is all or nothing
    incomplete = con.execute(
        "select count(*) from documents d where (select count(*) from doc_bands b where b.doc_id = d.id) != ?",
        (dedup.BANDS,),
    ).fetchone()[0]
    assert incomplete == 0
    con.close()

    rerun = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - count} added" in rerun.stdout and f"{count} duplicates" in rerun.stdout
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from documents").fetchone()[0] == n
