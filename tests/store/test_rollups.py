"""The yearly sums of pairs of parties (migration 7), kept equal to the events through inserts,
re-coding and deletes, and a version-6 store upgraded in place. Each test runs on SQLite and on
a real PostgreSQL server."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import inspect, select, text

from tightrope.analytics import relation_network
from tightrope.model import Document, Event, EventActor
from tightrope.store import Store, schema
from tightrope.store.events import by_year, dyad_sums, save_events

_docs = itertools.count()
_QUAD = {"CONSULT": 1, "AGREE": 1, "AID": 2, "ACCUSE": 3, "SANCTION": 4}


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.close()


def _event(source: str | list[str], target: str | list[str], type_: str, date: str | None, *,
           certainty: str = "asserted", reciprocal: bool = False, source_text: str | None = None) -> Event:
    sources = [source] if isinstance(source, str) else source
    targets = [target] if isinstance(target, str) else target
    return Event(doc_id="", type=type_, source=[EventActor(k, None, source_text or k) for k in sources],
                 target=[EventActor(k, None, k) for k in targets], evidence=(0, 12), certainty=certainty,
                 date=date, goldstein=-3.0 if _QUAD[type_] > 2 else 2.5, quad=_QUAD[type_], reciprocal=reciprocal)


def _document(store: Store) -> str:
    doc_id = f"doc-{next(_docs)}"
    store.add_documents([Document(id=doc_id, text=f"A sentence that {doc_id} reports. " * 2, published="2024-01-01")])
    return doc_id


def _stored_sums(store: Store, table, period: str) -> dict[tuple, dict]:
    """The rows of ``dyad_months`` or ``dyad_years`` that count anything, keyed like dyad_sums."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(table)).mappings().all()
    out = {}
    for r in rows:
        sums = {c: r[c] for c in schema.DYAD_MONTH_SUMS}
        if any(sums.values()):
            out[(r["a"], r["b"], bool(r["mutual"]), r[period])] = sums
    return out


def _from_scratch(store: Store) -> tuple[dict, dict]:
    """The monthly and yearly sums worked out again from every stored event_dyads row."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(schema.event_dyads)).mappings().all()
    monthly = {k: v for k, v in dyad_sums(rows).items() if any(v.values())}
    return monthly, by_year(monthly)


def _assert_sums_match(store: Store) -> None:
    monthly, yearly = _from_scratch(store)
    for stored, expected in ((_stored_sums(store, schema.dyad_months, "month"), monthly),
                             (_stored_sums(store, schema.dyad_years, "year"), yearly)):
        assert stored.keys() == expected.keys()
        for key, sums in expected.items():
            assert stored[key] == pytest.approx(sums), key


def test_yearly_sums_follow_inserts_recoding_and_deletes(store):
    first, second, third = _document(store), _document(store), _document(store)
    save_events(store, {first: [_event("VNM", "CHN", "CONSULT", "2023-04-02", source_text="Vietnamese Prime Minister"),
                                _event("CHN", "VNM", "ACCUSE", "2023-11", certainty="attributed"),
                                _event("VNM", "CHN", "AGREE", "2024-01-09", reciprocal=True)],
                        second: [_event("USA", "VNM", "AID", "2024", certainty="planned"),
                                 _event("VNM", "USA", "CONSULT", None),
                                 _event(["VNM", "LAO"], [], "AGREE", "2024-06-30")]}, "test")
    _assert_sums_match(store)
    with store.engine.connect() as conn:
        years = dict(conn.execute(select(schema.dyad_years.c.year, schema.dyad_years.c.events)
                                  .where(schema.dyad_years.c.a == "VNM", schema.dyad_years.c.b == "CHN",
                                         schema.dyad_years.c.mutual.is_(False))).all())
    assert years == {"2023": 1}  # the talks; the accusation runs CHN→VNM, the agreement is mutual

    # re-coding moves a document's events to other years and pairs; coding to nothing deletes them
    save_events(store, {first: [_event("CHN", "VNM", "SANCTION", "2025-02-14"),
                                _event("VNM", "CHN", "CONSULT", "2023-04")]}, "test")
    _assert_sums_match(store)
    save_events(store, {second: [], third: [_event("RUS", "VNM", "CONSULT", "2023-12-30")]}, "test")
    _assert_sums_match(store)
    net = relation_network(store, since="2023", min_events=1)
    assert {(e["a"], e["b"]): e["events"] for e in net["edges"]} == {("CHN", "VNM"): 2, ("RUS", "VNM"): 1}
    cut = relation_network(store, since="2023-06", until="2025-01", min_events=1)  # months of 2023 and 2025
    assert [(e["a"], e["b"]) for e in cut["edges"]] == [("RUS", "VNM")]


def test_a_version_6_store_is_upgraded_in_place(db_url):
    store = Store(db_url)
    save_events(store, {_document(store): [
        _event("VNM", "CHN", "CONSULT", "2023-03-05"), _event("CHN", "VNM", "ACCUSE", None),
        _event(["VNM", "LAO"], "USA", "AGREE", "2024-03"), _event("LAO", "VNM", "AID", "2024-12-31"),
        _event("USA", "CHN", "SANCTION", "2025", certainty="attributed"),
    ]}, "test")
    bounds = [(None, None), ("2024", None), ("2023-03-06", "2024-12-30"), ("2024-03", "2025")]
    networks = [relation_network(store, since=a, until=b, min_events=1) for a, b in bounds]
    with store.engine.begin() as conn:  # as the store was before migration 7
        for index in ("ix_event_dyads_date", "ix_dyad_months_month"):
            conn.execute(text(f"DROP INDEX {index}"))
        conn.execute(text("DROP TABLE dyad_years"))
        conn.execute(text("DELETE FROM schema_version WHERE version = 7"))
    store.close()
    upgraded = Store(db_url)
    with upgraded.engine.connect() as conn:
        assert conn.execute(select(schema.schema_version.c.version).where(schema.schema_version.c.version == 7)).first()
        indexes = {i["name"] for t in ("event_dyads", "dyad_months") for i in inspect(conn).get_indexes(t)}
    assert {"ix_event_dyads_date", "ix_dyad_months_month"} <= indexes
    _assert_sums_match(upgraded)
    assert [relation_network(upgraded, since=a, until=b, min_events=1) for a, b in bounds] == networks
    assert {(e["a"], e["b"]) for e in networks[2]["edges"]} == {("LAO", "USA"), ("USA", "VNM")}
    upgraded.close()
