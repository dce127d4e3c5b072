"""End to end: the bundled sample corpus, ingested and coded by ``tightrope demo``, read back
through the analytics library and the ``relations``/``hedging``/``network`` commands."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import run_cli
from tightrope.analytics import dyad_series, hedging, relation_network
from tightrope.store import Store

POWERS = ["USA", "CHN", "RUS", "PRK", "JPN", "KOR"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("analytics") / "demo.db"
    run_cli("demo", "--db", str(db))
    return db


def test_vietnam_engages_several_powers_and_balances_between_them(demo_db):
    with Store(str(demo_db)) as store:
        report = hedging(store, "VNM", POWERS, by="year", blocs={"US": ["USA"], "others": ["CHN", "RUS", "PRK"]}).to_dict()
        total = report["total"]
        engaged = [p for p, e in total["powers"].items() if e["cooperation"] > 0]
        assert {"USA", "CHN", "RUS", "PRK"} <= set(engaged)
        assert 0.5 < total["balance_index"] < 1.0
        assert sum(e["share"] for e in total["powers"].values()) == pytest.approx(1.0, abs=1e-3)
        assert any(e["apart"]["planned"] or e["apart"]["speculative"] for e in total["powers"].values())
        # To Lam in Pyongyang (October 2025), then Hegseth in Hanoi (November 2025)
        pairs = {(m["first"]["power"], m["then"]["power"], m["first"]["doc_id"], m["then"]["doc_id"])
                 for m in report["moves"]}
        assert any(f == "PRK" and t == "USA" and "pyongyang" in fd and "hegseth" in td for f, t, fd, td in pairs)
        series = dyad_series(store, "VNM", "CHN", by="year").to_dict()
        assert series["total"]["all"]["events"] >= 10 and series["total"]["all"]["high_level"] >= 3
        assert len(series["periods"]) >= 2
        net = relation_network(store)
        assert ("USA", "VNM") in {(e["a"], e["b"]) for e in net["edges"]}


def test_the_commands_print_tables_json_and_csv(demo_db):
    table = run_cli("relations", "VNM", "CHN", "--by", "year", db=demo_db).stdout
    assert "VNM→CHN" in table and "CHN→VNM" in table and "high level" in table and "events (" in table
    data = json.loads(run_cli("relations", "Vietnam", "China", "--format", "json", db=demo_db).stdout)
    assert data["a"] == "VNM" and data["b"] == "CHN" and data["periods"]
    rows = list(csv.DictReader(io.StringIO(run_cli("relations", "VNM", "USA", "--by", "quarter", "--format", "csv",
                                                   db=demo_db).stdout)))
    assert rows and {r["direction"] for r in rows} == {"VNM→USA", "USA→VNM", "VNM↔USA", "all"}
    out = run_cli("hedging", "VNM", "--powers", "USA,CHN,RUS,PRK", "--bloc", "west=USA", "--bloc", "east=CHN,RUS,PRK",
                  "--by", "year", db=demo_db).stdout
    assert "balance" in out and "tilt" in out and "balancing moves" in out and "hegseth" in out
    hedge = json.loads(run_cli("hedging", "VNM", "--powers", "USA,CHN", "--format", "json", db=demo_db).stdout)
    assert hedge["powers"] == ["USA", "CHN"] and "formula" in hedge
    net = run_cli("network", "--min-events", "5", "--format", "csv", db=demo_db).stdout.splitlines()
    assert net[0] == "a,b,events,cooperation,conflict,balance" and len(net) > 2


def test_the_commands_name_bad_input(demo_db):
    bad = run_cli("relations", "VNM", "XYZ", db=demo_db, check=False)
    assert bad.returncode == 1 and "error: actor 'XYZ': unknown actor key" in bad.stderr
    bad = run_cli("hedging", "VNM", "--powers", "USA,Atlantis", db=demo_db, check=False)
    assert bad.returncode == 1 and "power 'Atlantis'" in bad.stderr
    bad = run_cli("hedging", "VNM", "--powers", "USA", "--bloc", "west", db=demo_db, check=False)
    assert bad.returncode == 1 and "--bloc 'west'" in bad.stderr
    bad = run_cli("relations", "VNM", "CHN", "--since", "2025-02-30", db=demo_db, check=False)
    assert bad.returncode == 1 and "--since '2025-02-30'" in bad.stderr
    assert "Examples:" in run_cli("hedging", "--help").stdout
