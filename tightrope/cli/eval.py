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


@eval_group.command("events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--show-errors", is_flag=True, help="List misses and false positives.")
def eval_events(gold, as_json, show_errors):
    """Run the coder over a gold file and print ANNOTATION.md's scores.

    GOLD is a document-level gold file (JSONL with "events"), a PLOVER GSR file (JSON list;
    primary-type accuracy) or a PETRARCH-2 GSR file (JSONL with "expected" CAMEO triples;
    triple F1 at CAMEO root level, beside PETRARCH-2's own output).

    \b
    Example:
      tightrope eval events ../shared/data/gold_events_dev.jsonl
    """
    from tightrope.eval.events import evaluate
    from tightrope.events.coder import EventCoder

    result = evaluate(gold, EventCoder())
    misses = result.pop("misses", [])
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    kind = result["kind"]
    if kind == "plover":
        console.print(f"PLOVER sentences: {result['sentences']}, primary-type accuracy {result['primary_type_accuracy']:.1%}")
        for name, s in result.get("per_type", {}).items():
            console.print(f"  {name:10} {s['accuracy']:.0%}  ({s['right']} of {s['gold']})")
        for note, n in result.get("convention_differences", {}).items():
            console.print(f"  convention: {n} × {note}")
    elif kind == "petrarch":
        t, p = result["triples"], result["petrarch2_triples"]
        console.print(f"PETRARCH-2 gold records: {result['records']}")
        console.print(f"  Tightrope  triple P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f}")
        console.print(f"  PETRARCH-2 triple P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f}")
        console.print(f"  {result['gold_statement_triples']} of the {t['gold']} gold triples are CAMEO 01 statements, "
                      "which have no PLOVER type")
    else:
        e, t = result["events"], result["type_only"]
        console.print(f"texts {result['texts']}  gold events {e['gold']}  system events {e['system']}")
        console.print(f"event      P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}")
        console.print(f"type only  P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}")
        console.print(f"certainty accuracy {result['certainty_accuracy']}  date accuracy {result['date_accuracy']}")
        for name, s in result["per_type"].items():
            console.print(f"  {name:10} P {s['precision']:.2f} R {s['recall']:.2f}  (gold {s['gold']}, system {s['system']})")
    if show_errors:
        for m in misses:
            console.print(f"  {json.dumps(m, ensure_ascii=False)}", markup=False)


@eval_group.command("spin")
@click.option("--shared", "shared", type=click.Path(file_okay=False), default="../shared", show_default=True,
              help="The shared folder with seeds/001_*.txt, data/spin/ pairs and data/articles_dev.jsonl.")
@click.option("--spun", "spun_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="More known spun texts (.txt, or .jsonl with id and text); repeatable.")
@click.option("--clean", "clean_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="More known clean texts (.txt or .jsonl); repeatable.")
@click.option("--pair", "pair_files", multiple=True, nargs=2, type=click.Path(exists=True, dir_okay=False),
              metavar="SPUN ORIGINAL", help="A spun text and its original, for repair figures; repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print every figure (and each text's score) as JSON.")
def eval_spin(shared, spun_files, clean_files, pair_files, as_json):
    """Spin detection and repair figures: spun texts flagged, false positives on clean news,
    spun words restored, unspun words wrongly changed, WER repaired vs spun (against the
    original), and the phrases issue 5 expects back.

    By default the sets are the bundled sample corpus (its spun copy, and its clean articles)
    and, from --shared, seed 001, the data/spin pairs and data/articles_dev.jsonl.

    \b
    Examples:
      tightrope eval spin
      tightrope eval spin --pair spun.txt original.txt --clean news.jsonl --json
    """
    from pathlib import Path

    from tightrope.eval.spin import evaluate, read_text, read_texts, standard_sets

    sets = standard_sets(Path(shared))
    for f in spun_files:
        sets["spun"] += [(i, t) for i, t, _ in read_texts(Path(f))]
    for f in clean_files:
        sets["clean"] += [(i, t) for i, t, _ in read_texts(Path(f))]
    for spun, original in pair_files:
        sets["pairs"].append((Path(spun).stem, read_text(Path(spun)), read_text(Path(original))))
    result = evaluate(**sets)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    d = result["detection"]
    console.print(f"detection  spun texts flagged {d['spun_flagged']}/{d['spun_total']} ({d['recall']:.1%}); "
                  f"false positives {d['clean_flagged']}/{d['clean_total']} clean texts ({d['false_positive_rate']:.1%})")
    for row in d["missed"]:
        console.print(f"   missed: {row['id']} (score {row['score']:.2f})", markup=False)
    for row in d["false_positives"]:
        console.print(f"   false positive: {row['id']} (score {row['score']:.2f})", markup=False)
    for r in result["repair"]:
        how = "with original " if r["with_original"] else "language only "
        console.print(f"repair {r['id']:16} {how} spun words restored {r['restored']}/{r['spun_words']} ({r['restored_share']:.1%}), "
                      f"unspun changed {r['wrongly_changed']}/{r['unspun_words']} ({r['wrongly_changed_share']:.2%}), "
                      f"WER {r['wer_spun']:.3f} → {r['wer_repaired']:.3f}", markup=False)
    for name, t in result["repair_totals"].items():
        console.print(f"total  {name:14} spun words restored {t['restored_share']:.1%}, unspun words changed "
                      f"{t['wrongly_changed_share']:.2%}, mean WER {t['wer_spun']:.3f} → {t['wer_repaired']:.3f}", markup=False)
    for p in result["phrases"]:
        console.print(f"phrases {p['id']}: spun {p['spun']}, {p['edits']} edits, spin score {p['score']:.2f} → "
                      f"{p['score_after_repair']:.2f} after repair (expected phrase, then its spun form: count in spun → repaired)", markup=False)
        forms = list(p["spun_forms"].items())
        for k, (phrase, v) in enumerate(p["phrases"].items()):
            gone = f"   {forms[k][0]!r} {forms[k][1][0]}→{forms[k][1][1]}" if k < len(forms) else ""
            console.print(f"   {phrase!r} {v[0]}→{v[1]}{gone}", markup=False)


@eval_group.command("stories")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", metavar="PATH_OR_URL", default=None, help="Store to ingest into (default: a temporary one).")
@click.option("--no-code", is_flag=True, help="Cluster without coding events first (faster, text and actors only).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures, the stories and the errors as JSON.")
@click.option("--show-errors", is_flag=True, help="List gold stories split apart and system stories that mix gold stories.")
def eval_stories(gold, db, no_code, as_json, show_errors):
    """Ingest GOLD (JSONL articles with a gold "story" label), let stories form as at
    ingest, and print B-cubed precision, recall and F1 of the stories against the labels.

    \b
    Example:
      tightrope eval stories ../shared/data/articles_dev.jsonl
    """
    from tightrope.eval.stories import evaluate

    result = evaluate(gold, db=db, code=not no_code)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    console.print(f"articles {result['articles']}  gold stories {result['gold_stories']}  "
                  f"system stories {result['system_stories']}")
    console.print(f"B-cubed  P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}")
    if show_errors:
        for e in result["errors"]:
            console.print(f"  {json.dumps(e, ensure_ascii=False)}", markup=False)
