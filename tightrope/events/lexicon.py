"""The coder's data: trigger lexicon, CAMEO table and PLOVER types, loaded and validated once.

``data/triggers.yaml`` maps verb and noun lemmas (with optional object constraints) to a
PLOVER type, mode, contexts and CAMEO code, and says where in the parse the source and target
are; ``data/cameo.tsv`` gives each CAMEO code its Goldstein score and QuadClass;
``data/plover.yaml`` the 16 types with their default CAMEO codes. See each file's header.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import yaml

from tightrope.errors import DictionaryError

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUAD_OF_TYPE = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
                "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4,
                "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
# Verbs too common to mark a sentence as worth parsing on their own: they trigger only with
# the objects or prepositions their entries name ("hold talks", "was in Hanoi").
LIGHT_VERBS = {"be", "have", "do", "make", "take", "give", "get", "go", "come", "put", "set", "keep", "hold",
               "see", "show", "send", "lead", "stand", "run", "use", "find", "bring", "pay", "play", "raise",
               "open", "close", "carry", "deliver", "issue", "express", "offer", "provide", "extend"}
DEFAULT_SOURCE = ("subject",)
DEFAULT_TARGET = ("object", "prep:with", "prep:to")
# Visits told from the host's side: the subject receives the visitor named as object.
HOST_VERBS = {"host", "welcome", "receive", "greet"}


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry."""

    lemmas: tuple[str, ...]
    pos: str  # VERB, NOUN or ADJ (a predicate adjective: "is ready to", "remains committed to")
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    objects: frozenset[str] = frozenset()
    particle: str | None = None
    prep: str | None = None
    prep_objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # the act is this one only for such doers ("troops withdrew")
    source: tuple[str, ...] = DEFAULT_SOURCE
    target: tuple[str, ...] = DEFAULT_TARGET
    requires_target: bool = False
    reciprocal: str | None = None  # "with" | "always"
    not_event_if: frozenset[str] = frozenset()
    swap: bool = False  # the subject is the target (a host receiving a visitor)

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects or self.prep_objects or self.subjects) + bool(self.particle)


@dataclass
class Lexicon:
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    adjectives: dict[str, list[Trigger]] = field(default_factory=dict)
    cameo: dict[str, dict] = field(default_factory=dict)
    plover: dict[str, dict] = field(default_factory=dict)
    non_agents: frozenset[str] = frozenset()  # causes that are no doer ("killed by the crash")

    def word_forms(self) -> set[str]:
        """Lower-case surface forms any trigger may take: a sentence with none of them needs no parse."""
        if not hasattr(self, "_forms"):
            irregular: dict[str, list[str]] = {}
            path = _data("irregular_verbs.tsv")
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    base, forms = line.split("\t")
                    irregular[base] = forms.split("|")
            forms: set[str] = set()
            phrases: set[str] = set()
            self._light_pairs: list[tuple[frozenset[str], frozenset[str]]] = []
            for lemma, triggers in self.verbs.items():
                inflected = _inflections(lemma, verb=True) | set(irregular.get(lemma, []))
                if lemma not in LIGHT_VERBS:
                    forms.update(inflected)
                    continue
                # a light verb is a trigger only with its object or preposition: look for both
                objects: set[str] = set()
                for trig in triggers:
                    for obj in trig.objects | trig.prep_objects:
                        objects.update(_inflections(obj, verb=False))
                    if trig.prep and not trig.objects and not trig.prep_objects:
                        phrases.update(f"{form} {trig.prep}" for form in inflected)
                    if not (trig.objects or trig.prep_objects or trig.prep):
                        forms.update(inflected)
                if objects:
                    self._light_pairs.append((frozenset(inflected), frozenset(objects)))
            for lemma in self.nouns:
                forms.update(_inflections(lemma, verb=False))
            forms.update(self.adjectives)
            self._forms = forms
            self._phrases = phrases
        return self._forms

    def may_trigger(self, words: set[str], text: str) -> bool:
        """Whether a sentence (its lower-case words and text) may hold a trigger."""
        forms = self.word_forms()
        if words & forms:
            return True
        if any(verbs & words and objects & words for verbs, objects in self._light_pairs):
            return True
        lowered = text.lower()
        return any(p in lowered for p in self._phrases)

    def goldstein(self, code: str | None) -> float | None:
        row = self.cameo.get(code or "")
        return row["goldstein"] if row else None

    def quad(self, code: str | None, type_: str) -> int:
        """The QuadClass of a CAMEO code, else that of the PLOVER type."""
        return (self.cameo.get(code or "", {}) or {}).get("quad") or QUAD_OF_TYPE[type_]

    def default_cameo(self, type_: str, mode: str | None) -> str | None:
        entry = self.plover.get(type_) or {}
        codes = entry.get("cameo") or {}
        if isinstance(codes, str):
            return codes
        return str(codes.get(mode) or codes.get("default") or "") or None


