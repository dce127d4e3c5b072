"""Storage of documents and everything coded from them (SQLite by default, PostgreSQL by URL)."""

from tightrope.store.db import AddResult, Store, default_db_path, resolve_db_url

__all__ = ["AddResult", "Store", "default_db_path", "resolve_db_url"]
