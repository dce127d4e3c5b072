"""Fingerprints for exact and near-duplicate detection.

Exact duplicates share a hash of the normalised text (or the same normalised URL).
Near-duplicates — syndicated wire copies, light rewrites — are found with MinHash over word
3-shingles (datasketch), banded into locality-sensitive buckets that the store keeps in a
table, so candidates are one indexed query away however large the store grows; the exact
Jaccard similarity of the shingle sets then decides. This module only computes; it never
touches the store.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

import numpy as np
from courlan import normalize_url

NUM_PERM = 128
BANDS = 32  # 32 bands × 4 rows: a pair with Jaccard 0.5 becomes a candidate with p ≈ 0.87
ROWS = NUM_PERM // BANDS
# Shingle Jaccard at or above this links a document to an earlier copy. Wire copies with a
# new headline and a changed sentence score 0.7–0.95; two reports of one event by different
# writers score below 0.1.
NEAR_DUPLICATE_THRESHOLD = 0.5

_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def _template():
    """One seeded MinHash whose permutations every signature reuses (creating them is the slow
    part). Built on first use: importing datasketch pulls in scipy (~0.4 s), which commands that
    never hash a document (``tightrope --help``, ``events``, ``serve``) should not pay for."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1)


def normalise_text(text: str) -> str:
    """Case-fold, NFKC-normalise and collapse whitespace and punctuation: the form two copies
    of one text share even when one was re-typeset (curly quotes, non-breaking spaces)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def text_hash(text: str) -> str:
    """SHA-256 of the normalised text: equal for exact copies."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def canonical_url(url: str | None) -> str | None:
    """The URL in a canonical form (lower-case host, no fragment, no tracking parameters),
    so that the same page reached by two links is recognised."""
    if not url:
        return None
    try:
        return normalize_url(url, strict=True)
    except (ValueError, TypeError):
        return url.strip()


def shingles(text: str, size: int = 3) -> set[str]:
    """The set of word ``size``-grams of the normalised text (the whole text when shorter)."""
    words = normalise_text(text).split()
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two shingle sets (0.0 when both are empty)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def band_keys(shingle_set: set[str]) -> list[int]:
    """The document's LSH buckets, one per band: a signed 64-bit hash (it fits an SQL BIGINT)
    of the band's number and its MinHash rows. Two documents share a bucket when they agree
    on every row of some band."""
    if not shingle_set:
        return []
    m = _template().copy()
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    rows = np.asarray(m.hashvalues, dtype=np.uint64).reshape(BANDS, ROWS)
    keys = []
    for band, values in enumerate(rows):
        digest = hashlib.blake2b(band.to_bytes(2, "big") + values.tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys
