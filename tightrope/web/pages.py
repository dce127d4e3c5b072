"""The dashboard: server-rendered pages over the same library calls as the API.

Stories → briefing (each sentence links to the article with its span highlighted) →
document view (evidence, spin repairs, framing flags); the events explorer; relations,
hedging and network charts. Templates autoescape everything; chart data travels as JSON in
a ``<script type="application/json">`` block (never executed) that ``/static/app.js`` reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates

from tightrope.errors import InputError
from tightrope.model import Briefing, Citation
from tightrope.store import stories as story_rows
from tightrope.store.events import query_events
from tightrope.web import api, charts, figures
from tightrope.web.views import document_marks, event_note, keys, parse_span, segments

templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
templates.env.filters["keys"] = keys
templates.env.globals["event_note"] = event_note

router = APIRouter(include_in_schema=False)

PAGE = 50
EVENTS_PAGE = 100
OPTIONAL_DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # an empty form field is no filter


def render(request: Request, name: str, status_code: int = 200, **context):
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def cite_url(c: Citation) -> str:
    """The document view of a citation, its span highlighted and scrolled to."""
    path = "/documents/" + quote(c.doc_id, safe="/")
    if c.field == "title":
        return path
    return f"{path}?hl={c.start}-{c.end}#focus"


def numbered(b: Briefing) -> tuple[list[dict], list[tuple[int, Citation]]]:
    """The briefing's sections with each citation's number (in order of first use) and link."""
    index: dict[tuple, int] = {}
    order: list[tuple[int, Citation]] = []
    sections = []
    for section in b.sections:
        items = []
        for item in section.items:
            statements = []
            for st in item.statements:
                refs = []
                for c in st.cites:
                    key = (c.doc_id, c.start, c.end, c.field)
                    if key not in index:
                        index[key] = len(order) + 1
                        order.append((index[key], c))
                    refs.append({"n": index[key], "url": cite_url(c), "doc_id": c.doc_id})
                statements.append({"text": st.text, "label": st.label, "refs": refs})
            items.append({"heading": item.heading, "statements": statements, "notes": item.notes})
        sections.append({"key": section.key, "title": section.title, "parts": items})
    return sections, order


@router.get("/")
def home():
    return RedirectResponse("/stories", status_code=307)


@router.get("/stories")
def stories_page(request: Request, since: api.Date = None, actor: str | None = None, offset: api.Offset = 0):
    records, total = api.story_page(api.store_of(request), since, actor, PAGE, offset)
    return render(request, "stories.html", stories=records, total=total, offset=offset, page=PAGE,
                  since=since or "", actor=actor or "")


@router.get("/stories/{story_id}")
def briefing_page(request: Request, story_id: int):
    store = api.store_of(request)
    briefing = api.briefing_of(store, story_id)
    sections, sources = numbered(briefing)
    return render(request, "briefing.html", b=briefing, sections=sections, sources=sources,
                  members=story_rows.members(store, story_id))


@router.get("/documents")
def documents_page(request: Request, offset: api.Offset = 0):
    store = api.store_of(request)
    return render(request, "documents.html", docs=store.documents(limit=PAGE, offset=offset),
                  total=store.count_documents(), offset=offset, page=PAGE)


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, doc_id: str, hl: str | None = None):
    store = api.store_of(request)
    doc = api.document_dict(store, doc_id)
    found = store.get_integrity(doc_id)
    marks = document_marks(doc["events"], found)
    return render(request, "document.html", doc=doc, integrity=found, events=doc["events"],
                  segments=segments(doc["text"], marks, parse_span(hl)))


@router.get("/events")
def events_page(
    request: Request,
    actor: str | None = None,
    with_: Annotated[str | None, Query(alias="with")] = None,
    type_: Annotated[str | None, Query(alias="type")] = None,
    since: Annotated[str | None, Query(pattern=OPTIONAL_DATE)] = None,
    until: Annotated[str | None, Query(pattern=OPTIONAL_DATE)] = None,
    certainty: Annotated[str | None, Query(pattern=r"^$|^(asserted|attributed|speculative|planned|negated|hypothetical)$")] = None,
    doc: str | None = None,
    offset: api.Offset = 0,
):
    filters = api.event_filters(actor, with_, type_, since, until, certainty, doc)
    rows = query_events(api.store_of(request), **filters, limit=EVENTS_PAGE + 1, offset=offset)
    form = {"actor": actor or "", "with": with_ or "", "type": type_ or "", "since": since or "",
            "until": until or "", "certainty": certainty or "", "doc": doc or ""}
    nxt = str(request.url.include_query_params(offset=offset + EVENTS_PAGE)) if len(rows) > EVENTS_PAGE else None
    prev = str(request.url.include_query_params(offset=max(0, offset - EVENTS_PAGE))) if offset else None
    return render(request, "events.html", events=rows[:EVENTS_PAGE], form=form, offset=offset, next=nxt, prev=prev,
                  certainties=list(api.Certainty.__args__))


def chart_page(request: Request, name: str, build, **form):
    """A chart page: the form, and the figure or the error the analytics gave for its input."""
    try:
        figure, error = build(), None
    except InputError as exc:
        figure, error = {"data": [], "empty": ""}, str(exc)
    return render(request, name, figure=figure, error=error, status_code=422 if error else 200, **form)


@router.get("/relations")
def relations_page(request: Request, a: str = "VNM", b: str = "CHN", by: str = "month", since: str = "",
                   until: str = ""):
    store = api.store_of(request)
    return chart_page(request, "relations.html",
                      lambda: figures.dyad_figure(charts.dyad(store, a, b, by, since or None, until or None)),
                      a=a, b=b, by=by, since=since, until=until)


@router.get("/hedging")
def hedging_page(request: Request, focal: str = "VNM", powers: str = "USA,CHN,RUS", by: str = "quarter",
                 since: str = "", until: str = ""):
    store = api.store_of(request)
    try:
        report, error = charts.hedging(store, focal, powers, by, since or None, until or None), None
    except InputError as exc:
        report, error = None, str(exc)
    figure = figures.hedging_figure(report) if report else {"data": [], "empty": ""}
    return render(request, "hedging.html", figure=figure, report=report, error=error, status_code=422 if error else 200,
                  focal=focal, powers=powers, by=by, since=since, until=until)


@router.get("/network")
def network_page(request: Request, since: str = "", until: str = "", min_events: Annotated[int, Query(ge=1)] = 1):
    store = api.store_of(request)
    return chart_page(request, "network.html",
                      lambda: figures.network_figure(charts.network(store, since or None, until or None, min_events)),
                      since=since, until=until, min_events=min_events)
