"""The API token: without it nothing is served; with it, a Bearer header or a browser login
cookie lets a request through. ``tightrope serve`` refuses to bind beyond loopback without one."""

from __future__ import annotations

import httpx
import pytest

from tightrope.web.security import COOKIE, safe_next, same_secret, session_value
from .web_support import TOKEN, run_tightrope


@pytest.fixture
def client(token_server):
    with httpx.Client(base_url=token_server.url, timeout=60, follow_redirects=False) as c:
        yield c


def fresh_get(server, path: str, cookie: str | None = None, **params) -> httpx.Response:
    """A request from a new browser: no cookie but ``cookie`` (if given)."""
    with httpx.Client(base_url=server.url, timeout=60, cookies={COOKIE: cookie} if cookie else None) as c:
        return c.get(path, params=params)


@pytest.mark.parametrize("path", ["/api/events", "/api/documents/hegseth-hanoi-2025-pws", "/api/openapi.json"])
def test_api_refuses_requests_without_the_token(client, path):
    r = client.get(path)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert "API token" in r.json()["error"]["message"]
    assert client.get(path, headers={"Authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
    assert client.get(path, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401


def test_api_accepts_the_bearer_token(client):
    r = client.get("/api/events", params={"limit": 2}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and len(r.json()["items"]) == 2


def test_pages_and_static_files_need_the_token_too(client):
    for path in ("/stories", "/static/app.js", "/static/vendor/plotly.min.js", "/documents/hegseth-hanoi-2025-pws"):
        r = client.get(path)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next="), path


def test_browser_login_sets_a_cookie_that_is_not_the_token(client, token_server):
    wrong = client.post("/login", content="token=nope&next=/events",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert wrong.status_code == 401 and COOKIE not in wrong.cookies
    r = client.post("/login", content=f"token={TOKEN}&next=/events",
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 303 and r.headers["location"] == "/events"
    cookie = r.cookies[COOKIE]
    assert cookie == session_value(TOKEN) and TOKEN not in cookie
    set_cookie = r.headers["set-cookie"].lower()
    assert "httponly" in set_cookie and "samesite=strict" in set_cookie
    assert fresh_get(token_server, "/events", cookie).status_code == 200
    assert fresh_get(token_server, "/api/events", cookie).status_code == 200
    forged = cookie[:-1] + ("0" if cookie[-1] != "0" else "1")
    assert fresh_get(token_server, "/events", forged).status_code == 303
    assert fresh_get(token_server, "/events", TOKEN).status_code == 303


def test_a_token_link_logs_in_once_and_drops_the_token_from_the_url(client, token_server):
    r = client.get("/events", params={"token": TOKEN, "actor": "VNM"})
    assert r.status_code == 303 and r.headers["location"] == "/events?actor=VNM"
    assert r.cookies[COOKIE] == session_value(TOKEN)
    guess = fresh_get(token_server, "/events", token="guess")
    assert guess.status_code == 303 and COOKIE not in guess.cookies


def test_login_never_redirects_off_site(client):
    r = client.post("/login", content=f"token={TOKEN}&next=//evil.example.com/x",
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.headers["location"] == "/"
    assert safe_next("https://evil.example.com") == "/" and safe_next("/\\evil.example.com") == "/"
    assert safe_next("/stories/3?x=1") == "/stories/3?x=1"


def test_secret_comparison():
    assert same_secret(TOKEN, TOKEN) and not same_secret(TOKEN[:-1], TOKEN)
    assert not same_secret("", TOKEN) and not same_secret(None, TOKEN)


def test_serve_refuses_to_bind_beyond_loopback_without_a_token(tmp_path):
    proc = run_tightrope("serve", "--host", "0.0.0.0", "--port", "1", "--db", str(tmp_path / "x.db"), check=False,
                         timeout=120)
    assert proc.returncode == 1
    assert "error: --host 0.0.0.0: serving beyond loopback needs an API token" in proc.stderr
    short = run_tightrope("serve", "--port", "1", "--db", str(tmp_path / "x.db"), check=False, timeout=120,
                          env={"TIGHTROPE_TOKEN": "short"})
    assert short.returncode == 1 and "too short" in short.stderr


def test_demo_ends_by_saying_how_to_open_the_dashboard(sample_build):
    db, demo = sample_build
    last = demo.stderr.strip().splitlines()[-1]
    assert last == f"Dashboard: run `.venv/bin/tightrope serve --db {db}` and open http://127.0.0.1:8000/"
    assert "Briefing of the largest story" in demo.stdout
