"""Hedging on a constructed event set whose shares, index, tilt and moves are worked out by hand."""

from __future__ import annotations

import math

import pytest
from analytics_events import add_events, any_store, event  # noqa: F401  (any_store: a fixture)

from tightrope.analytics import hedging
from tightrope.analytics.hedging import balance_index, balancing_moves
from tightrope.errors import InputError

BLOCS = {"west": ["USA"], "east": ["CHN", "RUS"]}


def _vnm(store) -> None:
    add_events(store, [
        # Q1. A head of state (L=3) in talks, Goldstein 1 (G=1.1): w = 3.3
        event("VNM", "USA", "CONSULT", "2025-01-10", source_text="Vietnamese President"),
        # a minister (L=2): w = 2.2 — answers the USA talks 22 days later: a balancing move
        event("CHN", "VNM", "CONSULT", "2025-02-01", source_text="Chinese Foreign Minister"),
        # no office named (L=1), Goldstein 6 (G=1.6): w = 1.6; not high level, so no move
        event("VNM", "RUS", "COOPERATE", "2025-02-15", goldstein=6.0),
        event("VNM", "CHN", "ACCUSE", "2025-03-01", goldstein=-2.0),  # conflict: no engagement weight
        # planned: apart, w = 3 × 1.3 = 3.9, never in the shares
        event("VNM", "USA", "AGREE", "2025-03-05", certainty="planned", goldstein=3.0, source_text="Vietnamese President"),
    ])
    add_events(store, [
        event("VNM", "CHN", "AID", "2025-04-02", certainty="speculative", goldstein=7.4),  # apart: w = 1.74
        # Q2: all engagement with Russia; 149 days after the last Chinese one: no move
        event("RUS", "VNM", "CONSULT", "2025-06-30", source_text="Russian President"),
    ])


def test_shares_balance_index_and_tilt(any_store):
    _vnm(any_store)
    r = hedging(any_store, "VNM", ["USA", "CHN", "RUS"], by="quarter", blocs=BLOCS).to_dict()
    q1, q2 = r["periods"]
    assert (q1["period"], q2["period"]) == ("2025-Q1", "2025-Q2")
    weights = {p: q1["powers"][p]["weight"] for p in ("USA", "CHN", "RUS")}
    assert weights == pytest.approx({"USA": 3.3, "CHN": 2.2, "RUS": 1.6})
    assert q1["powers"]["USA"]["share"] == pytest.approx(3.3 / 7.1, abs=1e-4)
    h = -sum(w / 7.1 * math.log(w / 7.1) for w in (3.3, 2.2, 1.6)) / math.log(3)
    assert q1["balance_index"] == pytest.approx(h, abs=1e-4)
    assert q1["tilt"] == pytest.approx((3.3 - 3.8) / 7.1, abs=1e-4)
    assert q1["bloc_shares"] == pytest.approx({"west": 3.3 / 7.1, "east": 3.8 / 7.1}, abs=1e-4)
    assert q1["powers"]["CHN"]["conflict"] == 1 and q1["powers"]["CHN"]["cooperation"] == 1
    assert q1["powers"]["USA"]["apart"]["planned"] == 1
    assert q1["powers"]["USA"]["apart_weight"]["planned"] == pytest.approx(3.9)
    assert q2["balance_index"] == 0.0 and q2["tilt"] == -1.0 and q2["powers"]["RUS"]["share"] == 1.0
    assert q2["powers"]["CHN"]["apart"]["speculative"] == 1 and q2["powers"]["CHN"]["weight"] == 0
    assert q2["powers"]["CHN"]["apart_weight"]["speculative"] == pytest.approx(1.74)
    assert r["total"]["powers"]["RUS"]["weight"] == pytest.approx(4.9)


