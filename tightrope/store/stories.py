"""Storing and reading stories (the stories, story_documents and story_keys tables).

Functions over a SQLAlchemy connection or a :class:`~tightrope.store.Store`; the clustering
logic lives in :mod:`tightrope.stories.cluster`, which calls these inside one transaction per
assigned document. This module never decides which story a document belongs to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, delete, exists, func, insert, select, update

from tightrope.store import schema

KEY_ROWS_PER_KEY = 100  # candidate rows read per key: bounds the lookup however common a key is


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


@dataclass(slots=True)
class StoryRow:
    """A story as stored: its profile is the JSON the clusterer reads and writes."""

    id: int
    title: str
    title_doc: str | None
    size: int
    first_day: int | None
    last_day: int | None
    dated_loosely: bool
    profile: dict


def _row(r) -> StoryRow:
    return StoryRow(r.id, r.title, r.title_doc, r.size, r.first_day, r.last_day, bool(r.dated_loosely),
                    json.loads(r.profile or "{}"))


def unassigned_document_ids(store) -> list[str]:
    """Stored documents in no story yet, in the order they arrived."""
    d, sd = schema.documents, schema.story_documents
    with store.engine.connect() as conn:
        q = select(d.c.id).where(~exists().where(sd.c.doc_id == d.c.id)).order_by(d.c.ingested_at, d.c.id)
        return list(conn.execute(q).scalars())


def stories_of(conn: Connection, doc_ids: list[str]) -> dict[str, int]:
    """Document id → story id, for those of ``doc_ids`` already in a story."""
    if not doc_ids:
        return {}
    sd = schema.story_documents
    return dict(conn.execute(select(sd.c.doc_id, sd.c.story_id).where(sd.c.doc_id.in_(doc_ids))).all())


def candidate_stories(conn: Connection, keys: dict[str, float], first_day: int | None, last_day: int | None,
                      window: int, limit: int) -> list[int]:
    """Stories sharing indexed keys with a document dated ``[first_day, last_day]`` and within
    ``window`` days of it, best first by the summed products of key weights. Each key reads at
    most :data:`KEY_ROWS_PER_KEY` rows (the most recent stories in the window)."""
    k = schema.story_keys
    totals: dict[int, float] = {}
    for key, weight in keys.items():
        q = select(k.c.story_id, k.c.weight).where(k.c.key == key)
        if first_day is not None:
            # Stories whose last day is within the window: one short scan of the (key, last_day)
            # index, newest first. (A story that began before the document and went on for
            # more than the window after it is not found: only an old article arriving late
            # can fall inside such a story, and it then starts a story of its own.)
            q = q.where(k.c.last_day.between(first_day - window, last_day + window))
        q = q.order_by(k.c.last_day.desc()).limit(KEY_ROWS_PER_KEY)
        for story_id, w in conn.execute(q):
            totals[story_id] = totals.get(story_id, 0.0) + weight * w
    return [s for s, _ in sorted(totals.items(), key=lambda kv: -kv[1])[:limit]]


def load_stories(conn: Connection, ids: list[int]) -> dict[int, StoryRow]:
    if not ids:
        return {}
    s = schema.stories
    return {r.id: _row(r) for r in conn.execute(select(s).where(s.c.id.in_(ids)))}


def member_features(conn: Connection, doc_id: str) -> dict:
    sd = schema.story_documents
    raw = conn.execute(select(sd.c.features).where(sd.c.doc_id == doc_id)).scalar()
    return json.loads(raw) if raw else {}


def create_story(conn: Connection, title: str, title_doc: str | None) -> int:
    now = _now()
    return conn.execute(
        insert(schema.stories).values(title=title, title_doc=title_doc, size=0, profile="{}", dated_loosely=True,
                                      created_at=now, updated_at=now)
    ).inserted_primary_key[0]


def save_story(conn: Connection, story: StoryRow, keys: dict[str, float]) -> None:
    """Write a story's profile, dates and title, and replace its candidate keys."""
    s, k = schema.stories, schema.story_keys
    conn.execute(update(s).where(s.c.id == story.id).values(
        title=story.title, title_doc=story.title_doc, size=story.size, first_day=story.first_day,
        last_day=story.last_day, dated_loosely=story.dated_loosely,
        profile=json.dumps(story.profile, ensure_ascii=False, separators=(",", ":")), updated_at=_now()))
    conn.execute(delete(k).where(k.c.story_id == story.id))
    if keys:
        conn.execute(insert(k), [{"key": key, "story_id": story.id, "weight": w, "first_day": story.first_day,
                                  "last_day": story.last_day} for key, w in keys.items()])


