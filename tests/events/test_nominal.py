"""Events named by nouns and their parties ("the transfer of boats to X", "her meetings in
Hanoi with A and B"), and role finding that the parse would otherwise get wrong."""

from __future__ import annotations

import pytest
from event_cases import coded, coder  # noqa: F401 (coder is a fixture)


def test_words_of_an_objects_apposition_do_not_say_what_the_object_is(coder):
    # "Security" names the council the envoy sits on, not security equipment sent as aid
    got = coded(coder, "Russia dispatched Sergei Lavrov, a member of the Security Council, to Hanoi.")
    assert got == [("CONSULT", ("RUS",), ("VNM",))]


def test_a_party_named_in_a_doers_description_is_not_a_doer(coder):
    assert coded(coder, "Japan, the biggest donor for Cambodia, criticised China on Monday.") == [
        ("ACCUSE", ("JPN",), ("CHN",))]


def test_a_visitor_received_after_arriving_is_the_first_verbs_subject(coder):
    got = coded(coder, "The Laotian president arrived on Friday and was received by Xi Jinping in Beijing.")
    assert ("CONSULT", ("LAO",), ("CHN",)) in got


@pytest.mark.parametrize("text", ["Marcos's meetings in Tokyo City with Shigeru Ishiba went well.",
                                  "During talks in Tokyo City with Shigeru Ishiba, Marcos signed a deal."])
def test_a_with_phrase_the_parse_hangs_on_the_meeting_place_names_the_partner(coder, text):
    assert ("CONSULT", ("PHL",), ("JPN",)) in coded(coder, text)


@pytest.mark.parametrize("text, event", [
    ("Seoul's outreach to Pyongyang has stalled since January.", ("CONSULT", ("KOR",), ("PRK",))),
    ("Manila's concessions to Beijing angered local fishermen.", ("CONCEDE", ("PHL",), ("CHN",))),
])
def test_outreach_and_concessions_named_by_noun_are_events(coder, text, event):
    assert event in coded(coder, text)


def test_a_guests_host_at_a_parade_is_the_one_the_guest_stands_beside(coder):
    text = ("A week after a trip to Seoul, the Lao president flew to Pyongyang to stand beside Kim Jong Un "
            "at a military parade.")
    got = coded(coder, text)
    assert ("MOBILIZE", ("PRK",), ()) in got and ("MOBILIZE", ("KOR",), ()) not in got


def test_tariffs_are_aimed_at_the_party_that_faces_them(coder):
    assert coded(coder, "Brazil faces heavy US tariffs this year.") == [("SANCTION", ("USA",), ("BRA",))]
    assert ("SANCTION", ("USA",), ("CHN",)) in coded(coder, "China hit back at the new US tariffs.")


def test_tariffs_named_with_no_one_they_are_aimed_at_are_no_event(coder):
    # a sanction needs its target: the speaker in the sentence is not it
    assert not any(kind == "SANCTION" for kind, _, _ in
                   coded(coder, "Many households are grappling with US tariffs, Xi Jinping said in Hanoi."))


def test_the_hosts_of_a_tour_are_the_places_it_takes_in(coder):
    got = coded(coder, "Xi Jinping is in Vietnam as part of a tour that will include Malaysia and Cambodia.")
    assert ("CONSULT", ("CHN",), ("KHM", "MYS")) in got and ("CONSULT", ("CHN",), ("VNM",)) in got


def test_the_stops_of_a_tour_of_a_region_are_its_hosts(coder):
    got = coded(coder, "Chile's president set off on a tour of South America, which includes stops in Peru, Bolivia and Brazil.")
    assert got == [("CONSULT", ("CHL",), ("BOL", "BRA", "PER"))]


@pytest.mark.parametrize("text", ["Laos imports most of its fuel from Thailand.", "Japan buys 40% of its rice from Vietnam."])
def test_a_share_of_trade_is_a_statistic_not_an_act(coder, text):
    assert coded(coder, text) == []


def test_a_purchase_of_a_number_of_things_is_still_an_act(coder):
    assert ("COOPERATE", ("VNM",), ("RUS",)) in coded(coder, "Vietnam bought six jets from Russia in May.")


@pytest.mark.parametrize("text, event", [
    ("The Thai foreign minister said cooperation with Cambodia remains a top priority for Bangkok.",
     ("AGREE", ("THA",), ("KHM",))),
    ("Japan stressed that it pursues a policy of friendship with Indonesia.", ("AGREE", ("JPN",), ("IDN",))),
    ("Thailand considers Laos a priority in its foreign policy.", ("AGREE", ("THA",), ("LAO",))),
    ("Indonesia said it regards ties with Australia as a pillar of regional stability.", ("AGREE", ("IDN",), ("AUS",))),
])
def test_a_stated_priority_or_policy_of_friendship_is_the_speakers_commitment(coder, text, event):
    assert event in coded(coder, text)


def test_a_priority_stated_by_no_one_is_no_commitment(coder):
    assert coded(coder, "Trade remains the foundation of relations between Laos and Thailand.") == []


def test_what_a_visit_is_said_to_show_describes_it(coder):
    got = coded(coder, "The visit by the Japanese premier underscores the importance of ties with India.")
    assert got == [("CONSULT", ("JPN",), ("IND",))]


def test_a_headline_act_with_no_target_is_the_bodys_act_by_that_doer(coder):
    text = ("Kishida stresses commitment to peace\n"
            "Japanese Prime Minister Fumio Kishida stressed Japan's commitment to closer ties with Vietnam on Monday.")
    assert coded(coder, text) == [("AGREE", ("JPN",), ("VNM",))]


def test_signed_agreements_named_as_a_basis_are_no_signing(coder):
    text = "The Thai minister said cooperation with Laos has grown on the basis of signed agreements."
    assert not any(kind == "SUPPORT" for kind, _, _ in coded(coder, text))


def test_a_guest_at_a_ceremony_with_no_host_named_visits_the_host_of_the_occasion(coder):
    got = coded(coder, "Chile's president arrived in Lima on Monday for the anniversary celebrations. "
                       "Peru thanked Chile for its support. Bolivia's foreign minister will attend the ceremony.")
    assert ("CONSULT", ("BOL",), ("PER",)) in got and ("CONSULT", ("BOL",), ("CHL",)) not in got


def test_a_guest_attending_a_parade_leaves_the_parade_to_its_host(coder):
    got = coded(coder, "Chile's president arrived in Lima on Thursday and will attend a military parade marking the "
                       "anniversary of Peru's independence.")
    assert got == [("CONSULT", ("CHL",), ("PER",)), ("MOBILIZE", ("PER",), ())]
