"""Resolution quality on the hand-checked development mentions and the PLOVER gold actors.

Floors just under today's figures, so a change that breaks resolution shows up here; the
figures themselves are printed by `tightrope eval actors`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_path

from tightrope.actors.resolver import Resolver
from tightrope.eval.actors import score_mentions, score_plover

FIXTURE = Path(__file__).parent / "fixtures" / "dev_mentions.jsonl"


@pytest.fixture(scope="module")
def resolver():
    return Resolver()


def test_hand_checked_development_mentions(resolver):
    score = score_mentions(FIXTURE, shared_path("data", "articles_dev.jsonl"), resolver)
    assert score.total >= 400
    assert score.accuracy >= 0.94, score.errors[:10]


def test_plover_gold_actor_texts(resolver):
    score = score_plover(shared_path("benchmarks", "event_anchors", "PLOVER_GSR_CAMEO.json"), resolver)
    assert score.total > 600
    assert score.accuracy >= 0.88, score.errors[:10]
