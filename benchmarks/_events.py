"""Generated events for benchmarks: fill a store with N realistic coded events, in bulk.

    from benchmarks._events import generate_events
    generate_events("/tmp/bench.db", 1_000_000, seed=0)        # or a Store, or a database URL

    .venv/bin/python benchmarks/_events.py /tmp/bench.db 1000000   # the same from the shell

Each generated document reports one happening between two parties on one day (a few days'
spread for its background events): about five events, their evidence sentences written out in
the document's text so that every offset points at real words. Parties are ~40 states and three
organisations, weighted towards the flagship ones (VNM, CHN, USA, RUS, PRK, KOR, JPN); dates
span ten years (mostly day-precise, some month- or year-only); PLOVER types, certainties and the
share of reciprocal acts follow rough proportions of news coding (talks and statements of support
most common, force rare); about a fifth of actors are named by a title of office ("Vietnamese
Foreign Minister", "Chinese President"), so levels are read exactly as for coded text. Rows go
in through the store's own row builders (``actor_rows``; ``dyad_sums`` for the monthly sums and
``add_dyad_sums`` for them and the yearly ones, written once at the end) as bulk executemany
inserts, 20,000 documents a transaction; ids continue after what is stored. Deterministic for a
seed. Used by ``benchmarks/analytics.py`` and the web API benchmark.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select  # noqa: E402

from tightrope.events import CODER_VERSION  # noqa: E402
from tightrope.model import Event, EventActor  # noqa: E402
from tightrope.store import Store, schema  # noqa: E402
from tightrope.store.events import actor_rows, add_dyad_sums, dyad_sums  # noqa: E402

FLAGSHIP = ["VNM", "CHN", "USA", "RUS", "PRK", "KOR", "JPN"]
OTHERS = ["IND", "LAO", "KHM", "THA", "PHL", "MYS", "IDN", "SGP", "MMR", "AUS", "NZL", "GBR", "FRA", "DEU", "ITA",
          "UKR", "POL", "TUR", "IRN", "ISR", "SAU", "ARE", "EGY", "PAK", "BGD", "BRA", "MEX", "CAN", "ZAF", "NGA",
          "KAZ", "MNG", "TWN"]
ORGS = ["IGO:ASEAN", "IGO:UN", "IGO:EU"]
PARTY_WEIGHTS = [8.0] * len(FLAGSHIP) + [1.0] * len(OTHERS) + [1.5] * len(ORGS)
PARTIES = FLAGSHIP + OTHERS + ORGS

# Rough shares of news-coded event types (talks and verbal support dominate, force is rare).
TYPE_SHARES = {"CONSULT": 30, "SUPPORT": 12, "AGREE": 10, "ACCUSE": 11, "COOPERATE": 8, "REQUEST": 6, "AID": 4,
               "REJECT": 3, "THREATEN": 3, "SANCTION": 3, "MOBILIZE": 3, "PROTEST": 2, "COERCE": 2, "ASSAULT": 1.5,
               "RETREAT": 1, "CONCEDE": 0.5}
CERTAINTY_SHARES = {"asserted": 70, "attributed": 12, "speculative": 7, "planned": 7, "negated": 3, "hypothetical": 1}
RECIPROCAL_TYPES = {"CONSULT": 0.45, "COOPERATE": 0.6, "AGREE": 0.35, "SUPPORT": 0.2}
VERBS = {"CONSULT": "held talks with", "SUPPORT": "backed", "AGREE": "agreed to cooperate with", "ACCUSE": "criticised",
         "COOPERATE": "held joint drills with", "REQUEST": "urged", "AID": "sent aid to", "REJECT": "rejected a proposal by",
         "THREATEN": "warned", "SANCTION": "imposed sanctions on", "MOBILIZE": "deployed ships near",
         "PROTEST": "saw protests against", "COERCE": "detained citizens of", "ASSAULT": "fired on",
         "RETREAT": "released the crew of", "CONCEDE": "promised to ease rules for"}
# Titles of office an actor may be named by, with their sector and weight: leaders, then ministers.
TITLES = [("President", "GOV", 3), ("Prime Minister", "GOV", 3), ("party chief", "PTY", 1), ("Foreign Minister", "GOV", 5),
          ("Defence Minister", "MIL", 3), ("Trade Minister", "GOV", 1), ("Deputy Foreign Minister", "GOV", 2),
          ("ambassador", "GOV", 3)]
NOUNS = [("officials", "GOV"), ("navy", "MIL"), ("coast guard", "COP"), ("foreign ministry", "GOV")]
START, DAYS = date(2016, 1, 1), 3653
DOCS_PER_BATCH = 20_000


def _cameo_by_type() -> dict[str, list[tuple[str, float, int]]]:
    """PLOVER type → its CAMEO codes with Goldstein score and QuadClass, from the coder's table."""
    path = Path(__file__).resolve().parent.parent / "tightrope" / "events" / "data" / "cameo.tsv"
    out: dict[str, list[tuple[str, float, int]]] = {}
    with path.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if row["plover_type"]:
                out.setdefault(row["plover_type"], []).append((row["code"], float(row["goldstein"]), int(row["quad"])))
    return out


