"""The real ``tightrope integrity check`` and ``tightrope eval spin`` commands."""

from __future__ import annotations

import json

from conftest import run_cli, shared_path

from click.testing import CliRunner

from tightrope.cli import main
from tightrope.eval.spin import read_text
from tightrope.ingest.files import derived_id


def test_check_json_is_one_object_per_input_in_order(tmp_path):
    spun = read_text(shared_path("data", "spin", "spun_tolam.txt"))
    clean = read_text(shared_path("data", "spin", "original_tolam.txt"))
    lines = tmp_path / "in.jsonl"
    lines.write_text("\n".join(json.dumps({"id": i, "text": t, "date": "2025-10-10"}) for i, t in
                               (("a-spun", spun), ("b-clean", clean))) + "\n", encoding="utf-8")
    out = run_cli("integrity", "check", "--jsonl", str(lines), "--json").stdout.splitlines()
    rows = [json.loads(line) for line in out]
    assert [r["id"] for r in rows] == ["a-spun", "b-clean"]
    assert list(rows[0])[:5] == ["id", "spun", "score", "repaired", "edits"]
    assert rows[0]["spun"] is True and isinstance(rows[0]["score"], float) and rows[0]["edits"]
    assert "General Secretary of the Communist Party" in rows[0]["repaired"]
    edit = rows[0]["edits"][0]
    assert set(edit) >= {"start", "end", "spun", "restored", "confidence"} and spun[edit["start"]:edit["end"]] == edit["spun"]
    assert rows[1]["spun"] is False and rows[1]["repaired"] == clean and rows[1]["edits"] == []


def test_check_a_stored_document_by_id_with_diff(tmp_path):
    db = tmp_path / "cli.db"
    run_cli("ingest", "--no-code", str(shared_path("seeds")), db=db)
    seed = derived_id(shared_path("seeds", "001_f68aae2226054b6b.txt").read_text(encoding="utf-8"))
    shown = run_cli("integrity", "check", seed, "--diff", db=db).stdout
    assert "SPUN" in shown and "Chilly Conflict" in shown and "Cold War" in shown


def test_check_a_clean_file_shows_its_flags_and_a_missing_id_is_one_line_error(tmp_path):
    plain = CliRunner().invoke(main, ["integrity", "check", str(shared_path("seeds", "000_37ebb82700158fac.txt"))])
    assert plain.exit_code == 0 and "clean" in plain.output and "flag unsourced" in plain.output
    assert "Behind closed doors" in plain.output
    missing = CliRunner().invoke(main, ["integrity", "check", "no-such-doc", "--db", str(tmp_path / "x.db")])
    assert missing.exit_code == 1 and "no-such-doc: neither a file nor a stored document id" in missing.output


def test_eval_spin_prints_the_issue_figures():
    out = run_cli("eval", "spin", "--shared", str(shared_path())).stdout
    assert "spun texts flagged 4/4 (100.0%)" in out
    assert "false positives 0/89" in out
    assert "'Cold War' 0→3   'Chilly Conflict' 3→0" in out


def test_help_has_examples():
    for command in (["integrity"], ["integrity", "check"], ["eval", "spin"]):
        result = CliRunner().invoke(main, [*command, "--help"])
        assert result.exit_code == 0 and "Example" in result.output
