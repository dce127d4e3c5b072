"""The shared pipeline's shortcuts give what the model as spaCy ships it gives."""

from __future__ import annotations

import spacy

from tightrope.nlp import TagAttributes, get_nlp
from tightrope.nlp.pipeline import MODEL

TEXTS = [
    "The ministers were negotiating lower tariffs, and the talks stalled over the sharpest cuts.",
    "Protesters gathered outside the embassies; police detained dozens and the courts freed them.",
    "Officials said the envoys had flown to Geneva, where the delegations were meeting quietly.",
    "The navy's newest frigates are patrolling the straits, and their crews are rehearsing landings.",
]


def _attrs(doc):
    return [(t.text, t.tag_, t.pos_, t.lemma_, str(t.morph)) for t in doc]


def test_lemmas_are_those_of_the_model_as_shipped():
    ours = get_nlp(("ner",))
    shipped = spacy.load(MODEL, disable=["ner"])
    shipped.tokenizer = ours.tokenizer  # the same tokens; the lemmatizer is what is compared
    assert [_attrs(d) for d in ours.pipe(TEXTS)] == [_attrs(d) for d in shipped.pipe(TEXTS)]


def test_only_words_not_seen_before_go_through_the_real_components():
    nlp = get_nlp(("ner",))
    fast = TagAttributes(nlp)
    sizes = []
    real_ruler = fast.ruler

    def ruler(doc):
        sizes.append(len(doc))
        return real_ruler(doc)

    fast.ruler = ruler
    want = [_attrs(d) for d in nlp.pipe(TEXTS)]
    warm = [_attrs(fast(d)) for d in nlp.pipe(TEXTS[:1], disable=TagAttributes.REPLACES)]
    sizes.clear()
    again = nlp("The ministers were negotiating lower tariffs and deeper cuts.")
    (doc,) = nlp.pipe([again.text], disable=TagAttributes.REPLACES)
    assert _attrs(fast(doc)) == _attrs(again)
    assert sizes and sizes[0] < len(doc)  # the words of the first text were not run again
    got = [_attrs(fast(d)) for d in nlp.pipe(TEXTS, disable=TagAttributes.REPLACES)]
    assert warm + got[1:] == want


def test_words_of_a_longer_pattern_learnt_apart_keep_the_real_result():
    nlp = get_nlp(("ner",))
    fast = TagAttributes(nlp)
    # after the first text, the new words of the second are "Gon" and "na" only: side by side
    # when learnt alone, as they are not in the text; then "gon na" itself
    texts = ["Bob is a name and Sue is a word.", "Gon is a name and na is a word.", "We are gon na win, y'all."]
    want = [_attrs(d) for d in nlp.pipe(texts)]
    assert [_attrs(fast(d)) for d in nlp.pipe(texts, disable=TagAttributes.REPLACES)] == want


def test_a_pipeline_without_ner_shares_the_loaded_model_and_parses_as_its_own_copy_would():
    full, ours = get_nlp(), get_nlp(("ner",))
    assert "ner" not in ours.component_names and "ner" in full.pipe_names
    assert ours.get_pipe("parser") is full.get_pipe("parser") and ours.vocab is full.vocab  # no second model
    assert ours.tokenizer is full.tokenizer and "senter" in ours.disabled
    shipped = spacy.load(MODEL, disable=["ner"])
    shipped.tokenizer = ours.tokenizer

    def parse(doc):
        return [(t.text, t.tag_, t.dep_, t.head.i, t.is_sent_start) for t in doc]

    assert [parse(d) for d in ours.pipe(TEXTS)] == [parse(d) for d in shipped.pipe(TEXTS)]
