"""The store's tables, one definition for SQLite and PostgreSQL.

SQLAlchemy Core tables; the migrations in :mod:`tightrope.store.migrations` create and alter
them, so this file always shows the current schema. Types are the portable ones (Text,
Integer, BigInteger, Float) so that the same rows round-trip through both engines.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, Table, Text

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

# Coded events (see ANNOTATION.md); actors as JSON lists, and again one row per actor key in
# event_actors so that "events involving VNM" is an indexed lookup.
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", Text, nullable=False),
    Column("mode", Text),
    Column("context", Text, nullable=False, default="[]"),
    Column("source", Text, nullable=False, default="[]"),
    Column("target", Text, nullable=False, default="[]"),
    Column("reciprocal", Boolean, nullable=False, default=False),
    Column("certainty", Text, nullable=False),
    Column("attribution", Text),
    Column("date", Text),
    Column("historical", Boolean, nullable=False, default=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("cameo", Text),
    Column("goldstein", Float),
    Column("quad", Integer),
    Column("trigger", Text),
)
Index("ix_events_doc_id", events.c.doc_id)
Index("ix_events_date", events.c.date)
Index("ix_events_type", events.c.type)
# Filtered listings (``tightrope events --type``/``--certainty``, the API) read events in date
# order: these keep such a page one index range scan instead of a sort of every match (migration 6).
Index("ix_events_type_date", events.c.type, events.c.date)
Index("ix_events_certainty_date", events.c.certainty, events.c.date)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("side", Text, primary_key=True),  # source | target
    # Who acted (migration 5): the sector, the office held on the event's date and its level
    # (2 leader: head of state/government, party chief; 1 minister-level; 0 other or unknown).
    Column("sector", Text),
    Column("role", Text),
    Column("level", Integer, nullable=False, default=0),
)
Index("ix_event_actors_key", event_actors.c.key, event_actors.c.event_id)

# One row per event and pair of parties (migration 5), for the relations analytics: ``a`` acts
# on ``b``, or, when ``mutual``, the two act together (reciprocal acts, "A and B agreed"; then
# a < b). The event's date, type, scores, certainty and the higher level of the two parties
# are copied here so that what the monthly sums below cannot answer (a month cut by a day-precise
# bound, weekly series, balancing moves) is a range scan of the covering index, never a join
# over millions of events. Events of documents that copy another are left out (counted once).
event_dyads = Table(
    "event_dyads",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("a", Text, primary_key=True),
    Column("b", Text, primary_key=True),
    Column("mutual", Boolean, nullable=False, default=False),
    Column("date", Text),
    Column("type", Text, nullable=False),
    Column("quad", Integer),
    Column("goldstein", Float),
    Column("certainty", Text, nullable=False),
    Column("level", Integer, nullable=False, default=0),
)
Index("ix_event_dyads_pair", event_dyads.c.a, event_dyads.c.b, event_dyads.c.date, event_dyads.c.certainty,
      event_dyads.c.quad, event_dyads.c.level, event_dyads.c.type, event_dyads.c.mutual, event_dyads.c.goldstein,
      event_dyads.c.event_id)
# Every pair's events of a stretch of days (migration 7): the relation network reads the month a
# day-precise bound cuts from this index alone (it covers what the network counts).
Index("ix_event_dyads_date", event_dyads.c.date, event_dyads.c.certainty, event_dyads.c.quad, event_dyads.c.a,
      event_dyads.c.b)

# The monthly sums of event_dyads per pair and direction (migration 5), kept by save_events in
# the same transaction as the events, so that a dyad over ten years is a few hundred rows read.
# ``month`` is the event date's first seven characters ("2025-10"; "2025" for a year-only date;
# "" undated). "Stated" counts are asserted and attributed events; the four certainties after
# them are counted apart. ``weight`` is the hedging engagement weight of the stated cooperative
# events (see tightrope.analytics.hedging), ``*_weight`` that of speculative/planned ones.
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
DYAD_MONTH_SUMS = (
    "events", "goldstein_sum", "scored", "high_level", "leader_level", "quad_1", "quad_2", "quad_3", "quad_4",
    "weight", "coop_high", *(f"type_{t.lower()}" for t in PLOVER_TYPES), "type_other",
    "speculative", "planned", "negated", "hypothetical", "speculative_weight", "planned_weight",
)
_FLOAT_SUMS = {"goldstein_sum", "weight", "speculative_weight", "planned_weight"}


def _dyad_sums_table(name: str, period: str) -> Table:
    """A table of DYAD_MONTH_SUMS keyed by pair, direction and ``period``; without rowid, so
    rows are clustered by pair and period: a dyad's periods are adjacent pages."""
    return Table(
        name,
        metadata,
        Column("a", Text, primary_key=True),
        Column("b", Text, primary_key=True),
        Column("mutual", Boolean, primary_key=True),
        Column(period, Text, primary_key=True),
        *(Column(c, Float if c in _FLOAT_SUMS else Integer, nullable=False, default=0) for c in DYAD_MONTH_SUMS),
        sqlite_with_rowid=False,
    )


