"""``tightrope demo``: the README's main job on the bundled sample corpus."""

from __future__ import annotations

from collections import Counter

import click

from tightrope.cli import main
from tightrope.cli.common import console, progress_bar
from tightrope.data import sample_corpus_path
from tightrope.ingest import ingest
from tightrope.ingest.files import count_articles, read_file
from tightrope.store import Store, default_db_path


@main.command("demo")
@click.option("--db", metavar="PATH_OR_URL", default=None, help="Where to put the demo store (default: demo.db in the user data directory).")
def demo_command(db):
    """Ingest the bundled sample corpus into a SQLite file and summarise it.

    Running it again is safe: what is already stored is recognised as duplicate.

    \b
    Example:
      tightrope demo --db /tmp/demo.db
    """
    db = db or str(default_db_path().with_name("demo.db"))
    corpus = sample_corpus_path()
    store = Store(db)
    with progress_bar("ingesting sample corpus") as bar:
        task = bar.add_task("ingesting sample corpus", total=count_articles(corpus))
        report = ingest(read_file(corpus), store, on_item=lambda _i: bar.advance(task))
    docs = store.documents()
    console.print(f"[bold]Sample corpus[/bold] → {store.url}")
    console.print(f"ingest: {report.summary()}")
    dates = sorted(d.published for d in docs if d.published)
    outlets = Counter(d.outlet for d in docs if d.outlet)
    console.print(f"{len(docs)} documents from {len(outlets)} outlets, published {dates[0] if dates else '?'} to {dates[-1] if dates else '?'}")
    for outlet, n in outlets.most_common():
        console.print(f"  {n:3d}  {outlet}")
    copies = [d for d in docs if d.near_duplicate_of]
    for d in copies:
        console.print(f"near-duplicate: {d.id} is a copy of {d.near_duplicate_of} (similarity {d.similarity:.2f})")
    console.print()
    console.print("Next:")
    console.print(f"  .venv/bin/tightrope docs list --db {db}")
    console.print(f"  .venv/bin/tightrope docs show {docs[0].id if docs else 'ID'} --db {db}")
    store.close()
