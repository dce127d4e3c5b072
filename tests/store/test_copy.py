"""``tightrope migrate``: a whole store copied between engines, ids kept, sequences advanced."""

from __future__ import annotations

import pytest
from conftest import run_cli
from sqlalchemy import select

from tightrope.data import sample_corpus_path
from tightrope.ingest import ingest
from tightrope.model import Document
from tightrope.pipeline import code_pending
from tightrope.store import Store, schema
from tightrope.store.copy import copied_tables


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    """The sample corpus ingested, coded and clustered into an SQLite store (built once)."""
    path = tmp_path_factory.mktemp("copy") / "sample.db"
    run_cli("ingest", str(sample_corpus_path()), "--db", str(path))
    return f"sqlite:///{path}"


def _dump(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, in key order, as plain tuples."""
    with Store(url) as store, store.engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                for t in copied_tables()}


def test_sqlite_store_copied_to_postgresql_is_the_same(sample_db, pg_server):
    target = pg_server.new_database()
    out = run_cli("migrate", "--from", sample_db, "--to", target).stdout
    source_rows, target_rows = _dump(sample_db), _dump(target)
    assert source_rows["documents"] and source_rows["events"] and source_rows["stories"]
    assert target_rows == source_rows
    assert f"{sum(map(len, source_rows.values()))} rows copied" in out

    # new rows get fresh ids past the copied ones: the sequences were advanced
    with Store(target) as store:
        ingest([Document(id="late", text="Vietnam and Laos signed a border agreement in Vientiane on Monday. "
                                         "Hanoi hosted the talks.", published="2025-12-01")], store)
        code_pending(store)
        with store.engine.connect() as conn:
            late = conn.execute(select(schema.events.c.id).where(schema.events.c.doc_id == "late")).scalars().all()
            story = conn.execute(select(schema.story_documents.c.story_id)
                                 .where(schema.story_documents.c.doc_id == "late")).scalar()
    assert late and min(late) > max(r[0] for r in source_rows["events"])
    assert story is not None


def test_copy_back_to_sqlite_round_trips(sample_db, pg_server, tmp_path):
    middle = pg_server.new_database()
    run_cli("migrate", "--from", sample_db, "--to", middle)
    back = f"sqlite:///{tmp_path / 'back.db'}"
    run_cli("migrate", "--from", middle, "--to", back)
    assert _dump(back) == _dump(sample_db)


def test_non_empty_target_is_refused_unless_told(sample_db, pg_server):
    target = pg_server.new_database()
    run_cli("migrate", "--from", sample_db, "--to", target)
    again = run_cli("migrate", "--from", sample_db, "--to", target, check=False)
    assert again.returncode == 1 and "is not empty" in again.stderr and "--into-non-empty" in again.stderr
    merged = run_cli("migrate", "--from", sample_db, "--to", target, "--into-non-empty")
    assert "0 rows copied" in merged.stdout
    assert _dump(target) == _dump(sample_db)