dyad_months = _dyad_sums_table("dyad_months", "month")
# Every pair's months of one year (migration 7), for the months of a year a bound cuts: what the
# relation network counts is in the index, so the table itself is not read.
Index("ix_dyad_months_month", dyad_months.c.month, dyad_months.c.a, dyad_months.c.b, dyad_months.c.events,
      dyad_months.c.quad_1, dyad_months.c.quad_2, dyad_months.c.quad_3, dyad_months.c.quad_4)

# The same sums by year (migration 7), kept with dyad_months by the same upserts: ``year`` is the
# month's first four characters ("" undated). The relation network over years reads a few
# thousand rows here instead of every pair's every month.
dyad_years = _dyad_sums_table("dyad_years", "year")

# Which documents the coder has seen, and with which version: uncoded ones are coded on the
# next ingest, so a run killed between storing and coding completes later.
coded_documents = Table(
    "coded_documents",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("coder_version", Text, nullable=False),
    Column("coded_at", Text, nullable=False),
)


# The integrity stage's findings, one row per document (see tightrope.integrity): spin score
# and verdict, the repaired text with its edits (JSON spans into documents.text, which is never
# changed), framing flags (JSON), the original a spun copy repeats, and the fingerprint (names
# and numbers in order, JSON) that links copies; integrity_anchors indexes its items.
integrity = Table(
    "integrity",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("spun", Boolean, nullable=False),
    Column("score", Float, nullable=False),
    Column("repaired", Text),
    Column("edits", Text, nullable=False, default="[]"),
    Column("flags", Text, nullable=False, default="[]"),
    Column("copy_of", Text, ForeignKey("documents.id")),
    Column("copy_similarity", Float),
    Column("fingerprint", Text, nullable=False, default="[]"),
    Column("checked_at", Text, nullable=False),
)
Index("ix_integrity_copy_of", integrity.c.copy_of)
Index("ix_integrity_spun", integrity.c.spun, integrity.c.copy_of)

integrity_anchors = Table(
    "integrity_anchors",
    metadata,
    Column("anchor", Text, primary_key=True),
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)
Index("ix_integrity_anchors_doc_id", integrity_anchors.c.doc_id)

# Stories (see tightrope.stories): clusters of documents about one happening, formed as
# documents arrive. ``profile`` is the JSON sum of the members' feature vectors (terms, actors,
# events) that new documents are compared with; first_day/last_day are date ordinals.
# story_documents says which story each document is in and why; story_keys indexes each
# story's heaviest terms and actors with its dates, so that the candidates for a new document
# are one indexed lookup however large the store grows.
stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text, nullable=False),
    Column("title_doc", Text),
    Column("size", Integer, nullable=False, default=0),
    Column("first_day", Integer),
    Column("last_day", Integer),
    Column("dated_loosely", Boolean, nullable=False, default=True),  # dates from month-only documents
    Column("profile", Text, nullable=False, default="{}"),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)
Index("ix_stories_last_day", stories.c.last_day)

story_documents = Table(
    "story_documents",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("score", Float),
    Column("reason", Text, nullable=False),
    Column("features", Text, nullable=False, default="{}"),
    Column("assigned_at", Text, nullable=False),
)
Index("ix_story_documents_story_id", story_documents.c.story_id)

story_keys = Table(
    "story_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("weight", Float, nullable=False),
    Column("first_day", Integer),
    Column("last_day", Integer),
)
Index("ix_story_keys_key_day", story_keys.c.key, story_keys.c.last_day)
Index("ix_story_keys_story_id", story_keys.c.story_id)
