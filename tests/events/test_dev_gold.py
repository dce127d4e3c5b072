"""Coding quality on the development gold and the two benchmark sentence sets (figures by
`tightrope eval events`); floors just under today's scores so that a regression shows up here."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import shared_path

from tightrope.eval.events import cameo_dyads, evaluate
from tightrope.events.coder import EventCoder
from tightrope.model import Event, EventActor


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def test_development_gold_scores(coder):
    result = evaluate(shared_path("data", "gold_events_dev.jsonl"), coder)
    assert result["texts"] == 56
    assert result["events"]["f1"] >= 0.829
    assert result["events"]["precision"] >= 0.887
    assert result["type_only"]["f1"] >= 0.872
    assert result["certainty_accuracy"] >= 0.845
    assert result["date_accuracy"] >= 0.714


def test_plover_records_primary_type_accuracy(coder):
    result = evaluate(shared_path("benchmarks", "event_anchors", "PLOVER_GSR_CAMEO.json"), coder)
    assert result["sentences"] == 322
    assert result["primary_type_accuracy"] >= 0.823
    assert set(result["per_type"]) >= {"AGREE", "CONSULT", "ASSAULT"}
    # the misses ANNOTATION.md's own conventions explain are counted, not hidden
    assert sum(result["convention_differences"].values()) >= 1


def test_petrarch_records_triple_f1(coder):
    result = evaluate(shared_path("benchmarks", "event_anchors", "petr2_gsr_validation.jsonl"), coder)
    assert result["records"] == 78
    assert result["triples"]["f1"] >= 0.623
    assert result["gold_statement_triples"] >= 1
    assert {m["kind"] for m in result["misses"]} == {"missed", "false positive"}


def test_a_mutual_event_gives_cameo_triples_in_both_directions_only_where_cameo_codes_it_so():
    def actor(key):
        return EventActor(key=key, sector=None, text=key)

    text = "RUS and CHE met USA."
    met = Event(doc_id="t", type="CONSULT", source=[actor("RUS")], target=[actor("CHE"), actor("USA")],
                evidence=(0, len(text)), reciprocal=True, cameo="040", trigger="met")
    # a partner named after the verb is the meeting's object: one way ("A met (with) B")
    assert sorted(cameo_dyads(met, text)) == [("RUS", "CHE", "04"), ("RUS", "USA", "04")]
    # parties named together before it act each with each ("A, B and C met")
    together = "RUS, CHE and USA met."
    assert sorted(cameo_dyads(replace(met, evidence=(0, len(together))), together)) == sorted(
        [(a, b, "04") for a in ("USA", "RUS", "CHE") for b in ("USA", "RUS", "CHE") if a != b])
    # talks are paired events in CAMEO, whoever is the subject
    assert len(cameo_dyads(replace(met, trigger="talks"), text)) == 6
    assert sorted(cameo_dyads(replace(met, reciprocal=False, trigger="talks"), text)) == [
        ("RUS", "CHE", "04"), ("RUS", "USA", "04")]
