"""The REST API under ``/api``: a thin face over the library, like the CLI.

Every list is paginated the same way (``limit``/``offset`` in, ``total``, ``next`` and
``items`` out); every error is JSON ``{"error": {"status", "message"}}``. Endpoints call the
library (store, stories, actors, analytics) and shape nothing but the envelope.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from tightrope.store import stories as story_rows
from tightrope.store.events import count_events, query_events
from tightrope.stories.briefing import build_briefing
from tightrope.stories.listing import parse_since, story_actor_key, story_record
from tightrope.web import charts

router = APIRouter(prefix="/api")

Certainty = Literal["asserted", "attributed", "speculative", "planned", "negated", "hypothetical"]
Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Date = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD.")]


def page(request: Request, items: list, limit: int, offset: int, total: int | None, more: bool) -> dict[str, Any]:
    """The pagination envelope: ``next`` is the URL of the following page (None on the last)."""
    nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit)) if more else None
    return {"total": total, "limit": limit, "offset": offset, "next": nxt, "items": items}


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


class FastJSONResponse(JSONResponse):
    """JSON straight from ``json.dumps``: the library already returns plain dicts, and
    FastAPI's generic encoder would cost more than the query on large answers."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=_plain).encode("utf-8")


def respond(content: Any) -> Response:
    return FastJSONResponse(content)


def store_of(request: Request):
    return request.app.state.store


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"{what} not found")


# -- documents -----------------------------------------------------------------------------


def document_dict(store, doc_id: str) -> dict[str, Any]:
    """A stored document with its integrity findings, events and story (404 when absent)."""
    doc = store.get_document(doc_id)
    if doc is None:
        raise not_found(f"document {doc_id!r}")
    out = asdict(doc)
    out.pop("integrity", None)
    found = store.get_integrity(doc_id)
    out["integrity"] = None if found is None else {k: v for k, v in asdict(found).items() if k not in ("copies", "fingerprint")}
    out["events"] = query_events(store, doc_id=doc_id)
    out["story"] = story_rows.story_ids_of(store, [doc_id]).get(doc_id)
    out["copies"] = [c.id for c in store.copies_of(doc_id)]
    return out


@router.get("/documents", tags=["documents"])
def list_documents(request: Request, limit: Limit = 50, offset: Offset = 0, since: Date = None):
    """Stored documents (metadata, no text), oldest publication first."""
    store = store_of(request)
    docs = store.documents(limit=limit + 1, offset=offset, since=since)
    items = [{k: v for k, v in asdict(d).items() if k not in ("text", "integrity")} for d in docs[:limit]]
    total = store.count_documents() if since is None else None
    return respond(page(request, items, limit, offset, total, len(docs) > limit))


@router.get("/documents/{doc_id:path}", tags=["documents"])
def get_document(request: Request, doc_id: str):
    """One document: text, metadata, spin verdict and repairs, framing flags, events, story."""
    return respond(document_dict(store_of(request), doc_id))


# -- events --------------------------------------------------------------------------------


def event_filters(actor: str | None, with_: str | None, type_: str | None, since: str | None, until: str | None,
                  certainty: str | None, doc: str | None) -> dict[str, Any]:
    return {"actor": actor or None, "with_": with_ or None, "type_": type_ or None, "since": since or None,
            "until": until or None, "certainty": certainty or None, "doc_id": doc or None}


