"""Dyad time series on a constructed event set whose right answers are worked out by hand."""

from __future__ import annotations

import pytest
from analytics_events import add_events, any_store, event  # noqa: F401  (any_store: a fixture)
from sqlalchemy import text

from tightrope.analytics import dyad_series, relation_network
from tightrope.errors import InputError
from tightrope.store import Store


def _vnm_chn(store) -> None:
    add_events(store, [
        # January: one act each way; the Vietnamese foreign minister is minister level.
        event("VNM", "CHN", "CONSULT", "2025-01-05", goldstein=1.0, source_text="Vietnamese Foreign Minister"),
        event("CHN", "VNM", "ACCUSE", "2025-01-20", certainty="attributed", goldstein=-2.0),
    ])
    add_events(store, [
        # February: joint drills (mutual, a head of government), a speculative and a planned act.
        event("VNM", "CHN", "COOPERATE", "2025-02-03", goldstein=6.0, reciprocal=True,
              source_text="Vietnamese Prime Minister"),
        event("CHN", "VNM", "AGREE", "2025-02-10", certainty="speculative", goldstein=3.0),
        event("VNM", "CHN", "SUPPORT", "2025-02", certainty="planned", goldstein=3.0),
        # Dated by year only, and undated: in the totals, in no month.
        event("CHN", "VNM", "SANCTION", "2025", goldstein=-4.0),
        event("VNM", "CHN", "REQUEST", None, goldstein=-1.0),
        # Not this dyad.
        event("VNM", "USA", "CONSULT", "2025-01-06", goldstein=1.0),
        event("VNM", "CHN", "CONSULT", "2025-03-01", certainty="negated"),
    ])


def test_monthly_series_counts_each_direction_and_keeps_uncertain_events_apart(any_store):
    _vnm_chn(any_store)
    s = dyad_series(any_store, "VNM", "CHN", by="month").to_dict()
    assert [p["period"] for p in s["periods"]] == ["2025-01", "2025-02", "2025-03"]
    jan, feb, mar = s["periods"]
    assert (jan["a_to_b"]["events"], jan["b_to_a"]["events"], jan["mutual"]["events"]) == (1, 1, 0)
    assert jan["a_to_b"]["by_type"] == {"CONSULT": 1} and jan["b_to_a"]["by_quad"] == {"1": 0, "2": 0, "3": 1, "4": 0}
    assert jan["all"]["goldstein_sum"] == pytest.approx(-1.0) and jan["all"]["goldstein_mean"] == pytest.approx(-0.5)
    assert jan["all"]["high_level"] == 1 and jan["all"]["high_level_share"] == pytest.approx(0.5)
    assert feb["mutual"]["events"] == 1 and feb["mutual"]["leader_level"] == 1 and feb["all"]["cooperation"] == 1
    assert feb["b_to_a"]["events"] == 0 and feb["b_to_a"]["apart"]["speculative"] == 1
    assert feb["a_to_b"]["events"] == 0 and feb["a_to_b"]["apart"]["planned"] == 1
    assert mar["all"]["events"] == 0 and mar["all"]["apart"]["negated"] == 1
    total = s["total"]["all"]
    # stated: CONSULT, ACCUSE, COOPERATE, SANCTION (year only), REQUEST (undated)
    assert total["events"] == 5 and total["goldstein_sum"] == pytest.approx(0.0)
    assert total["high_level"] == 2 and total["high_level_share"] == pytest.approx(0.4)
    assert total["apart"] == {"speculative": 1, "planned": 1, "negated": 1, "hypothetical": 0}
    assert (s["imprecise"], s["undated"]) == (1, 1)


def test_the_dyad_reads_the_same_either_way_round_and_by_year_or_quarter(any_store):
    _vnm_chn(any_store)
    forward = dyad_series(any_store, "VNM", "CHN", by="year").to_dict()
    backward = dyad_series(any_store, "china", "Vietnam", by="year").to_dict()
    assert backward["a"] == "CHN" and backward["b"] == "VNM"
    assert forward["periods"][0]["a_to_b"] == backward["periods"][0]["b_to_a"]
    assert forward["periods"][0]["period"] == "2025" and forward["periods"][0]["all"]["events"] == 4  # year-only in
    assert forward["imprecise"] == 0 and forward["undated"] == 1
    quarters = dyad_series(any_store, "VNM", "CHN", by="quarter").to_dict()
    assert [(p["period"], p["all"]["events"]) for p in quarters["periods"]] == [("2025-Q1", 3)]
    weeks = dyad_series(any_store, "VNM", "CHN", by="week").to_dict()
    assert [p["period"] for p in weeks["periods"]][:2] == ["2025-W01", "2025-W04"]


def test_day_precise_bounds_cut_inside_a_month(any_store):
    _vnm_chn(any_store)
    s = dyad_series(any_store, "VNM", "CHN", since="2025-01-10").to_dict()
    jan = s["periods"][0]
    assert jan["period"] == "2025-01" and jan["a_to_b"]["events"] == 0 and jan["b_to_a"]["events"] == 1
    assert s["undated"] == 0 and s["total"]["all"]["events"] == 2  # ACCUSE, COOPERATE
    s = dyad_series(any_store, "VNM", "CHN", since="2025-01-06", until="2025-02-05").to_dict()
    # a month-only date counts when the bound falls in its month (as in `tightrope events --until`)
    assert s["total"]["all"]["events"] == 2 and s["total"]["all"]["apart"]["planned"] == 1
    assert dyad_series(any_store, "VNM", "CHN", since="2025-02", until="2025-02").to_dict()["total"]["all"]["events"] == 1


