"""Hedging: how a focal state spreads its engagement over rival powers, period by period.

``hedging(store, "VNM", ["USA", "CHN", "RUS"], by="quarter")`` answers *is Hanoi tilting?*
For each period and power it sums the focal state's cooperative engagement with that power,
weighted by who took part and how cooperative the act was, and from those weights gives:

- **shares** — ``w_p / Σ w``, each power's share of the focal state's engagement;
- **balance index** — the normalised Shannon entropy of the shares,
  ``H = −Σ s_p ln s_p / ln k`` over the ``k`` powers (1: engagement spread evenly, 0: all of it
  with one power; None for a period with no engagement);
- **tilt** between two named blocs — ``(W_1 − W_2) / (W_1 + W_2)``, from +1 (all with the first
  bloc) to −1 (all with the second);
- **balancing moves** — high-level engagement with one power answered within ``window_weeks``
  by high-level engagement with a rival (a power of another bloc, or any other power when no
  blocs are named): To Lam in Pyongyang, then Hegseth in Hanoi.

The weight of one event is ``w = L × G``: ``L`` is 3 when a head of state or government or a
party chief took part, 2 for a minister-level official, 1 otherwise; ``G = 1 + max(g, 0) / 10``
for its Goldstein score ``g`` (so 1 to 2: material cooperation weighs more than a phone call);
the store sums it as events are saved (:func:`tightrope.store.events.engagement_weight`). Only cooperative events (QuadClass 1–2) that the sources state happened (asserted, attributed)
are engagement; conflict with each power is counted beside it, speculative and planned events
are given apart with their own weights, and negated or hypothetical ones only counted.

Like :mod:`tightrope.analytics.relations`, this only reads the store: the monthly sums of
``dyad_months`` grouped by power in SQL, and for the moves a reverse scan of the newest
high-level rows of ``event_dyads`` per pair, read back only as far as the moves returned need.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import and_, case, func, or_, select, union_all

from tightrope.analytics.filters import (APART, COOPERATION, FACTUAL, NOT_EVENTS, check_date, date_conditions,
                                         resolve_key)
from tightrope.analytics.periods import check_period, day_number, period_of
from tightrope.analytics.sums import empty, month_bounds, raw_rows
from tightrope.errors import InputError
from tightrope.store import schema
from tightrope.store.events import dyad_sums

MAX_MOVES = 200


@dataclass(slots=True)
class Engagement:
    """The focal state's events with one power in one period."""

    weight: float = 0.0  # cooperative, asserted or attributed: w = L × G summed
    cooperation: int = 0  # stated events of QuadClass 1-2
    conflict: int = 0  # stated events of QuadClass 3-4
    high_level: int = 0  # cooperative events at minister level or above
    goldstein_sum: float = 0.0
    apart: dict[str, int] = field(default_factory=dict)  # other certainties: event counts
    apart_weight: dict[str, float] = field(default_factory=dict)  # speculative/planned cooperation: weights

    def add(self, sums) -> None:
        """Add a ``dyad_months`` row or :func:`~tightrope.store.events.dyad_sums` entry."""
        self.weight += float(sums["weight"])
        self.cooperation += int(sums["quad_1"] + sums["quad_2"])
        self.conflict += int(sums["quad_3"] + sums["quad_4"])
        self.high_level += int(sums["coop_high"])
        self.goldstein_sum += float(sums["goldstein_sum"])
        for c in APART + NOT_EVENTS:
            if sums[c]:
                self.apart[c] = self.apart.get(c, 0) + int(sums[c])
        for c in APART:
            if sums[f"{c}_weight"]:
                self.apart_weight[c] = self.apart_weight.get(c, 0.0) + float(sums[f"{c}_weight"])

    def to_dict(self, share: float | None) -> dict[str, Any]:
        return {"weight": round(self.weight, 3), "share": None if share is None else round(share, 4),
                "cooperation": self.cooperation, "conflict": self.conflict, "high_level": self.high_level,
                "goldstein_sum": round(self.goldstein_sum, 3),
                "apart": {c: self.apart.get(c, 0) for c in APART + NOT_EVENTS},
                "apart_weight": {c: round(self.apart_weight.get(c, 0.0), 3) for c in APART}}


