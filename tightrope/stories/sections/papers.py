"""What the papers say: per independent source, what it reports and what only it reports;
where sources disagree; which articles were left out and why.

A source is a group from :mod:`tightrope.stories.sources` — wire copies, rewrites and
reprints under their original, each with how it was linked. "Only here" sentences carry a
number or a name that no other source's text has; a disagreement is two sentences from
different sources that say nearly the same but give different numbers for the same thing
("first visit in 18 years" against "in nearly 20 years"). Framing flags from the integrity
stage are counted per source. Left out: copies whose original is used instead (duplicates,
spun copies), and nearby stories with the same actors that are about another happening.
"""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from tightrope.model import BriefingItem
from tightrope.store import stories as rows
from tightrope.stories import scoring
from tightrope.stories.context import Candidate, Context

UNIQUE_PER_SOURCE = 2
SAME_CLAIM = 62  # token-set ratio (numbers removed) of two sentences making the same claim
NOT_ELSEWHERE = 55  # a sentence is "only here" when no other source has one this close
MAX_DISAGREEMENTS = 4
NEIGHBOURS = 3
NEIGHBOUR_MIN = 0.15
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_QUANTITY = re.compile(r"(?<![\w.])(\$?\d[\d,]*(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")(?:\s*%|\s+(?:per cent|percent))?"
                       r"\s+((?:million|billion|trillion)\s+)?([a-z][a-z-]+)", re.IGNORECASE)
_WORDS = re.compile(r"[a-z][a-z-]+")
CONTEXT_WORDS = 8
SAME_CONTEXT = 0.5  # overlap of the words around two quantities that count the same thing
_SKIP_UNITS = {"and", "or", "to", "of", "the", "a", "in", "on", "at", "by", "for", "from", "with", "as"}
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*")
_DIGITS = re.compile(r"\d[\d,.]*")


def quantities(text: str) -> list[tuple[str, str, set[str]]]:
    """The quantities of a sentence: (what is counted, the number, the words around it) —
    "first visit in 18 years" → ("years", "18", {"first", "visit", …})."""
    out = []
    for m in _QUANTITY.finditer(text):
        unit = m.group(3).lower()
        if unit in _SKIP_UNITS:
            continue
        number = _NUMBER_WORDS.get(m.group(1).lower(), m.group(1).replace(",", "").lstrip("$"))
        before = _WORDS.findall(text[max(0, m.start() - 80): m.start()].lower())[-CONTEXT_WORDS:]
        after = _WORDS.findall(text[m.end(): m.end() + 80].lower())[:CONTEXT_WORDS]
        context = {w for w in before + after if w not in _SKIP_UNITS and len(w) > 2}
        out.append((((m.group(2) or "").strip().lower() + " " + unit).strip(), number, context))
    return out


def _differ(qa, qb) -> str | None:
    """The unit two sentences each count once, with different numbers, in like contexts."""
    for unit, na, ca in qa:
        mine = [q for q in qa if q[0] == unit]
        theirs = [q for q in qb if q[0] == unit]
        if len(mine) != 1 or len(theirs) != 1:
            continue
        _, nb, cb = theirs[0]
        if nb != na and ca and cb and len(ca & cb) / min(len(ca), len(cb)) >= SAME_CONTEXT:
            return unit
    return None


def _mentions_other(text: str, quantities_of_other, unit: str) -> bool:
    """Whether a sentence also gives the other sentence's number ("30th anniversary" beside
    "2 years"): then the two count different things."""
    digits = set(_DIGITS.findall(text))
    return any(n in digits for u, n, _ in quantities_of_other if u == unit)


def _facts(text: str) -> set[str]:
    return set(_DIGITS.findall(text)) | set(_NAME.findall(text))


