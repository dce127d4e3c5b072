"""The briefing writer's data (``data/briefing.yaml``), loaded and validated once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml

from tightrope.errors import DictionaryError

SECTION_KEYS = ("happened", "behind", "papers", "timeline", "deeper", "topics")
ANSWER_KINDS = {"agreements", "next", "analysts", "numbers", "disagreement", "background", "recent"}


@dataclass(frozen=True, slots=True)
class BriefingLexicon:
    sections: dict[str, str]
    analysis: re.Pattern
    attribution: re.Pattern
    next: re.Pattern
    questions: tuple[tuple[str, str], ...]  # (question template, answer kind)
    with_article: frozenset[str]

    def in_sentence(self, name: str) -> str:
        """A state's name as a sentence writes it: "the United States", "Vietnam"."""
        return f"the {name}" if name in self.with_article else name

    def count(self, pattern: re.Pattern, text: str) -> int:
        return len(pattern.findall(text))


def _cues(words: list, where: str) -> re.Pattern:
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DictionaryError(f"{where}: must be a list of non-empty strings")
    alternatives = sorted({re.escape(w.strip().rstrip("*")) + (r"\w*" if w.strip().endswith("*") else r"(?![\w-])")
                           for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicon() -> BriefingLexicon:
    path = files("tightrope.stories") / "data" / "briefing.yaml"
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"{where}: cannot read the briefing lexicon ({exc})") from None
    sections = data.get("sections") or {}
    if set(sections) != set(SECTION_KEYS):
        raise DictionaryError(f"{where}: sections must be exactly {list(SECTION_KEYS)}")
    questions = []
    for i, q in enumerate(data.get("questions") or []):
        if not isinstance(q, dict) or q.get("answer") not in ANSWER_KINDS or not q.get("question"):
            raise DictionaryError(f"{where}: questions[{i}] needs a 'question' and an 'answer' in {sorted(ANSWER_KINDS)}")
        questions.append((str(q["question"]), q["answer"]))
    return BriefingLexicon(
        sections={k: str(sections[k]) for k in SECTION_KEYS},
        analysis=_cues(data.get("analysis_cues"), f"{where}: analysis_cues"),
        attribution=_cues(data.get("attribution"), f"{where}: attribution"),
        next=_cues(data.get("next_cues"), f"{where}: next_cues"),
        questions=tuple(questions),
        with_article=frozenset(str(n) for n in data.get("with_article") or []),
    )
