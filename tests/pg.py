"""A throwaway PostgreSQL server for the tests, installed and started by the tests themselves.

The server is Debian's ``postgresql`` package (installed with apt-get when ``initdb`` is
missing, as on a clean CI machine), initialised into a temporary directory owned by user
``postgres`` (PostgreSQL refuses to run as root), started on 127.0.0.1 on a free port with
fsync off, and stopped and deleted at the end of the session. Each test gets a database of
its own. Nothing here skips: a server that cannot be had fails the tests that need it, with
the reason.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_USER = "postgres"


class PostgresUnavailable(RuntimeError):
    """The test server could not be installed or started (the message says why)."""


def _bin_dir() -> Path:
    """The newest installed PostgreSQL's binaries, installing the Debian package if needed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        if os.geteuid() != 0:
            raise PostgresUnavailable("PostgreSQL is not installed and the tests are not root: apt-get install -y postgresql")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "postgresql"]):
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if proc.returncode != 0 and cmd[1] == "install":
                raise PostgresUnavailable(f"apt-get install postgresql failed: {proc.stderr[-2000:]}")
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
        if not found:
            raise PostgresUnavailable("apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb exists")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """One running throwaway cluster; :meth:`new_database` gives each test a fresh database."""

    def __init__(self):
        self.bin = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="tightrope-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        # as root, run the server as postgres; as anyone else, as ourselves
        self.user = PG_USER if os.geteuid() == 0 else None
        if self.user:
            pw = pwd.getpwnam(PG_USER)
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        self.root.chmod(0o700)

    def _run(self, *args: str) -> None:
        proc = subprocess.run([str(self.bin / args[0]), *args[1:]], capture_output=True, text=True,
                              user=self.user, cwd=self.root, timeout=120)
        if proc.returncode != 0:
            log = (self.root / "server.log")
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise PostgresUnavailable(f"{args[0]} failed ({proc.returncode}): {proc.stderr.strip()}\n{tail}")

    def start(self) -> "PostgresServer":
        # C locale: text sorts by code point, as in SQLite, so both backends list alike
        self._run("initdb", "-D", str(self.data), "-U", PG_USER, "-A", "trust", "--no-sync",
                  "--locale=C", "-E", "UTF8")
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", opts, "-w", "start")
        self._watchdog = self._start_watchdog()
        return self

    def _start_watchdog(self) -> subprocess.Popen:
        """A shell that stops and deletes the server if this test process dies without its
        teardown (killed by a timeout), so that no server outlives its tests."""
        as_pg = f"runuser -u {PG_USER} -- " if self.user else ""
        script = (f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 2; done; "
                  f"{as_pg}{shlex.quote(str(self.bin / 'pg_ctl'))} -D {shlex.quote(str(self.data))} -m immediate stop; "
                  f"rm -rf {shlex.quote(str(self.root))}")
        return subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={PG_USER} dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        watchdog = getattr(self, "_watchdog", None)
        if watchdog is not None:
            watchdog.kill()
            watchdog.wait()
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
