"""The language stage: one spaCy pipeline, loaded once and reused by every later stage."""

from tightrope.nlp.pipeline import TagAttributes, get_nlp, tokenize

__all__ = ["TagAttributes", "get_nlp", "tokenize"]
