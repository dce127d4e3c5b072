"""Background acts named in passing: the anniversary that dates the act it marks, the dash that
joins two names, and deals only weighed."""

from __future__ import annotations

from event_cases import coded, coder  # noqa: F401 (coder is a fixture)


def _events(coder, text, date="2025-06-02"):
    return [(e.type, {a.key for a in e.source} | {a.key for a in e.target}, e.certainty, e.date, e.historical)
            for e in coder.code("t", text, date)]


def test_an_anniversary_dates_the_act_it_marks_years_back(coder):
    events = _events(coder, "The two leaders will mark the 40th anniversary of the establishment of diplomatic relations "
                            "between Chile and Vietnam this year.")
    assert ("SUPPORT", {"CHL", "VNM"}, "asserted", "1985", True) in events


def test_an_anniversary_before_the_trigger_dates_no_other_act(coder):
    events = _events(coder, "On the 80th anniversary of the party, Chile's president arrived in Hanoi.")
    assert [(t, d) for t, _, _, d, _ in events] == [("CONSULT", "2025-06")]


def test_names_joined_by_an_en_dash_are_the_parties(coder):
    events = _events(coder, "Officials will mark the 20th anniversary of the normalisation of Chile–Vietnam relations.")
    assert ("SUPPORT", {"CHL", "VNM"}, "asserted", "2005", True) in events


def test_a_deal_only_weighed_is_planned(coder):
    events = _events(coder, "Jakarta is exploring defense cooperation with Chile and Peru.")
    assert [(t, c) for t, _, c, _, _ in events] == [("AGREE", "planned")]


def test_a_stance_of_consideration_is_asserted(coder):
    events = _events(coder, "Vietnam considers Laos a top priority.")
    assert [(t, c) for t, _, c, _, _ in events] == [("AGREE", "asserted")]


def test_a_signed_arms_deal_is_a_deal_in_effect(coder):
    events = coded(coder, "Poland signed US$2 billion in South Korean arms deals.")
    assert events == [("COOPERATE", ("POL",), ("KOR",))]


def test_a_sum_of_things_bought_names_the_seller(coder):
    assert coded(coder, "Poland bought $2 billion of South Korean tanks.") == [("COOPERATE", ("POL",), ("KOR",))]


def test_signing_an_arms_control_treaty_is_a_signing(coder):
    assert [t for t, _, _ in coded(coder, "Russia and the US signed an arms control treaty.")] == ["SUPPORT"]


def test_welcoming_an_aid_package_is_no_visit(coder):
    assert coded(coder, "Cambodia welcomed a new Japanese aid package worth 30 million USD.") == [("SUPPORT", ("KHM",), ("JPN",))]


def test_a_dated_passive_participle_names_the_act_done_to_its_noun(coder):
    events = _events(coder, "Trade grew quickly after an embargo on Peru lifted by Chile in 2019.")
    assert ("RETREAT", {"CHL", "PER"}, "asserted", "2019", True) in events


def test_a_dated_signing_participle_is_the_signing(coder):
    events = _events(coder, "Chile and Peru cooperate under a memorandum signed in 2018 on border patrols.")
    assert ("SUPPORT", {"CHL", "PER"}, "asserted", "2018", True) in events


def test_an_undated_participle_only_describes_its_noun(coder):
    events = _events(coder, "Chile praised the partnership built with Peru on shared trade.")
    assert [t for t, *_ in events] == ["SUPPORT"]
