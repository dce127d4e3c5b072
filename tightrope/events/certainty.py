"""How certain the text makes an event, and on whose word (ANNOTATION.md's certainty values).

Read from the dependency parse around the trigger: a negation on the trigger, or a denial
over it ("denied its troops had shelled…") → ``negated``;
"if … would" → ``hypothetical``; future or intention ("will", "plans to", "is expected to",
"is considering") → ``planned``; hedges ("reportedly", "may", "analysts suspect", unnamed
"reports") → ``speculative``; a reporting verb or "according to" with a named source →
``attributed`` (the source kept); else ``asserted``. Precedence follows the gold conventions:
negated > hypothetical > planned > speculative > attributed > asserted.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

NEGATIONS = ("never", "not", "n't", "no")
FUTURE_AUX = {"will", "shall", "'ll", "’ll"}
INTENT_HEADS = {"plan", "expect", "intend", "aim", "schedule", "prepare", "set", "due", "consider", "mull",
                "weigh", "negotiate", "seek", "hope", "want", "wish", "propose", "look", "eye", "explore", "poise", "slate",
                "interested", "hop"}  # ("hop": the small English model's lemma of "hoped", "hopes", "hoping")
# "is exploring defense cooperation with Finland": a deal weighed is not yet made ("considers Laos a
# priority" is a stance, so "consider" only with a bare object)
CONSIDERING_VERBS = {"explore", "consider", "mull", "weigh", "eye"}
# "stepped up efforts to help Vietnam": the helping is under way, not to come
ONGOING_NOUNS = {"effort", "efforts"}
HEDGE_WORDS = {"reportedly", "allegedly", "purportedly", "possibly", "perhaps", "apparently", "supposedly",
               "rumoured", "rumored", "unconfirmed", "unverified", "speculation", "likely"}
HEDGE_AUX = {"may", "might", "could"}
SUSPECT_VERBS = {"suspect", "believe", "speculate", "rumour", "rumor", "claim", "allege", "suggest", "think"}
UNNAMED_SOURCES = {"reports", "report", "sources", "source", "analysts", "observers", "experts", "media",
                   "insiders", "diplomats", "officials", "rumours", "rumors", "some"}
# "Russia denied its troops had shelled the town": the act is reported as not having happened.
DENIAL_VERBS = {"deny", "refute"}
# How the circumstances of a saying hang from it (its place, time, occasion, a further act).
CIRCUMSTANCE_DEPS = {"prep", "advcl", "conj", "npadvmod"}
# "accused North Korea of sending troops": the act is charged, not established.
ACCUSATION_VERBS = {"accuse", "charge", "suspect", "allege"}
# "jailed a student for helping militants", "convicted of spying": the charge of a punishment is
# the punished one's alleged act, as charged as an accusation's.
PUNISHING_VERBS = {"jail", "imprison", "sentence", "arrest", "detain", "convict", "fine", "punish", "prosecute",
                   "indict", "execute", "try"}
REPORTING_VERBS = {"say", "tell", "report", "announce", "state", "confirm", "add", "note", "quote", "write",
                   "disclose", "reveal", "cite", "tweet", "post", "declare"}


def _governors(token: Token, limit: int = 4):
    """The trigger and the verbs it hangs from (xcomp/ccomp/conj chains), nearest first."""
    t = token
    for _ in range(limit):
        yield t
        if t.head.i == t.i:
            return
        t = t.head


def certainty(trigger: Token, sentence: Span, named: set[int], words: set[str] | None = None) -> tuple[str, str | None]:
    """(certainty, attribution) for the event triggered by ``trigger``. ``named`` holds token
    indexes inside actor or source mentions (which make a reporting subject a named source);
    ``words``, the sentence's lower-case words, when the caller has them already."""
    if words is None:
        words = {t.lower_ for t in sentence}
    chain = list(_governors(trigger))
    children = [list(t.children) for t in chain]  # (each Token made once)
    near = [c for kids in children for c in kids] + chain
    if any(c.dep_ == "neg" for kids in children[:2] for c in kids) or (not words.isdisjoint(NEGATIONS) and any(
        t.lower_ in NEGATIONS and t.head in chain[:2] for t in sentence)  # the walk only where a negation is written
    ) or (trigger.dep_ == "xcomp" and trigger.head.lemma_ == "fail") or any(  # "failed to reach agreement"
        t.lemma_ in DENIAL_VERBS for t in chain[1:]):
        return "negated", None
    if "if" in words and ({"would", "could"} & words):
        return "hypothetical", None
    if any(c.lower_ in FUTURE_AUX for c in near if c.dep_ in ("aux", "auxpass")) or any(
        t.lemma_ in INTENT_HEADS for t in chain[1:]) or any(
        c.lower_ in ("to",) and c.head.i == trigger.i and trigger.dep_ == "xcomp" and trigger.head.lemma_ in INTENT_HEADS
        for c in trigger.children
    ) or (trigger.lemma_ in CONSIDERING_VERBS and not any(
        c.dep_ in ("ccomp", "oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as") for c in children[0])):
        return "planned", None
    to_aux = any(c.lower_ == "to" for c in trigger.children if c.dep_ == "aux")
    if trigger.lemma_ != "be" and to_aux and any(c.lemma_ == "be" for c in trigger.children if c.dep_ == "aux"):
        return "planned", None  # "is to visit"
    if to_aux and (trigger.dep_ in ("ROOT", "acl", "relcl") or trigger.head.pos_ in ("NOUN", "PROPN")) \
            and trigger.head.lemma_ not in ONGOING_NOUNS:
        return "planned", None  # the headline future: "Party chief To Lam to pay state visit to North Korea"
    if words & HEDGE_WORDS or any(c.lower_ in HEDGE_AUX for c in near if c.dep_ == "aux") or (
            trigger.dep_ == "pcomp" and trigger.head.lower_ == "of" and trigger.head.head.lemma_ in ACCUSATION_VERBS) or (
            any(is_charge(t) for t in chain[:2])):
        return "speculative", None
    for below, gov in zip(chain, chain[1:]):
        if below.dep_ in CIRCUMSTANCE_DEPS:
            continue  # "Xi said at a meeting with Lam that…": the meeting is where it was said, not what
        if gov.lemma_ in SUSPECT_VERBS:
            return "speculative", None
        if gov.lemma_ in REPORTING_VERBS:
            subject = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subject:
                subj = subject[0]
                span = sentence.doc[subj.left_edge.i : subj.right_edge.i + 1]
                if any(t.i in named for t in span) or subj.pos_ == "PROPN":
                    return "attributed", span.text
                if subj.lower_ in UNNAMED_SOURCES:
                    return "speculative", None
            return "attributed", None
    if not any("according" in w for w in words):  # (the word cannot be split, so it is in one token)
        return "asserted", None
    text = sentence.text.lower()
    if "according to" in text:
        after = text.split("according to", 1)[1].strip().split()
        if after and after[0].strip(",.") in UNNAMED_SOURCES | {"unnamed", "unconfirmed", "media"}:
            return "speculative", None
        return "attributed", sentence.text[sentence.text.lower().index("according to") + 13 :].strip(" ,.")[:80]
    return "asserted", None


def is_charge(token: Token) -> bool:
    """Whether a verb is the charge of a punishment ("jailed a student for helping militants",
    "convicted of spying"): the punished one's alleged act, not the punisher's."""
    return token.dep_ == "pcomp" and token.head.lower_ in ("for", "of") and token.head.head.lemma_ in PUNISHING_VERBS
