"""``tightrope relations``, ``tightrope hedging`` and ``tightrope network``: the relations
analytics (:mod:`tightrope.analytics`) as tables, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys

import click
from rich.table import Table

from tightrope.cli import main
from tightrope.cli.common import console, db_option, open_store
from tightrope.errors import InputError

_FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                       show_default=True, help="table for reading, json (the full report) or csv (one row per period).")
_SINCE = click.option("--since", metavar="DATE", help="Events dated on or after DATE (2025, 2025-04, 2025-04-14).")
_UNTIL = click.option("--until", metavar="DATE", help="Events dated on or before DATE.")


def _num(value, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _share(value) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _apart(stats: dict) -> str:
    shown = [f"{n} {c}" for c, n in stats["apart"].items() if n and c in ("speculative", "planned")]
    return ", ".join(shown) or "-"


@main.command("relations")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--by", type=click.Choice(["week", "month", "quarter", "year"]), default="month", show_default=True)
@_SINCE
@_UNTIL
@_FORMAT
@db_option
def relations_command(a, b, by, since, until, fmt, db):
    """Time series of the dyad A–B in both directions: events by PLOVER type and QuadClass,
    Goldstein sums and means, and the share of high-level events (a head of state or
    government, party chief or minister on either side).

    Counts are of asserted and attributed events; speculative and planned ones are shown apart.
    A and B are actor keys (VNM, IGO:ASEAN) or state names.

    \b
    Examples:
      tightrope relations VNM CHN
      tightrope relations VNM USA --by quarter --since 2023
      tightrope relations Vietnam China --by year --format json
    """
    from tightrope.analytics import dyad_series

    with open_store(db) as store:
        series = dyad_series(store, a, b, by=by, since=since, until=until).to_dict()
    if fmt == "json":
        click.echo(json.dumps(series, ensure_ascii=False, indent=2))
        return
    names = series["directions"]
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["period", "direction", "events", "cooperation", "conflict", "quad_1", "quad_2", "quad_3", "quad_4",
                    "goldstein_sum", "goldstein_mean", "high_level", "high_level_share", "speculative", "planned",
                    "negated", "hypothetical", "by_type"])
        for p in series["periods"]:
            for d in ("a_to_b", "b_to_a", "mutual", "all"):
                s = p[d]
                w.writerow([p["period"], names.get(d, "all"), s["events"], s["cooperation"], s["conflict"],
                            *s["by_quad"].values(), s["goldstein_sum"], s["goldstein_mean"], s["high_level"],
                            s["high_level_share"], *s["apart"].values(),
                            ";".join(f"{t}={n}" for t, n in s["by_type"].items())])
        return
    table = Table(box=None, pad_edge=False, title=f"{series['a']} – {series['b']} by {series['by']}")
    for col in ("period", names["a_to_b"], names["b_to_a"], names["mutual"], "coop", "conflict", "Goldstein mean",
                "high level", "apart", "most frequent types"):
        table.add_column(col, overflow="fold")
    for p in series["periods"]:
        s = p["all"]
        types = ", ".join(f"{t} {n}" for t, n in list(s["by_type"].items())[:3])
        table.add_row(p["period"], str(p["a_to_b"]["events"]), str(p["b_to_a"]["events"]), str(p["mutual"]["events"]),
                      str(s["cooperation"]), str(s["conflict"]), _num(s["goldstein_mean"]), _share(s["high_level_share"]),
                      _apart(s), types)
    console.print(table)
    t = series["total"]["all"]
    console.print(
        f"{t['events']} events ({series['total']['a_to_b']['events']} {names['a_to_b']}, "
        f"{series['total']['b_to_a']['events']} {names['b_to_a']}, {series['total']['mutual']['events']} mutual) "
        f"in {len(series['periods'])} periods; Goldstein sum {_num(t['goldstein_sum'], 1)}, mean "
        f"{_num(t['goldstein_mean'])}; high level {_share(t['high_level_share'])}; apart: "
        + ", ".join(f"{n} {c}" for c, n in t["apart"].items())
        + (f"; {series['imprecise']} too coarsely dated for a {series['by']}" if series["imprecise"] else "")
        + (f"; {series['undated']} undated" if series["undated"] else "")
    )


def _blocs(values: tuple[str, ...]) -> dict[str, list[str]] | None:
    out = {}
    for value in values:
        name, sep, members = value.partition("=")
        keys = [m.strip() for m in members.split(",") if m.strip()]
        if not sep or not name.strip() or not keys:
            raise InputError(f"--bloc {value!r}", "write a bloc as NAME=KEY,KEY (e.g. west=USA,JPN)")
        out[name.strip()] = keys
    return out or None


@main.command("hedging")
@click.argument("focal", metavar="FOCAL")
@click.option("--powers", required=True, metavar="KEY,KEY…", help="The powers the focal state balances between.")
@click.option("--by", type=click.Choice(["week", "month", "quarter", "year"]), default="quarter", show_default=True)
@click.option("--bloc", "blocs", multiple=True, metavar="NAME=KEY,KEY",
              help="A named bloc (repeat: the tilt is first bloc vs second; rivals are in other blocs).")
@click.option("--window", "window_weeks", type=int, default=8, show_default=True,
              help="Weeks within which high-level engagement with a rival counts as a balancing move.")
@_SINCE
@_UNTIL
@_FORMAT
@db_option
def hedging_command(focal, powers, by, blocs, window_weeks, since, until, fmt, db):
    """How FOCAL spreads its engagement between rival powers over time: each power's share,
    the balance index (normalised entropy of the shares), the tilt between two blocs, and
    balancing moves (high-level engagement with one power answered within --window weeks by
    high-level engagement with a rival).

    Engagement is asserted or attributed cooperation, weighted by level and Goldstein score
    (formulas in the README); speculative and planned events are shown apart.

    \b
    Examples:
      tightrope hedging VNM --powers USA,CHN,RUS
      tightrope hedging VNM --powers USA,CHN,RUS,PRK --bloc west=USA --bloc east=CHN,RUS,PRK --by year
      tightrope hedging VNM --powers USA,CHN --since 2025 --window 6 --format json
    """
    from tightrope.analytics import hedging

    keys = [p.strip() for p in powers.split(",") if p.strip()]
    with open_store(db) as store:
        report = hedging(store, focal, keys, by=by, since=since, until=until, window_weeks=window_weeks,
                         blocs=_blocs(blocs)).to_dict()
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    powers_ = report["powers"]
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["period", "power", "weight", "share", "cooperation", "conflict", "high_level", "balance_index",
                    "tilt", "speculative", "planned", "speculative_weight", "planned_weight"])
        for p in report["periods"]:
            for power in powers_:
                e = p["powers"][power]
                w.writerow([p["period"], power, e["weight"], e["share"], e["cooperation"], e["conflict"], e["high_level"],
                            p["balance_index"], p["tilt"], e["apart"]["speculative"], e["apart"]["planned"],
                            e["apart_weight"]["speculative"], e["apart_weight"]["planned"]])
        return
    table = Table(box=None, pad_edge=False, title=f"{report['focal']}'s engagement by {report['by']}")
    table.add_column("period")
    for power in powers_:
        table.add_column(power, justify="right")
    table.add_column("balance", justify="right")
    if report["blocs"]:
        table.add_column("tilt", justify="right")
    table.add_column("apart (speculative / planned)")
    for p in report["periods"]:
        apart = [f"{k} {e['apart']['speculative']}/{e['apart']['planned']}" for k, e in p["powers"].items()
                 if e["apart"]["speculative"] or e["apart"]["planned"]]
        row = [p["period"], *(_share(p["powers"][k]["share"]) for k in powers_), _num(p["balance_index"])]
        if report["blocs"]:
            row.append(_num(p["tilt"]))
        table.add_row(*row, ", ".join(apart) or "-")
    console.print(table)
    t = report["total"]
    console.print("overall: " + ", ".join(f"{k} {_share(e['share'])} ({e['cooperation']} coop, {e['conflict']} conflict)"
                                          for k, e in t["powers"].items())
                  + f"; balance index {_num(t['balance_index'])}"
                  + (f"; tilt {_num(t['tilt'])} (" + " vs ".join(list(report["blocs"])[:2]) + ")" if report["blocs"] else ""))
    if report["moves"]:
        found = report["moves_found"] if report["moves_complete"] else f"{report['moves_found']}+ (read back from the latest)"
        console.print(f"\nbalancing moves (high level, within {report['window_weeks']} weeks): {found}"
                      + (f"; the last {len(report['moves'])} shown" if report["moves_found"] > len(report["moves"]) else ""))
        for m in report["moves"]:
            f, t_ = m["first"], m["then"]
            console.print(f"  {f['date']} {f['power']} ({f['type']}, {f['doc_id']}) → {t_['date']} {t_['power']} "
                          f"({t_['type']}, {t_['doc_id']}), {m['days']} day{'s' if m['days'] != 1 else ''}")
    else:
        console.print(f"no balancing moves within {report['window_weeks']} weeks")


@main.command("network")
@_SINCE
@_UNTIL
@click.option("--min-events", type=int, default=3, show_default=True, help="Leave out pairs with fewer events.")
@click.option("--limit", type=int, default=30, show_default=True, help="Edges shown in the table (json/csv: all).")
@_FORMAT
@db_option
def network_command(since, until, min_events, limit, fmt, db):
    """The relation network: every pair of parties with its asserted or attributed events and
    cooperation/conflict balance ((coop − conflict) / (coop + conflict), −1 to +1).

    \b
    Examples:
      tightrope network --since 2025
      tightrope network --min-events 10 --format json
    """
    from tightrope.analytics import relation_network

    with open_store(db) as store:
        net = relation_network(store, since=since, until=until, min_events=min_events)
    if fmt == "json":
        click.echo(json.dumps(net, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["a", "b", "events", "cooperation", "conflict", "balance"])
        for e in net["edges"]:
            w.writerow([e["a"], e["b"], e["events"], e["cooperation"], e["conflict"], e["balance"]])
        return
    table = Table(box=None, pad_edge=False)
    for col in ("pair", "events", "coop", "conflict", "balance"):
        table.add_column(col, justify="left" if col == "pair" else "right")
    for e in net["edges"][:limit]:
        table.add_row(f"{e['a']} – {e['b']}", str(e["events"]), str(e["cooperation"]), str(e["conflict"]),
                      _num(e["balance"]))
    console.print(table)
    console.print(f"{len(net['edges'])} pairs among {len(net['nodes'])} parties")
