"""Actor resolution speed: dictionary load time, gazetteer build time, mentions/s.

    .venv/bin/python benchmarks/actors.py [--articles PATH] [--repeat 5]

Resolves every article of the development set (or the bundled sample corpus) on the
tokenizer-only path and prints mentions/s and articles/s; loading is timed apart.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    from _inputs import default_articles

    default = default_articles()
    parser.add_argument("--articles", type=Path, default=default)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from tightrope.nlp import get_nlp
    t0 = time.perf_counter()
    get_nlp()
    t1 = time.perf_counter()
    from tightrope.actors.dictionary import ActorDictionary
    dictionary = ActorDictionary.load()
    t2 = time.perf_counter()
    from tightrope.actors.resolver import Resolver
    resolver = Resolver(dictionary)
    t3 = time.perf_counter()
    rows = [json.loads(line) for line in args.articles.open(encoding="utf-8")]
    texts = [((r.get("title") or "") + "\n\n" + r["text"], r.get("published")) for r in rows]
    mentions = 0
    start = time.perf_counter()
    for _ in range(args.repeat):
        for text, day in texts:
            mentions += len(resolver.resolve(text, on=day))
    elapsed = time.perf_counter() - start
    words = sum(len(t.split()) for t, _ in texts) * args.repeat
    print(f"spaCy pipeline load:   {t1 - t0:.2f} s")
    print(f"dictionary load:       {t2 - t1:.2f} s ({len(dictionary.entries):,} entries, {len(dictionary.by_name):,} names)")
    print(f"gazetteer build:       {t3 - t2:.2f} s")
    print(f"resolution:            {mentions / elapsed:,.0f} mentions/s, {len(texts) * args.repeat / elapsed:,.0f} articles/s, "
          f"{words / elapsed:,.0f} words/s ({args.articles.name}, ×{args.repeat})")


if __name__ == "__main__":
    main()
