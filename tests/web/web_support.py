"""What the web tests share: the real ``tightrope`` command, a live ``tightrope serve`` on a
free loopback port, and Debian's Chromium (installed with apt-get when missing; never
``playwright install``, which downloads a browser). A helper module, not a conftest, so that
test modules can import it by name."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = HERE / "artifacts"
HOSTILE = HERE / "hostile_article.jsonl"
TOKEN = "test-token-0123456789abcdef"


def run_tightrope(*args: str, check: bool = True, timeout: float = 600, env: dict | None = None):
    """The real ``tightrope`` command in a subprocess (without any TIGHTROPE_TOKEN of ours)."""
    full = {k: v for k, v in os.environ.items() if k != "TIGHTROPE_TOKEN"} | (env or {})
    proc = subprocess.run([sys.executable, "-m", "tightrope", *args], capture_output=True, text=True,
                          timeout=timeout, env=full, cwd=REPO)
    if check and proc.returncode != 0:
        raise AssertionError(f"tightrope {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def build_sample_db(db: Path) -> subprocess.CompletedProcess:
    """The sample corpus (``tightrope demo``) and the hostile articles, ingested, coded and
    clustered; returns the demo's run."""
    demo = run_tightrope("demo", "--db", str(db))
    run_tightrope("ingest", str(HOSTILE), "--db", str(db))
    return demo


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``tightrope serve`` running in a subprocess; ``url`` is its base URL."""

    def __init__(self, db: Path, token: str | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k != "TIGHTROPE_TOKEN"}
        if token:
            env["TIGHTROPE_TOKEN"] = token
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tightrope", "serve", "--port", str(self.port), "--db", str(db)],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._wait()

    def _wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"tightrope serve exited {self.proc.returncode}:\n{self.proc.stdout.read()}")
            try:
                httpx.get(self.url + "/login", timeout=2)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError(f"tightrope serve did not answer on {self.url} within {timeout} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def ensure_chromium() -> str:
    """Debian's Chromium, installed with apt-get when missing (CI runs as root)."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    apt = shutil.which("apt-get")
    if apt is None:
        pytest.fail(f"{CHROMIUM} is missing and there is no apt-get to install it")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = [apt, "install", "-y", "--no-install-recommends", "chromium"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run([apt, "update"], env=env, capture_output=True)
        done = subprocess.run(install, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            pytest.fail(f"apt-get install chromium failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return CHROMIUM


def screenshot(pg, name: str) -> Path:
    """Keep a full-page screenshot in tests/web/artifacts/ and print where."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path
