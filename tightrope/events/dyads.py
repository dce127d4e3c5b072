"""Which way CAMEO points an event: its (source, target) actor pairs, for the GDELT export and the
CAMEO-triple scoring alike.

PLOVER, and so Tightrope's event, holds a mutual act once, marked ``reciprocal`` ("A met B",
"A and B held talks"). The CAMEO coders (TABARI, PETRARCH) point an event the way its sentence
does, subject to object: "A met (with) B" is A's act on B alone. They code it in both
directions where the sentence names the parties together ("A and B met": each with each), and
for talks and negotiations, which their dictionaries code as paired events ("A held talks with
B": A→B and B→A). An event with no CAMEO code (an act that did not happen) has no pair.
A visit told from the host's side ("X received Y", "X hosted Y") is also the host's act, CAMEO
043 ("host a visit", host to visitor), which those coders pair with the visitor's 042.

This module reads an event's fields and its evidence text; it never changes an event.
"""

from __future__ import annotations

import re
from typing import Any

# Forms of the verbs of meeting: "A met (with) B" is A's act on B (CAMEO 04x, one way).
MEETING_VERBS = {"meet", "meets", "met"}
# Forms of the verbs of hosting: a visit so told is also the host's 043 (host → visitor).
HOST_FORMS = {"host", "hosts", "hosted", "hosting", "receive", "receives", "received", "receiving", "welcome", "welcomes",
              "welcomed", "welcoming", "greet", "greets", "greeted", "greeting"}
HOST_CAMEO = "043"
# What stands between parties named in one list ("A, B and the C", "U.S.-Vietnam ties").
JOINING = re.compile(r"(?:\s|[,&/–-]|and|the|as well as)*", re.IGNORECASE)


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name)


def _named_at(evidence: str, actor: Any) -> tuple[int, int] | None:
    """Where the evidence first names the actor, as a word (None when it does not)."""
    text = _get(actor, "text")
    found = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", evidence) if text else None
    return found.span() if found else None


def conjoined(event: Any, evidence: str | None) -> bool:
    """Whether the evidence names an event's parties together, one list joined by commas and
    "and" ("A and B met", "the U.S., Russia and Switzerland signed", "the two sides agreed"), as
    against a partner named apart, as the act's object or with-phrase ("A met with B")."""
    parties = [*(_get(event, "source") or []), *(_get(event, "target") or [])]
    if not evidence or len(parties) < 2:
        return False
    spans = [_named_at(evidence, a) for a in parties]
    if None in spans:
        return False
    spans.sort()
    return all(JOINING.fullmatch(evidence[a_end:b_start]) for (_, a_end), (b_start, _) in zip(spans, spans[1:])
               if b_start > a_end)


def mutual_in_cameo(event: Any, evidence: str | None = None) -> bool:
    """Whether CAMEO codes this reciprocal event in both directions: its parties named
    together, or talks held with a partner (any CONSULT but a verb of meeting)."""
    if not _get(event, "reciprocal"):
        return False
    if conjoined(event, evidence):
        return True
    return _get(event, "type") == "CONSULT" and (_get(event, "trigger") or "").lower() not in MEETING_VERBS


def cameo_pairs(event: Any, evidence: str | None = None) -> list[tuple[Any, Any]]:
    """The (source, target) actor pairs CAMEO codes an event with (an Event, or a stored row
    as a dict): each source with each target (None for an empty side), or every ordered pair
    of distinct parties when CAMEO codes the act both ways; none without a CAMEO code.
    ``evidence`` is the text of the event's evidence span, where word order tells whether its
    parties were named together."""
    if not _get(event, "cameo"):
        return []
    sources, targets = list(_get(event, "source") or []), list(_get(event, "target") or [])
    if mutual_in_cameo(event, evidence):
        parties = list({_get(a, "key"): a for a in [*sources, *targets]}.values())
        if len(parties) > 1:
            return [(a, b) for a in parties for b in parties if _get(a, "key") != _get(b, "key")]
    return [(s, t) for s in sources or [None] for t in targets or [None]]


def cameo_triples(event: Any, evidence: str | None = None) -> list[tuple[Any, Any, str]]:
    """(source, target, CAMEO code) of each pair CAMEO codes an event with (:func:`cameo_pairs`,
    with the event's code), and for a visit told by a verb of hosting ("Laos received a delegation
    from Cambodia") also the host's 043 toward each visitor."""
    code = _get(event, "cameo")
    out = [(s, t, code) for s, t in cameo_pairs(event, evidence)]
    if code and _get(event, "mode") == "visit" and (_get(event, "trigger") or "").lower() in HOST_FORMS:
        out += [(t, s, HOST_CAMEO) for s, t, _ in list(out) if s is not None and t is not None]
    return out
