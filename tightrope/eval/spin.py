"""How well spin is detected and repaired: ``tightrope eval spin``.

Detection: the verdict on known spun texts (all should be flagged) and on clean news (the
false-positive rate). Repair, on pairs of a spun text and its original: word-level figures
from aligning spun, repaired and original words —

- *spun words restored*: of the original's words that the spinner changed (short differing
  stretches in the spun-vs-original alignment; long ones are captions or passages one text
  lacks), the share the repaired stretch gives back exactly;
- *unspun words wrongly changed*: of the words the spinner left alone, the share an edit changed;
- *WER*: word error rate of the repaired text against the original, beside the spun text's;

each from language knowledge alone and with the original at hand (repair by alignment) —
and, for texts with no original, whether the phrases issue 5 expects ("Cold War") are back.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from tightrope.errors import InputError
from tightrope.integrity import IntegrityChecker
from tightrope.integrity.align import MAX_STRETCH
from tightrope.integrity.repair import apply_edits
from tightrope.integrity.tokens import tokenize, words
from tightrope.model import Document, Edit

# What issue 5 asks the repair of its development texts to bring back, each with the spun
# form seed 001 has in its place (reported too: it should be gone after repair).
EXPECTED_PHRASES = {
    "General Secretary": "Common Secretary",
    "Communist Party": "Communist Get together",
    "Democratic People's Republic of Korea": "Democratic Folks's Republic of Korea",
    "visit": "go to",
    "Cold War": "Chilly Conflict",
    "International": "Worldwide",
    "satellite": "satellite tv for pc",
    "soft balancing": "soppy balancing",
}


def read_text(path: Path) -> str:
    """A text file's body: after a ``---`` line when the file starts with ``#`` header lines
    (the format of ../shared/data/spin), else the whole file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    if text.startswith("#") and "\n---\n" in text:
        text = text.split("\n---\n", 1)[1]
    return text.replace("[TRUNCATED IN STORED EXCERPT]", "")


def read_texts(path: Path) -> list[tuple[str, str, str | None]]:
    """``(id, text, kind)`` of each article in a JSON Lines file, or of a text file."""
    if path.suffix != ".jsonl":
        return [(path.stem, read_text(path), None)]
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            out.append((str(row.get("id") or f"{path.stem}:{n}"), row["text"], row.get("kind")))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}", f"not an article line ({exc})") from exc
    return out


@dataclass
class DetectionScore:
    spun_total: int = 0
    spun_flagged: int = 0
    clean_total: int = 0
    clean_flagged: int = 0
    missed: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    scores: list[dict] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.spun_flagged / self.spun_total if self.spun_total else 0.0

    @property
    def false_positive_rate(self) -> float:
        return self.clean_flagged / self.clean_total if self.clean_total else 0.0

    def as_dict(self) -> dict:
        d = asdict(self)
        d.update(recall=round(self.recall, 4), false_positive_rate=round(self.false_positive_rate, 4))
        return d


def score_detection(spun: list[tuple[str, str]], clean: list[tuple[str, str]], checker: IntegrityChecker | None = None) -> DetectionScore:
    """Verdicts on known spun texts and known clean ones."""
    checker = checker or IntegrityChecker()
    out = DetectionScore()
    for label, items in (("spun", spun), ("clean", clean)):
        for doc_id, text in items:
            result = checker.check(Document(doc_id, text))
            row = {"id": doc_id, "expected": label, "spun": result.spun, "score": result.score}
            out.scores.append(row)
            if label == "spun":
                out.spun_total += 1
                out.spun_flagged += result.spun
                if not result.spun:
                    out.missed.append(row)
            else:
                out.clean_total += 1
                out.clean_flagged += result.spun
                if result.spun:
                    out.false_positives.append(row)
    return out


