"""What's behind the headline: drivers and significance, from the articles' analytic sentences.

A sentence is analytic when it carries the cues of ``data/briefing.yaml`` ("underscores",
"aims to", "amid", "analysts say"); the more cues the higher it ranks, and those that also say
whose view it is rank higher, and so do sentences close to the story's centre. At most two come from one source, so that the section
shows several readings; each is labelled with its source and any framing flag the integrity
stage raised on it.
"""

from __future__ import annotations

from tightrope.model import BriefingItem
from tightrope.stories.context import Candidate, Context
from tightrope.stories.lexicon import lexicon

MAX_SENTENCES = 5
PER_SOURCE = 2
MIN_CUES = 1


def analytic(ctx: Context, c: Candidate) -> float:
    """How much a sentence reads as analysis (0 when it does not)."""
    lex = lexicon()
    cues = lex.count(lex.analysis, c.text)
    if cues < MIN_CUES:
        return 0.0
    return cues + 1.5 * min(1, lex.count(lex.attribution, c.text)) + 4 * ctx.centrality(c)


def behind(ctx: Context) -> list[BriefingItem]:
    ranked = sorted(((analytic(ctx, c), c) for c in ctx.all_sentences()), key=lambda sc: -sc[0])
    item, per_source = BriefingItem(), {}
    for score, c in ranked:
        if score <= 0 or len(item.statements) >= MAX_SENTENCES:
            break
        if per_source.get(c.group, 0) >= PER_SOURCE or ctx.is_used(c.text):
            continue
        per_source[c.group] = per_source.get(c.group, 0) + 1
        flags = ctx.flag_labels(c)
        label = c.group + (f" — flagged: {', '.join(flags)}" if flags else "")
        item.statements.append(ctx.use(c).statement(ctx, label))
    return [item] if item.statements else []
