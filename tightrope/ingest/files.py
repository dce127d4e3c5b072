"""Local files and folders into documents: .txt, .md, .html/.htm, .jsonl (and .jsonl.gz).

Each reader yields a :class:`~tightrope.model.Document` or an :class:`~tightrope.errors.InputError`
per article, never raises for one bad article, so that a batch goes on past it.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from tightrope.errors import InputError
from tightrope.ingest.dates import normalise_date
from tightrope.ingest.dedup import text_hash
from tightrope.ingest.html import document_from_html
from tightrope.ingest.text import MAX_BYTES, check_size, clean_text, decode, decode_text
from tightrope.model import Document

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonl.gz"}
# Fields of a JSONL line that are the document's own; the rest go to ``meta``.
_OWN_FIELDS = {"id", "text", "html", "title", "url", "outlet", "published", "date", "language"}

Item = Document | InputError


def derived_id(text: str) -> str:
    """A stable id for an article that came without one: the same text gets the same id."""
    return "doc-" + text_hash(text)[:16]


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else path.suffix.lower()


def is_supported(path: Path) -> bool:
    return suffix_of(path) in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def expand_paths(paths: list[str | Path]) -> tuple[list[Path], list[InputError], int]:
    """Files to read from files and folders (folders recursively, hidden files left out).
    Returns the files, errors for paths that do not exist or are not supported, and the
    number of files in folders skipped for their type."""
    files, errors, skipped = [], [], 0
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if not f.is_file() or any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                if is_supported(f):
                    files.append(f)
                else:
                    skipped += 1
        elif p.is_file():
            if is_supported(p):
                files.append(p)
            else:
                errors.append(InputError(str(p), "unsupported file type: use .txt, .md, .html, .htm or .jsonl"))
        else:
            errors.append(InputError(str(p), "no such file or folder"))
    return files, errors, skipped


def count_articles(path: Path) -> int:
    """How many articles ``path`` holds (lines for JSONL), for progress bars."""
    if suffix_of(path) not in JSONL_SUFFIXES:
        return 1
    opener = gzip.open if suffix_of(path) == ".jsonl.gz" else open
    try:
        with opener(path, "rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 1


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """The articles in one file."""
    source = str(path)
    kind = suffix_of(path)
    if kind in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
        return
    try:
        check_size(path.stat().st_size, source, max_bytes)
        data = path.read_bytes()
        text = decode_text(data, source)
        if kind in HTML_SUFFIXES:
            doc = document_from_html(text, source, doc_id="")
            doc.id = derived_id(doc.text)
            yield doc
        else:
            yield Document(id=derived_id(text), text=text, title=_title_of(text, markdown=kind in {".md", ".markdown"}), source=source)
    except InputError as err:
        yield err
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")


def _title_of(text: str, markdown: bool) -> str | None:
    """The first line as title, when it is short enough to be one and text follows it."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) < 2:
        return None
    first = lines[0]
    if markdown:
        first = first.lstrip("#").strip()
    return first if 0 < len(first) <= 200 else None


def read_jsonl(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """One article per line: ``text`` or ``html``, optional ``id``, ``title``, ``url``,
    ``outlet``, ``published`` (or ``date``, as in ANNOTATION.md's input format)."""
    opener = gzip.open if suffix_of(path) == ".jsonl.gz" else open
    try:
        fh = opener(path, "rb")
        lines = enumerate(fh, start=1)
        for number, raw in lines:
            source = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                check_size(len(raw), source, max_bytes)
                yield article_from_json(decode(raw, source), source)
            except InputError as err:
                yield err
        fh.close()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputError(str(path), f"cannot read: {exc}")


def article_from_json(line: str, source: str) -> Document:
    """A Document from one JSON object (a JSONL line or an API request body)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(source, "a JSONL line must be a JSON object with a 'text' or 'html' field")
    for key in ("id", "title", "url", "outlet", "published", "date", "language", "text", "html"):
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            raise InputError(source, f"field {key!r} must be a string")
    meta = {k: v for k, v in obj.items() if k not in _OWN_FIELDS}
    raw_date = obj.get("published") or obj.get("date")
    published = normalise_date(raw_date)
    if raw_date and not published:
        meta["published_raw"] = raw_date
    given = {
        "title": obj.get("title") or None,
        "url": obj.get("url") or None,
        "outlet": obj.get("outlet") or None,
        "published": published,
        "language": obj.get("language") or None,
        "meta": meta,
    }
    if (obj.get("text") or "").strip():
        text = clean_text(obj["text"])
        return Document(id=obj.get("id") or derived_id(text), text=text, source=source, **given)
    if (obj.get("html") or "").strip():
        doc = document_from_html(clean_text(obj["html"]), source, doc_id=obj.get("id") or "", **given)
        doc.id = doc.id or derived_id(doc.text)
        return doc
    raise InputError(source, "no 'text' or 'html' field with content")
