"""The store: one schema over SQLite (default) or PostgreSQL (by URL).

``Store(url)`` opens (and migrates) a database; callers never see which engine it is. Every
write is one transaction per batch, so a killed run leaves whole articles or none, and a rerun
skips what is already stored. This module must never parse, extract or code text: it stores
what the stages before it made.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import platformdirs
from sqlalchemy import Connection, bindparam, create_engine, event, func, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from tightrope.errors import StoreError
from tightrope.ingest import dedup
from tightrope.model import Document, Integrity
from tightrope.store import integrity as integrity_rows
from tightrope.store import migrations, schema

ENV_DB = "TIGHTROPE_DB"

# The PostgreSQL advisory lock that writers hold for the length of a write transaction (an
# arbitrary constant: "tightrope" in the low bytes). See Store.writing.
WRITE_LOCK = 0x7469676874726F70


def default_db_path() -> Path:
    """Where the store lives when neither ``--db`` nor ``TIGHTROPE_DB`` says otherwise."""
    return Path(platformdirs.user_data_dir("tightrope")) / "tightrope.db"


def resolve_db_url(db: str | os.PathLike | None = None) -> str:
    """Turn ``--db`` (a path or an SQLAlchemy URL), else ``$TIGHTROPE_DB``, else the default
    file, into an SQLAlchemy URL."""
    db = db or os.environ.get(ENV_DB) or default_db_path()
    db = str(db)
    if "://" in db:
        return db
    return "sqlite:///" + str(Path(db).expanduser().resolve())


@dataclass(slots=True)
class AddResult:
    """What happened to one document offered to the store.

    ``status`` is ``added``, ``near-duplicate`` (added, linked to ``of``), ``duplicate``
    (not added: ``of`` is the stored copy) or ``conflict`` (not added: the id is taken by a
    different text).
    """

    doc_id: str
    status: str
    of: str | None = None
    similarity: float | None = None


# Stored documents sharing a bucket with the new one, those sharing most first.
_CANDIDATES = (
    select(schema.doc_bands.c.doc_id)
    .where(schema.doc_bands.c.bucket.in_(bindparam("keys", expanding=True)))
    .group_by(schema.doc_bands.c.doc_id)
    .order_by(func.count().desc(), schema.doc_bands.c.doc_id)  # ties broken alike on both engines
    .limit(20)
)


def _set_sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Store:
    """A Tightrope database. Open it with a URL from :func:`resolve_db_url`."""

    def __init__(self, url: str | None = None):
        self.url = resolve_db_url(url)
        try:
            parsed = make_url(self.url)
        except ArgumentError as exc:
            raise StoreError(f"--db {self.url!r} is neither a file path nor a database URL") from exc
        self.shown_url = parsed.render_as_string(hide_password=True)  # for messages
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.is_postgresql = parsed.get_backend_name() == "postgresql"
        if self.is_sqlite and parsed.database not in (None, "", ":memory:"):
            try:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot open database {self.url!r}: {exc.strerror or exc}") from exc
        try:
            self.engine: Engine = create_engine(self.url, pool_pre_ping=self.is_postgresql)
        except (ArgumentError, ImportError) as exc:
            raise StoreError(f"cannot open database {self.url!r}: {exc}") from exc
        if self.is_sqlite:
            event.listen(self.engine, "connect", _set_sqlite_pragmas)
        try:
            with self.engine.connect() as conn:
                current = migrations.is_current(conn)
            if not current:  # readers of a current store never queue behind a writer
                with self.writing() as conn:
                    migrations.migrate(conn)
        except OperationalError as exc:
            raise StoreError(f"cannot open database {self.shown_url!r}: {exc.orig}") from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction, one writer at a time across every process using this database.

        Deduplication, near-duplicate linking, copy links and story clustering all read what
        is stored and then write what follows from it; two processes doing that at once under
        READ COMMITTED would each miss the other's uncommitted rows (a lost near-duplicate
        link, a story split in two) or lock the same rows in opposite orders (a deadlock). On
        PostgreSQL writers therefore queue on one transaction-scoped advisory lock, released
        at commit or rollback; readers take no lock and never wait (MVCC). SQLite already
        allows one writer at a time (WAL), and its readers do not wait either."""
        with self.engine.begin() as conn:
            if self.is_postgresql:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
            yield conn

    def add_documents(self, docs: Iterable[Document]) -> list[AddResult]:
        """Store a batch of documents in one transaction, skipping exact duplicates and
        linking near-duplicates to their earliest stored copy."""
        results = []
        try:
            with self.writing() as conn:
                for doc in docs:
                    results.append(self._add_one(conn, doc))
        except SQLAlchemyError as exc:
            raise StoreError(f"writing to {self.shown_url} failed, nothing of this batch was stored: {exc}") from exc
        return results

    def _insert_ignore(self, table):
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        return dialect.insert(table).on_conflict_do_nothing()

    def _add_one(self, conn: Connection, doc: Document) -> AddResult:
        d = schema.documents
        url = dedup.canonical_url(doc.url)
        digest = dedup.text_hash(doc.text)
        same = conn.execute(
            select(d.c.id, d.c.text_hash, d.c.url).where(
                or_(d.c.id == doc.id, d.c.text_hash == digest, *([d.c.url == url] if url else []))
            )
        ).all()
        for row in same:
            if row.text_hash == digest or (url and row.url == url):
                return AddResult(doc.id, "duplicate", of=row.id)
        if same:  # only the id is taken, by another text
            return AddResult(doc.id, "conflict", of=same[0].id)

        shingles = dedup.shingles(doc.text)
        keys = dedup.band_keys(shingles)
        near, similarity = self._nearest_copy(conn, shingles, keys)
        row = {
            "id": doc.id,
            "url": url,
            "text_hash": digest,
            "title": doc.title,
            "outlet": doc.outlet,
            "published": doc.published,
            "language": doc.language,
            "source": doc.source,
            "text": doc.text,
            "meta": json.dumps(doc.meta, ensure_ascii=False, sort_keys=True),
            "near_duplicate_of": None,
            "similarity": None,
            "ingested_at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
        }
        inserted = conn.execute(self._insert_ignore(d).values(**row)).rowcount
        if not inserted:  # another process stored it between our check and our insert
            other = conn.execute(
                select(d.c.id).where(or_(d.c.id == doc.id, d.c.text_hash == digest, *([d.c.url == url] if url else [])))
            ).scalar()
            return AddResult(doc.id, "duplicate", of=other)
        if keys:
            conn.execute(self._insert_ignore(schema.doc_bands), [{"bucket": k, "doc_id": doc.id} for k in keys])
        if doc.integrity is not None:  # the integrity stage's findings, in the same transaction
            for item in [doc.integrity, *doc.integrity.copies]:
                if item.copy_of and conn.execute(select(d.c.id).where(d.c.id == item.copy_of)).first() is None:
                    # its original was not stored (a duplicate, or refused): keep the verdict, drop the link
                    item.copy_of, item.copy_similarity = None, None
                integrity_rows.write(conn, item)
        if near is None:
            return AddResult(doc.id, "added")
        root = self._link_to_earliest(conn, doc, near, similarity)
        return AddResult(doc.id, "near-duplicate", of=root, similarity=similarity)

    def _nearest_copy(self, conn: Connection, shingles: set[str], keys: list[int]) -> tuple[str | None, float]:
        """The most similar stored document above the threshold, and its similarity."""
        if not keys:
            return None, 0.0
        candidates = conn.execute(_CANDIDATES, {"keys": keys}).scalars().all()
        if not candidates:
            return None, 0.0
        best, best_sim = None, 0.0
        for cand_id, text in conn.execute(
            select(schema.documents.c.id, schema.documents.c.text).where(schema.documents.c.id.in_(candidates))
            .order_by(schema.documents.c.id)
        ):
            sim = dedup.jaccard(shingles, dedup.shingles(text))
            if sim > best_sim:
                best, best_sim = cand_id, sim
        if best_sim < dedup.NEAR_DUPLICATE_THRESHOLD:
            return None, 0.0
        return best, round(best_sim, 4)

    def _link_to_earliest(self, conn: Connection, doc: Document, near: str, similarity: float) -> str:
        """Link ``doc`` into ``near``'s group of copies, whose root is the earliest copy; when
        ``doc`` is older than that root it becomes the new root. Returns the root's id."""
        d = schema.documents
        root_id = conn.execute(select(d.c.near_duplicate_of).where(d.c.id == near)).scalar() or near
        root = conn.execute(select(d.c.id, d.c.published, d.c.text).where(d.c.id == root_id)).one()
        if doc.published and root.published and doc.published < root.published:
            root_sim = dedup.jaccard(dedup.shingles(doc.text), dedup.shingles(root.text))
            conn.execute(
                d.update().where(d.c.near_duplicate_of == root_id).values(near_duplicate_of=doc.id)
            )
            conn.execute(
                d.update().where(d.c.id == root_id).values(near_duplicate_of=doc.id, similarity=round(root_sim, 4))
            )
            return doc.id
        conn.execute(d.update().where(d.c.id == doc.id).values(near_duplicate_of=root_id, similarity=similarity))
        return root_id

    # -- reading -------------------------------------------------------------------------

    @staticmethod
    def _document(row) -> Document:
        return Document(
            id=row.id,
            text=row.text,
            title=row.title,
            url=row.url,
            outlet=row.outlet,
            published=row.published,
            language=row.language,
            source=row.source,
            meta=json.loads(row.meta or "{}"),
            near_duplicate_of=row.near_duplicate_of,
            similarity=row.similarity,
        )

    def get_document(self, doc_id: str) -> Document | None:
        """The stored document with this id, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.documents).where(schema.documents.c.id == doc_id)).first()
        return self._document(row) if row else None

    def documents(self, limit: int | None = None, offset: int = 0, since: str | None = None) -> list[Document]:
        """Stored documents, oldest publication first."""
        d = schema.documents
        query = select(d).order_by(d.c.published.nullsfirst(), d.c.ingested_at, d.c.id).offset(offset)
        if since:
            query = query.where(d.c.published >= since)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [self._document(row) for row in conn.execute(query)]

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()

    def copies_of(self, doc_id: str) -> list[Document]:
        """The near-duplicate copies linked to ``doc_id``."""
        d = schema.documents
        with self.engine.connect() as conn:
            rows = conn.execute(select(d).where(d.c.near_duplicate_of == doc_id).order_by(d.c.published.nullsfirst(), d.c.id))
            return [self._document(row) for row in rows]

    # -- integrity (spin verdicts, repaired texts, framing flags, copy links) --------------

    def save_integrity(self, items: Iterable[Integrity]) -> None:
        """Insert or replace the integrity rows of stored documents, in one transaction."""
        try:
            with self.writing() as conn:
                for item in items:
                    integrity_rows.write(conn, item)
        except SQLAlchemyError as exc:
            raise StoreError(f"writing integrity rows to {self.shown_url} failed, none was stored: {exc}") from exc

    def get_integrity(self, doc_id: str) -> Integrity | None:
        """What the integrity stage found in ``doc_id``, or None (not stored, or not checked)."""
        with self.engine.connect() as conn:
            return integrity_rows.get(conn, doc_id)

    def text_for_coding(self, doc_id: str) -> str | None:
        """The text later stages read: the repaired text of a spun document, else the stored
        text (None when there is no such document)."""
        i, d = schema.integrity, schema.documents
        with self.engine.connect() as conn:
            row = conn.execute(
                select(d.c.text, i.c.repaired).select_from(d.outerjoin(i, i.c.doc_id == d.c.id)).where(d.c.id == doc_id)
            ).first()
        if row is None:
            return None
        return row.repaired if row.repaired is not None else row.text

    def copy_candidates(self, fingerprint: list[str], exclude: str | None = None, limit: int = 5) -> list[str]:
        """Stored clean documents that may be the original of a spun copy with this fingerprint."""
        with self.engine.connect() as conn:
            return integrity_rows.candidates(conn, fingerprint, spun=False, exclude=exclude, limit=limit)

    def has_unlinked_spun(self) -> bool:
        """Whether any stored spun copy still waits for its original."""
        t = schema.integrity
        with self.engine.connect() as conn:
            return conn.execute(select(t.c.doc_id).where(t.c.spun.is_(True), t.c.copy_of.is_(None)).limit(1)).first() is not None

    def unlinked_spun_candidates(self, fingerprint: list[str], limit: int = 5) -> list[str]:
        """Stored spun copies with no original yet that a document with this fingerprint may be
        the original of."""
        with self.engine.connect() as conn:
            return integrity_rows.candidates(conn, fingerprint, spun=True, unlinked=True, limit=limit)

    def unchecked_document_ids(self) -> list[str]:
        """Stored documents the integrity stage has not seen (stored before it existed)."""
        with self.engine.connect() as conn:
            return integrity_rows.unchecked_document_ids(conn)

    def copies_spun_from(self, doc_id: str) -> list[str]:
        """Ids of the spun copies linked to the original ``doc_id``."""
        t = schema.integrity
        with self.engine.connect() as conn:
            return list(conn.execute(select(t.c.doc_id).where(t.c.copy_of == doc_id).order_by(t.c.doc_id)).scalars())