@dataclass
class RepairScore:
    id: str
    with_original: bool
    spun_words: int
    restored: int
    unspun_words: int
    wrongly_changed: int
    wer_spun: float
    wer_repaired: float
    edits: int
    copy_of: str | None = None
    phrases: dict = field(default_factory=dict)  # phrase -> [in spun, in repaired, in original]

    @property
    def restored_share(self) -> float:
        return self.restored / self.spun_words if self.spun_words else 0.0

    @property
    def wrongly_changed_share(self) -> float:
        return self.wrongly_changed / self.unspun_words if self.unspun_words else 0.0

    def as_dict(self) -> dict:
        d = asdict(self)
        d.update(restored_share=round(self.restored_share, 4), wrongly_changed_share=round(self.wrongly_changed_share, 4))
        return d


def count_phrase(text: str, phrase: str) -> int:
    """Occurrences of ``phrase`` in ``text`` (whole words, case-sensitive, either apostrophe)."""
    pattern = r"(?<!\w)" + re.escape(phrase).replace("'", "['’]") + r"(?!\w)"
    return len(re.findall(pattern, text))


def _lcs(a: list[str], b: list[str]) -> int:
    return sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def score_pair(doc_id: str, spun_text: str, original_text: str, edits: list[Edit], *, with_original: bool,
               copy_of: str | None, phrases: list[str]) -> RepairScore:
    """Word-level figures of one repair (see the module docstring). One alignment of the
    spun words with the original's decides which words the spinner changed: a differing
    stretch of at most ``MAX_STRETCH`` words a side is a substitution; longer ones (a caption
    or passage one text lacks) are structure, left out of the shares but not of the WER."""
    s_tokens = [t for t in tokenize(spun_text) if t.is_word]
    s = [t.norm for t in s_tokens]
    o = words(original_text)
    repaired = apply_edits(spun_text, edits)
    spun_words = restored = unspun_words = wrongly = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, s, o, autojunk=False).get_opcodes():
        if tag not in ("equal", "replace") or i1 == i2:
            continue
        a, b = s_tokens[i1].start, s_tokens[i2 - 1].end
        touching = [e for e in edits if e.start < b and e.end > a]
        if tag == "replace":
            if i2 - i1 > MAX_STRETCH or j2 - j1 > MAX_STRETCH:
                continue
            if touching:
                a, b = min([a] + [e.start for e in touching]), max([b] + [e.end for e in touching])
            local = [Edit(e.start - a, e.end - a, e.spun, e.restored, e.confidence, e.via) for e in touching]
            spun_words += j2 - j1
            restored += _lcs(words(apply_edits(spun_text[a:b], local)), o[j1:j2])
        else:
            unspun_words += i2 - i1
            for e in touching:
                kept = words(e.restored)
                for t in s_tokens[i1:i2]:
                    if e.start <= t.start and t.end <= e.end or (t.start < e.end and e.start < t.end):
                        if t.norm in kept:
                            kept.remove(t.norm)
                        else:
                            wrongly += 1
    r = words(repaired)
    return RepairScore(
        id=doc_id, with_original=with_original,
        spun_words=spun_words, restored=restored, unspun_words=unspun_words, wrongly_changed=wrongly,
        wer_spun=round(Levenshtein.distance(s, o) / max(len(o), 1), 4),
        wer_repaired=round(Levenshtein.distance(r, o) / max(len(o), 1), 4),
        edits=len(edits), copy_of=copy_of,
        phrases={p: [count_phrase(spun_text, p), count_phrase(repaired, p), count_phrase(original_text, p)] for p in phrases},
    )


def score_repair(pairs: list[tuple[str, str, str]], phrases: dict | list[str] | None = None) -> list[RepairScore]:
    """Repair each ``(id, spun, original)`` from language knowledge alone and then with the
    original at hand, and score both."""
    phrases = EXPECTED_PHRASES if phrases is None else phrases
    checker = IntegrityChecker()
    out = []
    for doc_id, spun_text, original_text in pairs:
        for with_original in (False, True):
            original = Document(f"{doc_id}:original", original_text) if with_original else None
            result = checker.check(Document(doc_id, spun_text), original=original)
            out.append(score_pair(doc_id, spun_text, original_text, result.edits, with_original=with_original,
                                  copy_of=result.copy_of, phrases=phrases))
    return out


