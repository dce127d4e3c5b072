"""PLOVER types of acts the coder once missed: refusals of permission, patrols ordered, and
force told in a passive that means the active ("were engaged in", "are involved in")."""

from __future__ import annotations

from event_cases import coded, coder  # noqa: F401 (coder is a fixture)


def test_denying_permission_is_a_rejection(coder):
    got = coded(coder, "The Indian government refused permission for a Pakistani delegation to visit Kashmir.")
    assert got and got[0][0] == "REJECT" and got[0][1] == ("IND",)


def test_ordering_patrols_is_mobilization(coder):
    got = coded(coder, "The Egyptian interior ministry ordered patrols by riot police across Cairo after the clashes.")
    assert got and got[0][:2] == ("MOBILIZE", ("EGY",))


def test_forces_engaged_in_killings_are_the_doers(coder):
    got = coded(coder, "Ethiopian troops were engaged in mass killings in Eritrea last year, the UN said.")
    assert ("ASSAULT", ("ETH",), ("ERI",)) in got


def test_forces_involved_in_fighting_are_the_doers(coder):
    got = coded(coder, "Sudanese soldiers were involved in fierce fighting with Chadian forces near the border.")
    assert got and got[0][0] == "ASSAULT" and got[0][1] == ("SDN",) and "TCD" in got[0][2]


def test_a_passive_without_its_doer_still_has_no_source(coder):
    # only the stative passives read their subject as the doer; "were attacked" keeps it the victim
    got = coded(coder, "Nigerian soldiers were attacked near the border with Niger.")
    assert all("NGA" not in source for _, source, _ in got)


def test_widening_political_freedoms_is_a_concession(coder):
    got = coded(coder, "The Tunisian president moved to broaden civil liberties after the referendum.")
    assert got and got[0][:2] == ("CONCEDE", ("TUN",))


def test_a_statement_is_what_its_participle_says(coder):
    # the issuing is the vehicle, the participle the act, done by the issuer
    got = coded(coder, "Poland issued a declaration demanding that the Russian government return the seized ship.")
    assert got == [("REQUEST", ("POL",), ("RUS",))]
    got = coded(coder, "Chile issued a statement condemning the Bolivian blockade of the border.")
    assert got and got[0][:2] == ("ACCUSE", ("CHL",))


def test_mobilizing_lobbyists_is_no_deployment(coder):
    got = coded(coder, "Qatar has mobilized lobbyists in Washington to support the Syrian opposition.")
    assert got and got[0][0] == "SUPPORT" and all(t != "MOBILIZE" for t, _, _ in got)
    got = coded(coder, "Armenia mobilized its reservists along the border with Azerbaijan.")
    assert got and got[0][0] == "MOBILIZE"


def test_a_contingent_of_forces_arriving_is_what_the_forces_do(coder):
    # "the first deployment of … peacekeepers arrived": protection given (AID), not a visit
    got = coded(coder, "The first deployment of UN peacekeepers arrived in Mali on Monday.")
    assert got and got[0][:2] == ("AID", ("IGO:UN",)) and "MLI" in got[0][2]
    # troops sent are a deployment, not a visit; a delegation of lawmakers still visits
    assert coded(coder, "A second contingent of Kenyan soldiers arrived in Haiti on Friday.") == []
    assert coded(coder, "A delegation of Japanese lawmakers arrived in Seoul on Friday.")[0][0] == "CONSULT"


def test_a_threat_is_aimed_where_the_threatened_act_is(coder):
    # the doer unknown to the dictionaries, the threat stands on the target of what it threatens
    assert coded(coder, "A jihadist network threatened to strike France.") == [("THREATEN", (), ("FRA",))]
    got = coded(coder, "An armed cell has threatened to deal heavy blows to Kenya.")
    assert got == [("THREATEN", (), ("KEN",))]


def test_an_act_named_as_a_right_is_no_act(coder):
    got = coded(coder, "Pakistan defended the right of Afghan troops to fire on smugglers in Iran.")
    assert got == [("SUPPORT", ("PAK",), ("AFG",))]  # defending another's right backs it (052); no shooting


def test_defending_ones_own_right_backs_no_one(coder):
    assert coded(coder, "Russia defended its right to test missiles.") == []
    assert coded(coder, "Germany defended Israel's right to self-defence.") == [("SUPPORT", ("DEU",), ("ISR",))]


def test_a_hostile_act_to_come_on_a_condition_is_a_threat(coder):
    got = coded(coder, "Japan may impose sanctions on Russia if the talks fail.")
    assert got == [("THREATEN", ("JPN",), ("RUS",))]
    # a refusal on a condition stays a refusal; an act without one stays the act
    assert coded(coder, "Jordan says it will not accept any more refugees if war breaks out in Syria.")[0][0] == "REJECT"
    assert coded(coder, "Japan may impose sanctions on Russia next month.")[0][0] == "SANCTION"
