"""The real ``tightrope`` command against a real SQLite file."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli, shared_path

COMMANDS = [["ingest"], ["docs"], ["docs", "list"], ["docs", "show"], ["demo"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_an_example(command):
    out = run_cli(*command, "--help").stdout
    assert "Example" in out
    if command[0] != "docs" or len(command) > 1:
        assert "--db" in out


def test_ingest_then_list_and_show(tmp_path):
    db = tmp_path / "cli.db"
    articles = shared_path("data", "articles_dev.jsonl")
    first = run_cli("ingest", str(articles), str(shared_path("seeds")), db=db)
    assert "56 added" in first.stdout and "0 failed" in first.stdout
    again = run_cli("ingest", str(articles), db=db)
    assert "0 added" in again.stdout and "53 duplicates skipped" in again.stdout

    listing = run_cli("docs", "list", "--format", "jsonl", db=db).stdout.splitlines()
    rows = [json.loads(line) for line in listing]
    assert len(rows) == 56
    assert {"hegseth-ap-wfp", "tolam-pyongyang-vns-talks"} <= {r["id"] for r in rows}

    shown = json.loads(run_cli("docs", "show", "hegseth-ap-wfp", "--json", db=db).stdout)
    assert shown["outlet"] == "AP (via Winnipeg Free Press)"
    assert shown["text"].startswith("HANOI, Vietnam (AP)")
    table = run_cli("docs", "show", "hegseth-ap-wfp", db=db).stdout
    assert "published: 2025-11-02" in table


def test_errors_are_one_line_and_name_the_input(tmp_path):
    db = tmp_path / "cli.db"
    missing = run_cli("docs", "show", "no-such-id", db=db, check=False)
    assert missing.returncode == 1 and missing.stderr.strip() == "error: no-such-id: no such document (see `tightrope docs list`)"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = run_cli("ingest", str(bad), db=db, check=False)
    assert result.returncode == 1 and f"{bad}: not text" in result.stdout
    refused = run_cli("ingest", "http://127.0.0.1:9/x", db=db, check=False)
    assert "refused" in refused.stdout and "--allow-private" in refused.stdout


def test_demo_ingests_the_sample_corpus(tmp_path):
    db = tmp_path / "demo.db"
    out = run_cli("demo", "--db", str(db)).stdout
    assert "0 failed" in out
    rows = [json.loads(line) for line in run_cli("docs", "list", "--format", "jsonl", db=db).stdout.splitlines()]
    assert len(rows) >= 30
    assert any(r["near_duplicate_of"] for r in rows), "the wire copy is linked to its original"
    again = run_cli("demo", "--db", str(db)).stdout
    assert "0 added" in again
