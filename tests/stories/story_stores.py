"""Stores the stories tests share: the development articles and the sample corpus, each
ingested, coded and clustered once per test process, as ``tightrope ingest`` does. Tests treat
them as read-only; a test that writes builds its own store. (A helper module rather than a
conftest.py, whose name would clash with the top-level one; the stores are cached here so
that every test module reuses them.)"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from conftest import shared_path

from tightrope import integrity
from tightrope.data import sample_corpus_path
from tightrope.events.coder import EventCoder
from tightrope.ingest import ingest
from tightrope.ingest.files import read_file
from tightrope.pipeline import code_pending
from tightrope.store import Store
from tightrope.store.stories import story_ids_of


@lru_cache(maxsize=1)
def coder() -> EventCoder:
    return EventCoder()


def build_store(path: Path, articles: Path, coder: EventCoder | None = None) -> Store:
    store = Store(str(path))
    ingest(read_file(articles), store, prepare=integrity.preparer(store))
    code_pending(store, coder)
    return store


def gold_labels(articles: Path) -> dict[str, str]:
    return {row["id"]: row["story"] for row in map(json.loads, articles.read_text().splitlines()) if row.get("story")}


_TMP = Path(tempfile.mkdtemp(prefix="tightrope-stories-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)


@lru_cache(maxsize=None)
def _cached(name: str, articles: str) -> Store:
    return build_store(_TMP / f"{name}.db", Path(articles), coder())


def dev_articles() -> Path:
    return shared_path("data", "articles_dev.jsonl")


def dev_store() -> Store:
    """The development articles, clustered (skips the test where ../shared is absent)."""
    return _cached("dev", str(dev_articles()))


def sample_store() -> Store:
    """The bundled sample corpus, clustered."""
    return _cached("sample", str(sample_corpus_path()))


def story_of(store, doc_id: str) -> int:
    return story_ids_of(store, [doc_id])[doc_id]
