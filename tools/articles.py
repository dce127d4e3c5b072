"""Synthetic news articles for tests and benchmarks.

Sentences are built from slots (states, leaders, acts, places, numbers, dates) so that every
article is distinct — no two share more than a few word 3-shingles by chance — while reading
like the diplomatic news Tightrope is for. Deterministic for a given seed.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

STATES = ["Vietnam", "China", "the United States", "Russia", "North Korea", "South Korea", "Japan", "India",
          "Laos", "Cambodia", "the Philippines", "Indonesia", "Australia", "Thailand", "Malaysia", "Singapore"]
ROLES = ["foreign minister", "defence minister", "prime minister", "president", "trade minister", "deputy prime minister",
         "ambassador", "navy chief", "party secretary", "finance minister"]
ACTS = ["held talks with", "met", "signed a memorandum with", "criticised", "urged", "hosted", "called",
        "welcomed", "warned", "pledged support to", "agreed to expand cooperation with", "protested to"]
TOPICS = ["maritime security", "rice exports", "semiconductor supply chains", "rail links", "fisheries",
          "climate finance", "nuclear energy", "wartime legacy work", "customs rules", "digital trade",
          "port investment", "vaccine production", "border demarcation", "mine clearance", "student exchanges"]
PLACES = ["Hanoi", "Beijing", "Washington", "Moscow", "Pyongyang", "Seoul", "Tokyo", "New Delhi", "Vientiane",
          "Phnom Penh", "Manila", "Jakarta", "Canberra", "Bangkok", "Kuala Lumpur", "Singapore", "Da Nang", "Busan"]
FILLER = ["officials said", "according to a statement", "the ministry said", "diplomats noted",
          "state media reported", "a spokesperson added", "analysts said", "sources familiar with the talks said"]
WORDS = ("agenda budget channel decade deadline draft envoy forum framework harbour investment ledger "
         "mandate network outline package pathway pilot quota review roadmap schedule shipment summit "
         "tariff treaty venture visit workshop yard zone cable corridor grid loan pact plant route").split()


def _sentence(rng: random.Random, day: date) -> str:
    a, b = rng.sample(STATES, 2)
    kind = rng.randrange(5)
    if kind == 0:
        return (f"The {rng.choice(ROLES)} of {a} {rng.choice(ACTS)} {b} in {rng.choice(PLACES)} on "
                f"{day:%A}, {rng.choice(FILLER)}.")
    if kind == 1:
        return (f"{a.capitalize()} and {b} discussed {rng.choice(TOPICS)} and {rng.choice(TOPICS)}, with a "
                f"{rng.choice(WORDS)} worth {rng.randint(2, 950)} million dollars under review, {rng.choice(FILLER)}.")
    if kind == 2:
        return (f"Talks on {rng.choice(TOPICS)} will resume in {rng.choice(PLACES)} in "
                f"{(day + timedelta(days=rng.randint(20, 200))):%B}, and {rng.randint(3, 60)} "
                f"{rng.choice(WORDS)}s are planned.")
    if kind == 3:
        return (f"Since {rng.randint(1975, 2020)}, the two sides have built a {rng.choice(WORDS)} on "
                f"{rng.choice(TOPICS)}, {rng.choice(FILLER)}, though {rng.choice(WORDS)} {rng.choice(WORDS)} "
                f"issues remain.")
    return (f"{rng.choice(FILLER).capitalize()} that the {rng.choice(WORDS)} on {rng.choice(TOPICS)} "
            f"covered {rng.randint(2, 99)} {rng.choice(WORDS)}s and a {rng.choice(WORDS)} near "
            f"{rng.choice(PLACES)}.")


def generate(n: int, seed: int = 7, words: int = 250) -> list[dict]:
    """``n`` articles in the ingest JSONL format (id, title, outlet, url, published, text)."""
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    out = []
    for i in range(n):
        day = start + timedelta(days=rng.randrange(1000))
        sentences, count = [], 0
        while count < words:
            s = _sentence(rng, day)
            sentences.append(s)
            count += len(s.split())
        paragraphs = ["\n".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3)]
        out.append(
            {
                "id": f"gen-{seed}-{i:07d}",
                "title": sentences[0][:80],
                "outlet": f"Outlet {rng.randrange(40)}",
                "url": f"https://news{rng.randrange(40)}.example.com/{day:%Y/%m/%d}/{i}",
                "published": day.isoformat(),
                "text": "\n".join(paragraphs),
            }
        )
    return out


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path
