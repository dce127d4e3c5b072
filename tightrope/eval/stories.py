"""Scoring story clusters against gold story labels: B-cubed precision, recall and F1.

B-cubed (Bagga & Baldwin 1998) scores each article: precision is the share of the articles in
its system story that share its gold story, recall the share of its gold story's articles that
are in its system story; both are averaged over articles, and F1 is their harmonic mean. Unlike
pairwise counting it does not let one large story dominate. This module only scores; running
the pipeline over a gold file is :func:`evaluate`'s job.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from tightrope.errors import InputError


def bcubed(system: dict[str, str], gold: dict[str, str]) -> dict:
    """B-cubed figures of ``system`` (article id → story id) against ``gold`` (article id →
    gold label), over the articles of ``gold``; an article the system did not cluster counts
    as a story of its own."""
    if not gold:
        return {"articles": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0, "gold_stories": 0, "system_stories": 0}
    labels = {doc: system.get(doc, f"unclustered:{doc}") for doc in gold}
    by_system: dict[str, list[str]] = defaultdict(list)
    by_gold: dict[str, list[str]] = defaultdict(list)
    for doc, label in labels.items():
        by_system[label].append(doc)
        by_gold[gold[doc]].append(doc)
    gold_counts_in = {label: Counter(gold[d] for d in docs) for label, docs in by_system.items()}
    precision = recall = 0.0
    for doc, label in labels.items():
        shared = gold_counts_in[label][gold[doc]]
        precision += shared / len(by_system[label])
        recall += shared / len(by_gold[gold[doc]])
    n = len(labels)
    p, r = precision / n, recall / n
    return {
        "articles": n,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "gold_stories": len(by_gold),
        "system_stories": len(by_system),
    }


def read_gold(path: str | Path) -> dict[str, str]:
    """Article id → gold story label, from a JSONL file whose lines have ``id`` and ``story``."""
    gold: dict[str, str] = {}
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read gold file: {exc.strerror or exc}") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}", f"invalid JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not row.get("id") or not row.get("story"):
            raise InputError(f"{path}:{n}", "each line needs an 'id' and a gold 'story' label")
        gold[str(row["id"])] = str(row["story"])
    if not gold:
        raise InputError(str(path), "no articles with a 'story' label")
    return gold


def evaluate(gold_path: str | Path, db: str | None = None, code: bool = True) -> dict:
    """Ingest the articles of ``gold_path`` (the gold file is also the input: one article a
    line with its ``story`` label) into ``db`` — a fresh temporary store by default — code them,
    let stories form as at ingest, and score the stories against the labels.

    Returns the B-cubed figures with ``stories`` (each system story: id, title, articles) and
    ``errors`` (gold stories split over several system stories, and system stories mixing
    gold stories)."""
    from tightrope.ingest import ingest
    from tightrope.ingest.files import read_file
    from tightrope import integrity
    from tightrope.pipeline import code_pending
    from tightrope.store import Store
    from tightrope.stories.cluster import assign_pending
    from tightrope.stories.listing import story_records

    gold = read_gold(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(db or str(Path(tmp) / "eval.db"))
        try:
            report = ingest(read_file(Path(gold_path)), store, prepare=integrity.preparer(store))
            if report.failed:
                source, reason = report.failed[0]
                raise InputError(source, reason)
            if code:
                code_pending(store)
            assign_pending(store)
            records = story_records(store)
        finally:
            store.close()
    system = {doc: str(r.id) for r in records for doc in r.documents}
    result = bcubed(system, gold)
    result["stories"] = [{"story": r.id, "title": r.title, "articles": r.documents} for r in records]
    result["errors"] = _errors(system, gold)
    return result


def _errors(system: dict[str, str], gold: dict[str, str]) -> list[dict]:
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_system: dict[str, set[str]] = defaultdict(set)
    for doc, label in gold.items():
        by_gold[label].add(system.get(doc, "-"))
        by_system[system.get(doc, "-")].add(label)
    errors = [{"split": label, "over": sorted(s)} for label, s in sorted(by_gold.items()) if len(s) > 1]
    errors += [{"mixed": sid, "gold": sorted(g)} for sid, g in sorted(by_system.items()) if len(g) > 1]
    return errors
