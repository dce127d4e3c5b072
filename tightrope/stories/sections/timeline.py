"""How we got here: a dated timeline of what led up to the story.

Two kinds of entry, in date order: background the story's own articles give (events the coder
marked historical, such as "since normalizing ties in 1995, the two countries have worked
together to clear unexploded ordnance…"), and earlier events stored from other stories about
the same two main actors (the two states or organisations each story names most), most recent
first up to a limit (one per earlier story: its commonest act). Each entry is dated and cites
its sentence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta

from tightrope.model import BriefingItem
from tightrope.store import stories as rows
from tightrope.store.events import query_events
from tightrope.stories.context import Candidate, Context, main_keys
from tightrope.stories.features import day_span

REPORT_SLACK_DAYS = 31
MAX_BACKGROUND = 3
MAX_EARLIER = 6
EARLIER_CERTAINTY = {"asserted", "attributed"}


def background(ctx: Context) -> list[tuple[str, Candidate]]:
    """(date, sentence) of the background the story's articles give, best supported first."""
    found: dict[str, list[Candidate]] = defaultdict(list)
    for doc_id in ctx.evidence_ids:
        for e in ctx.events.get(doc_id, []):
            if e["historical"] and e["date"]:
                c = ctx.evidence_of(e)
                if c is not None:
                    found[e["date"]].append(c)
    out = []
    for day, cands in found.items():
        # a sentence another section already quotes cannot date this entry, but another
        # sentence giving the same date can: the date is dropped only when none is left
        fresh = [c for c in cands if not ctx.is_used(c.text)]
        if fresh:
            # a sentence that names the year says what happened then; one dated by counting back
            # ("marking 30 years of ties") is about the present occasion
            best = max(fresh, key=lambda c: (day[:4] in c.text, ctx.centrality(c)))
            out.append((day, best, len({c.group for c in cands})))
    out.sort(key=lambda x: (-x[2], x[0]))
    return [(day, c) for day, c, _ in out[:MAX_BACKGROUND]]


def earlier(ctx: Context) -> list[tuple[str, Candidate]]:
    """(date, sentence) of stored events between the story's main actors before it began."""
    pair = ctx.main_pair()
    if pair is None or ctx.row.first_day is None:
        return []
    a, b = pair
    until = (ctx.day - timedelta(days=1)).isoformat()
    mine = set(ctx.docs)
    events = [e for e in query_events(ctx.store, actor=a, with_=b, until=until)
              if e["doc_id"] not in mine and not e["historical"] and e["certainty"] in EARLIER_CERTAINTY
              and e["date"] and _across(e, a, b)]
    story_of = rows.story_ids_of(ctx.store, sorted({e["doc_id"] for e in events}))
    with ctx.store.engine.connect() as conn:
        stories = rows.load_stories(conn, sorted(set(story_of.values())))
    same_pair = {sid for sid, s in stories.items() if set(main_keys(s.profile)[:2]) == {a, b}}
    by_story: dict[object, list[dict]] = defaultdict(list)
    for e in events:
        if story_of.get(e["doc_id"]) in same_pair:
            by_story[story_of[e["doc_id"]]].append(e)
    best = {}
    for story, evs in by_story.items():  # one entry per earlier story: its commonest act, said shortest
        commonest = Counter(e["type"] for e in evs).most_common(1)[0][0]
        best[story] = min((e for e in evs if e["type"] == commonest), key=lambda e: len(e["evidence_text"]))
    chosen = sorted(best.values(), key=_reported_date, reverse=True)[:MAX_EARLIER]
    out = []
    for e in chosen:
        c = ctx.outside_candidate(e)
        if c is not None:
            out.append((_reported_date(e), c))
    return out


def _reported_date(e: dict) -> str:
    """An earlier story's event is dated by the coder when that date lies within a month
    before its report, else by the report's publication date (a date resolved far from the
    report is more likely a misreading than news)."""
    published, dated = e.get("published") or "", e.get("date") or ""
    if not published:
        return dated
    first, last = day_span(published)
    start, end = day_span(dated)
    if start is not None and first is not None and first - REPORT_SLACK_DAYS <= start and end <= last:
        return dated
    return published


def _across(e: dict, a: str, b: str) -> bool:
    src, tgt = {x["key"] for x in e["source"]}, {x["key"] for x in e["target"]}
    return (a in src and b in tgt) or (b in src and a in tgt)


def timeline(ctx: Context) -> list[BriefingItem]:
    entries = background(ctx) + earlier(ctx)
    item = BriefingItem()
    for day, c in sorted(entries, key=lambda dc: dc[0]):
        if ctx.is_used(c.text):
            continue
        item.statements.append(ctx.use(c).statement(ctx, day))
    return [item] if item.statements else []
