"""The briefing of the Hegseth story from the development articles: the facts of seed 002's
"What's happened" and "How we got here", each with its source, and every sentence traceable
to an article span."""

from __future__ import annotations

import re

import pytest
from story_stores import dev_store, sample_store, story_of

from tightrope.actors.dictionary import default_dictionary
from tightrope.errors import InputError
from tightrope.stories.briefing import build_briefing
from tightrope.stories.lexicon import lexicon

# The facts of seed 002 (shared/seeds/002_…): what happened, and how we got here.
HAPPENED = {
    "the visit": r"\b(visit|was in Vietnam|arrived in)",
    "war-legacy cooperation": r"legac|scars of the (Vietnam )?war|war consequence|postwar",
    "the artifacts handed over": r"artifact|relic|memento|leather box",
}
BACKGROUND = r"1995.*(unexploded ordnance|missing service members|dioxin)|(unexploded ordnance|dioxin).*1995"


@pytest.fixture(scope="module")
def hegseth():
    store = dev_store()
    return build_briefing(store, story_of(store, "hegseth-ap-wfp")), store


def _cited_text(store, cite) -> str:
    doc = store.get_document(cite.doc_id)
    return " ".join(doc.text[cite.start:cite.end].split())


def test_whats_happened_covers_the_visit_the_war_legacy_and_the_artifacts_with_sources(hegseth):
    briefing, store = hegseth
    members = set(briefing.story.documents)
    statements = [st for item in briefing.section("happened").items for st in item.statements]
    for fact, pattern in HAPPENED.items():
        found = [st for st in statements if re.search(pattern, st.text, re.I)]
        assert found, f"What's happened misses {fact}"
        st = found[0]
        assert st.cites and st.cites[0].doc_id in members
        assert re.search(pattern, _cited_text(store, st.cites[0]), re.I)  # the source says it


def test_how_we_got_here_has_the_postwar_cooperation_since_1995_and_earlier_stored_events(hegseth):
    briefing, store = hegseth
    timeline = briefing.section("timeline").items[0].statements
    background = [st for st in timeline if re.search(BACKGROUND, st.text)]
    assert background and background[0].label == "1995"
    assert re.search(BACKGROUND, _cited_text(store, background[0].cites[0]))
    # earlier stored events between the same actors, from other stories: Shangri-La, May 2025
    earlier = [st for st in timeline if st.cites[0].doc_id not in briefing.story.documents]
    assert any(st.cites[0].doc_id.startswith("shangrila-") and st.label == "2025-05-31" for st in earlier)
    assert [st.label for st in timeline] == sorted(st.label for st in timeline)
    assert all(st.label < "2025-11" for st in timeline)


def test_every_sentence_cites_the_article_span_it_comes_from(hegseth):
    briefing, store = hegseth
    statements = briefing.statements()
    assert len(statements) > 20
    dictionary = default_dictionary()
    for st in statements:
        assert st.cites, st.text
        for cite in st.cites:
            doc = store.get_document(cite.doc_id)
            assert doc is not None and 0 <= cite.start < cite.end <= len(doc.text)
        if st.label == "actor dictionary":  # a card cites where the story names the actor
            named = dictionary.find(_cited_text(store, st.cites[0]))
            assert named and st.text.startswith(named[0].name)
        else:  # extractive: the sentence is the first span it cites
            assert _cited_text(store, st.cites[0]) == st.text


def test_sections_come_in_order_and_say_what_they_are(hegseth):
    briefing, _ = hegseth
    assert [s.key for s in briefing.sections] == ["happened", "behind", "papers", "timeline", "deeper", "topics"]
    assert [s.title for s in briefing.sections] == list(lexicon().sections.values())
    assert all(s.items for s in briefing.sections)
    behind = briefing.section("behind").items[0].statements
    assert all(st.label for st in behind)  # attributed to its source


def test_the_papers_are_the_independent_sources_with_copies_grouped_and_left_out(hegseth):
    briefing, _ = hegseth
    papers = briefing.section("papers").items
    sources = [i for i in papers if i.heading not in ("Where the sources disagree", "Left out")]
    assert len(sources) == briefing.story.sources < len(briefing.story.documents)
    ap = next(i for i in sources if i.heading.startswith("AP"))
    assert len(ap.notes) >= 5 and any("hegseth-crbc" in n and "credits AP" in n for n in ap.notes)
    assert ap.statements[0].label == "reports"
    left = next(i for i in papers if i.heading == "Left out")
    assert any(n.startswith("hegseth-ap-blogcopy") and "duplicate" in n for n in left.notes)
    assert any(n.startswith("off-story:") for n in left.notes)


def test_cards_give_each_persons_office_on_the_story_date(hegseth):
    briefing, _ = hegseth
    cards = {i.heading: i for i in briefing.section("topics").items}
    assert "Secretary of War" in cards["Pete Hegseth"].statements[0].text
    assert "2025-11-02" in cards["Pete Hegseth"].statements[0].text
    assert "Minister of National Defence" in cards["Phan Van Giang"].statements[0].text
    assert "To Lam" in cards["Vietnam"].statements[0].text
    assert all(i.notes and "actor dictionary entry" in i.notes[0] for i in cards.values())


def test_go_deeper_answers_only_from_sources(hegseth):
    briefing, _ = hegseth
    deeper = briefing.section("deeper").items
    templates = [q for q, _ in lexicon().questions]
    assert len(deeper) >= 3
    for item in deeper:
        assert item.statements and all(st.cites for st in item.statements)
        assert any(re.fullmatch(re.sub(r"\\\{[ab]\\\}", ".+", re.escape(t)), item.heading) for t in templates)
    numbers = next(i for i in deeper if "numbers" in i.heading)
    assert any("130 million" in st.text for st in numbers.statements)


def test_sources_that_give_different_numbers_for_one_claim_are_shown_side_by_side():
    store = dev_store()
    briefing = build_briefing(store, story_of(store, "tolam-pyongyang-vns-talks"))
    differ = next(i for i in briefing.section("papers").items if i.heading == "Where the sources disagree")
    labels = {st.label for st in differ.statements}
    assert any("20 years" in label and "18 years" in label for label in labels)
    assert len({st.cites[0].doc_id for st in differ.statements}) >= 2


def test_the_sample_corpus_briefings_build_for_every_story():
    from tightrope.store import stories as rows

    store = sample_store()
    for row in rows.list_stories(store):
        briefing = build_briefing(store, row.id)
        assert briefing.section("happened").items and all(st.cites for st in briefing.statements())


def test_an_unknown_story_is_an_error_naming_it():
    with pytest.raises(InputError, match="story 9999: no such story"):
        build_briefing(sample_store(), 9999)
    with pytest.raises(InputError, match="a story id is a number"):
        build_briefing(sample_store(), "hegseth")
