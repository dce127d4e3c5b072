"""How alike a document and a story are: text, actors, events, and how far apart in time.

A story is summed up by a :class:`Profile` — the sums of its documents' feature vectors and the
days they cover — so comparing a new document with a story costs the same however many
documents the story holds. The score is a weighted sum of three cosines (terms, actors,
events) times a time factor that is 1 within a few days and decays beyond, so that the same
actors months apart (a minister's visit in May and another in November) fall below the
threshold even when everything else matches. Pure functions; no store.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from tightrope.stories.features import Features, cosine

# The weights and thresholds were set on the development articles and the sample corpus
# (see benchmarks/README and tests/stories); they are documented in the README.
TERM_WEIGHT = 0.55
ACTOR_WEIGHT = 0.40
EVENT_WEIGHT = 0.05
SAME_DAYS = 3  # documents this close in time are "at the same time"
TIME_SCALE = 60.0  # beyond SAME_DAYS the score is multiplied by exp(-(gap - SAME_DAYS) / TIME_SCALE)
UNDATED_FACTOR = 0.8  # a document or story with no date
JOIN_THRESHOLD = 0.44  # a document joins the best story scoring at least this, else starts one
MERGE_THRESHOLD = 0.55  # two stories a new document links are merged when they score this
MERGE_CANDIDATE = 0.25  # ...and the document scored at least this with the other story
MERGE_BRIDGED = 0.50  # ...or this, when the document could have joined either story
# The farthest apart in days a document and a story can be and still reach JOIN_THRESHOLD.
WINDOW_DAYS = SAME_DAYS + math.ceil(TIME_SCALE * math.log(1 / JOIN_THRESHOLD))
PROFILE_TERMS = 300  # term sums kept per story (the lightest are dropped)
INDEX_TERMS = 16  # keys under which a story is found: its heaviest terms …
INDEX_ACTORS = 6  # … and actors
QUERY_TERMS = 12
QUERY_ACTORS = 6


@dataclass(slots=True)
class Profile:
    """The sums of a story's member vectors and the days it covers.

    ``loose`` is True while every dated member was dated only to a month or a year; once a
    member has a day, the span covers only members with days, so that one "2025-11" article
    does not stretch a story over the whole month."""

    terms: dict[str, float] = field(default_factory=dict)
    actors: dict[str, float] = field(default_factory=dict)
    events: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first_day: int | None = None
    last_day: int | None = None
    loose: bool = True

    @classmethod
    def of(cls, f: Features) -> "Profile":
        p = cls()
        p.add(f)
        return p

    def add(self, f: Features) -> None:
        _add(self.terms, f.terms)
        _add(self.actors, f.actors)
        _add(self.events, f.events)
        self.size += 1
        self._cover(f.first_day, f.last_day)
        self._trim()

    def absorb(self, other: "Profile") -> None:
        _add(self.terms, other.terms)
        _add(self.actors, other.actors)
        _add(self.events, other.events)
        self.size += other.size
        if other.first_day is not None:
            if self.first_day is None or (self.loose and not other.loose):
                self.first_day, self.last_day, self.loose = other.first_day, other.last_day, other.loose
            elif other.loose == self.loose:
                self.first_day, self.last_day = min(self.first_day, other.first_day), max(self.last_day, other.last_day)
        self._trim()

    def _cover(self, first: int | None, last: int | None) -> None:
        if first is None or last is None:
            return
        precise = last - first <= SAME_DAYS
        if self.first_day is None or (self.loose and precise):
            self.first_day, self.last_day, self.loose = first, last, not precise
        elif precise or self.loose:
            self.first_day, self.last_day = min(self.first_day, first), max(self.last_day, last)

    def _trim(self) -> None:
        if len(self.terms) > PROFILE_TERMS:
            self.terms = dict(sorted(self.terms.items(), key=lambda kv: -kv[1])[:PROFILE_TERMS])

    def vectors(self) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
        return _unit(self.terms), _unit(self.actors), _unit(self.events)

    def index_keys(self) -> dict[str, float]:
        """The keys a story is found under, with their weights in its normalised vectors."""
        terms, actors, _ = self.vectors()
        return _top_keys(terms, actors, INDEX_TERMS, INDEX_ACTORS)

    def to_json(self) -> dict:
        r = lambda vec: {k: round(v, 4) for k, v in vec.items()}  # noqa: E731
        return {"t": r(self.terms), "a": r(self.actors), "e": r(self.events), "n": self.size}

    @classmethod
    def from_json(cls, data: dict, first_day: int | None, last_day: int | None, loose: bool) -> "Profile":
        return cls(dict(data.get("t", {})), dict(data.get("a", {})), dict(data.get("e", {})), int(data.get("n", 0)),
                   first_day, last_day, loose)


def query_keys(f: Features) -> dict[str, float]:
    """The keys a document looks stories up by, with its weights for them."""
    return _top_keys(f.terms, f.actors, QUERY_TERMS, QUERY_ACTORS)


def _top_keys(terms: dict[str, float], actors: dict[str, float], n_terms: int, n_actors: int) -> dict[str, float]:
    keys = {"t:" + k: TERM_WEIGHT * v for k, v in sorted(terms.items(), key=lambda kv: -kv[1])[:n_terms]}
    keys.update({"a:" + k: ACTOR_WEIGHT * v for k, v in sorted(actors.items(), key=lambda kv: -kv[1])[:n_actors]})
    return {k: round(v, 4) for k, v in keys.items()}


@dataclass(slots=True)
class Score:
    """A similarity and its parts, kept so that a listing can say why a document is in."""

    total: float
    terms: float
    actors: float
    events: float
    gap_days: int | None

    def explain(self) -> str:
        gap = "undated" if self.gap_days is None else f"{self.gap_days} days apart"
        return (f"similarity {self.total:.2f} (text {self.terms:.2f}, actors {self.actors:.2f}, "
                f"events {self.events:.2f}, {gap})")


def gap_days(a_first: int | None, a_last: int | None, b_first: int | None, b_last: int | None) -> int | None:
    """Days between two spans (0 when they overlap; None when either is undated)."""
    if a_first is None or b_first is None or a_last is None or b_last is None:
        return None
    if a_last < b_first:
        return b_first - a_last
    if b_last < a_first:
        return a_first - b_last
    return 0


def time_factor(gap: int | None) -> float:
    if gap is None:
        return UNDATED_FACTOR
    if gap <= SAME_DAYS:
        return 1.0
    return math.exp(-(gap - SAME_DAYS) / TIME_SCALE)


def similarity(f: Features, story: Profile) -> Score:
    """How well document ``f`` fits ``story``."""
    terms, actors, events = story.vectors()
    return _score(f.terms, f.actors, f.events, terms, actors, events,
                  gap_days(f.first_day, f.last_day, story.first_day, story.last_day))


def story_similarity(a: Profile, b: Profile) -> Score:
    """How alike two stories are (for merging two that a new document turns out to join)."""
    return _score(*a.vectors(), *b.vectors(), gap_days(a.first_day, a.last_day, b.first_day, b.last_day))


def _score(t1, a1, e1, t2, a2, e2, gap: int | None) -> Score:
    t, a, e = cosine(t1, t2), cosine(a1, a2), cosine(e1, e2)
    total = (TERM_WEIGHT * t + ACTOR_WEIGHT * a + EVENT_WEIGHT * e) * time_factor(gap)
    return Score(round(total, 4), round(t, 4), round(a, 4), round(e, 4), gap)


def _add(acc: dict[str, float], vec: dict[str, float]) -> None:
    for k, v in vec.items():
        acc[k] = acc.get(k, 0.0) + v


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}
