"""Briefings as Markdown, HTML and JSON.

Every statement is followed by numbered citations; the numbers lead to a closing list of
sources (document id, character span, outlet, URL), so each sentence can be checked against
the article it comes from (``tightrope docs show ID``). Renderers only format: they never read
the store or change a briefing.
"""

from __future__ import annotations

import html
import json

from tightrope.model import Briefing, Citation, Statement

PREFIX_LABELS = {"timeline", "papers"}  # sections whose labels read before the sentence


class _Numbers:
    """Citation numbers in order of first use."""

    def __init__(self) -> None:
        self.order: list[Citation] = []
        self._index: dict[tuple, int] = {}

    def __call__(self, c: Citation) -> int:
        key = (c.doc_id, c.start, c.end, c.field)
        if key not in self._index:
            self.order.append(c)
            self._index[key] = len(self.order)
        return self._index[key]


def _summary(b: Briefing) -> str:
    s = b.story
    dates = s.first_published if s.first_published == s.last_published else f"{s.first_published} to {s.last_published}"
    parts = [f"Story {s.id}", dates or "undated",
             f"{len(s.documents)} article{'s' if len(s.documents) != 1 else ''} from {s.sources} independent "
             f"source{'s' if s.sources != 1 else ''}"]
    if s.actors:
        parts.append("actors: " + ", ".join(s.actors))
    if s.event_types:
        parts.append("events: " + ", ".join(s.event_types[:6]))
    return " · ".join(parts)


def _source_line(n: int, c: Citation) -> str:
    where = "title" if c.field == "title" else f"characters {c.start}–{c.end}"
    return f"[{n}] {c.doc_id}, {where}" + (f" — {c.outlet}" if c.outlet else "") + (f" — {c.url}" if c.url else "")


# -- Markdown ---------------------------------------------------------------------------------


def to_markdown(b: Briefing) -> str:
    numbers = _Numbers()
    out = [f"# {b.story.title}", "", f"_{_summary(b)}_", ""]
    for section in b.sections:
        out += [f"## {section.title}", ""]
        if not section.items:
            out += ["_Nothing in the sources for this section._", ""]
        for item in section.items:
            if item.heading:
                out += [f"### {item.heading}", ""]
            for st in item.statements:
                out.append("- " + _md_statement(st, section.key, numbers))
            for note in item.notes:
                out.append(f"- _{note}_")
            out.append("")
    if b.dropped:
        out += ["## Dropped by the source check", ""] + [f"- ~~{d}~~" for d in b.dropped] + [""]
    out += ["## Sources", ""] + [_source_line(n, c) for n, c in enumerate(numbers.order, start=1)]
    out.append(f"\n_Written by the {b.writer} writer; every sentence cites the article span it comes from._")
    return "\n".join(out) + "\n"


def _md_statement(st: Statement, section: str, numbers: _Numbers) -> str:
    refs = "".join(f"[{numbers(c)}]" for c in st.cites)
    if not st.label:
        return f"{st.text} {refs}"
    if section in PREFIX_LABELS:
        return f"**{st.label}** — {st.text} {refs}"
    return f"{st.text} {refs} _({st.label})_"


# -- HTML -------------------------------------------------------------------------------------

_CSS = """body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem;margin-bottom:.3rem}
.meta,.note,.label{color:#666}.note{font-style:italic}sup a{text-decoration:none}ol.sources{font-size:.9rem}"""


def to_html(b: Briefing) -> str:
    e = html.escape
    numbers = _Numbers()
    body = [f"<h1>{e(b.story.title)}</h1>", f"<p class=meta>{e(_summary(b))}</p>"]
    for section in b.sections:
        body.append(f"<section id={e(section.key)}><h2>{e(section.title)}</h2>")
        if not section.items:
            body.append("<p class=note>Nothing in the sources for this section.</p>")
        for item in section.items:
            if item.heading:
                body.append(f"<h3>{e(item.heading)}</h3>")
            body.append("<ul>")
            for st in item.statements:
                refs = "".join(f'<sup><a href="#src-{numbers(c)}">{numbers(c)}</a></sup>' for c in st.cites)
                label = f' <span class=label>({e(st.label)})</span>' if st.label else ""
                if st.label and section.key in PREFIX_LABELS:
                    body.append(f"<li><b>{e(st.label)}</b> — {e(st.text)}{refs}</li>")
                else:
                    body.append(f"<li>{e(st.text)}{refs}{label}</li>")
            body += [f"<li class=note>{e(n)}</li>" for n in item.notes]
            body.append("</ul>")
        body.append("</section>")
    if b.dropped:
        body.append("<h2>Dropped by the source check</h2><ul>" + "".join(f"<li><s>{e(d)}</s></li>" for d in b.dropped) + "</ul>")
    body.append("<h2>Sources</h2><ol class=sources>")
    for n, c in enumerate(numbers.order, start=1):
        where = "title" if c.field == "title" else f"characters {c.start}–{c.end}"
        link = f' — <a href="{e(c.url)}">{e(c.url)}</a>' if c.url else ""
        outlet = f" — {e(c.outlet)}" if c.outlet else ""
        body.append(f"<li id=src-{n}><code>{e(c.doc_id)}</code>, {where}{outlet}{link}</li>")
    body.append(f"</ol><p class=note>Written by the {e(b.writer)} writer; every sentence cites the article span it comes from.</p>")
    return ("<!doctype html><html lang=en><head><meta charset=utf-8>"
            f"<title>{e(b.story.title)}</title><style>{_CSS}</style></head><body>" + "\n".join(body) + "</body></html>\n")


# -- JSON -------------------------------------------------------------------------------------


def to_json(b: Briefing) -> str:
    return json.dumps(b.to_dict(), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"md": to_markdown, "html": to_html, "json": to_json}
