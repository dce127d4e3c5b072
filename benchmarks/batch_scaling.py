"""Batch scaling: the whole batch pipeline (read → integrity → events) over N generated
articles (default 20,000) on a local Dask cluster of 1 and of 2 workers, written to Parquet.

    .venv/bin/python benchmarks/batch_scaling.py [--articles 20000] [--workers 1 2] [--part-size 500]

Prints, per cluster size, the articles/s once the workers have loaded their pipeline (the
load itself is timed apart: it is paid once per worker, not per article), the speed-up over
one worker, the per-core rate, and the machine's load average before and after (a busy
machine gives lower, noisier figures).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tightrope.batch import ParquetOutput, plan_parts, run_parts  # noqa: E402
from tightrope.batch.work import PipelinePlugin  # noqa: E402
from tools.articles import generate, write_jsonl  # noqa: E402


def measure(path: Path, workers: int, part_size: int, out: Path) -> tuple[float, float, int]:
    """(seconds to start the cluster and load the pipelines, seconds for the articles, articles)."""
    from distributed import Client, LocalCluster

    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
        client.register_plugin(PipelinePlugin())  # returns once every worker has loaded it
        ready = time.perf_counter()
        parts, _ = plan_parts([path], part_size)
        report = run_parts(parts, ParquetOutput(out), scheduler=cluster.scheduler_address)
        done = time.perf_counter()
    assert not report.failed_parts, report.failed_parts
    return ready - started, done - ready, report.documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--part-size", type=int, default=500)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = write_jsonl(Path(tmp) / "articles.jsonl", generate(args.articles, seed=42))
        for n in args.workers:
            load, seconds, docs = measure(path, n, args.part_size, Path(tmp) / f"out{n}")
            rates[n] = docs / seconds
            print(f"{n} worker(s): {docs} articles in {seconds:.1f} s = {rates[n]:.1f} articles/s "
                  f"({rates[n] / n:.1f} per worker; cluster start and pipeline load {load:.1f} s)")
    base = min(rates)
    for n in rates:
        if n != base:
            print(f"speed-up {n} vs {base} worker(s): {rates[n] / rates[base]:.2f}x")
    per_core = max(r / n for n, r in rates.items())
    hours = 10_000_000 / per_core / 3600
    print(f"best per-worker rate {per_core:.1f} articles/s: 10 million articles ≈ {hours:.0f} worker-hours "
          f"(e.g. {hours / 32:.1f} h on 32 workers)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
