"""``tightrope ingest``: files, folders, URLs and feeds into the store."""

from __future__ import annotations

import click

from tightrope.cli import main
from tightrope.cli.common import console, db_option, open_store, progress_bar
from tightrope.ingest import IngestReport, ingest
from tightrope.ingest.fetch import Fetcher, FetchPolicy
from tightrope.ingest.files import count_articles, expand_paths, read_file
from tightrope.ingest.text import MAX_BYTES
from tightrope.ingest.web import read_feed, read_url


@main.command("ingest")
@click.argument("inputs", nargs=-1, metavar="PATH_OR_URL...")
@click.option("--feed", "feeds", multiple=True, metavar="URL_OR_FILE", help="An RSS/Atom feed: each entry becomes an article (repeatable).")
@click.option("--allow-private", is_flag=True, help="Allow fetching from loopback, private and link-local addresses.")
@click.option("--max-bytes", type=int, default=MAX_BYTES, show_default=True, help="Refuse files and pages larger than this.")
@click.option("--batch-size", type=int, default=100, show_default=True, help="Articles per transaction.")
@click.option("--code/--no-code", default=True, show_default=True, help="Code events in the new documents.")
@db_option
def ingest_command(inputs, feeds, allow_private, max_bytes, batch_size, code, db):
    """Read articles from files, folders, URLs and feeds, and store them.

    Files: .txt, .md, .html/.htm and .jsonl (one article a line: "text" or "html", optional
    "id", "title", "url", "outlet", "published"; a given id is kept). Folders are read
    recursively. The same article twice is stored once; near-duplicates (wire copies, light
    rewrites) are stored and linked to their earliest copy. New documents are then coded
    into events (--no-code to skip; the next ingest codes what was skipped).

    \b
    Examples:
      tightrope ingest articles.jsonl ~/news/
      tightrope ingest https://example.com/2025/11/02/story.html
      tightrope ingest --feed https://example.com/rss.xml
    """
    if not inputs and not feeds:
        raise click.UsageError("give at least one file, folder, URL or --feed")
    # the later stages load language models: imported here, so `--help` stays quick
    from tightrope import integrity
    from tightrope.events import CODER_VERSION
    from tightrope.pipeline import code_pending
    from tightrope.store.events import uncoded_document_ids

    urls = [i for i in inputs if "://" in i]
    paths = [i for i in inputs if "://" not in i]
    files, errors, skipped = expand_paths(paths)
    report = IngestReport(skipped_files=skipped)
    report.failed.extend((e.source, e.reason) for e in errors)
    store = open_store(db)
    fetcher = Fetcher(FetchPolicy(allow_private=allow_private, max_bytes=max_bytes)) if urls or feeds else None

    def items():
        for f in files:
            yield from read_file(f, max_bytes)
        for u in urls:
            yield read_url(u, fetcher)
        for feed in feeds:
            yield from read_feed(feed, fetcher)

    total = sum(count_articles(f) for f in files) + len(urls)
    with progress_bar("ingesting") as bar:
        task = bar.add_task("ingesting", total=total if not feeds else None)
        ingest(items(), store, batch_size=batch_size, on_item=lambda _i: bar.advance(task), report=report,
               prepare=integrity.preparer(store))
    integrity.check_unchecked(store)  # documents stored before the integrity stage existed
    if fetcher:
        fetcher.close()
    console.print(f"ingest: {report.summary()}")
    if code:
        pending = len(uncoded_document_ids(store, CODER_VERSION))
        with progress_bar("coding events") as bar:
            task = bar.add_task("coding events", total=pending)
            written = code_pending(store, on_document=lambda: bar.advance(task))
        if pending:
            console.print(f"events: {written} coded from {pending} documents")
    for source, reason in report.failed[3:]:
        console.print(f"  failed {source}: {reason}")
    store.close()
    if report.failed and not report.stored and not report.duplicates:
        raise SystemExit(1)
