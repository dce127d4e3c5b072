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


# -- keys from the sentence's context ---------------------------------------------------------


def keys_of(resolver, text, on="2025-11-02"):
    return {m.text: (m.actor.key if m.actor else None) for m in resolver.resolve(text, on=on)}


def test_people_with_no_state_take_the_place_their_sentence_names(resolver):
    assert keys_of(resolver, "Thousands of students marched through the streets in Hong Kong on Sunday.")["students"] == "HKG"
    got = keys_of(resolver, "Police in Egypt dispersed hundreds of demonstrators with tear gas, Reuters said.")
    assert got["demonstrators"] == "EGY"
    # no state in the sentence: no actor, and no mention either
    assert "students" not in keys_of(resolver, "The students went home after the rally.")


def test_a_states_people_living_elsewhere_are_keyed_where_they_live(resolver):
    got = keys_of(resolver, "Ethnic Serbs in northern Kosovo blocked the roads again.")
    assert got["Serbs"] == "XKX"
    got = keys_of(resolver, "Kazakhstan's ethnic Russians voted in large numbers.")
    assert got["Russians"] == "KAZ"
    # without "ethnic" a demonym is its own state's, wherever it stands
    assert keys_of(resolver, "Russian troops in Kazakhstan left the base.")["Russian troops"] == "RUS"


def test_groups_choose_among_their_home_states(resolver):
    got = keys_of(resolver, "Hutu rebels attacked a camp near Bujumbura, Burundi's army said.")
    assert got["Hutu rebels"] == "BDI"
    assert keys_of(resolver, "Hutu rebels attacked a camp at night.")["Hutu rebels"] == "RWA"  # the first home
    got = keys_of(resolver, "Muslim worshippers in Indonesia gathered for prayers.")
    assert got["Muslim worshippers"] == "IDN"
    # a group adjective alone is no actor: "Karen" is also a given name
    assert "Karen" not in keys_of(resolver, "Karen Smith said the talks would go on.")


def test_generic_institution_names_take_the_state_from_the_text(resolver):
    text = ("Vietnamese Defense Minister Phan Van Giang met his guest. Later the Ministry of National Defense "
            "said the talks went well.")
    assert keys_of(resolver, text)["Ministry of National Defense"] == "VNM"
    assert keys_of(resolver, "The Security Council met on Sunday to discuss Sudan.")["Security Council"] == "IGO:UN"
    got = keys_of(resolver, "Dmitry Medvedev, deputy head of Russia's Security Council, spoke on Sunday.")
    assert [k for t, k in got.items() if t.endswith("Security Council")] == ["RUS"]
    # written in lower case it is no one's in particular
    assert "congress" not in keys_of(resolver, "The party congress opened on Monday.")


def test_a_name_two_entries_share_is_decided_by_the_sentence(resolver):
    assert keys_of(resolver, "Clashes in Tripoli killed five people in the Lebanese port city.")["Tripoli"] == "LBN"
    assert keys_of(resolver, "Rival militias clashed in Tripoli on Friday.").get("Tripoli") == "LBY"


def test_anti_and_pro_are_stances_not_actors(resolver):
    got = keys_of(resolver, "An anti-China protest was held by pro-Russian activists in Bulgaria.")
    assert "China" not in got and "CHN" not in got.values()
    assert "RUS" not in got.values()


# -- references to people and offices -----------------------------------------------------------


def test_references_back_to_an_office_and_to_a_counterpart(resolver):
    text = ('Secretary of Defense Pete Hegseth met his Vietnamese counterpart in Hanoi. "We agreed," the secretary said.')
    got = {m.text: (m.actor.key, m.actor.sector, m.actor.name) for m in resolver.resolve(text, on="2025-11-02")}
    assert got["Vietnamese counterpart"] == ("VNM", "MIL", "Phan Van Giang")
    assert got["secretary"] == ("USA", "MIL", "Pete Hegseth")


def test_an_administration_is_of_the_leader_on_the_date(resolver):
    one = resolver.resolve("The Bush administration imposed tariffs.", on="1991-05-01")
    two = resolver.resolve("The Bush administration imposed tariffs.", on="2005-05-01")
    assert (one[0].actor.key, one[0].actor.sector, one[0].actor.name) == ("USA", "GOV", "George H. W. Bush")
    assert two[0].actor.name == "George W. Bush"


