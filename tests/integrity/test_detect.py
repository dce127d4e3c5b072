"""Spin detection on real spun news and real clean news (issue 5, "Measured")."""

from __future__ import annotations

import json

import pytest
from conftest import shared_path

from tightrope.data import sample_corpus_path
from tightrope.eval.spin import read_text
from tightrope.integrity import IntegrityChecker, check_text
from tightrope.integrity.detect import detect
from tightrope.integrity.tokens import tokenize
from tightrope.model import Document

REAL_SPUN = ["seeds/001_f68aae2226054b6b.txt", "data/spin/spun_tolam.txt", "data/spin/spun_wsj_tradebattle.txt"]


@pytest.mark.parametrize("name", REAL_SPUN)
def test_every_real_spun_text_is_flagged(name):
    result = check_text(read_text(shared_path(*name.split("/"))))
    assert result.spun and result.score > 1.5


@pytest.mark.parametrize("name", ["data/spin/original_tolam.txt", "data/spin/original_wsj_tradebattle.txt",
                                  "seeds/000_37ebb82700158fac.txt", "seeds/002_e89dfde52cbf6c70.txt"])
def test_the_originals_and_other_seeds_are_clean(name):
    result = check_text(read_text(shared_path(*name.split("/"))))
    assert not result.spun and result.repaired is None and result.edits == []


def _articles(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_false_positives_on_clean_news_at_most_one_percent():
    checker = IntegrityChecker()
    clean = [a for a in _articles(shared_path("data", "articles_dev.jsonl"))]
    clean += [a for a in _articles(sample_corpus_path()) if a["kind"] != "spun_copy"]
    flagged = [a["id"] for a in clean if checker.check(Document(a["id"], a["text"])).spun]
    assert len(clean) >= 85
    assert len(flagged) <= 0.01 * len(clean), flagged


def test_the_sample_corpus_spun_copy_is_flagged_and_its_original_is_not():
    by_id = {a["id"]: a for a in _articles(sample_corpus_path())}
    assert check_text(by_id["putin-hanoi-2024-spun"]["text"]).spun
    assert not check_text(by_id["putin-hanoi-2024-pws"]["text"]).spun


def test_one_odd_phrase_in_a_short_clean_text_is_not_spin():
    text = "Whereas the talks went on, officials said the two sides were close to a deal on trade."
    assert not detect(tokenize(text)).spun


def test_habits_inside_long_quotations_are_not_counted():
    quote = "“Whereas we differ, we said additional than once that the talks go on,” the minister said. "
    assert detect(tokenize(quote * 3)).habits == []