@router.get("/events", tags=["events"])
def list_events(
    request: Request,
    actor: Annotated[str | None, Query(description="Actor key on either side (VNM, IGO:ASEAN…).")] = None,
    with_: Annotated[str | None, Query(alias="with", description="…and this key too (a dyad).")] = None,
    type_: Annotated[str | None, Query(alias="type", description="PLOVER type (CONSULT, AGREE…).")] = None,
    since: Date = None,
    until: Date = None,
    certainty: Certainty | None = None,
    doc: Annotated[str | None, Query(description="Events of one document.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
    total: Annotated[bool, Query(description="Count every stored event (unfiltered lists only).")] = False,
):
    """Stored events with evidence sentence and source document, oldest first (filters as in
    ``tightrope events``). ``next`` is always exact; ``total`` is counted only when asked for,
    and only for the unfiltered list: counting a million events costs more than the page."""
    store = store_of(request)
    filters = event_filters(actor, with_, type_, since, until, certainty, doc)
    rows = query_events(store, **filters, limit=limit + 1, offset=offset)
    total = count_events(store) if total and not any(filters.values()) else None
    return respond(page(request, rows[:limit], limit, offset, total, len(rows) > limit))


# -- stories and briefings -----------------------------------------------------------------




def story_page(store, since: str | None, actor: str | None, limit: int, offset: int) -> tuple[list, int]:
    rows = story_rows.list_stories(store, parse_since(since) if since else None, story_actor_key(actor))
    return [story_record(store, r) for r in rows[offset:offset + limit]], len(rows)


@router.get("/stories", tags=["stories"])
def list_stories(request: Request, since: Date = None, actor: str | None = None, limit: Limit = 50, offset: Offset = 0):
    """Stories, most recent first: title, dates, documents, independent sources, actors, event types."""
    records, total = story_page(store_of(request), since, actor, limit, offset)
    return respond(page(request, [asdict(r) for r in records], limit, offset, total, offset + limit < total))


@router.get("/stories/{story_id}", tags=["stories"])
def get_story(request: Request, story_id: int):
    """One story with its documents."""
    store = store_of(request)
    row = story_rows.get_story(store, story_id)
    if row is None:
        raise not_found(f"story {story_id}")
    return respond({**asdict(story_record(store, row)), "members": [asdict(m) for m in story_rows.members(store, story_id)]})


def briefing_of(store, story_id: int):
    if story_rows.get_story(store, story_id) is None:
        raise not_found(f"story {story_id}")
    return build_briefing(store, story_id)


@router.get("/briefings/{story_id}", tags=["stories"])
def get_briefing(request: Request, story_id: int):
    """The briefing of a story: six sections, every statement with its citations."""
    return respond(briefing_of(store_of(request), story_id).to_dict())


# -- actors --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _resolver():
    """One resolver for the app: building one compiles the gazetteer (about a second)."""
    from tightrope.actors.resolver import Resolver

    return Resolver()


@router.get("/actors/resolve", tags=["actors"])
def resolve_actors(text: Annotated[str, Query(min_length=1, max_length=20000)], on: Date = None):
    """Each actor mention in ``text`` on date ``on``: span, key, sector, person, role, entry."""
    from tightrope.actors.resolver import parse_day
    from tightrope.nlp import get_nlp

    mentions = _resolver().resolve(get_nlp()(text), on=on)
    return respond({"on": parse_day(on).isoformat(), "mentions": [
        {"start": m.start, "end": m.end, "text": m.text, "key": m.actor.key if m.actor else None,
         "sector": m.actor.sector if m.actor else None, "name": m.actor.name if m.actor else None,
         "role": m.role, "entry": m.entry, "via": m.via} for m in mentions]})


@router.get("/actors/{name}", tags=["actors"])
def show_actor(name: str):
    """The dictionary entries for a name, short form or key, with dated roles."""
    from tightrope.actors.dictionary import default_dictionary

    found = default_dictionary().find(name)
    if not found:
        raise not_found(f"actor {name!r} (no dictionary entry has this name, short form or key)")
    return respond({"entries": [asdict(e) for e in found]})


# -- relations (tightrope.analytics) -------------------------------------------------------


@router.get("/relations", tags=["relations"])
def get_relations(request: Request, a: str, b: str, by: Literal["week", "month", "quarter", "year"] = "month",
                  since: Date = None, until: Date = None):
    """The dyad time series of ``a`` and ``b`` in both directions (as ``tightrope relations``)."""
    return respond(charts.dyad(store_of(request), a, b, by, since, until))


@router.get("/hedging", tags=["relations"])
def get_hedging(request: Request, focal: str, powers: Annotated[str, Query(description="Comma-separated keys: USA,CHN,RUS.")],
                by: Literal["week", "month", "quarter", "year"] = "quarter", since: Date = None, until: Date = None,
                window_weeks: Annotated[int, Query(ge=1, le=104)] = 8):
    """The focal state's engagement with each power over time, balance index, tilt and
    balancing moves (as ``tightrope hedging``)."""
    return respond(charts.hedging(store_of(request), focal, powers, by, since, until, window_weeks))


@router.get("/network", tags=["relations"])
def get_network(request: Request, since: Date = None, until: Date = None,
                min_events: Annotated[int, Query(ge=1)] = 3):
    """States as nodes, dyads as edges weighted by events and signed by their cooperation/conflict balance."""
    return respond(charts.network(store_of(request), since, until, min_events))
