"""Plotly figures (``{"data": [...], "layout": {...}}``) drawn from the analytics' dicts.

Only presentation: which series become which traces, colours, and the circle layout of the
network. Every number plotted is one the analytics returned; ``/static/app.js`` hands the
figure to the vendored plotly.js unchanged.
"""

from __future__ import annotations

import math

DIRECTION_COLOURS = {"a_to_b": "#1f77b4", "b_to_a": "#d62728", "mutual": "#7f7f7f"}
COOPERATION_COLOUR, CONFLICT_COLOUR, NEUTRAL_COLOUR = "#2e8b57", "#c0392b", "#9e9e9e"
MAX_EDGES = 150


def dyad_figure(series: dict) -> dict:
    """Stacked bars of events per period in each direction, and the mean Goldstein score of
    all of them on a second axis; speculative and planned events as a dotted line apart."""
    periods = [p["period"] for p in series["periods"]]
    data = []
    for direction, label in series["directions"].items():
        data.append({"type": "bar", "name": label, "x": periods,
                     "y": [p[direction]["events"] for p in series["periods"]],
                     "marker": {"color": DIRECTION_COLOURS.get(direction)}})
    data.append({"type": "scatter", "mode": "lines+markers", "name": "mean Goldstein (all)", "x": periods,
                 "y": [p["all"]["goldstein_mean"] for p in series["periods"]], "yaxis": "y2",
                 "line": {"color": "#ff9f1c"}})
    apart = [sum(p["all"]["apart"].get(c, 0) for c in ("speculative", "planned")) for p in series["periods"]]
    if any(apart):
        data.append({"type": "scatter", "mode": "lines+markers", "name": "speculative + planned (not summed)",
                     "x": periods, "y": apart, "line": {"dash": "dot", "color": "#8e44ad"}})
    if not periods:
        data = []
    return {"data": data, "empty": f"No dated events between {series['a']} and {series['b']} in this range.",
            "layout": {"title": {"text": f"{series['a']} – {series['b']}, events by {series['by']}"},
                       "barmode": "stack", "xaxis": {"type": "category", "title": {"text": series["by"]}},
                       "yaxis": {"title": {"text": "events (asserted, attributed)"}},
                       "yaxis2": {"title": {"text": "mean Goldstein"}, "overlaying": "y", "side": "right",
                                  "range": [-10, 10], "zeroline": True},
                       "legend": {"orientation": "h", "y": -0.2}}}


def balance_colour(balance: float | None) -> str:
    if balance is None:
        return NEUTRAL_COLOUR
    return COOPERATION_COLOUR if balance > 0.05 else CONFLICT_COLOUR if balance < -0.05 else NEUTRAL_COLOUR


def network_figure(net: dict) -> dict:
    """Parties on a circle (busiest first), one line per pair: green for a cooperative
    balance, red for a conflictual one, width by the number of events."""
    edges = net["edges"][:MAX_EDGES]
    keys = [n["key"] for n in net["nodes"] if any(n["key"] in (e["a"], e["b"]) for e in edges)]
    events = {n["key"]: n["events"] for n in net["nodes"]}
    pos = {k: (math.cos(2 * math.pi * i / len(keys)), math.sin(2 * math.pi * i / len(keys))) for i, k in enumerate(keys)}
    top = max((e["events"] for e in edges), default=1)
    data = []
    for e in edges:
        (x0, y0), (x1, y1) = pos[e["a"]], pos[e["b"]]
        bal = "n/a" if e["balance"] is None else f"{e['balance']:+.2f}"
        data.append({"type": "scatter", "mode": "lines", "x": [x0, x1], "y": [y0, y1], "showlegend": False,
                     "hoverinfo": "text", "name": f"{e['a']}–{e['b']}",
                     "text": f"{e['a']}–{e['b']}: {e['events']} events, {e['cooperation']} cooperative, "
                             f"{e['conflict']} conflictual, balance {bal}",
                     "line": {"color": balance_colour(e["balance"]), "width": 1 + 7 * e["events"] / top}})
    if keys:
        biggest = max(events[k] for k in keys)
        data.append({"type": "scatter", "mode": "markers+text", "name": "parties", "showlegend": False,
                     "x": [pos[k][0] for k in keys], "y": [pos[k][1] for k in keys], "text": keys,
                     "textposition": "top center", "hovertext": [f"{k}: {events[k]} events" for k in keys],
                     "hoverinfo": "text",
                     "marker": {"size": [10 + 30 * math.sqrt(events[k] / biggest) for k in keys], "color": "#1f3b57"}})
    hidden = {"visible": False, "range": [-1.3, 1.3]}
    return {"data": data, "empty": "No pair of parties has enough events in this range.",
            "layout": {"title": {"text": "Relation network (green: cooperation outweighs conflict; red: the reverse)"},
                       "xaxis": hidden, "yaxis": {**hidden, "scaleanchor": "x"}, "height": 640, "hovermode": "closest"}}


POWER_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"]


def hedging_figure(report: dict) -> dict:
    """Each power's share of the focal state's weighted engagement per period (stacked), the
    balance index, and a star at each balancing move (in the period of its answering visit);
    speculative and planned engagement as a dotted line apart, on its own axis."""
    from tightrope.analytics.periods import period_of

    periods = [p["period"] for p in report["periods"]]
    data = []
    for i, power in enumerate(report["powers"]):
        data.append({"type": "scatter", "mode": "lines", "stackgroup": "shares", "name": f"share {power}", "x": periods,
                     "y": [p["powers"][power]["share"] or 0 for p in report["periods"]],
                     "line": {"color": POWER_COLOURS[i % len(POWER_COLOURS)]}})
    data.append({"type": "scatter", "mode": "lines+markers", "name": "balance index", "x": periods,
                 "y": [p["balance_index"] for p in report["periods"]], "line": {"color": "#000", "dash": "dash"}})
    apart = [sum(sum(e["apart_weight"].values()) for e in p["powers"].values()) for p in report["periods"]]
    if any(apart):
        data.append({"type": "scatter", "mode": "lines+markers", "name": "speculative + planned weight (apart)",
                     "x": periods, "y": apart, "yaxis": "y2", "line": {"dash": "dot", "color": "#8e44ad"}})
    moves = [(period_of(m["then"]["date"], report["by"]), m) for m in report["moves"]]
    moves = [(p, m) for p, m in moves if p in periods]
    if moves:
        data.append({"type": "scatter", "mode": "markers", "name": "balancing move", "x": [p for p, _ in moves],
                     "y": [1.06] * len(moves), "marker": {"symbol": "star", "size": 14, "color": "#e0b400",
                                                          "line": {"color": "#000", "width": 1}},
                     "hoverinfo": "text",
                     "text": [f"{m['first']['power']} {m['first']['date']} ({m['first']['type']}) → "
                              f"{m['then']['power']} {m['then']['date']} ({m['then']['type']}), {m['days']} days"
                              for _, m in moves]})
    if not periods:
        data = []
    return {"data": data, "empty": f"No dated engagement of {report['focal']} with these powers in this range.",
            "layout": {"title": {"text": f"{report['focal']} between {', '.join(report['powers'])}, by {report['by']}"},
                       "xaxis": {"type": "category", "title": {"text": report["by"]}},
                       "yaxis": {"title": {"text": "share of engagement · balance index"}, "range": [0, 1.12]},
                       "yaxis2": {"title": {"text": "weight apart"}, "overlaying": "y", "side": "right",
                                  "showgrid": False, "rangemode": "tozero"},
                       "legend": {"orientation": "h", "y": -0.2}}}
