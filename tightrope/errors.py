"""The catalogue of Tightrope's errors.

Every error a user can meet is one of these types, and its message names the input that
caused it and, where there is one, the next step. Library code raises them; the CLI prints
them on one line.
"""

from __future__ import annotations


class TightropeError(Exception):
    """Base class of every error Tightrope raises on purpose."""


class InputError(TightropeError):
    """An input (file, line, URL, feed) cannot be read or holds no article.

    ``source`` names the input, so that a batch can report which item failed and go on.
    """

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class FetchRefused(InputError):
    """A URL was refused before or during fetching (scheme, address, size, type)."""


class StoreError(TightropeError):
    """The store cannot be opened, migrated or written."""


class DictionaryError(TightropeError):
    """An actor dictionary or lexicon file is malformed."""
