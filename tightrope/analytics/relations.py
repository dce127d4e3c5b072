"""Dyad time series and the relation network, aggregated in SQL over ``event_dyads``.

``dyad_series(store, "VNM", "CHN", by="month")`` answers *how are Vietnam and China moving?*:
per period and per direction (VNM acting on CHN, CHN on VNM, the two acting together), the
events by PLOVER type and QuadClass, Goldstein sums and means, and the share of events at
high level (a head of state or government, party chief or minister on either side). Only what
the sources state happened is summed (asserted and attributed events); speculative, planned,
negated and hypothetical events are counted apart. ``relation_network`` gives every pair of
parties with its cooperation/conflict balance.

This module only reads the store, and it never loads events one by one: a dyad's answer is the
few hundred rows of its monthly sums in ``dyad_months`` (migration 5), plus the events of a month
a day-precise bound cuts (:mod:`tightrope.analytics.sums`), so that a dyad of a store of a million
events is answered in milliseconds. The network, which sums every pair, reads the yearly sums in
``dyad_years`` (migration 7) and only the months and days of a year that its bounds cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func, or_, select

from tightrope.analytics.filters import (APART, CONFLICT, COOPERATION, FACTUAL, NOT_EVENTS, check_date,
                                         date_conditions, resolve_key)
from tightrope.analytics.periods import check_period, period_of
from tightrope.analytics.sums import month_bounds, pair_sums
from tightrope.errors import InputError
from tightrope.store import schema
from tightrope.store.events import TYPE_COLUMN

DIRECTIONS = ("a_to_b", "b_to_a", "mutual")


@dataclass(slots=True)
class DyadStats:
    """Counts and scores of one direction of a dyad over one period.

    ``events`` and everything derived from it count asserted and attributed events only;
    ``apart`` counts the others by certainty (speculative, planned, negated, hypothetical)."""

    events: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_quad: dict[int, int] = field(default_factory=dict)
    goldstein_sum: float = 0.0
    scored: int = 0  # events with a Goldstein score (the mean's denominator)
    high_level: int = 0
    leader_level: int = 0
    apart: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_sums(cls, sums) -> "DyadStats":
        """From a ``dyad_months`` row or :func:`~tightrope.store.events.dyad_sums` entry."""
        return cls(
            events=int(sums["events"]),
            by_type={t: int(sums[c]) for t, c in TYPE_COLUMN.items() if sums[c]}
            | ({"other": int(sums["type_other"])} if sums["type_other"] else {}),
            by_quad={q: int(sums[f"quad_{q}"]) for q in (1, 2, 3, 4) if sums[f"quad_{q}"]},
            goldstein_sum=float(sums["goldstein_sum"]), scored=int(sums["scored"]),
            high_level=int(sums["high_level"]), leader_level=int(sums["leader_level"]),
            apart={c: int(sums[c]) for c in APART + NOT_EVENTS if sums[c]},
        )

    def merge(self, other: "DyadStats") -> None:
        self.events += other.events
        for k, v in other.by_type.items():
            self.by_type[k] = self.by_type.get(k, 0) + v
        for k, v in other.by_quad.items():
            self.by_quad[k] = self.by_quad.get(k, 0) + v
        self.goldstein_sum += other.goldstein_sum
        self.scored += other.scored
        self.high_level += other.high_level
        self.leader_level += other.leader_level
        for k, v in other.apart.items():
            self.apart[k] = self.apart.get(k, 0) + v

    @property
    def goldstein_mean(self) -> float | None:
        return self.goldstein_sum / self.scored if self.scored else None

    @property
    def high_level_share(self) -> float | None:
        return self.high_level / self.events if self.events else None

    @property
    def cooperation(self) -> int:
        return sum(self.by_quad.get(q, 0) for q in COOPERATION)

    @property
    def conflict(self) -> int:
        return sum(self.by_quad.get(q, 0) for q in CONFLICT)

    def to_dict(self) -> dict[str, Any]:
        mean, share = self.goldstein_mean, self.high_level_share
        return {
            "events": self.events,
            "by_type": dict(sorted(self.by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
            "by_quad": {str(q): self.by_quad.get(q, 0) for q in (1, 2, 3, 4)},
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "goldstein_sum": round(self.goldstein_sum, 3),
            "goldstein_mean": None if mean is None else round(mean, 3),
            "high_level": self.high_level,
            "leader_level": self.leader_level,
            "high_level_share": None if share is None else round(share, 4),
            "apart": {c: self.apart.get(c, 0) for c in APART + NOT_EVENTS},
        }


def _directions() -> dict[str, DyadStats]:
    return {d: DyadStats() for d in DIRECTIONS}


def _all(directions: dict[str, DyadStats]) -> DyadStats:
    total = DyadStats()
    for stats in directions.values():
        total.merge(stats)
    return total


@dataclass(slots=True)
class DyadPeriod:
    period: str
    directions: dict[str, DyadStats] = field(default_factory=_directions)

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period, **{d: s.to_dict() for d, s in self.directions.items()},
                "all": _all(self.directions).to_dict()}


@dataclass(slots=True)
class DyadSeries:
    """The time series of a dyad: ``a_to_b`` is ``a`` acting on ``b``, ``b_to_a`` the reverse,
    ``mutual`` the two acting together (reciprocal acts); ``all`` sums the three. ``imprecise``
    counts events whose date is too coarse for ``by`` (a year-only date by month), ``undated``
    those with no date; both are in ``total`` but in no period."""

    a: str
    b: str
    by: str
    since: str | None
    until: str | None
    periods: list[DyadPeriod]
    total: dict[str, DyadStats]
    imprecise: int = 0
    undated: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b, "by": self.by, "since": self.since, "until": self.until,
            "directions": {"a_to_b": f"{self.a}→{self.b}", "b_to_a": f"{self.b}→{self.a}",
                           "mutual": f"{self.a}↔{self.b}"},
            "periods": [p.to_dict() for p in self.periods],
            "total": {**{d: s.to_dict() for d, s in self.total.items()}, "all": _all(self.total).to_dict()},
            "imprecise": self.imprecise,
            "undated": self.undated,
        }


def dyad_series(store, a: str, b: str, *, by: str = "month", since: str | None = None,
                until: str | None = None) -> DyadSeries:
    """The time series of the dyad ``a``–``b`` in both directions (see :class:`DyadSeries`).

    ``a`` and ``b`` are actor keys or names (``VNM``, ``China``); ``by`` is ``week``, ``month``,
    ``quarter`` or ``year``; ``since``/``until`` are ISO dates or prefixes. Raises InputError
    for an unknown key, period or date."""
    a, b = resolve_key(store, a, "actor"), resolve_key(store, b, "actor")
    if a == b:
        raise InputError(f"{a} {b}", "a dyad needs two different actors")
    by = check_period(by)
    since, until = check_date(since, "--since"), check_date(until, "--until")
    periods: dict[str, DyadPeriod] = {}
    total = _directions()
    imprecise = undated = 0
    pair = lambda t: or_(and_(t.c.a == a, t.c.b == b), and_(t.c.a == b, t.c.b == a))  # noqa: E731
    for x, _, mutual, prefix, sums in pair_sums(store, pair, since, until, by):
        direction = "mutual" if mutual else ("a_to_b" if x == a else "b_to_a")
        stats = DyadStats.from_sums(sums)
        total[direction].merge(stats)
        name = period_of(prefix, by)
        if name is None:
            n = stats.events + sum(stats.apart.values())
            if prefix:
                imprecise += n
            else:
                undated += n
            continue
        periods.setdefault(name, DyadPeriod(name)).directions[direction].merge(stats)
    return DyadSeries(a=a, b=b, by=by, since=since, until=until,
                      periods=[periods[k] for k in sorted(periods)], total=total,
                      imprecise=imprecise, undated=undated)


def relation_network(store, *, since: str | None = None, until: str | None = None, min_events: int = 3) -> dict:
    """Every pair of parties with at least ``min_events`` asserted or attributed events.

    Returns ``{"nodes": [{"key", "events"}], "edges": [{"a", "b", "events", "cooperation",
    "conflict", "balance"}]}``: an edge's ``balance`` is (cooperation − conflict) /
    (cooperation + conflict), from −1 (all conflict) to +1 (all cooperation), None when neither
    occurs; a node's ``events`` sums its edges. Edges are sorted by events, most first."""
    since, until = check_date(since, "--since"), check_date(until, "--until")
    ed, dm = schema.event_dyads, schema.dyad_months
    totals: dict[tuple[str, str], list[int]] = {}

    def add(rows) -> None:
        # grouped by a and b, dyad_years' key order (SQLite needs no sort); the two directions
        # and the mutual acts of a pair are added up here, as a network edge has no direction
        for a, b, n, coop_n, conf_n in rows:
            t = totals.setdefault((a, b) if a < b else (b, a), [0, 0, 0])
            t[0] += int(n or 0)
            t[1] += int(coop_n or 0)
            t[2] += int(conf_n or 0)

    conds, boundary = month_bounds(dm.c.month, since, until)
    with store.engine.connect() as conn:
        for table, where in _network_sums(since, until, conds):
            c = table.c
            add(conn.execute(select(c.a, c.b, func.sum(c.events), func.sum(c.quad_1 + c.quad_2),
                                    func.sum(c.quad_3 + c.quad_4)).where(*where).group_by(c.a, c.b)))
        for month in boundary:
            add(conn.execute(
                select(ed.c.a, ed.c.b, func.count(), func.sum(case((ed.c.quad.in_(COOPERATION), 1), else_=0)),
                       func.sum(case((ed.c.quad.in_(CONFLICT), 1), else_=0)))
                .where(ed.c.certainty.in_(FACTUAL), ed.c.date >= month, ed.c.date <= month + "-99",
                       *date_conditions(ed.c.date, since, until))
                .group_by(ed.c.a, ed.c.b)))
    edges, nodes = [], {}
    for (x, y), (n, coop_n, conf_n) in totals.items():
        if n < max(1, min_events):
            continue
        balance = (coop_n - conf_n) / (coop_n + conf_n) if coop_n + conf_n else None
        edges.append({"a": x, "b": y, "events": n, "cooperation": coop_n, "conflict": conf_n,
                      "balance": None if balance is None else round(balance, 4)})
        for key in (x, y):
            nodes[key] = nodes.get(key, 0) + n
    edges.sort(key=lambda e: (-e["events"], e["a"], e["b"]))
    return {"nodes": [{"key": k, "events": n} for k, n in sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))],
            "edges": edges}


def _network_sums(since: str | None, until: str | None, month_conds: list) -> list[tuple]:
    """Which sums the network adds up, as ``(table, conditions)``: the years wholly within the
    bounds from ``dyad_years`` (a few thousand rows however long the range), and the whole
    months of a year that a month- or day-precise bound cuts from ``dyad_months``."""
    dy, dm = schema.dyad_years, schema.dyad_months
    years, cut = [], []
    if since:
        years.append(dy.c.year > since[:4] if len(since) >= 7 else dy.c.year >= since)
        cut += [since[:4]] if len(since) >= 7 else []
    if until:
        years.append(dy.c.year < until[:4] if len(until) >= 7 else dy.c.year <= until)
        cut += [until[:4]] if len(until) >= 7 else []
    if since or until:
        years.append(dy.c.year != "")
    parts = [(dy, years)]
    for year in dict.fromkeys(cut):
        parts.append((dm, [dm.c.month >= year, dm.c.month < f"{int(year) + 1:04d}", *month_conds]))
    return parts


__all__ = ["DyadPeriod", "DyadSeries", "DyadStats", "dyad_series", "relation_network"]
