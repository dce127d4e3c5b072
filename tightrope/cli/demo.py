"""``tightrope demo``: the README's main job on the bundled sample corpus."""

from __future__ import annotations

from collections import Counter

import click

from tightrope.cli import main
from tightrope.cli.common import console, progress_bar


@main.command("demo")
@click.option("--db", metavar="PATH_OR_URL", default=None, help="Where to put the demo store (default: demo.db in the user data directory).")
def demo_command(db):
    """Ingest the bundled sample corpus into a SQLite file and summarise it.

    Running it again is safe: what is already stored is recognised as duplicate.

    \b
    Example:
      tightrope demo --db /tmp/demo.db
    """
    # imported here, not at the top: `tightrope --help` should not load the language pipeline
    from tightrope import integrity
    from tightrope.data import sample_corpus_path
    from tightrope.ingest import ingest
    from tightrope.ingest.files import count_articles, read_file
    from tightrope.events import CODER_VERSION
    from tightrope.pipeline import code_pending
    from tightrope.store import Store, default_db_path
    from tightrope.store.events import query_events, uncoded_document_ids
    from tightrope.stories.briefing import build_briefing
    from tightrope.stories.listing import story_records
    from tightrope.stories.render import to_markdown

    db = db or str(default_db_path().with_name("demo.db"))
    corpus = sample_corpus_path()
    store = Store(db)
    with progress_bar("ingesting sample corpus") as bar:
        task = bar.add_task("ingesting sample corpus", total=count_articles(corpus))
        report = ingest(read_file(corpus), store, on_item=lambda _i: bar.advance(task), prepare=integrity.preparer(store))
    integrity.check_unchecked(store)
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
    checked = {d.id: store.get_integrity(d.id) for d in docs}
    for doc_id, found in checked.items():
        if found is not None and found.spun:
            link = f", copy of {found.copy_of} ({found.copy_similarity:.2f})" if found.copy_of else ""
            console.print(f"spun: {doc_id} (spin score {found.score:.2f}, {len(found.edits)} edits{link}); "
                          f"see `tightrope integrity check {doc_id} --diff --db {db}`")
    flagged = sum(1 for found in checked.values() if found is not None and found.flags)
    console.print(f"framing flags: {sum(len(f.flags) for f in checked.values() if f)} in {flagged} documents")
    with progress_bar("coding events") as bar:
        task = bar.add_task("coding events", total=len(uncoded_document_ids(store, CODER_VERSION)))
        code_pending(store, on_document=lambda: bar.advance(task))
    events = query_events(store)
    console.print(f"\n[bold]Events[/bold]: {len(events)} coded from {len(docs)} documents", markup=True)
    by_doc: dict[str, list[dict]] = {}
    for e in events:
        by_doc.setdefault(e["doc_id"], []).append(e)
    for d in docs:
        if d.id not in by_doc:
            continue
        console.print(f"[bold]{d.published or '?'}  {d.title or d.id}[/bold]  ({d.outlet})", markup=True)
        for e in sorted(by_doc[d.id], key=lambda e: e["evidence"][0]):
            arrow = "↔" if e["reciprocal"] else "→"
            src = ",".join(dict.fromkeys(a["key"] for a in e["source"])) or "-"
            tgt = ",".join(dict.fromkeys(a["key"] for a in e["target"])) or "-"
            kind = e["type"] + (f"/{e['mode']}" if e["mode"] else "")
            console.print(f"    {kind:18} {src} {arrow} {tgt:12} {e['certainty']:11} {e['date'] or '':10}  “{e['evidence_text'][:90]}”", markup=False)
    records = story_records(store)
    console.print(f"\n[bold]Stories[/bold]: {len(records)} formed from {len(docs)} documents", markup=True)
    for r in records:
        console.print(f"  {r.id:3}  {r.first_published or '?':10}  {len(r.documents)} articles, {r.sources} sources  {r.title}",
                      markup=False)
    largest = max(records, key=lambda r: (len(r.documents), r.sources, r.last_published or ""), default=None)
    console.print()
    console.print("Next:")
    console.print(f"  .venv/bin/tightrope docs list --db {db}")
    console.print(f"  .venv/bin/tightrope docs show {docs[0].id if docs else 'ID'} --db {db}")
    console.print(f"  .venv/bin/tightrope events --actor VNM --with CHN --db {db}")
    console.print(f"  .venv/bin/tightrope stories --db {db}")
    if largest is not None:
        console.print(f"  .venv/bin/tightrope brief {largest.id} --format html -o briefing.html --db {db}")
        console.print(f"\n[bold]Briefing of the largest story[/bold] (story {largest.id}):\n", markup=True)
        console.print(to_markdown(build_briefing(store, largest.id)), markup=False, highlight=False)
    store.close()
    # On stderr, like the other commands' closing hints: stdout stays the report and briefing.
    click.echo(f"\nDashboard: run `.venv/bin/tightrope serve --db {db}` and open http://127.0.0.1:8000/", err=True)
