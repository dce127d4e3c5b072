"""``tightrope eval``: quality figures against gold files."""

from __future__ import annotations

import json

import click

from tightrope.cli import main
from tightrope.cli.common import console


@main.group("eval")
def eval_group():
    """Score Tightrope against gold files.

    \b
    Example:
      tightrope eval actors --plover ../shared/benchmarks/event_anchors/PLOVER_GSR_CAMEO.json
    """


@eval_group.command("actors")
@click.option("--plover", type=click.Path(exists=True, dir_okay=False), help="PLOVER gold records (JSON list with source/target actor texts and codes).")
@click.option("--mentions", type=click.Path(exists=True, dir_okay=False), help="Hand-checked mentions (JSONL: doc, text, occurrence, key, sector).")
@click.option("--articles", type=click.Path(exists=True, dir_okay=False), help="The articles the --mentions refer to (ingest JSONL).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures (and every miss) as JSON.")
@click.option("--show-errors", is_flag=True, help="List every miss.")
def eval_actors(plover, mentions, articles, as_json, show_errors):
    """Share of gold actor mentions resolved to the right key.

    \b
    Example:
      tightrope eval actors --plover ../shared/benchmarks/event_anchors/PLOVER_GSR_CAMEO.json \\
          --mentions tests/actors/fixtures/dev_mentions.jsonl --articles ../shared/data/articles_dev.jsonl
    """
    from tightrope.actors.resolver import Resolver
    from tightrope.eval.actors import score_mentions, score_plover

    if not plover and not mentions:
        raise click.UsageError("give --plover and/or --mentions (with --articles)")
    if mentions and not articles:
        raise click.UsageError("--mentions needs --articles")
    resolver = Resolver()
    results = {}
    if plover:
        results["plover"] = score_plover(plover, resolver)
    if mentions:
        results["mentions"] = score_mentions(mentions, articles, resolver)
    if as_json:
        click.echo(json.dumps({k: v.as_dict() for k, v in results.items()}, ensure_ascii=False, indent=2))
        return
    for name, score in results.items():
        extra = f" ({score.left_out} non-state gold actors left out)" if score.left_out else ""
        console.print(f"{name:9} {score.right}/{score.total} resolved to the right key: {score.accuracy:.1%}{extra}")
        if show_errors:
            for e in score.errors:
                console.print(f"   miss: {json.dumps(e, ensure_ascii=False)}", markup=False)
