"""``tightrope stories``, ``tightrope brief``, ``tightrope eval stories`` and the demo's
briefing, through the real command line."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli
from story_stores import gold_labels

from tightrope.data import sample_corpus_path
from tightrope.eval.stories import bcubed
from tightrope.stories.lexicon import lexicon


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    run_cli("ingest", str(sample_corpus_path()), db=path)  # codes, then forms stories
    return path


def _stories(db) -> list[dict]:
    return [json.loads(line) for line in run_cli("stories", "--format", "jsonl", db=db).stdout.splitlines()]


def test_stories_jsonl_is_one_line_per_story_with_the_ids_given_at_ingest(db):
    rows = _stories(db)
    assert all({"story", "title", "articles"} <= set(r) for r in rows)
    gold = gold_labels(sample_corpus_path())
    assert sorted(a for r in rows for a in r["articles"]) == sorted(gold)
    # what an outside benchmark computes from this interface
    assert bcubed({a: str(r["story"]) for r in rows for a in r["articles"]}, gold)["f1"] >= 0.95


def test_stories_table_filters_by_actor_and_date(db):
    out = run_cli("stories", "--actor", "Pete Hegseth", db=db).stdout
    assert "Hegseth" in out and "Putin" not in out and "sources" in out
    assert "2 stories" in out  # Shangri-La in May and Hanoi in November
    recent = run_cli("stories", "--since", "2025-10", "--format", "jsonl", db=db).stdout.splitlines()
    assert len(recent) == 2 and all(json.loads(r)["last_published"] >= "2025-10" for r in recent)
    bad = run_cli("stories", "--since", "October", db=db, check=False)
    assert bad.returncode == 1 and "--since 'October'" in bad.stderr


def test_brief_writes_markdown_html_and_json(db, tmp_path):
    story = next(r["story"] for r in _stories(db) if "hegseth-hanoi-2025-pws" in r["articles"])
    md = run_cli("brief", str(story), db=db).stdout
    assert all(f"## {t}" in md for t in lexicon().sections.values()) and "[1] hegseth-hanoi-2025-" in md
    out = tmp_path / "b.html"
    assert "written to" in run_cli("brief", str(story), "--format", "html", "-o", str(out), db=db).stdout
    assert out.read_text().startswith("<!doctype html>")
    data = json.loads(run_cli("brief", str(story), "--format", "json", db=db).stdout)
    assert data["story"]["id"] == story and data["sections"][0]["items"]
    missing = run_cli("brief", "999", db=db, check=False)
    assert missing.returncode == 1 and "story 999" in missing.stderr


def test_eval_stories_prints_bcubed_against_the_gold_labels():
    out = run_cli("eval", "stories", str(sample_corpus_path()), "--json").stdout
    result = json.loads(out)
    assert result["articles"] == 37 and result["f1"] >= 0.95
    assert {"precision", "recall", "stories", "errors"} <= set(result)


@pytest.mark.parametrize("command", [["stories"], ["brief"], ["eval", "stories"]], ids=" ".join)
def test_commands_have_help_with_an_example(command):
    assert "Example" in run_cli(*command, "--help").stdout


def test_demo_ends_with_the_briefing_of_the_largest_story(tmp_path):
    out = run_cli("demo", "--db", str(tmp_path / "demo.db")).stdout
    tail = out.split("Briefing of the largest story", 1)[1]
    assert "Stories" in out.split("Briefing of the largest story")[0]
    assert "Hegseth" in tail.splitlines()[2]  # the Hegseth visit: five articles, the most recent
    assert "hegseth-hanoi-2025-pws" in tail.split("## Sources")[1]
    assert tail.rstrip().endswith("every sentence cites the article span it comes from._")
    assert all(f"## {t}" in tail for t in lexicon().sections.values())
