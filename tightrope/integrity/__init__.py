"""The integrity stage: spun-text detection and repair, copy→original links, framing flags.

Runs between ingest and language processing (``ingest → integrity → nlp → …``). For each
document it gives an :class:`~tightrope.model.Integrity`: a spin score and verdict; for a spun
document a repaired text with the list of edits (spans into the original text, which is
never changed); the stored original the copy repeats, when there is one, in which case repair
aligns with it; and framing flags per sentence. It reads the model types and the store, never
the stages after it.

    from tightrope.integrity import IntegrityChecker
    checker = IntegrityChecker(store)          # store optional: links and aligned repair
    result = checker.check(document)           # an Integrity record

Ingest runs it through its ``prepare`` hook: ``ingest(items, store, prepare=preparer(store))``.
"""

from __future__ import annotations

from collections.abc import Callable

from tightrope.integrity import link
from tightrope.integrity.align import align
from tightrope.integrity.detect import detect
from tightrope.integrity.framing import framing_flags
from tightrope.integrity.repair import apply_edits, language_edits, original_offset
from tightrope.integrity.tokens import tokenize, words
from tightrope.model import Document, Integrity

__all__ = ["IntegrityChecker", "check_text", "check_unchecked", "preparer", "apply_edits", "original_offset"]


class IntegrityChecker:
    """Checks documents; reuse one for many (the lexicons and WordNet load once).

    With a ``store``, a spun document is linked to its stored original (and repaired by
    alignment with it), and a newly stored original re-repairs the spun copies waiting for it.
    """

    def __init__(self, store=None):
        self.store = store

    def check(self, doc: Document, original: Document | None = None, batch: list[Document] | None = None) -> Integrity:
        """The integrity record of ``doc``. ``original``: its known original, if any (else it
        is looked for in the store and in ``batch``, documents being stored with it)."""
        tokens = tokenize(doc.text)
        return self._check(doc, tokens, detect(tokens), original, batch or [])

    def _check(self, doc: Document, tokens, detection, original: Document | None, batch: list[Document]) -> Integrity:
        result = Integrity(doc.id, detection.spun, detection.score, fingerprint=link.fingerprint(tokens))
        result.flags = framing_flags(doc.id, doc.text)
        if not detection.spun:
            return result
        copy_words = [t.norm for t in tokens if t.is_word]
        if original is None:
            original, similarity = self._find_original(doc, result.fingerprint, copy_words, batch)
        else:
            similarity = link.in_order(copy_words, words(original.text))[0]
        edits = []
        aligned_spans: list[tuple[int, int]] = []
        confirmed = ""
        if original is not None:
            result.copy_of, result.copy_similarity = original.id, similarity
            aligned = align(doc.text, tokens, original.text, tokenize(original.text))
            edits = aligned.edits
            aligned_spans = [(tokens[i].start, tokens[i].end) for i in sorted(aligned.covered)]
            confirmed = _normal(original.text)
        for e in language_edits(doc.text, tokens, detection):
            clashing = [a for a in edits if a.start < e.end and e.start < a.end]
            if (confirmed and " " in e.restored and _normal(e.restored) in confirmed
                    and all(e.start <= a.start and a.end <= e.end for a in clashing)):
                # a phrase the original itself writes beats a clumsier alignment of the same words
                # ("DPRK" aligned from a teaser line, for "Democratic People's Republic of Korea")
                edits = [a for a in edits if a not in clashing]
                edits.append(e)
            elif not any(start < e.end and e.start < end for start, end in aligned_spans):
                edits.append(e)  # where the original says nothing (beyond an excerpt's end)
        result.edits = sorted(edits, key=lambda e: e.start)
        result.repaired = apply_edits(doc.text, result.edits)
        return result

    def _find_original(self, doc: Document, fp: list[str], copy_words: list[str],
                       batch: list[Document]) -> tuple[Document | None, float | None]:
        candidates: list[Document] = []
        if self.store is not None:
            for doc_id in self.store.copy_candidates(fp, exclude=doc.id, limit=link.CANDIDATES):
                found = self.store.get_document(doc_id)
                if found is not None:
                    candidates.append(found)
        for other in batch:
            if other.id != doc.id and other.integrity is not None and not other.integrity.spun:
                candidates.append(other)
        best, best_sim = None, 0.0
        for cand in candidates:
            cand_fp = cand.integrity.fingerprint if cand.integrity else link.fingerprint(tokenize(cand.text))
            ok, sim = link.is_copy(fp, cand_fp, copy_words, words(cand.text))
            if ok and sim > best_sim:
                best, best_sim = cand, sim
        return best, (best_sim if best else None)

    def prepare(self, docs: list[Document]) -> list[Document]:
        """The ingest hook: attach an integrity record to each document (clean ones first, so
        that a spun copy finds an original stored in the same batch), and re-repair stored
        spun copies that a new original in the batch is the original of."""
        scanned = []
        for doc in docs:
            doc.integrity = None
            tokens = tokenize(doc.text)
            scanned.append((doc, tokens, detect(tokens)))
        for doc, tokens, detection in sorted(scanned, key=lambda s: s[2].spun):
            doc.integrity = self._check(doc, tokens, detection, None, docs)
        if self.store is not None:
            self._relink(docs)
        # originals before their copies, so that a copy's link points at a stored document
        return sorted(docs, key=lambda d: bool(d.integrity and d.integrity.copy_of))

    def _relink(self, docs: list[Document]) -> None:
        """Stored spun copies with no original yet, of which a clean document here is it: their
        new records ride on the original's (``Integrity.copies``), stored with it."""
        if not self.store.has_unlinked_spun():
            return
        for doc in docs:
            if doc.integrity is None or doc.integrity.spun:
                continue
            for copy_id in self.store.unlinked_spun_candidates(doc.integrity.fingerprint, limit=link.CANDIDATES):
                copy = self.store.get_document(copy_id)
                stored = self.store.get_integrity(copy_id)
                if copy is None or stored is None:
                    continue
                ok, _sim = link.is_copy(stored.fingerprint, doc.integrity.fingerprint, words(copy.text), words(doc.text))
                if ok:
                    doc.integrity.copies.append(self.check(copy, original=doc))


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def check_text(text: str, doc_id: str = "text") -> Integrity:
    """The integrity record of a bare text, from language knowledge alone."""
    return IntegrityChecker().check(Document(doc_id, text))


def check_unchecked(store, checker: IntegrityChecker | None = None, batch: int = 200) -> int:
    """Check the stored documents that have no integrity row yet (stored before this stage
    existed, or by a caller that gave ingest no ``prepare`` hook); returns how many."""
    checker = checker or IntegrityChecker(store)
    pending = store.unchecked_document_ids()
    for i in range(0, len(pending), batch):
        docs = [d for d in (store.get_document(doc_id) for doc_id in pending[i : i + batch]) if d is not None]
        store.save_integrity(item for d in checker.prepare(docs) for item in (d.integrity, *d.integrity.copies))
    return len(pending)


def preparer(store=None) -> Callable[[list[Document]], list[Document]]:
    """The ``prepare`` hook for :func:`tightrope.ingest.ingest`."""
    return IntegrityChecker(store).prepare
