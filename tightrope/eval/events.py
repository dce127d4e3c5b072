"""Event scoring exactly as ANNOTATION.md defines it.

Per text, system and gold events are matched one-to-one by a maximum matching over
compatible pairs: equal ``type`` and agreeing actors (each side's key list overlaps the other's,
both empty counting as agreeing; for a gold event marked ``reciprocal`` the system's parties
must overlap the gold source and the gold target in any direction). Reported: event P/R/F1
micro-averaged over texts, the same with actors ignored (type only), per-type P/R, and
certainty and date accuracy on matched pairs. Sentence sets with one label per sentence
(PLOVER gold records) are scored by primary-type accuracy; PETRARCH-2's gold records by
CAMEO-root triple F1.

This module scores; it does not code. Callers hand it system output in the JSONL format of
``tightrope code`` (actors as objects with a ``key``, or bare keys).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from tightrope.events.dyads import cameo_triples

# PLOVER 0.5b1 names in older gold files → PLOVER 0.8.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def keys(actors) -> set[str]:
    """Actor keys of a source/target list (objects with ``key`` or bare strings)."""
    out = set()
    for a in actors or []:
        k = a.get("key") if isinstance(a, dict) else a
        if k:
            out.add(k)
    return out


def _overlap(a: set, b: set) -> bool:
    return (not a and not b) or bool(a & b)


def compatible(system: dict, gold: dict, with_actors: bool = True) -> bool:
    """Whether a system event may be matched to a gold event."""
    if LEGACY_TYPES.get(system.get("type"), system.get("type")) != LEGACY_TYPES.get(gold.get("type"), gold.get("type")):
        return False
    if not with_actors:
        return True
    s_src, s_tgt = keys(system.get("source")), keys(system.get("target"))
    g_src, g_tgt = keys(gold.get("source")), keys(gold.get("target"))
    if gold.get("reciprocal"):
        parties = s_src | s_tgt
        return bool(parties & g_src) and (not g_tgt or bool(parties & g_tgt))
    return _overlap(s_src, g_src) and _overlap(s_tgt, g_tgt)


def match(system: list[dict], gold: list[dict], with_actors: bool = True) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of compatible (system index, gold index) pairs."""
    if not system or not gold:
        return []
    ok = np.array([[compatible(s, g, with_actors) for g in gold] for s in system], dtype=float)
    rows, cols = linear_sum_assignment(-ok)
    return [(r, c) for r, c in zip(rows, cols) if ok[r, c]]


def _prf(tp: int, n_sys: int, n_gold: int) -> dict:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "system": n_sys, "gold": n_gold}


@dataclass
class EventScores:
    """Scores over a set of texts."""

    tp: int = 0
    system: int = 0
    gold: int = 0
    type_tp: int = 0
    per_type: dict = field(default_factory=lambda: defaultdict(Counter))
    certainty_right: int = 0
    date_right: int = 0
    texts: int = 0
    misses: list[dict] = field(default_factory=list)

    def add(self, text_id: str, system: list[dict], gold: list[dict]) -> None:
        self.texts += 1
        pairs = match(system, gold)
        self.tp += len(pairs)
        self.system += len(system)
        self.gold += len(gold)
        self.type_tp += len(match(system, gold, with_actors=False))
        for s in system:
            self.per_type[LEGACY_TYPES.get(s["type"], s["type"])]["system"] += 1
        for g in gold:
            self.per_type[LEGACY_TYPES.get(g["type"], g["type"])]["gold"] += 1
        for si, gi in pairs:
            s, g = system[si], gold[gi]
            self.per_type[LEGACY_TYPES.get(g["type"], g["type"])]["tp"] += 1
            self.certainty_right += s.get("certainty", "asserted") == g.get("certainty", "asserted")
            self.date_right += (s.get("date") or None) == (g.get("date") or None)
        matched_s = {si for si, _ in pairs}
        matched_g = {gi for _, gi in pairs}
        for i, s in enumerate(system):
            if i not in matched_s:
                self.misses.append({"id": text_id, "kind": "false positive", "event": _brief(s)})
        for i, g in enumerate(gold):
            if i not in matched_g:
                self.misses.append({"id": text_id, "kind": "missed", "event": _brief(g)})

    def as_dict(self) -> dict:
        return {
            "texts": self.texts,
            "events": _prf(self.tp, self.system, self.gold),
            "type_only": _prf(self.type_tp, self.system, self.gold),
            "per_type": {t: _prf(c["tp"], c["system"], c["gold"]) for t, c in sorted(self.per_type.items())},
            "certainty_accuracy": round(self.certainty_right / self.tp, 4) if self.tp else None,
            "date_accuracy": round(self.date_right / self.tp, 4) if self.tp else None,
        }


