"""The CAMEO code of an event: the act's own code, or the code CAMEO gives a statement about it.

PLOVER, and so Tightrope's event, keeps the type of an intended, scheduled or refused act and
says how certain it is ("will visit" is CONSULT, certainty planned), but codes a promise, the
doer's own word on what it will do ("said it would free the prisoners"), as AGREE, or THREATEN
for a hostile act: the coder finds the promise (``announcement``) and takes its code from here
(``promise_code``). CAMEO codes all such statements in their own families: an act intended is 03
EXPRESS INTENT TO COOPERATE ("would free the prisoners" 0353) or 13 THREATEN ("wants to attack"
138), an act refused or withheld is 12 REJECT ("would not provide aid" 122), a hostile act its
doer claims or denies is 015/016 (claim, deny responsibility), and an act that did not happen is
no CAMEO event at all. ``data/cameo_twins.tsv`` says, code by code, which 03, 12 and 13 code
mirrors which act. A plain future told by the writer ("the US will supply arms") or
a schedule ("is due to attend") stays the act, as CAMEO codes it. The derived code sets the
event's Goldstein score and QuadClass; its type, mode and certainty stay PLOVER's.

This module reads the parse around a trigger and the CAMEO tables; it never changes an event's
PLOVER fields and knows nothing of actors.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from tightrope.errors import DictionaryError
from tightrope.events.lexicon import _data

# Verbs whose complement is the subject's own intended act ("wants to attack", "seeks to deepen",
# "pledged to free"), as against a schedule ("is due to", "is set to", "prepares to").
# A decision taken ("decided to approve") is the act, as CAMEO codes it.
INTENT_VERBS = {"want", "wish", "hope", "seek", "intend", "aim", "plan", "propose", "offer", "promise", "pledge",
                "vow", "desire", "hop"}  # ("hop": the small English model's lemma of "hoped", "hopes", "hoping")
# Saying verbs whose reported "would"/"will" clause is the speaker's intent ("Israel announced it
# would free…", "X said they will attack…"): the coder's reporting verbs and those of promising.
SAYING_VERBS = {"say", "announce", "state", "declare", "tell", "add", "confirm", "insist", "claim", "vow", "pledge",
                "promise", "reiterate", "indicate", "signal", "stress", "warn", "assure", "write", "tweet"}
FUTURE_MODALS = {"will", "would", "shall", "'ll", "’ll", "'d", "’d", "wo"}
# A hostile act (CAMEO 14-20) the doer itself says it did, or did not do, is CAMEO's statement of
# responsibility: "the group claimed it had attacked…" 015, "Russia denied its troops fired…" 016.
RESPONSIBILITY = {"claim": "015", "admit": "015", "acknowledge": "015", "deny": "016"}
HOSTILE_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}
INTENT, REFUSAL, NOT_DONE = "intent", "refusal", "not done"


@dataclass(frozen=True, slots=True)
class Twins:
    """CAMEO's codes for statements about one act code (None: the act's own code, or no event)."""

    intent: str | None
    refusal: str | None


def load_twins(path: Path | None = None) -> dict[str, Twins]:
    """Read and validate ``cameo_twins.tsv``: act code → its intent and refusal codes."""
    path = path or _data("cameo_twins.tsv")
    try:
        lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read the CAMEO twin table: {exc}") from None
    table: dict[str, Twins] = {}
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        codes = [row.get("act") or "", row.get("intent") or "", row.get("refusal") or ""]
        if not codes[0] or not all(c.isdigit() for c in codes if c):
            raise DictionaryError(f"{path}: row {n}: codes must be strings of digits, got {codes}")
        if codes[0] in table:
            raise DictionaryError(f"{path}: row {n}: act code {codes[0]} is listed twice")
        table[codes[0]] = Twins(codes[1] or None, codes[2] or None)
    return table


@lru_cache(maxsize=1)
def default_twins() -> dict[str, Twins]:
    return load_twins()


def twins_of(code: str, table: dict[str, Twins] | None = None) -> Twins:
    """The row of ``code``'s longest listed prefix ("0841" → "084"); none listed: no twins."""
    table = default_twins() if table is None else table
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return Twins(None, None)


def _wanted(trigger: Token) -> bool:
    """Whether an intent verb governs the trigger ("wants to attack", "pledged to help rebuild")."""
    t = trigger
    for _ in range(3):
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in INTENT_VERBS:
            return True
    return False


def _future(trigger: Token) -> tuple[bool, Token]:
    """Whether a future modal stands on the trigger or the verbs it is joined to ("would free…
    and return…"), and the head of its clause."""
    t = trigger
    modal = any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_MODALS for c in t.children)
    while t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
        t = t.head
        modal = modal or any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_MODALS for c in t.children)
    return modal, t


def _own_clause(clause: Token, verbs: set[str] | dict[str, str] = SAYING_VERBS) -> bool:
    """Whether a clause reported by one of ``verbs`` speaks of the speaker's own act: its subject
    stands for the speaker ("Israel announced it would…", "said its troops will…"), not another
    party ("the ministry said Li will visit", a schedule)."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in verbs:
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.pos_ == "PRON" or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children))


def announcement(trigger: Token) -> tuple[Token, bool] | None:
    """The clause a saying verb reports the trigger's act in as one to come ("Iraq said it would
    allow…", "Israel will evacuate the settlements, a spokesman said"), and whether its subject
    is a pronoun for the speaker; None when no saying verb reports a future act."""
    modal, clause = _future(trigger)
    if not modal or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SAYING_VERBS:
        return None
    return clause, _own_clause(clause)


def promise_code(code: str | None) -> str | None:
    """The CAMEO code of a promise of the act coded ``code``: the code itself when it already
    states an intent (03, 13), else its intent twin (None where CAMEO has none: verbal acts, 15)."""
    if not code or code[:2] in ("03", "13"):
        return code
    return twins_of(code).intent


def stance(trigger: Token, certainty: str) -> str | None:
    """How the text holds the act: ``intent`` (wanted, promised, announced as the speaker's own
    future act, or conditional), ``refusal`` (an act that will not be done: "would not provide",
    "does not want to meet"), ``not done`` (negated, no more: "did not visit"), the lemma of a
    verb of responsibility ("claim", "deny") the doer reports its own past act with, or None
    (done, reported, or plainly scheduled by the writer: CAMEO codes the act)."""
    if certainty == "hypothetical":
        return INTENT  # "would retaliate if…": CAMEO's conditional threat or promise
    wanted = _wanted(trigger)
    modal, clause = _future(trigger)
    if not modal and not wanted and _own_clause(clause, RESPONSIBILITY):
        return clause.head.lemma_.lower()
    if certainty == "negated":
        return REFUSAL if wanted or modal else NOT_DONE
    if wanted or (modal and _own_clause(clause)):
        return INTENT
    return None


def cameo_code(code: str | None, certainty: str, trigger: Token, table: dict[str, Twins] | None = None) -> str | None:
    """The CAMEO code of an act coded ``code`` with this certainty at this trigger: its intent
    twin when intended, its refusal twin when refused, a claim or denial of responsibility when
    the doer says it did a hostile act or denies it, None when CAMEO codes no such event (an act
    negated, or a refusal CAMEO has no code for), else ``code`` itself."""
    if not code:
        return code
    how = stance(trigger, certainty)
    if how is None:
        return code
    if how == NOT_DONE:
        return None
    if how in RESPONSIBILITY:
        return RESPONSIBILITY[how] if code[:2] in HOSTILE_ROOTS else code
    twins = twins_of(code, table)
    if how == REFUSAL:
        return twins.refusal
    return twins.intent or code
