"""Options and helpers shared by the commands."""

from __future__ import annotations

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


console = Console(highlight=False, soft_wrap=True)
if not console.is_terminal:  # piped output: wide lines rather than wrapped table cells
    console = Console(highlight=False, soft_wrap=True, width=200)
err_console = Console(stderr=True, highlight=False)


def db_option(func):
    """``--db PATH_OR_URL`` on a command (default: $TIGHTROPE_DB, else the user data dir)."""
    return click.option(
        "--db",
        metavar="PATH_OR_URL",
        envvar="TIGHTROPE_DB",
        default=None,
        help="SQLite file or database URL (default: $TIGHTROPE_DB, else tightrope.db in the user data directory).",
    )(func)


def open_store(db: str | None):
    """The store at ``--db`` (imported here: the CLI starts fast when a command needs none)."""
    from tightrope.store import Store

    return Store(db)


def progress_bar(description: str) -> Progress:
    """A progress bar on stderr that disappears when the output is not a terminal."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )
