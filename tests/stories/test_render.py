"""Briefings as Markdown, HTML and JSON: every section, every citation numbered and listed."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from story_stores import sample_store, story_of

from tightrope.model import Briefing, BriefingItem, BriefingSection, Citation, Statement, Story
from tightrope.stories.briefing import build_briefing
from tightrope.stories.lexicon import lexicon
from tightrope.stories.render import to_html, to_json, to_markdown


@pytest.fixture(scope="module")
def briefing():
    store = sample_store()
    return build_briefing(store, story_of(store, "hegseth-hanoi-2025-pws"))


def test_markdown_has_every_section_and_numbers_every_citation(briefing):
    md = to_markdown(briefing)
    assert md.startswith(f"# {briefing.story.title}\n")
    for title in lexicon().sections.values():
        assert f"\n## {title}\n" in md
    sources = md.split("\n## Sources\n", 1)[1]
    listed = re.findall(r"^\[(\d+)\] (\S+), characters (\d+)–(\d+)", sources, re.M)
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", md.split("\n## Sources\n")[0])}
    assert cited == {int(n) for n, *_ in listed} == set(range(1, len(listed) + 1))
    unique = {(c.doc_id, c.start, c.end) for st in briefing.statements() for c in st.cites}
    assert len(listed) == len(unique)


def test_html_is_escaped_and_links_each_citation_to_its_source(briefing):
    page = to_html(briefing)
    assert page.startswith("<!doctype html>") and "<section id=happened>" in page

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.hrefs, self.ids = [], set()

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "a" and attrs.get("href", "").startswith("#"):
                self.hrefs.append(attrs["href"][1:])
            if "id" in attrs:
                self.ids.add(attrs["id"])

    parser = Collect()
    parser.feed(page)
    assert parser.hrefs and set(parser.hrefs) <= parser.ids
    tricky = Briefing(Story(1, "A <b>bold</b> & risky title"), [BriefingSection("happened", "What's happened", [
        BriefingItem(statements=[Statement("x < y & z", [Citation("d", 0, 3, url="https://example.com/?a=1&b=2")])])])])
    out = to_html(tricky)
    assert "<b>bold</b>" not in out and "&lt;b&gt;bold" in out and "x &lt; y &amp; z" in out
    assert "a=1&amp;b=2" in out


def test_json_round_trips_the_briefing(briefing):
    data = json.loads(to_json(briefing))
    assert data["story"]["id"] == briefing.story.id and data["writer"] == "extractive"
    assert [s["key"] for s in data["sections"]] == [s.key for s in briefing.sections]
    first = data["sections"][0]["items"][0]["statements"][0]
    assert first["text"] and first["cites"][0]["doc_id"] in briefing.story.documents
