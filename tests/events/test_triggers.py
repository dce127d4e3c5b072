"""Trigger families of the lexicon (data/triggers.yaml), one sentence or more each: the type,
mode, source and target the coder gives, and the near misses each family must leave alone."""

from __future__ import annotations

import pytest

from tightrope.events.coder import EventCoder, event_to_json
from tightrope.events.lexicon import load_lexicon


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def coded(coder, text):
    """(type, mode, sources, targets) of each event, actors as sorted key tuples."""
    out = []
    for e in coder.code("t", text, "2024-05-01"):
        d = event_to_json(e, text)
        out.append((d["type"], d["mode"], tuple(sorted({a["key"] for a in d["source"]})),
                    tuple(sorted({a["key"] for a in d["target"]}))))
    return out


FAMILIES = [
    # CONSULT: travelling for talks; games attended abroad
    ("Vietnamese and Chinese negotiators returned to Beijing for talks on the maritime border.",
     ("CONSULT", None, ("CHN", "VNM"), ())),
    ("The Indian prime minister attended the Olympics in Paris.", ("CONSULT", "visit", ("IND",), ("FRA",))),
    # AGREE: a formula accepted; pushing for cooperation is willingness, not a demand
    ("Malaysia accepted a formula for ending its dispute with Indonesia.", ("AGREE", None, ("MYS",), ("IDN",))),
    ("Vietnam pushed for stronger trade cooperation with Laos.", ("AGREE", None, ("VNM",), ("LAO",))),
    # CONCEDE: permission; dissent called off
    ("Thailand allowed Cambodia to reopen the border crossing.", ("CONCEDE", None, ("THA",), ("KHM",))),
    ("The Laotian government granted permission to Vietnam to build a road.", ("CONCEDE", None, ("LAO",), ("VNM",))),
    ("The Kenyan teachers' union called off its strike after talks with the government.",
     ("CONCEDE", None, ("KEN",), ())),
    # AID: help, evacuation of the wounded
    ("The United States is helping Vietnam search for its missing soldiers.", ("AID", None, ("USA",), ("VNM",))),
    ("Japan will help Indonesia rebuild its ports.", ("AID", None, ("JPN",), ("IDN",))),
    ("Chinese helicopters evacuated the wounded from the flooded Laotian province.", ("AID", None, ("CHN",), ("LAO",))),
    # RETREAT: posts given up, forces out of a state, captives of any standing freed, compensation paid
    ("Israel evacuated its settlements in the Gaza Strip.", ("RETREAT", "withdraw", ("ISR",), ("PSE",))),
    ("US troops withdrew from Afghanistan.", ("RETREAT", "withdraw", ("USA",), ("AFG",))),
    ("China released the Vietnamese officials it had detained.", ("RETREAT", "release", ("CHN",), ("VNM",))),
    ("Afghan rebels returned the weapons to Pakistan.", ("RETREAT", "disarm", ("AFG",), ("PAK",))),
    ("The Indonesian government paid compensation to Dutch families for the seized plantations.",
     ("RETREAT", "return", ("IDN",), ("NLD",))),
    # REQUEST: refuge sought, demands insisted on, pushing for a change
    ("Hundreds of Afghan refugees sought refuge in Pakistan.", ("REQUEST", "assist", ("AFG",), ("PAK",))),
    ("Cambodia insisted on its demands that Thailand withdraw troops.", ("REQUEST", None, ("KHM",), ("THA",))),
    ("Vietnam pushed for a binding code of conduct from China.", ("REQUEST", None, ("VNM",), ("CHN",))),
    # ACCUSE: investigations named by noun, examinations, interrogations, evidence laid
    ("The Philippine senate opened a hearing into the Chinese incursions.",
     ("ACCUSE", "investigate", ("PHL",), ("CHN",))),
    ("A Vietnamese diplomat was put under investigation by Thai police.", ("ACCUSE", "investigate", ("THA",), ("VNM",))),
    ("The committee completed its investigation into the Cambodian allegations.",
     ("ACCUSE", "investigate", (), ("KHM",))),
    ("IAEA inspectors examined the nuclear sites in Iran.", ("ACCUSE", "investigate", ("IGO:IAEA",), ("IRN",))),
    ("Thai police questioned the Cambodian suspects for six hours.", ("ACCUSE", "investigate", ("THA",), ("KHM",))),
    ("Iran presented evidence against Israel at the United Nations.", ("ACCUSE", "allege", ("IRN",), ("ISR",))),
    # SANCTION: travel advised against; inspectors pulled out
    ("Australia advised against travel to Myanmar.", ("SANCTION", "discontinue", ("AUS",), ("MMR",))),
    ("The UN withdrew its inspectors from Iraq.", ("SANCTION", "withdraw", ("IGO:UN",), ("IRQ",))),
    # PROTEST: work stopped, stones thrown, transport blocked, signatures collected
    ("Ten thousand Cambodian workers stopped work to protest the Thai border closure.",
     ("PROTEST", "strike", ("KHM",), ())),
    ("Cambodian protesters threw stones at the Thai embassy.", ("PROTEST", "riot", ("KHM",), ("THA",))),
    ("Burmese demonstrators blocked transport into the Thai border town.", ("PROTEST", "obstruct", ("MMR",), ("THA",))),
    ("Ukrainian opposition activists collected signatures against the Russian lease.",
     ("PROTEST", "demo", ("UKR",), ("RUS",))),
    # MOBILIZE: cyber forces trained
    ("North Korea trained thousands of hackers to target South Korea.", ("MOBILIZE", None, ("PRK",), ())),
    # COERCE: warrants, protests stopped, blackouts, sieges
    ("A Thai court issued arrest warrants for two Cambodian officials.", ("COERCE", "arrest", ("THA",), ("KHM",))),
    ("Egyptian police prevented a demonstration outside the Israeli embassy.",
     ("COERCE", "restrict", ("EGY",), ("ISR",))),
    ("The Pakistani government imposed a news blackout on the Afghan border region.",
     ("COERCE", "censor", ("PAK",), ("AFG",))),
    ("Russian forces laid siege to the Ukrainian city of Mariupol.", ("COERCE", "restrict", ("RUS",), ("UKR",))),
    # ASSAULT: firefights, bombs, torture, heavy fire, ambushes, crowds broken up, people driven out
    ("Cambodian soldiers engaged Thai troops in a firefight near the temple.", ("ASSAULT", None, ("KHM",), ("THA",))),
    ("Rebels planted a bomb outside the Indian embassy in Kabul.", ("ASSAULT", "explosives", ("AFG",), ("IND",))),
    ("Cambodia torture of Thai prisoners drew criticism.", ("ASSAULT", "torture", ("KHM",), ("THA",))),
    ("Serbian artillery launched heavy fire on Bosnian positions.", ("ASSAULT", "heavy-weapons", ("SRB",), ("BIH",))),
    ("Taliban fighters ambushed a Pakistani army convoy.", ("ASSAULT", None, ("AFG",), ("PAK",))),
    ("Indian police broke up a rally of Tibetan exiles outside the Chinese embassy.",
     ("ASSAULT", "crowd-control", ("IND",), ("CHN",))),
    ("Burmese soldiers forced out thousands of Bangladeshi villagers from the border district.",
     ("ASSAULT", "cleansing", ("MMR",), ("BGD",))),
    ("Iran hanged two Iraqi dissidents.", ("ASSAULT", "execute", ("IRN",), ("IRQ",))),
    ("Israeli soldiers stormed the Palestinian village.", ("ASSAULT", None, ("ISR",), ("PSE",))),
    ("The Sri Lankan army used Indian fishermen as human shields.", ("ASSAULT", None, ("LKA",), ("IND",))),
    ("Indian police teargassed Nepali protesters.", ("ASSAULT", "crowd-control", ("IND",), ("NPL",))),
    ("Chinese hackers targeted Taiwanese government websites.", ("COERCE", "cyber", ("CHN",), ("TWN",))),
    # REQUEST: proposing that another party act
    ("Thailand proposed that Cambodia reopen the border crossing.", ("REQUEST", None, ("THA",), ("KHM",))),
    # AID: a package or loan for something, named by noun, from the one thanked or welcomed for it
    ("Laos thanked China for a new loan for the railway.", ("AID", None, ("CHN",), ("LAO",))),
    ("Cambodia welcomed the Japanese announcement of a relief package for flood victims.", ("AID", None, ("JPN",), ("KHM",))),
    # SUPPORT: congratulations exchanged
    ("The leaders of Laos and Cambodia exchanged congratulatory messages on the anniversary.",
     ("SUPPORT", None, ("LAO",), ("KHM",))),
    # AGREE: the importance of ties with another party stressed
    ("The Indian prime minister stressed the importance of cooperation with Japan.", ("AGREE", None, ("IND",), ("JPN",))),
    # AGREE: proposals put to another party; shared views reached; commitments outlined
    ("Putin made proposals to Turkey on grain exports.", ("AGREE", None, ("RUS",), ("TUR",))),
    ("Laos and Thailand reached common perceptions on the dam project.", ("AGREE", None, ("LAO",), ("THA",))),
    ("The Japanese premier outlined his country's commitment to closer ties with India.",
     ("AGREE", None, ("JPN",), ("IND",))),
]


