"""The store's tables, one definition for SQLite and PostgreSQL.

SQLAlchemy Core tables; the migrations in :mod:`tightrope.store.migrations` create and alter
them, so this file always shows the current schema. Types are the portable ones (Text,
Integer, BigInteger, Float) so that the same rows round-trip through both engines.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Float, ForeignKey, Index, Integer, MetaData, Table, Text

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Text, primary_key=True),
    Column("url", Text, unique=True),  # canonical form; NULL for local files without one
    Column("text_hash", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", Text),  # ISO date or prefix ("2025-11")
    Column("language", Text),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("meta", Text, nullable=False, default="{}"),  # JSON object of further fields
    Column("near_duplicate_of", Text, ForeignKey("documents.id")),
    Column("similarity", Float),
    Column("ingested_at", Text, nullable=False),
)
Index("ix_documents_published", documents.c.published)
Index("ix_documents_near_duplicate_of", documents.c.near_duplicate_of)

# Locality-sensitive buckets of each document's MinHash signature (see ingest.dedup).
doc_bands = Table(
    "doc_bands",
    metadata,
    Column("bucket", BigInteger, primary_key=True),
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)
Index("ix_doc_bands_doc_id", doc_bands.c.doc_id)
