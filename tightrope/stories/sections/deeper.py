"""Go deeper: the questions a reader asks next, each answered only from sources.

The questions are data (``data/briefing.yaml``), each with the kind of answer it takes:
agreements (AGREE events coded in the story), next (planned events and "is expected to"
sentences), analysts (attributed analytic sentences), numbers (sentences with sums and counts),
disagreement (sentences from different sources that differ, or that agree), background
(events the articles mark as history) and recent (stored events of the story's main actor in
the weeks before, from other stories). A question with no sourced answer is left out.
"""

from __future__ import annotations

import re
from datetime import timedelta

from tightrope.actors.dictionary import default_dictionary
from tightrope.model import BriefingItem, Statement
from tightrope.store.events import query_events
from tightrope.stories.context import Candidate, Context
from tightrope.stories.lexicon import lexicon
from tightrope.stories.sections.happened import core_records
from tightrope.stories.sections.papers import disagreements

ANSWERS = 2
RECENT_DAYS = 60
_MONEY = re.compile(r"(?:\$|US\$|USD|€|£|¥)\s?\d|\d[\d,.]*\s*(?:million|billion|trillion|per ?cent|%)", re.IGNORECASE)


def deeper(ctx: Context) -> list[BriefingItem]:
    pair = ctx.main_pair()
    dictionary = default_dictionary()
    names = [lexicon().in_sentence(dictionary.state(k).name) if dictionary.state(k) else k for k in (pair or ())]
    a, b = (names + ["the two sides", "the other side"])[:2]
    items = []
    for template, kind in lexicon().questions:
        if "{a}" in template and pair is None:
            continue
        answer = ANSWER_KINDS[kind](ctx)
        if answer:
            items.append(BriefingItem(heading=template.format(a=a, b=b), statements=answer))
    return items


def _pick(ctx: Context, cands: list[Candidate], label: str | None = None, n: int = ANSWERS) -> list[Statement]:
    out, seen = [], []
    for c in sorted(cands, key=lambda c: (ctx.is_used(c.text), -ctx.centrality(c))):
        if any(c.text == s for s in seen):
            continue
        seen.append(c.text)
        out.append(c.statement(ctx, label or c.group))
        if len(out) >= n:
            break
    return out


def _agreements(ctx: Context) -> list[Statement]:
    cands = [c for doc_id in ctx.evidence_ids for e in ctx.events.get(doc_id, [])
             if e["type"] == "AGREE" and not e["historical"] and e["certainty"] in ("asserted", "attributed")
             and (c := ctx.evidence_of(e)) is not None]
    return _pick(ctx, cands)


def _next(ctx: Context) -> list[Statement]:
    lex = lexicon()
    said = _pick(ctx, [c for c in ctx.all_sentences() if lex.next.search(c.text)])
    planned = [c for doc_id in ctx.evidence_ids for e in ctx.events.get(doc_id, [])
               if e["certainty"] == "planned" and (c := ctx.evidence_of(e)) is not None
               and all(c.text != s.text for s in said)]
    return said + _pick(ctx, planned, n=ANSWERS - len(said)) if len(said) < ANSWERS else said


def _analysts(ctx: Context) -> list[Statement]:
    lex = lexicon()
    cands = [c for c in ctx.all_sentences() if lex.attribution.search(c.text) and lex.count(lex.analysis, c.text) >= 2
             and re.search(r"\b(?:said|says|noted|according to)\b", c.text)]
    return _pick(ctx, cands)


def _numbers(ctx: Context) -> list[Statement]:
    return _pick(ctx, [c for c in ctx.all_sentences() if _MONEY.search(c.text)])


def _disagreement(ctx: Context) -> list[Statement]:
    pairs = disagreements(ctx)
    if pairs:
        a, b, what = pairs[0]
        return [a.statement(ctx, what), b.statement(ctx, what)]
    for key, cands, support in core_records(ctx):
        if support >= 2:
            by_group = {}
            for c in cands:
                by_group.setdefault(c.group, c)
            first, second = list(by_group.values())[:2]
            label = f"reported alike by {support} independent sources"
            return [first.statement(ctx, label), second.statement(ctx, label)]
    return []


def _background(ctx: Context) -> list[Statement]:
    cands = [c for doc_id in ctx.evidence_ids for e in ctx.events.get(doc_id, [])
             if e["historical"] and (c := ctx.evidence_of(e)) is not None]
    return _pick(ctx, cands)


def _recent(ctx: Context) -> list[Statement]:
    pair = ctx.main_pair()
    if pair is None or ctx.row.first_day is None:
        return []
    since = (ctx.day - timedelta(days=RECENT_DAYS)).isoformat()
    until = (ctx.day - timedelta(days=1)).isoformat()
    events = [e for e in query_events(ctx.store, actor=pair[0], since=since, until=until)
              if e["doc_id"] not in ctx.docs and not e["historical"] and e["certainty"] in ("asserted", "attributed")
              and pair[1] not in {x["key"] for x in e["source"] + e["target"]}]
    out, seen_types = [], set()
    for e in sorted(events, key=lambda e: e["date"] or "", reverse=True):
        others = tuple(sorted({x["key"] for x in e["source"] + e["target"]} - {pair[0]}))
        if not others or (e["type"], others) in seen_types:
            continue
        c = ctx.outside_candidate(e)
        if c is None:
            continue
        seen_types.add((e["type"], others))
        out.append(c.statement(ctx, e["date"]))
        if len(out) >= ANSWERS + 1:
            break
    return out


ANSWER_KINDS = {"agreements": _agreements, "next": _next, "analysts": _analysts, "numbers": _numbers,
                "disagreement": _disagreement, "background": _background, "recent": _recent}
