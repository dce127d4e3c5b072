"""The ``tightrope`` command: a thin face over the library.

Each command group lives in its own module and registers itself on :data:`main`; commands
parse arguments, call library functions and print. No logic of the pipeline lives here.
"""

from __future__ import annotations

import sys

import click

from tightrope import __version__
from tightrope.errors import TightropeError


class _Main(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TightropeError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tightrope")
def main() -> None:
    """Tightrope: news about international politics into coded events, relations and briefings.

    \b
    Start with the demo, which ingests the bundled sample corpus:
      tightrope demo
    Then ingest your own articles and look at what is stored:
      tightrope ingest ~/news/ https://example.com/article.html
      tightrope docs list
    """


from tightrope.cli import actors as _actors  # noqa: E402,F401  (registers commands)
from tightrope.cli import batch as _batch  # noqa: E402,F401
from tightrope.cli import code as _code  # noqa: E402,F401
from tightrope.cli import demo as _demo  # noqa: E402,F401
from tightrope.cli import docs as _docs  # noqa: E402,F401
from tightrope.cli import eval as _eval  # noqa: E402,F401
from tightrope.cli import events as _events  # noqa: E402,F401
from tightrope.cli import ingest as _ingest  # noqa: E402,F401
from tightrope.cli import importer as _importer  # noqa: E402,F401
from tightrope.cli import integrity as _integrity  # noqa: E402,F401
from tightrope.cli import migrate as _migrate  # noqa: E402,F401
from tightrope.cli import relations as _relations  # noqa: E402,F401
from tightrope.cli import serve as _serve  # noqa: E402,F401
from tightrope.cli import stories as _stories  # noqa: E402,F401
