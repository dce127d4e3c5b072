"""Spin repair: seed 001 and the development pairs, from language knowledge alone."""

from __future__ import annotations

import re

import pytest
from conftest import shared_path

from tightrope.eval.spin import EXPECTED_PHRASES, count_phrase, read_text, score_pair
from tightrope.integrity import apply_edits, check_text, original_offset
from tightrope.integrity import wordnet


@pytest.fixture(scope="module")
def seed001():
    text = read_text(shared_path("seeds", "001_f68aae2226054b6b.txt"))
    return text, check_text(text, "seed-001")


def test_seed_001_gets_its_fixed_phrases_back(seed001):
    text, result = seed001
    repaired = result.repaired
    for phrase, spun_form in EXPECTED_PHRASES.items():
        assert count_phrase(repaired, phrase) >= 1, phrase
        assert count_phrase(repaired, spun_form) == 0, spun_form
    assert "General Secretary of the Communist Party of Vietnam To Lam" in repaired
    assert "Democratic People’s Republic of Korea" in repaired  # the text's own apostrophe
    assert "the Cold War" in repaired and "political satellite”" in repaired and "soft balancing" in repaired
    assert count_phrase(repaired, "visit") >= 10


def test_edits_are_spans_of_the_original_text_and_leave_names_and_numbers_alone(seed001):
    text, result = seed001
    assert result.edits and apply_edits(text, result.edits) == result.repaired
    for e in result.edits:
        assert text[e.start : e.end] == e.spun
        if re.search(r"\d", e.spun):  # only the spinner's own numbers for words ("the 2", "12 months")
            assert e.via == "habit" and e.spun.lower() in {"the 2", "12 months"}, e
        assert 0 < e.confidence <= 1 and e.via in {"habit", "phrase"}
    for name in ("To Lam", "Kim Il-sung", "October 9–11, 2025", "Andrei Lankov", "Kookmin", "9,500", "85 billion USD"):
        assert text.count(name) == result.repaired.count(name), name


def test_offsets_in_the_repaired_text_map_back_to_the_original(seed001):
    text, result = seed001
    where = result.repaired.index("Pyongyang")
    assert text[original_offset(result.edits, where):].startswith("Pyongyang")
    cold = result.repaired.index("Cold War")
    assert text[original_offset(result.edits, cold):].startswith("Chilly Conflict")


@pytest.mark.parametrize("pair", ["tolam", "wsj_tradebattle"])
def test_development_pairs_repair_without_damage(pair):
    spun = read_text(shared_path("data", "spin", f"spun_{pair}.txt"))
    original = read_text(shared_path("data", "spin", f"original_{pair}.txt"))
    result = check_text(spun, pair)
    score = score_pair(pair, spun, original, result.edits, with_original=False, copy_of=None, phrases=[])
    assert score.wrongly_changed_share <= 0.01
    assert score.wer_repaired < score.wer_spun
    assert score.restored_share >= (0.4 if pair == "tolam" else 0.15)


def test_clean_text_is_never_repaired():
    original = read_text(shared_path("data", "spin", "original_tolam.txt"))
    result = check_text(original)
    assert result.repaired is None and result.edits == []


def test_without_wordnet_repair_still_uses_the_habits(monkeypatch):
    text = read_text(shared_path("data", "spin", "spun_tolam.txt"))
    monkeypatch.setattr(wordnet, "_index", lambda: None)
    result = check_text(text)
    assert result.spun and result.edits and all(e.via == "habit" for e in result.edits)
    assert "General Secretary" not in result.repaired  # that needs WordNet
    assert "Communist Party" in result.repaired and "visit" in result.repaired
