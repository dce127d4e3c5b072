"""The event coder: PLOVER events from parsed sentences, with actors, certainty, date, evidence.

For each sentence: triggers from the lexicon (verb and noun lemmas, with object constraints)
→ source and target from the parse (subject or by-agent; object, prepositional phrases,
possessives), read through the actor mentions of the whole text → certainty and attribution
→ date → CAMEO code, Goldstein score and QuadClass. Events repeated in one text (headline and
lead) are kept once. Sentences without an actor mention (or a word that may refer to one) are
skipped, and only the others are parsed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tightrope.actors.resolver import Resolver
from tightrope.events.cameo import announcement, cameo_code, promise_code
from tightrope.events.certainty import certainty, is_charge
from tightrope.events.lexicon import QUAD_OF_TYPE, Lexicon, Trigger, default_lexicon
from tightrope.events.when import event_date, named_days
from tightrope.model import Event, EventActor, Mention
from tightrope.nlp import TagAttributes, get_nlp

_UNDATED = "undated"
LEAD_CHARS = 700  # how far into a text its lead (headline and first sentences) runs
# Acts that need no one to be aimed at: a parade, a deployment, a street protest.
UNDIRECTED_TYPES = {"MOBILIZE", "PROTEST"}
# Acts about other acts: what they govern ("agreed to cut", "urged to release") is their content.
INTENT_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT"}
# …and so do calls to rally opposition ("called for sanctions against Iran", CAMEO 113, ACCUSE).
RALLY_CAMEO = "113"
# "Vietnam–US relations": an en dash joining two names, which the parser reads as a break in the
# phrase, is parsed as the hyphen it stands for (same length, so every offset holds)
NAME_DASH = re.compile(r"(?<=[^\W\d_])–(?=[^\W\d_])")
# Thanks and praise are for what the other party did ("thanked Japan for the aid").
GRATITUDE_WORDS = {"thank", "thanks", "appreciation", "appreciate", "gratitude", "grateful", "praise", "commend",
                   "hail", "welcome", "applaud", "acknowledge", "recognition", "recognise", "recognize"}
# "accused China of ramming the boat", "blamed Kyiv for shelling": the one accused did it.
BLAME_WORDS = {"accuse", "blame", "criticize", "criticise", "condemn", "denounce", "fault", "charge", "suspect", "censure",
               "rebuke", "slam", "reproach", "castigate", "chastise"}
# One state's executive apparatus: a government acting on its own army or police is no dyad
# (a legislature, court or opposition facing the government is).
EXECUTIVE_SECTORS = {"GOV", "MIL", "COP", "PTY"}
# Who can stage a PROTEST (a demonstration, not a government's verbal protest).
PROTESTER_SECTORS = {"CVL", "OPP", "NGO", "EDU", "REB", "BUS", "LAB"}
# Armed forces and ships do not pay visits: their arrival is a deployment (or, for peacekeepers, protection).
FORCE_WORDS = {"troop", "soldier", "force", "unit", "battalion", "brigade", "contingent", "warship", "ship", "vessel",
               "fleet", "destroyer", "frigate", "submarine", "carrier", "marine", "paratrooper", "tank", "aircraft", "jet"}
PEACEKEEPING_WORDS = {"peacekeeper", "peacekeeping", "peace-keeping", "peacekeepers"}
# "faces pressure from the US to release…": the pressure is a demand on the clause's subject, and
# what one is pressed to do is its content, not an act.
PRESSURE_NOUNS = {"pressure", "pressures"}
# "the right of troops to fire", "the capability to strike": an act named as what one may do is no act.
ENTITLEMENT_NOUNS = {"right", "ability", "capability", "capacity", "power", "authority", "freedom", "license",
                     "licence", "leeway", "prerogative", "entitlement"}
# Watching a parade or a drill: the one watching is a guest, not the one staging it.
SPECTATOR_VERBS = {"watch", "witness", "view", "observe", "review", "inspect", "attend"}
# "a tour that includes (stops in) Malaysia": what a trip takes in are its hosts.
TRIP_STOP_VERBS = {"include", "take", "cover", "span", "comprise", "feature"}
# Prepositions that place an act rather than name a party ("met Hegseth in Singapore").
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "during", "after", "before", "amid", "since",
                  "following", "ahead", "throughout", "until"}
PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
# "the two sides signed…": the two parties named last.
PAIR_WORDS = {"sides", "countries", "nations", "leaders", "governments", "states", "parties", "ministers",
              "presidents", "delegations", "militaries", "navies", "neighbours", "neighbors", "partners"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Passive in form, active in sense: "forces were engaged in fighting" (the subject does it)
STATIVE_PASSIVES = {"engage", "involve"}
# "we", "I" in a quotation: the person quoted (named last before, else next in the sentence).
FIRST_PERSON = {"we", "i", "us"}
# "X said it would…": these pronouns in a reported clause stand for the one saying it.
CLAUSE_PRONOUNS = {"it", "they", "we", "he", "she"}
SAYING_VERBS = {"say", "announce", "state", "declare", "tell", "insist", "confirm", "add", "warn", "claim", "vow",
                "affirm", "reiterate", "stress", "indicate", "signal", "report", "write", "note", "pledge", "promise"}
# "X said Y must…": a reported obligation on another party is a demand.
DEMAND_MODALS = {"must", "should"}
DEMAND_VERBS = {"insist", "demand", "urge", "stress", "emphasize", "emphasise", "reiterate", "underline", "maintain",
                "argue", "conclude", "tell"}
# Verbs of saying whose reported clause states the speaker's own stance ("stressed that ties remain a priority").
SPEAKING_VERBS = SAYING_VERBS | DEMAND_VERBS | {"reaffirm", "assert", "underscore", "highlight"}
# "promised Hanoi to deliver…": verbs whose object does not do what follows (their subject does).
SUBJECT_CONTROL_VERBS = {"promise", "pledge", "vow", "assure", "guarantee", "threaten"}
# "issued a reminder to Iraq that it must…": nouns whose that-clause is what was said.
STATEMENT_NOUNS = {"statement", "declaration", "reminder", "warning", "message", "note", "letter", "notice",
                   "ultimatum", "communique", "communiqué", "signal"}
# "X wants Y to…": wishing another party would act is asking it to.
WISH_VERBS = {"want", "wish"}
WISH_FORMS = {"want", "wants", "wanted", "wanting", "wish", "wishes", "wished"}
REFERRING_WORDS = PERSON_PRONOUNS | PAIR_WORDS | FIRST_PERSON | {"country", "nation"}
# A verb with no subject of its own takes its governor's ("agreed to deepen", "arrived and held").
SUBJECTLESS_INHERIT = {"xcomp", "conj", "advcl", "acl", "pcomp", "acomp"}
# Conflict acts announced on a condition ("will withdraw its troops unless…") are threats (13x).
CONDITIONAL_THREAT_TYPES = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "RETREAT", "REJECT", "PROTEST"}
THREAT_CAMEO = {"SANCTION": "131", "RETREAT": "136", "REJECT": "130", "PROTEST": "133", "MOBILIZE": "138",
                "COERCE": "137", "ASSAULT": "138"}
# Nouns of a plan or negotiation whose to-infinitive is the planned act ("talks to supply arms",
# "stepped up efforts to help"; the motive of "in a bid to curb…" is told apart where it is used)
NEGOTIATION_NOUNS = {"talk", "talks", "negotiation", "negotiations", "discussion", "discussions"}
MOTIVE_NOUNS = {"effort", "efforts", "bid", "attempt"}
PLAN_NOUNS = NEGOTIATION_NOUNS | MOTIVE_NOUNS | {"plan", "plans", "proposal"}
# Buying and selling: a deal done is COOPERATE, one considered or reported AGREE.
TRADE_VERBS = {"buy", "purchase", "order", "acquire", "procure", "import", "obtain", "get", "sell", "export", "supply"}
# "imports most of its oil from…", "buys a third of…": shares of a trade are statistics.
SHARE_WORDS = {"most", "much", "bulk", "majority", "half", "share", "percent", "%", "third", "quarter", "fraction", "lion"}
# "imported goods worth $30 billion from Beijing": a sum of trade in goods at large is a statistic
# too, not a deal (but "will buy more U.S. products" is a pledge).
BULK_GOODS = {"goods", "products", "commodities", "merchandise", "wares"}
# CAMEO 036, an invitation: one named in passing ("at the invitation of X") goes undated (gold convention).
INVITE_CAMEO = "036"
# "refused to release the crew", "declined to meet the envoy": refusing a cooperative act is a rejection (12x).
REFUSAL_VERBS = {"refuse", "decline"}
REFUSAL_CAMEO = {"CONSULT": "125", "COOPERATE": "121", "AID": "122", "RETREAT": "124", "CONCEDE": "124", "SUPPORT": "127",
                 "AGREE": "127"}
# "will not accept the terms", "failed to reach agreement": a cooperative act of acceptance not
# done is a rejection (12x), stated or announced, not the accepted act negated.
ACCEPTANCE_VERBS = {"accept", "meet", "reach", "approve", "heed", "grant", "satisfy", "fulfil", "fulfill", "honour",
                    "honor", "admit"}
# "will not accept": the rejection is announced for what is to come.
FUTURE_AUX = {"will", "wo", "shall", "would", "'ll"}
# A promise is coded as what CAMEO calls it: an intent to cooperate (03) is AGREE, one to harm (13)
# THREATEN; but a concession promised is PLOVER's CONCEDE ("promised to ease restrictions").
PROMISE_TYPES = {"03": "AGREE", "13": "THREATEN"}
# "Today we will exchange the artifacts," he said: the day's agenda, the act planned.
AGENDA_DAYS = {"today", "tonight"}
# "vowed to strike back", "pledged to fight on": a promise of force or coercion is a threat (13x).
PROMISE_VERBS = {"vow", "pledge", "promise", "swear"}
# Force and coercion told from the victim's side need no named doer ("three soldiers were killed").
FORCE_TYPES = {"ASSAULT", "COERCE"}
# Who reports another's act of force or coercion accuses its doer (CAMEO's speaker act: "the US
# said Iraq had attacked", 112), unless it speaks only as a witness: media, medics, business, civilians.
ACCUSING_VERBS = {"say", "claim", "allege", "charge", "state", "announce", "declare", "insist", "tell", "report",
                  "confirm", "add", "warn"}
WITNESS_SECTORS = {"MED", "HLH", "BUS", "CVL", "EDU"}
ACCUSE_CAMEO = "112"
# Acts PLOVER codes on their named target alone when a passive names no doer ("was accused of
# fraud", "the rebels were disarmed", "was put under investigation"): the source stays empty.
UNDONE_TYPES = FORCE_TYPES | {"ACCUSE", "RETREAT"}
# Doers no actor dictionary names ("a human rights group", "rebels", "a roadside bomb"): the
# event still stands when its target is a named actor (ANNOTATION.md: one side suffices; the
# source list is then empty). Only words for people, groups and bodies, or a proper name, count.
UNNAMED_DOERS = {
    "rebel", "militant", "insurgent", "guerrilla", "fighter", "gunman", "gunmen", "attacker", "bomber", "bombing", "bomb",
    "explosion", "blast", "protester", "protestor", "demonstrator", "student", "worker", "activist", "group", "organization",
    "organisation", "leader", "official", "force", "troop", "police", "policeman", "soldier", "court", "judge", "parliament",
    "party", "union", "government", "authority", "army", "military", "navy", "people", "resident", "farmer", "villager",
    "supporter", "opponent", "hacker", "crowd", "thousand", "hundred", "dozen", "youth", "prisoner", "refugee", "settler",
    "mob", "faction", "movement", "front", "coalition", "alliance", "elder", "cleric", "minister", "president", "member",
    "agency", "committee", "commission", "council", "watchdog", "doctor", "journalist", "lawmaker", "legislator",
    "opposition", "regime", "administration", "delegation", "envoy", "monitor", "inspector", "agent", "guard", "unit",
    "tribesman", "tribesmen", "extremist", "terrorist", "separatist", "secessionist", "pirate", "smuggler", "raider",
    "network", "cell", "militia",
}


@Language.component("tightrope_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and list items stand alone."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    return doc


@dataclass
class Input:
    id: str
    text: str
    date: str | None = None


class EventCoder:
    """Codes texts into events. Build once; reuse (it holds the pipeline and the lexicon)."""

    def __init__(self, resolver: Resolver | None = None, lexicon: Lexicon | None = None):
        self.resolver = resolver or Resolver()
        self.lexicon = lexicon or default_lexicon()
        self.parser = get_nlp(("ner",))
        if "tightrope_line_breaks" not in self.parser.pipe_names:
            self.parser.add_pipe("tightrope_line_breaks", before="parser")
        self.senter = self.parser.get_pipe("senter")  # disabled in the pipeline, called on its own
        # the attribute ruler and lemmatizer, remembered per word (same output, a fraction of the time)
        self.tag_attributes = TagAttributes(self.parser)
        self._guessed_hosts: set[int] = set()  # ids of this text's visits whose host was guessed
        self._week_of = None  # a day this text names, which pins its weekdays (see event_date)

    # -- public API ----------------------------------------------------------------------

    def code(self, doc_id: str, text: str, published: str | None = None) -> list[Event]:
        """The distinct events of one text."""
        return next(self.code_many([Input(doc_id, text, published)]))

    def code_many(self, inputs: Iterable[Input], batch_size: int = 32) -> Iterator[list[Event]]:
        """Events of each input, in input order.

        Each text is split into sentences (the small sentence segmenter, no parse) and its
        actors resolved; only sentences holding an actor mention and a word a trigger can take
        are parsed, in batches, and the parsed and unparsed sentences are joined back into one
        Doc with the original offsets."""
        items = list(inputs) if not isinstance(inputs, list) else inputs
        for start in range(0, len(items), batch_size):
            chunk = items[start : start + batch_size]
            plans = [self._plan(item) for item in chunk]
            wanted = [piece for _, _, pieces in plans for piece, parse in pieces if parse]
            parsed = map(self.tag_attributes, self.parser.pipe(wanted, batch_size=64, disable=TagAttributes.REPLACES))
            for item, (base, mentions, pieces) in zip(chunk, plans):
                docs, spans, offset = [], [], 0
                for text, parse in pieces:
                    if parse:
                        d = next(parsed)
                        d.tensor = np.zeros((len(d), 0), dtype="float32")  # Doc.from_docs needs equal widths
                        spans += [(offset + sent.start_char, offset + sent.end_char) for sent in d.sents]
                    else:
                        d = self.parser.make_doc(text)
                    docs.append(d)
                    offset += len(text)
                doc = Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0] if docs else base
                yield self._code_doc(item, doc, mentions, spans)

    def _plan(self, item: Input) -> tuple[Doc, list[Mention], list[tuple[str, bool]]]:
        """Split a text into sentence pieces and mark those worth parsing."""
        base = self.parser.make_doc(item.text)
        if len(base):
            self.senter(base)
            line_breaks(base)
        mentions = [m for m in self.resolver.resolve(base, on=item.date, doc_id=item.id) if m.actor]
        datelines = self._datelines(base)
        mentions = [m for m in mentions if not any(s <= m.start < e for s, e in datelines)]
        starts = sorted({m.start for m in mentions})
        pieces: list[tuple[str, bool]] = []
        sents = list(base.sents) if len(base) else []
        strings = base.vocab.strings
        lowers = [strings[h] for h in base.to_array([LOWER]).tolist()] if len(base) else []  # no Token objects
        for k, sent in enumerate(sents):
            end = sents[k + 1].start_char if k + 1 < len(sents) else len(item.text)
            begin = sent.start_char if k else 0
            words = set(lowers[sent.start : sent.end])
            has_actor = any(begin <= m < end for m in starts) or self._refers_back(words)
            has_trigger = self.lexicon.may_trigger(words | {w.rstrip(".") for w in words}, sent.text)
            piece = item.text[begin:end]
            pieces.append((NAME_DASH.sub("-", piece) if "–" in piece else piece, has_actor and has_trigger))
        return base, mentions, pieces

    @staticmethod
    def _refers_back(words: set[str]) -> bool:
        """Whether a sentence (its lower-case words) without a named actor may point to one
        ("he", "the two sides")."""
        return bool(words & (PERSON_PRONOUNS | FIRST_PERSON)) or bool(words & PAIR_WORDS and words & {"two", "both"}) or "country" in words

    # -- one text ------------------------------------------------------------------------

    def _code_doc(self, item: Input, doc: Doc, mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Event]:
        by_token = self._index_mentions(doc, mentions)
        sentences = [sent for s, e in spans if (sent := doc.char_span(s, e, alignment_mode="expand")) is not None]
        candidates, verbal, watched, lowers = self._candidates(doc)
        parsed_watched = [i for i in watched if any(sent.start <= i < sent.end for sent in sentences)]
        self._add_references(doc, mentions, by_token, parsed_watched)
        occasion = None  # the day of the happening the text reports, once an event gives it
        days = named_days(item.text, item.date)
        self._week_of = days[0][1] if days else None  # the week a bare weekday is in (month-only publication)
        named = set(by_token)
        events: list[Event] = []
        self._guessed_hosts = set()
        for sent in sentences:
            if not any(i in by_token for i in range(sent.start, sent.end)):
                continue
            words = set(lowers[sent.start : sent.end])
            used: set[int] = set()  # nouns already read as a verb trigger's object ("held talks")
            fired: dict[int, Event] = {}
            intents: set[int] = set()  # predicate adjectives of intent that fired ("is ready to")
            ordered = sorted((i for i in candidates if sent.start <= i < sent.end), key=lambda i: (not verbal[i], i))
            for token in (doc[i] for i in ordered):
                if token.i in used:
                    continue
                if _in_condition(token):
                    continue  # "…unless a ceasefire is agreed": the condition is no event
                for trig in self._triggers(token):
                    if self._is_assessment(token, trig):
                        break
                    event = self._event(item, doc, sent, token, trig, by_token, named, words)
                    if event is not None:
                        fired[token.i] = event
                        if trig.pos == "ADJ":
                            intents.add(token.i)
                        # (what is praised is an act of its own, when its doer is named: "hailed Hegseth's visit")
                        # (…and a guest's visit to a parade leaves the host's parade its own act: "attended a military parade")
                        used.update(c.i for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")
                                    and not (c.dep_ == "dobj" and token.lemma_.lower() in GRATITUDE_WORDS and _has_doer(c))
                                    and not (event.mode == "visit" and token.lemma_ in SPECTATOR_VERBS))
                        break
            if words & DEMAND_MODALS:
                for i in range(sent.start, sent.end):
                    demand = self._demand(item, doc, sent, doc[i], by_token, named, words)
                    if demand is not None:
                        fired[i] = demand  # the demanded act is the demand's content
            if words & WISH_FORMS:
                for i in range(sent.start, sent.end):
                    wish = None if i in fired else self._wish(item, sent, doc[i], by_token, named, words)
                    if wish is not None:
                        fired[i] = wish  # the wished act is the request's content
            for i in [i for i in fired if _states_content(doc[i])]:
                fired.pop(doc[i].head.head.i, None)  # the statement's content is the act, its issuing no other
            self._yield_to_intended_acts(doc, fired, intents)
            self._promises_of_force(doc, fired)
            self._agreed_to_own_acts(doc, fired)
            self._intended_meetings(doc, fired)
            for i, event in sorted(fired.items()):
                if self._inside_intent(doc[i], fired):
                    continue  # "agreed to cut tariffs" is one AGREE, not also a cut
                if event.mode == "visit" and len(event.target) > 1 and "respectively" in words:
                    # "visited Cambodia and Malaysia nine and 12 years ago, respectively": two trips
                    for t in event.target:
                        events.append(replace(event, target=[t]))
                    continue
                accusation = self._accusation(item, sent, doc[i], event, by_token, named, words)
                if accusation is not None:
                    # CAMEO codes the accuser's act, not the act it reports, so the act loses its CAMEO
                    # code; it keeps its Goldstein weight and QuadClass for the relation trends, and it
                    # comes first (PLOVER's primary type)
                    event = replace(event, cameo=None)
                events.append(event)
                if accusation is not None:
                    events.append(accusation)
                if occasion is None and _is_occasion(event, item.date):
                    occasion = event.date
        fallback = event_date("", item.date)[0]
        if occasion is None:
            # "On the afternoon of November 2, Giang hosted a welcome ceremony…": a past day the
            # lead names, when no event was dated by it
            occasion = next((day.isoformat() for at, day, future in days if at < LEAD_CHARS and not future), None)
        for e in events:
            if e.date == _UNDATED and e.cameo == INVITE_CAMEO and e.trigger.lower() in self.lexicon.nouns:
                e.date = None  # "at the invitation of…": an invitation named in passing was issued some time before
            elif e.date == _UNDATED:  # no date words: the occasion's day, else the publication month
                e.date = occasion if occasion and not e.historical else fallback
        self._settle_hosts(events)
        return self._distinct(events, _headline_end(item.text))

    def _settle_hosts(self, events: list[Event]) -> None:
        """A trip named without its host ("Xi's trip comes as…", "his visit marks…") is the trip
        the text reports elsewhere: it takes the host that the same visitor's visits with a
        named host have, rather than whichever other state its sentence happens to name, and that
        trip's more precise date. A guest attending a ceremony with no host named ("Medvedev will
        attend the ceremony") whose own trip has no named host is at the occasion the text's
        other guests visit: the host most of its visits name."""
        hosts: dict[str, Counter] = {}
        everyone = Counter()
        for e in events:
            if e.mode == "visit" and id(e) not in self._guessed_hosts:
                for a in e.source:
                    hosts.setdefault(a.key, Counter()).update(t.key for t in e.target)
                everyone.update({t.key for t in e.target})
        for i, e in enumerate(events):
            if id(e) in self._guessed_hosts:
                counts = sum((hosts.get(a.key, Counter()) for a in e.source), Counter())
                if not counts and e.trigger.lower().startswith("attend"):
                    counts = Counter({k: n for k, n in everyone.items() if k not in {a.key for a in e.source}})
                if counts:
                    host = counts.most_common(1)[0][0]
                    named = next((t for o in events if id(o) not in self._guessed_hosts for t in o.target if t.key == host), None)
                    visitor = {a.key for a in e.source}
                    dates = [o.date for o in events if id(o) not in self._guessed_hosts and o.mode == "visit"
                             and not o.historical and {a.key for a in o.source} & visitor
                             and host in {t.key for t in o.target} and _refines(e.date, o.date)]
                    date = max(dates, key=len) if dates and not e.historical else e.date
                    events[i] = replace(e, target=[named], date=date)

    def _demand(self, item: Input, doc: Doc, sent: Span, token: Token, by_token, named, words) -> Event | None:
        """"Russia said Sudan must return the helicopter": saying that another party must or
        should act is a demand on it (REQUEST 10x), by the one saying it; saying that oneself and
        another should act together ("Xi said the two countries should support each other") is a
        proposal to cooperate with that other (AGREE 030)."""
        clause = token
        while clause.dep_ == "conj" and clause.head.i != clause.i:  # "…were at a turning point and should move on"
            clause = clause.head
        said = self._statement_verb(clause)
        if token.pos_ not in ("VERB", "AUX") or said is None:
            return None
        modal = next((c.lower_ for c in token.children if c.dep_ == "aux" and c.lower_ in DEMAND_MODALS), None)
        if modal is None:
            return None
        speaker = self._actors_in(self._subject(said), by_token)
        doer = self._place(token, "subject", by_token)
        subj = self._subject(token)
        if subj is not None and subj.pos_ == "PRON" and subj.lower_ in CLAUSE_PRONOUNS:
            # "told Iraq that it must cooperate": the one told, not the one telling
            told = (self._place(said, place, by_token) for place in ("iobj", "prep:to", "object"))
            doer = next((found for found in told if found), doer)
        # (rebels saying the government must yield make a demand on their own state's government)
        target = [m for m in doer if _other_party(m, speaker, doer)]
        if not speaker or not target:
            return None  # "we must…", a party speaking of itself: a stance, not a demand
        if modal == "should" and len(target) < len(doer):  # (what both "must" do is still pressed on the other)
            return self._request(item, sent, token, said, speaker, target, named, words, cameo="030", kind="AGREE")
        return self._request(item, sent, token, said, speaker, target, named, words)

    def _accusation(self, item: Input, sent: Span, token: Token, event: Event, by_token, named, words) -> Event | None:
        """"Israel said a mortar bomb was fired at it from Gaza": a political actor that reports
        another party's act of force or coercion accuses that party (ACCUSE, mode allege, CAMEO
        112), as surely as it speaks; None when the speaker is the doer itself ("the Pentagon said
        US jets struck…"), a witness (media, medics) or no named actor, or the act is not
        reported as done."""
        if event.type not in FORCE_TYPES or not event.source or event.certainty not in ("attributed", "speculative"):
            return None
        clause = token
        while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head
        said = clause.head
        if clause.dep_ != "ccomp" or said.lemma_.lower() not in ACCUSING_VERBS:
            return None
        subject = self._subject(said)
        if subject is None or subject.i not in by_token:
            return None  # "his lawyer said", "medics said": no political actor speaks
        speaker = [m for m in self._actors_in(subject, by_token) if m.actor.sector not in WITNESS_SECTORS]
        doers = {a.key for a in event.source}
        if not speaker or doers & {m.actor.key for m in speaker}:
            return None
        accusation = self._request(item, sent, said, said, speaker, [], named, words, cameo=ACCUSE_CAMEO, kind="ACCUSE")
        return replace(accusation, mode="allege", target=list(event.source))

    @staticmethod
    def _statement_verb(clause: Token) -> Token | None:
        """The verb that states a reported clause: a saying verb it hangs from ("said Sudan must…"),
        or the verb issuing the statement it is the content of ("issued a reminder to Iraq that it
        must…", "sent Iraq a message that…"); None when the clause is not what someone said."""
        head = clause.head
        if clause.dep_ == "acl" and head.lemma_.lower() in STATEMENT_NOUNS and head.dep_ == "dobj":
            return head.head
        if clause.dep_ == "ccomp" and (head.lemma_ in SAYING_VERBS | DEMAND_VERBS or any(
                c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in head.children)):
            return head
        return None

    def _wish(self, item: Input, sent: Span, token: Token, by_token, named, words) -> Event | None:
        """"Germany wants France to lift the tariffs": wanting another party to act is a request
        to it (REQUEST, an appeal: 02x); wanting to act oneself ("wants to buy jets") is the act, planned."""
        if token.pos_ != "VERB" or token.lemma_ not in WISH_VERBS:
            return None
        comp = next((c for c in token.children if c.dep_ in ("ccomp", "xcomp")
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if comp is None:
            return None
        asked = next((c for c in comp.children if c.dep_ == "nsubj"), None) or next(
            (c for c in token.children if c.dep_ == "dobj"), None)
        speaker = self._actors_in(self._subject(token), by_token)
        doer = self._actors_in(asked, by_token)
        target = [m for m in doer if _other_party(m, speaker, doer)]
        if not speaker or not target:
            return None
        return self._request(item, sent, token, token, speaker, target, named, words, cameo="020")  # an appeal

    def _request(self, item: Input, sent: Span, token: Token, head: Token, speaker: list[Mention], target: list[Mention],
                 named, words, cameo: str = "100", kind: str = "REQUEST") -> Event:
        """A request (a demand, CAMEO 100, unless told; or another statement ``kind``) by
        ``speaker`` to ``target``, as certain as its ``head`` verb."""
        how, attribution = certainty(head, sent, named, words)
        date, historical = event_date(sent.text, item.date, planned=how == "planned", at=token.idx - sent.start_char, week_of=self._week_of,
                                      default=_UNDATED)
        quad = self.lexicon.quad(cameo, kind)
        return Event(doc_id=item.id, type=kind, mode=None, context=[], source=_actors(speaker), target=_actors(target),
                     reciprocal=False, certainty=how, attribution=attribution, date=date, historical=historical,
                     evidence=_evidence(sent), cameo=cameo, goldstein=self.lexicon.goldstein(cameo),
                     quad=quad, trigger=token.text)

    def _candidates(self, doc: Doc) -> tuple[list[int], list[bool], list[int], list[str]]:
        """Indexes of the tokens a trigger entry may name (read from the token arrays, so
        no Token objects are made for the rest), which tokens are verbs, and the indexes of
        the words that may refer back (pronouns, "the two sides"); and every token's lower-case form."""
        strings = doc.vocab.strings
        lex = self.lexicon
        verb_pos = {doc.vocab.strings.add(p) for p in ("VERB", "AUX")}
        noun_pos = {doc.vocab.strings.add(p) for p in ("NOUN", "PROPN")}
        adj_pos = {doc.vocab.strings.add("ADJ")} | verb_pos
        out, verbal, back, lowers = [], [], [], []
        for i, (lemma, lower, pos) in enumerate(doc.to_array([LEMMA, LOWER, POS]).tolist()):
            verbal.append(pos in verb_pos)
            word = strings[lower]
            lowers.append(word)
            if word in REFERRING_WORDS:
                back.append(i)
            if pos in adj_pos and word in lex.adjectives:
                out.append(i)
            elif pos in verb_pos:
                if strings[lemma].lower() in lex.verbs:
                    out.append(i)
            elif pos in noun_pos and (strings[lemma].lower() in lex.nouns or word in lex.nouns):
                out.append(i)
        return out, verbal, back, lowers

    @staticmethod
    def _is_assessment(token: Token, trig: Trigger) -> bool:
        """"The two sides agreed that cooperation has grown": an assessment, not an agreement."""
        modal = {"should", "will", "would", "must", "shall", "could", "can", "may"}
        return trig.type == "AGREE" and token.lemma_ == "agree" and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            and not any(m.dep_ == "aux" and m.lower_ in modal for m in c.children)  # "agreed that they should…" is a pledge
            for c in token.children
        ) and not any(c.dep_ == "xcomp" for c in token.children)

    def _promises_of_force(self, doc: Doc, fired: dict[int, Event]) -> None:
        """"The rebels vowed to attack the capital": a pledge whose content is material conflict
        is a threat of it (THREATEN, 13x), aimed where the promised act is aimed; one whose
        content is a concession is that concession ("promised to ease restrictions", CONCEDE)."""
        for j, event in list(fired.items()):
            if event.type != "AGREE" or doc[j].lemma_ not in PROMISE_VERBS:
                continue
            i = next((i for i in sorted(fired) if i != j and doc[j] in doc[i].ancestors
                      and (QUAD_OF_TYPE[fired[i].type] == 4 or fired[i].type == "CONCEDE")), None)
            if i is None:
                continue
            inner = fired[i]
            if inner.type == "CONCEDE":
                self._promised_concession(fired, j, i)
                continue
            cameo = THREAT_CAMEO.get(inner.type, "130")
            fired[j] = replace(event, type="THREATEN", mode=None, cameo=cameo, goldstein=self.lexicon.goldstein(cameo),
                               quad=3, target=event.target or inner.target)

    def _agreed_to_own_acts(self, doc: Doc, fired: dict[int, Event]) -> None:
        """"Obama has agreed to lift the sanctions on Iran": one party agreeing to an act of its own
        toward another, with no partner to agree with, promises that act; it is not mutual. It is
        aimed where the act is aimed, coded as CAMEO's intent for it (AGREE 03x), or as the
        concession itself where the act is one (CONCEDE)."""
        for j, event in list(fired.items()):
            agree = doc[j]
            if event.type != "AGREE" or agree.lemma_ != "agree" or len({a.key for a in event.source}) != 1 \
                    or any(c.dep_ == "prep" and c.lower_ == "with" for c in agree.children):
                continue
            i = next((i for i in sorted(fired) if i != j and agree in doc[i].ancestors and fired[i].target
                      and not fired[i].reciprocal and fired[i].type not in INTENT_TYPES), None)
            promised = _promised_as(fired[i].type, fired[i].cameo) if i is not None else None
            if promised is None or promised[0] == "THREATEN":
                continue  # ("agreed to impose sanctions": a decision on a hostile act is no promise to its target)
            if promised[0] == "CONCEDE":
                self._promised_concession(fired, j, i)
                continue
            kind, code = promised
            fired[j] = replace(event, reciprocal=False, target=fired[i].target, cameo=code,
                               goldstein=self.lexicon.goldstein(code), quad=self.lexicon.quad(code, kind))

    def _intended_meetings(self, doc: Doc, fired: dict[int, Event]) -> None:
        """"Hoped that the two sides would negotiate a deal", "agreed to hold talks": a general
        intent (AGREE 030) whose content is a meeting or a negotiation is the intent to meet or
        negotiate (036), an act apart from a wish to cooperate stated beside it."""
        for j, event in list(fired.items()):
            if event.type != "AGREE" or event.cameo != "030":
                continue
            if any(i != j and fired[i].type == "CONSULT" and _content_of(doc[i], doc[j]) for i in fired):
                code = INVITE_CAMEO  # (CAMEO's intent to meet or negotiate, as an invitation is)
                fired[j] = replace(event, cameo=code, goldstein=self.lexicon.goldstein(code))

    def _yield_to_intended_acts(self, doc: Doc, fired: dict[int, Event], intents: set[int]) -> None:
        """"Syria is willing to withdraw its troops": an adjective of willingness over an act the
        coder codes is a promise of it (PLOVER's AGREE, with the act's CAMEO intent code), aimed
        where the act is aimed; over a hostile act a threat ("is prepared to impose martial law",
        THREATEN 13x); over a concession, that concession (CONCEDE is PLOVER's promised
        concession). Over an act CAMEO has no intent for (a show of force, a verbal act), it gives
        way to that act, planned.
        It stays AGREE over a promise of support, or an act with no trigger ("committed to peace")."""
        for j in intents:
            if j not in fired or fired[j].type != "AGREE":
                continue  # "is opposed to mediation": a refusal keeps what it refuses inside it
            inner = [i for i in sorted(fired) if i != j and doc[j] in doc[i].ancestors and fired[i].type != "SUPPORT"]
            if not inner:
                continue
            act = fired[inner[0]]
            promised = _promised_as(act.type, act.cameo) if _stated_willingness(doc[j]) else None
            if act.type == "CONCEDE" and promised is not None:
                self._promised_concession(fired, j, inner[0])
            elif promised is not None:
                kind, code = promised
                fired[j] = replace(fired[j], type=kind, cameo=code, quad=self.lexicon.quad(code, kind),
                                   goldstein=self.lexicon.goldstein(code), target=act.target or fired[j].target)
            else:
                del fired[j]
                for i in inner:
                    if fired[i].certainty in ("asserted", "attributed"):
                        fired[i] = replace(fired[i], certainty="planned", attribution=None)

    def _promised_concession(self, fired: dict[int, Event], j: int, i: int) -> None:
        """The promise at ``j`` of the concession at ``i`` is that concession (PLOVER's CONCEDE:
        "promised to ease restrictions"), made when and as surely as promised, coded as CAMEO's
        intent to yield."""
        act, promise = fired[i], fired.pop(j)
        kind, code = _promised_as(act.type, act.cameo)
        fired[i] = replace(act, type=kind, certainty=promise.certainty, attribution=promise.attribution,
                           date=promise.date, historical=promise.historical, cameo=code,
                           goldstein=self.lexicon.goldstein(code), quad=self.lexicon.quad(code, kind),
                           target=act.target or promise.target)

    @staticmethod
    def _inside_intent(token: Token, fired: dict[int, Event]) -> bool:
        """Whether an intent, request, threat or refusal of this sentence governs the trigger. A
        participle clause ("pledged support, highlighting the transfer of boats") or a phrase of
        place or time ("underscored commitments during his meetings") on the way up tells what
        went with the intent, not what it intends."""
        t = token
        for _ in range(4):
            if t.head.i == t.i or (t.i != token.i and _beside_intent(t)):  # ("…, offering loans" is the intent's own)
                return False
            t = t.head
            other = fired.get(t.i)
            if other is not None and (other.type in INTENT_TYPES or other.cameo == RALLY_CAMEO):
                return True
        return False

    @staticmethod
    def _datelines(doc: Doc) -> list[tuple[int, int]]:
        """Character ranges of datelines ("HANOI (AP) —", "HCMC –"): places of filing, no actors."""
        out = []
        for sent in doc.sents:
            for t in sent[:8]:
                if t.text in ("—", "–", "--") or (t.text == "-" and t.i > sent.start and doc[t.i - 1].text == ")"):
                    head = doc[sent.start : t.i]
                    if head and head[0].text.isupper() and len(head[0].text) > 1:
                        out.append((head.start_char, t.idx))
                    break
        return out

    @staticmethod
    def _add_references(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention], parsed: list[int]) -> None:
        """Pronouns for people ("he", "his") and pair words ("the two sides", "both countries")
        stand for the person, or the two states, named last before them. ``parsed`` holds the
        indexes of such words in parsed sentences."""
        ordered = sorted(mentions, key=lambda m: m.start)
        for i in sorted(parsed):
            t = doc[i]
            if t.i in by_token:
                continue
            before = [m for m in ordered if m.end <= t.idx]
            if t.lower_ in PERSON_PRONOUNS and t.pos_ == "PRON":
                # (figures of history, "Ho Chi Minh" honoured at his mausoleum, are not who "he" is next)
                people = [m for m in reversed(before) if m.entry and m.entry.startswith("people")
                          and not m.entry.startswith("people.history")][:6]
                person = people[0] if people else None
                subject = t if t.dep_ in SUBJECT_DEPS else t.head if t.dep_ == "poss" and t.head.dep_ in SUBJECT_DEPS else None
                if person is not None and subject is not None and subject.head.i == t.sent.root.i and person.start < t.sent.start_char:
                    # "Austin met Chinh in Hanoi. He is expected to visit Seoul" (…"His visit comes as…"): a
                    # sentence's subject pronoun continues the last person who was a subject, not the last one named
                    person = next((m for m in people if _is_subject(doc, m)), person)
                if person is not None and t.idx - person.start < 1500:
                    by_token[t.i] = Mention(person.doc_id, t.idx, t.idx + len(t.text), t.text, person.actor, person.entry, "pronoun")
            elif t.lower_ in FIRST_PERSON and t.pos_ == "PRON":
                person = next((m for m in reversed(before) if m.entry and m.entry.startswith("people")
                               and t.idx - m.start < 1500), None)
                if person is None:  # "…, we reaffirm our commitment," Rubio wrote
                    end = t.sent.end_char
                    person = next((m for m in ordered if t.idx < m.start < end and m.entry and m.entry.startswith("people")), None)
                if person is not None:
                    by_token[t.i] = Mention(person.doc_id, t.idx, t.idx + len(t.text), t.text, person.actor, person.entry, "pronoun")
            elif t.lower_ in ("country", "nation") and t.i > 0 and doc[t.i - 1].lower_ == "the" and t.dep_ in ("pobj", "dobj", "nsubj", "poss"):
                # "traveled to the country", "the country's top leader": the state named last
                state = next((m for m in reversed(before) if m.entry and m.entry.startswith(("states", "places"))), None)
                if state is not None:
                    by_token[t.i] = Mention(state.doc_id, t.idx, t.idx + len(t.text), t.text, state.actor, state.entry, "the-country")
            elif t.lower_ in PAIR_WORDS and t.i > 0 and doc[t.i - 1].lower_ in ("two", "both"):
                # the two states just named together ("…visits to Malaysia and Cambodia. Both nations…"),
                # else the two the text has named most so far (the story's dyad), recency breaking ties
                pair = _joined_pair(doc, before, t.idx)
                if not pair:
                    counts: dict[str, tuple[int, int, Mention]] = {}
                    for rank, m in enumerate(before):
                        n, _, _ = counts.get(m.actor.key, (0, 0, m))
                        counts[m.actor.key] = (n + 1, rank, m)
                    pair = [m for _, _, m in sorted(counts.values(), key=lambda c: (-c[0], -c[1]))[:2]]
                if len(pair) == 2:
                    # both parties sit on the pair word's tokens; _actors_in collects them
                    by_token[t.i] = Mention(pair[0].doc_id, t.idx, t.idx + len(t.text), t.text, pair[0].actor, pair[0].entry, "pair")
                    by_token[t.i - 1] = Mention(pair[1].doc_id, doc[t.i - 1].idx, t.idx + len(t.text), doc[t.i - 1].text + " " + t.text,
                                                pair[1].actor, pair[1].entry, "pair")

    @staticmethod
    def _index_mentions(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
        index = {}
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    index[i] = m
        return index

    def _triggers(self, token: Token) -> list[Trigger]:
        if token.pos_ in ("ADJ", "VERB") and token.dep_ in ("acomp", "xcomp", "ccomp", "ROOT", "conj") and token.lower_ in self.lexicon.adjectives:
            if not _has_complement(token):
                return []  # "ready for war", "a determined push": no act is promised
            found = self.lexicon.adjectives[token.lower_]  # "is ready to", "remains committed to"
        elif token.pos_ in ("VERB", "AUX"):
            found = self.lexicon.verbs.get(token.lemma_.lower(), [])
        elif token.pos_ in ("NOUN", "PROPN"):
            if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
                return []  # "tariff negotiations", "visit schedule": the head noun is the thing
            found = self.lexicon.nouns.get(token.lemma_.lower(), []) or self.lexicon.nouns.get(token.lower_, [])
        else:
            return []
        out = []
        objects: set[str] | None = None
        for trig in found:
            if trig.particle and not any(c.dep_ in ("prt", "advmod") and c.lower_ == trig.particle for c in token.children):
                continue
            if objects is None:
                objects = self._object_lemmas(token)
            if trig.objects and not (objects & trig.objects):
                continue
            if objects & trig.not_event_if:
                continue
            if trig.prep and not any(c.lower_ == trig.prep for c in _preps(token)):
                continue
            if trig.prep_objects and not (self._prep_object_lemmas(token, trig.prep) & trig.prep_objects):
                continue
            if trig.subjects and not (self._subject_lemmas(token) & trig.subjects):
                continue
            out.append(trig)
        return out

    @staticmethod
    def _object_lemmas(token: Token) -> set[str]:
        objs = set()
        if token.dep_ == "amod" and token.tag_ != "VBN" and token.pos_ == "VERB":
            # "since normalizing ties": the noun it modifies ("signed documents" only say what the
            # documents are)
            head = token.head
            objs.update((head.lemma_.lower(), head.lower_))
            objs.update(t.lemma_.lower() for t in head.children if t.dep_ in ("compound", "amod"))
        if (described := _described_by_participle(token)) is not None:
            # "an embargo lifted by the US": the noun a passive participle describes is what is acted on
            objs.update((described.lemma_.lower(), described.lower_))
            objs.update(t.lemma_.lower() for t in described.children if t.dep_ in ("compound", "amod"))
        if _passive_conjunct(token) and (first := _own_subject(token.head)) is not None:
            objs.update((first.lemma_.lower(), first.lower_))  # "the civilians … were released": the first verb's subject
        for c in token.children:
            if c.dep_ == "ccomp" and c.pos_ == "NOUN" and not any(a.dep_ == "aux" for a in c.children):
                objs.add(c.lemma_.lower())  # "considers Laos a priority": the parse's verbless clause
                continue
            if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd") or (c.dep_ == "prep" and c.lower_ == "in" and token.lemma_ == "take"):
                objs.add(c.lemma_.lower())
                objs.add(c.lower_)
                objs.update(cc.lemma_.lower() for cc in c.conjuncts)
                objs.update(" ".join(t.lemma_.lower() for t in _own_phrase(c) if t.dep_ in ("compound", "amod")) .split())
                for of in (p for p in c.children if p.dep_ == "prep" and p.lower_ == "of"):  # "dozens of agreements"
                    objs.update(q.lemma_.lower() for q in of.children if q.dep_ == "pobj")
                thing = _counted(c)
                if thing is not None:  # "signed $2 billion in arms deals": what the sum is of
                    objs.update(t.lemma_.lower() for t in (thing, *thing.children) if t is thing or t.dep_ in ("compound", "amod"))
        return objs

    def _subject_lemmas(self, token: Token) -> set[str]:
        """The lemmas and forms of a verb's subject and its conjuncts ("troops and police withdrew")."""
        subj = self._subject(token)
        if subj is None:
            return set()
        return {w for t in (subj, *subj.conjuncts) for w in (t.lemma_.lower(), t.lower_)}

    @staticmethod
    def _prep_object_lemmas(token: Token, prep: str | None) -> set[str]:
        return {p.lemma_.lower() for c in _preps(token) if prep is None or c.lower_ == prep
                for p in c.children if p.dep_ == "pobj"}

    # -- roles -----------------------------------------------------------------------------

    def _actors_in(self, head: Token | None, by_token: dict[int, Mention]) -> list[Mention]:
        """Mentions inside the noun phrase headed by ``head`` (its own clauses left out)."""
        if head is None:
            return []
        found: dict[tuple[int, int], Mention] = {}

        def walk(t: Token) -> None:
            if t.i in by_token:
                m = by_token[t.i]
                found[(m.start, m.end)] = m
            for c in t.children:
                if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis") or (c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS):
                    continue
                if c.dep_ == "prep" and t.dep_ == "appos" and c.lower_ != "of":
                    continue  # "the US, the biggest export market for Vietnam": another party, described

                if c.dep_ == "appos" and t.i in by_token and c.i in by_token and (by_token[t.i].entry or "").startswith("people") \
                        and by_token[c.i].actor.key != by_token[t.i].actor.key:
                    continue  # "at the invitation of Austin, Vietnam's minister …": another state's official is no apposition
                walk(c)

        walk(head)
        return sorted(found.values(), key=lambda m: m.start)

    def _reporter(self, pronoun: Token) -> Token | None:
        """"Syria says it is willing…", "the rebels said they would…": the subject of the
        saying verb whose reported clause the pronoun stands in."""
        t = pronoun.head
        for _ in range(4):
            if t.dep_ == "ccomp" and t.head.lemma_ in SAYING_VERBS:
                return self._subject(t.head)
            # ("I see they're meeting," he said: a clause under another verb than saying is not the speaker's)
            if t.dep_ not in ("xcomp", "conj", "advcl") or t.head.i == t.i:
                return None
            t = t.head
        return None

    def _subject(self, token: Token) -> Token | None:
        t = token
        raised = False  # climbed from an infinitive: "Xi is expected to visit…" (Xi visits)
        for _ in range(4):
            if t.i == token.i and _absolute_participle(t):
                # "with North Korea accused of sending troops": the noun is what is done to, its doer a by-phrase
                agent = next((c for c in t.children if c.dep_ == "agent"), None)
                return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if (t.i == token.i or (t.i == token.head.i and _passive_conjunct(token))) and _reduced_relative(t):
                # "the civilians imprisoned for… were released": both done to the noun, by whom only a by-phrase says
                agent = next((c for c in t.children if c.dep_ == "agent"), None)
                return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            subjects = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
            subj = subjects[-1] if subjects else _name_read_as_prep(t)  # the one nearest the verb
            if subj is not None and subj.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
                subj = t.head  # "Hegseth, who is on a visit to…": the relative clause's antecedent
            if subj is not None and (subj.dep_ != "nsubjpass" or raised or t.lemma_ in STATIVE_PASSIVES):
                return subj
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            if subj is not None:  # passive without agent: no source
                return None
            if t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN") and _infinitive(t):
                if t.head.lemma_.lower() in MOTIVE_NOUNS and t.head.dep_ == "pobj" and t.head.head.lower_ == "in":
                    return None  # "in a bid to curb US influence": why one acts, not a further act
                if t.head.lemma_.lower() not in PLAN_NOUNS:
                    return t.head  # "Vietnam's top leader to visit North Korea" (not "Seoul accused of…")
                # "Washington's plan to sell jets", "(Washington is) in talks to supply arms": the planner acts
                owner = next((c for c in t.head.children if c.dep_ == "poss"), None)
                gov = t.head
                while owner is None and gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                    gov = gov.head
                if owner is not None or gov.pos_ not in ("VERB", "AUX"):
                    return owner
                t = gov
                continue
            if _states_content(t):
                t = t.head.head  # "issued a statement condemning…": the issuer condemns
                continue
            if t.dep_ == "acl" and t.tag_ in ("VBG", "VBD", "VBZ", "VBP") and t.head.pos_ in ("NOUN", "PROPN"):
                return t.head  # "troops patrolling the border", a headline "youths resorted to…": the noun acts
            if t.dep_ == "xcomp" and t.head.lemma_ not in SUBJECT_CONTROL_VERBS and _infinitive(t):
                # "the court ordered the government to release…": the one told to act does it
                told = next((c for c in t.head.children if c.dep_ == "dobj" and c.i < t.i), None)
                if told is not None:
                    return told
            thanked = _thanked_for(t)
            if thanked is not None:
                return thanked
            if is_charge(t):  # "jailed a student for helping militants": the one punished is charged with the act
                gov = t.head.head
                return next((c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")), None) or (
                    _own_subject(gov) if _reduced_relative(gov) else None)
            if t.dep_ in SUBJECTLESS_INHERIT and t.head.i != t.i:
                if t.dep_ == "conj" and not _joined(t):
                    return None  # "jailed a student for helping militants join a group": no conjunct of "jailed"
                raised = t.dep_ == "xcomp"
                t = t.head
                if t.dep_ == "prep" and t.head.i != t.i:  # "Since normalizing ties, the two countries…"
                    t = t.head
                continue
            return None
        return None

    def _place(self, token: Token, place: str, by_token) -> list[Mention]:
        if place == "subject":
            subj = self._subject(token)
            found = self._actors_in(subj, by_token)
            if not found and subj is not None and subj.lower_ in CLAUSE_PRONOUNS:
                found = self._actors_in(self._reporter(subj), by_token)
            return found
        if place == "speaker":  # "Hegseth said addressing war legacies remains a top priority": who says so
            t = token
            for _ in range(3):
                if t.dep_ == "ccomp" and t.head.lemma_ in SPEAKING_VERBS:
                    return self._actors_in(self._subject(t.head), by_token)
                if t.dep_ not in ("ccomp", "conj") or t.head.i == t.i:
                    break
                t = t.head
            return []
        if place == "agent":
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            return self._actors_in(next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None, by_token)
        if place == "object":
            obj = next((c for c in token.children if c.dep_ in ("dobj", "attr")), None)
            obj = _counted(obj) or obj if obj is not None else None  # "bought $2 billion of Russian arms": the arms
            if obj is None:
                obj = _described_by_participle(token)  # "the sanctions on Iran lifted by the US": Iran
            if obj is None and _is_passive(token):  # "the fishermen were released": the patient
                obj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
                if obj is None and token.dep_ == "conj":  # "Lam arrived and was welcomed by Kim": the first verb's subject
                    obj = _own_subject(token.head) if _reduced_relative(token.head) else self._subject(token.head)
            return self._actors_in(obj, by_token)
        if place == "owner":  # "U.S. funding for the programmes was cut": whose the thing acted on is
            obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None) or _described_by_participle(token)
            mods = [c for c in obj.children if c.dep_ in ("poss", "compound", "amod", "nmod")] if obj is not None else []
            return [m for c in mods for m in self._actors_in(c, by_token)]
        if place == "iobj":
            return self._actors_in(next((c for c in token.children if c.dep_ in ("dative", "iobj")), None), by_token)
        if place == "poss":
            return self._actors_in(next((c for c in token.children if c.dep_ == "poss"), None), by_token)
        if place in ("compound", "amod"):
            comps = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
            return [m for c in comps for m in self._actors_in(c, by_token)]
        if place in ("subject_of_xcomp", "subject_of_clause"):
            deps = ("xcomp",) if place == "subject_of_xcomp" else ("xcomp", "ccomp")
            x = next((c for c in token.children if c.dep_ in deps), None)
            return self._actors_in(self._subject(x), by_token) if x is not None else []
        if place == "target_of_xcomp":  # "threatened to deal blows to X", "to strike X": where the act it names is aimed
            x = next((c for c in token.children if c.dep_ == "xcomp"), None)
            return next((found for p in ("object", "prep:to", "prep:against", "prep:on") if x is not None
                         and (found := self._place(x, p, by_token))), [])
        if place.startswith("prep:"):
            words = set(place[5:].split("|"))
            found = []
            for c in _preps(token):
                if c.lower_ in words:
                    # ("Israel said a shell was fired at it": the pronoun is the speaker, as a subject "it" would be)
                    found += [m for p in c.children if p.dep_ == "pobj" for m in self._actors_in(p, by_token)
                              or (self._actors_in(self._reporter(c), by_token) if p.lower_ in CLAUSE_PRONOUNS else [])]
                    for p in c.children:  # "with X and Y", "to X"
                        if p.dep_ == "pobj":
                            for cj in p.conjuncts:
                                found += self._actors_in(cj, by_token)
            return found
        return []

    def _non_agent_cause(self, token: Token) -> bool:
        """Whether a verb's doer (its subject or by-phrase) is an accident, a disaster or a
        disease (the lexicon's ``non_agents``), by its head noun or a compound of it
        ("the Malaysia Airlines flight MH17 crash", "Typhoon Haiyan")."""
        doer = self._subject(token)
        return doer is not None and any(w.lemma_.lower() in self.lexicon.non_agents or w.lower_ in self.lexicon.non_agents
                                        for w in (doer, *doer.children) if w is doer or w.dep_ == "compound")

    def _instrument(self, token: Token, by_token) -> list[Mention]:
        """"Two civilians were killed in Israeli tank shelling": a passive act of force done
        "in"/"by" an attack names its doer in the attack's nationality word, or in the attack's
        own by-phrase ("in an air strike by Turkish jets")."""
        doc = token.doc
        for prep in (c for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")):
            phrase = list(prep.subtree)
            after = phrase[-1].i + 1  # (a parse may cut "tank | shelling" after the first noun)
            if after < len(doc) and doc[after].head.i == token.i:
                phrase.append(doc[after])
            if not any(self._is_attack(t) for t in phrase):
                continue
            found = [by_token[t.i] for t in phrase if t.i in by_token and t.dep_ in ("amod", "compound", "poss")]
            if not found:  # "killed in an air strike by Turkish jets": the attack's own by-phrase
                found = [m for t in phrase if t.dep_ == "pobj" and t.head.lower_ == "by" and self._is_attack(t.head.head)
                         for m in self._actors_in(t, by_token)]
            if found:
                return found[:1]
        return []

    def _is_attack(self, token: Token) -> bool:
        """Whether a word names an act of force ("shelling", "airstrike", "raid")."""
        return token.pos_ in ("NOUN", "VERB") and any(
            t.type in FORCE_TYPES for t in self.lexicon.nouns.get(token.lemma_.lower(), []) or self.lexicon.nouns.get(token.lower_, []))

    def _roles(self, token: Token, trig: Trigger, by_token) -> tuple[list[Mention], list[Mention], str | None]:
        source: list[Mention] = []
        for place in trig.source:
            source = self._place(token, place, by_token)
            if source:
                break
        target, target_place = [], None
        for place in trig.target:
            target = self._place(token, place, by_token)
            if target:
                target_place = place
                break
        if not target:  # "pledged to deepen ties with Vietnam": the complement's partner
            for comp in (c for c in token.children if c.dep_ in ("xcomp", "ccomp")):
                for place in ("prep:with", "prep:to", "object"):
                    target = self._place(comp, place, by_token)
                    if target:
                        target_place = place
                        break
                if target:
                    break
        if trig.pos == "ADJ" and not source:  # "Japan is committed to…": the participle's passive subject
            source = self._actors_in(next((c for c in token.children if c.dep_ == "nsubjpass"), None), by_token)
        pressed = trig.pos == "NOUN" and token.lemma_.lower() in PRESSURE_NOUNS
        if pressed and not target:
            target = self._pressed(token, by_token)
        if trig.pos == "NOUN" and not source and not pressed:
            # "his visit to Hanoi", "during talks with …": the doer is the clause's subject
            gov = token.head
            while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                gov = gov.head
            subj = self._subject(gov) if gov.pos_ in ("VERB", "AUX") else None
            source = self._actors_in(subj, by_token)
            if subj is not None and (subj.i == token.i or (subj.is_ancestor(token) and not subj.is_ancestor(gov))):
                # "Kim's last visit to Hanoi was in 2019": the subject is the act's own phrase, its target in it
                taken = {(m.start, m.end) for m in target}
                source = [m for m in source if (m.start, m.end) not in taken]
            elif source and trig.type in UNDIRECTED_TYPES and (gov.lemma_ in SPECTATOR_VERBS or token.head.lower_ == "at"):
                # "flew to Pyongyang to stand beside Kim at a military parade": the guest watches the host's parade
                source = self._implicit_target(token.doc, token.sent, source, by_token, gov)  # ("beside Kim")
            elif source and QUAD_OF_TYPE[trig.type] in (1, 2) and trig.reciprocal not in ("always", "with") and any(
                    a.lemma_.lower() in GRATITUDE_WORDS for a in token.ancestors if gov in a.ancestors or a.i == gov.i):
                # "Vietnam expressed appreciation for the funding": one thanks another for what that other did
                giver = self._named_besides(token.sent, source, by_token)
                if giver:
                    source, target = giver, source
        if trig.pos == "NOUN" and trig.mode == "visit" and not target:
            target = self._stops(token, by_token)
        if trig.pos == "NOUN" and trig.type == "SANCTION" and source and not target and token.dep_ in ("dobj", "pobj"):
            # "Beijing faces 145% US duties", "China hit back at US tariffs": sanctions a clause's subject meets are aimed at it
            gov = token.head.head if token.dep_ == "pobj" else token.head
            if gov.pos_ in ("VERB", "AUX"):
                own = {m.actor.key for m in source}
                target = [m for m in self._actors_in(self._subject(gov), by_token) if m.actor.key not in own]
        if trig.swap:
            source, target = target, source
        return source, target, target_place

    def _pressed(self, pressure: Token, by_token) -> list[Mention]:
        """Who a noun of pressure with no on-phrase bears on: the subject of the clause it is the
        object of ("Chile faces pressure from Peru to…", "is under pressure from… to…")."""
        if pressure.dep_ not in ("dobj", "pobj"):
            return []
        gov = pressure.head.head if pressure.dep_ == "pobj" else pressure.head
        return self._actors_in(self._subject(gov), by_token) if gov.pos_ in ("VERB", "AUX") else []

    def _stops(self, trip: Token, by_token) -> list[Mention]:
        """The hosts of a trip told by what it takes in ("a tour that will include Malaysia",
        "a tour that includes stops in Malaysia and Cambodia", "a tour of Asia, which includes…")."""
        found: list[Mention] = []
        regions = [p for c in trip.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        for clause in (c for t in (trip, *regions) for c in t.children if c.dep_ in ("relcl", "acl") and c.lemma_ in TRIP_STOP_VERBS):
            for obj in (c for c in clause.children if c.dep_ == "dobj"):
                found += [m for o in (obj, *obj.conjuncts) for m in self._actors_in(o, by_token)]
                found += [m for p in _preps(obj) if p.lower_ in ("in", "to", "at")
                          for place in p.children if place.dep_ == "pobj"
                          for m in self._actors_in(place, by_token) + [n for cj in place.conjuncts for n in self._actors_in(cj, by_token)]]
        return found

    # -- events ----------------------------------------------------------------------------

    def _event(self, item: Input, doc: Doc, sent: Span, token: Token, trig: Trigger, by_token, named,
               words: set[str] | None = None) -> Event | None:
        if (token.lemma_ == "be" or (QUAD_OF_TYPE[trig.type] in (1, 3) and trig.pos == "VERB")) \
                and (subj := self._subject(token)) is not None and subj.lemma_.lower() in self.lexicon.nouns \
                and _forces_of(subj) is subj:
            # "Kim's last visit to Hanoi was in 2019", "the visit underscores the importance of ties":
            # the subject is the event, and codes itself; what it is said to do describes it
            return None
        if token.lemma_ == "be" and trig.mode == "visit" and any(
                p.dep_ == "pobj" and (p.lemma_.lower() in self.lexicon.nouns or p.lower_ in self.lexicon.nouns)
                for c in token.children if c.dep_ == "prep" for p in c.children):
            return None  # "are in talks with Washington", "was in a meeting with Kim": the act codes itself, no place
        if token.dep_ == "acl" and token.head.lemma_.lower() in ENTITLEMENT_NOUNS and _infinitive(token):
            return None  # "defended the right of the troops to fire": a right, not a shooting
        if token.dep_ == "acl" and token.head.lemma_.lower() in PRESSURE_NOUNS and _infinitive(token):
            return None  # "faces pressure to release the crew": what one is pressed to do is not done
        if trig.pos == "NOUN" and token.lemma_.lower() in PRESSURE_NOUNS and not any(
                c.dep_ == "acl" and _infinitive(c) for c in token.children):
            return None  # "under US pressure", "amid pressure from…": a circumstance; "pressure … to act" is a demand
        if token.lemma_ in TRADE_VERBS and _is_share(token):
            return None  # "Vietnam imports most goods from China": a statistic, not an act
        if trig.type in FORCE_TYPES and trig.pos == "VERB" and self._non_agent_cause(token):
            return None  # "victims killed by the crash", "the typhoon killed ten": no one's act
        source, target, target_place = self._roles(token, trig, by_token)
        if trig.requires_target and not target and not (trig.reciprocal == "always" and len({m.actor.key for m in source}) > 1):
            return None  # (a mutual act's parties named together are each other's target: "A and B spoke")
        if not source and trig.type in FORCE_TYPES and _is_passive(token):
            source = self._instrument(token, by_token)
        if not source and (trig.reciprocal == "always" or (trig.reciprocal == "with" and _is_passive(token)
                                                           and not any(c.dep_ == "agent" for c in token.children))):
            # "the establishment of diplomatic relations (between the two countries)": mutual acts
            # name their parties anywhere — in the target, else the last two states named
            keys: dict[str, Mention] = {}
            for m in target + self._pair_before(doc, sent, by_token, self._speakers(token, sent, by_token)):
                keys.setdefault(m.actor.key, m)
            parties = list(keys.values())
            if len(parties) >= 2:
                source, target = parties[:1], parties[1:2]
        unnamed_doer = False
        if not source:
            # a doer the dictionaries do not know ("Amnesty International accused the US"): the
            # event stands on its named target; no doer at all is not an event we can code
            subj = self._subject(token) if trig.pos != "NOUN" else None
            unnamed_doer = bool(target) and (
                (subj is not None and subj.i not in by_token
                 and (subj.lemma_.lower() in UNNAMED_DOERS or (subj.pos_ == "PROPN" and subj.lower_ not in self.lexicon.nouns)))
                or (trig.type in UNDONE_TYPES and _is_passive(token) and target_place == "object"))  # "soldiers were killed"
            if not unnamed_doer:
                return None
        if trig.type == "PROTEST" and not unnamed_doer and not any(m.actor.sector in PROTESTER_SECTORS or "adjective" in (m.via or "") for m in source):
            return None  # "Vietnam continues to demonstrate growth" is no street protest
        if trig.reciprocal in ("always", "with") and not target and len({m.actor.key for m in source}) > 1:
            # "Vietnam and Laos established relations": the first party named with the others (and
            # with one the parse left out of the subject: "the US, Russia and Switzerland met")
            first = source[0].actor.key
            target = [m for m in source if m.actor.key != first] + self._named_besides(sent, source, by_token)
            source = [m for m in source if m.actor.key == first]
            target_place = "prep:with"  # (mutual, as "with" makes it)
        # "concluded his visit": no self-visit; but "protesters denounced the Thai government" is
        # aimed at another part of the same state
        target = [m for m in target if _other_party(m, source, target)]
        if trig.requires_target and not target:
            return None  # "Vietnam helped to organise the summit": the doer itself is no target
        guessed = not target and trig.type not in UNDIRECTED_TYPES and not unnamed_doer
        if guessed and trig.reciprocal in ("with", "always") and len({m.actor.key for m in source}) > 1:
            # "Putin and Erdogan will meet in Iran": the parties are named together, the place is no party
            guessed = False
            target = self._named_besides(sent, source, by_token)
        if guessed:
            target = self._implicit_target(doc, sent, source, by_token, token)
        src_keys = {m.actor.key for m in source}
        tgt_keys = {m.actor.key for m in target}
        reciprocal = trig.reciprocal == "always" or (
            trig.reciprocal == "with" and (target_place == "prep:with" or (len(src_keys) > 1 and not target))
        )
        if trig.mode == "visit" and (not target or (src_keys == tgt_keys and not _distinct_parties(source, target))):
            return None  # a visit is to someone else (another state, or another part of one's own: "protesters received ministers")
        if trig.mode == "visit" and trig.pos == "VERB" and (subj := self._subject(token)) is not None \
                and (subj := _forces_of(subj)).lemma_.lower() in FORCE_WORDS | PEACEKEEPING_WORDS:
            if not ({subj.lemma_.lower()} | {c.lemma_.lower() for c in subj.children}) & PEACEKEEPING_WORDS:
                return None  # "troops arrived in the town": a deployment, not a visit
            # "the first peacekeepers arrived in Bosnia": protection given to the host (074)
            trig = replace(trig, type="AID", mode=None, cameo="074", context=("peacekeeping",))
        if trig.type == "MOBILIZE" and len(src_keys) > 1:
            # "French and Egyptian warships launched war games": a show of force staged together is
            # military cooperation between those who stage it (062)
            trig = replace(trig, type="COOPERATE", mode=None, cameo="062", reciprocal="always")
            source, target = source[:1], [m for m in source[1:] if m.actor.key != source[0].actor.key][:1] + target
            reciprocal = True
        if src_keys and src_keys == tgt_keys and not reciprocal and not _distinct_parties(source, target):
            target = []
        if words is None:
            words = {t.lower_ for t in sent}
        how, attribution = certainty(token, sent, named, words)
        if how == "negated" and guessed and not _within(token, target):
            # "Xi didn't come to visit": an act that did not happen is aimed at no one its phrase does not name
            if trig.mode == "visit":
                return None
            target = []
        if how == "negated" and QUAD_OF_TYPE[trig.type] == 3 and any(
                c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") and c.lemma_ == "do" for c in token.children):
            return None  # "I don't blame China": a stance taken now, not a reported act that did not happen
        if token.lemma_ in TRADE_VERBS and how in ("planned", "speculative") and (trig.type == "COOPERATE" or (
                trig.type == "AID" and token.dep_ == "acl" and token.head.lemma_.lower() in NEGOTIATION_NOUNS)):
            # ("in talks to supply arms": a transfer under negotiation is a deal weighed too)
            # "Vietnam may buy Russian jets": a purchase only weighed is an intent to cooperate (ANNOTATION.md)
            trig = replace(trig, type="AGREE", cameo="0312" if "military" in trig.context else "031", reciprocal=None)
        if token.dep_ == "xcomp" and token.head.lemma_ in REFUSAL_VERBS and QUAD_OF_TYPE[trig.type] in (1, 2):
            # "declined to meet the envoy": the refusal, with the refused act's parties
            trig = replace(trig, type="REJECT", cameo=REFUSAL_CAMEO.get(trig.type, "120"), mode=None)
        if how == "negated" and token.lemma_ in ACCEPTANCE_VERBS and QUAD_OF_TYPE[trig.type] in (1, 2) \
                and trig.type != "CONSULT":  # ("did not meet Xi" is a meeting that did not happen)
            # "would not meet the demands": the refusal, planned where the text announces it
            trig = replace(trig, type="REJECT", cameo=REFUSAL_CAMEO.get(trig.type, "120"), mode=None)
            how = "planned" if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children) else "asserted"
        if how in ("planned", "hypothetical") and trig.type in CONDITIONAL_THREAT_TYPES and "unless" in words or (
                how in ("planned", "hypothetical", "speculative") and trig.type in FORCE_TYPES | {"SANCTION", "MOBILIZE"}
                and _on_condition(token)):
            # "will withdraw its peacekeepers unless…", "may impose sanctions if the talks fail":
            # a conditional conflict act is a threat
            trig = replace(trig, type="THREATEN", cameo=THREAT_CAMEO[trig.type], mode=None)
            how = "asserted"
        said = token
        promise = None if how == "negated" else self._promise(token, trig, source, by_token, how)
        if promise is not None:
            # "Iraq said it would allow the inspectors back": the doer's own word on what it will do
            # is a promise (AGREE, 03x), or a threat where the act is hostile (THREATEN, 13x; "would
            # strike back if attacked" too), made when and as surely as it is said
            said, kind, code = promise
            trig = replace(trig, type=kind, cameo=code, mode=None if kind != trig.type else trig.mode)
            how, attribution = certainty(said, sent, named, words)
            if how == "hypothetical":
                how = "asserted"  # ("would send troops if asked": the condition is the promised act's)
            reciprocal = reciprocal and len(src_keys) > 1
        date, historical = event_date(sent.text, item.date, planned=how == "planned", at=said.idx - sent.start_char, week_of=self._week_of,
                                      default=_UNDATED)
        if historical and how == "planned" and trig.pos == "NOUN":
            how = "asserted"  # "will mark the 30th anniversary of the normalisation": the act marked is long done
        cameo = cameo_code(trig.cameo or self.lexicon.default_cameo(trig.type, trig.mode), how, token)
        quad = self.lexicon.quad(cameo, trig.type)
        event = Event(
            doc_id=item.id,
            type=trig.type,
            mode=trig.mode,
            context=list(trig.context),
            source=_actors(source),
            target=_actors([m for m in target if (m.start, m.end) not in {(s.start, s.end) for s in source}]),
            reciprocal=reciprocal,
            certainty=how,
            attribution=attribution,
            date=date,
            historical=historical,
            evidence=_evidence(sent),
            cameo=cameo,
            goldstein=self.lexicon.goldstein(cameo),
            quad=quad,
            trigger=token.text,
        )
        if guessed and trig.mode == "visit":
            self._guessed_hosts.add(id(event))  # "Xi's trip comes as…": the host is settled per text
        return event

    def _promise(self, token: Token, trig: Trigger, source: list[Mention], by_token,
                 how: str) -> tuple[Token, str, str] | None:
        """The saying verb, PLOVER type and CAMEO code of a promise: an act to come that a saying
        verb reports from the doer's side ("Iraq said it would allow…", "Portugal will support…,
        the Portuguese president said") and that CAMEO has a statement of intent for; None for
        any other act. A meeting or visit announced is a schedule ("Li will visit Pyongyang, the
        ministry said"), but one offered on a condition a promise ("said they would meet him if…")."""
        if trig.type in INTENT_TYPES or (trig.type == "CONSULT" and how != "hypothetical"):
            return None
        told = announcement(token)
        if told is None:
            return None
        clause, own = told
        if any(t.lower_ in AGENDA_DAYS for t in clause.subtree):
            return None  # the day's agenda, the act planned
        said = clause.head
        if not own and not {m.actor.key for m in self._actors_in(self._subject(said), by_token)} & {
                m.actor.key for m in source}:
            return None  # "the ministry said Li will visit": another's act, or no known speaker
        promised = _promised_as(trig.type, trig.cameo or self.lexicon.default_cameo(trig.type, trig.mode))
        return (said, *promised) if promised is not None else None

    @staticmethod
    def _pair_before(doc: Doc, sent: Span, by_token, skip: frozenset[str] = frozenset()) -> list[Mention]:
        """The last two distinct parties named up to the end of this sentence, but those in ``skip``."""
        found: list[Mention] = []
        for i in range(sent.end - 1, max(0, sent.start - 80) - 1, -1):
            m = by_token.get(i)
            if m is not None and m.actor.key not in {f.actor.key for f in found} | skip:
                found.append(m)
                if len(found) == 2:
                    break
        return found

    def _speakers(self, token: Token, sent: Span, by_token) -> frozenset[str]:
        """Who speaks of a mutual act done by "they" ("I see they're meeting," Trump said): not
        among its parties."""
        subj = self._subject(token)
        if subj is None or subj.lower_ != "they":
            return frozenset()
        named = self._actors_in(self._subject(sent.root), by_token) if sent.root.lemma_ in SAYING_VERBS else []
        if named:  # (the one named saying it, rather than whom an "I" was taken for)
            return frozenset(m.actor.key for m in named)
        return frozenset(by_token[t.i].actor.key for t in sent if t.i in by_token and t.lower_ in FIRST_PERSON)

    @staticmethod
    def _named_besides(sent: Span, source: list[Mention], by_token) -> list[Mention]:
        """Another party the sentence names outside the places it names ("the US, Russia and
        Switzerland met": a parse may leave the last one out of the subject)."""
        keys = {m.actor.key for m in source}
        for t in sent:
            m = by_token.get(t.i)
            if m is not None and m.actor.key not in keys and not any(
                    a.dep_ == "prep" and a.lower_ in LOCATIVE_PREPS for a in t.ancestors):
                return [m]
        return []

    @staticmethod
    def _implicit_target(doc: Doc, sent: Span, source: list[Mention], by_token, token: Token | None = None) -> list[Mention]:
        """A directed act with no target in its clause ("Hegseth handed over a leather box")
        is aimed at the other party the sentence names, else the last one named before it."""
        keys = {m.actor.key for m in source}
        if token is not None:  # "negotiating a reduction of US tariffs": a party inside the act's own phrase first
            # (but not in a clause saying what a trip is for: "a trip aimed at a ceasefire in Gaza")
            purposes = [c for c in token.children if c.dep_ in ("acl", "relcl") and c.lemma_ not in TRIP_STOP_VERBS]
            for t in token.subtree:
                m = by_token.get(t.i)
                if m is not None and m.actor.key not in keys and (t.dep_ not in SUBJECT_DEPS or _partner_read_as_subject(t)) and not any(
                        a.dep_ in SUBJECT_DEPS for a in t.ancestors if a.i != token.i and token in a.ancestors) \
                        and not any(p.is_ancestor(t) for p in purposes):
                    return [m]
        for i in range(sent.start, sent.end):
            m = by_token.get(i)
            if m is not None and m.actor.key not in keys:
                return [m]
        for i in range(sent.start - 1, max(0, sent.start - 60) - 1, -1):
            m = by_token.get(i)
            if m is not None and m.actor.key not in keys:
                return [m]
        return []

    @staticmethod
    def _distinct(events: list[Event], headline_end: int = 0) -> list[Event]:
        """One event per act: same type and parties (unordered when reciprocal) is one. An act
        the headline states (text before ``headline_end``) is as certain as the body tells it."""
        seen: dict[tuple, Event] = {}
        headlined: set[tuple] = set()
        for e in events:
            src = frozenset(a.key for a in e.source)
            tgt = frozenset(a.key for a in e.target)
            # a background act of another year ("the last visit, in 2007") is not the story's act
            # …and acts of a different kind (an invitation, a hope to cooperate) are different acts
            when = (e.historical, (e.date or "")[:4] if e.historical else None, e.cameo if e.type != "CONSULT" else None)
            key = (e.type, e.mode, frozenset(src | tgt), when) if e.reciprocal else (e.type, e.mode, src, tgt, when)
            if key not in seen:
                seen[key] = e
                if e.evidence[0] < headline_end:
                    headlined.add(key)
                continue
            if key in headlined and e.evidence[0] >= headline_end:
                # "To Lam Visits North Korea" over "…is set to visit North Korea this week": the lead says how sure
                headlined.discard(key)
                seen[key].certainty, seen[key].attribution = e.certainty, e.attribution
            if _refines(seen[key].date, e.date):
                seen[key].date = e.date  # the headline's "to visit North Korea", dated by the lead's "on Thursday"
        out = list(seen.values())
        # "Hegseth stresses U.S. commitment" over the lead's commitment to Vietnam: a headline act
        # with no target is the body's act of that type by that doer
        return [e for e in out if not (e.evidence[0] < headline_end and not e.target and not e.reciprocal and any(
            o.evidence[0] >= headline_end and o.type == e.type and o.target
            and {a.key for a in o.source} == {a.key for a in e.source} for o in out))]


def _evidence(sent: Span) -> tuple[int, int]:
    """A sentence's character span, less the line-break tokens that close a paragraph."""
    end = sent.end
    while end > sent.start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    return sent.start_char, sent.doc[end - 1].idx + len(sent.doc[end - 1].text)


def _headline_end(text: str) -> int:
    """Where a text's headline ends: its first line, when that is a short line with no final
    full stop and the text goes on; else 0 (no headline)."""
    first, sep, rest = text.partition("\n")
    line = first.strip()
    if not sep or not rest.strip() or not line or len(line) > 200 or line.endswith((".", "!", ":")):
        return 0
    return len(first)


def _joined_pair(doc: Doc, before: list[Mention], at: int) -> list[Mention]:
    """The two states named last before offset ``at``, when they are named together ("Malaysia and
    Cambodia") in the sentence before or this one: what a following "both nations" stands for."""
    if len(before) < 2:
        return []
    first, second = before[-2:]
    if first.actor.key == second.actor.key or not all((m.entry or "").startswith("states") for m in (first, second)):
        return []
    if doc.text[first.end : second.start].strip(" ,") != "and" or at - second.end > 200:
        return []
    between = doc.text[second.end : at]
    return [first, second] if between.count(". ") + between.count("\n") <= 1 else []


def _refines(date: str | None, other: str | None) -> bool:
    """Whether ``other`` says the same time more precisely ("2025-10" → "2025-10-09")."""
    return bool(other) and (not date or (len(other) > len(date) and other.startswith(date)))


def _in_condition(token: Token) -> bool:
    """Whether the token stands in an "unless" clause (the condition of a threat or promise)."""
    t = token
    for _ in range(3):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "unless" for c in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("to release")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _on_condition(token: Token) -> bool:
    """Whether an if-clause of the verb's own sets the condition of its act ("may halt talks if
    the fighting goes on"): a hostile act to come on a condition is a threat of it."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
               for c in token.children)


def _has_doer(noun: Token) -> bool:
    """Whether a noun names who does it: a possessor ("Hegseth's visit") or a by-phrase ("the visit by Xi")."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)


def _content_of(token: Token, intent: Token) -> bool:
    """Whether the act at ``token`` is what ``intent`` intends: the intent governs it within four
    steps, through no participle clause or phrase of place or time ("pledged ties as he met…")."""
    t = token
    for _ in range(4):
        if t.head.i == t.i or t.dep_ == "advcl" or (t.i != token.i and _beside_intent(t)):
            return False
        t = t.head
        if t.i == intent.i:
            return True
    return False


def _beside_intent(token: Token) -> bool:
    """Whether a word opens a participle clause with no conjunction ("…, highlighting the
    transfer") or a phrase of place or time ("during the meetings")."""
    if token.dep_ == "prep":
        return token.lower_ in LOCATIVE_PREPS
    return token.dep_ == "advcl" and token.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("mark", "aux", "auxpass") for c in token.children)


def _has_complement(token: Token) -> bool:
    """Whether a predicate adjective governs what is intended: an infinitive ("ready to talk")
    or a to-phrase ("committed to peace")."""
    return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in token.children)


def _promised_as(act_type: str, code: str | None) -> tuple[str, str] | None:
    """The PLOVER type and CAMEO code of a promise of an act of this type and code: a concession
    stays CONCEDE (PLOVER's promised concession), any other act is AGREE or THREATEN as its CAMEO
    intent is 03 or 13; None where CAMEO has no intent for the act (a show of force, a verbal act)."""
    intent = promise_code(code)
    if act_type == "CONCEDE" and code:
        return act_type, intent or code
    return (PROMISE_TYPES[intent[:2]], intent) if intent and intent[:2] in PROMISE_TYPES else None


def _stated_willingness(token: Token) -> bool:
    """Whether a word of intent is said of its subject ("is willing to", "remains committed to"),
    not a verb of what the subject does ("the army prepared to resume shelling")."""
    return token.pos_ == "ADJ" or token.dep_ in ("acomp", "oprd") or any(
        c.dep_ in ("aux", "auxpass", "cop") and c.lemma_ == "be" for c in token.children)


def _forces_of(noun: Token) -> Token:
    """The forces a noun of quantity or sending stands for ("the first deployment of NATO troops",
    "a batch of peacekeepers"), else the noun itself."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if inner is not None and inner.lemma_.lower() in FORCE_WORDS | PEACEKEEPING_WORDS:
                return inner
    return noun


def _states_content(verb: Token) -> bool:
    """Whether a participle tells what an issued statement says ("issued a declaration demanding
    that…", "sent a letter urging…"): the statement's object noun is the vehicle, the participle the act."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in STATEMENT_NOUNS \
        and verb.head.dep_ == "dobj" and verb.head.head.pos_ in ("VERB", "AUX")


def _is_subject(doc: Doc, mention: Mention) -> bool:
    """Whether a mention is the subject of its clause (in a parsed sentence)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in SUBJECT_DEPS


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _described_by_participle(verb: Token) -> Token | None:
    """The noun a passive participle that says when it was done describes ("an embargo lifted by
    the US in 2016", "a memorandum signed in 2021"): what the act was done to; None for any other
    verb, and for an undated participle, which only says what the thing is ("a partnership built
    on trust", "equipment provided by the US")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    words = verb.doc[verb.i : verb.right_edge.i + 1].text
    return verb.head if event_date(words, None)[0] is not None else None


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _passive_conjunct(verb: Token) -> bool:
    """Whether a verb is a passive conjunct with no subject of its own ("…and were released"),
    whose patient is the first verb's subject."""
    return verb.dep_ == "conj" and _is_passive(verb) and _own_subject(verb) is None


def _joined(conjunct: Token) -> bool:
    """Whether a conjunct is joined to its head as coordination is written: by a conjunction
    ("arrived and met") or a comma ("arrived, met Kim and left"); a parse may hang an embedded
    verb on the main verb as a conjunct with neither."""
    doc = conjunct.doc
    return any(c.dep_ == "cc" for c in conjunct.head.children) or (conjunct.left_edge.i > 0 and doc[conjunct.left_edge.i - 1].is_punct) \
        or any(c.dep_ == "cc" for c in conjunct.children if c.i < conjunct.i)


def _reduced_relative(verb: Token) -> bool:
    """"The civilians imprisoned for acting against Moscow were released": the parse took the
    participle describing the noun for the main verb, and the main verb for its conjunct; no
    "and" joins them, the conjunct is passive with no subject of its own and the participle has
    no auxiliary."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "ROOT" or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if any(c.dep_ in ("aux", "auxpass", "cc") for c in verb.children):
        return False
    return any(c.dep_ == "conj" and c.i > verb.i and _passive_conjunct(c) for c in verb.children)


def _partner_read_as_subject(word: Token) -> bool:
    """"ties with Vietnam focusing on trade": the parse reads the partner after a noun's "with" as
    the subject of the participle after it (unlike "…, with North Korea accused of…", on a verb)."""
    verb = word.head
    return word.dep_ == "nsubj" and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "with" \
        and verb.head.head.pos_ in ("NOUN", "PROPN")


def _within(head: Token, mentions: list[Mention]) -> bool:
    """Whether the mentions are all inside a word's phrase (its subtree), and there are some."""
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    return bool(mentions) and all(start <= m.start and m.end <= end for m in mentions)


def _absolute_participle(verb: Token) -> bool:
    """"…, with North Korea accused of sending troops": a past participle after "with" and its
    noun, no auxiliary, is passive; the parse reads the noun as its subject (and "with" as the
    participle's preposition or its marker)."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return (verb.dep_ == "pcomp" and verb.head.lower_ == "with") or (
        verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children))


def _preps(token: Token) -> Iterator[Token]:
    """The prepositions a word governs, and those the parse hung on the place named right after
    it ("her meetings in Hanoi with A and B": "with" under "Hanoi")."""
    for c in token.children:
        if c.dep_ != "prep":
            continue
        yield c
        if c.lower_ in ("in", "at"):
            for place in (p for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"):
                yield from (q for q in place.children if q.dep_ == "prep" and q.lower_ not in LOCATIVE_PREPS and q.lower_ != "of")


def _counted(obj: Token) -> Token | None:
    """What a sum names as its object is of ("$2 billion in arms deals", "$250 million worth of
    contracts"), or None when the object is no sum."""
    if obj.tag_ not in ("CD", "$") and obj.lower_ != "worth":
        return None
    return next((q for p in obj.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                 for q in p.children if q.dep_ == "pobj"), None)


def _is_share(verb: Token) -> bool:
    """Whether a verb's object is a share of a whole ("most goods", "half of its oil", "40% of its
    rice") or a sum of goods at large ("goods worth $30 billion", "$5 billion of products")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    goods = _counted(obj)
    if goods is not None:  # "$5 billion of products": the sum is the object
        return goods.lower_ in BULK_GOODS
    if obj.lower_ in BULK_GOODS and any(t.tag_ in ("CD", "$") for t in obj.subtree):
        return True
    return bool({obj.lower_, *(t.lower_ for t in obj.subtree if t.i < obj.i)} & SHARE_WORDS)


def _thanked_for(verb: Token) -> Token | None:
    """Who did what another is thanked, praised or blamed for ("thanked Japan for providing aid",
    "expressed gratitude to Japan for sending teams", "appreciation for US support in training
    officers", "accused China of ramming the boat"): the one thanked or blamed, not the one
    speaking."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("for", "in", "of"):
        return None
    gov = verb.head.head
    if gov.lemma_.lower() in BLAME_WORDS:
        word = gov
    elif verb.head.lower_ == "of":
        return None
    elif gov.lemma_.lower() in GRATITUDE_WORDS:  # "thanked Japan for…", "gratitude to Japan for…"
        word = gov
    else:  # "expressed appreciation (for the US support) in…"
        word = next((c for c in gov.children if c.dep_ == "dobj" and c.lemma_.lower() in GRATITUDE_WORDS), None)
        if word is None:
            return None
    thanked = next((c for c in word.children if c.dep_ == "dobj"), None)
    for prep in ("to", "for"):
        for t in dict.fromkeys((word, gov)):  # (the parse may hang "to Japan" on the verb)
            if thanked is None:
                thanked = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == prep and c.i != verb.head.i
                                for p in c.children if p.dep_ == "pobj"), None)
    return thanked


def _own_phrase(head: Token) -> Iterator[Token]:
    """The words of a noun phrase without its appositions, clauses and prepositional phrases
    but "of" ("ten days of war games"): what an object is ("joint naval drills"), not what its
    apposition says ("Medvedev, deputy head of the Security Council")."""
    yield head
    for c in head.children:
        if c.dep_ not in ("appos", "relcl", "acl", "punct", "cc") and (c.dep_ != "prep" or c.lower_ == "of"):
            yield from _own_phrase(c)


def _name_read_as_prep(verb: Token) -> Token | None:
    """A verb's subject that the parse took for a prepositional phrase: a name whose first word
    is a preposition ("To Lam visited Laos": prep "To", pobj "Lam"), a capitalised preposition
    right before a proper noun that runs up to the verb."""
    for c in verb.lefts:
        if c.dep_ != "prep" or not c.is_title:
            continue
        name = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN" and p.i == c.i + 1), None)
        if name is not None and not any(w.is_punct for w in verb.doc[name.i + 1 : verb.i]):
            return c
    return None


def _other_party(mention: Mention, source: list[Mention], target: list[Mention]) -> bool:
    """Whether a target mention names a party other than the doer: another state, or, where the
    act is aimed at no other state, another sector of the doer's own ("Congress asked Obama",
    "protesters clashed with the Thai government") but for the executive acting on itself (the
    government on its army); not the doer named again ("his visit"), nor the doer's side of a
    pair ("praised the talks between Hegseth and his Vietnamese counterpart")."""
    own = {m.actor.key for m in source}
    if mention.actor.key not in own:
        return True
    same = [m for m in source if m.actor.key == mention.actor.key]
    return all(m.actor.key in own for m in target) and mention.actor.sector is not None \
        and mention.via not in ("pronoun", "adjective") and all(
        m.actor.sector is not None and m.actor.sector != mention.actor.sector
        and not {m.actor.sector, mention.actor.sector} <= EXECUTIVE_SECTORS for m in same)


def _distinct_parties(source: list[Mention], target: list[Mention]) -> bool:
    """Whether a same-state target is another party ("Trump accused Biden", "the government
    arrested opposition leaders"), not the doer named again ("Vietnam … its own")."""
    own = {(m.entry, m.actor.sector) for m in source}
    return all((m.entry, m.actor.sector) not in own and m.via not in ("pronoun", "adjective") for m in target)


def _is_occasion(event: Event, published: str | None) -> bool:
    """An asserted, day-dated event within a week before publication dates the happening."""
    if not event.date or len(event.date) != 10 or not published or event.certainty not in ("asserted", "attributed"):
        return False
    from tightrope.events.when import parse_published
    from datetime import date as _date

    pub, _ = parse_published(published)
    try:
        day = _date.fromisoformat(event.date)
    except ValueError:
        return False
    return pub is not None and -1 <= (pub - day).days <= 31 and day.month in (pub.month, (pub.month - 2) % 12 + 1)


def _actors(mentions: list[Mention]) -> list[EventActor]:
    out, seen = [], set()
    for m in mentions:
        if m.actor.key in seen:
            continue
        seen.add(m.actor.key)
        out.append(EventActor(key=m.actor.key, sector=m.actor.sector, text=m.text))
    return out


def event_to_json(e: Event, text: str | None = None) -> dict:
    """An event in the output format of ``tightrope code`` (ANNOTATION.md)."""
    out = {
        "type": e.type,
        "mode": e.mode,
        "context": e.context,
        "source": [{"key": a.key, "sector": a.sector, "text": a.text} for a in e.source],
        "target": [{"key": a.key, "sector": a.sector, "text": a.text} for a in e.target],
        "reciprocal": e.reciprocal,
        "certainty": e.certainty,
        "attribution": e.attribution,
        "date": e.date,
        "historical": e.historical,
        "evidence": [e.evidence[0], e.evidence[1]],
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "quad": e.quad,
        "trigger": e.trigger,
    }
    if text is not None:
        out["evidence_text"] = text[e.evidence[0] : e.evidence[1]]
    return out