def test_a_leader_named_through_the_office_counts_as_named(resolver):
    text = "Xi met the secretary general of the Vietnam Party on Monday. Lam said the visit was a milestone."
    got = {m.text: (m.actor.key, m.actor.name) for m in resolver.resolve(text, on="2025-04-15") if m.actor}
    assert got["secretary general of the Vietnam Party"] == ("VNM", "To Lam")
    assert got["Lam"] == ("VNM", "To Lam")
    # with no leader of the date to stand for, "Lam" alone stays unknown
    assert "Lam" not in {m.text for m in resolver.resolve("Lam said the visit was a milestone.", on="2025-04-15") if m.actor}


def test_an_unknown_person_described_as_speaking_for_a_known_body(resolver):
    text = "Maj. Park Ji-hoon, spokesperson for South Korea's Joint Chiefs of Staff, said nothing had changed."
    got = {m.text: (m.actor.key, m.actor.sector) for m in resolver.resolve(text, on="2025-10-06") if m.actor}
    assert got["Park Ji-hoon"] == ("KOR", "MIL")
    assert got["South Korea's Joint Chiefs of Staff"] == ("KOR", "MIL")
    text = "The Council of Andean Jurists, a body linked to the OAS, criticised the vote."
    got = {m.text: m.actor.key for m in resolver.resolve(text, on="2025-10-06") if m.actor}
    assert got["Council of Andean Jurists"] == "IGO:OAS"


def test_appositions_through_every_form_of_the_role_and_its_preposition(resolver):
    for text, name in [("Col. Tran Minh Duc, deputy director of the  Vietnamese Defence Ministry, spoke.", "Tran Minh Duc"),
                       ("On Friday she quoted Ana Ruiz, an adviser to\tPhilippine President Ferdinand Marcos.", "Ana Ruiz"),
                       ("On Friday she met Lee Ho, a senior official at the South Korean embassy.", "Lee Ho")]:
        got = {m.text: m.via for m in resolver.resolve(text, on="2025-10-06") if m.actor}
        assert got.get(name, "").startswith("apposition:"), text
    # no role word before the body: no one is made its member
    text = "Tran Minh Duc, who spoke for the Vietnamese Defence Ministry, left."
    assert "Tran Minh Duc" not in {m.text for m in resolver.resolve(text, on="2025-10-06") if m.actor}


def test_a_misspelt_state_name_is_read_every_time_it_comes(resolver):
    text = "Afganistan and Pakistan met. Officials in Afganistan denied it; Pakistani officials did not."
    assert [m.actor.key for m in resolver.resolve(text, on="2025-10-06") if m.text == "Afganistan"] == ["AFG", "AFG"]
    assert [m.actor.key for m in resolver.resolve("Afganistan talks resumed.", on="2025-10-06") if m.actor] == ["AFG"]


def test_the_states_is_the_us_only_as_a_name(resolver):
    assert resolved(resolver, "Officials said the States would send two more cutters.", "2025-11-02") == [
        ("States", "USA", None)]
    assert resolved(resolver, "the states of the region met in Jakarta.", "2025-11-02") == [("Jakarta", "IDN", "GOV")]
    assert all(key != "USA" for _, key, _ in resolved(resolver, "The States Parties to the treaty met.", "2025-11-02"))


def test_odd_casing_of_state_names_in_informal_text(resolver):
    got = resolved(resolver, "Egyptian police dispersed libyan protesters after a post praising iRan.", "2025-11-02")
    assert ("libyan protesters", "LBY", "CVL") in got and ("iRan", "IRN", None) in got
    # lower-case words that are also state names stay words
    assert resolved(resolver, "They served turkey on fine china with polish sausages.", "2025-11-02") == []


def test_its_before_an_office_stands_for_the_state_named_before(resolver):
    text = "Laos is widening its ties. Its foreign ministry said on Monday that Thailand had been consulted."
    got = resolved(resolver, text, "2025-11-02")
    assert ("foreign ministry", "LAO", "GOV") in got


