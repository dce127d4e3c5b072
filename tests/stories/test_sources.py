"""Independent sources: wire copies, partner reprints and rewrites grouped under their
original and counted once."""

from __future__ import annotations

from story_stores import dev_store, sample_store, story_of

from tightrope.store import stories as rows
from tightrope.stories.listing import story_record
from tightrope.stories.sources import agency_in, dateline_agency, group_sources, outlet_name, repeated_share

AP_COPIES = {"hegseth-ap-wfp", "hegseth-ap-blogcopy", "hegseth-briefly-fortune", "hegseth-crbc",
             "hegseth-globalpulse", "hegseth-aerocloud"}


def _groups(store, doc_id):
    return group_sources(store, rows.members(store, story_of(store, doc_id)))


def test_ap_copies_and_rewrites_are_one_source_under_the_ap_original():
    dev = dev_store()
    groups = _groups(dev, "hegseth-ap-wfp")
    ap = next(g for g in groups if "hegseth-ap-wfp" in g.ids)
    assert ap.name == "AP" and set(ap.ids) == AP_COPIES
    assert ap.original.doc_id == "hegseth-ap-wfp"  # the copy with AP's own dateline
    assert all(d.how for d in ap.docs[1:])  # each copy says why it is under AP
    by_id = {d.doc_id: d.how for d in ap.docs}
    assert by_id["hegseth-ap-blogcopy"].startswith("near-duplicate of hegseth-ap-wfp")
    assert "credits AP" in by_id["hegseth-crbc"]
    # each other outlet is its own source; no document is counted twice
    assert sum(len(g.docs) for g in groups) == 16
    story = story_record(dev, rows.get_story(dev, story_of(dev, "hegseth-ap-wfp")))
    assert story.sources == len(groups) == 16 - len(AP_COPIES) + 1


def test_wire_credits_group_reuters_and_the_state_agency():
    dev = dev_store()
    reuters = next(g for g in _groups(dev, "xi-hanoi-reuters-asiaone") if "xi-hanoi-reuters-asiaone" in g.ids)
    assert reuters.name == "Reuters" and "xi-hanoi-devdiscourse-reuters" in reuters.ids
    vna = next(g for g in _groups(dev, "tolam-pyongyang-vns-talks") if "tolam-pyongyang-vns-talks" in g.ids)
    assert vna.name == "VNA" and {"tolam-pyongyang-vna-welcome", "tolam-pyongyang-vns-documents"} <= set(vna.ids)


def test_a_syndicated_copy_in_the_sample_corpus_is_grouped_with_its_original():
    sample = sample_store()
    groups = _groups(sample, "hegseth-hanoi-2025-pws")
    pws = next(g for g in groups if "hegseth-hanoi-2025-pws" in g.ids)
    assert pws.ids == ["hegseth-hanoi-2025-pws", "hegseth-hanoi-2025-harbour"]
    assert len(groups) == 4  # five articles, four independent sources
    spun = next(g for g in _groups(sample, "putin-hanoi-2024-pws") if "putin-hanoi-2024-spun" in g.ids)
    assert spun.original.doc_id == "putin-hanoi-2024-pws" and spun.docs[1].spun


def test_outlet_lines_and_datelines():
    assert agency_in("AP (via Winnipeg Free Press)") == "AP"
    assert agency_in("Korea JoongAng Daily (Yonhap)") == "Yonhap"
    assert agency_in("Devdiscourse (Reuters-based)") == "Reuters"
    assert agency_in("CRBC News (rewrite of AP)") == "AP"
    assert agency_in("Europe Says (republished op-ed; photo credit VNA/AP)") is None  # a photo credit
    assert agency_in("Apple Daily") is None and agency_in("The Times of India") is None
    assert dateline_agency("HANOI, Vietnam (AP) — U.S. Defense Secretary Pete Hegseth was in Vietnam") == "AP"
    assert dateline_agency("SEOUL (Reuters) - North Korea said") == "Reuters"
    assert dateline_agency("The minister (who spoke to AP) said") is None
    assert outlet_name("Viet Nam News (VNA/VNS)") == "Viet Nam News"


def test_shared_quotations_do_not_make_a_copy_but_repeated_sentences_do():
    a = ('"We have a great deal of cooperation and friendship in front of us," he said during the meeting. '
         "Hegseth arrived in Vietnam on Sunday after departing from Malaysia to hold meetings in Hanoi.")
    b = ('"We have a great deal of cooperation and friendship in front of us," Hegseth told the president. '
         "The talks covered maritime security, training and the recovery of remains of missing soldiers.")
    assert repeated_share(b, a)[0] == 0.0
    assert repeated_share(a.replace("Sunday", "Sunday morning"), a)[0] == 1.0
