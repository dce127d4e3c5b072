"""Reading the monthly sums of pairs of parties, with exact date bounds.

Whole months come from ``dyad_months`` (a few hundred rows for a dyad over ten years). A
``--since``/``--until`` that falls inside a month makes that month a *boundary*: its events
are read from ``event_dyads`` with the exact bound and summed here the same way the store sums
them (:func:`tightrope.store.events.dyad_sums`). Weeks need days, so a series by week sums
``event_dyads`` rows directly (slower over long ranges).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import and_, or_, select

from tightrope.analytics.filters import date_conditions
from tightrope.store import schema
from tightrope.store.events import dyad_sums

PairSums = tuple[str, str, bool, str, dict]  # a, b, mutual, date prefix ("2025-10", "2025", ""), sums


def raw_rows(conn, where, conds) -> list:
    """The ``event_dyads`` rows of the pairs ``where`` selects, as mappings, for summing."""
    ed = schema.event_dyads
    cols = [ed.c.a, ed.c.b, ed.c.mutual, ed.c.date, ed.c.certainty, ed.c.type, ed.c.quad, ed.c.level, ed.c.goldstein]
    return conn.execute(select(*cols).where(where(ed), *conds)).mappings().all()


def empty(sums) -> bool:
    """Whether a row of sums counts no event (a month whose events were all re-coded away)."""
    return not any(sums[c] for c in ("events", "speculative", "planned", "negated", "hypothetical"))


def month_bounds(column, since: str | None, until: str | None) -> tuple[list, list[str]]:
    """Conditions on ``dyad_months.month`` for the whole months within the bounds, and the
    boundary months a day-precise bound cuts."""
    conds, boundary = [], []
    if since:
        if len(since) >= 10:
            conds.append(column > since[:7])
            boundary.append(since[:7])
        else:
            conds.append(column >= since)
    if until:
        if len(until) >= 10:
            conds.append(column < until[:7])
            boundary.append(until[:7])
        else:
            conds.append(or_(column <= until, column.like(until + "%")))
    if since or until:
        conds.append(column != "")
    return conds, list(dict.fromkeys(boundary))


def pair_sums(store, where: Callable, since: str | None, until: str | None, by: str) -> list[PairSums]:
    """Sums per pair, direction and date prefix (a month, or a day when ``by`` is ``week``) for
    the pairs ``where(table)`` selects (a condition on the table's ``a``/``b`` columns)."""
    ed, dm = schema.event_dyads, schema.dyad_months
    with store.engine.connect() as conn:
        if by == "week":
            rows = raw_rows(conn, where, date_conditions(ed.c.date, since, until))
            sums = dyad_sums(rows, key=lambda r: (r["a"], r["b"], bool(r["mutual"]), (r["date"] or "")[:10]))
            return [(*k, s) for k, s in sums.items()]
        conds, boundary = month_bounds(dm.c.month, since, until)
        found = conn.execute(select(dm).where(where(dm), *conds)).mappings().all()
        out: list[PairSums] = [(r["a"], r["b"], bool(r["mutual"]), r["month"], r) for r in found if not empty(r)]
        for month in boundary:
            within = and_(ed.c.date >= month, ed.c.date <= month + "-99")
            rows = raw_rows(conn, where, [within, *date_conditions(ed.c.date, since, until)])
            out += [(*k, s) for k, s in dyad_sums(rows).items()]
    return out
