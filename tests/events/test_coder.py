"""The coder on sentences whose right events are plain, and on the seeds and the sample corpus."""

from __future__ import annotations

import pytest
from conftest import shared_path

from tightrope.events.coder import EventCoder, event_to_json


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def coded(coder, text, date="2025-11-03"):
    out = []
    for e in coder.code("t", text, date):
        d = event_to_json(e, text)
        out.append((d["type"], d["mode"], tuple(sorted({a["key"] for a in d["source"]})),
                    tuple(sorted({a["key"] for a in d["target"]})), d["certainty"], d["date"]))
    return out


def test_a_visit_from_visitor_to_host_with_its_date(coder):
    got = coded(coder, "U.S. Defense Secretary Pete Hegseth arrived in Hanoi on Sunday for talks.")
    assert ("CONSULT", "visit", ("USA",), ("VNM",), "asserted", "2025-11-02") in got


def test_talks_are_reciprocal_and_signing_is_support(coder):
    text = ("Hegseth held talks with Vietnamese Defense Minister Phan Van Giang in Hanoi, and the two sides "
            "signed a memorandum on war legacy cooperation.")
    events = [event_to_json(e) for e in coder.code("t", text, "2025-11-03")]
    talks = [e for e in events if e["type"] == "CONSULT" and e["mode"] is None]
    assert talks and talks[0]["reciprocal"]
    assert {a["key"] for a in talks[0]["source"] + talks[0]["target"]} == {"USA", "VNM"}
    signing = [e for e in events if e["type"] == "SUPPORT"]
    assert signing and signing[0]["reciprocal"] and signing[0]["cameo"] == "057"


def test_certainty_values(coder):
    assert coded(coder, "Xi Jinping will visit Vietnam next month.")[0][4] == "planned"
    assert coded(coder, "Vietnam did not sign the agreement with Russia.")[0][4] == "negated"
    assert coded(coder, "Vietnam reportedly signed a deal with Russia to buy fighter jets.")[0][4] == "speculative"
    assert coded(coder, "China urged Vietnam to halt the work, according to Xinhua.")[0][4] == "attributed"


def test_conflict_types(coder):
    got = {t for t, *_ in coded(coder, "Chinese coast guard vessels rammed a Vietnamese fishing boat near the Paracels.")}
    assert "ASSAULT" in got
    got = {t for t, *_ in coded(coder, "The United States imposed tariffs of 46% on Vietnamese goods.")}
    assert "SANCTION" in got


def test_not_events(coder):
    assert coded(coder, "Vietnam walks a tightrope between the great powers.") == []
    assert coded(coder, "China is Vietnam's largest trading partner.") == []


def test_every_event_carries_offsets_into_the_text(coder):
    text = shared_path("seeds", "000_37ebb82700158fac.txt").read_text(encoding="utf-8")
    events = coder.code("seed-000", text, "2025-04")
    assert events
    for e in events:
        start, end = e.evidence
        assert 0 <= start < end <= len(text) and text[start:end].strip()
