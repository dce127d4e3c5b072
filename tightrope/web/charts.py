"""The relations analytics as the API and the charts receive them.

Thin calls into :mod:`tightrope.analytics` (dyad series, hedging, the relation network); the
analytics check keys, periods and dates and raise InputError, which the app turns into a 422.
Only the web's own argument form (``powers`` as ``"USA,CHN"``) is read here. No statistic is
computed here.
"""

from __future__ import annotations

from tightrope.errors import InputError


def dyad(store, a: str, b: str, by: str = "month", since: str | None = None, until: str | None = None) -> dict:
    from tightrope.analytics import dyad_series

    return dyad_series(store, a, b, by=by, since=since, until=until).to_dict()


def power_list(powers: str) -> list[str]:
    chosen = [p.strip() for p in (powers or "").split(",") if p.strip()]
    if not chosen:
        raise InputError(f"powers={powers!r}", "name the powers, comma-separated, e.g. USA,CHN,RUS")
    return chosen


def hedging(store, focal: str, powers: str, by: str = "quarter", since: str | None = None, until: str | None = None,
            window_weeks: int = 8) -> dict:
    from tightrope.analytics import hedging as hedging_of

    return hedging_of(store, focal, power_list(powers), by=by, since=since, until=until,
                      window_weeks=window_weeks).to_dict()


def network(store, since: str | None = None, until: str | None = None, min_events: int = 3) -> dict:
    from tightrope.analytics import relation_network

    out = relation_network(store, since=since, until=until, min_events=min_events)
    return out.to_dict() if hasattr(out, "to_dict") else out