def add_member(conn: Connection, story_id: int, doc_id: str, score: float | None, reason: str, features: dict) -> None:
    conn.execute(insert(schema.story_documents).values(
        doc_id=doc_id, story_id=story_id, score=None if score is None else round(score, 4), reason=reason,
        features=json.dumps(features, ensure_ascii=False, separators=(",", ":")), assigned_at=_now()))


def move_members(conn: Connection, from_story: int, to_story: int) -> None:
    """Put every member of ``from_story`` into ``to_story`` and delete ``from_story``."""
    sd, s, k = schema.story_documents, schema.stories, schema.story_keys
    conn.execute(update(sd).where(sd.c.story_id == from_story).values(story_id=to_story))
    conn.execute(delete(k).where(k.c.story_id == from_story))
    conn.execute(delete(s).where(s.c.id == from_story))


# -- reading, for listings and briefings -------------------------------------------------------


@dataclass(slots=True)
class Member:
    """A document of a story with what the listing and briefing need about it."""

    doc_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    near_duplicate_of: str | None
    similarity: float | None
    score: float | None
    reason: str


def members(store, story_id: int) -> list[Member]:
    """The documents of a story, oldest publication first."""
    d, sd = schema.documents, schema.story_documents
    q = (select(d.c.id, d.c.title, d.c.outlet, d.c.url, d.c.published, d.c.near_duplicate_of, d.c.similarity,
                sd.c.score, sd.c.reason)
         .join(sd, sd.c.doc_id == d.c.id).where(sd.c.story_id == story_id)
         .order_by(d.c.published.nullsfirst(), d.c.ingested_at, d.c.id))
    with store.engine.connect() as conn:
        return [Member(*row) for row in conn.execute(q)]


def get_story(store, story_id: int) -> StoryRow | None:
    with store.engine.connect() as conn:
        return load_stories(conn, [story_id]).get(story_id)


def list_stories(store, since_day: int | None = None, actor_key: str | None = None,
                 limit: int | None = None) -> list[StoryRow]:
    """Stories, most recent first; ``actor_key`` keeps those whose documents name that actor
    (an actor key such as ``VNM``, or ``P:<person>``)."""
    s = schema.stories
    q = select(s).order_by(s.c.last_day.desc().nullslast(), s.c.id.desc())
    if since_day is not None:
        q = q.where(s.c.last_day >= since_day)
    with store.engine.connect() as conn:
        rows = [_row(r) for r in conn.execute(q)]
    if actor_key:
        wanted = actor_key if actor_key.startswith(("P:", "K:")) else "K:" + actor_key
        rows = [r for r in rows if wanted in (r.profile.get("a") or {})]
    return rows[:limit] if limit is not None else rows


def story_ids_of(store, doc_ids: list[str]) -> dict[str, int]:
    with store.engine.connect() as conn:
        return stories_of(conn, doc_ids)


def count_stories(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.stories)).scalar_one()


def largest_story(store) -> int | None:
    """The story with most documents (the oldest of equals)."""
    s = schema.stories
    with store.engine.connect() as conn:
        return conn.execute(select(s.c.id).order_by(s.c.size.desc(), s.c.id).limit(1)).scalar()