def phrases_in(doc_id: str, text: str, phrases: dict | list[str] | None = None) -> dict:
    """For a spun text with no original: each expected phrase's count in the spun and the
    repaired text, and the verdict."""
    phrases = EXPECTED_PHRASES if phrases is None else phrases
    result = IntegrityChecker().check(Document(doc_id, text))
    repaired = result.repaired if result.repaired is not None else text
    after = IntegrityChecker().check(Document(doc_id, repaired))
    out = {"id": doc_id, "spun": result.spun, "score": result.score, "edits": len(result.edits),
           "score_after_repair": after.score, "phrases": {}, "spun_forms": {}}
    for phrase, spun_form in (phrases.items() if isinstance(phrases, dict) else ((p, None) for p in phrases)):
        out["phrases"][phrase] = [count_phrase(text, phrase), count_phrase(repaired, phrase)]
        if spun_form:
            out["spun_forms"][spun_form] = [count_phrase(text, spun_form), count_phrase(repaired, spun_form)]
    return out


def standard_sets(shared: Path) -> dict:
    """The development sets of issue 5, read from ``shared`` (the ../shared folder) and the
    bundled sample corpus: spun texts, clean texts, spun/original pairs."""
    from tightrope.data import sample_corpus_path

    spun, clean, pairs = [], [], []
    for doc_id, text, kind in read_texts(sample_corpus_path()):
        (spun if kind == "spun_copy" else clean).append((doc_id, text))
    seeds = sorted((shared / "seeds").glob("001_*.txt"))
    spun += [(p.name, read_text(p)) for p in seeds]
    spin = shared / "data" / "spin"
    for p in sorted(spin.glob("spun_*.txt")):
        spun.append((p.name, read_text(p)))
        original = spin / p.name.replace("spun_", "original_", 1)
        if original.exists():
            pairs.append((p.stem.replace("spun_", "", 1), read_text(p), read_text(original)))
    dev = shared / "data" / "articles_dev.jsonl"
    if dev.exists():
        clean += [(doc_id, text) for doc_id, text, _ in read_texts(dev)]
    return {"spun": spun, "clean": clean, "pairs": pairs, "phrase_texts": [(p.name, read_text(p)) for p in seeds]}


def evaluate(spun: list[tuple[str, str]], clean: list[tuple[str, str]], pairs: list[tuple[str, str, str]],
             phrase_texts: list[tuple[str, str]], phrases: dict | list[str] | None = None) -> dict:
    """Every figure of ``tightrope eval spin`` as one dict."""
    detection = score_detection(spun, clean)
    repairs = score_repair(pairs, phrases)
    totals = {}
    for with_original in (False, True):
        chosen = [r for r in repairs if r.with_original == with_original]
        if not chosen:
            continue
        sw, rs = sum(r.spun_words for r in chosen), sum(r.restored for r in chosen)
        uw, wc = sum(r.unspun_words for r in chosen), sum(r.wrongly_changed for r in chosen)
        totals["with_original" if with_original else "language_only"] = {
            "spun_words": sw, "restored": rs, "restored_share": round(rs / sw, 4) if sw else 0.0,
            "unspun_words": uw, "wrongly_changed": wc, "wrongly_changed_share": round(wc / uw, 4) if uw else 0.0,
            "wer_spun": round(sum(r.wer_spun for r in chosen) / len(chosen), 4),
            "wer_repaired": round(sum(r.wer_repaired for r in chosen) / len(chosen), 4),
        }
    return {
        "detection": detection.as_dict(),
        "repair": [r.as_dict() for r in repairs],
        "repair_totals": totals,
        "phrases": [phrases_in(doc_id, text, phrases) for doc_id, text in phrase_texts],
    }
