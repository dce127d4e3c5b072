"""Event coding speed: sentences/s with and without the parse, articles/s end to end, memory.

    .venv/bin/python benchmarks/code_throughput.py [--articles PATH] [--repeat 3] [--processes 2] [--passes 3]

"Coding excluding the parse" times the coder's own work (actor resolution, trigger matching,
roles, certainty, dates) on Docs parsed beforehand, the best of --passes passes (a pass takes
about half a second, so one pass measures the machine's other load as much as the coder);
"end to end" times `code_many` from raw text, in one process and spread over --processes
worker processes. Each worker starts up once per run (imports and loads its pipeline): that
fixed cost is printed in seconds, and counted in the rate only on this input. Peak memory is
the largest resident set of any one process, and of the workers together.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _load(path: Path, repeat: int):
    from tightrope.events.coder import Input

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    items = [Input(r["id"], (r["title"] + "\n\n" if r.get("title") else "") + r["text"], r.get("published")) for r in rows]
    return items * repeat


def _peak_mb() -> float:
    """This process's peak resident set, in MB: Linux's VmHWM where there is one, as the
    ru_maxrss of a spawned worker also counts the parent it was forked from before its exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker(args):
    path, repeat, part, parts = args
    started = time.perf_counter()
    from tightrope.events.coder import EventCoder

    coder = EventCoder()
    start_up = time.perf_counter() - started
    items = _load(Path(path), repeat)[part::parts]
    start = time.perf_counter()
    n = sum(len(e) for e in coder.code_many(items))
    return len(items), n, time.perf_counter() - start, _peak_mb(), start_up


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    from _inputs import default_articles

    default = default_articles()
    parser.add_argument("--articles", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--passes", type=int, default=3, help="passes of the coding excluding the parse (the best is printed)")
    args = parser.parse_args()

    from tightrope.events.coder import EventCoder

    items = _load(args.articles, args.repeat)
    coder = EventCoder()
    words = sum(len(i.text.split()) for i in items)

    # the parse alone, over every sentence (what a parse-everything coder would pay)
    start = time.perf_counter()
    docs = list(coder.parser.pipe((i.text for i in items), batch_size=64))
    parse_all = time.perf_counter() - start
    sentences = sum(len(list(d.sents)) for d in docs)

    # the coder's own work on pre-parsed Docs (every sentence handed over as parsed)
    passes = []
    for _ in range(max(1, args.passes)):
        start = time.perf_counter()
        for item, doc in zip(items, docs):
            mentions = [m for m in coder.resolver.resolve(doc, on=item.date, doc_id=item.id) if m.actor]
            coder._code_doc(item, doc, mentions, [(s.start_char, s.end_char) for s in doc.sents])
        passes.append(time.perf_counter() - start)
    passes.sort()

    # end to end in one process (selective parsing included)
    start = time.perf_counter()
    n_events = sum(len(e) for e in coder.code_many(items))
    one = time.perf_counter() - start
    peak = _peak_mb()

    ctx = mp.get_context("spawn")
    with ctx.Pool(args.processes) as pool:
        start = time.perf_counter()
        results = pool.map(_worker, [(str(args.articles), args.repeat, k, args.processes) for k in range(args.processes)])
        multi = time.perf_counter() - start  # includes each worker's model load
    worker_peak = max(r[3] for r in results)
    workers_memory = sum(r[3] for r in results)
    worker_time = max(r[2] for r in results)
    start_up = max(r[4] for r in results)

    print(f"input:                      {len(items)} articles, {sentences} sentences, {words:,} words ({args.articles.name} ×{args.repeat})")
    print(f"events:                     {n_events}")
    print(f"parse only (every sentence): {sentences / parse_all:,.0f} sentences/s")
    print(f"coding excluding the parse: {sentences / passes[0]:,.0f} sentences/s (best of {len(passes)} passes; "
          f"median {sentences / passes[len(passes) // 2]:,.0f})")
    print(f"coding including the parse: {sentences / one:,.0f} sentences/s (only sentences with an actor and a trigger word are parsed)")
    print(f"end to end, 1 process:      {len(items) / one:,.1f} articles/s")
    print(f"end to end, {args.processes} processes:    {len(items) / worker_time:,.1f} articles/s coding "
          f"({len(items) / multi:,.1f} articles/s counting each worker's start-up on these {len(items)} articles)")
    print(f"worker start-up:            {start_up:,.1f} s (imports and pipeline load, once per worker and run)")
    print(f"peak memory:                {max(peak, worker_peak):,.0f} MB (largest process RSS); "
          f"{workers_memory:,.0f} MB over the {args.processes} workers together")


if __name__ == "__main__":
    main()
