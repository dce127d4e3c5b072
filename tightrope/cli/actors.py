"""``tightrope actors``: resolve mentions in a text, show dictionary entries."""

from __future__ import annotations

import json

import click
from rich.table import Table

from tightrope.cli import main
from tightrope.cli.common import console
from tightrope.errors import InputError

dictionary_option = click.option(
    "--dictionary", "extra", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="An extra actor dictionary file (YAML, our format) to load after ours; repeatable. "
         "$TIGHTROPE_ACTORS does the same for every command.",
)


@main.group("actors")
def actors_group():
    """The actor dictionary: resolve mentions, show entries.

    \b
    Examples:
      tightrope actors resolve "Vietnam's party chief met the Pentagon chief" --on 2025-11-02
      tightrope actors show "To Lam"
    """


@actors_group.command("resolve")
@click.argument("text")
@click.option("--on", "on", metavar="DATE", help="The article's date (YYYY-MM-DD, YYYY-MM or YYYY); default today.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per mention.")
@dictionary_option
def actors_resolve(text, on, as_json, extra):
    """Print each actor mention in TEXT with its key, sector, span and dictionary entry.

    \b
    Example:
      tightrope actors resolve "U.S. Defense Secretary Pete Hegseth met Vietnamese Defense Minister Phan Van Giang in Hanoi" --on 2025-11-02
    """
    from tightrope.actors.dictionary import ActorDictionary
    from tightrope.actors.resolver import Resolver, parse_day
    from tightrope.nlp import get_nlp

    resolver = Resolver(ActorDictionary.load(list(extra)) if extra else None)
    mentions = resolver.resolve(get_nlp()(text), on=on)
    if as_json:
        for m in mentions:
            click.echo(json.dumps({
                "start": m.start, "end": m.end, "text": m.text,
                "key": m.actor.key if m.actor else None, "sector": m.actor.sector if m.actor else None,
                "name": m.actor.name if m.actor else None, "role": m.role, "entry": m.entry, "via": m.via,
            }, ensure_ascii=False))
        return
    table = Table(box=None, pad_edge=False)
    for col in ("span", "text", "key", "sector", "who", "role", "entry", "via"):
        table.add_column(col, overflow="fold")
    for m in mentions:
        a = m.actor
        table.add_row(f"{m.start}-{m.end}", m.text, a.key if a else "[unresolved]", (a.sector or "") if a else "",
                      (a.name or "") if a else "", m.role or "", m.entry or "", m.via or "")
    console.print(table)
    console.print(f"{sum(1 for m in mentions if m.actor)} resolved, {sum(1 for m in mentions if not m.actor)} unresolved "
                  f"(as of {parse_day(on).isoformat()})")


@actors_group.command("show")
@click.argument("name")
@dictionary_option
def actors_show(name, extra):
    """Print the dictionary entry (or entries) for NAME, with dated roles.

    \b
    Examples:
      tightrope actors show "To Lam"
      tightrope actors show VNM
      tightrope actors show Pentagon
    """
    from tightrope.actors.dictionary import ActorDictionary

    dictionary = ActorDictionary.load(list(extra))
    found = dictionary.find(name)
    if not found:
        raise InputError(name, "no dictionary entry has this name, short form or key")
    for entry in found:
        console.print(f"[bold]{entry.name}[/bold] ({entry.kind}, {entry.id})", markup=True)
        console.print(f"  key: {entry.key or '— (not a state actor)'}" + (f"   sector: {entry.sector}" if entry.sector else ""))
        for label, values in (("names", entry.names), ("short forms", entry.short), ("adjectives", entry.adjectives),
                              ("metonyms", entry.metonyms), ("members", entry.members)):
            if values:
                console.print(f"  {label}: {', '.join(values)}", markup=False)
        if entry.capital:
            console.print(f"  capital: {entry.capital}")
        for r in sorted(entry.roles, key=lambda r: r.start):
            span = f"{r.start} – {r.end or 'present'}"
            flags = "".join(f" ({f})" for f, on in (("acting", r.acting), ("approximate dates", r.approx)) if on)
            where = f" [{r.country}]" if r.country else ""
            console.print(f"  {span:27} {r.title}{where} — {r.role or 'no role code'}, {r.sector}{flags}", markup=False)
