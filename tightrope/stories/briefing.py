"""The briefing of a story: six sections built from every document in it.

``build_briefing(store, story_id)`` gathers the story's material once
(:class:`~tightrope.stories.context.Context`) and asks each section for its items, in the order
of ``data/briefing.yaml``; sentences already shown are not repeated. The default writer is
extractive: every statement is a sentence of an article, cited by document id and character
span. A generative writer (:mod:`tightrope.stories.writer`) may then rephrase sections; its
sentences must pass the source check or are dropped.
"""

from __future__ import annotations

from tightrope.errors import InputError
from tightrope.model import Briefing, BriefingSection
from tightrope.store import stories as rows
from tightrope.stories.context import Context
from tightrope.stories.lexicon import lexicon
from tightrope.stories.listing import story_record
from tightrope.stories.sections.behind import behind
from tightrope.stories.sections.deeper import deeper
from tightrope.stories.sections.happened import happened
from tightrope.stories.sections.papers import sources_items
from tightrope.stories.sections.timeline import timeline
from tightrope.stories.sections.topics import topics

SECTIONS = {"happened": happened, "behind": behind, "papers": sources_items, "timeline": timeline,
            "deeper": deeper, "topics": topics}


def build_briefing(store, story_id: int | str, writer=None) -> Briefing:
    """The briefing of story ``story_id``; ``writer`` (a
    :class:`~tightrope.stories.writer.GenerativeWriter`) rephrases it when given."""
    row = _story_row(store, story_id)
    story = story_record(store, row)
    ctx = Context.gather(store, story, row)
    titles = lexicon().sections
    briefing = Briefing(story=story)
    for key, build in SECTIONS.items():
        briefing.sections.append(BriefingSection(key, titles[key], build(ctx)))
    if writer is not None:
        writer.rewrite(briefing, ctx)
    return briefing


def _story_row(store, story_id: int | str) -> rows.StoryRow:
    try:
        number = int(str(story_id).strip().lstrip("#"))
    except ValueError:
        raise InputError(f"story {story_id!r}", "a story id is a number: list them with `tightrope stories`") from None
    row = rows.get_story(store, number)
    if row is None:
        raise InputError(f"story {number}", f"no such story in {store.url}: list them with `tightrope stories`")
    return row
