"""Shared fixtures: a fresh store per test, and the paths of the project's real inputs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tightrope.store import Store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, skipping the test where the checkout has none beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present beside this checkout")
    return path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path):
    s = Store(str(db_path))
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the session (tests/pg.py): installed and started
    here, stopped and deleted at the end; a server that cannot start fails the test."""
    from pg import PostgresServer, PostgresUnavailable

    server = None
    try:
        server = PostgresServer()
        server.start()
    except PostgresUnavailable as exc:
        if server is not None:
            server.stop()
        pytest.fail(f"the PostgreSQL test server could not be started: {exc}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    """The database engine of a test parametrised over both (use with ``db_url``)."""
    return request.param


@pytest.fixture
def db_url(backend, tmp_path, request) -> str:
    """A fresh, empty database of the test's ``backend``, as a URL."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return request.getfixturevalue("pg_server").new_database()


def run_cli(*args: str, db: Path | None = None, check: bool = True, timeout: float = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real ``tightrope`` command in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    if db is not None:
        full_env["TIGHTROPE_DB"] = str(db)
    proc = subprocess.run(
        [sys.executable, "-m", "tightrope", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        cwd=REPO,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"tightrope {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc

sys.path.insert(0, str(REPO))  # the test tools in tools/
