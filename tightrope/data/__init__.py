"""Data bundled with the package: the sample corpus."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def sample_corpus_path() -> Path:
    """The bundled sample corpus (JSON Lines, the ingest format)."""
    return Path(str(files("tightrope.data") / "sample_corpus" / "articles.jsonl"))
