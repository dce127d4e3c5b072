"""The spin scorer's word-level figures on a small worked example."""

from __future__ import annotations

from tightrope.eval.spin import score_pair
from tightrope.model import Edit


def test_restored_and_wrongly_changed_words_are_counted_against_the_original():
    original = "The official visit to Hanoi was a success, officials said."
    spun = "The official go to to Hanoi was a success, officers mentioned."
    good = Edit(13, 18, "go to", "visit", 0.9, "habit")
    bad = Edit(4, 12, "official", "formal", 0.5, "habit")  # an unspun word changed
    score = score_pair("x", spun, original, [good, bad], with_original=False, copy_of=None, phrases=["visit"])
    assert score.spun_words == 3  # visit; officials said
    assert score.restored == 1 and score.wrongly_changed == 1
    assert score.unspun_words == 7
    assert score.wer_spun == round(4 / 10, 4)  # go/to for visit (2), officers, mentioned
    assert score.phrases["visit"] == [0, 1, 1]
