"""Fetching over HTTP from a real server on loopback: SSRF refusals, limits, extraction."""

from __future__ import annotations

import time

import pytest
from werkzeug import Response

from tightrope.errors import FetchRefused, InputError
from tightrope.ingest.fetch import Fetcher, FetchPolicy, is_public_address
from tightrope.ingest.web import read_url

ARTICLE = """<html lang="en"><head><meta property="og:title" content="Seoul and Hanoi sign defence pact">
<meta property="og:site_name" content="Tokyo Bay Times"></head><body><article>
<p>South Korea and Vietnam signed a defence industry cooperation agreement in Seoul on Tuesday,
the defence ministry said, after talks between the two ministers on joint production.</p>
<p>The agreement covers training, logistics and the maintenance of naval vessels.</p>
</article></body></html>"""


def loopback_as_public(address: str) -> bool:
    """Stand the test server (127.0.0.1) in for a public host; every other non-public address
    is still refused, so redirects towards them can be tested for real."""
    return address == "127.0.0.1" or is_public_address(address)


def test_loopback_is_refused_by_default(httpserver):
    httpserver.expect_request("/a").respond_with_data(ARTICLE, content_type="text/html")
    fetcher = Fetcher()
    with pytest.raises(FetchRefused, match="non-public address 127.0.0.1"):
        fetcher.fetch(httpserver.url_for("/a"))
    assert len(httpserver.log) == 0  # refused before any request was sent


def test_allow_private_fetches_and_extracts_the_article(httpserver):
    httpserver.expect_request("/a").respond_with_data(ARTICLE, content_type="text/html; charset=utf-8")
    doc = read_url(httpserver.url_for("/a"), Fetcher(FetchPolicy(allow_private=True)))
    assert doc.title == "Seoul and Hanoi sign defence pact"
    assert doc.outlet == "Tokyo Bay Times"
    assert "defence industry cooperation agreement" in doc.text


@pytest.mark.parametrize("target", ["http://127.0.0.2:9/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://10.0.0.1/"])
def test_redirects_to_private_addresses_are_refused(httpserver, target):
    httpserver.expect_request("/r").respond_with_response(Response(status=302, headers={"Location": target}))
    fetcher = Fetcher(address_allowed=loopback_as_public)
    with pytest.raises(FetchRefused, match="non-public address"):
        fetcher.fetch(httpserver.url_for("/r"))


def test_redirect_within_allowed_hosts_is_followed(httpserver):
    httpserver.expect_request("/old").respond_with_response(Response(status=301, headers={"Location": "/new"}))
    httpserver.expect_request("/new").respond_with_data(ARTICLE, content_type="text/html")
    page = Fetcher(address_allowed=loopback_as_public).fetch(httpserver.url_for("/old"))
    assert page.url.endswith("/new") and b"defence pact" in page.body


@pytest.mark.parametrize(
    "url, reason",
    [
        ("file:///etc/passwd", "scheme"),
        ("ftp://example.com/x", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("http://user:secret@example.com/", "credentials"),
        ("http:///nohost", "no host"),
        ("http://2130706433/", "non-public"),  # 127.0.0.1 written as one number
        ("http://0x7f.1/", "non-public"),
    ],
)
def test_hostile_urls_are_refused(url, reason):
    with pytest.raises(InputError, match=reason):
        Fetcher().fetch(url)


def test_size_cap_and_content_type(httpserver):
    httpserver.expect_request("/big").respond_with_data("x" * 50_000, content_type="text/html")
    httpserver.expect_request("/img").respond_with_data(b"\x89PNG....", content_type="image/png")
    fetcher = Fetcher(FetchPolicy(max_bytes=10_000), address_allowed=loopback_as_public)
    with pytest.raises(FetchRefused, match="limit"):
        fetcher.fetch(httpserver.url_for("/big"))
    with pytest.raises(FetchRefused, match="content type 'image/png'"):
        fetcher.fetch(httpserver.url_for("/img"))


def test_timeout(httpserver):
    def slow(_request):
        time.sleep(1.5)
        return Response(ARTICLE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    fetcher = Fetcher(FetchPolicy(timeout=0.3), address_allowed=loopback_as_public)
    with pytest.raises(InputError, match="timed out"):
        fetcher.fetch(httpserver.url_for("/slow"))


def test_http_errors_name_the_url(httpserver):
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    err = read_url(httpserver.url_for("/gone"), Fetcher(address_allowed=loopback_as_public))
    assert isinstance(err, InputError) and "HTTP 404" in str(err) and "/gone" in str(err)
