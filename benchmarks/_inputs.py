"""Inputs the benchmarks share: the development articles beside the checkout, else the sample corpus."""

from __future__ import annotations

from pathlib import Path


def default_articles() -> Path:
    dev = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "articles_dev.jsonl"
    if dev.exists():
        return dev
    from tightrope.data import sample_corpus_path

    return sample_corpus_path()
