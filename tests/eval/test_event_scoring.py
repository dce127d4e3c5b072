"""The event scorer follows ANNOTATION.md's matching rules (constructed cases with known answers)."""

from __future__ import annotations

from tightrope.eval.events import EventScores, compatible, match, primary_type, triple_differences, triple_scores


def ev(type_, src, tgt, **kw):
    return {"type": type_, "source": src, "target": tgt, **kw}


def test_types_must_be_equal_and_actor_lists_overlap():
    gold = ev("CONSULT", ["USA"], ["VNM"])
    assert compatible(ev("CONSULT", [{"key": "USA"}], [{"key": "VNM"}, {"key": "CHN"}]), gold)
    assert not compatible(ev("AGREE", ["USA"], ["VNM"]), gold)
    assert not compatible(ev("CONSULT", ["VNM"], ["USA"]), gold)  # direction counts
    assert compatible(ev("CONSULT", [], []), ev("CONSULT", [], []))  # both empty agree
    assert not compatible(ev("CONSULT", ["USA"], []), gold)


def test_reciprocal_gold_ignores_direction():
    gold = ev("CONSULT", ["USA"], ["VNM"], reciprocal=True)
    assert compatible(ev("CONSULT", ["VNM"], ["USA"]), gold)
    assert compatible(ev("CONSULT", ["USA", "VNM"], []), gold)
    assert not compatible(ev("CONSULT", ["USA"], ["CHN"]), gold)


def test_legacy_type_names_are_mapped():
    assert compatible(ev("REQUEST", ["VNM"], ["CHN"]), ev("DEMAND", ["VNM"], ["CHN"]))


def test_matching_is_one_to_one_and_maximal():
    system = [ev("CONSULT", ["USA"], ["VNM"]), ev("CONSULT", ["USA"], ["VNM"])]
    gold = [ev("CONSULT", ["USA"], ["VNM"]), ev("CONSULT", ["USA"], ["VNM", "LAO"]), ev("AGREE", ["USA"], ["VNM"])]
    assert len(match(system, gold)) == 2
    scores = EventScores()
    scores.add("t", system + [ev("SUPPORT", ["CHN"], ["VNM"], certainty="planned")], gold)
    d = scores.as_dict()
    assert d["events"]["tp"] == 2 and d["events"]["system"] == 3 and d["events"]["gold"] == 3
    assert abs(d["events"]["f1"] - 2 / 3) < 1e-3
    assert d["per_type"]["AGREE"]["recall"] == 0.0


def test_certainty_and_date_accuracy_on_matched_pairs():
    scores = EventScores()
    scores.add("t", [ev("AID", ["USA"], ["VNM"], certainty="asserted", date="2025-11")],
               [ev("AID", ["USA"], ["VNM"], certainty="planned", date="2025-11")])
    d = scores.as_dict()
    assert d["certainty_accuracy"] == 0.0 and d["date_accuracy"] == 1.0


def test_primary_type_is_the_first_event_in_text_order():
    assert primary_type([]) == "NONE"
    assert primary_type([{"type": "AGREE", "evidence": [40, 60]}, {"type": "DISAPPROVE", "evidence": [0, 30]}]) == "ACCUSE"


def test_triples_as_multisets():
    s = triple_scores([[("USA", "CHN", "04"), ("USA", "CHN", "04")]], [[("USA", "CHN", "04")]])
    assert s["tp"] == 1 and s["precision"] == 0.5 and s["recall"] == 1.0


def test_triple_differences_list_each_surplus_triple_of_a_record_once_per_copy():
    diffs = triple_differences(["a", "b"], ["Text A.", "Text B."],
                               [[("USA", "CHN", "04"), ("USA", "CHN", "04")], [("RUS", None, "19")]],
                               [[("USA", "CHN", "04"), ("CHN", "USA", "04")], [("RUS", None, "19")]])
    assert diffs == [
        {"id": "a", "kind": "missed", "triple": "CHN→USA 04", "text": "Text A."},
        {"id": "a", "kind": "false positive", "triple": "USA→CHN 04", "text": "Text A."},
    ]
