"""Finding actor mentions in text and resolving them to keys and sectors, on a date.

A longest-match gazetteer (spaCy ``PhraseMatcher`` over the shared pipeline's tokens, on
their normalised form, so "’s"/"'s" and "defence"/"defense" meet) finds every dictionary
phrase; adjacent phrases are then read together as one mention:

    [state, capital, organisation or institution] ['s] [title or sector noun …] [person]
    [title] of [the] [state]

so "Vietnamese Defense Minister Phan Van Giang", "Vietnam's defence ministry", "Chinese
coast guard vessels", "Moscow's ambassador", "a senior North Korean official" and "the
president of Vietnam" each become one mention. People resolve through their dated roles
(the article's date decides who "the president of Vietnam" was, and what a former official is
now); short forms ("Lam", "Hegseth") and bare titles ("the general secretary") resolve only
to a person named in full earlier in the same text. Mentions with no state of their own
("protesters", "ethnic Albanians", "Hutu rebels", "the Ministry of National Defense",
"Tripoli") take one from their sentence or document (:mod:`tightrope.actors.context`).
Nothing is guessed: a name the dictionary does not know is reported unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LENGTH, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from rapidfuzz import fuzz, process

from tightrope.actors.context import Named, Pending, choose, is_location, sentence_of
from tightrope.actors.dictionary import ActorDictionary, Entry, Role, Title, default_dictionary
from tightrope.model import Actor, Mention
from tightrope.nlp import get_nlp

_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.&-]*$")
_ARTICLE_HYPHEN = re.compile(r"\b([Aa]l|[Ee]l|[Aa]d|[Aa]sh?|[Aa]r|[Aa]t|[Aa]n|[Aa]z)-(?=[A-Z])")
# What may stand between two phrases of one mention.
_JOIN = re.compile(r"^[ \t]*(?:['’]s?[ \t]*)?$")
_OF = re.compile(r"^[ \t]+of[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
# "protesters in Hong Kong", "fishermen from Quang Ngai", "a militant group based in Gaza", "doctors
# from two Swiss charities", "dissidents from military-ruled Myanmar", "rebels in northern Mali":
# people placed in a state, or of its bodies.
_IN_FROM = re.compile(r"^[ \t]+(?:(?:based|stationed|living)[ \t]+)?(?:in|from|of)[ \t]+"
                      r"(?:the[ \t]+|a[ \t]+|an[ \t]+|(?:two|three|four|five|several|some|many|various)[ \t]+)?"
                      r"(?:(?:[a-z]+-[a-z]+|northern|southern|eastern|western|central|north|south|east|west|rural|coastal|"
                      r"occupied)[ \t]+){0,2}$", re.IGNORECASE)
_PEOPLE_SECTORS = {"CVL", "OPP", "REB", "EDU", "BUS", "NGO", "LAB", "REL"}
# Bodies that belong where they sit: "a court in Guyana", "police in Lagos" (not embassies,
# envoys or troops, which sit abroad).
_PLACED_BODIES = {"JUD", "COP"}
# Sector nouns that, with no state word, take the state their sentence places them in
# ("protesters blocked streets in Hong Kong", "a journalist killed in Beirut").
_CONTEXT_SECTORS = _PEOPLE_SECTORS | {"MED"}
# Of those, the ones that may also take the only state their sentence names, placed or not
# ("protesters ... the Russian government"); "reporters", "firms", "scholars" need a place.
_LOOSE_SECTORS = {"CVL", "OPP", "REB", "NGO"}
# Sectors of a state's own bodies and offices: "its" before one of them stands for a state.
_STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "PTY"}
# Words that make a state's people a group living somewhere ("ethnic Albanians", "the
# Albanian population of the province"): their key is where the sentence puts them.
_ETHNIC_BEFORE = {"ethnic"}
_ETHNIC_NOUNS = {"population", "minority"}
# "anti-Syria", "pro-Russian": the state word describes a stance, not who acts.
_STANCE_PREFIXES = {"anti", "pro"}
# Lower-case words that may stand inside one mention ("North Korea's ruling Workers' Party",
# "Ibo traditional elders", "Irish nationalist guerrillas").
_BRIDGE_WORDS = {"ruling", "traditional", "nationalist", "separatist", "rebel", "armed", "tribal", "religious",
                 "radical", "hardline", "militant", "exiled", "local", "main", "leading", "opposition", "civilian"}
_APPOSITION = re.compile(r"^[ \t]*,[ \t]*$")
# "Ankara's Cankaya district administration" (a part the dictionary does not know), "Quang Ngai
# province police": a body of a named part of the state.
_PART = r"(?:district|province|provincial|city|municipal|county|regional|region|state|town|village|prefecture|prefectural|oblast)"
_LOCAL_PART = re.compile(rf"^(?:['’]s[ \t]+(?:[A-Z][\w'’-]*[ \t]+){{1,3}}(?:{_PART}[ \t]+)?|[ \t]+{_PART}[ \t]+)$")
# Offices held in another state's capital: "Ambassador Ana Reyes" in a text naming only Peru is
# likely not Peru's.
_POSTS_ABROAD = {"ambassador", "envoy", "special envoy", "consul", "consul general", "diplomat",
                 "ambassador to the united nations", "un ambassador"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen.", "adm.", "sen.", "rep.", "madam", "comrade", "premier"}
# "Vietnam's top leader", "the Chinese leader": whoever leads the state on the date.
_LEADER_WORDS = {"leader", "top leader", "paramount leader", "supreme leader", "leadership"}
_LEADER_ROLES = ("party_leader", "supreme_leader", "head_of_state", "head_of_government")
# Titles that, of a party ("the secretary general of the Vietnam Party"), are its leader.
_PARTY_HEADS = {"secretary general", "secretary-general", "general secretary", "first secretary", "chairman", "leader", "head", "chief"}
# Nouns that, right after a person's name, make the mention the person's government.
_AFTER_PERSON = {"administration", "government", "cabinet", "team", "camp", "aides", "regime"}
_NAME_TOKEN = re.compile(r"^[A-Z][a-zà-ỹ'’-]+$|^[A-Z]\.$")
# Words before a title that keep its office ("former President") or make it a lesser one
# ("Deputy Defence Minister": a defence official, not the minister).
_TRANSPARENT = {"former", "acting", "interim", "then", "then-", "caretaker", "ousted", "late", "outgoing", "incoming"}
_DEMOTING = {"deputy", "vice", "assistant", "under", "junior", "deputy-", "vice-"}
# A short form may stand alone (no full name before it) when no other entry uses it and it is
# this long: "Putin", "Hegseth"; never "Lam" or "Man".
STANDALONE_SHORT = 5
FUZZY_SCORE = 90  # rapidfuzz ratio for a misspelt state or group name ("Afganistan", "Phillippines", "Uzbecks")
FUZZY_MIN_LENGTH = 6
FUZZY_CACHE_LIMIT = 100_000  # remembered words of the typo search (a long stream's rare names: start again)
_MODIFIER, _TITLE, _PERSON = 0, 1, 2
UNRESOLVED_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# "Col. Lee Sung-jun, spokesperson for the Joint Chiefs of Staff": a name the dictionary does not
# know, described as speaking or working for a body it does know, or as a part of it, is that body's.
_APPOSITION_LINKS = {"for", "of", "at", "to", "with"}
_APPOSITION_ROLE = re.compile(
    r"(?<![\w.])(?P<name>[A-Z][\w'’]+(?:[ -][A-Z]?[\w'’]+){1,3}),[ \t]+(?:the[ \t]+|a[ \t]+)?(?:[a-z-]+[ \t]+){0,2}"
    r"(?:(?:spokesperson|spokesman|spokeswoman|official|director|head|chief|commander|deputy|adviser|advisor|envoy|"
    r"representative|secretary|chairman|chairwoman|member)[ \t]+(?:for|of|at|to)|"
    # "the Council of Andean Jurists, a body linked to the OAS": an organisation's part or arm
    r"(?:body|organ|agency|arm|wing|branch|affiliate|unit|commission|committee)[ \t]+(?:of|linked[ \t]+to|attached[ \t]+to|"
    r"affiliated[ \t]+(?:to|with)))[ \t]+(?:the[ \t]+)?$")


@dataclass(slots=True)
class _Hit:
    start: int  # token offsets
    end: int
    kind: str  # name | adjective | metonym | short | title | noun | nonactor
    entry: Entry | None = None
    title: Title | None = None
    alternates: list[Entry] = field(default_factory=list)  # other entries with the same name here

    @property
    def rank(self) -> int:
        if self.kind in ("title", "noun"):
            return _TITLE
        if self.entry is not None and self.entry.kind == "person":
            return _PERSON
        return _MODIFIER


def parse_day(on: str | date | None) -> date:
    """An article date (``2025-11-02``, ``2025-11``, ``2025``) as one day: the middle of a
    month or year when only that is known; today when None."""
    if on is None:
        return date.today()
    if isinstance(on, date):
        return on
    parts = str(on)[:10].split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 7, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return date.today()


class Resolver:
    """Finds and resolves actor mentions. Build once (it compiles the gazetteer) and reuse."""

    def __init__(self, dictionary: ActorDictionary | None = None):
        self.dictionary = dictionary or default_dictionary()
        self.nlp = get_nlp()
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self._labels: dict[int, tuple[str, object, bool]] = {}
        self._acronyms: dict[int, set[str]] = {}
        self._standalone: dict[str, set[str]] = {}  # entry id → its short forms usable alone
        self._build()
        self._fuzzy_names = {n: self.dictionary.by_name[n.lower()] for e in self.dictionary.entries.values()
                             if e.kind in ("state", "group") for n in e.names + e.adjectives if len(n) >= FUZZY_MIN_LENGTH}
        self._fuzzy_by_length: dict[int, list[str]] = {}
        self._fuzzy_seen: dict[str, str | None] = {}  # word → the state name it is one typo from, or None

    # -- the gazetteer -------------------------------------------------------------------

    def _add(self, label: str, phrases: list[str], kind: str, target, case_sensitive: bool) -> None:
        if not phrases:
            return
        # "U.S. Navy" and "US Navy", "U.N." and "UN": news writes both
        phrases = {v for p in phrases for v in (p, p.replace("U.S.", "US"), p.replace("US ", "U.S. ")) if v}
        phrases |= {_ARTICLE_HYPHEN.sub(r"\1 ", p) for p in phrases}  # "Omar el-Bashir", "Omar El Bashir"
        phrases = sorted(phrases | {p.replace("'", "’") for p in phrases})  # typographic apostrophes
        self.matcher.add(label, [self.nlp.make_doc(p) for p in phrases])
        match_id = self.nlp.vocab.strings[label]
        self._labels[match_id] = (kind, target, case_sensitive)
        if case_sensitive:
            self._acronyms[match_id] = {p.replace(".", "") for p in phrases}

    def _build(self) -> None:
        for entry in self.dictionary.entries.values():
            for kind, phrases in (("name", entry.names), ("adjective", entry.adjectives),
                                  ("metonym", entry.metonyms), ("short", entry.short)):
                acronyms = [p for p in phrases if _ACRONYM.match(p)]
                words = [p for p in phrases if not _ACRONYM.match(p)]
                self._add(f"{kind}|{entry.id}", words, kind, entry, False)
                self._add(f"{kind}|{entry.id}|cs", acronyms, kind, entry, True)
        uses: dict[str, set[str]] = {}
        for entry in self.dictionary.entries.values():
            for form in entry.names + entry.short + entry.adjectives + entry.metonyms:
                uses.setdefault(form.lower(), set()).add(entry.id)
        for entry in self.dictionary.entries.values():
            alone = {f.lower() for f in entry.short if len(f) >= STANDALONE_SHORT and len(uses[f.lower()]) == 1
                     and f.lower() not in self.dictionary.titles}
            if alone:
                self._standalone[entry.id] = alone
        for words, title in self.dictionary.titles.items():
            kind = "title" if title.role else "noun"
            original = title.words
            self._add(f"{kind}|{words}|{'cs' if _ACRONYM.match(original) else 'ci'}", [original], kind, title,
                      bool(_ACRONYM.match(original)))
        self._add("nonactor", sorted(self.dictionary.non_actor), "nonactor", None, False)

    def _hits(self, doc: Doc, text: str) -> list[_Hit]:
        """Every dictionary phrase in ``doc`` written as that phrase; ``text`` is ``doc.text``
        (the words of a match are read from it and from the token arrays: no Span or Token objects)."""
        found: list[_Hit] = []
        matches = self.matcher(doc)
        if not matches:
            return found
        strings = doc.vocab.strings
        idx, lengths, lowers = doc.to_array([IDX, LENGTH, LOWER]).T.tolist()
        for match_id, start, end in matches:
            kind, target, case_sensitive = self._labels[match_id]
            span_text = text[idx[start] : idx[end - 1] + lengths[end - 1]]
            if case_sensitive:
                if span_text.replace(".", "") not in self._acronyms[match_id]:
                    continue
            elif kind in ("name", "adjective", "metonym", "short"):
                if strings[lowers[start]] == "the" and end - start > 1:
                    if not self._article_name(doc, start, end):
                        continue  # "the states of the region", "the States Parties"
                    start += 1  # "the States": the article is not part of the mention
                elif not span_text[:1].isupper() and span_text[:1].isalpha() and not self._informal_name(span_text, kind, target):
                    continue  # "china", "turkey", "chad": proper names only when written as names
            # (a stance prefix, "anti-" or "pro" "-", ends in a hyphen)
            if kind in ("name", "adjective", "metonym", "short") and start > 0 and strings[lowers[start - 1]].endswith("-") \
                    and self._stance(doc, start):
                continue
            if kind in ("title", "noun"):
                before = strings[lowers[start - 1]] if start > 0 else ""
                if kind == "title" and before in _DEMOTING:
                    found.append(_Hit(start - 1, end, "noun", title=Title(target.words, target.sector, None)))
                    continue
                if before in _TRANSPARENT:
                    start -= 1
                found.append(_Hit(start, end, kind, title=target))
            else:
                found.append(_Hit(start, end, kind, entry=target))
        return found

    @staticmethod
    def _article_name(doc: Doc, start: int, end: int) -> bool:
        """Whether a name listed with its article ("the States") is written as that name: a
        capital after the article, and no capitalised word going on ("the States Parties")."""
        return doc[start + 1].text[:1].isupper() and not (end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper())

    def _informal_name(self, text: str, kind: str, entry: Entry) -> bool:
        """Whether a state's name or demonym written in lower case is still the state: informal
        text writes "iSrael" and "tunisian rioters", but "china" and "polish" are also words."""
        return kind in ("name", "adjective") and entry.kind == "state" and (
            text.lower() != text or text.lower() not in self.dictionary.common_words)

    @staticmethod
    def _stance(doc: Doc, start: int) -> bool:
        """Whether the state word at ``start`` follows "anti-" or "pro-"."""
        if start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
            return doc[start - 2].lower_ in _STANCE_PREFIXES
        return start > 0 and doc[start - 1].lower_.rstrip("-") in _STANCE_PREFIXES and doc[start - 1].text.endswith("-")

    @staticmethod
    def _longest(hits: list[_Hit]) -> list[_Hit]:
        """Non-overlapping hits, longest first; among equals, names before short forms. Other
        entries with the same name on the same span ("Tripoli": Libya's capital and a Lebanese
        city) are kept on the chosen hit, for the context to choose among."""
        order = {"nonactor": 0, "name": 1, "metonym": 2, "adjective": 3, "title": 4, "noun": 5, "short": 6}
        chosen, taken = [], set()
        by_span: dict[tuple[int, int], _Hit] = {}
        def rank(h: _Hit):  # a state's own name before a place's of the same spelling
            return (-(h.end - h.start), h.entry is not None and h.entry.kind == "place", order[h.kind], h.start)

        for hit in sorted(hits, key=rank):
            if taken.isdisjoint(range(hit.start, hit.end)):
                chosen.append(hit)
                taken.update(range(hit.start, hit.end))
                by_span[(hit.start, hit.end)] = hit
            else:
                same = by_span.get((hit.start, hit.end))
                if (same is not None and hit.entry is not None and same.entry is not None and hit.kind != "short"
                        and same.entry.kind != "person" and hit.entry.kind != "person"
                        and hit.entry.key != same.entry.key and hit.entry not in same.alternates):
                    same.alternates.append(hit.entry)
        return sorted(chosen, key=lambda h: h.start)

    # -- resolution ----------------------------------------------------------------------

    def resolve(self, text: str | Doc, on: str | date | None = None, doc_id: str = "") -> list[Mention]:
        """Every actor mention in ``text`` (a string, or a Doc of the shared pipeline) in text
        order, resolved for the date ``on`` (the article's publication date). Mentions the
        dictionary cannot resolve have ``actor=None`` and ``via`` saying why."""
        doc = self.nlp.make_doc(text) if isinstance(text, str) else text
        text = doc.text  # built token by token: once, for the gaps between hits and the appositions
        day = parse_day(on)
        all_hits = self._hits(doc, text)
        hits = self._longest([h for h in all_hits if h.kind != "short"])
        hits = sorted(hits + self._misspelt(doc, hits), key=lambda h: h.start)
        shorts = [h for h in all_hits if h.kind == "short"] + self._implicit_shorts(doc, hits)
        mentions, spans, pending, people = self._resolve_all(doc, text, hits, shorts, day, doc_id, set())
        # "the secretary general of the Vietnam Party ... Lam": a person found through the
        # office they hold is named as surely as by their full name, so their short form counts
        unnamed = people - {h.entry.id for h in hits if h.entry is not None and h.entry.kind == "person"}
        if unnamed and any(s.entry.id in unnamed for s in shorts):
            mentions, spans, pending, _ = self._resolve_all(doc, text, hits, shorts, day, doc_id, unnamed)
        mentions = self._apply_context(doc, mentions, spans, pending)
        mentions = sorted(mentions + self._appositions(text, mentions, doc_id), key=lambda m: m.start)
        if doc.has_annotation("ENT_IOB"):
            mentions.extend(self._unresolved(doc, mentions, doc_id))
            mentions.sort(key=lambda m: m.start)
        return mentions

    def _resolve_all(self, doc: Doc, text: str, hits: list[_Hit], shorts: list[_Hit], day: date, doc_id: str,
                     also_named: set[str]) -> tuple[list[Mention], list, list[Pending], set[str]]:
        """Mentions of the chains, their token spans (the whole chain, and its state word), those
        pending a key from context, and the people they resolved to."""
        mentions: list[Mention] = []
        spans: list[tuple[int, int]] = []
        pending: list[Pending] = []
        anchors: list[tuple[int, int]] = []  # the state word of each mention ("Iraq" in "prisoners in Iraq")
        named: list[tuple[int, Entry]] = []  # (char offset, person) named in full so far
        for chain in self._chains(doc, text, self._with_shorts(hits, shorts, doc, also_named, day)):
            if chain[0].kind == "nonactor":
                continue
            mention, wait = self._resolve_chain(doc, chain, day, named, doc_id)
            if mention is not None:
                if wait is not None:
                    wait.index = len(mentions)
                    pending.append(wait)
                mentions.append(mention)
                spans.append((chain[0].start, chain[-1].end))
                # where the mention names a state or place: only that can be a location
                anchor = next((h for h in reversed(chain) if h.rank == _MODIFIER and h.entry is not None
                               and h.entry.kind in ("state", "place")), None)
                if anchor is not None and any(h.kind in ("title", "noun") and h.start >= anchor.end for h in chain):
                    anchor = None  # "killed in Israeli tank shelling": the state word of an actor, not a place
                anchors.append((anchor.start, anchor.end) if anchor else None)
        people = {m.entry for m in mentions if m.entry and m.entry in self.dictionary.entries
                  and self.dictionary.entries[m.entry].kind == "person"}
        return mentions, list(zip(spans, anchors)), pending, people

    def _apply_context(self, doc: Doc, mentions: list[Mention], spans: list[tuple[tuple[int, int], tuple[int, int]]],
                       pending: list[Pending]) -> list[Mention]:
        """Give pending mentions the key their sentence (or document) names (see
        :mod:`tightrope.actors.context`); a bare sector noun the context gives no state
        ("students", "state media") is no mention, as before."""
        if not pending:
            return mentions
        drop = set()
        waiting = {p.index for p in pending}
        known = [Named(whole[0], whole[1], m.actor.key, place is not None and is_location(doc, *place), m.actor.sector)
                 for i, (m, (whole, place)) in enumerate(zip(mentions, spans)) if m.actor is not None and i not in waiting]
        for p in pending:
            start, end = spans[p.index][0]
            sent = sentence_of(doc, start)
            sentence = [n for n in known if sent[0] <= n.start < sent[1]]
            key = choose(p, sentence, known, start)
            mention = mentions[p.index]
            if key is None:
                if p.mode == "group" and mention.entry is None:
                    drop.add(p.index)
                mention.actor = None
                mention.via = f"{mention.via}:unresolved-context"
                continue
            sector = p.sector or (mention.actor.sector if mention.actor else None)
            name = mention.actor.name if mention.actor and mention.actor.key == key else key
            entry = self.dictionary.state(key)
            mention.actor = Actor(key, sector, entry.name if entry else name)
            mention.via = f"{mention.via}+context"
        return [m for i, m in enumerate(mentions) if i not in drop]

    @staticmethod
    def _appositions(text: str, mentions: list[Mention], doc_id: str) -> list[Mention]:
        """Unknown people described by an apposition as working for a resolved body."""
        out = []
        for m in mentions:
            if m.actor is None or m.start < 4:
                continue
            before = text[max(0, m.start - 12) : m.start].split()[-2:]
            if not before or (before[-1] if before[-1] != "the" else before[0]) not in _APPOSITION_LINKS:
                continue  # the search is costly; an apposition ends "... for|of|at|to|with [the]"
            found = _APPOSITION_ROLE.search(text, max(0, m.start - 160), m.start)
            if not found:
                continue
            s, e = found.span("name")
            if any(o.start < e and s < o.end for o in mentions + out):
                continue
            out.append(Mention(doc_id=doc_id, start=s, end=e, text=text[s:e], actor=Actor(m.actor.key, m.actor.sector, None),
                               entry=None, via=f"apposition:{m.text}", role=None))
        return out

    def _implicit_shorts(self, doc: Doc, hits: list[_Hit]) -> list[_Hit]:
        """First and last words of the full names of people named in this text ("Kim" after
        "Kim Jong Un", "Lee" after "Lee Jae-myung"), where no other person named here shares them."""
        people = {h.entry.id: h.entry for h in hits if h.entry is not None and h.entry.kind == "person"}
        words: dict[str, set[str]] = {}
        for entry in people.values():
            for name in entry.names:
                parts = name.replace("-", " ").split()
                if len(parts) > 1:
                    for w in {parts[0], parts[-1]}:
                        if len(w) > 1 and w[0].isupper():
                            words.setdefault(w.lower(), set()).add(entry.id)
        if not words:
            return []
        found = []
        strings = doc.vocab.strings
        for i, lower in enumerate(doc.to_array(LOWER).tolist()):  # no Token objects for the other words
            owners = words.get(strings[lower])
            if owners and len(owners) == 1 and doc[i].text[0].isupper():
                found.append(_Hit(i, i + 1, "short", entry=people[next(iter(owners))]))
        return found

    def _misspelt(self, doc: Doc, hits: list[_Hit]) -> list[_Hit]:
        """Capitalised words no phrase covers that are one typo from a state's or a people's name
        ("Afganistan", "Ghanians", "Phillippines", "Uyghurr refugees")."""
        taken = {i for h in hits for i in range(h.start, h.end)}
        found = []
        # the tests on the token arrays first: few words are long, alphabetic and no stop word
        lengths, alphas, stops = doc.to_array([LENGTH, IS_ALPHA, IS_STOP]).T.tolist()
        for token in (doc[i] for i, n in enumerate(lengths) if n >= FUZZY_MIN_LENGTH and alphas[i] and not stops[i]):
            if token.i in taken or not token.text[:1].isupper() or self._stance(doc, token.i):
                continue
            name = self._fuzzy_state_name(token.text)
            if name is not None:
                entry = self.dictionary.entries[self._fuzzy_names[name]]
                kind = "adjective" if name in entry.adjectives else "name"
                found.append(_Hit(token.i, token.i + 1, kind, entry=entry))
        return found

    def _fuzzy_state_name(self, word: str) -> str | None:
        """The state name ``word`` is one typo from, if any. Remembered per word: the same
        capitalised words come back in every text ("Minister", "Tuesday", the names of people)."""
        if word not in self._fuzzy_seen:
            if len(self._fuzzy_seen) > FUZZY_CACHE_LIMIT:
                self._fuzzy_seen.clear()
            best = process.extractOne(word, self._fuzzy_choices(len(word)), scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
            self._fuzzy_seen[word] = best[0] if best else None
        return self._fuzzy_seen[word]

    def _fuzzy_choices(self, length: int) -> list[str]:
        """The state names a word of ``length`` characters may reach FUZZY_SCORE against, in
        their listed order: fuzz.ratio is at most 100 * (1 - |a - b| / (a + b)) for lengths a
        and b, so the others cannot match (one character of margin), and skipping them halves
        the search."""
        if length not in self._fuzzy_by_length:
            self._fuzzy_by_length[length] = [n for n in self._fuzzy_names if abs(len(n) - length) * 100
                                              <= (100 - FUZZY_SCORE) * (len(n) + length) + 100]
        return self._fuzzy_by_length[length]

    def _with_shorts(self, hits: list[_Hit], shorts: list[_Hit], doc: Doc, also_named: set[str] = frozenset(),
                     day: date | None = None) -> list[_Hit]:
        """Add short forms in the gaps, where the same person was named in full before (or
        found through their office: ``also_named``)."""
        taken = {i for h in hits for i in range(h.start, h.end)}
        title_tokens = {i for h in hits if h.kind in ("title", "noun") for i in range(h.start, h.end)}
        full_at: dict[str, int] = {}
        for h in hits:
            if h.entry is not None and h.entry.kind == "person":
                full_at.setdefault(h.entry.id, h.start)
        for entry_id in also_named:
            full_at.setdefault(entry_id, 0)
        after_person = {h.start for h in hits if h.kind == "noun" and h.title.words.lower() in _AFTER_PERSON}
        extra = []
        for s in self._leaders_of_administrations(shorts, after_person, doc, day):
            after_full = s.entry.id in full_at  # headlines use short forms before the lead names the person
            standalone = s.entry.id in self._standalone and doc[s.start:s.end].text.lower() in self._standalone[s.entry.id]
            inside_longer_name = (s.end < len(doc) and _NAME_TOKEN.match(doc[s.end].text) and s.end not in title_tokens) or (
                s.start > 0 and _NAME_TOKEN.match(doc[s.start - 1].text) and not doc[s.start - 1].is_sent_start
                and s.start - 1 not in title_tokens and doc[s.start - 1].lower_ not in _HONORIFICS)
            if inside_longer_name:
                continue  # "Hoang" in "Hoang Xuan Chien", "Lam" in "Lam Dong"
            title_before = next((h.title for h in hits if h.kind == "title" and h.end == s.start), None)
            titled = title_before is not None and any(r.role == title_before.role for r in s.entry.roles)
            administration = s.end + (doc[s.end].text in ("'s", "’s") if s.end < len(doc) else 0) in after_person
            if taken.isdisjoint(range(s.start, s.end)) and (after_full or standalone or titled or administration):
                extra.append(s)
                taken.update(range(s.start, s.end))
        return sorted(hits + extra, key=lambda h: h.start)

    @staticmethod
    def _leaders_of_administrations(shorts: list[_Hit], after_person: set[int], doc: Doc, day: date | None) -> list[_Hit]:
        """Short forms, where one shared by several people of one state stands before
        "administration" or "government" ("the Bush administration"): of them, the one leading
        on the date, else the last to have led before it, is kept."""
        by_span: dict[tuple[int, int], list[_Hit]] = {}
        for s in shorts:
            by_span.setdefault((s.start, s.end), []).append(s)
        out = []
        for (start, end), group in by_span.items():
            nxt = end + (doc[end].text in ("'s", "’s") if end < len(doc) else 0)
            if len(group) > 1 and nxt in after_person and len({s.entry.key for s in group}) == 1:
                leaders = [s for s in group if any(r.role in _LEADER_ROLES for r in s.entry.roles)] or group
                def served(s: _Hit):
                    terms = [r for r in s.entry.roles if r.role in _LEADER_ROLES]
                    held = day is not None and any(r.held_on(day) for r in terms)
                    ended = max(((r.end or date.max) for r in terms if day is None or r.start <= day), default=date.min)
                    return (held, ended)
                out.append(max(leaders, key=served))
            else:
                out.extend(group)
        return out

    def _chains(self, doc: Doc, text: str, hits: list[_Hit]) -> list[list[_Hit]]:
        """The hits grouped into chains of adjacent ones that name one actor; ``text`` is ``doc.text``."""
        chains: list[list[_Hit]] = []
        for hit in hits:
            if chains and self._joins(doc, text, chains[-1], hit):
                chains[-1].append(hit)
            else:
                chains.append([hit])
        return chains

    @staticmethod
    def _joins(doc: Doc, text: str, chain: list[_Hit], hit: _Hit) -> bool:
        last = chain[-1]
        # the text between the chain and the hit, sliced from the Doc's text (no Token objects for its words)
        gap = doc[last.end - 1].whitespace_ + (text[doc[last.end].idx : doc[hit.start].idx] if hit.start > last.end else "")
        if last.rank == _PERSON and hit.kind == "noun" and hit.title.words.lower() in _AFTER_PERSON:
            return bool(re.match(r"^[ \t]*(?:['’]s?[ \t]*)?$", gap))  # "Trump administration", "Putin's government"
        if last.kind == "nonactor" or hit.kind == "nonactor" or last.rank == _PERSON:
            return False
        words = gap.split()
        if words and words[-1] in _BRIDGE_WORDS and hit.kind == "noun" and last.rank == _MODIFIER:
            gap = gap[: gap.rindex(words[-1])]  # "North Korea's ruling Workers' Party", "Ibo traditional elders"
        if last.rank == _MODIFIER and hit.kind == "noun" and _LOCAL_PART.match(gap):
            return True
        if _JOIN.match(gap):
            if "'" in gap or "’" in gap:
                return last.rank == _MODIFIER and hit.rank in (_TITLE, _PERSON)
            return hit.rank > last.rank or (hit.rank == last.rank == _TITLE)
        if _OF.match(gap):  # "the president of Vietnam"
            if last.rank == _TITLE and hit.rank == _MODIFIER and all(h.rank == _TITLE for h in chain):
                return True
        if _IN_FROM.match(gap):
            if hit.rank == _PERSON and len(chain) == 1 and gap.split()[0].lower() == "of":  # "supporters of Putin"
                return last.kind == "noun" and last.title.sector in _PEOPLE_SECTORS
            return (last.kind == "noun" and last.title.sector in _PEOPLE_SECTORS | _PLACED_BODIES and hit.rank == _MODIFIER
                    and all(h.rank == _TITLE for h in chain))
        if _APPOSITION.match(gap):  # "Vietnam's defence minister, Phan Van Giang"
            return last.kind == "title" and hit.rank == _PERSON
        return False

    def _resolve_chain(self, doc: Doc, chain: list[_Hit], day: date, named: list,
                       doc_id: str) -> tuple[Mention | None, Pending | None]:
        """The chain's mention, and what it waits for from its context (None: nothing): a
        sector noun or group with no state of its own, a generic institution's name, a state's
        people living elsewhere, a name several entries share."""
        found = self._resolve_plain(doc, chain, day, named, doc_id)
        if any(h.rank == _PERSON for h in chain):
            return found, None
        modifier = next((h for h in chain if h.rank == _MODIFIER), None)
        nouns = [h for h in chain if h.kind == "noun"]
        titles = [h for h in chain if h.kind == "title"]
        if modifier is None and found is None and (titles or nouns) and self._after_its(doc, chain[0].start):
            sector = (titles or nouns)[-1].title.sector
            if sector in _STATE_SECTORS:  # "Its Communist Party chief", "its defence ministry"
                return self._bare_mention(doc, chain, doc_id, "its+" + "+".join(h.kind for h in chain)), Pending(
                    0, "antecedent", (), None, sector)
        if modifier is None:
            if (found is not None and found.actor is None and found.via.endswith("unlisted-name:unresolved")
                    and (titles or nouns)[-1].title.words.lower() not in _POSTS_ABROAD):
                # an official the dictionary does not know, named with a title but no state
                return found, Pending(0, "official", (), None, (titles or nouns)[-1].title.sector)
            if titles or not nouns or found is not None:
                return found, None
            last = nouns[-1].title
            if self._unknown_modifier(doc, chain[0].start):
                return None, None  # "the Korean people", "Kurdistan's fighters": a state we cannot tell
            mention = self._bare_mention(doc, chain, doc_id, "+".join(h.kind for h in chain))
            if last.refers:  # "the Southeast Asian country": a state named before; "a Southeast Asian country": none
                the = chain[0].start > 0 and doc[chain[0].start - 1].lower_ == "the"
                return (mention, Pending(0, "institution", last.states)) if the and len(chain) == 1 else (None, None)
            if last.context and self._proper(doc[nouns[-1].start : nouns[-1].end]):
                return mention, Pending(0, "institution", last.states, last.default, last.sector)
            if last.sector in _CONTEXT_SECTORS:
                # "the opposition newspaper": of the opposition, so of the one state named
                loose = any(n.title.sector in _LOOSE_SECTORS for n in nouns)
                return mention, Pending(0, "group", (), None, last.sector, loose=loose)
            return None, None
        entry = modifier.entry
        if entry.kind == "group":
            if modifier.kind == "adjective" and not nouns and not titles:
                return None, None  # "Karen" alone is a given name; "Karen guerrillas" a group
            sector = nouns[-1].title.sector if nouns else (titles[-1].title.sector if titles else entry.sector or "CVL")
            mention = found if found is not None and found.actor is not None else self._bare_mention(
                doc, chain, doc_id, "+".join(h.kind for h in chain))
            return mention, Pending(0, "group", tuple(entry.homes), entry.key, sector, loose=True)
        if found is None or found.actor is None:
            return found, None
        ethnic = (chain[0].start > 0 and doc[chain[0].start - 1].lower_ in _ETHNIC_BEFORE) or any(
            h.title.words.lower() in _ETHNIC_NOUNS for h in nouns)
        if ethnic and entry.kind == "state" and not titles:
            return found, Pending(0, "ethnic", (), found.actor.key, found.actor.sector)
        if modifier.alternates:
            keys = tuple(dict.fromkeys(e.key for e in [entry, *modifier.alternates] if e.key))
            return found, Pending(0, "ambiguous", keys, found.actor.key, None)
        return found, None

    @staticmethod
    def _after_its(doc: Doc, start: int) -> bool:
        """Whether the possessive "its" stands right before ``start``: a body or office of the
        state (or organisation) named before ("Vietnam … Its Communist Party chief")."""
        return start > 0 and doc[start - 1].lower_ == "its"

    @staticmethod
    def _unknown_modifier(doc: Doc, start: int) -> bool:
        """Whether a capitalised word the dictionary did not read stands right before ``start``
        (a stance is not one: "an anti-Syria journalist")."""
        if start == 0:
            return False
        before = doc[start - 1]
        if before.text in ("'s", "’s") and start > 1:
            before = doc[start - 2]
        return (before.text[:1].isupper() and before.is_alpha and not before.is_sent_start and before.lower_ != "the"
                and not Resolver._stance(doc, before.i))

    @staticmethod
    def _proper(span) -> bool:
        """Whether words are written as a proper name ("the Ministry of National Defense")."""
        words = [t.text for t in span if t.is_alpha and len(t.text) > 3]
        return bool(words) and all(w[0].isupper() for w in words)

    @staticmethod
    def _bare_mention(doc: Doc, chain: list[_Hit], doc_id: str, via: str) -> Mention:
        span = doc[chain[0].start : chain[-1].end]
        return Mention(doc_id=doc_id, start=span.start_char, end=span.end_char, text=span.text, actor=None,
                       entry=None, via=via, role=None)

    def _resolve_plain(self, doc: Doc, chain: list[_Hit], day: date, named: list, doc_id: str) -> Mention | None:
        start_char = doc[chain[0].start].idx
        end_tok = chain[-1].end
        person = next((h.entry for h in chain if h.rank == _PERSON), None)
        modifier = next((h for h in chain if h.rank == _MODIFIER), None)
        titles = [h.title for h in chain if h.kind == "title"]
        nouns = [h.title for h in chain if h.kind == "noun"]
        via = "+".join(h.kind for h in chain)

        if person is None and chain[-1].rank == _TITLE:
            end_tok = self._absorb_unlisted_name(doc, end_tok)
            if end_tok > chain[-1].end:
                person = self._misspelt_person(doc[chain[-1].end : end_tok].text, titles)
                if person is None and end_tok == chain[-1].end + 1:
                    person = self._surname_holder(doc[chain[-1].end].text, titles or nouns, day)
                via += ("+misspelt-name" if len(doc[chain[-1].end : end_tok]) > 1 else "+surname") if person else "+unlisted-name"
            elif chain[-1].end < len(doc) and _NAME_TOKEN.match(doc[chain[-1].end].text):
                person = self._surname_holder(doc[chain[-1].end].text, titles or nouns, day)
                if person is None and modifier is not None and nouns and nouns[-1].words.lower() in _LEADER_WORDS:
                    person = self._leader_named(doc[chain[-1].end].text, modifier.entry.key, day)  # "DPRK's top leader Kim"
                if person is not None:
                    end_tok = chain[-1].end + 1
                    via += "+surname"
        end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
        text = doc[chain[0].start : end_tok].text

        def mention(actor: Actor | None, entry: Entry | None, role: str | None, how: str = via) -> Mention:
            return Mention(doc_id=doc_id, start=start_char, end=end_char, text=text, actor=actor,
                           entry=entry.id if entry else None, via=how, role=role)

        if person is not None:
            named.append((start_char, person))
            found = self._person_mention(person, titles, day, mention)
            if chain[0].kind == "noun" and found.actor and doc[chain[0].end].lower_ == "of":
                # "supporters of Putin": of the person's state, not the person
                found.actor = Actor(found.actor.key, chain[0].title.sector, None)
                found.entry = found.role = None
            elif chain[-1].kind == "noun" and found.actor and chain[-1].title.words.lower() in _AFTER_PERSON:  # "the Trump administration"
                found.actor = Actor(found.actor.key, chain[-1].title.sector, found.actor.name)
            return found
        if modifier is not None:
            entry = modifier.entry
            if entry.kind == "place":  # a city or region stands for its state
                state = self.dictionary.state(entry.key)
                entry = state or entry
            if entry.key is None:  # non-state media: a source, not an actor
                return mention(None, entry, None, "non-state-media")
            title = titles[-1] if titles else None
            if title is not None:
                holders = self.dictionary.holders(entry.key, title.role, day)
                if holders:
                    holder, role = holders[0]
                    return mention(Actor(entry.key, title.sector, holder.name), holder, title.role)
                return mention(Actor(entry.key, title.sector, entry.name), entry, title.role)
            if entry.kind == "institution":
                return mention(Actor(entry.key, entry.sector, entry.name), entry, None)
            heads = [n for n in nouns if n.words.lower() in _PARTY_HEADS]
            if heads and any(n.sector == "PTY" for n in nouns[nouns.index(heads[0]) + 1:]):
                # "the secretary general of the Vietnam Party": its leader on the date
                holders = self.dictionary.holders(entry.key, "party_leader", day)
                if holders:
                    holder, role = holders[0]
                    return mention(Actor(entry.key, role.sector, holder.name), holder, "party_leader", via + "+leader")
            if nouns and nouns[-1].words.lower() == "counterpart":  # "Hegseth meets Vietnamese counterpart"
                for _, earlier in reversed(named):
                    held = [r for r in earlier.roles_on(day) if r.role and (r.country or earlier.key) != entry.key]
                    holders = self.dictionary.holders(entry.key, held[0].role, day) if held else []
                    if holders:
                        holder, role = holders[0]
                        return mention(Actor(entry.key, role.sector, holder.name), holder, role.role, via + "+counterpart")
                    if held:
                        break
            if nouns and nouns[-1].words.lower() in _LEADER_WORDS:
                for role_code in _LEADER_ROLES:
                    holders = self.dictionary.holders(entry.key, role_code, day)
                    if holders:
                        holder, role = holders[0]
                        return mention(Actor(entry.key, role.sector, holder.name), holder, role_code, via + "+leader")
            if nouns:
                # "opponents of Rwanda's senate", "doctors from Swiss charities": the people first named
                head = chain[0].title if chain[0].kind == "noun" and chain[0].title.sector in _PEOPLE_SECTORS else nouns[-1]
                return mention(Actor(entry.key, head.sector, entry.name), entry, None)
            sector = "GOV" if modifier.kind == "metonym" else entry.sector
            return mention(Actor(entry.key, sector, entry.name), entry, None)
        # a title or sector noun alone
        before = doc[chain[0].start - 1] if chain[0].start > 0 else None
        if not titles and len(nouns) == 1 and before is not None and before.lower_ == "the" and "unlisted-name" not in via:
            # "the secretary said", after "Defense Secretary Pete Hegseth": the last person named
            # whose office's title begins with the word
            words = nouns[0].words.lower()
            for _, earlier in reversed(named):
                held = [r for r in earlier.roles_on(day) if r.role and r.title.lower().startswith(words)]
                if held:
                    return mention(Actor(held[0].country or earlier.key, held[0].sector, earlier.name), earlier,
                                   held[0].role, via + "+earlier-mention")
        if titles:
            role_code = titles[-1].role
            for _, earlier in reversed(named if "unlisted-name" not in via else []):
                held = [r for r in earlier.roles if r.role == role_code and r.held_on(day)]
                if held:
                    return mention(Actor(held[0].country or earlier.key, held[0].sector, earlier.name), earlier,
                                   role_code, via + "+earlier-mention")
            if "unlisted-name" in via or (before is not None and before.lower_ == "the"):
                return mention(None, None, role_code, via + ":unresolved")
        if "unlisted-name" in via and nouns[-1].sector in _STATE_SECTORS:  # "Governor Ana Reyes", "General Ruiz"
            return mention(None, None, None, via + ":unresolved")
        return None  # "officials", "the government": no actor without a state

    def _person_mention(self, person: Entry, titles: list[Title], day: date, mention, after: Title | None = None) -> Mention:
        wanted = {t.role for t in titles if t.role}
        current = person.roles_on(day)
        role: Role | None = next((r for r in current if r.role in wanted), None) or (current[0] if current else None)
        status = None
        if role is None:
            role = person.last_role_before(day)
            status = f"former {role.role or role.title}" if role else None
        if role is None:
            if not person.roles:
                return mention(Actor(person.key, None, person.name), person, None)
            future = min(person.roles, key=lambda r: r.start)
            return mention(Actor(person.key, None, person.name), person, f"before {future.role or future.title}")
        key = role.country or person.key
        return mention(Actor(key, role.sector, person.name), person, status or role.role or role.title)

    def _misspelt_person(self, name: str, titles: list[Title]) -> Entry | None:
        """A name after a title that is one typo from someone who held that title
        ("President Abdelaziz Bouteflicka", "President Francois Mitterand")."""
        roles = {t.role for t in titles if t.role}
        if not hasattr(self, "_people_by_role"):
            self._people_by_role: dict[str, dict[str, Entry]] = {}
            for e in self.dictionary.entries.values():
                if e.kind == "person":
                    for r in e.roles:
                        if r.role:
                            for n in e.names + [s for s in e.short if " " in s]:  # "dos Santos"
                                self._people_by_role.setdefault(r.role, {})[n] = e
        if not roles or len(name) < 8:
            return None
        for role in roles:
            names = self._people_by_role.get(role, {})
            best = process.extractOne(name, names.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE - 2,
                                      processor=str.lower)
            if best:
                return names[best[0]]
        return None

    def _leader_named(self, name: str, key: str | None, day: date) -> Entry | None:
        """Whoever leads ``key`` on ``day`` (party leader first), where ``name`` is one of
        the words of their name."""
        for role_code in _LEADER_ROLES:
            for holder, _ in self.dictionary.holders(key, role_code, day) if key else []:
                if any(name.lower() in n.lower().replace("-", " ").split() for n in holder.names):
                    return holder
        return None

    def _surname_holder(self, surname: str, titles: list[Title], day: date) -> Entry | None:
        """"President Bush", "President Assad": a surname after a title names whoever of that
        surname held the office — resolved when all such people served the same state (the
        one holding it on the date, else the latest before it)."""
        roles = {t.role for t in titles if t.role}
        words = {t.words.lower() for t in titles if not t.role}
        if not roles and not words:
            return None
        self._misspelt_person("", titles)  # builds the role index
        found: dict[str, Entry] = {}
        for role in roles:
            for n, e in self._people_by_role.get(role, {}).items():
                if n.split()[-1].lower() == surname.lower() or n.split()[0].lower() == surname.lower():
                    found[e.id] = e
        if not roles:  # "Administrator Power": a post with no role code, named in the role's title
            for e in self._people_by_surname().get(surname.lower(), []):
                if any(w in r.title.lower().split() or w in r.title.lower() for r in e.roles for w in words if len(w) > 4):
                    found[e.id] = e
        if not found or len({e.key for e in found.values()}) != 1:
            return None
        def score(e: Entry):
            held = [r for r in e.roles if r.role in roles or (not roles and any(w in r.title.lower() for w in words))]
            on = any(r.held_on(day) for r in held)
            return (on, max(r.start for r in held) if held else date.min)
        return max(found.values(), key=score)

    def _people_by_surname(self) -> dict[str, list[Entry]]:
        if not hasattr(self, "_surnames"):
            index: dict[str, list[Entry]] = {}
            for e in self.dictionary.entries.values():
                if e.kind == "person":
                    for w in {n.split()[-1].lower() for n in e.names if n.split()} | {s.lower() for s in e.short}:
                        index.setdefault(w, []).append(e)
            self._surnames = index
        return self._surnames

    @staticmethod
    def _absorb_unlisted_name(doc: Doc, end: int, most: int = 4) -> int:
        """After a title, capitalised words are the name of its holder ("Deputy Minister
        Hoang Xuan Chien"), even when the dictionary does not know the person."""
        i = end
        while i < len(doc) and i - end < most and _NAME_TOKEN.match(doc[i].text) and not doc[i].is_sent_start:
            i += 1
        return i if i - end >= 2 or (i - end == 1 and i < len(doc) and not doc[i].is_alpha) else end

    def _unresolved(self, doc: Doc, mentions: list[Mention], doc_id: str) -> list[Mention]:
        """Named entities (people, organisations, places, groups) no mention covers."""
        covered = [(m.start, m.end) for m in mentions]
        out = []
        for ent in doc.ents:
            if ent.label_ not in UNRESOLVED_LABELS:
                continue
            s, e = ent.start_char, ent.end_char
            if any(s < me and ms < e for ms, me in covered):
                continue
            if ent.text.lower() in self.dictionary.non_actor:
                continue
            out.append(Mention(doc_id=doc_id, start=s, end=e, text=ent.text, actor=None, entry=None,
                               via=f"unresolved:{ent.label_}", role=None))
        return out
