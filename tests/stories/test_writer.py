"""The generative writer and its source check, against a stub OpenAI-compatible server on
127.0.0.1 (no real endpoint is ever called)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import run_cli
from story_stores import sample_store, story_of
from werkzeug import Response

from tightrope.errors import InputError
from tightrope.stories.briefing import build_briefing
from tightrope.stories.check import check
from tightrope.stories.writer import GenerativeWriter, parse_reply

SOURCE = ("U.S. Defense Secretary Pete Hegseth held talks with Vietnamese Defense Minister Gen. Phan Van Giang in "
          "Hanoi on Sunday, and the two former enemies agreed to widen cooperation on the legacy of the Vietnam War.")


def test_a_faithful_restatement_passes_the_source_check():
    assert check("Hegseth and Giang agreed in Hanoi on Sunday to widen cooperation on the Vietnam War's legacy.",
                 [SOURCE]).supported


@pytest.mark.parametrize("claim, reason", [
    ("Hegseth and Giang agreed in Hanoi to a $100 billion arms deal.", "number"),
    ("Hegseth and Putin agreed in Hanoi to widen cooperation on the war's legacy.", "name"),
    ("Hegseth promised Vietnam advanced fighter jets, submarines and a new military alliance.", "content words"),
])
def test_a_claim_the_cited_span_does_not_support_fails(claim, reason):
    verdict = check(claim, [SOURCE])
    assert not verdict.supported and reason in verdict.reason


def test_an_uncited_sentence_fails():
    assert check("Hegseth met Giang in Hanoi.", []).reason == "cites no source"


def test_replies_are_read_sentence_by_sentence_with_their_source_numbers():
    reply = "- Hegseth met Giang in Hanoi. [1][3]\nThey agreed to widen cooperation [2].\n\nNo sources here\n[4, 5] tail [6]"
    assert parse_reply(reply) == [("Hegseth met Giang in Hanoi.", [1, 3]), ("They agreed to widen cooperation", [2]),
                                  ("No sources here", []), ("[4, 5] tail", [6])]


def _stub(httpserver, hallucinate=True):
    """A chat-completions endpoint that restates source 1 and, if asked, adds a made-up claim."""

    def handler(request):
        body = json.loads(request.data)
        prompt = body["messages"][0]["content"]
        sources = dict(re.findall(r"^\[(\d+)\] (.+)$", prompt, re.M))
        first = sources["1"].rstrip(".")
        lines = [f"{first}. [1]"]
        if hallucinate:
            lines.append("Hanoi also agreed to buy 40 Russian Su-35 jets worth $100 billion. [2]")
        return Response(json.dumps({"choices": [{"message": {"role": "assistant", "content": "\n".join(lines)}}]}),
                        content_type="application/json")

    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_handler(handler)
    return httpserver.url_for("/v1")


def test_generated_sentences_that_pass_are_kept_with_their_citations_and_the_rest_dropped(httpserver):
    store = sample_store()
    story = story_of(store, "hegseth-hanoi-2025-pws")
    extractive = build_briefing(store, story)
    writer = GenerativeWriter(_stub(httpserver), "stub-model")
    briefing = build_briefing(store, story, writer=writer)
    assert briefing.writer.startswith("generative (stub-model")
    happened = briefing.section("happened").items[0].statements
    first = extractive.section("happened").items[0].statements[0]
    assert len(happened) == 1 and happened[0].label == "generated"
    assert happened[0].cites == first.cites
    assert any("$100 billion" in d and "number" in d for d in briefing.dropped)
    # sections the writer does not rewrite stay extractive
    assert briefing.section("papers") == extractive.section("papers")


def test_a_failing_endpoint_is_an_error_naming_it(httpserver):
    httpserver.expect_request("/v1/chat/completions").respond_with_data("overloaded", status=503)
    writer = GenerativeWriter(httpserver.url_for("/v1"), "stub-model")
    store = sample_store()
    with pytest.raises(InputError, match="chat/completions"):
        build_briefing(store, story_of(store, "hegseth-hanoi-2025-pws"), writer=writer)


def test_brief_with_the_generative_writer_from_the_command_line(httpserver, tmp_path):
    store = sample_store()
    url = _stub(httpserver, hallucinate=True)
    story = str(story_of(store, "hegseth-hanoi-2025-pws"))
    db = store.url.removeprefix("sqlite:///")
    env = {"TIGHTROPE_LLM_URL": url, "TIGHTROPE_LLM_MODEL": "stub-model"}
    out = run_cli("brief", story, "--writer", "generative", "--db", db, env=env).stdout
    assert "Dropped by the source check" in out and "$100 billion" in out
    assert "generative (stub-model, source-checked)" in out
    missing = run_cli("brief", story, "--writer", "generative", "--db", db, check=False,
                      env={"TIGHTROPE_LLM_URL": "", "TIGHTROPE_LLM_MODEL": ""})
    assert missing.returncode == 1 and "TIGHTROPE_LLM_URL" in missing.stderr
