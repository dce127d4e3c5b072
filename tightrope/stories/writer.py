"""The optional generative writer: rephrases a briefing's sections through an OpenAI-compatible
chat endpoint, keeping only sentences that pass the source check.

Off by default (the extractive writer needs no network). Configured by the user:

    TIGHTROPE_LLM_URL    base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1
    TIGHTROPE_LLM_MODEL  the model name the endpoint serves
    TIGHTROPE_LLM_KEY    an API key, when the endpoint needs one (sent as a Bearer token)

For each rewritten section the writer sends the section's extractive sentences, numbered, and
asks for a shorter text whose every sentence ends with the numbers of the sentences it rests
on ("[1][3]"). Each returned sentence is checked against the spans it cites
(:func:`tightrope.stories.check.check`); a sentence that fails is dropped and listed in
``Briefing.dropped``, and a section where none passes keeps its extractive sentences. Nothing
but the sentences of the briefing is sent.
"""

from __future__ import annotations

import os
import re

import httpx

from tightrope.errors import InputError
from tightrope.model import Briefing, BriefingItem, Statement
from tightrope.stories.check import check

ENV_URL = "TIGHTROPE_LLM_URL"
ENV_MODEL = "TIGHTROPE_LLM_MODEL"
ENV_KEY = "TIGHTROPE_LLM_KEY"
REWRITTEN = ("happened", "behind")
TIMEOUT = 60.0
_PROMPT = (
    "You write one section of a news briefing from numbered source sentences. Write {n} to {m} short, "
    "plain sentences that together say what the sources say in this section ({title}). Use only facts "
    "in the sources; add no names, numbers, dates or judgements of your own. End every sentence with "
    "the numbers of the source sentences it rests on, in square brackets, like [1][3]. Reply with the "
    "sentences only, one per line.\n\nSources:\n{sources}"
)
_REFS = re.compile(r"\s*((?:\[\d+(?:\s*,\s*\d+)*\]\s*)+)\.?\s*$")


class GenerativeWriter:
    """Rewrites briefing sections through an OpenAI-compatible endpoint, with the source check."""

    def __init__(self, url: str, model: str, key: str | None = None, timeout: float = TIMEOUT,
                 sections: tuple[str, ...] = REWRITTEN):
        self.url = url.rstrip("/")
        self.model = model
        self.key = key
        self.timeout = timeout
        self.sections = sections

    @classmethod
    def from_env(cls) -> "GenerativeWriter":
        url, model = os.environ.get(ENV_URL), os.environ.get(ENV_MODEL)
        if not url or not model:
            raise InputError("--writer generative", f"set {ENV_URL} (an OpenAI-compatible API, e.g. "
                             f"http://127.0.0.1:8080/v1) and {ENV_MODEL}, or use the extractive writer")
        return cls(url, model, os.environ.get(ENV_KEY))

    def complete(self, prompt: str) -> str:
        """The endpoint's reply to one user message."""
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        body = {"model": self.model, "temperature": 0, "messages": [{"role": "user", "content": prompt}]}
        try:
            response = httpx.post(f"{self.url}/chat/completions", json=body, headers=headers, timeout=self.timeout)
            response.raise_for_status()
            return response.json()["choices"][0]["message"]["content"]
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
            raise InputError(f"{self.url}/chat/completions", f"the generative writer's endpoint failed ({exc}); "
                             "check TIGHTROPE_LLM_URL, or use the extractive writer") from None

    def rewrite(self, briefing: Briefing, ctx=None) -> Briefing:
        """Replace the sections in ``self.sections`` by checked generated sentences."""
        rewritten = False
        for section in briefing.sections:
            if section.key not in self.sections:
                continue
            sources = [st for item in section.items for st in item.statements if st.cites]
            if not sources:
                continue
            listed = "\n".join(f"[{i}] {st.text}" for i, st in enumerate(sources, start=1))
            reply = self.complete(_PROMPT.format(n=1, m=max(1, min(4, len(sources))), title=section.title,
                                                 sources=listed))
            kept = []
            for text, refs in parse_reply(reply):
                cited = [sources[r - 1] for r in refs if 1 <= r <= len(sources)]
                verdict = check(text, [st.text for st in cited])
                if verdict.supported:
                    kept.append(Statement(text, [c for st in cited for c in st.cites], "generated"))
                else:
                    briefing.dropped.append(f"{text} — {verdict.reason}")
            if kept:
                section.items = [BriefingItem(statements=kept)]
                rewritten = True
        if rewritten:
            briefing.writer = f"generative ({self.model}, source-checked)"
        return briefing


def parse_reply(reply: str) -> list[tuple[str, list[int]]]:
    """Sentences of a reply with the source numbers each ends with ("…. [1][3]")."""
    out = []
    for line in reply.splitlines():
        line = line.strip().lstrip("-*• ").strip()
        if not line:
            continue
        m = _REFS.search(line)
        refs = [int(n) for n in re.findall(r"\d+", m.group(1))] if m else []
        text = line[: m.start()].strip() if m else line
        if text:
            out.append((text, refs))
    return out
