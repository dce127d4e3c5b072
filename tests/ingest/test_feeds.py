"""RSS/Atom feeds, from files and over HTTP, with linked pages fetched for summary entries."""

from __future__ import annotations

from conftest import shared_path  # noqa: F401

from tightrope.errors import InputError
from tightrope.ingest import ingest
from tightrope.ingest.fetch import Fetcher, is_public_address
from tightrope.ingest.web import read_feed

LONG = " ".join(["Vietnam and Japan agreed to deepen cooperation on energy, semiconductors and maritime security."] * 8)


def rss(items: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Mekong Ledger</title><link>https://ledger.example.com/</link>
<description>News</description>{items}</channel></rss>"""


def test_feed_file_with_full_text_entries(store, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        rss(
            f"""<item><title>Tokyo talks</title><link>https://ledger.example.com/a</link>
<pubDate>Mon, 28 Apr 2025 09:00:00 GMT</pubDate><description><![CDATA[<p>{LONG}</p>]]></description></item>"""
        ),
        encoding="utf-8",
    )
    report = ingest(read_feed(str(feed), None), store)
    assert len(report.added) == 1
    doc = store.documents()[0]
    assert (doc.title, doc.outlet, doc.published, doc.url) == ("Tokyo talks", "Mekong Ledger", "2025-04-28", "https://ledger.example.com/a")
    assert doc.text.startswith("Vietnam and Japan agreed")


def test_summary_entries_fetch_their_linked_page(store, httpserver, tmp_path):
    page = """<html><head><meta property="og:site_name" content="Mekong Ledger"></head><body><article>
<p>Prime Minister Pham Minh Chinh received the visiting Japanese prime minister in Hanoi on Monday,
and the two governments signed agreements on energy transition and semiconductors.</p>
<p>The leaders also discussed the South China Sea, officials said.</p></article></body></html>"""
    httpserver.expect_request("/story").respond_with_data(page, content_type="text/html")
    feed = tmp_path / "summaries.xml"
    feed.write_text(
        rss(
            f"""<item><title>Japan's PM in Hanoi</title><link>{httpserver.url_for('/story')}</link>
<description>Short teaser.</description></item>
<item><title>Dead link</title><link>{httpserver.url_for('/missing')}</link><description>Teaser.</description></item>"""
        )
    )
    httpserver.expect_request("/missing").respond_with_data("", status=404)
    fetcher = Fetcher(address_allowed=lambda a: a == "127.0.0.1" or is_public_address(a))
    report = ingest(read_feed(str(feed), fetcher), store)
    assert len(report.added) == 1
    doc = store.documents()[0]
    assert doc.title == "Japan's PM in Hanoi" and "energy transition" in doc.text
    assert len(report.failed) == 1 and "HTTP 404" in report.failed[0][1]


def test_feed_over_http_is_refused_on_loopback_unless_allowed(httpserver):
    httpserver.expect_request("/rss").respond_with_data(rss(""), content_type="application/rss+xml")
    (err,) = list(read_feed(httpserver.url_for("/rss"), Fetcher()))
    assert isinstance(err, InputError) and "--allow-private" in str(err)


def test_things_that_are_not_feeds(tmp_path):
    html = tmp_path / "page.xml"
    html.write_text("<html><body><p>Just a page.</p></body></html>")
    binary = tmp_path / "blob.xml"
    binary.write_bytes(bytes(range(256)) * 10)
    for path, reason in ((html, "not an RSS or Atom feed"), (binary, "not text"), (tmp_path / "none.xml", "no such feed")):
        (err,) = list(read_feed(str(path), None))
        assert isinstance(err, InputError) and reason in str(err) and str(path) in str(err)
