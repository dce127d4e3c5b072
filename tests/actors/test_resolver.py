"""Resolving mentions in text, on the article's date."""

from __future__ import annotations

import pytest

from tightrope.actors.resolver import Resolver
from tightrope.nlp import get_nlp


@pytest.fixture(scope="module")
def resolver():
    return Resolver()


def resolved(resolver, text, on):
    return [(m.text, m.actor.key if m.actor else None, m.actor.sector if m.actor else None) for m in resolver.resolve(text, on=on)]


def test_titles_names_adjectives_capitals(resolver):
    text = ("U.S. Defense Secretary Pete Hegseth held talks with Vietnamese Defense Minister Phan Van Giang "
            "in Hanoi on Sunday, KCNA and Xinhua did not report.")
    assert resolved(resolver, text, "2025-11-02") == [
        ("U.S. Defense Secretary Pete Hegseth", "USA", "MIL"),
        ("Vietnamese Defense Minister Phan Van Giang", "VNM", "MIL"),
        ("Hanoi", "VNM", "GOV"),
        ("KCNA", "PRK", "MED"),
        ("Xinhua", "CHN", "MED"),
    ]


def test_possessives_sector_nouns_and_unnamed_officials(resolver):
    text = ("Vietnam’s defence ministry said Chinese coast guard vessels rammed a fishing boat, while a senior "
            "North Korean official met Moscow's ambassador and the People's Army of Vietnam.")
    got = resolved(resolver, text, "2024-10-01")
    assert ("Vietnam’s defence ministry", "VNM", "MIL") in got
    assert ("Chinese coast guard vessels", "CHN", "COP") in got
    assert ("North Korean official", "PRK", "GOV") in got
    assert ("Moscow's ambassador", "RUS", "GOV") in got
    assert ("People's Army of Vietnam", "VNM", "MIL") in got


def test_the_date_decides_who_holds_an_office(resolver):
    def who(text, on):
        (m,) = [m for m in resolver.resolve(text, on=on) if m.actor]
        return m.actor.name, m.actor.sector, m.role

    assert who("The president of Vietnam spoke.", "2024-06-20") == ("To Lam", "GOV", "head_of_state")
    assert who("The president of Vietnam spoke.", "2025-10-10") == ("Luong Cuong", "GOV", "head_of_state")
    assert who("To Lam spoke.", "2023-05-01") == ("To Lam", "COP", "interior_minister")
    assert who("To Lam spoke.", "2025-10-10") == ("To Lam", "PTY", "party_leader")
    assert who("President To Lam spoke.", "2024-09-01") == ("To Lam", "GOV", "head_of_state")  # the title picks the office
    assert who("Nguyen Phu Trong spoke.", "2025-01-01") == ("Nguyen Phu Trong", "PTY", "former party_leader")


def test_short_references_after_a_full_mention(resolver):
    text = "General Secretary To Lam arrived in Pyongyang. Lam met leaders there. The general secretary then left."
    got = resolver.resolve(text, on="2025-10-09")
    people = [(m.text, m.actor.name) for m in got if m.actor and m.actor.name == "To Lam"]
    assert people == [("General Secretary To Lam", "To Lam"), ("Lam", "To Lam"), ("general secretary", "To Lam")]
    # before any full mention "Lam" (too short to stand alone) stays unmatched
    assert not [m for m in resolver.resolve("Lam arrived in Pyongyang.", on="2025-10-09") if m.text == "Lam"]


def test_names_are_not_guessed(resolver):
    doc = get_nlp()("Deputy Minister Nguyen Van Abc met John Smith of the Acme Corporation, KCNA Watch said.")
    got = resolver.resolve(doc, on="2025-01-01")
    unresolved = {m.text for m in got if m.actor is None}
    assert "John Smith" in unresolved
    assert not [m for m in got if m.actor and m.actor.key == "PRK"]  # KCNA Watch is not North Korea's agency
    assert not [m for m in got if m.text == "South China Sea"]


def test_places_that_contain_state_words_are_not_states(resolver):
    got = resolved(resolver, "Tensions in the South China Sea and on the Korean Peninsula rose.", "2025-01-01")
    assert got == []


def test_lowercase_common_words_are_not_states(resolver):
    assert resolved(resolver, "They ate turkey on china plates in Chad.", "2025-01-01") == [("Chad", "TCD", None)]
