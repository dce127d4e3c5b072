"""Promises and announced acts: the doer's own word on what it will do is AGREE (THREATEN for a
hostile act), while a future the writer tells or a schedule stays the act, planned."""

from __future__ import annotations

import pytest

from tightrope.events.coder import EventCoder


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def coded(coder, text):
    return [(e.type, tuple(a.key for a in e.source), tuple(a.key for a in e.target), e.certainty, e.cameo)
            for e in coder.code("t", text, "2025-11-05")]


def test_a_doer_saying_it_will_act_promises_the_act(coder):
    got = coded(coder, "Peru said it would return the seized fishing boats to Chile.")
    assert got == [("AGREE", ("PER",), ("CHL",), "asserted", "0353")]  # intent to release property
    # the speaker named after the clause, as one of the doer's own officials
    got = coded(coder, "Norway will send medical supplies to Yemen, the Norwegian foreign minister said.")
    assert got == [("AGREE", ("NOR",), ("YEM",), "asserted", "0333")]
    got = coded(coder, '"We will hand over the remains to Laos," the American ambassador said.')
    assert [(t, s, g) for t, s, g, *_ in got] == [("AGREE", ("USA",), ("LAO",))]


def test_a_promise_is_dated_when_it_is_made(coder):
    events = coder.code("t", "Egypt said on Monday it would impose sanctions on Israel.", "2025-11-05")
    assert [(e.type, e.date, e.cameo[:2]) for e in events] == [("THREATEN", "2025-11-03", "13")]


def test_a_future_the_writer_tells_or_schedules_stays_the_act_planned(coder):
    assert coded(coder, "Norway will send medical supplies to Yemen next month.")[0][:4] == (
        "AID", ("NOR",), ("YEM",), "planned")
    # a visit announced is a schedule, not a promise
    assert coded(coder, "Chile's foreign ministry said its minister will visit Peru in May.")[0][:4] == (
        "CONSULT", ("CHL",), ("PER",), "planned")
    # the day's agenda in a speech is the act, planned
    got = coded(coder, '"Today we will hand over the remains to Laos," the American ambassador said.')
    assert [(t, c) for t, _, _, c, _ in got] == [("RETREAT", "planned")]


def test_another_partys_act_on_the_speakers_word_is_no_promise(coder):
    got = coded(coder, "Kenya said Uganda would withdraw its troops from Somalia.")
    assert [(t, s, g) for t, s, g, *_ in got] == [("RETREAT", ("UGA",), ("SOM",))]


def test_an_announced_hostile_act_is_a_threat(coder):
    got = coded(coder, "Colombia announced it will expel the Venezuelan ambassador.")
    assert got == [("THREATEN", ("COL",), ("VEN",), "asserted", "136")]  # threaten to expel


def test_willingness_to_act_is_a_promise_aimed_where_the_act_is(coder):
    got = coded(coder, "Syria says it is willing to withdraw its troops from Lebanon.")
    assert [(t, s, g, c) for t, s, g, _, c in got] == [("AGREE", ("SYR",), ("LBN",), "0356")]
    got = coded(coder, "Turkey is prepared to impose sanctions on Syria.")
    assert [(t, s, g, c) for t, s, g, _, c in got] == [("THREATEN", ("TUR",), ("SYR",), "1312")]
    # preparing is something an army does, not a stated willingness
    got = coded(coder, "The Peruvian army prepared to resume shelling Ecuadorian territory.")
    assert [(t, c) for t, _, _, c, _ in got] == [("ASSAULT", "planned")]


def test_a_conditional_promise_is_made_when_it_is_said(coder):
    got = coded(coder, "Ghana said it would send troops to Mali if the United Nations asked.")
    assert [(t, s, g, c) for t, s, g, c, _ in got] == [("AGREE", ("GHA",), ("MLI",), "asserted")]
    # the writer's own "would … if" is no one's promise
    assert coded(coder, "Ghana would send troops to Mali if the United Nations asked.")[0][0] == "AID"


