"""How well actor mentions resolve: PLOVER gold actors, and our hand-checked mention list.

``score_plover`` reads the PLOVER gold records (each sentence with its source and target actor
texts and ISO-3 codes), resolves the sentence, and counts a gold actor as right when a mention
overlapping the first occurrence of its text carries the gold key. Legacy CAMEO codes are
mapped to ISO-3166 (``JAP``→``JPN``…), ``IGO`` matches any ``IGO:`` key, and the codes that
are no state or organisation (``NGO``, ``IMG``, ``ISM``…) are left out of the score and
counted apart.

``score_mentions`` reads a JSONL list of hand-checked mentions in known documents
(``{"doc", "text", "occurrence", "key", "sector"}``) and checks each is found and resolved.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from tightrope.actors.resolver import Resolver
from tightrope.errors import InputError

LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UKG": "GBR", "GMY": "DEU", "SER": "SRB", "ROM": "ROU"}
NON_STATE_CODES = {"NGO", "IMG", "ISM", "MNC", "REB", "CVL", "UIS", "SPY"}


@dataclass
class ActorScore:
    total: int = 0
    right: int = 0
    left_out: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"total": self.total, "right": self.right, "accuracy": round(self.accuracy, 4),
                "left_out_non_state": self.left_out, "errors": self.errors}


def _gold_actors(record: dict) -> list[dict]:
    out = []
    for side in ("source", "target"):
        value = record.get(side)
        if isinstance(value, list):
            out.extend(a for a in value if isinstance(a, dict) and a.get("actorText"))
    return out


def _key_matches(found: str | None, gold: str) -> bool:
    gold = LEGACY_CODES.get(gold, gold)
    if found is None:
        return False
    if gold == "IGO":
        return found.startswith("IGO:")
    return found == gold


def _locate(text: str, actor_text: str) -> tuple[int, int]:
    """Where the gold actor text is in the sentence. Gold texts are sometimes not verbatim
    ("NATO  peacekeeping troops", "Bosnian Serbs ... forces", "French warships" for "French
    and Egyptian warships", "Ghanians" for "Ghanaians"): then the span of its first part, else
    of its longest capitalised word (the name that says who), else of its longest word, else of
    the word one typo from one of its words."""
    wanted = " ".join(actor_text.split())
    for candidate in (wanted, re.split(r"\.\.+", wanted)[0].strip(" .")):
        m = re.search(r"(?<!\w)" + re.escape(candidate) + r"(?!\w)", text, re.IGNORECASE) if candidate else None
        if m:
            return m.start(), m.end()
    words = re.findall(r"[\w'-]+", wanted)
    for word in sorted(words, key=lambda w: (not w[:1].isupper(), -len(w))):
        m = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)
        if m:
            return m.start(), m.end()
    for word in sorted(words, key=len, reverse=True):
        for m in re.finditer(r"[\w'-]+", text):
            if len(word) >= 5 and fuzz.ratio(word.lower(), m.group().lower()) >= 85:
                return m.start(), m.end()
    return -1, -1


def score_plover(path: Path, resolver: Resolver | None = None) -> ActorScore:
    """Share of PLOVER gold source/target actor texts resolved to the right key."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read PLOVER gold records: {exc}") from None
    resolver = resolver or Resolver()
    score = ActorScore()
    for record in records:
        text = record.get("text")
        if not text:
            continue
        mentions = resolver.resolve(text, on=record.get("date"))
        for actor in _gold_actors(record):
            code = actor.get("code", "")
            if code in NON_STATE_CODES:
                score.left_out += 1
                continue
            start, end = _locate(text, actor["actorText"])
            found = [m for m in mentions if start >= 0 and m.start < end and start < m.end and m.actor]
            score.total += 1
            if any(_key_matches(m.actor.key, code) for m in found):
                score.right += 1
            else:
                score.errors.append({"id": record.get("id"), "actor": actor["actorText"], "gold": code,
                                     "found": [f"{m.text}→{m.actor.key}" for m in found]})
    return score


def score_mentions(path: Path, articles: Path, resolver: Resolver | None = None) -> ActorScore:
    """Share of hand-checked mentions found with the right key (and sector, where given)."""
    docs = {}
    for line in Path(articles).open(encoding="utf-8"):
        row = json.loads(line)
        title = row.get("title")
        docs[row["id"]] = (f"{title}\n\n{row['text']}" if title else row["text"], row.get("published") or row.get("date"))
    resolver = resolver or Resolver()
    cache: dict[str, list] = {}
    score = ActorScore()
    for number, line in enumerate(Path(path).open(encoding="utf-8"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        want = json.loads(line)
        if want["doc"] not in docs:
            raise InputError(f"{path}:{number}", f"document {want['doc']!r} is not in {articles}")
        text, day = docs[want["doc"]]
        if want["doc"] not in cache:
            cache[want["doc"]] = resolver.resolve(text, on=day)
        start, occurrence = -1, want.get("occurrence", 1)
        for _ in range(occurrence):
            start = text.find(want["text"], start + 1)
        if start < 0:
            raise InputError(f"{path}:{number}", f"{want['text']!r} does not occur {occurrence}× in {want['doc']}")
        end = start + len(want["text"])
        # the mention may be the gold span, contain it, or lie inside it ("Vietnam" in "Vietnam's")
        found = [m for m in cache[want["doc"]] if m.actor and m.start < end and start < m.end
                 and ((m.start <= start and end <= m.end) or (start <= m.start and m.end <= end))]
        score.total += 1
        ok = any(m.actor.key == want["key"] and (not want.get("sector") or m.actor.sector == want["sector"]) for m in found)
        if ok:
            score.right += 1
        else:
            score.errors.append({"line": number, "doc": want["doc"], "text": want["text"], "gold": f"{want['key']}/{want.get('sector')}",
                                 "found": [f"{m.text}→{m.actor.key}/{m.actor.sector}" for m in found]})
    return score
