"""The integrity stage's data files and WordNet, as installed by the project's set-up."""

from __future__ import annotations

import os
import shutil

import pytest

from tightrope.errors import DictionaryError
from tightrope.integrity import lexicon, wordnet
from tightrope.integrity.phrases import known_phrases


def test_data_files_load_and_say_where_they_come_from():
    assert len(lexicon.habits()) > 50 and len(lexicon.fixed_phrases()) > 100
    assert set(lexicon.framing()) == {"unsourced", "loaded"}
    for name in ("spinner_habits.tsv", "fixed_phrases.txt", "framing.yaml"):
        head = (lexicon.DATA / name).read_text(encoding="utf-8").splitlines()[:12]
        assert any("Where from" in line for line in head), name


def test_a_malformed_habit_line_names_its_file_and_line(tmp_path, monkeypatch):
    bad = tmp_path / "spinner_habits.tsv"
    bad.write_text("# header\ngo to\tvisit\tprev:DET\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "DATA", tmp_path)
    lexicon.habits.cache_clear()
    try:
        with pytest.raises(DictionaryError, match=r"spinner_habits.tsv:2: expected 4 tab-separated fields"):
            lexicon.habits()
        bad.write_text("go to\tvisit\tbefore:DET\t1\n", encoding="utf-8")
        lexicon.habits.cache_clear()
        with pytest.raises(DictionaryError, match=r"spinner_habits.tsv:1: unknown condition 'before:DET'"):
            lexicon.habits()
    finally:
        lexicon.habits.cache_clear()


@pytest.mark.skipif(not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")),
                    reason="WordNet is installed by scripts/install-wordnet.sh only where apt-get runs as root")
def test_wordnet_is_installed_in_the_venv_and_read_from_there():
    assert (wordnet.data_dir() / "corpora" / "wordnet" / "lexnames").is_file()
    assert wordnet.available()
    assert wordnet.relatives("chilly")["cold"] >= 0.8
    assert wordnet.relatives("folks").get("people", 0) >= 0.6
    assert "visit" in wordnet.base_forms("visits")
    assert {"Cold War", "White House", "Democratic People's Republic of Korea"} <= wordnet.proper_compounds()
    assert "cold war" in known_phrases()
