"""Fixtures of the web tests: the sample corpus store (built once per session by the real
commands), live servers, and a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import pytest

from .web_support import CHROMIUM_ARGS, TOKEN, Server, build_sample_db, ensure_chromium, screenshot


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "sample.db"
    return db, build_sample_db(db)


@pytest.fixture(scope="session")
def sample_db(sample_build):
    return sample_build[0]


@pytest.fixture(scope="session")
def server(sample_db):
    s = Server(sample_db)
    yield s
    s.stop()


@pytest.fixture(scope="session")
def token_server(sample_db):
    s = Server(sample_db, token=TOKEN)
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = ensure_chromium()
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that records page errors and console errors; a screenshot of where the
    test left it is kept in tests/web/artifacts/<test name>.png."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda msg: msg.type == "error" and pg.errors.append(msg.text))
    pg.on("pageerror", lambda exc: pg.errors.append(f"uncaught: {exc}"))
    yield pg
    try:
        screenshot(pg, request.node.name.replace("/", "_"))
    finally:
        context.close()
