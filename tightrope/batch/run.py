"""Running the parts: on a Dask cluster (local or remote), or in this process.

:func:`run_parts` skips the parts a folder's manifest says are finished, hands the rest to
the engine, writes each result as it arrives and calls ``on_result`` with it (the ``--db``
path loads it into the store there). A part whose task fails is retried (``retries``) and,
if it still fails, reported in :attr:`BatchReport.failed_parts` while the others go on; a
rerun tries it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tightrope.batch.output import ParquetOutput
from tightrope.batch.parts import Part
from tightrope.batch.work import PipelinePlugin, process_part
from tightrope.errors import InputError

RETRIES = 2


@dataclass
class BatchReport:
    """What a batch run did."""

    parts: int = 0
    skipped: int = 0  # finished by an earlier run
    done: list[dict] = field(default_factory=list)  # manifest entries of parts finished now
    failed_parts: list[tuple[str, str]] = field(default_factory=list)  # (part label, reason)
    workers: int = 0

    @property
    def documents(self) -> int:
        return sum(e["documents"] for e in self.done)

    @property
    def events(self) -> int:
        return sum(e["events"] for e in self.done)


def run_parts(parts: list[Part], output: ParquetOutput, engine: str = "dask", scheduler: str | None = None,
              workers: int = 2, retries: int = RETRIES, on_result: Callable[[dict, dict], None] | None = None,
              on_part: Callable[[Part], None] | None = None) -> BatchReport:
    """Process every unfinished part of ``parts`` into ``output``."""
    output.start(parts)
    finished = output.finished()
    todo = [p for p in parts if p.key not in finished]
    report = BatchReport(parts=len(parts), skipped=len(parts) - len(todo))
    if not todo:
        return report

    def deliver(result: dict) -> None:
        entry = output.write(result)
        report.done.append(entry)
        if on_result:
            on_result(result, entry)
        if on_part:
            on_part(result["part"])

    if engine == "serial":
        report.workers = 1
        for part in todo:
            try:
                deliver(process_part(part))
            except Exception as exc:  # reported, never fatal to the other parts
                report.failed_parts.append((part.label, f"{type(exc).__name__}: {exc}"))
                if on_part:
                    on_part(part)
        return report
    if engine != "dask":
        raise InputError(engine, "unknown engine: use dask or serial")
    _run_dask(todo, scheduler, workers, retries, deliver, report, on_part)
    return report


def _run_dask(todo: list[Part], scheduler: str | None, workers: int, retries: int,
              deliver: Callable[[dict], None], report: BatchReport, on_part) -> None:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise InputError(scheduler or "local cluster", f"cannot reach the Dask scheduler: {exc}") from exc
    try:
        client.register_plugin(PipelinePlugin())  # each worker loads the pipeline once, at start
        report.workers = len(client.scheduler_info().get("workers", {}))
        futures = {client.submit(process_part, p, key=f"tightrope-part-{p.key}", retries=retries, pure=False): p
                   for p in todo}
        for future in as_completed(futures):
            part = futures[future]
            if future.status == "finished":
                deliver(future.result())
            else:
                exc = future.exception()
                report.failed_parts.append((part.label, f"{type(exc).__name__}: {exc}"))
                if on_part:
                    on_part(part)
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
