"""TagAttributes gives exactly what spaCy's attribute ruler and lemmatizer give."""

from __future__ import annotations

from tightrope.nlp import TagAttributes, get_nlp

TEXTS = [
    "There is a plan, and there were talks; y'all are gon na see it. Let's go, it ain't so.",
    "Vietnam's Defense Minister Phan Van Giang met Pete Hegseth, who was visiting Hanoi, and they signed agreements.",
    "The ships were rammed and water-cannoned; China denied it had done so and said Hanoi's claims are baseless.",
    "Xi Jinping will visit Malaysia and Cambodia next, having visited Vietnam on Monday.",
]


def _attrs(doc):
    return [(t.text, t.pos_, t.lemma_, str(t.morph)) for t in doc]


def test_same_output_as_the_real_components_cold_and_warm():
    nlp = get_nlp(("ner",))
    fast = TagAttributes(nlp)
    want = [_attrs(d) for d in nlp.pipe(TEXTS)]
    for _ in range(2):  # first call fills the cache, the second reads it
        got = [_attrs(fast(d)) for d in nlp.pipe(TEXTS, disable=TagAttributes.REPLACES)]
        assert got == want
    assert fast.cache  # something was remembered


def test_contractions_of_longer_patterns_go_through_the_real_components():
    nlp = get_nlp(("ner",))
    fast = TagAttributes(nlp)
    doc = fast(next(nlp.pipe(["They are gon na win."], disable=TagAttributes.REPLACES)))
    assert [t.lemma_ for t in doc][2:4] == ["go", "to"]
