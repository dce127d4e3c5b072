"""``tightrope serve``: the REST API and the dashboard over a store."""

from __future__ import annotations

import ipaddress
import os

import click

from tightrope.cli import main
from tightrope.cli.common import console, db_option
from tightrope.errors import InputError

ENV_TOKEN = "TIGHTROPE_TOKEN"


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def dashboard_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    if host in ("0.0.0.0", "::"):
        shown = "127.0.0.1"
    return f"http://{shown}:{port}/"


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback needs $TIGHTROPE_TOKEN.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@db_option
def serve_command(host, port, db):
    """Serve the REST API (/api, OpenAPI schema at /api/openapi.json) and the dashboard
    (stories, briefings, events, documents, relations, hedging, network).

    With $TIGHTROPE_TOKEN set, every request must carry it: `Authorization: Bearer TOKEN`
    for scripts, or log in once at /login in a browser. Binding beyond loopback is refused
    without a token.

    \b
    Examples:
      tightrope serve --db ~/.local/share/tightrope/demo.db
      TIGHTROPE_TOKEN=$(openssl rand -hex 16) tightrope serve --host 0.0.0.0 --port 8080
      curl -H "Authorization: Bearer $TIGHTROPE_TOKEN" 'http://HOST:8080/api/events?actor=VNM&with=CHN'
    """
    import uvicorn

    from tightrope.web.app import create_app

    token = os.environ.get(ENV_TOKEN) or None
    if not is_loopback(host) and token is None:
        raise InputError(f"--host {host}", f"serving beyond loopback needs an API token: set {ENV_TOKEN} "
                                           "(e.g. TIGHTROPE_TOKEN=$(openssl rand -hex 16)) or use --host 127.0.0.1")
    if token is not None and len(token) < 16:
        raise InputError(ENV_TOKEN, "the API token is too short: use 16 characters or more")
    app = create_app(db, token=token)
    console.print(f"Tightrope dashboard on {app.state.store.url}: open {dashboard_url(host, port)}"
                  + (" (log in with $TIGHTROPE_TOKEN)" if token else "") + "  — Ctrl+C to stop")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)
