"""B-cubed scoring of story clusters, and reading gold story labels."""

from __future__ import annotations

import pytest

from tightrope.errors import InputError
from tightrope.eval.stories import bcubed, read_gold


def test_a_perfect_clustering_scores_one_and_ids_do_not_matter():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": "7", "b": "7", "c": "9"}, gold)["f1"] == 1.0


def test_bcubed_by_hand():
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    system = {"a": "1", "b": "1", "c": "2", "d": "2"}
    # precision: a 1, b 1, c 1/2, d 1/2 → 0.75; recall: a 2/3, b 2/3, c 1/3, d 1 → 2/3
    score = bcubed(system, gold)
    assert score["precision"] == 0.75 and score["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert score["f1"] == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3), abs=1e-4)
    assert (score["gold_stories"], score["system_stories"]) == (2, 2)


def test_an_article_the_system_left_out_is_a_story_of_its_own():
    score = bcubed({"a": "1"}, {"a": "x", "b": "x"})
    assert score["precision"] == 1.0 and score["recall"] == 0.5


def test_gold_files_need_ids_and_labels(tmp_path):
    good = tmp_path / "g.jsonl"
    good.write_text('{"id": "a", "story": "x"}\n\n{"id": "b", "story": "y", "text": "..."}\n')
    assert read_gold(good) == {"a": "x", "b": "y"}
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"id": "a", "story": "x"}\n{"id": "b"}\n')
    with pytest.raises(InputError, match=r"b.jsonl:2: each line needs an 'id' and a gold 'story'"):
        read_gold(bad)
    with pytest.raises(InputError, match="cannot read gold file"):
        read_gold(tmp_path / "missing.jsonl")
