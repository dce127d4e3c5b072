"""The actor dictionary: states, institutions, organisations and people with dated roles.

The dictionary is data — the YAML files in ``tightrope/actors/data/`` (their headers say what
they hold and where the facts come from), plus any files a user adds through
``$TIGHTROPE_ACTORS`` (paths separated by ``os.pathsep``) or the ``extra`` argument. Every
file may hold any of the top-level lists ``states``, ``institutions``, ``organisations``,
``people``, ``non_state_media``, ``sector_nouns``, ``titles`` and ``non_actor_phrases``
(place and event names that contain a state word but are no actor: "South China Sea"),
``places`` (cities and regions, which stand for their state when named as actors),
``groups`` (ethnic and religious groups with the states they live in, resolved from the
sentence's context), ``disputed_places`` (never resolved to a state) and ``common_words``
(state names that are English words in lower case: "china", "turkey"); sector nouns that
are generic institution names may list the ``states`` that have such a body, and descriptions
of a state ("the Southeast Asian country") the states they may stand for (``refers``). It is
validated on load and an error names the file, the entry and the field. Later files override
earlier ones name by name, so a user file can correct or extend ours. This module only loads
and looks up; finding mentions in text is :mod:`tightrope.actors.resolver`'s job.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import platformdirs
import yaml

from tightrope.errors import DictionaryError

ENV_ACTORS = "TIGHTROPE_ACTORS"

SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "BUS", "MED", "PTY", "OPP", "CVL", "REB", "EDU", "NGO", "IGO", "SPY", "HLH", "ELI", "REL"}
ROLES = (  # in the order a person's current role is chosen when the text names none
    "party_leader", "head_of_state", "head_of_government", "supreme_leader", "vice_president",
    "deputy_prime_minister", "foreign_minister", "defence_minister", "interior_minister",
    "trade_minister", "finance_minister", "legislature_speaker", "national_security_adviser",
    "military_chief", "igo_head",
)
_KEY = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z0-9][A-Z0-9&-]*)$")
_FILE_KEYS = {"states", "institutions", "organisations", "people", "non_state_media", "sector_nouns", "titles",
              "non_actor_phrases", "places", "disputed_places", "groups", "common_words"}
_FAR_FUTURE = date(9999, 12, 31)


@dataclass(frozen=True, slots=True)
class Role:
    """An office held from ``start`` to ``end`` (None: still held)."""

    role: str | None
    title: str
    sector: str
    start: date
    end: date | None = None
    acting: bool = False
    approx: bool = False
    country: str | None = None  # where the office is not the person's own state (Tusk at IGO:EU)

    def held_on(self, day: date) -> bool:
        return self.start <= day <= (self.end or _FAR_FUTURE)


@dataclass(slots=True)
class Entry:
    """One dictionary entry. ``id`` is ``file-stem:name``, e.g. ``people.asia:To Lam``."""

    id: str
    kind: str  # state | institution | organisation | person | media | place
    name: str
    key: str | None
    sector: str | None = None
    names: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    capital: str | None = None
    homes: list[str] = field(default_factory=list)  # a group's states, most usual first ("Hausa": NGA, NER)

    def roles_on(self, day: date) -> list[Role]:
        """Roles held on ``day``, most senior first (acting ones after the rest). Among posts
        with no role code, an office of state comes before a party post: Medvedev in 2025 speaks
        as Deputy Chairman of the Security Council more than as chairman of United Russia."""
        held = [r for r in self.roles if r.held_on(day)]
        return sorted(held, key=lambda r: (r.acting, ROLES.index(r.role) if r.role in ROLES else len(ROLES),
                                           r.role is None and r.sector == "PTY"))

    def last_role_before(self, day: date) -> Role | None:
        past = [r for r in self.roles if r.end and r.end < day]
        return max(past, key=lambda r: r.end) if past else None


@dataclass(frozen=True, slots=True)
class Title:
    """A title of office ("defence minister") or a sector noun ("coast guard")."""

    words: str
    sector: str
    role: str | None = None  # None for sector nouns and rank words
    # Generic institution names ("Congress", "Security Council", "Ministry of National Defense"):
    # written as a proper name without a state word, they name one state's body, found from the
    # context (``context``); ``states`` are those known to have a body of that name (empty: any
    # state), ``default`` the one meant when the text names none of them (None: unresolved).
    states: tuple[str, ...] = ()
    default: str | None = None
    context: bool = False
    # A description of a state named elsewhere in the text ("the Southeast Asian country"): after
    # "the", it stands for the one of its ``states`` the sentence, else the text before it, names.
    refers: bool = False


class ActorDictionary:
    """All entries, and the indexes the resolver and the briefing cards use."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.by_name: dict[str, str] = {}  # lower-cased name/adjective/metonym → entry id
        self.titles: dict[str, Title] = {}  # lower-cased words → title or sector noun
        self.non_actor: set[str] = set()  # lower-cased phrases that are never actors
        self.common_words: set[str] = set()  # state names that are English words in lower case
        self.sources: list[str] = []

    # -- loading -------------------------------------------------------------------------

    @classmethod
    def load(cls, extra: list[str | Path] | None = None) -> "ActorDictionary":
        """Our files, then ``$TIGHTROPE_ACTORS``, then ``extra``.

        Parsing the YAML takes about a second, so the validated result is cached (a pickle in
        the user cache directory, keyed by every file's path, size and modification time and
        by this module's source); a changed file is simply parsed again."""
        paths = sorted(Path(str(files("tightrope.actors") / "data")).glob("*.yaml"))
        env = os.environ.get(ENV_ACTORS)
        if env:
            paths += [Path(p) for p in env.split(os.pathsep) if p]
        paths += [Path(p) for p in extra or []]
        cache = _cache_path(paths)
        if cache is not None:
            try:
                with open(cache, "rb") as fh:
                    return pickle.load(fh)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                pass
        dictionary = cls()
        for path in paths:
            dictionary.add_file(path)
        if cache is not None:
            try:
                cache.parent.mkdir(parents=True, exist_ok=True)
                tmp = cache.with_suffix(f".{os.getpid()}.tmp")
                with open(tmp, "wb") as fh:
                    pickle.dump(dictionary, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, cache)
            except OSError:
                pass  # a read-only cache directory only costs the parse
        return dictionary

    def add_file(self, path: Path) -> None:
        """Validate one YAML file and add its entries (overriding same-named ones)."""
        where = str(path)
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except OSError as exc:
            raise DictionaryError(f"{where}: cannot read actor dictionary: {exc.strerror or exc}") from None
        except yaml.YAMLError as exc:
            raise DictionaryError(f"{where}: not valid YAML: {exc}") from None
        except ValueError as exc:  # PyYAML reads 2020-13-01 as a date and fails
            raise DictionaryError(f"{where}: invalid date or value ({exc})") from None
        if data is None:
            return
        if not isinstance(data, dict) or not set(data) <= _FILE_KEYS:
            unknown = sorted(set(data) - _FILE_KEYS) if isinstance(data, dict) else "not a mapping"
            raise DictionaryError(f"{where}: top level must be a mapping of {sorted(_FILE_KEYS)}; found {unknown}")
        stem = path.name.removesuffix(".yaml").removesuffix(".yml")
        self.sources.append(where)
        for section, kind in (("states", "state"), ("organisations", "organisation"), ("institutions", "institution"),
                              ("people", "person"), ("non_state_media", "media"), ("places", "place"),
                              ("groups", "group")):
            for i, raw in enumerate(data.get(section) or []):
                self._add_entry(_parse_entry(raw, kind, stem, f"{where}: {section}[{i}]"))
        for section in ("non_actor_phrases", "disputed_places"):
            self.non_actor.update(p.lower() for p in _strings(data, section, f"{where}: {section}"))
        self.common_words.update(w.lower() for w in _strings(data, "common_words", f"{where}: common_words"))
        for section in ("sector_nouns", "titles"):
            for i, raw in enumerate(data.get(section) or []):
                for title in _parse_titles(raw, f"{where}: {section}[{i}]"):
                    self.titles[title.words.lower()] = title

    def _add_entry(self, entry: Entry) -> None:
        old = self.entries.get(entry.id)
        if old:
            for name in old.names + old.adjectives + old.metonyms:
                if self.by_name.get(name.lower()) == old.id:
                    del self.by_name[name.lower()]
        self.entries[entry.id] = entry
        for name in entry.names + entry.adjectives + entry.metonyms:
            self.by_name[name.lower()] = entry.id

    # -- looking up ----------------------------------------------------------------------

    def find(self, name: str) -> list[Entry]:
        """Entries whose name, short form, adjective or key is ``name`` (case-insensitive)."""
        wanted = name.strip().lower()
        exact = self.by_name.get(wanted)
        if exact:
            return [self.entries[exact]]
        return [
            e for e in self.entries.values()
            if wanted in {s.lower() for s in e.short} or (e.key or "").lower() == wanted or e.name.lower() == wanted
        ]

    def state(self, key: str) -> Entry | None:
        """The state or organisation entry of ``key``."""
        return self._states().get(key)

    def _states(self) -> dict[str, Entry]:
        if not hasattr(self, "_state_index"):
            self._state_index = {e.key: e for e in self.entries.values() if e.kind in ("state", "organisation")}
        return self._state_index

    def holders(self, key: str, role: str, on: date) -> list[tuple[Entry, Role]]:
        """Who held ``role`` for ``key`` on ``on`` (substantive holders before acting ones)."""
        found = [
            (e, r) for e in self.people_of(key) for r in e.roles
            if r.role == role and r.held_on(on) and (r.country or e.key) == key
        ]
        return sorted(found, key=lambda er: er[1].acting)

    def people_of(self, key: str) -> list[Entry]:
        if not hasattr(self, "_people_index"):
            index: dict[str, list[Entry]] = {}
            for e in self.entries.values():
                if e.kind == "person" and e.key:
                    for k in {e.key} | {r.country for r in e.roles if r.country}:
                        index.setdefault(k, []).append(e)
            self._people_index = index
        return self._people_index.get(key, [])


