"""The stories stage: documents clustered into stories as they arrive, and briefings built
from every document of a story.

- :mod:`.features` — what a document looks like to the clusterer (terms, actors, events, days);
- :mod:`.scoring` — how alike a document and a story are;
- :mod:`.cluster` — the incremental clusterer (``assign_pending`` runs after coding at ingest);
- :mod:`.sources` — independent sources: wire copies and rewrites grouped under their original;
- :mod:`.listing` — stories as :class:`~tightrope.model.Story` records;
- :mod:`.briefing` and :mod:`.sections` — the briefing, one module per section;
- :mod:`.writer` — the optional generative writer and the source check its sentences must pass;
- :mod:`.render` — Markdown, HTML and JSON.

It reads the store and the stages before it (actors, events, integrity); it never changes a
document or an event.
"""
