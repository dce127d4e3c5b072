"""Ingest runs the integrity stage: rows stored, spun copies linked to their originals."""

from __future__ import annotations

import json

from conftest import shared_path

from tightrope.data import sample_corpus_path
from tightrope.eval.spin import read_text
from tightrope.ingest import ingest
from tightrope.ingest.files import read_file
from tightrope.integrity import IntegrityChecker, check_unchecked, preparer
from tightrope.integrity.link import fingerprint, is_copy
from tightrope.integrity.tokens import tokenize, words
from tightrope.model import Document

SEED = "001_f68aae2226054b6b.txt"


def test_seed_001_is_linked_to_its_original_and_repaired_by_alignment(store):
    articles = shared_path("data", "articles_dev.jsonl")
    seed = shared_path("seeds", SEED)
    seed_doc = next(read_file(seed))
    report = ingest(list(read_file(articles)) + [seed_doc], store, prepare=preparer(store))
    assert not report.failed
    seed_id = seed_doc.id
    found = store.get_integrity(seed_id)
    assert found.spun and found.copy_of == "tolam-pyongyang-moderndiplomacy" and found.copy_similarity >= 0.6
    assert {e.via for e in found.edits} >= {"original", "habit"}  # aligned where the excerpt reaches, habits beyond
    doc = store.get_document(seed_id)
    assert doc.text == seed.read_text(encoding="utf-8")  # the stored text is as ingested
    assert store.text_for_coding(seed_id) == found.repaired != doc.text
    assert found.repaired.startswith("The official visit to the Democratic People’s Republic of Korea by General Secretary "
                                     "of the Communist Party of Vietnam To Lam from October 9–11, 2025, has attracted special "
                                     "attention from international analysts.")
    assert store.copies_spun_from("tolam-pyongyang-moderndiplomacy") == [seed_id]
    # no clean article is taken for spun, nor linked to another
    for row in store.documents():
        other = store.get_integrity(row.id)
        assert other is not None, row.id
        if row.id != seed_id:
            assert not other.spun and other.copy_of is None and store.text_for_coding(row.id) == row.text


def test_an_original_stored_after_its_copy_relinks_the_copy(store):
    by_id = {json.loads(l)["id"]: json.loads(l) for l in sample_corpus_path().read_text(encoding="utf-8").splitlines()}
    spun, original = by_id["putin-hanoi-2024-spun"], by_id["putin-hanoi-2024-pws"]
    ingest([Document(spun["id"], spun["text"], published=spun["published"])], store, prepare=preparer(store))
    before = store.get_integrity(spun["id"])
    assert before.spun and before.copy_of is None
    ingest([Document(original["id"], original["text"], published=original["published"])], store, prepare=preparer(store))
    after = store.get_integrity(spun["id"])
    assert after.copy_of == original["id"] and any(e.via == "original" for e in after.edits)
    assert "Russian President Vladimir Putin" in after.repaired and "signed a treaty" in after.repaired


def test_articles_on_the_same_story_are_not_copies():
    dev = {json.loads(l)["id"]: json.loads(l)["text"] for l in shared_path("data", "articles_dev.jsonl").read_text(encoding="utf-8").splitlines()}
    text = read_text(shared_path("seeds", SEED))
    seed, seed_words = fingerprint(tokenize(text)), words(text)
    linked = [doc_id for doc_id, other in dev.items() if is_copy(seed, fingerprint(tokenize(other)), seed_words, words(other))[0]]
    assert linked == ["tolam-pyongyang-moderndiplomacy"]


def test_documents_stored_without_the_stage_are_checked_later(store):
    store.add_documents([Document("plain", read_text(shared_path("data", "spin", "spun_tolam.txt")))])
    assert store.get_integrity("plain") is None and store.unchecked_document_ids() == ["plain"]
    assert check_unchecked(store, IntegrityChecker(store)) == 1
    assert store.get_integrity("plain").spun and store.unchecked_document_ids() == []


def test_the_trade_battle_copy_links_to_its_original_despite_its_extra_captions(store):
    original = read_text(shared_path("data", "spin", "original_wsj_tradebattle.txt"))
    spun = read_text(shared_path("data", "spin", "spun_wsj_tradebattle.txt"))
    ingest([Document("wsj", original), Document("spun-wsj", spun)], store, prepare=preparer(store))
    found = store.get_integrity("spun-wsj")
    assert found.spun and found.copy_of == "wsj"
    assert "according to officials who were involved" in found.repaired
    assert "White House on May 22" in found.repaired


def test_a_copy_before_its_original_in_one_batch_is_stored_and_linked(store):
    """Regression: the copy's link used to point at a document not stored yet (FK error)."""
    import json

    from tightrope import integrity
    from tightrope.data import sample_corpus_path
    from tightrope.ingest import ingest
    from tightrope.ingest.files import article_from_json

    rows = {json.loads(l)["id"]: l for l in sample_corpus_path().open(encoding="utf-8")}
    batch = [article_from_json(rows[i], i) for i in ("putin-hanoi-2024-spun", "putin-hanoi-2024-pws")]
    report = ingest(batch, store, prepare=integrity.preparer(store))
    assert not report.failed and len(report.stored) == 2
    assert store.get_integrity("putin-hanoi-2024-spun").copy_of == "putin-hanoi-2024-pws"
