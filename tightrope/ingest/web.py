"""Pages and RSS/Atom feeds fetched over HTTP(S), or feeds read from files."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import feedparser

from tightrope.errors import InputError
from tightrope.ingest.fetch import FEED_TYPES, HTML_TYPES, Fetcher
from tightrope.ingest.files import derived_id
from tightrope.ingest.html import document_from_html, html_fragment_text
from tightrope.ingest.text import MAX_BYTES, check_size, decode, decode_text
from tightrope.model import Document

# A feed entry whose text is shorter than this is a summary: the linked page is fetched.
SUMMARY_CHARS = 600

Item = Document | InputError


def read_url(url: str, fetcher: Fetcher) -> Item:
    """The article at ``url``."""
    try:
        page = fetcher.fetch(url, accept=HTML_TYPES)
        text = decode_text(page.body, url)
        if page.content_type == "text/plain":
            return Document(id=derived_id(text), text=text, url=page.url, source=url)
        doc = document_from_html(text, url, doc_id="", url=page.url)
        doc.id = derived_id(doc.text)
        return doc
    except InputError as err:
        return err


def read_feed(feed: str, fetcher: Fetcher | None) -> Iterator[Item]:
    """Every entry of an RSS/Atom feed (a URL, or a file path), one article each; entries
    holding only a summary are completed by fetching their linked page."""
    try:
        if "://" in feed:
            if fetcher is None:
                raise InputError(feed, "feed URLs need network access")
            data = fetcher.fetch(feed, accept=FEED_TYPES + HTML_TYPES).body
        else:
            path = Path(feed)
            if not path.is_file():
                raise InputError(feed, "no such feed file")
            check_size(path.stat().st_size, feed, MAX_BYTES)
            data = path.read_bytes()
        decode(data, feed)  # the same refusal of binary and empty input as every reader
    except InputError as err:
        yield err
        return
    parsed = feedparser.parse(data)
    if not parsed.get("version") or (not parsed.entries and parsed.get("bozo")):
        reason = parsed.get("bozo_exception")
        yield InputError(feed, "not an RSS or Atom feed" + (f" ({reason})" if reason else ""))
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(entry, f"{feed}#entry{number}", outlet, fetcher)


def _entry_document(entry, source: str, outlet: str | None, fetcher: Fetcher | None) -> Item:
    link = entry.get("link")
    title = entry.get("title") or None
    published = None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        published = datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc).date().isoformat()
    body = ""
    if entry.get("content"):
        body = max((c.get("value", "") for c in entry.content), key=len)
    body = html_fragment_text(body or entry.get("summary", "") or "")
    given = {"title": title, "url": link, "outlet": outlet, "published": published}
    if len(body) >= SUMMARY_CHARS or not link:
        if not body.strip():
            return InputError(source, "feed entry has neither text nor a link")
        return Document(id=derived_id(body), text=body, source=source, **given)
    if fetcher is None:
        return InputError(source, f"entry holds only a summary and its page {link} cannot be fetched offline")
    try:
        page = fetcher.fetch(link, accept=HTML_TYPES)
        html = decode_text(page.body, link)
        doc = document_from_html(html, link, doc_id="", **{**given, "url": page.url})
    except InputError as err:
        return InputError(source, f"entry holds only a summary and fetching {link} failed: {err.reason}")
    doc.id = derived_id(doc.text)
    doc.source = source
    return doc