def _brief(e: dict) -> str:
    src = ",".join(sorted(keys(e.get("source")))) or "-"
    tgt = ",".join(sorted(keys(e.get("target")))) or "-"
    ev = e.get("evidence")
    if isinstance(ev, list):
        ev = f"@{ev[0]}-{ev[1]}"
    return f"{e.get('type')}{'/' + e['mode'] if e.get('mode') else ''} {src}→{tgt} {e.get('certainty', '')} {e.get('date') or ''} «{(ev or '')[:80]}»"


def primary_type(events: list[dict]) -> str:
    """The type of the first event in text order, or NONE."""
    if not events:
        return "NONE"
    def start(e):
        ev = e.get("evidence")
        return ev[0] if isinstance(ev, (list, tuple)) and ev else 0
    first = min(events, key=start)
    return LEGACY_TYPES.get(first["type"], first["type"])


# Where the PLOVER GSR records code differently from ANNOTATION.md (which Tightrope follows):
# both code a promise, the doer's own word on what it will do ("said it will release…", "is
# willing to withdraw…"), as AGREE or THREATEN; but a future act the writer tells or schedules
# ("X will visit Y", "plans to impose…") is the act with certainty `planned` here, an AGREE or a
# THREATEN there.
CONVENTION_NOTES = {
    "AGREE": "scheduled act coded AGREE in the PLOVER records; Tightrope codes the act, certainty planned",
    "THREATEN": "scheduled hostile act coded THREATEN in the PLOVER records; Tightrope codes the act, certainty planned",
}


def _convention(want: str, coded: list[dict]) -> str | None:
    """The ANNOTATION.md convention that explains a PLOVER-record miss, if one does."""
    if not coded:
        return None
    first = min(coded, key=lambda e: e["evidence"][0] if e.get("evidence") else 0)
    if want in CONVENTION_NOTES and first.get("certainty") in ("planned", "hypothetical") and first["type"] != want:
        return CONVENTION_NOTES[want]
    return None


def cameo_root(code: str | None) -> str | None:
    return code[:2] if code else None


# CAMEO 01 (make a public statement: comments, sympathy, claims of responsibility) has no
# PLOVER 0.8 type, so a PLOVER coder cannot produce these gold triples; counted apart so that
# the recall they cost is visible.
STATEMENT_ROOT = "01"


def triple_differences(ids: list[str], texts: list[str], system: list[list[tuple]], gold: list[list[tuple]]) -> list[dict]:
    """Per record, the triples one side has more often than the other (multisets)."""
    out = []
    for text_id, text, s, g in zip(ids, texts, system, gold):
        cs, cg = Counter(s), Counter(g)
        for kind, extra in (("missed", cg - cs), ("false positive", cs - cg)):
            for (src, tgt, root), n in sorted(extra.items(), key=str):
                out += [{"id": text_id, "kind": kind, "triple": f"{src or '-'}→{tgt or '-'} {root}", "text": text[:100]}] * n
    return out


def triple_scores(system: list[list[tuple]], gold: list[list[tuple]]) -> dict:
    """Micro P/R/F1 of (source, target, CAMEO root) triples, per record as multisets."""
    tp = n_sys = n_gold = 0
    for s, g in zip(system, gold):
        cs, cg = Counter(s), Counter(g)
        tp += sum((cs & cg).values())
        n_sys += sum(cs.values())
        n_gold += sum(cg.values())
    return _prf(tp, n_sys, n_gold)


# -- running the coder over the three kinds of gold file ------------------------------------


def _actor3(key: str | None) -> str | None:
    """A key or a CAMEO actor code reduced to its state ("USAGOV" → "USA", "IGO:EU" → "IGO")."""
    if not key or key.startswith("---"):
        return None
    return "IGO" if key.startswith("IGO") else key[:3]


