"""``tightrope code``: the stable batch interface of ANNOTATION.md."""

from __future__ import annotations

import json

from conftest import run_cli


def test_code_writes_one_line_per_input_in_order(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "U.S. Defense Secretary Pete Hegseth arrived in Hanoi on Sunday.", "date": "2025-11-03"},
        {"id": "b", "text": "It rained in the capital."},
        {"id": "c", "text": "China urged Vietnam to respect international law.", "date": "2025-05-01"},
    ]
    src.write_text("\n".join(json.dumps(l) for l in lines) + "\n")
    out = tmp_path / "out.jsonl"
    run_cli("code", str(src), "-o", str(out))
    rows = [json.loads(l) for l in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[1]["events"] == []
    visit = rows[0]["events"][0]
    assert visit["type"] == "CONSULT" and visit["mode"] == "visit"
    assert visit["source"][0] == {"key": "USA", "sector": "MIL", "text": "U.S. Defense Secretary Pete Hegseth"}
    assert visit["target"][0]["key"] == "VNM"
    start, end = visit["evidence"]
    assert lines[0]["text"][start:end].startswith("U.S. Defense Secretary")
    for field in ("context", "reciprocal", "certainty", "date", "historical", "cameo", "goldstein", "quad"):
        assert field in visit


def test_code_refuses_a_bad_line_naming_it(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": "a", "text": "ok"}\n{not json}\n')
    result = run_cli("code", str(src), check=False)
    assert result.returncode == 1 and f"{src}:2: invalid JSON" in result.stderr
