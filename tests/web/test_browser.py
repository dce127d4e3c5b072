"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright against
``tightrope serve`` on loopback. Screenshots are kept in tests/web/artifacts/."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .web_support import screenshot

CSP_SCRIPT = "script-src"


def script_errors(pg) -> list[str]:
    """Uncaught errors and blocked scripts (plotly's one blocked style probe is not an error
    of ours: see tightrope/web/security.py)."""
    return [e for e in pg.errors if e.startswith("uncaught") or CSP_SCRIPT in e]


def test_stories_to_briefing_to_highlighted_evidence(page, server):
    page.goto(server.url + "/")
    assert page.url.endswith("/stories")
    stories = page.locator("li.story")
    assert stories.count() >= 10
    biggest = max(range(stories.count()), key=lambda i: int(re.search(r"(\d+) article", stories.nth(i).inner_text()).group(1)))
    title = stories.nth(biggest).locator("a.story-title").inner_text()
    stories.nth(biggest).locator("a.story-title").click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == title
    sections = page.locator("section.briefing-section h2").all_inner_texts()
    assert len(sections) == 6
    sentences = page.locator("li.statement a.sentence")
    assert sentences.count() >= 3
    screenshot(page, "briefing")
    href = sentences.first.get_attribute("href")
    start, end = map(int, re.search(r"hl=(\d+)-(\d+)", href).groups())
    cited = sentences.first.inner_text()
    sentences.first.click()
    page.wait_for_load_state("load")
    focus = page.locator("#article-text .focus")
    assert focus.count() >= 1
    assert page.locator("#focus").is_visible()
    highlighted = "".join(focus.all_inner_texts())
    assert len(highlighted) == end - start
    # the briefing quotes the sentence it cites: its words are the highlighted span's
    assert set(re.findall(r"\w+", cited.lower())) <= set(re.findall(r"\w+", highlighted.lower())) | {"s"}
    assert page.evaluate("document.querySelector('#focus').getBoundingClientRect().top") < 900
    assert not script_errors(page)


def test_events_explorer_filters_and_links_to_the_article(page, server):
    page.goto(server.url + "/events")
    every = page.locator("#events-table tr.event").count()
    assert every > 20
    page.fill("input[name=actor]", "VNM")
    page.fill("input[name=with]", "CHN")
    page.select_option("select[name=certainty]", "asserted")
    page.click("#event-filters button[type=submit]")
    page.wait_for_load_state("load")
    assert "actor=VNM" in page.url and "with=CHN" in page.url
    rows = page.locator("#events-table tr.event")
    assert 0 < rows.count() < every
    for i in range(rows.count()):
        assert "VNM" in rows.nth(i).locator(".actors").inner_text() and "CHN" in rows.nth(i).locator(".actors").inner_text()
        assert rows.nth(i).locator(".certainty").inner_text() == "asserted"
    evidence = rows.first.locator(".evidence-text").inner_text()
    screenshot(page, "events-filtered")
    rows.first.locator("a.article").click()
    page.wait_for_load_state("load")
    assert "".join(page.locator("#article-text .focus").all_inner_texts()) == evidence
    assert page.locator("table.events").count() == 1
    assert not script_errors(page)


def chart_points(page, chart: str) -> int:
    page.wait_for_selector(f"#{chart}[data-rendered=true] .main-svg", timeout=30_000)
    return page.locator(f"#{chart} .scatterlayer .point, #{chart} .barlayer .point").count()


def test_dyad_timeline_chart_renders(page, server):
    page.goto(server.url + "/relations?a=VNM&b=USA&by=quarter")
    assert chart_points(page, "dyad-chart") > 5
    legend = page.locator("#dyad-chart .legendtext").all_text_contents()
    assert {"VNM→USA", "USA→VNM", "VNM↔USA"} <= set(legend)
    assert not script_errors(page)


def test_hedging_chart_marks_balancing_moves(page, server):
    page.goto(server.url + "/hedging?focal=VNM&powers=USA,CHN,RUS&by=quarter")
    assert chart_points(page, "hedging-chart") > 5
    legend = page.locator("#hedging-chart .legendtext").all_text_contents()
    assert "balance index" in legend and "balancing move" in legend
    stars = page.locator("#hedging-chart .scatterlayer .trace").filter(has=page.locator("path.point[d*='L']"))
    assert stars.count() >= 1
    assert page.locator("#moves-table tbody tr").count() >= 1
    assert not script_errors(page)


