"""What the relations analytics share: actor keys checked, date filters, certainty classes.

Engagement is counted from what the sources state happened: ``asserted`` and ``attributed``
events (a named source's word). Speculative and planned events are counted *apart* (shown,
never summed with the rest); negated and hypothetical events are not engagement at all and
are only counted.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import and_, or_, select

from tightrope.errors import InputError
from tightrope.store import schema

FACTUAL = ("asserted", "attributed")
APART = ("speculative", "planned")
NOT_EVENTS = ("negated", "hypothetical")
COOPERATION, CONFLICT = (1, 2), (3, 4)
_KEY = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9][A-Z0-9&-]*)$")


def resolve_key(store, value: str, what: str = "actor") -> str:
    """An actor key from a key or a name (``vnm``, ``VNM``, ``Vietnam``, ``IGO:ASEAN``,
    ``ASEAN``): a key of a state or organisation in the actor dictionary, or one found in
    stored events. Anything else is an InputError naming the value."""
    raw = (value or "").strip()
    if not raw:
        raise InputError(what, "an actor key is needed, e.g. VNM or IGO:ASEAN")
    from tightrope.actors.dictionary import default_dictionary

    d = default_dictionary()
    key = raw.upper()
    if _KEY.match(key) and (d.state(key) is not None or _stored(store, key)):
        return key
    if d.state("IGO:" + key) is not None:
        return "IGO:" + key
    found = [e.key for e in d.find(raw) if e.kind in ("state", "organisation") and e.key]
    if len(set(found)) == 1:
        return found[0]
    raise InputError(f"{what} {raw!r}", "unknown actor key; give an ISO-3166 alpha-3 code (VNM, CHN, USA) "
                     "or IGO:ACRONYM (IGO:ASEAN), or a state's name")


def _stored(store, key: str) -> bool:
    ed = schema.event_dyads
    with store.engine.connect() as conn:
        return conn.execute(select(ed.c.event_id).where(or_(ed.c.a == key, ed.c.b == key)).limit(1)).first() is not None


def check_date(value: str | None, what: str) -> str | None:
    """A ``--since``/``--until`` value (``2025``, ``2025-04``, ``2025-04-14``) or None."""
    if value is None or value == "":
        return None
    text = value.strip()
    full = text + "-01-01"[len(text) - 4 :] if len(text) in (4, 7) else text
    try:
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
            raise ValueError
        date.fromisoformat(full)
    except ValueError:
        raise InputError(f"{what} {value!r}", "not a date; use YYYY, YYYY-MM or YYYY-MM-DD") from None
    return text


def date_conditions(column, since: str | None, until: str | None) -> list:
    """SQL conditions keeping dates on or after ``since`` and on or before ``until``, where a
    coarse ``until`` (``2025``) takes in its whole year and a coarse date its whole span."""
    conds = []
    if since:
        conds.append(column >= since)
    if until:
        conds.append(or_(column <= until, column.like(until + "%")))
    if conds:
        conds.append(column.is_not(None))
    return [and_(*conds)] if conds else []
