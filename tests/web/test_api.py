"""The REST API of ``tightrope serve`` over the sample corpus, through real HTTP."""

from __future__ import annotations

import json
from urllib.parse import quote

import httpx
import pytest

from .web_support import run_tightrope


@pytest.fixture(scope="module")
def api(server):
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def test_openapi_schema_lists_every_endpoint(api):
    schema = api.get("/api/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/stories", "/api/stories/{story_id}",
                 "/api/briefings/{story_id}", "/api/relations", "/api/hedging", "/api/network",
                 "/api/actors/resolve", "/api/actors/{name}"):
        assert path in schema["paths"], path
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "with", "type", "since", "until", "certainty", "doc", "limit", "offset"} <= params


def test_documents_are_paginated_with_total_and_next(api):
    first = api.get("/api/documents", params={"limit": 10}).json()
    assert first["total"] == 39  # the 37 sample articles and the two of hostile_article.jsonl
    assert len(first["items"]) == 10 and "text" not in first["items"][0]
    seen = [d["id"] for d in first["items"]]
    nxt = first["next"]
    while nxt:
        page = api.get(nxt).json()
        seen += [d["id"] for d in page["items"]]
        nxt = page["next"]
    assert len(seen) == len(set(seen)) == 39


def test_document_carries_text_integrity_events_and_story(api):
    doc = api.get("/api/documents/hegseth-hanoi-2025-pws").json()
    assert doc["outlet"] == "Pacific Wire Service"
    assert doc["events"] and all(e["doc_id"] == "hegseth-hanoi-2025-pws" for e in doc["events"])
    for e in doc["events"]:
        assert doc["text"][e["evidence"][0]:e["evidence"][1]] == e["evidence_text"]
    assert isinstance(doc["story"], int)
    assert doc["integrity"] is not None and "spun" in doc["integrity"]


def test_a_document_id_with_url_characters_is_reachable(api):
    doc = api.get("/api/documents/" + quote("odd id/with?chars#1", safe="/")).json()
    assert doc["id"] == "odd id/with?chars#1" and doc["title"].startswith("An article whose id")


def test_spun_document_shows_its_repairs(api):
    listed = api.get("/api/documents", params={"limit": 100}).json()["items"]
    found = [api.get("/api/documents/" + quote(d["id"], safe="/")).json() for d in listed]
    repaired = [d for d in found if d["integrity"] and d["integrity"]["spun"]]
    assert repaired, "the sample corpus holds spun copies"
    edit = repaired[0]["integrity"]["edits"][0]
    assert repaired[0]["text"][edit["start"]:edit["end"]] == edit["spun"] != edit["restored"]


def test_events_filters_match_the_cli(api, sample_db):
    got = api.get("/api/events", params={"actor": "VNM", "with": "CHN", "limit": 1000}).json()
    assert got["items"], "Vietnam–China events in the sample corpus"
    cli = run_tightrope("events", "--actor", "VNM", "--with", "CHN", "--format", "jsonl", "--db", str(sample_db))
    assert [e["id"] for e in got["items"]] == [json.loads(line)["id"] for line in cli.stdout.splitlines()]
    for e in got["items"]:
        keys = {a["key"] for a in e["source"] + e["target"]}
        assert {"VNM", "CHN"} <= keys
    assert got["next"] is None
    consult = api.get("/api/events", params={"type": "consult", "since": "2025-01-01", "until": "2025-12"}).json()
    assert consult["items"] and all(e["type"] == "CONSULT" and "2025-01-01" <= e["date"] <= "2025-12-31"
                                    for e in consult["items"])
    planned = api.get("/api/events", params={"certainty": "planned"}).json()["items"]
    assert planned and {e["certainty"] for e in planned} == {"planned"}


def test_events_pages_do_not_overlap_and_total_counts_all_when_asked(api):
    whole = api.get("/api/events", params={"limit": 1000, "total": "true"}).json()
    assert whole["total"] == len(whole["items"]) and whole["next"] is None
    assert api.get("/api/events", params={"limit": 5}).json()["total"] is None
    assert api.get("/api/events", params={"actor": "VNM", "total": "true"}).json()["total"] is None
    first = api.get("/api/events", params={"limit": 7}).json()
    second = api.get(first["next"]).json()
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in whole["items"][:14]]