def gold_kind(path) -> str:
    """``documents`` (ANNOTATION.md gold JSONL), ``plover`` (PLOVER GSR JSON list) or
    ``petrarch`` (PETRARCH-2 GSR JSONL with CAMEO triples)."""
    from pathlib import Path
    import json

    text = Path(path).read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        return "plover"
    first = json.loads(next(line for line in text.splitlines() if line.strip()))
    return "petrarch" if "expected" in first else "documents"


def evaluate(path, coder, show: int = 0) -> dict:
    """Code the texts of a gold file and score them; returns the figures as a dict."""
    import json
    from pathlib import Path

    from tightrope.events.coder import Input, event_to_json

    kind = gold_kind(path)
    raw = Path(path).read_text(encoding="utf-8")
    if kind == "plover":
        records = [r for r in json.loads(raw) if r.get("text") and r.get("event") != "DOCUMENT"]
        inputs = [Input(r["id"], r["text"], r.get("date")) for r in records]
        right, confusion = 0, Counter()
        misses = []
        conventions: Counter = Counter()
        for r, events in zip(records, coder.code_many(inputs)):
            coded = [event_to_json(e) for e in events]
            got = primary_type(coded)
            want = LEGACY_TYPES.get(r["event"], r["event"])
            right += got == want
            confusion[(want, got)] += 1
            if got != want:
                misses.append({"id": r["id"], "gold": want, "system": got, "text": r["text"][:120]})
                note = _convention(want, coded)
                if note:
                    conventions[note] += 1
        per_type = {}
        for want in sorted({w for w, _ in confusion}):
            n = sum(v for (w, _), v in confusion.items() if w == want)
            per_type[want] = {"gold": n, "right": confusion[(want, want)], "accuracy": round(confusion[(want, want)] / n, 4)}
        return {"kind": kind, "sentences": len(records), "primary_type_accuracy": round(right / len(records), 4),
                "per_type": per_type, "convention_differences": dict(conventions), "misses": misses}
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    if kind == "petrarch":
        inputs = [Input(r["id"], r["text"], _petr_date(r.get("date"))) for r in rows]
        system, gold = [], []
        for r, events in zip(rows, coder.code_many(inputs)):
            system.append([t for e in events for t in cameo_dyads(e, r["text"])])
            gold.append([(_actor3(s), _actor3(t), cameo_root(c)) for s, t, c in r.get("expected") or []])
        petr = triple_scores([[tuple(_actor3(a) if i < 2 else cameo_root(a) for i, a in enumerate(t)) for t in r.get("petrarch2_output") or []] for r in rows], gold)
        statements = sum(t[2] == STATEMENT_ROOT for g in gold for t in g)
        return {"kind": kind, "records": len(rows), "triples": triple_scores(system, gold), "petrarch2_triples": petr,
                "gold_statement_triples": statements,
                "misses": triple_differences([r["id"] for r in rows], [r["text"] for r in rows], system, gold)}
    scores = EventScores()
    inputs = [Input(r["id"], r["text"], r.get("date")) for r in rows]
    for r, events in zip(rows, coder.code_many(inputs)):
        system = [event_to_json(e) for e in events]
        for s in system:
            s["evidence_text"] = r["text"][s["evidence"][0]:s["evidence"][1]]
        scores.add(r["id"], [{**s, "evidence": s["evidence_text"]} for s in system], r.get("events") or [])
    out = {"kind": kind, **scores.as_dict()}
    out["misses"] = scores.misses
    return out


def cameo_dyads(event, text: str | None = None) -> list[tuple]:
    """CAMEO (source state, target state, root) triples of one event, pointed as CAMEO points
    it (:func:`tightrope.events.dyads.cameo_triples`); ``text`` is the text the event was coded from."""
    evidence = text[event.evidence[0]:event.evidence[1]] if text is not None else None
    return [(_actor3(s.key) if s else None, _actor3(t.key) if t else None, cameo_root(code))
            for s, t, code in cameo_triples(event, evidence)]


def _petr_date(value: str | None) -> str | None:
    if value and len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value
