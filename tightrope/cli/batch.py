"""``tightrope batch``: the whole pipeline over large inputs, on a Dask cluster."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import click

from tightrope.cli import main
from tightrope.cli.common import console, open_store, progress_bar


def parquet_folder(value: str) -> Path:
    """``parquet:DIR`` (or a bare DIR) as a folder path."""
    return Path(value.removeprefix("parquet:")).expanduser()


def _work_folder(db_url: str, keys: list[str]) -> Path:
    """Where a ``--db`` run keeps its parts when no --out is given: one folder per database
    and input set, so that a rerun finds its manifest."""
    import platformdirs

    digest = hashlib.sha1("|".join([db_url, *keys]).encode()).hexdigest()[:16]
    return Path(platformdirs.user_data_dir("tightrope")) / "batch" / digest


@main.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--engine", type=click.Choice(["dask", "serial"]), default="dask", show_default=True,
              help="dask: parts run on a Dask cluster; serial: in this process.")
@click.option("--scheduler", metavar="tcp://HOST:8786", help="An existing Dask scheduler (default: a local cluster).")
@click.option("--workers", type=int, default=2, show_default=True, help="Worker processes of the local cluster.")
@click.option("--out", metavar="parquet:DIR", help="Write documents, integrity and events as Parquet into DIR.")
@click.option("--db", metavar="PATH_OR_URL",
              help="Load the results into this store (SQLite file or database URL; never taken from $TIGHTROPE_DB: "
                   "a batch writes only where it is told).")
@click.option("--part-size", type=int, default=500, show_default=True, help="JSONL lines (or files) per part.")
@click.option("--retries", type=int, default=2, show_default=True, help="Retries of a failed part before it is reported.")
def batch_command(inputs, engine, scheduler, workers, out, db, part_size, retries):
    """Run extract → integrity → events → actors over large inputs, in parts, on Dask.

    INPUT: folders, .jsonl/.jsonl.gz, .warc/.warc.gz, .txt/.md/.html files. Each part (a
    range of JSONL lines, a WARC file, a run of files) is one task; every worker loads the
    language pipeline once. Results go to --out parquet:DIR (tables documents/, integrity/,
    events/ and a manifest) and/or into --db, where duplicates, near-duplicate links and
    stories are settled as by `tightrope ingest`. A rerun skips the finished parts; a part that
    fails is retried, then reported, and the others go on.

    \b
    Examples:
      tightrope batch archive/ --workers 8 --out parquet:out/
      tightrope batch crawl.warc.gz --scheduler tcp://10.0.0.5:8786 --out parquet:/data/run1
      tightrope batch news.jsonl.gz --db postgresql+psycopg://tightrope@db/tightrope
      tightrope import parquet:out/ --db postgresql+psycopg://tightrope@db/tightrope
    """
    if not out and not db:
        raise click.UsageError("give --out parquet:DIR, --db URL, or both")
    from tightrope.batch import InOrder, Loader, ParquetOutput, plan_parts, run_parts

    parts, errors = plan_parts(list(inputs), part_size)
    for err in errors:
        console.print(f"  failed {err.source}: {err.reason}")
    if not parts:
        raise click.ClickException("no readable input: give folders or .jsonl, .warc, .txt, .md or .html files")
    store = open_store(db) if db else None
    folder = parquet_folder(out) if out else _work_folder(store.url, [p.key for p in parts])
    output = ParquetOutput(folder)
    loader = InOrder(Loader(store), output, parts) if store else None
    started = time.perf_counter()
    with progress_bar("batch") as bar:
        task = bar.add_task(f"batch ({engine})", total=len(parts) - len(set(output.finished()) & {p.key for p in parts}))
        report = run_parts(parts, output, engine=engine, scheduler=scheduler, workers=workers, retries=retries,
                           on_result=loader.add if loader else None, on_part=lambda _p: bar.advance(task))
    elapsed = time.perf_counter() - started
    failed_articles = sum(len(e["failed"]) for e in report.done)
    rate = report.documents / elapsed if elapsed > 0 else 0.0
    console.print(f"batch: {len(report.done)} parts done, {report.skipped} already done, "
                  f"{report.documents} documents, {report.events} events, {failed_articles} articles failed "
                  f"({rate:.1f} articles/s on {report.workers} workers) → {folder}")
    for label, reason in report.failed_parts:
        console.print(f"  failed part {label}: {reason} (rerun to retry it)")
    if loader:
        loader.finish()
        ingest_report, coded = loader.loader.finish()
        console.print(f"store: {ingest_report.summary()}" + (f"; {coded} events coded again" if coded else ""))
        store.close()
    if report.failed_parts:
        raise SystemExit(1)
