"""Story assignment speed: time to put one new article into a story in a store of N articles.

    .venv/bin/python benchmarks/story_assign.py [--articles 100000] [--new 300] [--db PATH]

Builds (or reuses, with --db) a SQLite store of N generated articles already clustered into
stories — about four articles a story over three years, each story with its own people, states
and topic words from the actor dictionary and an English word list — written in bulk, since
building it article by article would time the setup rather than the step. Then stores --new
fresh articles (half continuing existing stories, half starting new ones) and times
``StoryClusterer.assign`` on each: reading the document, resolving its actors, reading its
events, looking up candidate stories by key and date, scoring them and writing the result.
Prints the mean, median and 95th percentile per article, the share of that spent on features
(actor resolution) and on lookup, scoring and writing, and how many new articles landed in
their intended story, and the peak memory. Goal: 50 ms or less per article at 100,000 articles.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select  # noqa: E402

from tightrope.actors.dictionary import default_dictionary  # noqa: E402
from tightrope.ingest import dedup  # noqa: E402
from tightrope.model import Document  # noqa: E402
from tightrope.store import Store, schema  # noqa: E402
from tightrope.stories import scoring  # noqa: E402
from tightrope.stories.cluster import StoryClusterer  # noqa: E402
from tightrope.stories.features import Features, _normalised, term_vector  # noqa: E402

START = date(2023, 1, 1)
DAYS = 1100
PER_STORY = (1, 8)
VERBS = ["met", "held talks with", "hosted", "signed an agreement with", "called", "criticised", "pledged support to",
         "urged", "agreed to expand cooperation with", "welcomed"]


class World:
    """People, states and topic words to build stories from (deterministic for a seed)."""

    def __init__(self, seed: int):
        from wordfreq import top_n_list

        self.rng = random.Random(seed)
        d = default_dictionary()
        self.people = [e for e in d.entries.values() if e.kind == "person" and e.key and len(e.key) == 3]
        self.states = {e.key: e for e in d.entries.values() if e.kind == "state"}
        self.words = [w for w in top_n_list("en", 12000)[2000:] if w.isalpha() and len(w) >= 5]

    def story(self) -> dict:
        rng = self.rng
        people = rng.sample(self.people, 2)
        return {"people": people, "topics": rng.sample(self.words, 4), "day": START + timedelta(days=rng.randrange(DAYS)),
                "place": rng.choice(list(self.states.values())).capital or "the capital"}

    def article(self, story: dict, n: int) -> tuple[str, str, str]:
        rng = self.rng
        a, b = story["people"]
        sa, sb = self.states.get(a.key), self.states.get(b.key)
        t1, t2, t3, t4 = story["topics"]
        day = story["day"] + timedelta(days=rng.randrange(3))
        filler = lambda: " ".join(rng.sample(self.words, 3))  # noqa: E731  words no other article shares
        sentences = [
            f"{a.name} {rng.choice(VERBS)} {b.name} in {story['place']} on {day:%A}, focusing on {t1} and {t2}.",
            f"Officials from {sa.name if sa else a.key} and {sb.name if sb else b.key} said the work on {t3} "
            f"would continue, with {rng.randint(2, 40)} documents on {t4} signed.",
            f"{b.name.split()[-1]} called the {t1} plan a priority, {filler()}.",
            f"The {t3} and {t4} files had been under discussion for months, {filler()}.",
            f"Commentators noted the {t2} question, {filler()}.",
        ]
        rng.shuffle(sentences)
        title = f"{a.name} and {b.name} discuss {t1} and {t2}"
        return title, " ".join(sentences[:4]) + f" (report {n})", day.isoformat()


def build(db: str, n: int, seed: int) -> None:
    """A store of ``n`` generated articles in stories, written in bulk."""
    world = World(seed)
    store = Store(db)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    doc_rows, member_rows, key_rows, story_rows = [], [], [], []
    made, story_id = 0, 0
    started = time.perf_counter()
    while made < n:
        story = world.story()
        story_id += 1
        profile, first = None, None
        for k in range(min(world.rng.randint(*PER_STORY), n - made)):
            title, text, published = world.article(story, made)
            doc_id = f"bench-{made:07d}"
            made += 1
            day = date.fromisoformat(published).toordinal()
            actors = {f"P:{p.name}": 1.0 for p in story["people"]} | {f"K:{p.key}": 0.7 for p in story["people"]}
            f = Features(doc_id, term_vector(title, text), _normalised(actors), {}, day, day)
            if profile is None:
                profile, first = scoring.Profile.of(f), doc_id
            else:
                profile.add(f)
            doc_rows.append({"id": doc_id, "url": None, "text_hash": dedup.text_hash(text), "title": title,
                             "outlet": f"Outlet {made % 50}", "published": published, "language": "en",
                             "source": "benchmark", "text": text, "meta": "{}", "near_duplicate_of": None,
                             "similarity": None, "ingested_at": now})
            member_rows.append({"doc_id": doc_id, "story_id": story_id, "score": None, "reason": "benchmark",
                                "features": json.dumps(f.to_json()), "assigned_at": now})
        story_rows.append({"id": story_id, "title": story["people"][0].name, "title_doc": first, "size": profile.size,
                           "first_day": profile.first_day, "last_day": profile.last_day, "dated_loosely": False,
                           "profile": json.dumps(profile.to_json()), "created_at": now, "updated_at": now})
        key_rows += [{"key": key, "story_id": story_id, "weight": w, "first_day": profile.first_day,
                      "last_day": profile.last_day} for key, w in profile.index_keys().items()]
    with store.engine.begin() as conn:
        for table, rows in ((schema.documents, doc_rows), (schema.stories, story_rows),
                            (schema.story_documents, member_rows), (schema.story_keys, key_rows)):
            for i in range(0, len(rows), 20_000):
                conn.execute(insert(table), rows[i: i + 20_000])
    store.close()
    print(f"built:           {n:,} articles in {story_id:,} stories ({len(key_rows):,} index keys) "
          f"in {time.perf_counter() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--db", help="Reuse (or create) this store instead of a temporary one.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "stories.db")
        store = Store(db)
        with store.engine.connect() as conn:
            have = conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
        store.close()
        if have < args.articles:
            if have:
                sys.exit(f"{db} holds {have:,} articles, fewer than --articles {args.articles:,}: give a new --db")
            build(db, args.articles, args.seed)
        store = Store(db)
        world = World(args.seed + 1)
        with store.engine.connect() as conn:
            existing = conn.execute(select(schema.story_documents.c.story_id, schema.documents.c.title,
                                           schema.documents.c.text, schema.documents.c.published)
                                    .join(schema.documents, schema.documents.c.id == schema.story_documents.c.doc_id)
                                    .order_by(func.random()).limit(args.new // 2)).all()
        new_docs, intended = [], {}
        for i, row in enumerate(existing):  # a further report of an existing story: same people and topics
            words = row.text.split(" (report")[0].split(". ")
            world.rng.shuffle(words)
            doc = Document(f"new-{i:05d}", ". ".join(words) + f" (follow-up {i})", title=row.title,
                           published=row.published, outlet="Follow-up Wire")
            new_docs.append(doc)
            intended[doc.id] = row.story_id
        for i in range(args.new - len(new_docs)):  # a new story
            title, text, published = world.article(world.story(), i)
            new_docs.append(Document(f"fresh-{i:05d}", text, title=title, published=published, outlet="Fresh Wire"))
        store.add_documents(new_docs)
        clusterer = StoryClusterer(store)
        clusterer.resolver  # built once per run (1–2 s), not per article
        times, feature_times, landed, started_new = [], [], 0, 0
        for doc in new_docs:
            t0 = time.perf_counter()
            stored = store.get_document(doc.id)
            f = clusterer.features_of(stored)
            t1 = time.perf_counter()
            with store.engine.begin() as conn:
                result = clusterer._assign(conn, stored, f)
            t2 = time.perf_counter()
            times.append((t2 - t0) * 1000)
            feature_times.append((t1 - t0) * 1000)
            if doc.id in intended:
                landed += result.story_id == intended[doc.id] or intended[doc.id] in result.merged
            else:
                started_new += result.new
        store.close()
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(f"store:           {args.articles:,} articles")
        print(f"assigned:        {len(times)} new articles")
        print(f"time/article:    mean {statistics.mean(times):.1f} ms, median {statistics.median(times):.1f} ms, "
              f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms (goal ≤ 50 ms)")
        print(f"  of which:      features (read, resolve actors, read events) {statistics.mean(feature_times):.1f} ms; "
              f"lookup, score, write {statistics.mean(times) - statistics.mean(feature_times):.1f} ms")
        print(f"correct:         {landed}/{len(intended)} follow-ups joined their story; "
              f"{started_new}/{len(new_docs) - len(intended)} fresh articles started a new one "
              f"(the others share a person and words with a story of the same weeks)")
        print(f"peak memory:     {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (RSS)")


if __name__ == "__main__":
    main()
