"""``tightrope import``: batch output (Parquet) into the store."""

from __future__ import annotations

import click

from tightrope.cli import main
from tightrope.cli.common import console, db_option, open_store, progress_bar


@main.command("import")
@click.argument("source", metavar="parquet:DIR")
@db_option
def import_command(source, db):
    """Load the output of `tightrope batch --out parquet:DIR` into the store.

    Parts are loaded in input order, as `tightrope ingest` would store the same articles:
    duplicates are skipped (importing twice adds nothing), near-duplicates and spun copies
    are linked across parts, and the imported articles are clustered into stories.

    \b
    Example:
      tightrope batch archive/ --workers 8 --out parquet:out/
      tightrope import parquet:out/ --db postgresql+psycopg://tightrope@db/tightrope
    """
    from tightrope.batch import Loader, ParquetOutput
    from tightrope.cli.batch import parquet_folder

    output = ParquetOutput(parquet_folder(source))
    entries = output.entries()
    with open_store(db) as store:
        with progress_bar("importing") as bar:
            task = bar.add_task("importing", total=sum(e["documents"] for e in entries))
            loader = Loader(store, on_document=lambda: bar.advance(task))
            for entry in entries:
                loader.add_part(output.read(entry), entry["failed"])
            report, coded = loader.finish()
        console.print(f"import: {len(entries)} parts; {report.summary()}" + (f"; {coded} events coded again" if coded else ""))
