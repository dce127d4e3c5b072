"""Storing and querying coded events (the events, event_actors and coded_documents tables).

Functions over a :class:`~tightrope.store.Store`; kept apart from ``db.py`` so that the
document store and the event store can each be read on their own.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from itertools import combinations

from sqlalchemy import and_, delete, exists, func, insert, or_, select

from tightrope.model import Event, EventActor
from tightrope.store import schema


def _actors_json(actors: list[EventActor]) -> str:
    return json.dumps([{"key": a.key, "sector": a.sector, "text": a.text} for a in actors], ensure_ascii=False)


# -- who acted: the level of an event's actors (migration 5) ----------------------------------

LEADER, MINISTER, OTHER = 2, 1, 0
_LEADER_ROLES = {"party_leader", "head_of_state", "head_of_government", "supreme_leader", "leader"}
_LEADER_NOUNS = {"leader", "leaders", "top leader", "paramount leader", "leadership"}
_LESSER = {"former", "ex", "deputy", "vice", "assistant", "junior", "late", "outgoing"}
_WORD = re.compile(r"[\w’'.-]+")


def role_level(role: str | None) -> int:
    """2 for a head of state or government, party chief or supreme leader; 1 for the other
    offices of the actor dictionary (ministers, vice presidents, speakers, military chiefs,
    heads of international organisations); 0 for anyone else or an unknown office."""
    if not role or role.startswith("former"):
        return OTHER
    return LEADER if role in _LEADER_ROLES else MINISTER


def _day(value: str | None) -> date:
    parts = (value or "")[:10].split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 7, 1)
        return date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 15)
    except ValueError:
        return date.today()


def actor_role(actor: EventActor, on: str | None) -> str | None:
    """The office of an event's actor on the event's date.

    The coder's own reading when it gives one (an ``EventActor.role``); else read from the
    text that named the actor, as the actor dictionary knows it: a person named there ("To Lam",
    "Pete Hegseth") holds their roles on that date, a title of office ("Defence Minister", "party
    chief") its role unless "former", "deputy" or "vice" comes before it, and a leader noun ("the
    Chinese leader") a leadership role. Pronouns and bare state names give None."""
    given = getattr(actor, "role", None)
    if given:
        return given
    words = [w.strip(".’'").removesuffix("’s").removesuffix("'s") for w in _WORD.findall((actor.text or "").lower())]
    words = [w for w in words if w]
    if not words:
        return None
    from tightrope.actors.dictionary import ROLES, default_dictionary

    d, day = default_dictionary(), _day(on)
    found: list[str] = []
    i = 0
    while i < len(words):
        step = 1
        for n in range(min(7, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + n])
            lesser = i > 0 and words[i - 1] in _LESSER
            entry = d.entries.get(d.by_name.get(phrase, ""))
            if entry is not None and entry.kind == "person" and entry.key == actor.key:
                found += [r.role for r in entry.roles_on(day) if r.role]
                step = n
                break
            title = d.titles.get(phrase)
            if title is not None or phrase in _LEADER_NOUNS:
                if not lesser and title is not None and title.role:
                    found.append(title.role)
                elif not lesser and phrase in _LEADER_NOUNS and actor.sector in (None, "GOV", "PTY"):
                    found.append("leader")
                step = n
                break
        i += step
    ranked = sorted(found, key=lambda r: (-role_level(r), ROLES.index(r) if r in ROLES else len(ROLES)))
    return ranked[0] if ranked else None


def dyad_rows(event_id: int, ev: Event, levels: dict[str, int]) -> list[dict]:
    """The ``event_dyads`` rows of one event: each source acting on each target, or the two
    acting together (``mutual``, ``a < b``) for a reciprocal act or several sources with no
    target ("Vietnam and Laos signed…"). ``levels`` is the highest actor level per key."""
    sources = list(dict.fromkeys(a.key for a in ev.source))
    targets = list(dict.fromkeys(a.key for a in ev.target))
    pairs: dict[tuple[str, str], bool] = {}
    for s in sources:
        for t in targets:
            if s != t:
                pairs[(min(s, t), max(s, t)) if ev.reciprocal else (s, t)] = ev.reciprocal
    if not targets:
        for s, t in combinations(sorted(sources), 2):
            pairs[(s, t)] = True
    base = {"event_id": event_id, "date": ev.date, "type": ev.type, "quad": ev.quad, "goldstein": ev.goldstein,
            "certainty": ev.certainty}
    return [dict(base, a=a, b=b, mutual=mutual, level=max(levels.get(a, 0), levels.get(b, 0)))
            for (a, b), mutual in pairs.items()]


def actor_rows(event_id: int, ev: Event) -> tuple[list[dict], list[dict]]:
    """The ``event_actors`` rows of one event (key, side, sector, office and its level) and
    its ``event_dyads`` rows."""
    rows: dict[tuple[str, str], dict] = {}
    for side, actors in (("source", ev.source), ("target", ev.target)):
        for a in actors:
            role = actor_role(a, ev.date)
            row = rows.setdefault((a.key, side), {"event_id": event_id, "key": a.key, "side": side,
                                                  "sector": a.sector, "role": role, "level": role_level(role)})
            if role_level(role) > row["level"]:
                row.update(role=role, level=role_level(role), sector=a.sector or row["sector"])
    levels: dict[str, int] = {}
    for row in rows.values():
        levels[row["key"]] = max(levels.get(row["key"], 0), row["level"])
    return list(rows.values()), dyad_rows(event_id, ev, levels)


# -- monthly and yearly sums per pair of parties (dyad_months, dyad_years) ------------------

STATED = ("asserted", "attributed")
TYPE_COLUMN = {t: f"type_{t.lower()}" for t in schema.PLOVER_TYPES}  # PLOVER type → its dyad_months column


def engagement_weight(level: int, goldstein: float | None) -> float:
    """The hedging weight of one cooperative event: ``L × G`` with ``L`` = 3 for a leader, 2 for
    a minister-level official, 1 otherwise, and ``G = 1 + max(goldstein, 0) / 10``."""
    return (1 + min(max(level or 0, 0), 2)) * (1 + max(goldstein or 0.0, 0.0) / 10)


def dyad_sums(rows, key=lambda r: (r["a"], r["b"], bool(r["mutual"]), (r["date"] or "")[:7])) -> dict[tuple, dict]:
    """Sums of ``event_dyads`` rows (mappings) by ``key`` — by default the ``dyad_months``
    key — as dicts of :data:`schema.DYAD_MONTH_SUMS` columns."""
    out: dict[tuple, dict] = {}
    for r in rows:
        sums = out.get(k := key(r))
        if sums is None:
            sums = out[k] = dict.fromkeys(schema.DYAD_MONTH_SUMS, 0)
        certainty, quad, level, g = r["certainty"], r["quad"], r["level"] or 0, r["goldstein"]
        coop = quad in (1, 2)
        if certainty in STATED:
            sums["events"] += 1
            sums[TYPE_COLUMN.get(r["type"], "type_other")] += 1
            if quad in (1, 2, 3, 4):
                sums[f"quad_{quad}"] += 1
            if g is not None:
                sums["goldstein_sum"] += g
                sums["scored"] += 1
            sums["high_level"] += level >= 1
            sums["leader_level"] += level >= 2
            if coop:
                sums["weight"] += engagement_weight(level, g)
                sums["coop_high"] += level >= 1
        elif certainty in ("speculative", "planned", "negated", "hypothetical"):
            sums[certainty] += 1
            if coop and certainty in ("speculative", "planned"):
                sums[f"{certainty}_weight"] += engagement_weight(level, g)
    return out


def bump_dyad_months(conn, rows, sign: int = 1) -> None:
    """Add (``sign`` 1) or take away (-1) the sums of these ``event_dyads`` rows in
    ``dyad_months`` and ``dyad_years``, by upsert, in the caller's transaction."""
    add_dyad_sums(conn, dyad_sums(rows), sign)


def by_year(sums: dict[tuple, dict]) -> dict[tuple, dict]:
    """Sums keyed like ``dyad_months`` added up by year (the month's first four characters)."""
    out: dict[tuple, dict] = {}
    for (a, b, mutual, month), s in sums.items():
        have = out.get(k := (a, b, mutual, month[:4]))
        if have is None:
            out[k] = dict(s)
        else:
            for c, v in s.items():
                have[c] += v
    return out


def add_dyad_sums(conn, sums: dict[tuple, dict], sign: int = 1) -> None:
    """Add sums keyed like ``dyad_months`` (from :func:`dyad_sums`) to that table and their
    yearly totals to ``dyad_years``, by upsert: the two tables always change together."""
    if not sums:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    for table, period, keyed in ((schema.dyad_months, "month", sums), (schema.dyad_years, "year", by_year(sums))):
        stmt = upsert(table)
        stmt = stmt.on_conflict_do_update(index_elements=[table.c.a, table.c.b, table.c.mutual, table.c[period]],
                                          set_={c: table.c[c] + stmt.excluded[c] for c in schema.DYAD_MONTH_SUMS})
        conn.execute(stmt, [{"a": a, "b": b, "mutual": mutual, period: p, **{c: v * sign for c, v in s.items()}}
                            for (a, b, mutual, p), s in keyed.items()])


def save_events(store, coded: dict[str, list[Event]], coder_version: str) -> int:
    """Replace the events of each document in ``coded`` and mark it coded, in one
    transaction. Returns the number of events written."""
    e, ea, cd, ed = schema.events, schema.event_actors, schema.coded_documents, schema.event_dyads
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    written, new_dyads = 0, []
    with store.writing() as conn:
        ids = list(coded)
        if ids:
            old = select(e.c.id).where(e.c.doc_id.in_(ids))
            gone = conn.execute(select(ed).where(ed.c.event_id.in_(old))).mappings().all()
            bump_dyad_months(conn, gone, -1)
            conn.execute(delete(ed).where(ed.c.event_id.in_(old)))
            conn.execute(delete(ea).where(ea.c.event_id.in_(old)))
            conn.execute(delete(e).where(e.c.doc_id.in_(ids)))
            conn.execute(delete(cd).where(cd.c.doc_id.in_(ids)))
        copies = copy_documents(conn, ids)
        for doc_id, events in coded.items():
            for ev in events:
                event_id = conn.execute(
                    insert(e).values(
                        doc_id=doc_id, type=ev.type, mode=ev.mode, context=json.dumps(ev.context),
                        source=_actors_json(ev.source), target=_actors_json(ev.target),
                        reciprocal=ev.reciprocal, certainty=ev.certainty, attribution=ev.attribution,
                        date=ev.date, historical=ev.historical, evidence_start=ev.evidence[0],
                        evidence_end=ev.evidence[1], cameo=ev.cameo, goldstein=ev.goldstein, quad=ev.quad,
                        trigger=ev.trigger,
                    )
                ).inserted_primary_key[0]
                rows, dyads = actor_rows(event_id, ev)
                if rows:
                    conn.execute(insert(ea), rows)
                if dyads and doc_id not in copies:
                    conn.execute(insert(ed), dyads)
                    new_dyads += dyads
                written += 1
            conn.execute(insert(cd).values(doc_id=doc_id, coder_version=coder_version, coded_at=now))
        bump_dyad_months(conn, new_dyads)
    return written


def uncoded_document_ids(store, coder_version: str | None = None) -> list[str]:
    """Documents never coded (or coded by another coder version, when one is given)."""
    d, cd = schema.documents, schema.coded_documents
    cond = cd.c.doc_id == d.c.id
    if coder_version:
        cond = and_(cond, cd.c.coder_version == coder_version)
    with store.engine.connect() as conn:
        return conn.execute(select(d.c.id).where(~exists().where(cond)).order_by(d.c.published.nullsfirst(), d.c.id)).scalars().all()


def _event_from_row(row) -> dict:
    return {
        "id": row.id, "doc_id": row.doc_id, "type": row.type, "mode": row.mode,
        "context": json.loads(row.context or "[]"), "source": json.loads(row.source or "[]"),
        "target": json.loads(row.target or "[]"), "reciprocal": bool(row.reciprocal), "certainty": row.certainty,
        "attribution": row.attribution, "date": row.date, "historical": bool(row.historical),
        "evidence": [row.evidence_start, row.evidence_end], "cameo": row.cameo, "goldstein": row.goldstein,
        "quad": row.quad, "trigger": row.trigger,
    }


def query_events(store, actor: str | None = None, with_: str | None = None, type_: str | None = None,
                 since: str | None = None, until: str | None = None, doc_id: str | None = None,
                 certainty: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Stored events with their document's title, outlet, URL and evidence sentence, oldest first.

    ``actor`` keeps events with that key on either side; ``with_`` additionally requires the
    other key on either side (a dyad)."""
    e, ea, d = schema.events, schema.event_actors, schema.documents
    q = (select(e, d.c.title, d.c.outlet, d.c.url, d.c.published, d.c.text)
         .join(d, d.c.id == e.c.doc_id)
         .order_by(e.c.date.nullsfirst(), e.c.id).offset(offset))
    for key in (actor, with_):
        if key:
            q = q.where(exists().where(and_(ea.c.event_id == e.c.id, ea.c.key == key)))
    if type_:
        q = q.where(e.c.type == type_.upper())
    if since:
        q = q.where(e.c.date >= since)
    if until:
        q = q.where(or_(e.c.date <= until, e.c.date.like(until + "%")))
    if doc_id:
        q = q.where(e.c.doc_id == doc_id)
    if certainty:
        q = q.where(e.c.certainty == certainty)
    if limit is not None:
        q = q.limit(limit)
    out = []
    with store.engine.connect() as conn:
        for row in conn.execute(q):
            ev = _event_from_row(row)
            ev.update(title=row.title, outlet=row.outlet, url=row.url, published=row.published,
                      evidence_text=row.text[row.evidence_start : row.evidence_end])
            out.append(ev)
    return out


def count_events(store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.events)).scalar_one()


def _actor(raw: dict) -> EventActor:
    return EventActor(**{k: v for k, v in raw.items() if k in EventActor.__dataclass_fields__})


def copy_documents(conn, doc_ids) -> set[str]:
    """Which of these documents repeat another stored one (near-duplicates, spun copies): their
    events stay listed, but are left out of the relations tables so a story is counted once."""
    d, i = schema.documents, schema.integrity
    ids = list(doc_ids)
    if not ids:
        return set()
    found = set(conn.execute(select(d.c.id).where(d.c.id.in_(ids), d.c.near_duplicate_of.is_not(None))).scalars())
    found |= set(conn.execute(select(i.c.doc_id).where(i.c.doc_id.in_(ids), i.c.copy_of.is_not(None))).scalars())
    return found


def backfill_event_levels(conn, chunk: int = 1000) -> int:
    """Rewrite the event_actors and event_dyads rows of every stored event from its stored
    actors (migration 5). Returns the number of events read."""
    e, ea, ed = schema.events, schema.event_actors, schema.event_dyads
    last, done = 0, 0
    while True:
        batch = conn.execute(select(e.c.id, e.c.doc_id, e.c.type, e.c.source, e.c.target, e.c.reciprocal,
                                    e.c.certainty, e.c.date, e.c.quad, e.c.goldstein)
                             .where(e.c.id > last).order_by(e.c.id).limit(chunk)).all()
        if not batch:
            return done
        ids = [row.id for row in batch]
        copies = copy_documents(conn, {row.doc_id for row in batch})
        bump_dyad_months(conn, conn.execute(select(ed).where(ed.c.event_id.in_(ids))).mappings().all(), -1)
        conn.execute(delete(ed).where(ed.c.event_id.in_(ids)))
        conn.execute(delete(ea).where(ea.c.event_id.in_(ids)))
        actors, dyads = [], []
        for row in batch:
            ev = Event(doc_id="", type=row.type, evidence=(0, 0), reciprocal=bool(row.reciprocal),
                       certainty=row.certainty, date=row.date, quad=row.quad, goldstein=row.goldstein,
                       source=[_actor(a) for a in json.loads(row.source or "[]")],
                       target=[_actor(a) for a in json.loads(row.target or "[]")])
            found, pairs = actor_rows(row.id, ev)
            actors += found
            if row.doc_id not in copies:
                dyads += pairs
        if actors:
            conn.execute(insert(ea), actors)
        if dyads:
            conn.execute(insert(ed), dyads)
        bump_dyad_months(conn, dyads)
        last, done = ids[-1], done + len(ids)


def mark_uncoded(store, doc_ids: list[str]) -> None:
    """Forget that these documents were coded (their text for coding changed): the next
    ``code_pending`` codes them again and replaces their events."""
    cd = schema.coded_documents
    with store.writing() as conn:
        conn.execute(delete(cd).where(cd.c.doc_id.in_(doc_ids)))