def test_nationality_adjectives_on_group_nouns_give_the_state_and_sector(resolver):
    got = resolved(resolver, "Nepali peacekeepers and an Egyptian rioter were hurt by Israeli tank fire.", "2025-11-02")
    assert ("Nepali peacekeepers", "NPL", "MIL") in got
    assert ("Egyptian rioter", "EGY", "CVL") in got
    assert ("Israeli tank", "ISR", "MIL") in got


def test_people_take_the_place_they_are_in_not_the_state_of_who_hit_them(resolver):
    got = resolved(resolver, "Two men were wounded in Syrian army shelling in the north of Lebanon.", "2025-11-02")
    assert ("men", "LBN", "CVL") in got and ("Syrian army", "SYR", "MIL") in got


def test_fuzzy_choices_by_length_lose_no_match(resolver):
    # the misspelt-name search over the names of about the word's length finds what the whole list finds
    from rapidfuzz import fuzz, process

    from tightrope.actors.resolver import FUZZY_SCORE

    everything = list(resolver._fuzzy_names)

    def best(word, choices):  # (name, score): the position differs between the two lists
        found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        return found[:2] if found else None

    for word in ("Afghanstan", "Phillipines", "Indonesa", "Venezulean", "Kazakstan", "Tomorrow", "Switzerlandish",
                 "Camerons", "Argentinean", "Bangledesh"):
        near = resolver._fuzzy_choices(len(word))
        assert len(near) < len(everything)
        assert best(word, near) == best(word, everything)
    assert best("Afghanstan", resolver._fuzzy_choices(10))[0] == "Afghanistan"
    assert best("Tomorrow", resolver._fuzzy_choices(8)) is None


def test_people_nouns_and_communities_named_with_a_state(resolver):
    got = resolved(resolver, "Croatian youths and a Peruvian detainee were freed; Bosnian Croat leaders objected.", "2025-11-02")
    assert ("Croatian youths", "HRV", "CVL") in got
    assert ("Peruvian detainee", "PER", "CVL") in got
    assert ("Bosnian Croat leaders", "BIH", "GOV") in got
    got = resolved(resolver, "Jewish settlers uprooted olive trees near Nablus, Iraqi Kurds said.", "2025-11-02")
    assert ("Jewish settlers", "ISR", "CVL") in got  # settlers are the occupier's citizens, not the land's
    assert ("Iraqi Kurds", "IRQ", "CVL") in got


def test_groups_based_in_a_state_and_people_from_some_of_its_bodies(resolver):
    got = resolved(resolver, "A militant group based in Mali attacked a convoy.", "2025-11-02")
    assert ("militant group based in Mali", "MLI", "REB") in got
    got = resolved(resolver, "Nurses from three Swiss charities reached the camp.", "2025-11-02")
    assert ("Nurses from three Swiss charities", "CHE", "CVL") in got


def test_words_qualifying_a_place_keep_it_a_place(resolver):
    got = resolved(resolver, "A reporter was shot in a crowded quarter of mostly Sunni western Iraq.", "2025-11-02")
    assert ("reporter", "IRQ", "MED") in got
    got = resolved(resolver, "Rebels in northern Chad met Libyan officials.", "2025-11-02")
    assert ("Rebels in northern Chad", "TCD", "REB") in got
    got = resolved(resolver, "A reporter from war-torn Sudan met Libyan officials.", "2025-11-02")
    assert ("reporter", "SDN", "MED") in got
    got = resolved(resolver, "A pro-Russia activist was held in Tbilisi.", "2025-11-02")
    assert ("activist", "GEO", "CVL") in got  # "Russia" after "pro-" is a stance, not an unknown state word


def test_an_unknown_official_with_a_title_takes_the_one_state_of_a_domestic_text(resolver):
    got = resolved(resolver, "Vice-President Ana Reyes refused to resign as Peru braced for a vote.", "2025-11-02")
    assert ("Vice-President Ana Reyes", "PER", "GOV") in got
    # a visitor or a counterpart: the state named is the host's, not theirs
    for text in ("General Tomas Ruiz met Vietnamese Defence Minister Phan Van Giang.",
                 "President Ana Reyes arrived in Hanoi for talks.",
                 "Governor Ana Reyes thanked the Chilean police.",
                 "Ambassador Ana Reyes said Chile would sign."):
        assert [m for m in resolved(resolver, text, "2025-06-01") if m[0].split()[0] in ("General", "President", "Governor", "Ambassador")][0][1] is None
    # a cleric is no official: the state the sentence names is not theirs
    assert resolved(resolver, "Archbishop Juan Perez urged sanctions against Chile.", "2025-11-02") == [("Chile", "CHL", None)]