def test_recoding_a_document_replaces_its_sums(tmp_path):
    store = Store(str(tmp_path / "t.db"))
    doc = add_events(store, [event("VNM", "CHN", "CONSULT", "2025-01-05")])
    assert dyad_series(store, "VNM", "CHN").to_dict()["total"]["all"]["events"] == 1
    from tightrope.store.events import save_events

    save_events(store, {doc: [event("CHN", "VNM", "ACCUSE", "2025-03-07", goldstein=-2.0)] * 2}, "test")
    series = dyad_series(store, "VNM", "CHN").to_dict()
    assert [p["period"] for p in series["periods"]] == ["2025-03"]  # January's talks are gone
    total = series["total"]
    assert (total["a_to_b"]["events"], total["b_to_a"]["events"]) == (0, 2)
    assert total["all"]["by_type"] == {"ACCUSE": 2} and total["all"]["goldstein_sum"] == pytest.approx(-4.0)


def test_migration_5_backfills_stored_events(db_url):
    store = Store(db_url)
    _vnm_chn(store)
    before = dyad_series(store, "VNM", "CHN").to_dict()
    network = relation_network(store, min_events=1)
    with store.engine.begin() as conn:  # a store from before migration 5 (its columns stay: it adds only what is missing)
        conn.execute(text("DROP TABLE dyad_years"))
        conn.execute(text("DROP TABLE dyad_months"))
        conn.execute(text("DROP TABLE event_dyads"))
        conn.execute(text("UPDATE event_actors SET level = 0, role = NULL"))
        conn.execute(text("DELETE FROM schema_version WHERE version = 5"))
    store.close()
    reopened = Store(db_url)
    assert dyad_series(reopened, "VNM", "CHN").to_dict() == before
    assert relation_network(reopened, min_events=1) == network  # the yearly sums are rebuilt too
    with reopened.engine.connect() as conn:
        roles = dict(conn.execute(text("SELECT role, level FROM event_actors WHERE role IS NOT NULL")).all())
    assert roles == {"foreign_minister": 1, "head_of_government": 2}
    reopened.close()


def test_bad_input_names_the_input(store):
    _vnm_chn(store)
    with pytest.raises(InputError, match="'XYZ'.*unknown actor key"):
        dyad_series(store, "VNM", "XYZ")
    with pytest.raises(InputError, match="--by 'fortnight'"):
        dyad_series(store, "VNM", "CHN", by="fortnight")
    with pytest.raises(InputError, match="--since '2025-13'"):
        dyad_series(store, "VNM", "CHN", since="2025-13")
    with pytest.raises(InputError, match="two different actors"):
        dyad_series(store, "VNM", "vnm")


def test_relation_network_balances_cooperation_against_conflict(any_store):
    _vnm_chn(any_store)
    add_events(any_store, [event("USA", "VNM", "AID", "2025-01-07", goldstein=7.0)] * 2)
    net = relation_network(any_store, min_events=1)
    edges = {(e["a"], e["b"]): e for e in net["edges"]}
    # VNM-CHN stated: CONSULT, COOPERATE (coop); ACCUSE, SANCTION, REQUEST (conflict)
    assert edges[("CHN", "VNM")] == {"a": "CHN", "b": "VNM", "events": 5, "cooperation": 2, "conflict": 3,
                                     "balance": pytest.approx(-0.2)}
    assert edges[("USA", "VNM")]["events"] == 3 and edges[("USA", "VNM")]["balance"] == 1.0
    assert {n["key"]: n["events"] for n in net["nodes"]} == {"VNM": 8, "CHN": 5, "USA": 3}
    assert [(e["a"], e["b"]) for e in relation_network(any_store, min_events=4)["edges"]] == [("CHN", "VNM")]
    jan = relation_network(any_store, since="2025-01-06", until="2025-01-31", min_events=1)
    assert {(e["a"], e["b"]): e["events"] for e in jan["edges"]} == {("CHN", "VNM"): 1, ("USA", "VNM"): 3}


def test_a_near_duplicate_copy_is_not_counted_again(store):
    from tightrope.model import Document
    from tightrope.store.events import save_events

    words = ("Vietnamese and Chinese officials met in Hanoi on Sunday to discuss maritime cooperation, trade "
             "corridors, railway links, fisheries, and the management of disagreements at sea, according to "
             "statements from both foreign ministries released after the meeting ended late in the evening. ")
    original = Document(id="wire", text=words * 3, published="2025-01-05")
    copy = Document(id="copy", text=words * 3 + "Reporting by our correspondent.", published="2025-01-06")
    results = store.add_documents([original, copy])
    assert results[1].status == "near-duplicate"
    talks = event("VNM", "CHN", "CONSULT", "2025-01-05")
    save_events(store, {"wire": [talks], "copy": [talks]}, "test")
    assert dyad_series(store, "VNM", "CHN").to_dict()["total"]["all"]["events"] == 1