def test_balancing_moves_are_high_level_and_within_the_window(any_store):
    _vnm(any_store)
    r = hedging(any_store, "VNM", ["USA", "CHN", "RUS"], blocs=BLOCS).to_dict()
    assert r["moves_found"] == 1
    move = r["moves"][0]
    assert (move["first"]["power"], move["first"]["date"], move["first"]["level"]) == ("USA", "2025-01-10", 2)
    assert (move["then"]["power"], move["then"]["date"], move["then"]["type"]) == ("CHN", "2025-02-01", "CONSULT")
    assert move["days"] == 22 and move["then"]["doc_id"] == move["first"]["doc_id"]
    assert hedging(any_store, "VNM", ["USA", "CHN", "RUS"], window_weeks=3).to_dict()["moves_found"] == 0
    same_bloc = {"maritime": ["USA", "CHN"], "continental": ["RUS"]}  # USA and CHN are not rivals here
    assert hedging(any_store, "VNM", ["USA", "CHN", "RUS"], blocs=same_bloc).to_dict()["moves_found"] == 0


def test_a_move_answers_the_latest_rival_and_only_once():
    episodes = [(1, "USA", 2, 1), (5, "CHN", 2, 2), (6, "CHN", 1, 3), (10, "USA", 2, 4), (10, "CHN", 2, 5),
                (100, "CHN", 2, 6)]
    rivals = {"USA": {"CHN"}, "CHN": {"USA"}}
    moves = [(f[0], f[1], t[0], t[1]) for f, t in balancing_moves(episodes, rivals, 30)]
    # day 6 repeats China (no new move); day 10's US move answers China's day 6; China on day 10
    # does not answer the US on the same day; day 100 is outside the window.
    assert moves == [(1, "USA", 5, "CHN"), (6, "CHN", 10, "USA")]


def test_balance_index_bounds():
    assert balance_index({"USA": 1.0, "CHN": 1.0, "RUS": 1.0}) == pytest.approx(1.0)
    assert balance_index({"USA": 5.0, "CHN": 0.0}) == 0.0
    assert balance_index({"USA": 0.0, "CHN": 0.0}) is None


def test_bad_input_names_the_input(store):
    _vnm(store)
    with pytest.raises(InputError, match="power 'Atlantis'"):
        hedging(store, "VNM", ["USA", "Atlantis"])
    with pytest.raises(InputError, match="other than VNM"):
        hedging(store, "VNM", ["VNM"])
    with pytest.raises(InputError, match="--window 0"):
        hedging(store, "VNM", ["USA"], window_weeks=0)


def test_bounds_inside_months_and_weekly_periods(any_store):
    _vnm(any_store)
    r = hedging(any_store, "VNM", ["USA", "CHN", "RUS"], by="month", since="2025-02-01", until="2025-06-30").to_dict()
    weights = {p: e["weight"] for p, e in r["total"]["powers"].items()}
    assert weights == pytest.approx({"USA": 0.0, "CHN": 2.2, "RUS": 4.9})  # the January talks are outside
    assert r["total"]["powers"]["USA"]["apart"]["planned"] == 1 and r["moves_found"] == 0
    weekly = hedging(any_store, "VNM", ["USA", "CHN", "RUS"], by="week").to_dict()
    assert [p["period"] for p in weekly["periods"]][:2] == ["2025-W02", "2025-W05"]
    assert weekly["total"]["powers"] == hedging(any_store, "VNM", ["USA", "CHN", "RUS"]).to_dict()["total"]["powers"]


def test_the_most_recent_moves_are_read_without_reading_them_all(store):
    from datetime import date, timedelta

    day = date(2020, 1, 1)
    add_events(store, [event("VNM", ("USA", "CHN")[i % 2], "CONSULT", (day + timedelta(days=i)).isoformat(),
                             source_text="Vietnamese Prime Minister") for i in range(1200)])
    everything = hedging(store, "VNM", ["USA", "CHN"], max_moves=5000).to_dict()
    assert everything["moves_complete"] and everything["moves_found"] == 1199
    recent = hedging(store, "VNM", ["USA", "CHN"], max_moves=5).to_dict()
    assert not recent["moves_complete"] and recent["moves_found"] >= 5
    assert recent["moves"] == everything["moves"][-5:]
