"""CAMEO codes for acts intended, refused and not done, beside the PLOVER fields they leave alone."""

from __future__ import annotations

import pytest

from tightrope.errors import DictionaryError
from tightrope.eval.events import cameo_dyads
from tightrope.events.cameo import default_twins, load_twins, twins_of
from tightrope.events.coder import EventCoder
from tightrope.events.lexicon import default_lexicon


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def only(coder, text, type_):
    events = [e for e in coder.code("t", text, "2025-11-03") if e.type == type_]
    assert len(events) == 1, events
    return events[0]


def test_every_twin_is_a_cameo_code_of_its_statement_family():
    cameo = default_lexicon().cameo
    for act, twins in default_twins().items():
        assert act in cameo
        if twins.intent:
            assert twins.intent in cameo and twins.intent[:2] in ("03", "13"), act
        if twins.refusal:
            assert twins.refusal in cameo and twins.refusal[:2] == "12", act


def test_a_code_takes_the_row_of_its_longest_listed_prefix():
    assert twins_of("0841").intent == "0353"  # release persons: intent to release
    assert twins_of("193").intent == "138"  # small-arms fighting: threaten military force
    assert twins_of("111").intent is None and twins_of("111").refusal is None  # a criticism has neither


def test_a_twin_table_with_a_bad_code_is_refused(tmp_path):
    bad = tmp_path / "twins.tsv"
    bad.write_text("act\tintent\trefusal\tnote\n07\t03x\t122\t\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="digits"):
        load_twins(bad)


def test_an_announced_own_act_is_an_intent_and_a_writers_future_the_act(coder):
    promised = only(coder, "Japan announced it would release the detained Chinese fishermen.", "AGREE")
    assert promised.cameo == "0353" and promised.quad == 1  # a promise (PLOVER's AGREE), made when said
    scheduled = only(coder, "Japan will release the detained Chinese fishermen next week.", "RETREAT")
    assert scheduled.cameo == "0841" and scheduled.quad == 2
    assert promised.certainty == "asserted" and scheduled.certainty == "planned"


def test_a_wanted_attack_is_a_threat(coder):
    event = only(coder, "Turkey wants to attack Syria.", "ASSAULT")
    assert event.cameo[:2] == "13" and event.goldstein < 0 and event.quad == 3


def test_aid_that_will_not_be_sent_is_a_rejection(coder):
    event = only(coder, "Australia said it would not send aid to Fiji.", "AID")
    assert event.certainty == "negated" and event.cameo[:2] == "12" and event.quad == 3


def test_an_attack_that_did_not_happen_has_no_cameo_event(coder):
    event = only(coder, "Ecuador did not attack Peru.", "ASSAULT")
    assert event.cameo is None and event.goldstein is None
    assert cameo_dyads(event) == []


def test_a_doer_claiming_or_denying_its_own_attack_is_a_statement_of_responsibility(coder):
    claimed = only(coder, "Hamas claimed it fired rockets at Israel.", "ASSAULT")
    assert claimed.cameo == "015" and claimed.quad == 1
    denied = only(coder, "Russia denied that its troops had shelled Ukrainian villages.", "ASSAULT")
    assert denied.cameo == "016"
    reported = only(coder, "Israel said Hamas fired rockets at Israel.", "ASSAULT")
    assert reported.cameo is None  # another party's act, on the speaker's word: CAMEO codes the accusation
    assert only(coder, "Israel said Hamas fired rockets at Israel.", "ACCUSE").cameo == "112"


@pytest.mark.parametrize("text, speaker, doer", [
    ("Colombia said Venezuela had detained two Colombian soldiers.", "COL", "VEN"),
    ("The Philippines claimed that China had rammed a Filipino supply boat.", "PHL", "CHN"),
])
def test_a_political_actor_reporting_anothers_act_of_force_accuses_it(coder, text, speaker, doer):
    events = coder.code("t", text, "2025-11-03")
    act, accusation = events  # the reported act stays first: it is PLOVER's event of the sentence
    assert act.type in ("ASSAULT", "COERCE") and [a.key for a in act.source] == [doer]
    assert (accusation.type, accusation.mode, accusation.cameo) == ("ACCUSE", "allege", "112")
    assert [a.key for a in accusation.source] == [speaker] and [a.key for a in accusation.target] == [doer]
    # CAMEO codes the accusation, not the act it reports
    assert act.cameo is None and cameo_dyads(act) == [] and cameo_dyads(accusation) == [(speaker, doer, "11")]


@pytest.mark.parametrize("text", [
    "The Pentagon said US forces had detained two Iraqi officials.",  # the doer's own word
    "Syrian state television said Turkish troops shelled a Syrian village.",  # media report
    "Four Afghan civilians were killed in Pakistani shelling, medics said.",  # witnesses
])
def test_the_doers_own_word_or_a_witness_report_accuses_no_one(coder, text):
    events = coder.code("t", text, "2025-11-03")
    assert events and not any(e.type == "ACCUSE" for e in events)
    assert all(e.cameo for e in events)