def test_stories_and_briefings(api):
    stories = api.get("/api/stories", params={"limit": 3}).json()
    assert stories["total"] >= 10 and len(stories["items"]) == 3 and stories["next"]
    story = max(api.get("/api/stories", params={"limit": 100}).json()["items"], key=lambda s: len(s["documents"]))
    one = api.get(f"/api/stories/{story['id']}").json()
    assert [m["doc_id"] for m in one["members"]] == one["documents"]
    briefing = api.get(f"/api/briefings/{story['id']}").json()
    assert [s["key"] for s in briefing["sections"]] == ["happened", "behind", "papers", "timeline", "deeper", "topics"]
    cited = [c for s in briefing["sections"] for i in s["items"] for st in i["statements"] for c in st["cites"]]
    assert cited and {c["doc_id"] for c in cited} <= set(one["documents"]) | {d["id"] for d in
                                                                                  api.get("/api/documents", params={"limit": 100}).json()["items"]}
    by_actor = api.get("/api/stories", params={"actor": "To Lam", "limit": 100}).json()
    assert 0 < by_actor["total"] < stories["total"]


def test_relations_hedging_and_network(api):
    dyad = api.get("/api/relations", params={"a": "VNM", "b": "China", "by": "year"}).json()
    assert dyad["a"] == "VNM" and dyad["b"] == "CHN" and dyad["periods"]
    direct = api.get("/api/events", params={"actor": "VNM", "with": "CHN", "limit": 1000}).json()["items"]
    assert dyad["total"]["all"]["events"] <= len(direct)
    hedging = api.get("/api/hedging", params={"focal": "VNM", "powers": "USA,CHN,RUS"}).json()
    assert hedging["powers"] == ["USA", "CHN", "RUS"] and hedging["periods"]
    for p in hedging["periods"]:
        shares = [v["share"] for v in p["powers"].values() if v["share"] is not None]
        assert not shares or abs(sum(shares) - 1) < 1e-3
    net = api.get("/api/network", params={"min_events": 2}).json()
    assert net["edges"] and all(e["events"] >= 2 for e in net["edges"])
    assert {"VNM", "USA"} <= {n["key"] for n in net["nodes"]}


def test_actors_resolve_and_show(api):
    found = api.get("/api/actors/resolve", params={"text": "The president of Vietnam spoke.", "on": "2024-06-20"}).json()
    assert [m["name"] for m in found["mentions"] if m["key"] == "VNM"] == ["To Lam"]
    entry = api.get("/api/actors/To Lam").json()["entries"][0]
    assert entry["key"] == "VNM" and any(r["role"] == "party_leader" for r in entry["roles"])


@pytest.mark.parametrize("path, status, words", [
    ("/api/documents/no-such-doc", 404, "document 'no-such-doc' not found"),
    ("/api/stories/99999", 404, "story 99999 not found"),
    ("/api/briefings/99999", 404, "story 99999 not found"),
    ("/api/actors/Nobody%20Atall", 404, "no dictionary entry"),
    ("/api/nothing-here", 404, "no such page"),
    ("/api/events?certainty=sure", 422, "certainty"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?since=last%20week", 422, "since"),
    ("/api/stories/abc", 422, "story_id"),
    ("/api/relations?a=VNM&b=QQQ", 422, "unknown actor key"),
    ("/api/hedging?focal=VNM&powers=", 422, "powers"),
])
def test_errors_are_json_with_a_message(api, path, status, words):
    r = api.get(path)
    assert r.status_code == status
    body = r.json()
    assert body["error"]["status"] == status and words in body["error"]["message"]


def test_every_response_has_a_strict_content_security_policy(api):
    for path in ("/stories", "/api/events", "/static/app.js", "/api/nothing"):
        csp = api.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "default-src 'none'" in csp