def shares(weights: dict[str, float]) -> dict[str, float | None]:
    """Each power's share of the total weight (None for all when the total is 0)."""
    total = sum(weights.values())
    return {p: (w / total if total > 0 else None) for p, w in weights.items()}


def balance_index(weights: dict[str, float]) -> float | None:
    """Normalised Shannon entropy of the shares over all the powers (zeros included): 1 when
    engagement is spread evenly, 0 when it is all with one power; None with no engagement or
    fewer than two powers."""
    total = sum(weights.values())
    if total <= 0 or len(weights) < 2:
        return None
    h = -sum((w / total) * math.log(w / total) for w in weights.values() if w > 0)
    return max(0.0, h / math.log(len(weights)))


def tilt(weights: dict[str, float], blocs: dict[str, list[str]] | None) -> float | None:
    """``(W_1 − W_2) / (W_1 + W_2)`` between the first two blocs (None without two blocs or
    without engagement with either)."""
    if not blocs or len(blocs) < 2:
        return None
    first, second = list(blocs.values())[:2]
    w1, w2 = sum(weights.get(p, 0.0) for p in first), sum(weights.get(p, 0.0) for p in second)
    return (w1 - w2) / (w1 + w2) if w1 + w2 > 0 else None


@dataclass(slots=True)
class HedgingPeriod:
    period: str
    powers: dict[str, Engagement]

    def summary(self, blocs) -> dict[str, Any]:
        weights = {p: e.weight for p, e in self.powers.items()}
        share = shares(weights)
        b, t = balance_index(weights), tilt(weights, blocs)
        out = {"period": self.period,
               "powers": {p: e.to_dict(share[p]) for p, e in self.powers.items()},
               "balance_index": None if b is None else round(b, 4),
               "tilt": None if t is None else round(t, 4)}
        if blocs:
            total = sum(weights.values())
            out["bloc_shares"] = {name: (round(sum(weights.get(p, 0.0) for p in members) / total, 4) if total else None)
                                  for name, members in blocs.items()}
        return out


@dataclass(slots=True)
class Move:
    """High-level engagement with ``first`` answered by high-level engagement with ``then``."""

    first: dict[str, Any]  # {"power", "date", "event_id", "doc_id", "type", "level"}
    then: dict[str, Any]
    days: int

    def to_dict(self) -> dict[str, Any]:
        return {"first": self.first, "then": self.then, "days": self.days}


@dataclass(slots=True)
class HedgingReport:
    """The hedging picture of ``focal`` against ``powers`` (see the module docstring)."""

    focal: str
    powers: list[str]
    by: str
    since: str | None
    until: str | None
    window_weeks: int
    blocs: dict[str, list[str]] | None
    periods: list[HedgingPeriod]
    total: HedgingPeriod
    moves: list[Move]
    moves_found: int
    moves_complete: bool = True
    imprecise: int = 0
    undated: int = 0

    def to_dict(self) -> dict[str, Any]:
        total = self.total.summary(self.blocs)
        total.pop("period")
        return {
            "focal": self.focal, "powers": self.powers, "by": self.by, "since": self.since, "until": self.until,
            "window_weeks": self.window_weeks, "blocs": self.blocs,
            "periods": [p.summary(self.blocs) for p in self.periods],
            "total": total,
            "moves": [m.to_dict() for m in self.moves],
            "moves_found": self.moves_found,
            "moves_complete": self.moves_complete,
            "imprecise": self.imprecise,
            "undated": self.undated,
            "formula": {"weight": "w = L × G; L = 3 leader, 2 minister-level, 1 other; G = 1 + max(goldstein, 0) / 10",
                        "share": "w_p / Σ w", "balance_index": "−Σ s_p ln s_p / ln k",
                        "tilt": "(W_first_bloc − W_second_bloc) / (W_first_bloc + W_second_bloc)"},
        }