@pytest.mark.parametrize("text,want", FAMILIES, ids=[w[0] + ":" + t[:40] for t, w in FAMILIES])
def test_a_family_codes_its_type_mode_and_parties(coder, text, want):
    assert want in coded(coder, text)


def test_a_passive_release_is_coded_from_its_agent(coder):
    got = coded(coder, "The civilians jailed for criticising Moscow were released by Russia.")
    assert ("RETREAT", "release", ("RUS",), ()) in got


def test_near_misses_keep_their_own_types(coder):
    # calling off talks is a suspension of them, not a concession
    assert ("SANCTION", "withdraw", ("RUS",), ("JPN",)) in coded(coder, "Russia called off the talks with Japan.")
    # ending air strikes is a halt to force, not dissent scaled back
    assert [t for t, *_ in coded(coder, "Israel ended its air strikes on Gaza.")] == ["RETREAT"]
    # leaving a named organisation is a SANCTION withdrawal, not a retreat of forces
    assert [t for t, *_ in coded(coder, "Britain withdrew from the EU.")] == ["SANCTION"]


def test_some_acts_are_named_by_their_doer(coder):
    # armed forces leaving a place withdraw; a minister leaving it does not
    assert ("RETREAT", "withdraw", ("ETH",), ()) in coded(coder, "The Ethiopian soldiers left the town on Friday.")
    assert coded(coder, "The Ethiopian minister left the town on Friday.") == []
    # working people who strike are on strike; militants who strike attack, workers who strike a deal sign it
    assert ("PROTEST", "strike", ("NGA",), ()) in coded(coder, "Nigerian nurses struck over unpaid wages.")
    assert [t for t, *_ in coded(coder, "Turkish workers struck a deal with the government.")] == ["SUPPORT"]


def test_a_subject_condition_is_read_from_the_lexicon(tmp_path):
    path = tmp_path / "triggers.yaml"
    path.write_text("triggers:\n  - {verb: march, subject: [Soldier, troops], type: MOBILIZE}\n", encoding="utf-8")
    (trig,) = load_lexicon(path).verbs["march"]
    assert trig.subjects == {"soldier", "troops"}
    assert trig.specificity == 2


def test_families_need_a_state_party(coder):
    assert coded(coder, "The new law allows companies to hire foreign workers.") == []
    assert coded(coder, "The Thai candidate withdrew from the race.") == []


def test_suggesting_that_something_is_so_is_no_request(coder):
    got = coded(coder, "Trump suggested that China's efforts to court Vietnam were aimed at the United States.")
    assert not any(kind == "REQUEST" for kind, _, _, _ in got)


def test_stressing_the_importance_of_something_with_no_partner_is_no_commitment(coder):
    assert coded(coder, "The Indian prime minister stressed the importance of stability.") == []
