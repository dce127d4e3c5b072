"""Who may use the web app, and what a page may load.

With an API token (``TIGHTROPE_TOKEN``) every request must carry it: an ``Authorization:
Bearer`` header for scripts, or, for a browser, a session cookie set by ``/login`` (a form, or
``?token=`` once in a link). The cookie holds an HMAC of the token, never the token itself, and
every comparison is constant-time. Without a token the app serves only loopback (the ``serve``
command refuses anything else).

Every response carries a strict Content-Security-Policy: scripts and styles only from our own
``/static/``, no inline script, no eval, no frames, nothing from other origins. Together with
Jinja2's autoescaping this is what keeps an article's ``<script>`` inert.
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import parse_qs, urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

COOKIE = "tightrope_session"
LOGIN_PATH = "/login"

# plotly.js adds its own CSS rules through an empty <style> element and the CSSOM; the one
# hash allowed is that of the empty string, so no inline style text can ever apply.
EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
CSP = (f"default-src 'none'; script-src 'self'; style-src 'self' {EMPTY_STYLE}; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def same_secret(given: str | None, expected: str) -> bool:
    """Whether ``given`` equals ``expected``, in time that does not depend on where they differ."""
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def session_value(token: str) -> str:
    """The cookie value for a logged-in browser: derived from the token, not the token."""
    return hmac.new(token.encode("utf-8"), b"tightrope dashboard session", hashlib.sha256).hexdigest()


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this site only (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


class TokenGate:
    """Checks the API token on every request (when one is set) and adds the security headers."""

    def __init__(self, token: str | None):
        self.token = token or None
        self.session = session_value(token) if token else None

    def allowed(self, request: Request) -> bool:
        if self.token is None:
            return True
        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer " and same_secret(auth[7:].strip(), self.token):
            return True
        return same_secret(request.cookies.get(COOKIE), self.session)

    async def __call__(self, request: Request, call_next) -> Response:
        response = await self._route(request, call_next)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/static/") and response.status_code == 200:
            # plotly.min.js is 4.8 MB: a browser keeps it for an hour (private: it may need the token)
            response.headers.setdefault("Cache-Control", "private, max-age=3600")
        return response

    async def _route(self, request: Request, call_next) -> Response:
        if self.token is None or request.url.path == LOGIN_PATH or self.allowed(request):
            return await call_next(request)
        given = request.query_params.get("token")
        if given is not None and request.method == "GET" and same_secret(given, self.token):
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            return self.logged_in(request.url.path + ("?" + urlencode(rest) if rest else ""))
        if request.url.path.startswith("/api/") or request.url.path == "/api":
            return JSONResponse({"error": {"status": 401, "message": "missing or wrong API token: send "
                                           "'Authorization: Bearer $TIGHTROPE_TOKEN'"}},
                                status_code=401, headers={"WWW-Authenticate": "Bearer"})
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"{LOGIN_PATH}?{urlencode({'next': target})}", status_code=303)

    def logged_in(self, target: str) -> Response:
        response = RedirectResponse(safe_next(target), status_code=303)
        response.set_cookie(COOKIE, self.session, httponly=True, samesite="strict", path="/")
        return response

    async def login(self, request: Request) -> Response | None:
        """Handle a POSTed login form (``token``, ``next``); None when the token is wrong."""
        body = await request.body()
        if len(body) > 4096:  # a token and a path, nothing more
            return None
        form = parse_qs(body.decode("utf-8", "replace"))
        token = (form.get("token") or [""])[0]
        if self.token is not None and same_secret(token, self.token):
            return self.logged_in((form.get("next") or ["/"])[0])
        return None