def test_relation_network_renders(page, server):
    page.goto(server.url + "/network?min_events=2")
    page.wait_for_selector("#network-chart[data-rendered=true] .main-svg", timeout=30_000)
    labels = page.locator("#network-chart .scatterlayer .textpoint").all_text_contents()
    assert {"VNM", "USA", "CHN"} <= set(labels)
    assert page.locator("#network-chart .scatterlayer .js-line").count() >= 3
    assert not script_errors(page)


def test_bad_chart_input_is_reported_on_the_page(page, server):
    response = page.goto(server.url + "/relations?a=VNM&b=QQQ")
    assert response.status == 422
    assert "unknown actor key" in page.locator("p.error").inner_text()
    assert "No" in page.locator("#dyad-chart").inner_text() or page.locator("#dyad-chart").inner_text() == ""


def test_article_markup_is_shown_as_text_and_never_runs(page, server):
    page.goto(server.url + "/documents/hostile-markup-test")
    article = page.locator("#article-text")
    text = article.inner_text()
    assert "<script>window.__pwned = 'script';" in text
    assert "<img src=x onerror=\"window.__pwned='onerror'\">" in text
    assert article.locator("script, img, a").count() == 0
    assert "<img src=x onerror" in page.locator("h1").inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.title().startswith("Hanoi talks <img")
    screenshot(page, "hostile-article")
    for path in ("/stories", "/events?doc=hostile-markup-test", "/documents"):
        page.goto(server.url + path)
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("main img").count() == 0, path


def test_document_view_marks_spin_repairs_and_framing_flags(page, server):
    import httpx

    docs = httpx.get(server.url + "/api/documents", params={"limit": 100}).json()["items"]
    found = [httpx.get(server.url + "/api/documents/" + quote(d["id"], safe="/")).json() for d in docs]
    spun = next(d for d in found if d["integrity"] and d["integrity"]["spun"])
    flagged = next(d for d in found if d["integrity"] and d["integrity"]["flags"])
    page.goto(f"{server.url}/documents/{spun['id']}")
    assert page.locator("#spun-verdict").is_visible()
    edits = spun["integrity"]["edits"]
    assert page.locator("table.repairs tbody tr").count() == len(edits)
    first = page.locator("table.repairs tbody tr").first
    assert first.locator("del").inner_text() == edits[0]["spun"] and first.locator("ins").inner_text() == edits[0]["restored"]
    assert edits[0]["spun"] in "".join(page.locator("#article-text .spun").all_inner_texts())
    screenshot(page, "spun-document")
    page.goto(f"{server.url}/documents/{flagged['id']}")
    assert page.locator("table.flags tbody tr").count() == len(flagged["integrity"]["flags"])
    assert page.locator("#article-text [class*=flag-]").count() >= 1


def test_document_links_survive_odd_ids(page, server):
    page.goto(server.url + "/documents")
    page.get_by_text("An article whose id needs escaping in a URL").click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "An article whose id needs escaping in a URL"
    assert "odd id/with?chars#1" in page.locator("p.crumbs").inner_text()


@pytest.mark.parametrize("path", ["/stories", "/events", "/documents", "/relations", "/hedging", "/network"])
def test_every_page_loads_without_script_errors(page, server, path):
    response = page.goto(server.url + path)
    assert response.status == 200
    page.wait_for_load_state("load")
    assert not script_errors(page)


def test_browser_login_with_the_token(page, token_server):
    from .web_support import TOKEN

    page.goto(token_server.url + "/events?actor=VNM")
    assert "/login" in page.url
    page.fill("input[name=token]", "not-the-token")
    page.click("form.login button")
    assert "not the one" in page.locator("p.error").inner_text()
    page.goto(token_server.url + "/events?actor=VNM")
    page.fill("input[name=token]", TOKEN)
    page.click("form.login button")
    page.wait_for_load_state("load")
    assert page.url == token_server.url + "/events?actor=VNM"
    assert page.locator("#events-table tr.event").count() > 0