def _pair_condition(ed, focal: str, powers: list[str]):
    return or_(and_(ed.c.a == focal, ed.c.b.in_(powers)), and_(ed.c.b == focal, ed.c.a.in_(powers)))


_SUMS = ("events", "weight", "quad_1", "quad_2", "quad_3", "quad_4", "coop_high", "goldstein_sum", *APART, *NOT_EVENTS,
         "speculative_weight", "planned_weight")


def _power_sums(store, focal: str, powers: list[str], since, until, by: str) -> list[tuple[str, str, dict]]:
    """Sums per power and month (per day when ``by`` is ``week``), both directions and mutual
    acts together: whole months summed in SQL from ``dyad_months``, months a day-precise bound
    cuts (and weeks) from ``event_dyads`` rows."""
    ed, dm = schema.event_dyads, schema.dyad_months
    where = lambda t: _pair_condition(t, focal, powers)  # noqa: E731
    other = lambda r: r["b"] if r["a"] == focal else r["a"]  # noqa: E731
    with store.engine.connect() as conn:
        if by == "week":
            rows = raw_rows(conn, where, date_conditions(ed.c.date, since, until))
            return [(*k, v) for k, v in dyad_sums(rows, key=lambda r: (other(r), (r["date"] or "")[:10])).items()]
        conds, boundary = month_bounds(dm.c.month, since, until)
        power = case((dm.c.a == focal, dm.c.b), else_=dm.c.a).label("power")
        query = (select(power, dm.c.month, *(func.sum(dm.c[c]).label(c) for c in _SUMS))
                 .where(where(dm), *conds).group_by(power, dm.c.month))
        out = [(r.power, r.month, r._mapping) for r in conn.execute(query).all() if not empty(r._mapping)]
        for month in boundary:
            within = and_(ed.c.date >= month, ed.c.date <= month + "-99")
            rows = raw_rows(conn, where, [within, *date_conditions(ed.c.date, since, until)])
            out += [(*k, v) for k, v in dyad_sums(rows, key=lambda r: (other(r), (r["date"] or "")[:7])).items()]
    return out


def _rivals(powers: list[str], blocs: dict[str, list[str]] | None) -> dict[str, set[str]]:
    """Who answers whom: powers of another bloc, or every other power without blocs."""
    if not blocs:
        return {p: set(powers) - {p} for p in powers}
    bloc_of = {p: name for name, members in blocs.items() for p in members}
    return {p: {q for q in powers if q in bloc_of and bloc_of[q] != bloc_of.get(p)} for p in powers}


def _high_level_rows(store, focal, powers, since, until, before: str | None, per_pair: int):
    """Stated cooperative events with the powers at minister level or above, day-dated on or
    before ``before``, newest first: the newest ``per_pair`` of each pair and direction (a reverse
    range scan of the covering index), merged. Returns the rows and the cutoff: the latest day
    down to which every pair was read whole (None when all were read to their start); rows of
    that day and older are left for the next call."""
    ed = schema.event_dyads
    pairs = [(focal, p) for p in powers] + [(p, focal) for p in powers]
    scans = [
        select(ed.c.date, ed.c.a, ed.c.b, ed.c.level, ed.c.event_id)
        .where(ed.c.a == a, ed.c.b == b, ed.c.level >= 1, ed.c.quad.in_(COOPERATION),
               ed.c.certainty.in_(FACTUAL), func.length(ed.c.date) == 10,
               *date_conditions(ed.c.date, since, until), *([ed.c.date <= before] if before else []))
        .order_by(ed.c.date.desc())
        .limit(per_pair)
        .subquery()
        for a, b in pairs
    ]
    # one statement for all pairs: each scan is a few hundred index rows, so the round trips and
    # statement handling of one query per pair cost more than the scans themselves
    with store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(union_all(*(select(scan) for scan in scans))).all()]
    read: dict[tuple[str, str], list[str]] = {}  # per pair: the dates read (SQL keeps no order across a union)
    for r in rows:
        read.setdefault((r[1], r[2]), []).append(r[0])
    cutoff = None
    for dates in read.values():
        if len(dates) == per_pair and (cutoff is None or min(dates) > cutoff):
            cutoff = min(dates)
    if cutoff is not None:
        rows = [r for r in rows if r[0] > cutoff]
    rows.sort(key=itemgetter(0), reverse=True)
    return rows, cutoff


