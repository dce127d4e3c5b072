"""Whose act a clause states: ties deepened together, acts agreed to, things received, releases,
the charges of a punishment, the content of pressure, and accidents as by-agents."""

from __future__ import annotations

from event_cases import coded, coder  # noqa: F401 (coder is a fixture)


def test_parties_seeking_together_to_deepen_ties_intend_a_mutual_act(coder):
    events = coder.code("t", "Chile and Peru are seeking to strengthen their partnership in mining.", "2025-06-02")
    assert [(e.type, e.certainty, e.reciprocal, e.cameo[:2]) for e in events] == [("SUPPORT", "planned", True, "03")]
    assert {a.key for e in events for a in e.source + e.target} == {"CHL", "PER"}


def test_one_party_seeking_to_deepen_ties_states_a_strategy_no_event(coder):
    assert coded(coder, "Chile seeks to strengthen its partnership with Peru.") == []


def test_ties_deepened_together_are_a_mutual_act(coder):
    assert coded(coder, "Chile and Peru deepened ties last year.") == [("SUPPORT", ("CHL",), ("PER",))]


def test_agreeing_to_an_act_of_ones_own_toward_another_is_a_promise_not_mutual(coder):
    events = coder.code("t", "Ethiopia has agreed to release the Eritrean prisoners.", "2025-06-02")
    assert [(e.type, [a.key for a in e.source], [a.key for a in e.target], e.reciprocal, e.cameo) for e in events] == [
        ("AGREE", ["ETH"], ["ERI"], False, "0353")]


def test_agreeing_to_act_with_a_partner_stays_mutual(coder):
    events = coder.code("t", "Vietnam agreed to hold talks with China.", "2025-06-02")
    assert [(e.type, e.reciprocal) for e in events] == [("AGREE", True)]


def test_agreeing_to_a_concession_is_that_concession(coder):
    assert coded(coder, "Japan agreed to ease restrictions on Chinese imports.") == [("CONCEDE", ("JPN",), ("CHN",))]


def test_a_host_receiving_a_delegation_from_another_state_is_visited_by_it(coder):
    events = coder.code("t", "The Laotian president received a delegation from Cambodia on Monday.", "2025-06-02")
    assert [(e.type, e.mode, [a.key for a in e.source], [a.key for a in e.target]) for e in events] == [
        ("CONSULT", "visit", ["KHM"], ["LAO"])]


def test_protesters_receiving_their_own_government_s_ministers_are_visited_by_it(coder):
    events = coder.code("t", "Thai protesters received ministers from the Thai government.", "2025-06-02")
    assert [(e.type, [a.sector for a in e.source], [a.sector for a in e.target]) for e in events] == [
        ("CONSULT", ["GOV"], ["CVL"])]


def test_assurances_received_are_the_giver_s_promise_to_the_receiver(coder):
    assert coded(coder, "Kenya received assurances from Somalia.") == [("AGREE", ("SOM",), ("KEN",))]


def test_prisoners_described_by_a_participle_and_then_released_are_released_by_the_agent(coder):
    got = coded(coder, "The dissidents jailed for criticising Beijing were freed on Sunday by Xi Jinping himself.")
    assert ("RETREAT", ("CHN",), ()) in [(k, s, ()) for k, s, _ in got]
    assert not any(kind == "COERCE" for kind, _, _ in got)  # the jailing, agentless, only describes them


def test_a_passive_release_with_no_agent_names_no_releaser(coder):
    got = coded(coder, "Students detained for protesting against Beijing were freed on Monday.")
    assert [(k, s) for k, s, _ in got if k == "RETREAT"] == [("RETREAT", ())]


def test_the_charge_of_a_punishment_is_the_punished_one_s_alleged_act(coder):
    events = coder.code("t", "A Kenyan court jailed a Somali student for helping rebels attack Uganda.", "2025-06-02")
    charged = [(e.type, [a.key for a in e.source], e.certainty) for e in events if e.type != "COERCE"]
    assert ("AID", ["SOM"], "speculative") in charged
    assert all(how == "speculative" for _, _, how in charged)  # the attack helped is charged too
    assert not any("KEN" in src for kind, src, _ in charged)  # not the court's act


def test_a_passive_punishment_charges_its_patient(coder):
    events = coder.code("t", "A Thai activist was jailed for protesting against the Thai government.", "2025-06-02")
    assert [(e.type, [a.sector for a in e.source], e.certainty) for e in events if e.type == "PROTEST"] == [
        ("PROTEST", ["CVL"], "speculative")]


def test_an_accident_or_a_disaster_as_the_doer_is_no_attack(coder):
    assert coded(coder, "Rescuers in Chile recovered passengers killed by the Argentine airliner crash.") == []
    assert coded(coder, "Dozens of Peruvian villagers were killed by the earthquake.") == []
    assert coded(coder, "Typhoon Mirinae killed twelve Filipino soldiers.") == []


def test_a_bomb_or_an_army_as_the_doer_is_still_an_attack(coder):
    assert coded(coder, "Three Peruvian soldiers were killed by a roadside bomb.") == [("ASSAULT", (), ("PER",))]
    assert coded(coder, "Chilean troops killed ten Peruvian villagers.") == [("ASSAULT", ("CHL",), ("PER",))]


def test_pressure_from_another_party_to_act_is_its_demand_not_the_act(coder):
    assert coded(coder, "Chile faces growing pressure from Argentina to release the fishermen.") == [
        ("REQUEST", ("ARG",), ("CHL",))]
    assert coded(coder, "Under pressure from Lima to free the sailors, Bolivia opened talks.")[:1] == [
        ("REQUEST", ("PER",), ("BOL",))]


def test_pressure_as_a_circumstance_or_with_no_one_pressing_is_no_event(coder):
    assert coded(coder, "Chile faces mounting pressure to release the Argentine fishermen.") == []
    assert coded(coder, "Chile released the Peruvian fishermen amid pressure from Lima.") == [
        ("RETREAT", ("CHL",), ("PER",))]


def test_a_place_in_what_a_trip_is_for_is_not_its_host(coder):
    assert coded(coder, "The Chilean envoy spoke in Lima at the start of a regional trip aimed at brokering a truce in Bolivia.") == [
        ("CONSULT", ("CHL",), ("PER",))]
    assert coded(coder, "The Chilean president is on a regional trip that will take him to Bolivia.") == [
        ("CONSULT", ("CHL",), ("BOL",))]


def test_seizing_swathes_of_a_country_is_taking_territory(coder):
    (e,) = coder.code("t", "Rwandan rebels have seized swathes of eastern Congo.", "2025-06-02")
    assert (e.type, e.cameo, [a.key for a in e.target]) == ("COERCE", "192", ["COD"])
