"""Versioned schema migrations.

Each migration is a numbered step applied once, in order, inside one transaction that also
records it in ``schema_version``; opening a store applies whatever is missing. We keep this
small list instead of Alembic because the store must migrate itself on first use from a
plain ``--db`` argument, with no configuration files for users to carry around; the steps are
written with SQLAlchemy so they run unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import Connection, delete, func, insert, inspect, select, text

from tightrope.store import schema


def _initial(conn: Connection) -> None:
    for table in (schema.documents, schema.doc_bands):
        table.create(conn, checkfirst=True)
    for index in list(schema.documents.indexes) + list(schema.doc_bands.indexes):
        index.create(conn, checkfirst=True)


def _integrity(conn: Connection) -> None:
    for table in (schema.integrity, schema.integrity_anchors):
        table.create(conn, checkfirst=True)
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def _events(conn: Connection) -> None:
    for table in (schema.events, schema.event_actors, schema.coded_documents):
        table.create(conn, checkfirst=True)
    for table in (schema.events, schema.event_actors):
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def _stories(conn: Connection) -> None:
    for table in (schema.stories, schema.story_documents, schema.story_keys):
        table.create(conn, checkfirst=True)
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def _dyad_tables(conn: Connection) -> None:
    for table in (schema.event_dyads, schema.dyad_months, schema.dyad_years):
        table.create(conn, checkfirst=True)
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def _event_levels(conn: Connection) -> None:
    """Who acted, and the dyad tables: add ``sector``/``role``/``level`` to event_actors (absent
    where migration 3 ran before them), create ``event_dyads`` and ``dyad_months``, and fill
    them for the events already stored, a thousand at a time. The backfill writes through
    today's code, which keeps ``dyad_years`` with ``dyad_months``: migration 7's table is made
    here too."""
    from tightrope.store.events import backfill_event_levels

    have = {c["name"] for c in inspect(conn).get_columns("event_actors")}
    for name, ddl in (("sector", "TEXT"), ("role", "TEXT"), ("level", "INTEGER NOT NULL DEFAULT 0")):
        if name not in have:
            conn.execute(text(f"ALTER TABLE event_actors ADD COLUMN {name} {ddl}"))
    _dyad_tables(conn)
    backfill_event_levels(conn)


def _event_filter_indexes(conn: Connection) -> None:
    """Indexes for listing events of one type or certainty in date order."""
    for index in schema.events.indexes:
        index.create(conn, checkfirst=True)


def _rollups(conn: Connection) -> None:
    """The yearly sums ``dyad_years``, added up from ``dyad_months`` (replacing what migration 5
    wrote of them when it ran in the same upgrade), and the indexes by date and by month that
    the relation network reads."""
    dm, dy = schema.dyad_months, schema.dyad_years
    _dyad_tables(conn)
    conn.execute(delete(dy))
    year = func.substr(dm.c.month, 1, 4)
    sums = [func.sum(dm.c[c]) for c in schema.DYAD_MONTH_SUMS]
    conn.execute(insert(dy).from_select(["a", "b", "mutual", "year", *schema.DYAD_MONTH_SUMS],
                                        select(dm.c.a, dm.c.b, dm.c.mutual, year, *sums)
                                        .group_by(dm.c.a, dm.c.b, dm.c.mutual, year)))


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "documents and near-duplicate buckets", _initial),
    (2, "integrity: spin verdicts, repaired texts, framing flags, copy links", _integrity),
    (3, "coded events, their actors, and which documents are coded", _events),
    (4, "stories: clusters of documents, their members and candidate keys", _stories),
    (5, "event actors' offices and levels; events by pair of parties, and their monthly sums", _event_levels),
    (6, "events by type and by certainty in date order, for filtered listings", _event_filter_indexes),
    (7, "yearly sums of pairs of parties, and their months and events by date, for the relation network", _rollups),
]

LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    """The highest migration applied to this database (0 for a new one)."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    found = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(found, default=0)


def is_current(conn: Connection) -> bool:
    """Whether every migration is applied (read without taking the write lock)."""
    if not inspect(conn).has_table("schema_version"):
        return False
    have = set(conn.execute(select(schema.schema_version.c.version)).scalars().all())
    return all(version in have for version, _, _ in MIGRATIONS)


def migrate(conn: Connection) -> list[int]:
    """Apply every missing migration; return the versions applied."""
    schema.schema_version.create(conn, checkfirst=True)
    have = set(conn.execute(select(schema.schema_version.c.version)).scalars().all())
    applied = []
    for version, description, step in MIGRATIONS:
        if version in have:
            continue
        step(conn)
        conn.execute(
            schema.schema_version.insert().values(
                version=version,
                description=description,
                applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            )
        )
        applied.append(version)
    return applied
