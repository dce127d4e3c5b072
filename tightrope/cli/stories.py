"""``tightrope stories`` and ``tightrope brief``: stories formed at ingest, and their briefings."""

from __future__ import annotations

import json

import click

from tightrope.cli import main
from tightrope.cli.common import console, db_option, err_console, open_store


def _catch_up(store) -> None:
    """Documents stored without coding (``ingest --no-code``) join stories now."""
    from tightrope.stories.cluster import assign_pending

    done = assign_pending(store)
    if done:
        err_console.print(f"stories: {len(done)} documents not yet in a story were assigned")


@main.command("stories")
@click.option("--since", metavar="DATE", help="Only stories with articles on or after this date (YYYY[-MM[-DD]]).")
@click.option("--actor", metavar="KEY", help="Only stories naming this actor: a key (VNM, IGO:ASEAN) or a person's name.")
@click.option("--limit", type=int, default=None, help="At most this many stories (most recent first).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="jsonl: one line per story, {\"story\": ID, \"title\": …, \"articles\": [ids given at ingest]}.")
@db_option
def stories_command(since, actor, limit, fmt, db):
    """List the stories that formed as articles were ingested, most recent first: title,
    dates, articles, independent sources, top actors and event types.

    \b
    Examples:
      tightrope stories
      tightrope stories --since 2025-01 --actor VNM
      tightrope stories --format jsonl > stories.jsonl
    """
    from tightrope.stories.listing import parse_since, story_actor_key, story_records

    store = open_store(db)
    try:
        _catch_up(store)
        records = story_records(store, since=parse_since(since) if since else None, actor=story_actor_key(actor),
                                limit=limit, with_sources=fmt == "table")
        if fmt == "jsonl":
            for r in records:
                click.echo(json.dumps({"story": r.id, "title": r.title, "articles": r.documents,
                                       "first_published": r.first_published, "last_published": r.last_published},
                                      ensure_ascii=False))
            return
        for r in records:
            dates = r.first_published if r.first_published == r.last_published else f"{r.first_published} – {r.last_published}"
            console.print(f"[bold]{r.id:>5}[/bold]  {dates or 'undated':23}  {len(r.documents):3} articles, "
                          f"{r.sources:2} sources  [bold]{r.title}[/bold]", highlight=False)
            console.print(f"{'':7}actors: {', '.join(r.actors) or '-'}   events: {', '.join(r.event_types[:5]) or '-'}",
                          markup=False)
        console.print(f"{len(records)} stories; `tightrope brief ID` writes one's briefing")
    finally:
        store.close()



@main.command("brief")
@click.argument("story_id")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@click.option("--writer", type=click.Choice(["extractive", "generative"]), default="extractive", show_default=True,
              help="generative: rephrase through the OpenAI-compatible endpoint of $TIGHTROPE_LLM_URL and "
                   "$TIGHTROPE_LLM_MODEL; sentences that fail the source check are dropped.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of printing.")
@db_option
def brief_command(story_id, fmt, writer, output, db):
    """Write the briefing of a story: what's happened, what's behind the headline, what the
    papers say, how we got here, go deeper, more on these topics. Every sentence cites the
    article and character span it comes from.

    \b
    Examples:
      tightrope brief 3
      tightrope brief 3 --format html -o story3.html
      TIGHTROPE_LLM_URL=http://127.0.0.1:8080/v1 TIGHTROPE_LLM_MODEL=local tightrope brief 3 --writer generative
    """
    from tightrope.stories.briefing import build_briefing
    from tightrope.stories.render import RENDERERS
    from tightrope.stories.writer import GenerativeWriter

    chosen = GenerativeWriter.from_env() if writer == "generative" else None
    store = open_store(db)
    try:
        _catch_up(store)
        text = RENDERERS[fmt](build_briefing(store, story_id, writer=chosen))
    finally:
        store.close()
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        console.print(f"briefing of story {story_id} written to {output}")
    else:
        click.echo(text, nl=False)
