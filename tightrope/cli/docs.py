"""``tightrope docs``: what is stored."""

from __future__ import annotations

import json

import click
from rich.table import Table

from tightrope.cli import main
from tightrope.cli.common import console, db_option, open_store
from tightrope.errors import InputError


@main.group("docs")
def docs_group():
    """List and show stored documents.

    \b
    Examples:
      tightrope docs list --limit 20
      tightrope docs show hegseth-hanoi-pws
    """


@docs_group.command("list")
@click.option("--limit", type=int, default=None, help="Show at most this many.")
@click.option("--since", metavar="DATE", help="Only documents published on or after DATE (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@db_option
def docs_list(limit, since, fmt, db):
    """List stored documents, oldest first.

    \b
    Example:
      tightrope docs list --since 2025-01-01 --format jsonl
    """
    with open_store(db) as store:
        docs = store.documents(limit=limit, since=since)
        total = store.count_documents()
    if fmt == "jsonl":
        for d in docs:
            row = d.to_dict()
            row.pop("text")
            row["words"] = len(d.text.split())
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    table = Table(show_lines=False, pad_edge=False, box=None)
    for col in ("id", "published", "outlet", "title", "words", "copy of"):
        table.add_column(col, overflow="fold")
    for d in docs:
        copy = f"{d.near_duplicate_of} ({d.similarity:.2f})" if d.near_duplicate_of else ""
        title = (d.title or d.text.split("\n", 1)[0])[:70]
        table.add_row(d.id, d.published or "", d.outlet or "", title, str(len(d.text.split())), copy)
    console.print(table)
    console.print(f"{len(docs)} of {total} documents")


@docs_group.command("show")
@click.argument("doc_id")
@click.option("--json", "as_json", is_flag=True, help="Print the document as one JSON object.")
@db_option
def docs_show(doc_id, as_json, db):
    """Show one document's metadata and text.

    \b
    Example:
      tightrope docs show doc-3f2a9c0e1b7d4a55 --json
    """
    with open_store(db) as store:
        doc = store.get_document(doc_id)
        copies = store.copies_of(doc_id) if doc else []
        checked = store.get_integrity(doc_id) if doc else None
    if doc is None:
        raise InputError(doc_id, "no such document (see `tightrope docs list`)")
    if as_json:
        row = doc.to_dict()
        row["copies"] = [c.id for c in copies]
        if checked is not None:
            row["integrity"] = {"spun": checked.spun, "score": checked.score, "edits": len(checked.edits),
                                "copy_of": checked.copy_of, "copy_similarity": checked.copy_similarity,
                                "flags": [{"kind": f.kind, "cue": f.cue, "start": f.start, "end": f.end} for f in checked.flags]}
        click.echo(json.dumps(row, ensure_ascii=False, indent=2))
        return
    for label, value in (
        ("id", doc.id),
        ("title", doc.title),
        ("outlet", doc.outlet),
        ("published", doc.published),
        ("url", doc.url),
        ("language", doc.language),
        ("source", doc.source),
    ):
        if value:
            console.print(f"[bold]{label}:[/bold] {value}", markup=True)
    if doc.near_duplicate_of:
        console.print(f"[bold]copy of:[/bold] {doc.near_duplicate_of} (similarity {doc.similarity:.2f})")
    if copies:
        console.print("[bold]copies:[/bold] " + ", ".join(f"{c.id} ({c.similarity:.2f})" for c in copies))
    if checked is not None:
        verdict = "spun" if checked.spun else "not spun"
        extra = f", {len(checked.edits)} repairs" if checked.spun else ""
        if checked.copy_of:
            extra += f", copy of {checked.copy_of} ({checked.copy_similarity:.2f})"
        console.print(f"[bold]integrity:[/bold] {verdict} (score {checked.score:.2f}{extra}); "
                      f"{len(checked.flags)} framing flags — `tightrope integrity check {doc.id} --diff`")
    console.print()
    console.print(doc.text, markup=False)