def _inflections(lemma: str, verb: bool) -> set[str]:
    """Regular English inflections of a lemma (over-generating is harmless here)."""
    out = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if verb:
        out |= {lemma + "ed", lemma + "d", lemma + "ing", lemma[:-1] + "ing", lemma + lemma[-1:] + "ed",
                lemma + lemma[-1:] + "ing", lemma[:-1] + "ied"}
    return out


def _data(name: str) -> Path:
    return Path(str(files("tightrope.events") / "data" / name))


def _parse_trigger(raw: dict, where: str) -> Trigger:
    if not isinstance(raw, dict):
        raise DictionaryError(f"{where}: each trigger must be a mapping")
    if sum(k in raw for k in ("verb", "noun", "adj")) != 1:
        raise DictionaryError(f"{where}: give exactly one of 'verb', 'noun' or 'adj'")
    type_ = raw.get("type")
    if type_ not in PLOVER_TYPES:
        raise DictionaryError(f"{where}: type {type_!r} is not a PLOVER 0.8 type")
    pos = "VERB" if "verb" in raw else "NOUN" if "noun" in raw else "ADJ"
    lemmas = tuple(l.lower() for l in _as_list(raw.get("verb") or raw.get("noun") or raw.get("adj")))
    cameo = raw.get("cameo")
    if cameo is not None and not str(cameo).isdigit():
        raise DictionaryError(f"{where}: cameo {cameo!r} must be a string of digits")
    places = ("subject", "object", "iobj", "poss", "compound", "amod", "subject_of_xcomp", "subject_of_clause", "target_of_xcomp", "agent",
              "owner", "speaker")
    for side in ("source", "target"):
        for place in _as_list(raw.get(side)):
            if place not in places and not place.startswith("prep:"):
                raise DictionaryError(f"{where}: {side} place {place!r} is not one of {places} or prep:WORD")
    return Trigger(
        lemmas=lemmas,
        pos=pos,
        type=type_,
        mode=raw.get("mode") or None,
        context=tuple(_as_list(raw.get("context"))),
        cameo=str(cameo) if cameo is not None else None,
        objects=frozenset(o.lower() for o in _as_list(raw.get("object"))),
        particle=raw.get("particle"),
        prep=raw.get("prep"),
        prep_objects=frozenset(o.lower() for o in _as_list(raw.get("prep_object"))),
        subjects=frozenset(o.lower() for o in _as_list(raw.get("subject"))),
        source=tuple(_as_list(raw.get("source"))) or (("poss", "prep:by", "prep:of") if pos == "NOUN" else DEFAULT_SOURCE),
        target=tuple(_as_list(raw.get("target"))) or DEFAULT_TARGET,
        requires_target=bool(raw.get("requires_target")),
        reciprocal=raw.get("reciprocal"),
        not_event_if=frozenset(o.lower() for o in _as_list(raw.get("not_event_if"))),
        swap=bool(raw.get("swap")) or (raw.get("mode") == "visit" and bool(set(lemmas) & HOST_VERBS)),
    )


def load_lexicon(triggers: Path | None = None) -> Lexicon:
    """Read and validate the three data files."""
    lex = Lexicon()
    path = triggers or _data("triggers.yaml")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"{path}: cannot read the trigger lexicon: {exc}") from None
    for i, raw in enumerate((data or {}).get("triggers") or []):
        trig = _parse_trigger(raw, f"{path}: triggers[{i}]")
        index = {"VERB": lex.verbs, "NOUN": lex.nouns, "ADJ": lex.adjectives}[trig.pos]
        for lemma in trig.lemmas:
            index.setdefault(lemma, []).append(trig)
    lex.non_agents = frozenset(str(w).lower() for w in _as_list((data or {}).get("non_agents")))
    for index in (lex.verbs, lex.nouns, lex.adjectives):
        for lemma in index:
            index[lemma].sort(key=lambda t: -t.specificity)
    cameo_path = _data("cameo.tsv")
    if cameo_path.exists():
        lines = [l for l in cameo_path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            try:
                goldstein = float(row.get("goldstein") or "nan")
            except ValueError:
                goldstein = float("nan")
            lex.cameo[row["code"]] = {
                "label": row.get("label"),
                "goldstein": None if goldstein != goldstein else goldstein,
                "type": row.get("plover_type"),
                "quad": int(row["quad"]) if (row.get("quad") or "").isdigit() else None,
            }
    plover_path = _data("plover.yaml")
    if plover_path.exists():
        pdata = yaml.load(plover_path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        types = pdata.get("types", pdata)
        if isinstance(types, list):
            types = {t.get("type") or t.get("name"): t for t in types}
        lex.plover = {k: v for k, v in types.items() if k in PLOVER_TYPES}
    return lex


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
