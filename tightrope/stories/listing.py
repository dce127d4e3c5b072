"""Stories as records for listings: members, dates, independent sources, actors, event types.

Reads the store; the ``tightrope stories`` command and the briefing both start here.
"""

from __future__ import annotations

import re
from collections import Counter

from tightrope.errors import InputError
from tightrope.model import Story
from tightrope.store import stories as rows
from tightrope.store.events import query_events
from tightrope.stories.features import day_span
from tightrope.stories.sources import group_sources

TOP_ACTORS = 5


def story_actor_key(actor: str | None) -> str | None:
    """An actor filter (a key or a name) as the key stories are indexed by: a state or IGO key,
    or ``P:<person>`` for a person of the dictionary."""
    if not actor:
        return None
    from tightrope.actors.dictionary import default_dictionary

    found = default_dictionary().find(actor)
    person = next((e for e in found if e.kind == "person"), None)
    if person is not None:
        return "P:" + person.name
    return found[0].key if found and found[0].key else actor.upper()


def story_record(store, story: rows.StoryRow, with_sources: bool = True) -> Story:
    """The :class:`~tightrope.model.Story` of a stored story."""
    members = rows.members(store, story.id)
    dates = sorted(m.published for m in members if m.published)
    actors = [k.split(":", 1)[1] for k, _ in sorted((story.profile.get("a") or {}).items(), key=lambda kv: -kv[1])]
    types: Counter[str] = Counter()
    for m in members:
        for e in query_events(store, doc_id=m.doc_id):
            if not e["historical"]:
                types[e["type"]] += 1
    sources = len(group_sources(store, members)) if with_sources else 0
    return Story(
        id=story.id,
        title=story.title,
        documents=[m.doc_id for m in members],
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        sources=sources,
        actors=actors[:TOP_ACTORS],
        event_types=[t for t, _ in types.most_common()],
    )


def story_records(store, since: int | None = None, actor: str | None = None, limit: int | None = None,
                  with_sources: bool = True) -> list[Story]:
    """Stories, most recent first; ``since`` is a day ordinal (see :func:`parse_since`),
    ``actor`` an actor key or ``P:<person>``."""
    return [story_record(store, s, with_sources) for s in rows.list_stories(store, since, actor, limit)]


def parse_since(value: str) -> int:
    """``--since`` (``2025``, ``2025-04`` or ``2025-04-14``) as the ordinal of its first day."""
    first, _ = day_span(value.strip())
    if first is None or not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value.strip()):
        raise InputError(f"--since {value!r}", "give a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return first
