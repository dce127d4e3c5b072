"""``tightrope events`` and ``tightrope export``: stored events, listed or exported."""

from __future__ import annotations

import csv
import io
import json
import sys

import click
from rich.table import Table

from tightrope.cli import main
from tightrope.cli.common import console, db_option, err_console, open_store
from tightrope.store.events import query_events


def _keys(actors) -> str:
    return ",".join(dict.fromkeys(a["key"] for a in actors)) or "-"


def _filters(func):
    for opt in reversed([
        click.option("--actor", metavar="KEY", help="Events with this actor on either side (VNM, IGO:ASEAN…)."),
        click.option("--with", "with_", metavar="KEY", help="…and this one too (a dyad)."),
        click.option("--type", "type_", metavar="TYPE", help="PLOVER type (CONSULT, AGREE…)."),
        click.option("--since", metavar="DATE", help="Events dated on or after DATE."),
        click.option("--until", metavar="DATE", help="Events dated on or before DATE."),
        click.option("--certainty", type=click.Choice(["asserted", "attributed", "speculative", "planned", "negated", "hypothetical"])),
        click.option("--doc", "doc_id", metavar="ID", help="Events of one document."),
        click.option("--limit", type=int, default=None),
    ]):
        func = opt(func)
    return func


@main.command("events")
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@db_option
def events_command(actor, with_, type_, since, until, certainty, doc_id, limit, fmt, db):
    """List stored events with their evidence sentence and source article.

    \b
    Examples:
      tightrope events --actor VNM --with CHN --since 2025-01-01
      tightrope events --type CONSULT --format jsonl
    """
    with open_store(db) as store:
        rows = query_events(store, actor=actor, with_=with_, type_=type_, since=since, until=until,
                            doc_id=doc_id, certainty=certainty, limit=limit)
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["date", "type", "mode", "source", "target", "reciprocal", "certainty", "cameo", "goldstein", "quad",
                    "doc_id", "evidence_start", "evidence_end", "evidence", "url"])
        for r in rows:
            w.writerow([r["date"], r["type"], r["mode"], _keys(r["source"]), _keys(r["target"]), r["reciprocal"],
                        r["certainty"], r["cameo"], r["goldstein"], r["quad"], r["doc_id"], *r["evidence"],
                        r["evidence_text"], r["url"]])
        return
    table = Table(box=None, pad_edge=False, show_lines=False)
    for col in ("date", "type", "source → target", "certainty", "evidence", "document"):
        table.add_column(col, overflow="fold")
    for r in rows:
        arrow = "↔" if r["reciprocal"] else "→"
        kind = r["type"] + (f"/{r['mode']}" if r["mode"] else "")
        table.add_row(r["date"] or "", kind, f"{_keys(r['source'])} {arrow} {_keys(r['target'])}", r["certainty"],
                      r["evidence_text"][:160], f"{r['doc_id']} [{r['evidence'][0]}:{r['evidence'][1]}]")
    console.print(table)
    console.print(f"{len(rows)} events")


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["plover", "gdelt", "parquet"]), required=True)
@click.option("-o", "--output", metavar="PATH", default="-", help="File to write (- for stdout; a folder for parquet).")
@_filters
@db_option
def export_command(fmt, output, actor, with_, type_, since, until, certainty, doc_id, limit, db):
    """Export stored events: PLOVER JSON (one object per line), GDELT-style tab-separated rows
    (CAMEO code, Goldstein, QuadClass, actor codes, date, source URL), or Parquet.

    \b
    Examples:
      tightrope export --format plover -o events.jsonl
      tightrope export --format gdelt --actor VNM -o vnm.tsv
      tightrope export --format parquet -o events.parquet
    """
    from tightrope.events.export import to_gdelt_rows, to_plover

    with open_store(db) as store:
        rows = query_events(store, actor=actor, with_=with_, type_=type_, since=since, until=until,
                            doc_id=doc_id, certainty=certainty, limit=limit)
    if fmt == "parquet":
        from tightrope.events.export import write_parquet

        if output == "-":
            raise click.UsageError("parquet needs -o PATH")
        write_parquet(rows, output)
    else:
        buf = io.StringIO()
        if fmt == "plover":
            for r in rows:
                buf.write(json.dumps(to_plover(r), ensure_ascii=False) + "\n")
        else:
            w = csv.writer(buf, delimiter="\t", lineterminator="\n")
            for line in to_gdelt_rows(rows, header=True):
                w.writerow(line)
        if output == "-":
            sys.stdout.write(buf.getvalue())
        else:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(buf.getvalue())
    err_console.print(f"export: {len(rows)} events" + (f" → {output}" if output != "-" else ""))
