"""Against the project's test spinner (tools/spinner.py), whose thesaurus is not WordNet's,
so that the repairer, which inverts WordNet, is not tested against itself."""

from __future__ import annotations

import json

import pytest

from tightrope.data import sample_corpus_path
from tightrope.eval.spin import score_pair
from tightrope.integrity import IntegrityChecker
from tightrope.model import Document
from tools.spinner import spin


@pytest.fixture(scope="module")
def pairs():
    rows = [json.loads(line) for line in sample_corpus_path().read_text(encoding="utf-8").splitlines()]
    clean = [r for r in rows if r["kind"] != "spun_copy"]
    return [(r["id"], spin(r["text"], rate=0.9, seed=7), r["text"]) for r in clean]


def test_most_synthetic_copies_are_flagged_and_no_original_is(pairs):
    checker = IntegrityChecker()
    flagged = sum(checker.check(Document(i, spun)).spun for i, spun, _ in pairs)
    assert flagged >= 0.5 * len(pairs)
    assert not any(checker.check(Document(i, original)).spun for i, _, original in pairs)


def test_repair_never_damages_what_the_spinner_left_alone(pairs):
    checker = IntegrityChecker()
    totals = {False: [0, 0, 0, 0], True: [0, 0, 0, 0]}
    for doc_id, spun, original in pairs:
        for with_original in (False, True):
            result = checker.check(Document(doc_id, spun), original=Document("o", original) if with_original else None)
            if not result.spun:
                continue
            s = score_pair(doc_id, spun, original, result.edits, with_original=with_original, copy_of=None, phrases=[])
            for k, v in enumerate((s.spun_words, s.restored, s.unspun_words, s.wrongly_changed)):
                totals[with_original][k] += v
    for with_original, (spun_words, restored, unspun, wrong) in totals.items():
        assert wrong <= 0.01 * unspun, with_original
    spun_words, restored, _, _ = totals[True]
    assert restored >= 0.8 * spun_words  # with the original at hand, alignment restores nearly all
    assert totals[False][1] > 0
