"""Document–story similarity: the time factor, story profiles and their date spans."""

from __future__ import annotations

from datetime import date

from tightrope.stories import scoring
from tightrope.stories.features import Features, term_vector


def _doc(doc_id, text, published, actors):
    from tightrope.stories.features import _normalised, day_span

    first, last = day_span(published)
    return Features(doc_id, term_vector(None, text), _normalised({a: 1.0 for a in actors}), {}, first, last)


def test_time_factor_is_flat_for_a_few_days_then_decays_below_joining():
    assert scoring.time_factor(0) == scoring.time_factor(scoring.SAME_DAYS) == 1.0
    assert scoring.time_factor(30) < 1.0
    # even a perfect match cannot join a story farther away than the candidate window
    assert scoring.time_factor(scoring.WINDOW_DAYS) < scoring.JOIN_THRESHOLD <= scoring.time_factor(scoring.WINDOW_DAYS - 1)
    assert scoring.time_factor(None) == scoring.UNDATED_FACTOR


def test_same_words_and_actors_months_apart_are_another_story():
    text = "Hegseth and Giang discussed war legacy cooperation, dioxin cleanup and missing soldiers."
    may = _doc("a", text, "2025-05-31", ["P:Pete Hegseth", "P:Phan Van Giang"])
    story = scoring.Profile.of(may)
    same_week = _doc("b", text, "2025-06-02", ["P:Pete Hegseth", "P:Phan Van Giang"])
    november = _doc("c", text, "2025-11-02", ["P:Pete Hegseth", "P:Phan Van Giang"])
    assert scoring.similarity(same_week, story).total >= scoring.JOIN_THRESHOLD
    assert scoring.similarity(november, story).total < scoring.JOIN_THRESHOLD
    assert scoring.similarity(november, story).gap_days == 155  # 31 May to 2 November


def test_a_month_only_date_does_not_stretch_a_story_once_it_has_days():
    p = scoring.Profile.of(_doc("a", "x y", "2025-11", ["K:VNM"]))
    assert p.loose and p.last_day - p.first_day == 29
    p.add(_doc("b", "x y", "2025-11-02", ["K:VNM"]))
    assert not p.loose and p.first_day == p.last_day == date(2025, 11, 2).toordinal()
    p.add(_doc("c", "x y", "2025-11", ["K:VNM"]))  # still only the precise days
    assert p.first_day == p.last_day
    q = scoring.Profile.of(_doc("d", "x y", "2025-11-04", ["K:VNM"]))
    p.absorb(q)
    assert (p.first_day, p.last_day, p.size) == (date(2025, 11, 2).toordinal(), date(2025, 11, 4).toordinal(), 4)


def test_profiles_round_trip_and_index_their_heaviest_keys():
    p = scoring.Profile.of(_doc("a", "Hegseth handed over wartime artifacts in Hanoi", "2025-11-02", ["P:Pete Hegseth", "K:USA"]))
    back = scoring.Profile.from_json(p.to_json(), p.first_day, p.last_day, p.loose)
    assert back.vectors()[0].keys() == p.vectors()[0].keys() and back.size == 1
    keys = p.index_keys()
    assert "t:hegseth" in keys and "a:P:Pete Hegseth" in keys
