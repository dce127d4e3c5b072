"""What an act governs and what it only goes with (the content of an intent, the acts beside it),
who a pronoun stands for, and how sure an act one party charges another with is."""

from __future__ import annotations

import pytest

from tightrope.events.coder import EventCoder, event_to_json


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def coded(coder, text, date="2025-11-03", certain=False):
    out = []
    for e in coder.code("t", text, date):
        d = event_to_json(e)
        out.append((d["type"], tuple(sorted({a["key"] for a in d["source"]})), tuple(sorted({a["key"] for a in d["target"]})),
                    *((d["certainty"],) if certain else ())))
    return out


def test_a_participle_clause_beside_a_pledge_states_its_own_act(coder):
    got = coded(coder, "Japan pledged support for the Philippine navy, highlighting the delivery of four "
                       "patrol ships to the Philippine Coast Guard.")
    assert ("AGREE", ("JPN",), ("PHL",)) in got
    assert ("AID", ("JPN",), ("PHL",)) in got


def test_meetings_during_which_a_commitment_is_stressed_are_events(coder):
    got = coded(coder, "The Australian minister underscored commitments to regional security during his "
                       "separate meetings in Jakarta with President Prabowo Subianto.")
    assert ("CONSULT", ("AUS",), ("IDN",)) in got


def test_the_content_of_an_intent_is_still_not_an_act_of_its_own(coder):
    got = coded(coder, "Thailand agreed to cut tariffs on Cambodian rice.")
    assert [e[0] for e in got] == ["AGREE"]


def test_a_visit_that_is_praised_is_an_event_of_its_own(coder):
    got = coded(coder, "Marcos hailed Albanese's visit as a milestone.")
    assert ("SUPPORT", ("PHL",), ("AUS",)) in got
    assert ("CONSULT", ("AUS",), ("PHL",)) in got


def test_praise_of_a_metaphorical_journey_is_no_visit(coder):
    got = coded(coder, "Marcos praised the remarkable journey of Philippine–Australian relations.")
    assert [e[0] for e in got] == ["SUPPORT"]


def test_his_visit_is_the_visit_of_the_last_subject_not_of_the_last_person_named(coder):
    got = coded(coder, "Indonesian President Prabowo Subianto arrived on Friday and was welcomed by Anthony Albanese "
                       "in Canberra. His visit coincides with the 75th anniversary of diplomatic ties.")
    assert ("CONSULT", ("IDN",), ("AUS",)) in got
    assert ("CONSULT", ("AUS",), ("IDN",)) not in got


def test_an_act_one_is_accused_of_is_not_asserted(coder):
    got = coded(coder, "Manila accused China of ramming a Philippine supply boat near the shoal.", certain=True)
    assert ("ACCUSE", ("PHL",), ("CHN",), "asserted") in got
    assert ("ASSAULT", ("CHN",), ("PHL",), "speculative") in got


def test_both_countries_are_the_two_states_just_named_together(coder):
    events = coded(coder, "Chile's president met Argentina's leader in Santiago. He will then travel to Peru and Bolivia. "
                          "Both countries are in talks with Brazil over a new railway.")
    assert ("CONSULT", ("BOL", "PER"), ("BRA",)) in events
    assert not any(t == "CONSULT" and "BRA" in tgt and src != ("BOL", "PER") for t, src, tgt, *_ in events)


def test_being_in_talks_or_a_meeting_is_no_visit(coder):
    events = coded(coder, "Chile's foreign minister is in talks with Peru over the border.")
    assert [(t, src, tgt) for t, src, tgt, *_ in events] == [("CONSULT", ("CHL",), ("PER",))]
    assert [t for t, *_ in coded(coder, "Chile's foreign minister was in Lima on Monday.")] == ["CONSULT"]


def test_the_countrys_official_is_of_the_state_named_last(coder):
    events = coded(coder, "Chile is hosting a summit on trade next month. The country's foreign minister flew to Lima on Monday.")
    assert ("CONSULT", ("CHL",), ("PER",)) in events
