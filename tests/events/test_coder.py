"""The coder on sentences whose right events are plain, and on the seeds and the sample corpus."""

from __future__ import annotations

import pytest
from conftest import shared_path

from tightrope.events.coder import EventCoder, event_to_json


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def coded(coder, text, date="2025-11-03"):
    out = []
    for e in coder.code("t", text, date):
        d = event_to_json(e, text)
        out.append((d["type"], d["mode"], tuple(sorted({a["key"] for a in d["source"]})),
                    tuple(sorted({a["key"] for a in d["target"]})), d["certainty"], d["date"]))
    return out


def test_a_visit_from_visitor_to_host_with_its_date(coder):
    got = coded(coder, "U.S. Defense Secretary Pete Hegseth arrived in Hanoi on Sunday for talks.")
    assert ("CONSULT", "visit", ("USA",), ("VNM",), "asserted", "2025-11-02") in got


def test_talks_are_reciprocal_and_signing_is_support(coder):
    text = ("Hegseth held talks with Vietnamese Defense Minister Phan Van Giang in Hanoi, and the two sides "
            "signed a memorandum on war legacy cooperation.")
    events = [event_to_json(e) for e in coder.code("t", text, "2025-11-03")]
    talks = [e for e in events if e["type"] == "CONSULT" and e["mode"] is None]
    assert talks and talks[0]["reciprocal"]
    assert {a["key"] for a in talks[0]["source"] + talks[0]["target"]} == {"USA", "VNM"}
    signing = [e for e in events if e["type"] == "SUPPORT"]
    assert signing and signing[0]["reciprocal"] and signing[0]["cameo"] == "057"


def test_certainty_values(coder):
    assert coded(coder, "Xi Jinping will visit Vietnam next month.")[0][4] == "planned"
    assert coded(coder, "Vietnam did not sign the agreement with Russia.")[0][4] == "negated"
    assert coded(coder, "Vietnam reportedly signed a deal with Russia to buy fighter jets.")[0][4] == "speculative"
    assert coded(coder, "China urged Vietnam to halt the work, according to Xinhua.")[0][4] == "attributed"


def test_conflict_types(coder):
    got = {t for t, *_ in coded(coder, "Chinese coast guard vessels rammed a Vietnamese fishing boat near the Paracels.")}
    assert "ASSAULT" in got
    got = {t for t, *_ in coded(coder, "The United States imposed tariffs of 46% on Vietnamese goods.")}
    assert "SANCTION" in got


def test_not_events(coder):
    assert coded(coder, "Vietnam walks a tightrope between the great powers.") == []
    assert coded(coder, "China is Vietnam's largest trading partner.") == []


def test_every_event_carries_offsets_into_the_text(coder):
    text = shared_path("seeds", "000_37ebb82700158fac.txt").read_text(encoding="utf-8")
    events = coder.code("seed-000", text, "2025-04")
    assert events
    for e in events:
        start, end = e.evidence
        assert 0 <= start < end <= len(text) and text[start:end].strip()


def test_a_reported_obligation_on_another_party_is_a_demand(coder):
    got = coded(coder, "Russia said on Tuesday that Sudan must return the helicopter.")
    assert [(t, s, g) for t, _, s, g, *_ in got] == [("REQUEST", ("RUS",), ("SDN",))]


def test_a_pronoun_in_a_reported_clause_is_the_speaker(coder):
    got = coded(coder, "Syria says it will hold talks with Israel.")
    assert ("CONSULT", ("SYR",), ("ISR",)) in [(t, s, g) for t, _, s, g, *_ in got]


def test_a_doer_no_dictionary_names_leaves_the_source_empty(coder):
    got = coded(coder, "A human rights watchdog accused the United States of torture.")
    assert [(t, s, g) for t, _, s, g, *_ in got] == [("ACCUSE", (), ("USA",))]
    # …but an act with no doer at all is no event
    assert coded(coder, "Vietnam was criticised last week.") == []


def test_victims_of_force_told_in_the_passive_are_the_target(coder):
    got = coded(coder, "Three US soldiers were killed in Iraq on Sunday.")
    assert [(t, s, g) for t, _, s, g, *_ in got] == [("ASSAULT", (), ("USA",))]


def test_a_hostile_act_announced_on_a_condition_is_a_threat(coder):
    got = coded(coder, "Nigeria announced that it will withdraw its peacekeepers from Chad unless a ceasefire is agreed.")
    assert [(t, s, g) for t, _, s, g, *_ in got] == [("THREATEN", ("NGA",), ("TCD",))]


def test_a_stance_taken_now_is_not_a_negated_accusation(coder):
    assert coded(coder, '"I don\'t blame China," Trump said.') == []
    assert coded(coder, "Vietnam did not accuse China of the attack.")[0][4] == "negated"


def test_a_background_visit_of_another_year_is_its_own_event(coder):
    text = ("Party chief To Lam arrived in Pyongyang on Thursday for a state visit to North Korea. "
            "The last visit by a Vietnamese party leader to North Korea was in 2007.")
    visits = [g for g in coded(coder, text) if g[:4] == ("CONSULT", "visit", ("VNM",), ("PRK",))]
    assert sorted(v[5][:4] for v in visits) == ["2007", "2025"]


def test_first_person_in_a_quotation_is_the_speaker(coder):
    text = "Secretary of State Marco Rubio wrote: \"Today we reaffirm our commitment to deepening ties with Vietnam.\""
    got = coded(coder, text)
    assert ("AGREE", ("USA",), ("VNM",)) in [(t, s, g) for t, _, s, g, *_ in got]


def test_event_nouns_used_as_modifiers_are_not_events(coder):
    got = coded(coder, "Vietnam and the United States held tariff negotiations in Washington.")
    assert "SANCTION" not in {t for t, *_ in got}
    assert "CONSULT" in {t for t, *_ in got}


def test_a_trip_named_without_its_host_is_the_trip_the_text_reports(coder):
    text = ("Chinese President Xi Jinping arrived in Hanoi on Monday for a state visit. "
            "Xi's trip comes as the United States weighs new tariffs.")
    visits = {(s, g) for t, m, s, g, *_ in coded(coder, text) if m == "visit"}
    assert visits == {(("CHN",), ("VNM",))}
