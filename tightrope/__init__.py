"""Tightrope: news about international politics into coded events, relations and briefings.

The pipeline runs one way — ingest → integrity → nlp → actors → events → store →
stories/analytics → web/cli — and each stage is a subpackage that reads and writes the
record types of :mod:`tightrope.model`.
"""

__version__ = "0.1.0"
