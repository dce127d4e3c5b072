"""Stories form at ingest, incrementally: the development articles and the sample corpus
cluster into their gold stories, the same actors in another event are another story, copies
follow their originals, and a new article joins a story without disturbing the others."""

from __future__ import annotations

import json

from story_stores import build_store, dev_articles, dev_store, gold_labels, sample_store, story_of

from tightrope.data import sample_corpus_path
from tightrope.eval.stories import bcubed
from tightrope.ingest import ingest
from tightrope.ingest.files import read_file
from tightrope.model import Document
from tightrope.pipeline import code_pending
from tightrope.store import Store
from tightrope.store import stories as rows
from tightrope.stories.cluster import StoryClusterer, assign_pending
from tightrope.stories.listing import story_records


def _system(store) -> dict[str, str]:
    return {doc: str(r.id) for r in story_records(store, with_sources=False) for doc in r.documents}


def test_development_articles_cluster_into_their_gold_stories():
    score = bcubed(_system(dev_store()), gold_labels(dev_articles()))
    assert score["articles"] == 53
    assert score["f1"] >= 0.95, score
    assert score["precision"] >= 0.95


def test_sample_corpus_clusters_into_its_gold_stories():
    score = bcubed(_system(sample_store()), gold_labels(sample_corpus_path()))
    assert score["f1"] >= 0.95, score


def test_same_actors_in_another_event_are_another_story():
    dev = dev_store()
    # Hegseth and Giang at the Shangri-La Dialogue (May) and in Hanoi (November)
    assert story_of(dev, "shangrila-dantri") != story_of(dev, "hegseth-vietnamnet")
    assert story_of(dev, "shangrila-dantri") == story_of(dev, "shangrila-vns-giang-hegseth")
    # Xi in Hanoi in December 2023 and in April 2025
    assert story_of(dev, "xi-hanoi-2023-reuters-deccan") != story_of(dev, "xi-hanoi-reuters-asiaone")
    # To Lam's visit to Pyongyang and the party anniversary China and Russia attended, same days
    assert story_of(dev, "tolam-pyongyang-vns-talks") != story_of(dev, "wpk80-donga")
    sample = sample_store()
    assert story_of(sample, "shangrila-2025-pws") != story_of(sample, "hegseth-hanoi-2025-pws")
    assert story_of(sample, "xi-hanoi-2023-pws") != story_of(sample, "xi-hanoi-2025-pws")


def test_copies_join_the_story_of_their_original_and_say_so():
    sample = sample_store()
    members = {m.doc_id: m for m in rows.members(sample, story_of(sample, "putin-hanoi-2024-pws"))}
    assert members["putin-hanoi-2024-spun"].reason == "spun copy of putin-hanoi-2024-pws"
    members = {m.doc_id: m for m in rows.members(sample, story_of(sample, "hegseth-hanoi-2025-pws"))}
    assert members["hegseth-hanoi-2025-harbour"].reason == "near-duplicate of hegseth-hanoi-2025-pws"
    assert members["hegseth-hanoi-2025-ledger"].reason.startswith("similarity ")


def test_every_document_is_in_exactly_one_story_with_the_id_given_at_ingest():
    dev = dev_store()
    listed = [d for r in story_records(dev, with_sources=False) for d in r.documents]
    assert sorted(listed) == sorted(gold_labels(dev_articles()))


def test_a_new_article_joins_its_story_without_touching_the_others(tmp_path):
    lines = sample_corpus_path().read_text().splitlines()
    held = next(i for i, l in enumerate(lines) if json.loads(l)["id"] == "hegseth-hanoi-2025-capbrief")
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(l for i, l in enumerate(lines) if i != held) + "\n")
    store = build_store(tmp_path / "s.db", first)  # coded and clustered at ingest
    before = _system(store)
    count = rows.count_stories(store)
    later = tmp_path / "later.jsonl"
    later.write_text(lines[held] + "\n")
    ingest(read_file(later), store)
    code_pending(store)
    after = _system(store)
    assert rows.count_stories(store) == count
    assert after["hegseth-hanoi-2025-capbrief"] == after["hegseth-hanoi-2025-pws"]
    assert {d: s for d, s in after.items() if d in before} == before
    store.close()


def test_documents_stored_without_coding_are_clustered_from_text_and_actors(store):
    docs = [
        Document("a", "U.S. Defense Secretary Pete Hegseth met Vietnamese Defense Minister Phan Van Giang in Hanoi on "
                      "Sunday and handed over wartime artifacts, a leather box and a knife.", published="2025-11-02"),
        Document("b", "Pete Hegseth handed Phan Van Giang a leather box and a knife taken during the war, at talks in "
                      "Hanoi on Sunday.", published="2025-11-02"),
        Document("c", "Chinese coast guard vessels fired water cannon at Philippine boats near Scarborough Shoal.",
                 published="2025-11-03"),
    ]
    store.add_documents(docs)
    assert {a.doc_id for a in assign_pending(store)} == {"a", "b", "c"}
    assert story_of(store, "a") == story_of(store, "b") != story_of(store, "c")
    assert assign_pending(store) == []  # nothing twice
    assert StoryClusterer(store).assign("a") is None


def test_a_store_from_before_stories_is_migrated_and_keeps_its_documents(tmp_path):
    store = Store(str(tmp_path / "x.db"))
    store.add_documents([Document("kept", "Vietnam and Japan signed an agreement in Hanoi.", published="2025-04-28")])
    with store.engine.begin() as conn:  # as a store made before migration 4 was
        for table in ("story_keys", "story_documents", "stories"):
            conn.exec_driver_sql(f"drop table {table}")
        conn.exec_driver_sql("delete from schema_version where version = 4")
    store.close()
    store = Store(str(tmp_path / "x.db"))
    with store.engine.connect() as conn:
        names = set(conn.exec_driver_sql("select name from sqlite_master where type='table'").scalars())
        versions = list(conn.exec_driver_sql("select version from schema_version order by version").scalars())
    assert {"stories", "story_documents", "story_keys"} <= names and 4 in versions
    assert [a.doc_id for a in assign_pending(store)] == ["kept"]
    store.close()
