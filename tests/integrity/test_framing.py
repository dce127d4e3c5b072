"""Framing flags: unsourced claims and loaded wording, per sentence (seed 000 is the example)."""

from __future__ import annotations

from conftest import shared_path

from tightrope.integrity.framing import framing_flags


def _flags(text):
    return [(f.kind, f.cue.lower(), text[f.start : f.end]) for f in framing_flags("d", text)]


def test_seed_000_unsourced_claims_and_loaded_wording_are_flagged():
    text = shared_path("seeds", "000_37ebb82700158fac.txt").read_text(encoding="utf-8")
    flags = _flags(text)
    unsourced = {cue for kind, cue, _ in flags if kind == "unsourced"}
    loaded = {cue for kind, cue, _ in flags if kind == "loaded"}
    assert {"behind closed doors", "a reported", "alternative media"} <= unsourced
    assert "quiet coercion" in loaded
    sentence = next(s for kind, cue, s in flags if cue == "a reported")
    assert sentence == "A reported $100 billion strategic deal involving:"
    for f in framing_flags("d", text):
        assert text[f.cue_start : f.cue_end].lower() == f.cue.lower() and f.start <= f.cue_start < f.cue_end <= f.end


def test_a_named_source_is_not_an_unsourced_claim():
    assert _flags("Analysts say the deal may have been signed.")[0][0] == "unsourced"
    assert _flags("According to Reuters, the deal may have been signed.") == []
    assert _flags("The deal was signed, the Foreign Ministry said on Monday.") == []


def test_plain_wire_copy_carries_no_unsourced_flag():
    text = "HANOI (AP) — Vietnam and the United States signed an agreement on Sunday, the Vietnamese government said."
    assert [f for f in framing_flags("d", text) if f.kind == "unsourced"] == []
