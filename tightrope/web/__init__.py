"""The web face of Tightrope: a REST API (``/api``, OpenAPI at ``/api/openapi.json``) and a
dashboard over one store, run by ``tightrope serve``.

- :mod:`.app` — ``create_app(db_url, token=None)``: routes, errors, static files;
- :mod:`.security` — the API token, browser login and the Content-Security-Policy;
- :mod:`.api` — JSON endpoints; :mod:`.pages` — the dashboard's pages;
- :mod:`.views` — article text cut at recorded offsets for marking; :mod:`.charts` — the
  relations analytics for the API and the charts.

Like the CLI it only calls the library; no pipeline logic lives here, and no article text is
ever sent to a browser unescaped.
"""
