"""Document features: rare words weigh most, actors and events as keys, dates as day spans."""

from __future__ import annotations

from datetime import date

from tightrope.actors.resolver import Resolver
from tightrope.stories.features import cosine, day_span, features, fold, term_vector, word_weight


def test_names_and_distinctive_words_outweigh_common_ones():
    assert word_weight("the") == 0 and word_weight("said") == 0
    assert word_weight("hegseth") > word_weight("artifacts") > word_weight("visit") > 0
    vec = term_vector("Hegseth returns war artifacts", "Pete Hegseth handed over artifacts in Hanoi on Sunday.")
    top = sorted(vec, key=vec.get, reverse=True)
    assert top[0] == "hegseth" and "the" not in vec and "on" not in vec


def test_vietnamese_diacritics_fold_to_the_plain_spelling():
    assert fold("Tô Lâm visited Hà Nội; Đà Nẵng") == "to lam visited ha noi; da nang"
    assert cosine(term_vector(None, "Tô Lâm in Hà Nội"), term_vector(None, "To Lam in Ha Noi")) > 0.99


def test_publication_dates_become_the_days_they_cover():
    nov2 = date(2025, 11, 2).toordinal()
    assert day_span("2025-11-02") == (nov2, nov2)
    assert day_span("2025-11") == (date(2025, 11, 1).toordinal(), date(2025, 11, 30).toordinal())
    assert day_span("2025-12")[1] == date(2025, 12, 31).toordinal()
    assert day_span("2025")[0] == date(2025, 1, 1).toordinal()
    assert day_span(None) == (None, None) and day_span("someday") == (None, None)


def test_actors_are_people_and_keys_and_events_type_and_sides():
    text = "U.S. Defense Secretary Pete Hegseth met Vietnamese Defense Minister Phan Van Giang in Hanoi."
    mentions = Resolver().resolve(text, on="2025-11-02")
    event = {"type": "CONSULT", "historical": False, "source": [{"key": "USA"}], "target": [{"key": "VNM"}]}
    old = dict(event, type="SUPPORT", historical=True)
    f = features("d", None, text, "2025-11-02", mentions, [event, old])
    assert {"P:Pete Hegseth", "P:Phan Van Giang", "K:USA", "K:VNM"} <= set(f.actors)
    assert f.actors["P:Pete Hegseth"] > f.actors["K:VNM"]  # a person says more than a state
    assert set(f.events) == {"CONSULT:USA>VNM"}  # background events are left out
    assert f.first_day == f.last_day == date(2025, 11, 2).toordinal()
