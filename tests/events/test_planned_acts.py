"""Acts named as the content of talks, plans and efforts: who does them and how sure they are."""

from __future__ import annotations

from event_cases import coded, coder  # noqa: F401 (coder is a fixture)


def _certain(coder, text):
    return [(e.type, e.certainty) for e in coder.code("t", text, "2025-06-02")]


def test_a_transfer_under_negotiation_is_a_deal_weighed_by_the_negotiator(coder):
    text = "Canberra is in talks to supply patrol boats and military equipment to Manila."
    assert coded(coder, text) == [("AGREE", ("AUS",), ("PHL",))]
    assert _certain(coder, text) == [("AGREE", "planned")]


def test_negotiating_to_buy_is_planned(coder):
    assert ("AGREE", "planned") in _certain(coder, "Jakarta is negotiating to buy French jets.")


def test_a_plan_to_sell_is_its_owners(coder):
    assert coded(coder, "Canberra's plan to sell military equipment to Manila angered Beijing.")[0] == ("AGREE", ("AUS",), ("PHL",))


def test_a_motive_is_no_act(coder):
    assert coded(coder, "Canberra courted Jakarta with new rail projects in a bid to curb Chinese influence.") == []


def test_efforts_to_help_are_under_way(coder):
    assert _certain(coder, "Japan stepped up efforts to help Vietnam clear landmines.") == [("AID", "asserted")]


def test_an_act_hoped_for_is_planned_however_the_model_lemmatises_hoped(coder):
    assert _certain(coder, "Chile hoped Peruvian troops would soon withdraw from the border.") == [("RETREAT", "planned")]
    assert _certain(coder, "Chile hopes to sign a trade agreement with Peru.")[0][1] == "planned"