def test_a_body_of_a_named_part_of_a_state_is_the_states(resolver):
    got = resolved(resolver, "Izmir's Konak district administration and the Sindh provincial government refused.", "2025-11-02")
    assert ("Izmir's Konak district administration", "TUR", "GOV") in got
    assert ("Sindh provincial government", "PAK", "GOV") in got


def test_people_of_a_body_keep_their_own_sector(resolver):
    got = resolved(resolver, "Opponents of Peru's congress marched; the opposition newspaper of Lima was closed.", "2025-11-02")
    assert ("Opponents of Peru's congress", "PER", "OPP") in got
    got = resolved(resolver, "The government shut the opposition newspaper, Bolivian officials said.", "2025-11-02")
    assert ("opposition newspaper", "BOL", "MED") in got  # of the opposition: of the one state the sentence names


def test_former_names_and_spellings_of_states_and_capitals(resolver):
    got = resolved(resolver, "Zairean troops left Ceylon; Peking and Katmandu protested.", "1990-01-01")
    assert [(t, k) for t, k, _ in got] == [("Zairean troops", "COD"), ("Ceylon", "LKA"), ("Peking", "CHN"), ("Katmandu", "NPL")]


def test_forerunners_and_missions_of_organisations_and_armed_groups_of_one_state(resolver):
    got = resolved(resolver, "The OAU, the CSCE and UNPROFOR condemned Boko Haram and the Janjaweed.", "1994-05-01")
    assert [(t, k, s) for t, k, s in got] == [("OAU", "IGO:AU", None), ("CSCE", "IGO:OSCE", None), ("UNPROFOR", "IGO:UN", None),
                                             ("Boko Haram", "NGA", "REB"), ("Janjaweed", "SDN", "REB")]


def test_the_regional_description_of_a_state_is_the_one_named_before(resolver):
    got = resolved(resolver, "Rubio landed in Peru and Chile. He praised the South American nation's vote.", "2025-11-02")
    assert ("South American nation", "CHL", None) in got  # of the region's states, the one named last
    got = resolved(resolver, "Rubio landed in Japan. He praised the South American nation.", "2025-11-02")
    assert ("South American nation", None, None) in got  # none of the region named: unresolved
    assert [m for m in resolved(resolver, "No Baltic state objected.", "2025-11-02")] == []


def test_a_description_needs_the_states_it_may_stand_for(tmp_path):
    from tightrope.actors.dictionary import ActorDictionary
    from tightrope.errors import DictionaryError

    bad = tmp_path / "bad.yaml"
    bad.write_text("sector_nouns:\n  - {sector: GOV, refers: true, words: [Andean country]}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="refers"):
        ActorDictionary().add_file(bad)


def test_supporters_of_a_person_are_of_the_persons_state(resolver):
    got = {m.text: m for m in resolver.resolve("Supporters of Vladimir Putin clashed with Ukrainian police.", on="2025-11-02")}
    mention = got["Supporters of Vladimir Putin"]
    assert (mention.actor.key, mention.actor.sector, mention.entry) == ("RUS", "CVL", None)  # not Putin himself
    got = resolved(resolver, "Critics of Putin's government and Minister Giang spoke.", "2025-11-02")
    assert ("Critics of Putin's government", "RUS", "OPP") in got
    assert ("Minister Giang", "VNM", "MIL") in got  # a title before a name is no "of"


def test_a_misspelt_peoples_name_is_read_like_a_misspelt_states(resolver):
    got = resolved(resolver, "Uyghurr refugees and Pashtunn elders met Ghanian officials.", "2025-11-02")
    assert ("Uyghurr refugees", "CHN", "CVL") in got and ("Pashtunn elders", "AFG", "CVL") in got
    assert ("Ghanian officials", "GHA", "GOV") in got
    assert resolved(resolver, "Barbers and Catalina Ruiz met.", "2025-11-02") == []  # English words and given names stay
