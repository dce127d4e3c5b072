"""Copying a whole store to another database (SQLite → PostgreSQL, or back).

Every table of the schema is copied with its ids, in foreign-key order, inside one
transaction on the target: a failed copy leaves the target as it was. Afterwards the
target's id sequences (PostgreSQL) are moved past the copied ids, so that new events and
stories do not collide with copied ones. The source is only read (opening it applies any
schema migration it lacks, as opening any store does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy import Connection, Table, bindparam, func, select, text, update

from tightrope.errors import StoreError
from tightrope.store import schema
from tightrope.store.db import Store

CHUNK = 5000  # rows read and written per round trip


def copied_tables() -> list[Table]:
    """The tables a copy carries, parents before children (schema_version is the target's own)."""
    return [t for t in schema.metadata.sorted_tables if t is not schema.schema_version]


def row_counts(store: Store) -> dict[str, int]:
    """Rows per copied table."""
    with store.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in copied_tables()}


def copy_store(source: Store, target: Store, into_non_empty: bool = False,
               on_rows: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every row of ``source`` into ``target``; returns the rows copied per table.

    A target holding rows is refused unless ``into_non_empty``; then rows whose key the
    target already has are skipped (the target's row wins). ``on_rows(table, n)`` is called
    after each chunk (for progress bars)."""
    if source.url == target.url:
        raise StoreError(f"--from and --to are the same database ({source.shown_url})")
    before = row_counts(target)
    held = {name: n for name, n in before.items() if n}
    if held and not into_non_empty:
        listed = ", ".join(f"{n} {name}" for name, n in held.items())
        raise StoreError(f"the target {target.shown_url} is not empty ({listed}): copy into an empty database, "
                         "or give --into-non-empty to add to it (rows whose id it already has are skipped)")
    try:
        with source.engine.connect() as src, target.writing() as dst:
            for table in copied_tables():
                _copy_table(src, dst, target, table, on_rows)
            if target.is_postgresql:
                _advance_sequences(dst)
    except StoreError:
        raise
    except Exception as exc:  # any database error: the target transaction was rolled back
        raise StoreError(f"copying {source.shown_url} to {target.shown_url} failed, the target is unchanged: {exc}") from exc
    return {name: n - before[name] for name, n in row_counts(target).items()}


def _self_references(table: Table) -> list[str]:
    """Columns of ``table`` that point at rows of the same table (documents.near_duplicate_of)."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _chunks(src: Connection, table: Table) -> Iterator[list[dict]]:
    query = select(table).order_by(*table.primary_key.columns)
    result = src.execution_options(stream_results=True, yield_per=CHUNK).execute(query)
    for part in result.mappings().partitions(CHUNK):
        yield [dict(row) for row in part]


def _copy_table(src: Connection, dst: Connection, target: Store, table: Table,
                on_rows: Callable[[str, int], None] | None) -> None:
    """Copy one table. A column pointing into the same table is written in a second pass,
    once every row it may point at is there."""
    later = _self_references(table)
    key = [c.name for c in table.primary_key.columns]
    pending: list[dict] = []
    for rows in _chunks(src, table):
        if later:
            pending += [{**{f"k_{k}": r[k] for k in key}, **{f"v_{c}": r[c] for c in later}}
                        for r in rows if any(r[c] is not None for c in later)]
            rows = [{**r, **{c: None for c in later}} for r in rows]
        dst.execute(target._insert_ignore(table), rows)
        if on_rows:
            on_rows(table.name, len(rows))
    if pending:
        where = [table.c[k] == bindparam(f"k_{k}") for k in key]
        values = {c: bindparam(f"v_{c}") for c in later}
        dst.execute(update(table).where(*where).values(**values), pending)


def _advance_sequences(dst: Connection) -> None:
    """Move each serial id's sequence past the largest id now stored."""
    for table in copied_tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or pk[0].autoincrement is not True:
            continue
        col = pk[0].name
        dst.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{col}'), "
            f"(SELECT COALESCE(MAX({col}), 0) + 1 FROM {table.name}), false)"))
