"""Exact duplicates are stored once; near-duplicates are stored and linked to the earliest copy."""

from __future__ import annotations

from tightrope.ingest import ingest
from tightrope.model import Document

REPORT = (
    "HANOI (PWS) - The visiting defence secretary held talks with Vietnamese Defence Minister "
    "General Phan Van Giang on Sunday, and the two sides agreed to expand cooperation on "
    "searching for soldiers missing since the war, on clearing unexploded ordnance and on "
    "cleaning up dioxin at former air bases. At the end of the talks the secretary handed "
    "over a leather box, a belt and a small knife taken by American soldiers during the war. "
    "Officials said a follow-up round would be held in Washington next year, and that both "
    "navies would continue search-and-rescue drills."
)
WIRE_COPY = (
    "Harbour Courier carries this report from the Pacific Wire Service. "
    + REPORT.replace("American soldiers", "U.S. troops").replace(" and that both navies would continue search-and-rescue drills", "")
)
OTHER_STORY = (
    "TOKYO - Japan's prime minister met Vietnam's party chief in Tokyo on Monday, and the two "
    "governments signed agreements on semiconductors, energy transition and the training of "
    "Vietnamese workers, according to the foreign ministry. The leaders also discussed maritime "
    "security in the South China Sea and supply chains for critical minerals."
)


def test_same_text_twice_is_one_document(store):
    first = ingest([Document(id="a", text=REPORT)], store)
    again = ingest([Document(id="b", text="  " + REPORT.upper() + " ")], store)  # re-typeset copy
    assert first.added == ["a"]
    assert again.added == [] and again.duplicates == [("b", "a")]
    assert store.count_documents() == 1


def test_same_url_is_one_document(store):
    ingest([Document(id="a", text=REPORT, url="https://news.example.com/story?utm_source=feed#top")], store)
    report = ingest([Document(id="b", text=OTHER_STORY, url="https://NEWS.example.com/story")], store)
    assert report.duplicates == [("b", "a")]


def test_wire_copy_is_stored_and_linked_with_its_similarity(store):
    ingest([Document(id="pws", text=REPORT, published="2025-11-02")], store)
    report = ingest([Document(id="courier", text=WIRE_COPY, published="2025-11-03"), Document(id="other", text=OTHER_STORY)], store)
    assert [d for d, _, _ in report.near_duplicates] == ["courier"]
    copy = store.get_document("courier")
    assert copy.near_duplicate_of == "pws"
    assert 0.6 < copy.similarity < 1.0
    assert store.get_document("other").near_duplicate_of is None
    assert [c.id for c in store.copies_of("pws")] == ["courier"]


def test_copy_ingested_first_is_relinked_to_the_earlier_original(store):
    ingest([Document(id="courier", text=WIRE_COPY, published="2025-11-03")], store)
    ingest([Document(id="pws", text=REPORT, published="2025-11-02")], store)
    assert store.get_document("pws").near_duplicate_of is None
    assert store.get_document("courier").near_duplicate_of == "pws"


def test_reused_id_with_other_text_is_refused_not_overwritten(store):
    ingest([Document(id="a", text=REPORT)], store)
    report = ingest([Document(id="a", text=OTHER_STORY)], store)
    assert report.added == [] and "already used" in report.failed[0][1]
    assert store.get_document("a").text == REPORT
