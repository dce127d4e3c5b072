"""Which way CAMEO points a coded event (tightrope.events.dyads), as the GDELT export and the
CAMEO-triple scoring read it."""

from __future__ import annotations

from event_cases import coder  # noqa: F401  (the shared coder fixture)

from tightrope.events.dyads import cameo_pairs, cameo_triples
from tightrope.events.export import to_gdelt_rows


def pairs(coder, text, type_="CONSULT"):
    events = [e for e in coder.code("t", text, "2025-06-02") if e.type == type_]
    assert len(events) == 1, events
    e = events[0]
    return sorted((s.key, t.key) for s, t in cameo_pairs(e, text[e.evidence[0]:e.evidence[1]]))


def test_a_meeting_with_a_partner_is_the_subjects_act(coder):
    assert pairs(coder, "Brazil's foreign minister met with Japan's prime minister in Tokyo on Monday.") == [("BRA", "JPN")]


def test_parties_named_together_meet_each_other(coder):
    assert pairs(coder, "Norway, Sweden and Finland met in Oslo on Monday.") == [
        ("FIN", "NOR"), ("FIN", "SWE"), ("NOR", "FIN"), ("NOR", "SWE"), ("SWE", "FIN"), ("SWE", "NOR")]


def test_talks_held_with_a_partner_go_both_ways(coder):
    assert pairs(coder, "Canada's foreign minister held talks with Mexico's president on Friday.") == [
        ("CAN", "MEX"), ("MEX", "CAN")]


def test_the_gdelt_export_points_events_as_the_triples_do():
    row = {"id": 1, "doc_id": "d", "date": "2025-06-02", "type": "CONSULT", "cameo": "040", "quad": 1, "goldstein": 1.0,
           "reciprocal": True, "certainty": "asserted", "evidence": [0, 34], "trigger": "met",
           "evidence_text": "Chile's president met Peru's envoy.",
           "source": [{"key": "CHL", "sector": "GOV", "text": "Chile's president"}],
           "target": [{"key": "PER", "sector": "GOV", "text": "Peru's envoy"}]}
    assert [(r[2], r[4]) for r in to_gdelt_rows([row])] == [("CHLGOV", "PERGOV")]
    talks = dict(row, trigger="talks", evidence_text="Chile's president held talks with Peru's envoy.")
    assert [(r[2], r[4]) for r in to_gdelt_rows([talks])] == [("CHLGOV", "PERGOV"), ("PERGOV", "CHLGOV")]
    assert list(to_gdelt_rows([dict(row, cameo=None)])) == []


def test_an_agreement_goes_both_ways_only_between_parties_named_together(coder):
    assert pairs(coder, "Chile and Peru signed a trade agreement on Monday.", "SUPPORT") == [("CHL", "PER"), ("PER", "CHL")]
    assert pairs(coder, "Chile signed a trade agreement with Peru on Monday.", "SUPPORT") == [("CHL", "PER")]


def test_a_visit_told_by_its_host_is_also_the_hosts_043(coder):
    text = "The Laotian president received a delegation from Cambodia on Monday."
    (e,) = coder.code("t", text, "2025-06-02")
    assert sorted((s.key, t.key, code) for s, t, code in cameo_triples(e, text)) == [
        ("KHM", "LAO", "042"), ("LAO", "KHM", "043")]
    text = "A delegation from Cambodia visited Laos on Monday."
    (e,) = coder.code("t", text, "2025-06-02")
    assert [(s.key, t.key, code) for s, t, code in cameo_triples(e, text)] == [("KHM", "LAO", "042")]


def test_the_gdelt_export_writes_the_hosts_043():
    row = {"id": 1, "doc_id": "d", "date": "2025-06-02", "type": "CONSULT", "mode": "visit", "cameo": "042", "quad": 1,
           "goldstein": 1.9, "reciprocal": False, "certainty": "asserted", "evidence": [0, 40], "trigger": "hosted",
           "evidence_text": "Peru's president hosted Chile's envoy.",
           "source": [{"key": "CHL", "sector": "GOV", "text": "Chile's envoy"}],
           "target": [{"key": "PER", "sector": "GOV", "text": "Peru's president"}]}
    assert [(r[2], r[4], r[6]) for r in to_gdelt_rows([row])] == [("CHLGOV", "PERGOV", "042"), ("PERGOV", "CHLGOV", "043")]