def test_an_order_to_another_party_is_a_demand(coder):
    got = coded(coder, "Chile ordered Bolivia to withdraw its troops from the border.")
    assert got == [("REQUEST", ("CHL",), ("BOL",), "asserted", "100")]
    # an order to one's own army is the act ordered; an order of goods is a purchase
    assert "REQUEST" not in {t for t, *_ in coded(coder, "Putin ordered troops to withdraw from the Ukrainian border.")}
    assert [t for t, *_ in coded(coder, "Chile ordered 12 fighter jets from France.")] == ["COOPERATE"]


def test_calling_for_sanctions_against_a_party_rallies_opposition_to_it(coder):
    got = coded(coder, "Kenya called for sanctions against Uganda.")
    assert got == [("ACCUSE", ("KEN",), ("UGA",), "asserted", "113")]  # no sanction imposed


def test_what_the_speaker_says_both_should_do_is_a_proposal_and_what_others_must_do_a_demand(coder):
    got = coded(coder, "Putin said Russia and India should support each other.")
    assert [(t, s, g) for t, s, g, *_ in got] == [("AGREE", ("RUS",), ("IND",))]
    got = coded(coder, "Putin said India should support Russia at the United Nations.")
    assert [(t, s, g) for t, s, g, *_ in got] == [("REQUEST", ("RUS",), ("IND",))]


def test_a_meeting_offered_on_a_condition_is_a_promise_to_meet(coder):
    got = coded(coder, "Sudan said it would meet the Ethiopian envoy if Ethiopia withdrew its troops.")
    assert got == [("AGREE", ("SDN",), ("ETH",), "asserted", "036")]
    # a meeting announced without one is a schedule
    assert [t for t, *_ in coded(coder, "Sudan said it would meet the Ethiopian envoy next week.")] == ["CONSULT"]


def test_rebels_saying_their_government_must_act_make_a_demand_on_it(coder):
    events = coder.code("t", "Colombian rebels said the Colombian government must release all political prisoners.")
    assert [(e.type, e.source[0].sector, e.target[0].sector) for e in events] == [("REQUEST", "REB", "GOV")]


def test_a_concession_promised_is_the_concession_made_now(coder):
    # ANNOTATION.md: CONCEDE covers "promised to ease restrictions"
    for text in ("Thailand promised to ease restrictions on Cambodian workers.",
                 "Thailand said it will ease restrictions on Cambodian workers.",
                 "Thailand is ready to ease restrictions on Cambodian workers."):
        assert coded(coder, text) == [("CONCEDE", ("THA",), ("KHM",), "asserted", "0351")], text


def test_what_another_party_is_told_it_must_do_is_a_demand_on_it(coder):
    for text in ("Chile told Bolivia that it must withdraw its troops from the border.",
                 "Chile sent a message to Bolivia that it must withdraw its troops from the border."):
        assert [(t, s, g) for t, s, g, *_ in coded(coder, text)] == [("REQUEST", ("CHL",), ("BOL",))], text
    # a party saying what it must do itself takes a stance
    assert coded(coder, "Russia said it must defend its borders.") == []


def test_an_intent_to_negotiate_is_apart_from_a_wish_to_cooperate(coder):
    events = coder.code("t", "Chile's foreign minister expressed a desire to deepen cooperation with Peru. Chile's foreign "
                             "minister also expressed hope that Chile and Peru would soon negotiate a new fisheries treaty.",
                        "2025-06-02")
    assert sorted((e.type, e.cameo) for e in events) == [("AGREE", "030"), ("AGREE", "036")]


def test_a_meeting_beside_a_pledge_is_not_what_is_pledged(coder):
    events = coder.code("t", "Chile's foreign minister pledged to deepen ties with Peru as he met with Peru's president in Lima.",
                        "2025-06-02")
    assert [(e.type, e.cameo) for e in events if e.type == "AGREE"] == [("AGREE", "030")]
