"""What the coder makes of a sentence, as the event tests compare it: one coder per test
module, and each event as (type, source keys, target keys). (A helper module rather than a
conftest.py, whose name would clash with the top-level one.)"""

from __future__ import annotations

import pytest

from tightrope.events.coder import EventCoder


@pytest.fixture(scope="module")
def coder():
    return EventCoder()


def coded(coder, text, date="2025-06-02"):
    """(type, source keys, target keys) of each event of a text."""
    return [(e.type, tuple(sorted({a.key for a in e.source})), tuple(sorted({a.key for a in e.target})))
            for e in coder.code("t", text, date)]
