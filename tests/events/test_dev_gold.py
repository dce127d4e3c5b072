"""Coding quality on the development gold (figures by `tightrope eval events`); floors just
under today's scores so that a regression shows up here."""

from __future__ import annotations

from conftest import shared_path

from tightrope.eval.events import evaluate
from tightrope.events.coder import EventCoder


def test_development_gold_scores():
    result = evaluate(shared_path("data", "gold_events_dev.jsonl"), EventCoder())
    assert result["texts"] == 56
    assert result["events"]["f1"] >= 0.62
    assert result["type_only"]["f1"] >= 0.70
    assert result["certainty_accuracy"] >= 0.75