def _cache_path(paths: list[Path]) -> Path | None:
    h = hashlib.sha256(Path(__file__).read_bytes())
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            return None  # add_file will report the missing file
        h.update(f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return Path(platformdirs.user_cache_dir("tightrope")) / "actors" / f"{h.hexdigest()[:24]}.pickle"


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The dictionary from our files and ``$TIGHTROPE_ACTORS``, loaded once per process."""
    return ActorDictionary.load()


# -- validation ------------------------------------------------------------------------------


def _strings(raw: dict, field_name: str, where: str) -> list[str]:
    value = raw.get(field_name) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(f"{where}: {field_name!r} must be a list of non-empty strings")
    return [v.strip() for v in value]


def _parse_date(value, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DictionaryError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _parse_entry(raw, kind: str, stem: str, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise DictionaryError(f"{where}: each entry must be a mapping")
    names = _strings(raw, "names", where)
    name = raw.get("name") or (names[0] if names else None)
    if not name:
        raise DictionaryError(f"{where}: entry has no 'name' or 'names'")
    where = f"{where} ({name})"
    key = raw.get("key") if kind != "person" else raw.get("country")
    homes = _strings(raw, "homes", where)
    for home in homes:
        if not _KEY.match(home):
            raise DictionaryError(f"{where}: home {home!r} must be an ISO-3166 alpha-3 code")
    if kind == "group":
        key = homes[0] if homes else None  # a religion has no state; an ethnic group its usual one
    elif kind != "media":
        if not isinstance(key, str) or not _KEY.match(key):
            field_name = "country" if kind == "person" else "key"
            raise DictionaryError(f"{where}: {field_name} {key!r} must be an ISO-3166 alpha-3 code or IGO:ACRONYM")
    sector = raw.get("sector")
    if sector is not None and sector not in SECTORS:
        raise DictionaryError(f"{where}: sector {sector!r} is not one of {sorted(SECTORS)}")
    if kind == "institution" and sector is None:
        raise DictionaryError(f"{where}: an institution needs a sector")
    roles = []
    for j, r in enumerate(raw.get("roles") or []):
        rw = f"{where}: roles[{j}]"
        if not isinstance(r, dict) or "start" not in r or "sector" not in r:
            raise DictionaryError(f"{rw}: a role needs at least 'start' and 'sector'")
        if r.get("role") is not None and r["role"] not in ROLES:
            raise DictionaryError(f"{rw}: role {r['role']!r} is not one of {list(ROLES)} or null")
        if r["sector"] not in SECTORS:
            raise DictionaryError(f"{rw}: sector {r['sector']!r} is not one of {sorted(SECTORS)}")
        start = _parse_date(r["start"], rw)
        end = _parse_date(r["end"], rw) if r.get("end") else None
        if end and end < start:
            raise DictionaryError(f"{rw}: ends ({end}) before it starts ({start})")
        country = r.get("country")
        if country is not None and not (isinstance(country, str) and _KEY.match(country)):
            raise DictionaryError(f"{rw}: country {country!r} must be an ISO-3166 alpha-3 code or IGO:ACRONYM")
        roles.append(Role(r.get("role"), str(r.get("title") or r.get("role") or ""), r["sector"], start, end,
                          bool(r.get("acting")), bool(r.get("approx")), country))
    if kind == "group":
        pass  # its display name may be an adjective only ("Karen"): only its names name it alone
    elif kind != "person":
        names = names or [name]
        if name not in names:
            names.insert(0, name)
    elif name not in names:
        names.insert(0, name)
    return Entry(
        id=f"{stem}:{name}",
        kind=kind,
        name=name,
        key=key,
        sector=sector,
        names=names,
        adjectives=_strings(raw, "adjectives", where),
        metonyms=_strings(raw, "metonyms", where),
        short=_strings(raw, "short", where),
        roles=roles,
        members=_strings(raw, "members", where),
        capital=raw.get("capital"),
        homes=homes,
    )


def _parse_titles(raw, where: str) -> list[Title]:
    if not isinstance(raw, dict) or "sector" not in raw:
        raise DictionaryError(f"{where}: needs 'words' and 'sector'")
    if raw["sector"] not in SECTORS:
        raise DictionaryError(f"{where}: sector {raw['sector']!r} is not one of {sorted(SECTORS)}")
    role = raw.get("role")
    if role is not None and role not in ROLES:
        raise DictionaryError(f"{where}: role {role!r} is not one of {list(ROLES)} or null")
    states = tuple(_strings(raw, "states", where))
    default = raw.get("default")
    for key in states + ((default,) if default is not None else ()):
        if not isinstance(key, str) or not _KEY.match(key):
            raise DictionaryError(f"{where}: state {key!r} must be an ISO-3166 alpha-3 code or IGO:ACRONYM")
    if default is not None and states and default not in states:
        raise DictionaryError(f"{where}: default {default!r} is not one of its states {list(states)}")
    context = bool(raw.get("context")) or bool(states)
    refers = bool(raw.get("refers"))
    if refers and not states:
        raise DictionaryError(f"{where}: 'refers' needs the 'states' it may stand for")
    return [Title(w, raw["sector"], role, states, default, context, refers) for w in _strings(raw, "words", where)]
