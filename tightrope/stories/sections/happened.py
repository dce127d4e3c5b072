"""What's happened: the core events, from the most-supported event records.

Events coded in the story's documents are grouped into records by type, mode and the actor
keys on each side; a record's support is the number of independent sources that report it.
The section opens with the lead of the most central original, then gives one sentence per
record, most supported first (one per event type, so that the visit, the agreement and the
hand-over each get their line), each citing its sentence and the same event in other sources.
Planned, speculative, negated and background events are left for other sections.
"""

from __future__ import annotations

from collections import defaultdict

from tightrope.model import BriefingItem
from tightrope.stories.context import Candidate, Context

MAX_RECORDS = 5
MIN_STATEMENTS = 3  # lead included
CITES_PER_RECORD = 3
CORE_CERTAINTY = {"asserted", "attributed"}
CARRIED_BONUS = 0.1  # per further outlet that carried the source, up to five


def record_key(event: dict) -> tuple:
    src = tuple(sorted({a["key"] for a in event["source"]}))
    tgt = tuple(sorted({a["key"] for a in event["target"]}))
    return event["type"], event["mode"] or "", src, tgt


def core_records(ctx: Context) -> list[tuple[tuple, list[Candidate], int]]:
    """Event records of the story with their evidence sentences and support (independent
    sources reporting them), most supported first."""
    evidence: dict[tuple, list[Candidate]] = defaultdict(list)
    for doc_id in ctx.evidence_ids:
        for e in ctx.events.get(doc_id, []):
            if e["historical"] or e["certainty"] not in CORE_CERTAINTY:
                continue
            c = ctx.evidence_of(e)
            if c is not None:
                evidence[record_key(e)].append(c)
    out = []
    for key, cands in evidence.items():
        support = len({c.group for c in cands})
        out.append((key, cands, support))
    return sorted(out, key=lambda r: (-r[2], -len(r[1]), r[0]))


def best(ctx: Context, cands: list[Candidate]) -> Candidate | None:
    """The sentence to show for a record: central, from an original, not already shown."""
    originals = {g.original.doc_id for g in ctx.groups}
    fresh = [c for c in cands if not ctx.is_used(c.text)]
    if not fresh:
        return None
    return max(fresh, key=lambda c: (ctx.centrality(c) + (0.1 if c.doc_id in originals else 0.0), -c.start))


def lead(ctx: Context) -> Candidate | None:
    """The first sentence of an original: the most central, favouring the sources most outlets
    carried (a wire story reprinted five times is what most readers read)."""
    leads = []
    for g in ctx.groups:
        sents = ctx.sentences.get(g.original.doc_id) or []
        if sents:
            leads.append((ctx.centrality(sents[0]) * (1 + CARRIED_BONUS * min(len(g.docs) - 1, 5)), sents[0]))
    return max(leads, key=lambda sc: sc[0], default=(0, None))[1]


def happened(ctx: Context) -> list[BriefingItem]:
    item = BriefingItem()
    first = lead(ctx)
    if first is not None:
        item.statements.append(ctx.use(first).statement(ctx))
    types_done: set[tuple] = set()
    records = core_records(ctx)
    # With several sources, a record only one of them reports is not core unless little else is.
    needed = 2 if len(ctx.groups) >= 3 else 1
    for key, cands, support in records:
        if len(item.statements) > MAX_RECORDS:
            break
        if key[:2] in types_done or (support < needed and len(item.statements) >= MIN_STATEMENTS):
            continue
        chosen = best(ctx, cands)
        if chosen is None:
            continue
        types_done.add(key[:2])
        others = {}
        for c in cands:
            if c.group != chosen.group and c.group not in others:
                others[c.group] = c
        label = f"reported by {support} independent source{'s' if support != 1 else ''}"
        item.statements.append(ctx.use(chosen).statement(ctx, label, list(others.values())[: CITES_PER_RECORD - 1]))
    return [item] if item.statements else []
