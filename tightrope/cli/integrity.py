"""``tightrope integrity``: spin verdicts, repaired texts and framing flags."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from tightrope.cli import main
from tightrope.cli.common import console, db_option, open_store
from tightrope.errors import InputError
from tightrope.ingest.files import JSONL_SUFFIXES, read_file, suffix_of
from tightrope.model import Document, Integrity


@main.group("integrity")
def integrity_group():
    """Spun-text detection and repair, copy→original links, framing flags.

    \b
    Examples:
      tightrope integrity check article.txt
      tightrope integrity check --jsonl articles.jsonl --json
      tightrope integrity check doc-3f2a9c0e1b7d4a55 --diff
    """


def as_json(result: Integrity, doc: Document) -> dict:
    """The stable JSON interface: id, spun, score, repaired, edits (then copy link and flags)."""
    return {
        "id": result.doc_id,
        "spun": result.spun,
        "score": result.score,
        "repaired": result.repaired if result.repaired is not None else doc.text,
        "edits": [{"start": e.start, "end": e.end, "spun": e.spun, "restored": e.restored,
                   "confidence": e.confidence, "via": e.via} for e in result.edits],
        "copy_of": result.copy_of,
        "copy_similarity": result.copy_similarity,
        "flags": [{"start": f.start, "end": f.end, "kind": f.kind, "cue": f.cue, "cue_start": f.cue_start,
                   "cue_end": f.cue_end} for f in result.flags],
    }


def _marked(doc: Document, result: Integrity) -> str:
    """The repaired text with each edit shown as [spun → restored] (rich markup)."""
    out, at = [], 0
    for e in result.edits:
        out.append(escape(doc.text[at : e.start]))
        out.append(f"[dim strike]{escape(e.spun)}[/dim strike]→[bold green]{escape(e.restored)}[/bold green]")
        at = e.end
    out.append(escape(doc.text[at:]))
    return "".join(out)


def _print(doc: Document, result: Integrity, diff: bool) -> None:
    verdict = "[bold red]SPUN[/bold red]" if result.spun else "[green]clean[/green]"
    console.print(f"[bold]{escape(doc.id)}[/bold]: {verdict}, spin score {result.score:.2f} "
                  f"(spinner traces per 100 words), {len(result.edits)} edits, {len(result.flags)} framing flags", markup=True)
    if result.copy_of:
        console.print(f"copy of: {escape(result.copy_of)} (similarity {result.copy_similarity:.2f}); repaired by alignment with it", markup=True)
    if result.spun and diff:
        table = Table(show_lines=True, pad_edge=False, expand=True)
        table.add_column("spun")
        table.add_column("repaired")
        for spun, fixed in zip(doc.text.split("\n"), (result.repaired or doc.text).split("\n")):
            if spun.strip():
                table.add_row(escape(spun), escape(fixed))
        console.print(table)
    elif result.spun:
        console.print()
        console.print(_marked(doc, result), markup=True)
    for f in result.flags:
        sentence = doc.text[f.start : f.end]
        console.print(f"  flag {f.kind:9} “{escape(f.cue)}”  {escape(sentence[:110])}{'…' if len(sentence) > 110 else ''}", markup=True)
    console.print()


def _inputs(target: str, jsonl: bool, store):
    """(document, error) pairs for a file, a JSON Lines file or a stored document id."""
    path = Path(target)
    if jsonl or path.is_file():
        if jsonl and suffix_of(path) not in JSONL_SUFFIXES:
            raise InputError(target, "--jsonl needs a .jsonl (or .jsonl.gz) file")
        if not path.is_file():
            raise InputError(target, "no such file")
        single = suffix_of(path) not in JSONL_SUFFIXES
        for item in read_file(path):
            if isinstance(item, InputError):
                yield None, item
            else:
                if single:
                    item.id = target
                yield item, None
        return
    if store is None:
        raise InputError(target, "no such file, and no --db to look the id up in")
    doc = store.get_document(target)
    if doc is None:
        raise InputError(target, "neither a file nor a stored document id (see `tightrope docs list`)")
    yield doc, None


@integrity_group.command("check")
@click.argument("target", metavar="FILE_OR_ID")
@click.option("--jsonl", "jsonl", is_flag=True, help="FILE is JSON Lines: one article a line ({\"id\", \"text\", \"date\"}).")
@click.option("--json", "json_out", is_flag=True, help="Print one JSON object per input: id, spun, score, repaired, edits.")
@click.option("--diff", is_flag=True, help="Show spun and repaired text side by side, paragraph by paragraph.")
@db_option
def integrity_check(target, jsonl, json_out, diff, db):
    """Print the spin verdict, the score and the repaired text (edits marked) of a file, of
    each line of a JSON Lines file, or of a stored document.

    With --db (or $TIGHTROPE_DB), a spun text is linked to its original when that is stored,
    and repaired by alignment with it; otherwise repair works from language knowledge alone.

    \b
    Examples:
      tightrope integrity check ../shared/seeds/001_f68aae2226054b6b.txt
      tightrope integrity check --jsonl articles.jsonl --json
      tightrope integrity check tolam-pyongyang-spun --diff --db news.db
    """
    path = Path(target)
    store = open_store(db) if (db or not path.exists()) else None
    from tightrope.integrity import IntegrityChecker  # here: the language pipeline is slow to import

    checker = IntegrityChecker(store)
    failed = 0
    try:
        for doc, error in _inputs(target, jsonl, store):
            if error is not None:
                failed += 1
                click.echo(f"error: {error}", err=True)
                continue
            result = checker.check(doc)
            if json_out:
                click.echo(json.dumps(as_json(result, doc), ensure_ascii=False))
            else:
                _print(doc, result, diff)
    finally:
        if store is not None:
            store.close()
    if failed:
        raise SystemExit(1)
