"""Bytes into clean text, refusing what is not text.

Every reader of the ingest stage passes raw bytes through :func:`decode` so that binary
files, empty files, undecodable bytes and mojibake are handled once, the same way, with an
error that names the input.
"""

from __future__ import annotations

import re

import ftfy
from charset_normalizer import from_bytes

from tightrope.errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # one article larger than this is not an article

# File signatures of formats that sometimes arrive with a text extension.
_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
}
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def check_size(size: int, source: str, limit: int = MAX_BYTES) -> None:
    if size > limit:
        raise InputError(source, f"too large ({size:,} bytes; the limit is {limit:,}): split it or raise --max-bytes")


def looks_binary(data: bytes) -> str | None:
    """A description of the binary format ``data`` starts with, or None when it may be text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return "binary data (it contains NUL bytes)"
    if head and len(_CONTROL.findall(head)) / len(head) > 0.05:
        return "binary data (it is full of control characters)"
    return None


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` to text: UTF-8 (with or without BOM, or UTF-16 with BOM) first, else the
    encoding charset-normaliser finds. Raises :class:`InputError` for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(source, "empty: there is no text in it")
    binary = looks_binary(data)
    if binary:
        raise InputError(source, f"not text: it looks like {binary}")
    text = None
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        guess = from_bytes(data[:65536]).best()
        if guess is None or guess.encoding is None:
            raise InputError(source, "undecodable: its encoding is neither UTF-8 nor one that can be recognised")
        try:
            text = data.decode(guess.encoding)
        except (UnicodeDecodeError, LookupError):
            raise InputError(source, f"undecodable as {guess.encoding}: save it as UTF-8") from None
    return text


def clean_text(text: str) -> str:
    """Repair mojibake (ftfy) and make line ends ``\n``. Only encoding damage is undone:
    quotes, ligatures and character widths stay as the writer typed them."""
    text = ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        normalization="NFC",
    )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, source: str) -> str:
    """:func:`decode` then :func:`clean_text`; refuses input that is only whitespace."""
    text = clean_text(decode(data, source))
    if not text.strip():
        raise InputError(source, "empty: there is no text in it")
    return text
