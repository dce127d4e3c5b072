"""Where batch results go: a Parquet folder with a manifest, which makes runs resumable.

``DIR/plan.json`` lists the parts of the inputs; ``DIR/{documents,integrity,events}/part-N.parquet``
hold each finished part's rows; ``DIR/manifest.jsonl`` gets one line per finished part,
written only after its files are complete (written under a temporary name, then renamed), so
a part is either in the manifest with all its files or redone by the next run. A folder holding
the output of other inputs is refused rather than mixed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow.parquet as pq

from tightrope.batch import rows
from tightrope.batch.parts import Part
from tightrope.errors import InputError

TABLES = ("documents", "integrity", "events")


class ParquetOutput:
    """A batch output folder (created if missing)."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.manifest = self.folder / "manifest.jsonl"

    def start(self, parts: list[Part]) -> None:
        """Record the plan, or check that the folder holds this plan's output."""
        self.folder.mkdir(parents=True, exist_ok=True)
        plan = [{"index": p.index, "key": p.key, "label": p.label} for p in parts]
        path = self.folder / "plan.json"
        if path.exists():
            old = json.loads(path.read_text(encoding="utf-8"))
            if [p["key"] for p in old] != [p["key"] for p in plan]:
                raise InputError(str(self.folder), "holds the output of other inputs (or of inputs changed since): "
                                 "give another --out folder, or delete this one to start again")
            return
        _write_atomic(path, json.dumps(plan, ensure_ascii=False, indent=1).encode("utf-8"))

    def finished(self) -> dict[str, dict]:
        """Part key → its manifest entry, for every finished part."""
        if not self.manifest.exists():
            return {}
        done = {}
        for line in self.manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:  # a line cut short by a crash: that part is redone
                    continue
                done[entry["key"]] = entry
        return done

    def write(self, result: dict) -> dict:
        """Store one part's rows and mark it finished; returns its manifest entry."""
        part: Part = result["part"]
        name = f"part-{part.index:06d}.parquet"
        for table in TABLES:
            (self.folder / table).mkdir(exist_ok=True)
            target = self.folder / table / name
            tmp = target.with_suffix(".tmp")
            pq.write_table(rows.to_table(table, result[table]), tmp)
            os.replace(tmp, target)
        entry = {"key": part.key, "index": part.index, "label": part.label, "file": name,
                 "documents": len(result["documents"]), "events": len(result["events"]),
                 "failed": result["failed"], "seconds": round(result["seconds"], 3)}
        cut = _ends_mid_line(self.manifest)
        with open(self.manifest, "a", encoding="utf-8") as fh:
            # a line cut short by a crash must not swallow this one
            fh.write(("\n" if cut else "") + json.dumps(entry, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        return entry

    def read(self, entry: dict) -> dict[str, list[dict]]:
        """The rows of one finished part."""
        return {t: pq.read_table(self.folder / t / entry["file"]).to_pylist() for t in TABLES}

    def entries(self) -> list[dict]:
        """The finished parts in input order (what an import reads)."""
        if not (self.folder / "plan.json").exists():
            raise InputError(str(self.folder), "is not a batch output folder (no plan.json): "
                             "make one with tightrope batch INPUT --out parquet:DIR")
        return sorted(self.finished().values(), key=lambda e: e["index"])


def _ends_mid_line(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return False
    with open(path, "rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) != b"\n"


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
