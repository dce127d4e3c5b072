"""Ingesting local files: real articles, metadata kept, bad input refused one by one."""

from __future__ import annotations

import json

from conftest import shared_path

from tightrope.ingest import ingest
from tightrope.ingest.files import expand_paths, read_file


def ingest_paths(store, *paths, **kw):
    files, errors, skipped = expand_paths(list(paths))
    items = [e for e in errors]
    for f in files:
        items.extend(read_file(f, **kw))
    report = ingest(items, store)
    report.skipped_files = skipped
    return report


def snapshot(store):
    return [(d.id, d.text, d.title, d.published, d.near_duplicate_of) for d in store.documents()]


def test_dev_articles_keep_their_ids_and_metadata(store):
    path = shared_path("data", "articles_dev.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    report = ingest_paths(store, path)
    assert not report.failed
    assert store.count_documents() == len(rows)
    first = rows[0]
    doc = store.get_document(first["id"])
    assert doc.text == first["text"]  # stored as given: offsets into it stay valid
    assert doc.title == first["title"]
    assert doc.outlet == first["outlet"]
    assert doc.published == first["published"]
    assert doc.url == first["url"]
    assert doc.meta["story"] == first["story"]  # further fields are kept, not dropped


def test_seed_texts_are_stored_with_their_headline_as_title(store):
    report = ingest_paths(store, shared_path("seeds"))
    assert len(report.added) == 3
    titles = [d.title or "" for d in store.documents()]
    assert any(t.startswith("Xi Jinping") and "Red Lines" in t for t in titles)
    assert "What's happened" in titles
    seed = shared_path("seeds", "000_37ebb82700158fac.txt").read_text(encoding="utf-8")
    stored = [d for d in store.documents() if (d.title or "").startswith("Xi Jinping")][0]
    assert stored.text == seed  # the whole file, byte for byte: offsets point into it


HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Ignored title tag</title>
<meta property="og:title" content="Hanoi hosts defence talks">
<meta property="og:site_name" content="Mekong Ledger">
<meta property="article:published_time" content="2025-11-02T08:30:00+07:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe</a></nav>
<article><h1>Hanoi hosts defence talks</h1>
<p>Vietnam's defence minister held talks with his visiting counterpart in Hanoi on Sunday,
the ministry said, as the two sides agreed to widen cooperation on clearing wartime ordnance.</p>
<p>The visit is the first by a serving defence chief this year, and officials said a further
round of talks would follow in the spring.</p></article>
<footer>© Mekong Ledger. All rights reserved. Cookie settings.</footer>
</body></html>"""


def test_html_file_main_text_and_metadata(store, tmp_path):
    page = tmp_path / "story.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    report = ingest_paths(store, page)
    assert len(report.added) == 1
    doc = store.documents()[0]
    assert doc.title == "Hanoi hosts defence talks"
    assert doc.outlet == "Mekong Ledger"
    assert doc.published == "2025-11-02"
    assert doc.language == "en"
    assert "clearing wartime ordnance" in doc.text
    assert "Subscribe" not in doc.text and "Cookie" not in doc.text  # boilerplate left out


def test_markdown_title_and_windows_1252_text(store, tmp_path):
    (tmp_path / "note.md").write_text("# Talks in Seoul\n\nThe ministers met on Monday.\n", encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes("Caf\xe9 diplomacy \x96 \x93quiet\x94 talks in Hanoi.\nMore text.".encode("latin-1"))
    report = ingest_paths(store, tmp_path)
    assert not report.failed
    by_title = {d.title: d for d in store.documents()}
    assert "Talks in Seoul" in by_title
    legacy = next(d for d in store.documents() if d.source.endswith("legacy.txt"))
    assert "Café diplomacy – “quiet” talks" in legacy.text


def test_bad_inputs_fail_one_by_one_and_nothing_stored_changes(store, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "a1", "text": "Vietnam and Japan held talks in Tokyo on Friday."}) + "\n")
    ingest_paths(store, good)
    before = snapshot(store)

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.md").write_text("   \n\n  \t\n")
    (bad / "nul.txt").write_bytes(b"text\x00with\x00nuls" * 50)
    (bad / "broken.html").write_text("<html><body><script>var a = 1;</script><style>p {}</style></body></html")
    (bad / "huge.txt").write_text("word " * 5000)
    (bad / "mixed.jsonl").write_text(
        "\n".join(
            [
                '{"id": "ok-1", "text": "China and Vietnam signed a trade pact in Beijing."}',
                '{"id": "broken", "text": "unterminated',
                '["not", "an", "object"]',
                '{"id": "no-text", "title": "only a title"}',
                '{"id": 7, "text": "id is a number"}',
                '{"id": "ok-2", "html": "<html><body><article><p>Seoul and Hanoi agreed to expand defence industry cooperation on Tuesday, officials said, after two days of talks.</p></article></body></html>"}',
            ]
        )
        + "\n"
    )
    (bad / "ignored.pdf").write_bytes(b"%PDF-1.4")
    report = ingest_paths(store, bad, tmp_path / "missing.txt", max_bytes=10_000)
    reasons = dict(report.failed)
    assert "not text" in reasons[str(bad / "image.txt")]
    assert "empty" in reasons[str(bad / "empty.txt")]
    assert "empty" in reasons[str(bad / "blank.md")]
    assert "NUL" in reasons[str(bad / "nul.txt")]
    assert "no article text" in reasons[str(bad / "broken.html")]
    assert "too large" in reasons[str(bad / "huge.txt")]
    assert "invalid JSON" in reasons[f"{bad / 'mixed.jsonl'}:2"]
    assert "JSON object" in reasons[f"{bad / 'mixed.jsonl'}:3"]
    assert "no 'text' or 'html'" in reasons[f"{bad / 'mixed.jsonl'}:4"]
    assert "must be a string" in reasons[f"{bad / 'mixed.jsonl'}:5"]
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]
    assert report.skipped_files == 1  # the .pdf in the folder
    # the good lines of the same file went on, and what was stored before is untouched
    assert sorted(report.added) == ["ok-1", "ok-2"]
    after = snapshot(store)
    assert [row for row in after if row[0] == "a1"] == before


def test_jsonl_date_field_and_unreadable_dates(store, tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(
        json.dumps({"id": "d1", "text": "Hanoi welcomed the delegation.", "date": "2025-11-02T09:00:00Z"})
        + "\n"
        + json.dumps({"id": "d2", "text": "Tokyo and Hanoi held talks.", "published": "sometime soon-ish"})
        + "\n"
    )
    ingest_paths(store, f)
    assert store.get_document("d1").published == "2025-11-02"
    d2 = store.get_document("d2")
    assert d2.published is None and d2.meta["published_raw"] == "sometime soon-ish"
