"""Integrity throughput: spin detection on every document, repair on the spun ones.

    .venv/bin/python benchmarks/spin.py [--rounds 20]

Detection runs over the bundled sample corpus (36 clean articles and its spun copy) and, when
../shared is beside the checkout, over data/articles_dev.jsonl and the real spun texts, all
repeated ``--rounds`` times; repair runs over the spun texts (real ones and copies of the
sample corpus made by the test spinner, tools/spinner.py) from language knowledge alone.
Prints documents/s and words/s for each, the one-time load of WordNet and the lexicons, and
the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tightrope.data import sample_corpus_path  # noqa: E402
from tightrope.eval.spin import read_text, read_texts  # noqa: E402
from tightrope.integrity import IntegrityChecker  # noqa: E402
from tightrope.integrity import lexicon, phrases, wordnet  # noqa: E402
from tightrope.integrity.detect import detect  # noqa: E402
from tightrope.integrity.framing import framing_flags  # noqa: E402
from tightrope.integrity.tokens import tokenize  # noqa: E402
from tightrope.model import Document  # noqa: E402
from tools.spinner import spin  # noqa: E402

SHARED = REPO.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    start = time.perf_counter()
    wordnet.available(), lexicon.habits(), lexicon.framing(), phrases.known_phrases(), phrases._index()
    load = time.perf_counter() - start

    texts = [text for _id, text, _kind in read_texts(sample_corpus_path())]
    spun = [text for _id, text, kind in read_texts(sample_corpus_path()) if kind == "spun_copy"]
    if (SHARED / "data" / "articles_dev.jsonl").exists():
        texts += [text for _id, text, _kind in read_texts(SHARED / "data" / "articles_dev.jsonl")]
        real = [SHARED / "seeds" / "001_f68aae2226054b6b.txt", *sorted((SHARED / "data" / "spin").glob("spun_*.txt"))]
        spun += [read_text(p) for p in real if p.exists()]
        texts += spun
    spun += [spin(t, rate=0.9, seed=s) for s in (1, 2) for _i, t, k in read_texts(sample_corpus_path()) if k != "spun_copy"]

    docs = texts * args.rounds
    words = sum(len(t.split()) for t in docs)
    start = time.perf_counter()
    flagged = 0
    for text in docs:
        tokens = tokenize(text)
        flagged += detect(tokens).spun
        framing_flags("bench", text)
    elapsed = time.perf_counter() - start
    print(f"detection + framing flags: {len(docs)} documents ({words:,} words) in {elapsed:.2f} s: "
          f"{len(docs) / elapsed:,.0f} documents/s, {words / elapsed:,.0f} words/s ({flagged} flagged spun)")

    checker = IntegrityChecker()
    words = sum(len(t.split()) for t in spun)
    start = time.perf_counter()
    edits = sum(len(checker.check(Document(f"s{i}", t)).edits) for i, t in enumerate(spun))
    elapsed = time.perf_counter() - start
    print(f"repair (language knowledge, full check): {len(spun)} spun documents ({words:,} words) in {elapsed:.2f} s: "
          f"{len(spun) / elapsed:,.1f} documents/s, {words / elapsed:,.0f} words/s ({edits} edits)")
    print(f"one-time load of WordNet index and lexicons: {load:.2f} s (WordNet available: {wordnet.available()})")
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