class _Names:
    """How each party is named: its name, capital, adjective (from the actor dictionary)."""

    def __init__(self):
        from tightrope.actors.dictionary import default_dictionary

        d = default_dictionary()
        self.names, self.adjectives, self.capitals = {}, {}, {}
        for key in PARTIES:
            entry = d.state(key)
            self.names[key] = entry.name if entry else key.removeprefix("IGO:")
            self.adjectives[key] = (entry.adjectives[0] if entry and entry.adjectives else None)
            self.capitals[key] = entry.capital if entry else None

    def actor(self, key: str, rng: random.Random) -> EventActor:
        adjective, roll = self.adjectives[key], rng.random()
        if adjective and roll < 0.22:
            title, sector, _ = rng.choices(TITLES, weights=[t[2] for t in TITLES])[0]
            return EventActor(key=key, sector=sector, text=f"{adjective} {title}")
        if adjective and roll < 0.40:
            noun, sector = rng.choice(NOUNS)
            return EventActor(key=key, sector=sector, text=f"{adjective} {noun}")
        if self.capitals[key] and roll < 0.55:
            return EventActor(key=key, sector="GOV", text=self.capitals[key])
        return EventActor(key=key, sector=None, text=self.names[key])


def _day_text(day: date, rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.84:
        return day.isoformat()
    if roll < 0.96:
        return day.isoformat()[:7]
    if roll < 0.99:
        return day.isoformat()[:4]
    return None


def _document(i: int, seed: int, rng: random.Random, names: _Names, cameo, types, type_w, certs, cert_w):
    """One generated document (row) and its events."""
    a, b = rng.choices(PARTIES, weights=PARTY_WEIGHTS, k=2)
    while b == a:
        b = rng.choices(PARTIES, weights=PARTY_WEIGHTS)[0]
    day = START + timedelta(days=rng.randrange(DAYS))
    sentences, events, pos = [], [], 0
    for _ in range(max(1, int(rng.gauss(5, 2)))):
        src, tgt = (a, b) if rng.random() < 0.6 else (b, a)
        if rng.random() < 0.12:  # a third party joins in
            tgt = rng.choices(PARTIES, weights=PARTY_WEIGHTS)[0]
            if tgt == src:
                continue
        kind = rng.choices(types, weights=type_w)[0]
        code, goldstein, quad = rng.choice(cameo[kind])
        s_actor, t_actor = names.actor(src, rng), names.actor(tgt, rng)
        reciprocal = rng.random() < RECIPROCAL_TYPES.get(kind, 0.0)
        sentence = f"{s_actor.text} {VERBS[kind]} {t_actor.text}."
        events.append(Event(
            doc_id="", type=kind, source=[s_actor], target=[t_actor], evidence=(pos, pos + len(sentence)),
            reciprocal=reciprocal, certainty=rng.choices(certs, weights=cert_w)[0],
            date=_day_text(day + timedelta(days=rng.choice((0, 0, 0, -1, -2))), rng), cameo=code,
            goldstein=goldstein, quad=quad, trigger=VERBS[kind].split()[0],
        ))
        sentences.append(sentence)
        pos += len(sentence) + 1
    text = " ".join(sentences)
    doc_id = f"gen-{seed}-{i}"
    doc = {"id": doc_id, "url": None, "text_hash": hashlib.sha256(f"{doc_id}|{text}".encode()).hexdigest(),
           "title": f"{names.names[a]} and {names.names[b]}, {day.isoformat()}", "outlet": "Generated Wire",
           "published": day.isoformat(), "language": "en", "source": "benchmarks/_events.py", "text": text,
           "meta": "{}", "near_duplicate_of": None, "similarity": None,
           "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    for ev in events:
        ev.doc_id = doc_id
    return doc, events


def _event_row(event_id: int, ev: Event) -> dict:
    return {"id": event_id, "doc_id": ev.doc_id, "type": ev.type, "mode": None, "context": "[]",
            "source": json.dumps([{"key": a.key, "sector": a.sector, "text": a.text} for a in ev.source]),
            "target": json.dumps([{"key": a.key, "sector": a.sector, "text": a.text} for a in ev.target]),
            "reciprocal": ev.reciprocal, "certainty": ev.certainty, "attribution": None, "date": ev.date,
            "historical": False, "evidence_start": ev.evidence[0], "evidence_end": ev.evidence[1], "cameo": ev.cameo,
            "goldstein": ev.goldstein, "quad": ev.quad, "trigger": ev.trigger}


def generate_events(store_or_url, n: int, seed: int = 0, progress: bool = False) -> int:
    """Add about ``n`` generated events (whole documents, so a few more) to a store or the
    database at a path/URL. Returns the number of events written."""
    store = store_or_url if isinstance(store_or_url, Store) else Store(store_or_url)
    rng = random.Random(seed)
    names, cameo = _Names(), _cameo_by_type()
    types, type_w = list(TYPE_SHARES), list(TYPE_SHARES.values())
    certs, cert_w = list(CERTAINTY_SHARES), list(CERTAINTY_SHARES.values())
    with store.engine.connect() as conn:
        next_id = (conn.execute(select(func.max(schema.events.c.id))).scalar() or 0) + 1
    writing = getattr(store, "writing", None) or store.engine.begin
    written, i, started, monthly = 0, 0, time.perf_counter(), {}
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    while written < n:
        docs, events, actors, dyads, coded = [], [], [], [], []
        while len(docs) < DOCS_PER_BATCH and written < n:
            doc, evs = _document(i, seed, rng, names, cameo, types, type_w, certs, cert_w)
            i += 1
            docs.append(doc)
            coded.append({"doc_id": doc["id"], "coder_version": CODER_VERSION, "coded_at": now})
            for ev in evs:
                events.append(_event_row(next_id, ev))
                rows, pairs = actor_rows(next_id, ev)
                actors += rows
                dyads += pairs
                next_id += 1
                written += 1
        with writing() as conn:
            conn.execute(insert(schema.documents), docs)
            conn.execute(insert(schema.events), events)
            conn.execute(insert(schema.event_actors), actors)
            conn.execute(insert(schema.event_dyads), dyads)
            conn.execute(insert(schema.coded_documents), coded)
        for key, sums in dyad_sums(dyads).items():  # written once at the end: far fewer upserts
            have = monthly.setdefault(key, dict.fromkeys(sums, 0))
            for column, value in sums.items():
                have[column] += value
        if progress:
            print(f"  {written:,} events, {i:,} documents, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with writing() as conn:
        add_dyad_sums(conn, monthly)
    if not isinstance(store_or_url, Store):
        store.close()
    return written


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Fill a store with generated events.")
    parser.add_argument("db", help="SQLite path or database URL")
    parser.add_argument("n", type=int, help="how many events")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    t0 = time.perf_counter()
    count = generate_events(args.db, args.n, seed=args.seed, progress=True)
    print(f"{count:,} events in {time.perf_counter() - t0:.1f} s")
