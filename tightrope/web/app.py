"""The web app: REST API, dashboard pages and static files over one store.

``create_app(db_url, token=None)`` opens the store once and serves it; ``tightrope serve``
runs it under uvicorn. The app imports the library and never the other way round.
"""

from __future__ import annotations

import gc
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tightrope import __version__
from tightrope.errors import InputError, TightropeError
from tightrope.store import Store
from tightrope.web import api, pages
from tightrope.web.security import LOGIN_PATH, TokenGate, safe_next

HERE = Path(__file__).resolve().parent


def create_app(db_url: str | None = None, token: str | None = None) -> FastAPI:
    """The app over the store at ``db_url`` (as ``--db``); with ``token``, every request must
    carry it (see :mod:`tightrope.web.security`)."""
    store = Store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        from tightrope.actors.dictionary import default_dictionary

        # The actor dictionary and the imported modules live as long as the server: load the
        # dictionary now and move all of it out of the collector's view, or every full
        # collection walks those ~180,000 objects (~100 ms, one request in ~70 stalls).
        default_dictionary()
        gc.collect()
        gc.freeze()
        yield
        store.close()

    # No /docs page: Swagger UI loads its scripts from a CDN (offline, and against our CSP).
    app = FastAPI(title="Tightrope", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", lifespan=lifespan,
                  description="Coded events, stories, briefings and relations of a Tightrope store.")
    app.state.store = store
    gate = TokenGate(token)
    app.state.gate = gate
    app.middleware("http")(gate)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _login_routes(app, gate)
    _error_handlers(app)
    return app


def _login_routes(app: FastAPI, gate: TokenGate) -> None:
    @app.get(LOGIN_PATH, include_in_schema=False)
    def login_form(request: Request, next: str = "/"):
        return pages.render(request, "login.html", next=safe_next(next), wrong=False, open=gate.token is None)

    @app.post(LOGIN_PATH, include_in_schema=False)
    async def login(request: Request):
        done = await gate.login(request)
        if done is not None:
            return done
        return pages.render(request, "login.html", next="/", wrong=True, open=gate.token is None, status_code=401)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error(request: Request, status: int, message: str):
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    return pages.render(request, "error.html", status=status, message=message, status_code=status)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return _error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
            parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return _error(request, 422, "; ".join(parts))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError):
        return _error(request, 422, str(exc))

    @app.exception_handler(TightropeError)
    async def failed(request: Request, exc: TightropeError):
        return _error(request, 500, str(exc))

