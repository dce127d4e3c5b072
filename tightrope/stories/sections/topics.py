"""More on these topics: short cards for the people, states and organisations of the story.

Each card comes from the actor dictionary — a person's office on the story's date (or the last
one held), a state's capital and leaders on that date, an organisation's full name and members —
and cites the first place a story article names the actor. The card says which dictionary entry
it comes from; nothing in it is guessed from the articles.
"""

from __future__ import annotations

import re

from tightrope.actors.dictionary import Entry, default_dictionary
from tightrope.model import BriefingItem, Citation, Statement
from tightrope.stories.context import Context

MAX_PEOPLE = 4
MAX_OTHERS = 4
LEADER_ROLES = (("party_leader", "party leader"), ("head_of_state", "head of state"),
                ("head_of_government", "head of government"), ("supreme_leader", "supreme leader"))


def topics(ctx: Context) -> list[BriefingItem]:
    dictionary = default_dictionary()
    ranked = [k for k, _ in sorted((ctx.row.profile.get("a") or {}).items(), key=lambda kv: -kv[1])]
    people = [k[2:] for k in ranked if k.startswith("P:")][:MAX_PEOPLE]
    others = [k[2:] for k in ranked if k.startswith("K:")][:MAX_OTHERS]
    items = []
    for name in people:
        entry = next((e for e in dictionary.find(name) if e.kind == "person"), None)
        if entry is not None:
            items.append(_card(ctx, entry, _person_line(entry, ctx, dictionary)))
    for key in others:
        entry = dictionary.state(key)
        if entry is not None:
            line = _organisation_line(entry, dictionary) if entry.kind == "organisation" else _state_line(entry, ctx, dictionary)
            items.append(_card(ctx, entry, line))
    return [i for i in items if i is not None]


def _card(ctx: Context, entry: Entry, line: str) -> BriefingItem | None:
    cite = _first_mention(ctx, entry)
    if cite is None:
        return None
    return BriefingItem(heading=entry.name, statements=[Statement(line, [cite], "actor dictionary")],
                        notes=[f"from the actor dictionary entry {entry.id}; cited where the story first names it"])


def _first_mention(ctx: Context, entry: Entry) -> Citation | None:
    forms = sorted({*entry.names, *entry.short, *entry.adjectives, *entry.metonyms}, key=len, reverse=True)
    if not forms:
        return None
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")
    for doc_id in ctx.evidence_ids:
        doc = ctx.docs[doc_id]
        m = pattern.search(doc.text)
        if m:
            return Citation(doc_id, m.start(), m.end(), outlet=doc.outlet, url=doc.url)
    return None


def _state_name(key: str | None, dictionary) -> str:
    state = dictionary.state(key) if key else None
    return state.name if state else (key or "")


def _person_line(entry: Entry, ctx: Context, dictionary) -> str:
    day = ctx.day
    held = entry.roles_on(day)
    if held:
        role = held[0]
        where = _state_name(role.country or entry.key, dictionary)
        return f"{entry.name}: {role.title} ({where}) since {role.start.isoformat()}, on the story's date ({day.isoformat()})."
    past = entry.last_role_before(day)
    if past is not None:
        where = _state_name(past.country or entry.key, dictionary)
        return f"{entry.name}: former {past.title} ({where}), {past.start.isoformat()} to {past.end.isoformat()}."
    return f"{entry.name}, of {_state_name(entry.key, dictionary)}: no office on {day.isoformat()} in the dictionary."


def _state_line(entry: Entry, ctx: Context, dictionary) -> str:
    day = ctx.day
    parts = [f"{entry.name} ({entry.key})"]
    if entry.capital:
        parts.append(f"capital {entry.capital}")
    leaders, named = [], set()
    for role, words in LEADER_ROLES:
        holders = dictionary.holders(entry.key, role, day)
        if holders and holders[0][0].id not in named:
            person, r = holders[0]
            named.add(person.id)
            leaders.append(f"{r.title} {person.name} ({words})")
    line = "; ".join(parts)
    if leaders:
        line += f"; on {day.isoformat()}: " + ", ".join(leaders)
    return line + "."


def _organisation_line(entry: Entry, dictionary) -> str:
    line = f"{entry.name} ({entry.key.removeprefix('IGO:')})"
    if entry.members:
        line += f": {len(entry.members)} members"
        names = [_state_name(k, dictionary) for k in entry.members[:6]]
        line += " (" + ", ".join(names) + (", …" if len(entry.members) > 6 else "") + ")"
    return line + "."
