"""Incremental story clustering: each new document joins the story it fits best, or starts one.

For a document not yet in a story:

1. a copy of a document already in a story (a near-duplicate, or a spun copy linked to its
   original by the integrity stage) joins that story;
2. otherwise its candidate stories are looked up by its heaviest terms and actors within
   :data:`~tightrope.stories.scoring.WINDOW_DAYS` of its date (one indexed lookup per key,
   bounded however large the store), each is scored (:func:`~tightrope.stories.scoring.similarity`),
   and it joins the best one scoring at least ``JOIN_THRESHOLD``, else starts a new story;
3. when it also scored well with another candidate, and the two stories now look alike (less
   alike will do when the document could have joined either), the two are merged — so an
   early article that started a story of its own is gathered in later.

Nothing is ever recomputed over the whole store: each step reads and writes only the stories
the document touches, in one transaction. This module must not code events or change documents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from tightrope.actors.resolver import Resolver
from tightrope.model import Document
from tightrope.store import schema
from tightrope.store import stories as rows
from tightrope.store.events import query_events
from tightrope.stories import scoring
from tightrope.stories.features import Features, cosine, features
from tightrope.stories.sentences import sentences

CANDIDATES = 30  # stories scored in full per document
TITLE_CHARS = 120


@dataclass(slots=True)
class Assignment:
    """Where one document went and why."""

    doc_id: str
    story_id: int
    reason: str
    score: float | None = None
    merged: list[int] = field(default_factory=list)  # stories merged into ``story_id``
    new: bool = False


class StoryClusterer:
    """Assigns stored documents to stories. Build once per run (it holds the actor resolver)."""

    def __init__(self, store, resolver: Resolver | None = None):
        self.store = store
        self._resolver = resolver

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver()
        return self._resolver

    # -- public API ----------------------------------------------------------------------

    def assign_pending(self, on_document: Callable[[Assignment], None] | None = None) -> list[Assignment]:
        """Assign every stored document that is in no story, in the order they arrived."""
        done = []
        for doc_id in rows.unassigned_document_ids(self.store):
            result = self.assign(doc_id)
            if result is not None:
                done.append(result)
                if on_document:
                    on_document(result)
        return done

    def assign(self, doc_id: str) -> Assignment | None:
        """Put one stored document into a story; None when it is already in one (or gone)."""
        doc = self.store.get_document(doc_id)
        if doc is None:
            return None
        f = self.features_of(doc)
        try:
            with self.store.writing() as conn:  # one clustering writer at a time (see Store.writing)
                if rows.stories_of(conn, [doc_id]):
                    return None
                return self._assign(conn, doc, f)
        except IntegrityError:  # another process assigned it meanwhile
            return None

    def features_of(self, doc: Document) -> Features:
        """The clustering features of a stored document (read from its coded text and events)."""
        text = self.store.text_for_coding(doc.id) or doc.text
        mentions = self.resolver.resolve(text, on=doc.published, doc_id=doc.id)
        events = query_events(self.store, doc_id=doc.id)
        return features(doc.id, doc.title, text, doc.published, mentions, events)

    # -- the steps -----------------------------------------------------------------------

    def _assign(self, conn, doc: Document, f: Features) -> Assignment:
        linked = self._copy_link(conn, doc)
        if linked is not None:
            story_id, original, how = linked
            story = rows.load_stories(conn, [story_id])[story_id]
            score = scoring.similarity(f, self._profile(story)).total
            result = Assignment(doc.id, story_id, f"{how} {original}", score)
            self._join(conn, story, doc, f, result, retitle=False)  # a copy's headline is not the story's
            return result

        candidates = rows.candidate_stories(conn, scoring.query_keys(f), f.first_day, f.last_day,
                                            scoring.WINDOW_DAYS, CANDIDATES)
        loaded = rows.load_stories(conn, candidates)
        scores = {sid: scoring.similarity(f, self._profile(s)) for sid, s in loaded.items()}
        best = max(scores, key=lambda sid: scores[sid].total, default=None)
        if best is None or scores[best].total < scoring.JOIN_THRESHOLD:
            story_id = rows.create_story(conn, _title_of(doc), doc.id)
            story = rows.StoryRow(story_id, _title_of(doc), doc.id, 0, None, None, True, {})
            result = Assignment(doc.id, story_id, "started the story", None, new=True)
            self._join(conn, story, doc, f, result, new=True)
            return result

        story = loaded[best]
        result = Assignment(doc.id, best, scores[best].explain(), scores[best].total)
        profile = self._join(conn, story, doc, f, result)
        for other_id, s in sorted(scores.items(), key=lambda kv: -kv[1].total):
            if other_id in (best, story.id) or other_id in result.merged or s.total < scoring.MERGE_CANDIDATE:
                continue
            other = loaded[other_id]
            needed = scoring.MERGE_BRIDGED if s.total >= scoring.JOIN_THRESHOLD else scoring.MERGE_THRESHOLD
            if scoring.story_similarity(profile, self._profile(other)).total >= needed:
                merged_away = max(story.id, other_id)
                profile = self._merge(conn, story, profile, other)
                result.merged.append(merged_away)
                result.story_id = story.id
        return result

    def _copy_link(self, conn, doc: Document) -> tuple[int, str, str] | None:
        """The story of a document this one copies or is copied by, with how they are linked."""
        d, i = schema.documents, schema.integrity
        links: list[tuple[str, str]] = []
        if doc.near_duplicate_of:
            links.append((doc.near_duplicate_of, "near-duplicate of"))
        links += [(x, "original of near-duplicate") for x in
                  conn.execute(select(d.c.id).where(d.c.near_duplicate_of == doc.id)).scalars()]
        copy_of = conn.execute(select(i.c.copy_of).where(i.c.doc_id == doc.id)).scalar()
        if copy_of:
            links.append((copy_of, "spun copy of"))
        links += [(x, "original of spun copy") for x in
                  conn.execute(select(i.c.doc_id).where(i.c.copy_of == doc.id)).scalars()]
        found = rows.stories_of(conn, [x for x, _ in links])
        for other, how in links:
            if other in found:
                return found[other], other, how
        return None

    @staticmethod
    def _profile(story: rows.StoryRow) -> scoring.Profile:
        return scoring.Profile.from_json(story.profile, story.first_day, story.last_day, story.dated_loosely)

    def _join(self, conn, story: rows.StoryRow, doc: Document, f: Features, result: Assignment,
              new: bool = False, retitle: bool = True) -> scoring.Profile:
        profile = scoring.Profile.of(f) if new else self._profile(story)
        if not new:
            profile.add(f)
        if not new and retitle and doc.title:
            self._maybe_retitle(conn, story, profile, doc, f)
        rows.add_member(conn, story.id, doc.id, result.score, result.reason, f.to_json())
        self._save(conn, story, profile)
        return profile

    def _maybe_retitle(self, conn, story: rows.StoryRow, profile: scoring.Profile, doc: Document, f: Features) -> None:
        """The story's title is the headline of the member closest to the whole story."""
        centre = profile.vectors()[0]
        current = rows.member_features(conn, story.title_doc) if story.title_doc else {}
        has_title = conn.execute(select(schema.documents.c.title).where(
            schema.documents.c.id == story.title_doc)).scalar() if story.title_doc else None
        if not has_title or cosine(f.terms, centre) > cosine(current.get("t", {}), centre):
            story.title, story.title_doc = _title_of(doc), doc.id

    def _merge(self, conn, story: rows.StoryRow, profile: scoring.Profile, other: rows.StoryRow) -> scoring.Profile:
        """Merge ``story`` and ``other``; the older (lower) id survives, and ``story`` is
        updated to be the survivor."""
        profile.absorb(self._profile(other))
        keep, gone = (story, other) if story.id < other.id else (other, story)
        rows.move_members(conn, gone.id, keep.id)
        centre = profile.vectors()[0]
        headed = [s for s in (keep, gone) if s.title_doc]
        if headed:
            best = max(headed, key=lambda s: cosine(rows.member_features(conn, s.title_doc).get("t", {}), centre))
            keep.title, keep.title_doc = best.title, best.title_doc
        story.id, story.title, story.title_doc = keep.id, keep.title, keep.title_doc
        self._save(conn, story, profile)
        return profile

    @staticmethod
    def _save(conn, story: rows.StoryRow, profile: scoring.Profile) -> None:
        story.profile = profile.to_json()
        story.size, story.first_day, story.last_day, story.dated_loosely = (
            profile.size, profile.first_day, profile.last_day, profile.loose)
        rows.save_story(conn, story, profile.index_keys())


def _title_of(doc: Document) -> str:
    """A document's headline, or its first sentence when it has none."""
    if doc.title and doc.title.strip():
        return doc.title.strip()
    spans = sentences(doc.text)
    first = doc.text[spans[0][0]:spans[0][1]] if spans else doc.text
    first = " ".join(first.split()).strip("\"“”")
    return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def assign_pending(store, resolver: Resolver | None = None,
                   on_document: Callable[[Assignment], None] | None = None) -> list[Assignment]:
    """Assign every stored document that is in no story yet (what ingest runs after coding)."""
    if not rows.unassigned_document_ids(store):
        return []
    return StoryClusterer(store, resolver).assign_pending(on_document)
