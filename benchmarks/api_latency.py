"""API latency on a large store, and the dashboard's page load time.

    .venv/bin/python benchmarks/api_latency.py                        # 1,000,000 generated events
    .venv/bin/python benchmarks/api_latency.py --events 100000 --requests 50 --db /tmp/small.db

Fills a SQLite store with generated events (``benchmarks/_events.py``; reused when the file
already holds enough), starts the real ``tightrope serve`` on a free loopback port, and sends
each endpoint ``--requests`` requests one after another over one keep-alive connection, with
parameters drawn at random (seeded) from the flagship states: p50, p95 and the slowest, in
milliseconds, against the goal of 50 ms at p95. Then Debian's Chromium (Playwright, headless)
loads each dashboard page in a fresh browser context (nothing cached) and reports the time to
the load event and, for chart pages, until the chart is drawn.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks._events import FLAGSHIP, generate_events  # noqa: E402

GOAL_MS = 50.0
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _pair(rng: random.Random) -> tuple[str, str]:
    a, b = rng.sample(FLAGSHIP, 2)
    return a, b


# endpoint label → (path, a function drawing its query parameters)
CASES = {
    "events, first pages": ("/api/events", lambda r: {"limit": 100, "offset": r.randrange(0, 2000, 100)}),
    "events, actor": ("/api/events", lambda r: {"actor": r.choice(FLAGSHIP), "limit": 100}),
    "events, dyad": ("/api/events", lambda r: dict(zip(("actor", "with"), _pair(r)), limit=100)),
    "events, dyad + type + since": ("/api/events", lambda r: {**dict(zip(("actor", "with"), _pair(r))),
                                                              "type": "CONSULT", "since": f"{r.randint(2017, 2024)}-01-01",
                                                              "limit": 100}),
    "events, actor + certainty": ("/api/events", lambda r: {"actor": r.choice(FLAGSHIP), "certainty": "planned",
                                                            "limit": 100}),
    "relations (dyad by month)": ("/api/relations", lambda r: dict(zip(("a", "b"), _pair(r)), by="month")),
    "relations, one year": ("/api/relations", lambda r: {**dict(zip(("a", "b"), _pair(r))), "by": "month",
                                                         "since": "2024-01-01", "until": "2024-12-31"}),
    "hedging (3 powers, quarter)": ("/api/hedging", lambda r: (lambda f: {
        "focal": f, "powers": ",".join(r.sample([k for k in FLAGSHIP if k != f], 3)), "by": "quarter"})(r.choice(FLAGSHIP))),
    "network, one year": ("/api/network", lambda r: {"since": f"{r.randint(2016, 2025)}", "until": None, "min_events": 3}),
}
PAGES = ["/stories", "/events?actor=VNM&with=CHN", "/documents", "/relations?a=VNM&b=CHN&by=month",
         "/hedging?focal=VNM&powers=USA,CHN,RUS", "/network?min_events=50"]


def ensure_store(db: Path, events: int) -> int:
    """The store at ``db`` with at least ``events`` events (generated when short)."""
    from tightrope.store import Store
    from tightrope.store.events import count_events

    with Store(str(db)) as store:
        have = count_events(store)
        if have < events:
            print(f"generating {events - have:,} events into {db} …", flush=True)
            t0 = time.perf_counter()
            generate_events(store, events - have, seed=have, progress=True)
            print(f"  done in {time.perf_counter() - t0:.0f} s", flush=True)
        return count_events(store)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "TIGHTROPE_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "tightrope", "serve", "--port", str(port), "--db", str(db)],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(url + "/login", timeout=2)
            return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("tightrope serve did not start")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure_api(url: str, requests: int, seed: int, only: str | None = None) -> None:
    print(f"\nAPI latency, {requests} requests per endpoint (ms; goal p95 ≤ {GOAL_MS:.0f}):")
    print(f"  {'endpoint':32} {'p50':>7} {'p95':>7} {'max':>7}  items")
    with httpx.Client(base_url=url, timeout=120) as client:
        for label, (path, draw) in CASES.items():
            if only and only not in label:
                continue
            rng = random.Random(seed)
            for _ in range(3):  # warm the connection and the page cache
                client.get(path, params={k: v for k, v in draw(rng).items() if v is not None}).raise_for_status()
            times, sizes = [], []
            for _ in range(requests):
                params = {k: v for k, v in draw(rng).items() if v is not None}
                t0 = time.perf_counter()
                r = client.get(path, params=params)
                times.append((time.perf_counter() - t0) * 1000)
                r.raise_for_status()
                body = r.json()
                sizes.append(len(body.get("items") or body.get("periods") or body.get("edges") or []))
            p95 = percentile(times, 0.95)
            mark = "ok" if p95 <= GOAL_MS else "OVER GOAL"
            print(f"  {label:32} {statistics.median(times):7.1f} {p95:7.1f} {max(times):7.1f}  "
                  f"{statistics.mean(sizes):6.0f}  {mark}", flush=True)


def _load(page, url: str) -> tuple[float, float | None]:
    """Time to the load event (navigation timing) and, on a chart page, until it is drawn."""
    t0 = time.perf_counter()
    page.goto(url, wait_until="load", timeout=120_000)
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    if not page.locator(".chart").count():
        return load, None
    page.wait_for_selector(".chart[data-rendered=true], .chart.empty", timeout=120_000)
    return load, (time.perf_counter() - t0) * 1000


def measure_pages(url: str, repeats: int) -> None:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        print(f"\npage load: skipped, {CHROMIUM} is missing (apt-get install -y chromium)")
        return
    print(f"\nDashboard page load, median of {repeats} (ms): cold = fresh browser context, "
          "warm = the same page again (static files cached)")
    print(f"  {'page':42} {'cold load':>10} {'cold chart':>11} {'warm load':>10} {'warm chart':>11}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for path in PAGES:
            cold, warm = [], []
            for _ in range(repeats):
                context = browser.new_context()
                page = context.new_page()
                cold.append(_load(page, url + path))
                warm.append(_load(page, url + path))
                context.close()
            cells = []
            for runs in (cold, warm):
                cells.append(f"{statistics.median(r[0] for r in runs):10.0f}")
                charts = [r[1] for r in runs if r[1] is not None]
                cells.append(f"{statistics.median(charts):11.0f}" if charts else f"{'–':>11}")
            print(f"  {path:42} " + " ".join(cells), flush=True)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/tightrope-api-bench.db"))
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--page-repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", metavar="WORD", help="Only the endpoints whose label contains WORD (events, relations…).")
    parser.add_argument("--no-pages", action="store_true", help="Skip the page load measurement.")
    args = parser.parse_args()
    total = ensure_store(args.db, args.events)
    size = args.db.stat().st_size / 2**20
    print(f"store: {args.db} ({total:,} events, {size:,.0f} MiB)")
    proc, url = start_server(args.db)
    try:
        measure_api(url, args.requests, args.seed, args.only)
        if not args.no_pages:
            measure_pages(url, args.page_repeats)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
