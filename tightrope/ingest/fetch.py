"""Fetching pages and feeds over HTTP(S) without becoming a tool against the local network.

Every request — the first and each redirect — is checked before it is sent: scheme http or
https, no credentials, a host whose every address is public (not loopback, private,
link-local, shared or reserved) unless the user allows private addresses. The connection is
then made to the checked address itself (the host name is kept for the Host header and TLS),
so a DNS answer that changes between check and connect cannot redirect it. Responses are
capped in size and time and must have an expected content type.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from tightrope import __version__
from tightrope.errors import FetchRefused, InputError

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
)

Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives for ``host``."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({info[4][0] for info in infos})


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


@dataclass(slots=True)
class FetchPolicy:
    """Limits every fetch obeys."""

    allow_private: bool = False
    max_bytes: int = 10 * 1024 * 1024
    timeout: float = 15.0
    max_redirects: int = 5


@dataclass(slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


class Fetcher:
    """Fetches URLs under a :class:`FetchPolicy`. ``resolver`` and ``address_allowed`` are
    there so tests can stand a loopback server in for a public one."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        resolver: Resolver = system_resolver,
        address_allowed: Callable[[str], bool] | None = None,
    ):
        self.policy = policy or FetchPolicy()
        self.resolver = resolver
        self.address_allowed = address_allowed or (
            (lambda _addr: True) if self.policy.allow_private else is_public_address
        )
        self.client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(self.policy.timeout),
            headers={"User-Agent": f"Tightrope/{__version__} (news event coder)"},
        )

    def close(self) -> None:
        self.client.close()

    def _checked_address(self, url: str) -> tuple[str, str, int]:
        """Validate ``url``; return (host, address to connect to, port)."""
        if len(url) > 4096:
            raise FetchRefused(url[:80] + "…", "refused: URL longer than 4096 characters")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchRefused(url, f"refused: scheme {parts.scheme or 'missing'!r} (only http and https are fetched)")
        if parts.username or parts.password:
            raise FetchRefused(url, "refused: URLs with credentials are not fetched")
        host = parts.hostname
        if not host:
            raise FetchRefused(url, "refused: no host name")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise FetchRefused(url, "refused: invalid port") from None
        try:
            addresses = self.resolver(host, port)
        except (socket.gaierror, UnicodeError, OSError) as exc:
            raise InputError(url, f"cannot resolve host {host!r}: {exc}") from None
        if not addresses:
            raise InputError(url, f"cannot resolve host {host!r}")
        for address in addresses:
            if not self.address_allowed(address):
                raise FetchRefused(
                    url,
                    f"refused: {host} resolves to the non-public address {address} "
                    "(use --allow-private to fetch from local or private networks)",
                )
        return host, addresses[0], port

    def fetch(self, url: str, accept: tuple[str, ...] = HTML_TYPES) -> Fetched:
        """GET ``url`` following up to ``max_redirects`` checked redirects."""
        original = url
        for _ in range(self.policy.max_redirects + 1):
            host, address, port = self._checked_address(url)
            parts = urlsplit(url)
            netloc = f"[{address}]" if ":" in address else address
            if parts.port:
                netloc += f":{port}"
            pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
            headers = {"Host": parts.netloc.rsplit("@", 1)[-1]}
            try:
                with self.client.stream(
                    "GET", pinned, headers=headers, extensions={"sni_hostname": host}
                ) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise InputError(original, f"redirect without a Location from {url}")
                        url = urljoin(url, location)
                        continue
                    if response.status_code >= 400:
                        raise InputError(original, f"HTTP {response.status_code} from {url}")
                    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if ctype not in accept:
                        raise FetchRefused(original, f"refused: content type {ctype or 'missing'!r} (expected {', '.join(accept)})")
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > self.policy.max_bytes:
                        raise FetchRefused(original, f"refused: {int(declared):,} bytes is over the {self.policy.max_bytes:,}-byte limit")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        if len(body) > self.policy.max_bytes:
                            raise FetchRefused(original, f"refused: response over the {self.policy.max_bytes:,}-byte limit")
                    return Fetched(url=url, content_type=ctype, body=bytes(body))
            except httpx.TimeoutException:
                raise InputError(original, f"timed out after {self.policy.timeout:g} s fetching {url}") from None
            except httpx.HTTPError as exc:
                raise InputError(original, f"fetch failed: {exc}") from None
        raise FetchRefused(original, f"refused: more than {self.policy.max_redirects} redirects")
