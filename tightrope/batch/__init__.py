"""Batch runs: the whole pipeline over large inputs, on a Dask cluster or in one process.

Inputs (folders, JSONL/JSONL.gz, WARC) are cut into parts (:mod:`.parts`); each part is
read, checked for spin and coded into events by a worker that keeps one loaded pipeline
(:mod:`.work`); results go to a Parquet folder with a manifest that makes a rerun skip what
is finished (:mod:`.output`), and from there, or directly, into a store (:mod:`.load`), where
deduplication, near-duplicate links and stories are settled in input order — so that a batch
run and a serial ``tightrope ingest`` of the same inputs store the same things.
"""

from tightrope.batch.load import InOrder, Loader
from tightrope.batch.output import ParquetOutput
from tightrope.batch.parts import Part, plan_parts
from tightrope.batch.run import BatchReport, run_parts

__all__ = ["BatchReport", "InOrder", "Loader", "ParquetOutput", "Part", "plan_parts", "run_parts"]
