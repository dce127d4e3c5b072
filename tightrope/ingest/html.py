"""Main text and metadata out of an HTML page, with trafilatura."""

from __future__ import annotations

import re

import trafilatura
from lxml import html as lxml_html

from tightrope.errors import InputError
from tightrope.ingest.dates import normalise_date
from tightrope.model import Document

_LANG = re.compile(r"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def extract_article(html: str, source: str, url: str | None = None) -> dict:
    """The article in ``html``: ``text``, ``title``, ``published``, ``outlet``, ``url`` and
    ``language`` (None where the page does not say). Raises :class:`InputError` when the page
    holds no article text (an empty, broken or navigation-only page)."""
    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura surfaces lxml's parser errors as they come
        raise InputError(source, f"malformed HTML: {exc}") from None
    if found is None or not (found.text or "").strip():
        raise InputError(source, "no article text found in the HTML page")
    lang = found.language
    if not lang:
        m = _LANG.search(html[:4096])
        lang = m.group(1).lower() if m else None
    return {
        "text": found.text.strip(),
        "title": found.title or None,
        "published": normalise_date(found.date),
        "outlet": found.sitename or found.hostname or None,
        "url": found.url or url,
        "language": lang,
    }


def html_fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed entry's summary), paragraphs kept apart."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml_html.fromstring(f"<div>{fragment}</div>")
    except Exception:
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n", root.text_content())).strip()


def document_from_html(html: str, source: str, doc_id: str, url: str | None = None, **given) -> Document:
    """A Document from an HTML page; values in ``given`` (from a JSONL line) win over the page's."""
    art = extract_article(html, source, url)
    return Document(
        id=doc_id,
        text=art["text"],
        title=given.get("title") or art["title"],
        url=given.get("url") or art["url"],
        outlet=given.get("outlet") or art["outlet"],
        published=given.get("published") or art["published"],
        language=given.get("language") or art["language"],
        source=source,
        meta=given.get("meta", {}),
    )