def sources_items(ctx: Context) -> list[BriefingItem]:
    texts = {g.name: " ".join(ctx.docs[d.doc_id].text for d in g.docs if d.doc_id in ctx.docs) for g in ctx.groups}
    by_group: dict[str, list[Candidate]] = {}
    for c in ctx.all_sentences():
        by_group.setdefault(c.group, []).append(c)
    items = []
    for g in ctx.groups:
        heading = g.name if g.name == (g.original.outlet or "") else f"{g.name} — {g.original.outlet or g.original.doc_id}"
        item = BriefingItem(heading=heading)
        mine = by_group.get(g.name, [])
        if mine:
            item.statements.append(mine[0].statement(ctx, "reports"))
        others = [c for name, cs in by_group.items() if name != g.name for c in cs]
        elsewhere = " ".join(t for name, t in texts.items() if name != g.name)
        unique = []
        for c in mine[1:]:
            new_facts = {f for f in _facts(c.text) if f not in elsewhere}
            if not new_facts or any(fuzz.token_set_ratio(c.text, o.text) >= NOT_ELSEWHERE for o in others):
                continue
            unique.append((len(new_facts) + 3 * ctx.centrality(c), c))
        for _, c in sorted(unique, key=lambda sc: -sc[0])[:UNIQUE_PER_SOURCE]:
            item.statements.append(c.statement(ctx, "only here"))
        for d in g.docs[1:]:
            item.notes.append(f"{d.doc_id} ({d.outlet or 'no outlet'}): {d.how}")
        flags = Counter(f.label or f.kind for d in g.docs for f in ctx.flags.get(d.doc_id, []))
        if flags:
            item.notes.append("framing flags: " + ", ".join(f"{n} × {label}" for label, n in flags.most_common()))
        if any(d.doc_id in ctx.spun for d in g.docs):
            spun = [d.doc_id for d in g.docs if d.doc_id in ctx.spun]
            item.notes.append(f"spun text (synonym-swapped copy): {', '.join(spun)}")
        items.append(item)
    disagreements = disagreement_item(ctx)
    if disagreements is not None:
        items.append(disagreements)
    left = left_out_item(ctx)
    if left is not None:
        items.append(left)
    return items


def disagreements(ctx: Context) -> list[tuple[Candidate, Candidate, str]]:
    """Pairs of sentences from different sources that make one claim with different numbers."""
    with_numbers = [(c, quantities(c.text)) for c in ctx.all_sentences()]
    with_numbers = [(c, q) for c, q in with_numbers if q]
    found, seen = [], set()
    for i, (a, qa) in enumerate(with_numbers):
        for b, qb in with_numbers[i + 1:]:
            if a.group == b.group:
                continue
            unit = _differ(qa, qb)
            if unit is None or _mentions_other(a.text, qb, unit) or _mentions_other(b.text, qa, unit):
                continue
            plain_a, plain_b = _DIGITS.sub(" ", a.text), _DIGITS.sub(" ", b.text)
            if fuzz.token_set_ratio(plain_a, plain_b) < SAME_CLAIM:
                continue
            key = (a.group, b.group, unit)
            if key in seen:
                continue
            seen.add(key)
            numbers_a = "/".join(sorted({n for u, n, _ in qa if u == unit}))
            numbers_b = "/".join(sorted({n for u, n, _ in qb if u == unit}))
            found.append((a, b, f"{a.group} gives {numbers_a} {unit}, {b.group} {numbers_b} {unit}"))
    return found[:MAX_DISAGREEMENTS]


def disagreement_item(ctx: Context) -> BriefingItem | None:
    pairs = disagreements(ctx)
    if not pairs:
        return None
    item = BriefingItem(heading="Where the sources disagree")
    for a, b, what in pairs:
        item.statements.append(a.statement(ctx, what))
        item.statements.append(b.statement(ctx, what))
    return item


def left_out_item(ctx: Context) -> BriefingItem | None:
    """Copies left out (their original is used), and nearby stories about other happenings."""
    item = BriefingItem(heading="Left out")
    for g in ctx.groups:
        for d in g.docs:
            if d.doc_id in ctx.spun:
                item.notes.append(f"{d.doc_id} ({d.outlet or 'no outlet'}): spun copy — {d.how or 'its text is synonym-swapped'}; "
                                  "its facts are taken from the original")
            elif d.how and d.how.startswith("near-duplicate"):
                item.notes.append(f"{d.doc_id} ({d.outlet or 'no outlet'}): duplicate — {d.how}")
    for other, score, docs in neighbours(ctx):
        item.notes.append(f"off-story: {', '.join(docs)} — story {other.id} “{other.title}” shares actors or words "
                          f"but is another happening ({score.explain()}; {scoring.JOIN_THRESHOLD:.2f} needed)")
    return item if item.notes else None


def neighbours(ctx: Context) -> list[tuple[rows.StoryRow, scoring.Score, list[str]]]:
    """Stories near this one in time and content that are not it, closest first."""
    me = scoring.Profile.from_json(ctx.row.profile, ctx.row.first_day, ctx.row.last_day, ctx.row.dated_loosely)
    with ctx.store.engine.connect() as conn:
        ids = rows.candidate_stories(conn, me.index_keys(), ctx.row.first_day, ctx.row.last_day,
                                     scoring.WINDOW_DAYS, 20)
        loaded = rows.load_stories(conn, [i for i in ids if i != ctx.row.id])
    scored = []
    for other in loaded.values():
        s = scoring.story_similarity(me, scoring.Profile.from_json(other.profile, other.first_day, other.last_day,
                                                                    other.dated_loosely))
        if s.total >= NEIGHBOUR_MIN:
            scored.append((other, s))
    scored.sort(key=lambda os: -os[1].total)
    return [(o, s, [m.doc_id for m in rows.members(ctx.store, o.id)]) for o, s in scored[:NEIGHBOURS]]
