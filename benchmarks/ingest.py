"""Ingest throughput: N generated articles (default 10,000) from JSONL into a fresh SQLite file.

    .venv/bin/python benchmarks/ingest.py [--articles 10000] [--batch-size 100] [--integrity]

Prints articles/s, the store's size and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tightrope.ingest import ingest  # noqa: E402
from tightrope.ingest.files import read_file  # noqa: E402
from tightrope.store import Store  # noqa: E402
from tools.articles import generate, write_jsonl  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--integrity", action="store_true", help="Run the integrity stage (spin check) too, as `tightrope ingest` does.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = write_jsonl(Path(tmp) / "articles.jsonl", generate(args.articles, seed=42))
        db = Path(tmp) / "bench.db"
        store = Store(str(db))
        start = time.perf_counter()
        prepare = None
        if args.integrity:
            from tightrope import integrity
            prepare = integrity.preparer(store)
        report = ingest(read_file(path), store, batch_size=args.batch_size, prepare=prepare)
        elapsed = time.perf_counter() - start
        store.close()
        size = db.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("bench.db-*"))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"articles:        {args.articles:,} ({sum(len(l.split()) for l in path.open()) // args.articles} words each)")
        print(f"stored:          {len(report.stored):,} ({len(report.near_duplicates)} near-duplicates, {len(report.failed)} failed)")
        print(f"time:            {elapsed:.1f} s")
        print(f"throughput:      {args.articles / elapsed:,.0f} articles/s")
        print(f"store size:      {size / 1e6:.1f} MB")
        print(f"peak memory:     {peak_mb:.0f} MB (RSS)")


if __name__ == "__main__":
    main()
