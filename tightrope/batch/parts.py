"""Cutting large inputs into parts, and reading one part.

A part is the unit of batch work: a range of lines of a JSONL (or JSONL.gz) file, one WARC
file, or a run of plain text/HTML/Markdown files. Parts are planned once on the driver; each
is read on a worker by :func:`read_part`, yielding the same documents (same ids, same
``source``) that ``tightrope ingest`` reads from the same files, in the same order. A part's
``key`` changes when its file changes, so a rerun over edited inputs is noticed.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tightrope.errors import InputError
from tightrope.ingest.files import JSONL_SUFFIXES, article_from_json, derived_id, expand_paths, read_file, suffix_of
from tightrope.ingest.html import document_from_html
from tightrope.ingest.text import MAX_BYTES, check_size, clean_text, decode, decode_text
from tightrope.model import Document

WARC_SUFFIXES = (".warc", ".warc.gz")
PART_SIZE = 500  # JSONL lines (or plain files) per part

Item = Document | InputError


@dataclass(frozen=True, slots=True)
class Part:
    """One unit of batch work. ``index`` orders parts as the inputs were given."""

    index: int
    kind: str  # jsonl | warc | files
    paths: tuple[str, ...]
    start: int = 0  # jsonl: first line number (1-based, inclusive)
    stop: int = 0  # jsonl: last line number + 1
    articles: int = 0  # how many articles it holds (at most; for progress)
    key: str = ""

    @property
    def label(self) -> str:
        """What a person reads in a report: the file, and the lines for a JSONL part."""
        if self.kind == "jsonl":
            return f"{self.paths[0]}:{self.start}-{self.stop - 1}"
        if len(self.paths) == 1:
            return self.paths[0]
        return f"{self.paths[0]} … {self.paths[-1]} ({len(self.paths)} files)"


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _fingerprint(*paths: str) -> str:
    h = hashlib.sha1()
    for p in paths:
        st = Path(p).stat()
        h.update(f"{Path(p).resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()


def _line_count(path: Path) -> int:
    opener = gzip.open if suffix_of(path) == ".jsonl.gz" else open
    try:
        with opener(path, "rb") as fh:
            return sum(1 for _ in fh)
    except (OSError, EOFError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from None


def plan_parts(inputs: list[str | Path], part_size: int = PART_SIZE) -> tuple[list[Part], list[InputError]]:
    """The parts of ``inputs`` (files and folders, folders recursively), in input order (WARC
    files last), and an error for each input that cannot be read."""
    plain: list[Path] = []
    warcs: list[Path] = []
    for p in map(Path, inputs):
        if p.is_dir():  # expand_paths passes over the WARC files in it: they are gathered here
            warcs += sorted(f for f in p.rglob("*") if f.is_file() and is_warc(f)
                            and not any(x.startswith(".") for x in f.relative_to(p).parts))
            plain.append(p)
        elif p.is_file() and is_warc(p):
            warcs.append(p)
        else:
            plain.append(p)
    files, errors, _skipped = expand_paths(plain)
    parts: list[Part] = []
    run: list[str] = []

    def add(kind: str, paths: tuple[str, ...], start: int = 0, stop: int = 0, articles: int = 0) -> None:
        key = hashlib.sha1(f"{kind}|{_fingerprint(*paths)}|{start}|{stop}".encode()).hexdigest()[:20]
        parts.append(Part(len(parts), kind, paths, start, stop, articles, key))

    def flush_run() -> None:
        if run:
            add("files", tuple(run), articles=len(run))
            run.clear()

    for f in files:
        if suffix_of(f) in JSONL_SUFFIXES:
            flush_run()
            try:
                lines = _line_count(f)
            except InputError as err:
                errors.append(err)
                continue
            for start in range(1, lines + 1, part_size):
                stop = min(start + part_size, lines + 1)
                add("jsonl", (str(f),), start, stop, stop - start)
        else:
            run.append(str(f))
            if len(run) >= part_size:
                flush_run()
    flush_run()
    for w in warcs:
        add("warc", (str(w),), articles=0)
    return parts, errors


def read_part(part: Part, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """The articles of one part, as ``tightrope ingest`` would read them."""
    if part.kind == "jsonl":
        yield from _read_lines(Path(part.paths[0]), part.start, part.stop, max_bytes)
    elif part.kind == "warc":
        yield from read_warc(Path(part.paths[0]), max_bytes)
    else:
        for p in part.paths:
            yield from read_file(Path(p), max_bytes)


def _read_lines(path: Path, start: int, stop: int, max_bytes: int) -> Iterator[Item]:
    opener = gzip.open if suffix_of(path) == ".jsonl.gz" else open
    try:
        with opener(path, "rb") as fh:
            for number, raw in enumerate(fh, start=1):
                if number >= stop:
                    break
                if number < start or not raw.strip():
                    continue
                source = f"{path}:{number}"
                try:
                    check_size(len(raw), source, max_bytes)
                    yield article_from_json(decode(raw, source), source)
                except InputError as err:
                    yield err
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputError(str(path), f"cannot read: {exc}")


def read_warc(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """The HTML pages of a WARC file's response records, one article each (its URL the
    record's target URI, its date the record's date); other records are passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        if not _starts_like_warc(path):
            yield InputError(str(path), "not a readable WARC file: it does not begin with a WARC record")
            return
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                source = f"{path}#{url}"
                try:
                    body = record.content_stream().read(max_bytes + 1)
                    check_size(len(body), source, max_bytes)
                    html = clean_text(decode_text(body, source))
                    when = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                    doc = document_from_html(html, source, doc_id="", url=url)
                    doc.published = doc.published or when
                    doc.id = derived_id(doc.text)
                    yield doc
                except InputError as err:
                    yield err
    except (OSError, ArchiveLoadFailed, EOFError) as exc:
        yield InputError(str(path), f"not a readable WARC file: {exc}")


def _starts_like_warc(path: Path) -> bool:
    """Whether the file (gzipped or not) begins with a WARC record header."""
    with open(path, "rb") as fh:
        head = fh.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    with opener(path, "rb") as fh:
        return fh.read(5) == b"WARC/"