def _episodes(rows, focal: str) -> list[tuple]:
    """One episode per day-dated day and power: ``(day, power, level, event_id)`` with the
    highest level and the earliest-stored event, oldest first."""
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for date_, a, b, level, event_id in rows:
        if date_ is None or len(date_) != 10:
            continue
        key = (date_, b if a == focal else a)
        have = best.get(key)
        if have is None or (level, -event_id) > (have[0], -have[1]):
            best[key] = (level, event_id)
    days: dict[str, int | None] = {}
    out = []
    for (date_, power), (level, event_id) in best.items():
        if date_ not in days:
            days[date_] = day_number(date_)
        if days[date_] is not None:
            out.append((days[date_], power, level, event_id))
    return sorted(out)


def _recent_moves(store, focal, keys, blocs, since, until, window_days: int, max_moves: int) -> tuple[list, bool]:
    """The balancing moves of the most recent spans, read backwards in chunks until
    ``max_moves`` moves are certain or the range is read whole. A move on day d depends only on
    the episodes of [d − window, d], so the moves that far inside what was read are exact.
    Returns the exact moves, oldest first, and whether the whole range was read."""
    rivals, rows, before = _rivals(keys, blocs), [], None
    per_pair = max(100, 3 * max_moves // max(1, len(keys)))
    while True:
        got, cutoff = _high_level_rows(store, focal, keys, since, until, before, per_pair)
        if cutoff is not None and not got and cutoff == before:  # one day filled a pair's rows
            per_pair *= 2
            continue
        rows += got
        pairs = balancing_moves(_episodes(rows, focal), rivals, window_days)
        if cutoff is None:
            return pairs, True
        before, start = cutoff, day_number(cutoff)
        exact = [p for p in pairs if start is None or p[1][0] - window_days > start]
        if len(exact) >= max_moves:
            return exact, False


def balancing_moves(episodes, rivals: dict[str, set[str]], window_days: int) -> list[tuple]:
    """Pairs of episodes ``(first, then)`` where ``then`` is high-level engagement with a rival
    of ``first``'s power within ``window_days`` after it, and the first with that rival since
    ``first``. Each episode is ``(day_ordinal, power, ...)``, sorted by day; episodes of the same
    day never answer each other. Of several rivals' earlier episodes the latest is answered."""
    last: dict[str, int] = {}
    last_episode: dict[str, tuple] = {}
    moves = []
    i = 0
    while i < len(episodes):
        day = episodes[i][0]
        same_day = []
        while i < len(episodes) and episodes[i][0] == day:
            same_day.append(episodes[i])
            i += 1
        for ep in same_day:
            power = ep[1]
            answered = [last_episode[r] for r in rivals.get(power, ())
                        if r in last and 0 < day - last[r] <= window_days and last.get(power, -1) < last[r]]
            if answered:
                moves.append((max(answered, key=lambda e: (e[0], e[1])), ep))
        for ep in same_day:
            last[ep[1]] = day
            last_episode[ep[1]] = ep
    return moves


def _episode_detail(ep, docs: dict[int, str], events: dict[int, str]) -> dict[str, Any]:
    day, power, level, event_id = ep
    return {"power": power, "date": date.fromordinal(day).isoformat(), "event_id": event_id,
            "doc_id": docs.get(event_id), "type": events.get(event_id), "level": level}


def _event_docs(store, ids: list[int]) -> tuple[dict[int, str], dict[int, str]]:
    if not ids:
        return {}, {}
    e = schema.events
    with store.engine.connect() as conn:
        rows = conn.execute(select(e.c.id, e.c.doc_id, e.c.type).where(e.c.id.in_(ids))).all()
    return {r.id: r.doc_id for r in rows}, {r.id: r.type for r in rows}


def _check_blocs(store, blocs, powers: list[str]) -> dict[str, list[str]] | None:
    if not blocs:
        return None
    out = {}
    for name, members in blocs.items():
        keys = [resolve_key(store, m, f"bloc {name}") for m in members]
        if not keys:
            raise InputError(f"bloc {name!r}", "a bloc needs at least one power")
        out[str(name)] = keys
    return out


def hedging(store, focal: str, powers: list[str], *, by: str = "quarter", since: str | None = None,
            until: str | None = None, window_weeks: int = 8, blocs: dict[str, list[str]] | None = None,
            max_moves: int = MAX_MOVES) -> HedgingReport:
    """The focal state's engagement with each power over time (see the module docstring).

    ``powers`` are actor keys or names (a bloc's members are added to them); ``blocs`` names
    groups of powers (``{"US and allies": ["USA", "JPN"], "China and Russia": ["CHN", "RUS"]}``)
    for the tilt and for who counts as whose rival; ``window_weeks`` bounds the time a balancing
    move may take. The most recent ``max_moves`` moves are returned; ``moves_found`` counts the
    moves of the span read for them: all of the range when ``moves_complete``, else the most
    recent stretch holding at least ``max_moves`` moves (reading ten years of a busy focal state
    to count every move would cost more than the rest of the report)."""
    focal = resolve_key(store, focal, "focal state")
    keys = list(dict.fromkeys(resolve_key(store, p, "power") for p in powers))
    blocs = _check_blocs(store, blocs, keys)
    for members in (blocs or {}).values():
        keys += [m for m in members if m not in keys]
    keys = [k for k in keys if k != focal]
    if not keys:
        raise InputError("--powers", f"name at least one power other than {focal}")
    if window_weeks < 1:
        raise InputError(f"--window {window_weeks}", "the window is a whole number of weeks, 1 or more")
    by = check_period(by)
    since, until = check_date(since, "--since"), check_date(until, "--until")

    periods: dict[str, HedgingPeriod] = {}
    total = HedgingPeriod("total", {p: Engagement() for p in keys})
    imprecise = undated = 0
    for power, prefix, sums in _power_sums(store, focal, keys, since, until, by):
        total.powers[power].add(sums)
        name = period_of(prefix, by)
        if name is None:
            n = int(sums["events"]) + sum(int(sums[c]) for c in APART + NOT_EVENTS)
            if prefix:
                imprecise += n
            else:
                undated += n
            continue
        periods.setdefault(name, HedgingPeriod(name, {p: Engagement() for p in keys})).powers[power].add(sums)

    pairs, complete = _recent_moves(store, focal, keys, blocs, since, until, window_weeks * 7, max(max_moves, 0))
    kept = pairs[len(pairs) - max(max_moves, 0):]
    docs, types = _event_docs(store, [ep[3] for pair in kept for ep in pair])
    moves = [Move(_episode_detail(f, docs, types), _episode_detail(t, docs, types), t[0] - f[0]) for f, t in kept]
    return HedgingReport(focal=focal, powers=keys, by=by, since=since, until=until, window_weeks=window_weeks,
                         blocs=blocs, periods=[periods[k] for k in sorted(periods)], total=total, moves=moves,
                         moves_found=len(pairs), moves_complete=complete, imprecise=imprecise, undated=undated)


__all__ = ["HedgingReport", "Move", "balance_index", "balancing_moves", "hedging", "shares", "tilt"]
