"""Relations analytics speed: dyad series, hedging and the relation network at N events.

    .venv/bin/python benchmarks/analytics.py [--events 1000000] [--db PATH_OR_URL] [--runs 50]

Builds (or reuses, with --db, when it already holds events) a store of N generated events
(``benchmarks/_events.py``: ~40 states, flagship dyads most frequent, ten years), then times,
each --runs times over a rotation of dyads and focal states, the library calls the API and
CLI make: ``dyad_series`` by month (whole range, and one year), ``hedging`` by quarter against
three powers with two blocs (whole range, and three years), and ``relation_network`` for one
year. Prints p50/p95 per query in milliseconds, wall clock and CPU time (on a shared machine the
wall clock also counts waiting for a core; the load average is printed). Goal: p95 ≤ 50 ms for
dyad_series and hedging at 1,000,000 events.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._events import generate_events  # noqa: E402
from tightrope.analytics import dyad_series, hedging, relation_network  # noqa: E402
from tightrope.store import Store  # noqa: E402
from tightrope.store.events import count_events  # noqa: E402

DYADS = [("VNM", "CHN"), ("USA", "CHN"), ("VNM", "USA"), ("RUS", "PRK"), ("JPN", "KOR"), ("VNM", "LAO"), ("IND", "PAK")]
FOCAL = [("VNM", ["USA", "CHN", "RUS"]), ("KOR", ["USA", "CHN", "JPN"]), ("IND", ["USA", "RUS", "CHN"]),
         ("PHL", ["USA", "CHN", "JPN"])]
BLOCS = {"VNM": {"west": ["USA"], "east": ["CHN", "RUS"]}}


def _time(fn, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each run (CPU time is what the call costs on an idle
    machine; on a shared one the wall clock also counts waiting for a core)."""
    wall, cpu = [], []
    for i in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn(i)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def _p95(ms: list[float]) -> float:
    ms = sorted(ms)
    return ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]


def _report(name: str, timed: tuple[list[float], list[float]], note: str = "") -> None:
    wall, cpu = timed
    print(f"{name:<38} wall p50 {statistics.median(wall):6.1f} p95 {_p95(wall):6.1f} ms | "
          f"CPU p50 {statistics.median(cpu):6.1f} p95 {_p95(cpu):6.1f} ms  {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", help="store to use (built with --events generated events when empty)")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp(prefix="tightrope-analytics-")) / "bench.db")
    store = Store(db)
    have = count_events(store)
    if have < args.events:
        t0 = time.perf_counter()
        made = generate_events(store, args.events - have, seed=have, progress=True)
        print(f"generated {made:,} events in {time.perf_counter() - t0:.1f} s")
    print(f"store: {db} ({count_events(store):,} events); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for f, powers in FOCAL + [(a, [b]) for a, b in DYADS]:  # warm the page cache and the actor dictionary
        hedging(store, f, powers)

    def dyad(i, **kw):
        a, b = DYADS[i % len(DYADS)]
        return dyad_series(store, a, b, by="month", **kw)

    def hedge(i, **kw):
        focal, powers = FOCAL[i % len(FOCAL)]
        return hedging(store, focal, powers, by="quarter", blocs=BLOCS.get(focal), **kw)

    sample = dyad(0).to_dict()["total"]["all"]
    rows = sum(sample["by_quad"].values()) + sum(sample["apart"].values())
    _report("dyad_series VNM-CHN… by month", _time(dyad, args.runs), f"(VNM-CHN: {rows:,} events)")
    _report("dyad_series, one year", _time(lambda i: dyad(i, since="2024-01-01", until="2024-12-31"), args.runs))
    report = hedge(0).to_dict()
    _report("hedging VNM vs USA,CHN,RUS by quarter", _time(hedge, args.runs),
            f"(VNM: {sum(p['cooperation'] + p['conflict'] for p in report['total']['powers'].values()):,} "
            f"asserted events, {report['moves_found']:,} balancing moves)")
    _report("hedging, three years", _time(lambda i: hedge(i, since="2023", until="2025"), args.runs))
    _report("relation_network, one year", _time(lambda i: relation_network(store, since="2024", until="2024"),
                                                max(3, args.runs // 10)))
    store.close()


if __name__ == "__main__":
    main()
