"""The actor dictionary: our data files load and validate; user files extend and override."""

from __future__ import annotations

from datetime import date

import pytest

from tightrope.actors.dictionary import ActorDictionary
from tightrope.errors import DictionaryError


@pytest.fixture(scope="module")
def dictionary():
    return ActorDictionary.load()


def test_every_state_and_the_flagship_people_are_there(dictionary):
    states = {e.key for e in dictionary.entries.values() if e.kind == "state"}
    assert len(states) >= 195
    assert {"VNM", "CHN", "USA", "RUS", "PRK", "KOR", "JPN", "LAO", "PHL", "IND"} <= states
    (lam,) = dictionary.find("To Lam")
    by_role = {r.role: r for r in lam.roles}
    assert by_role["head_of_state"].start == date(2024, 5, 22) and by_role["head_of_state"].end == date(2024, 10, 21)
    assert by_role["party_leader"].start == date(2024, 8, 3) and by_role["party_leader"].end is None
    assert by_role["interior_minister"].end.year == 2024
    (hegseth,) = dictionary.find("Pete Hegseth")
    assert hegseth.key == "USA" and min(r.start for r in hegseth.roles) == date(2025, 1, 25)


def test_who_held_an_office_on_a_date(dictionary):
    def holder(key, role, day):
        return [e.name for e, _ in dictionary.holders(key, role, date.fromisoformat(day))][0]

    assert holder("VNM", "head_of_state", "2024-06-20") == "To Lam"
    assert holder("VNM", "head_of_state", "2025-10-10") == "Luong Cuong"
    assert holder("VNM", "party_leader", "2023-12-12") == "Nguyen Phu Trong"
    assert holder("USA", "defence_minister", "2024-09-10") == "Lloyd Austin"
    assert holder("JPN", "head_of_government", "2025-04-28") == "Shigeru Ishiba"


def test_sources_are_recorded_in_every_file_header():
    from importlib.resources import files

    for path in (files("tightrope.actors") / "data").iterdir():
        if path.name.endswith(".yaml"):
            lines = path.read_text(encoding="utf-8").splitlines()
            header = "\n".join(l for l in lines[: next(i for i, l in enumerate(lines) if l and not l.startswith("#"))]).lower()
            assert header.startswith("#") and ("source" in header or "compiled" in header), path.name


@pytest.mark.parametrize(
    "body, message",
    [
        ("people:\n  - name: A B\n    country: VNM\n    roles:\n      - {role: emperor_of_mars, sector: GOV, start: 2020-01-01}\n", "role 'emperor_of_mars'"),
        ("people:\n  - name: A B\n    country: VNM\n    roles:\n      - {role: null, sector: GOV, start: 2020-13-01}\n", "invalid date"),
        ("people:\n  - name: A B\n    country: VNM\n    roles:\n      - {role: null, sector: GOV, start: 'soon'}\n", "not a date"),
        ("people:\n  - name: A B\n    country: VNM\n    roles:\n      - {role: null, sector: GOV, start: 2020-01-01, end: 2019-01-01}\n", "ends"),
        ("states:\n  - key: Vietnam\n    names: [Vietnam]\n", "ISO-3166"),
        ("institutions:\n  - names: [Ministry of Fun]\n    key: VNM\n", "needs a sector"),
        ("colours: [red]\n", "top level"),
        ("states: [\n", "not valid YAML"),
        ("groups:\n  - {name: Testians, homes: [Testland]}\n", "home 'Testland'"),
        ("sector_nouns:\n  - {sector: LEG, words: [diet], states: [JPN], default: VNM}\n", "default 'VNM' is not one of"),
        ("sector_nouns:\n  - {sector: LEG, words: [diet], states: [Japan]}\n", "state 'Japan'"),
    ],
)
def test_malformed_files_are_refused_with_file_and_entry_named(tmp_path, body, message):
    path = tmp_path / "mine.yaml"
    path.write_text(body)
    with pytest.raises(DictionaryError, match=message) as err:
        ActorDictionary.load([path])
    assert "mine.yaml" in str(err.value)


def test_a_user_file_adds_and_overrides(tmp_path, monkeypatch):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "# my additions\n"
        "people:\n"
        "  - name: Nguyen Van Testa\n"
        "    short: [Testa]\n"
        "    country: VNM\n"
        "    roles:\n"
        "      - {role: null, title: Provincial Party Secretary, sector: PTY, start: 2020-01-01}\n"
        "institutions:\n"
        "  - {names: [Pentagon], key: USA, sector: GOV}\n"
    )
    monkeypatch.setenv("TIGHTROPE_ACTORS", str(mine))
    d = ActorDictionary.load()
    assert d.find("Nguyen Van Testa")[0].key == "VNM"
    assert d.find("Pentagon")[0].sector == "GOV"  # same name: the user's entry wins


def test_groups_have_home_states_and_institution_nouns_their_states(dictionary):
    hutu = dictionary.find("Hutus")[0]
    assert hutu.kind == "group" and hutu.homes == ["RWA", "BDI"] and hutu.key == "RWA"
    muslims = dictionary.find("Muslims")[0]
    assert muslims.kind == "group" and muslims.key is None  # a religion has no state of its own
    council = dictionary.titles["security council"]
    assert council.context and "RUS" in council.states and council.default == "IGO:UN"


def test_a_state_office_comes_before_a_party_post_without_role_code(dictionary):
    medvedev = dictionary.find("Dmitry Medvedev")[0]
    assert medvedev.roles_on(date(2025, 10, 9))[0].sector == "GOV"  # Security Council, not United Russia
