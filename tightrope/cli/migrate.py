"""``tightrope migrate``: copy a whole store to another database (SQLite → PostgreSQL)."""

from __future__ import annotations

import click

from tightrope.cli import main
from tightrope.cli.common import console, open_store, progress_bar


@main.command("migrate")
@click.option("--from", "source", required=True, metavar="PATH_OR_URL", help="The store to copy (SQLite file or database URL).")
@click.option("--to", "target", required=True, metavar="PATH_OR_URL", help="The database to copy it into (created and migrated if new).")
@click.option("--into-non-empty", is_flag=True, help="Add to a target that already holds rows (rows whose id it has are skipped).")
def migrate_command(source, target, into_non_empty):
    """Copy every table of a store, ids kept, into another database.

    The target gets the same schema; the copy is one transaction (a failure leaves the
    target as it was), and PostgreSQL's id sequences are moved past the copied ids. A
    target that already holds rows is refused unless --into-non-empty is given.

    \b
    Examples:
      tightrope migrate --from ~/.local/share/tightrope/tightrope.db \\
                        --to postgresql+psycopg://tightrope@db.example.org/tightrope
      tightrope migrate --from postgresql+psycopg://tightrope@db/tightrope --to backup.db
    """
    from tightrope.store.copy import copy_store, row_counts

    with open_store(source) as src, open_store(target) as dst:
        counts = row_counts(src)
        with progress_bar("copying") as bar:
            task = bar.add_task("copying", total=sum(counts.values()))
            copied = copy_store(src, dst, into_non_empty=into_non_empty, on_rows=lambda _t, n: bar.advance(task, n))
    for name, n in copied.items():
        skipped = counts[name] - n
        if counts[name]:
            console.print(f"  {name}: {n} rows" + (f" ({skipped} already there, skipped)" if skipped > 0 else ""))
    console.print(f"migrate: {sum(copied.values())} rows copied from {src.shown_url} to {dst.shown_url}")
