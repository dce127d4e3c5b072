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

from sqlalchemy import Connection, inspect, select

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


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "documents and near-duplicate buckets", _initial),
    (2, "integrity: spin verdicts, repaired texts, framing flags, copy links", _integrity),
    (3, "coded events, their actors, and which documents are coded", _events),
    (4, "stories: clusters of documents, their members and candidate keys", _stories),
]

LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    """The highest migration applied to this database (0 for a new one)."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    found = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(found, default=0)


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
