"""Acts the coder once read where a sentence states none, or aimed wrongly: a participle after
"with" read as active, trade in goods at large, and acts that did not happen given a target
from elsewhere in the text."""

from __future__ import annotations

from event_cases import coded, coder  # noqa: F401 (coder is a fixture)


def test_participle_after_with_is_passive(coder):
    got = coded(coder, "Tensions rose, with China accused of harassing Philippine boats.")
    assert not any(t == "ACCUSE" for t, _, _ in got)  # no one named accuses
    assert ("COERCE", ("CHN",), ("PHL",)) in got  # the act it is accused of keeps its doer


def test_participle_after_with_keeps_its_by_phrase(coder):
    got = coded(coder, "Tensions rose, with China accused by Manila of harassing Philippine boats.")
    assert ("ACCUSE", ("PHL",), ("CHN",)) in got


def test_trade_in_goods_at_large_is_a_statistic(coder):
    assert coded(coder, "Last year Vietnam imported goods worth $40 billion from China.") == []
    assert coded(coder, "Thailand exported $9 billion of products to Japan in May.") == []
    assert ("AGREE", ("VNM",), ("USA",)) in coded(coder, "Vietnam said it would buy more U.S. products.")  # a pledge
    assert ("COOPERATE", ("VNM",), ("RUS",)) in coded(coder, "Vietnam bought fighter jets worth $1 billion from Russia.")


def test_a_visit_that_did_not_happen_has_no_guessed_host(coder):
    got = coded(coder, "Japan and South Korea held talks in Tokyo on Monday. The Chinese premier did not come to visit.")
    assert not any(src == ("CHN",) for _, src, _ in got)


def test_an_act_that_did_not_happen_keeps_the_target_its_phrase_names(coder):
    got = coded(coder, "Cambodia signed the treaty last week. Thailand has not criticised it.")
    assert ("ACCUSE", ("THA",), ()) in got  # not aimed at Cambodia, named in another sentence
    got = coded(coder, "Indonesia has not voiced opposition to the Russia-Iran treaty.")
    assert ("ACCUSE", ("IDN",), ("IRN", "RUS")) in got


def test_a_visit_named_without_its_host_is_the_visitors_trip_told_elsewhere(coder):
    text = ("Turkish President Recep Tayyip Erdogan will visit Azerbaijan on June 12 for the opening of a pipeline. "
            "Iran's foreign minister met Armenian officials on Monday. Representing Turkey, Erdogan will attend the ceremony.")
    got = coded(coder, text)
    assert ("CONSULT", ("TUR",), ("AZE",)) in got
    assert not any(src == ("TUR",) and tgt == ("ARM",) for _, src, tgt in got)  # not the state named last


def test_the_partner_after_with_is_not_read_as_a_subject(coder):
    got = coded(coder, "Japan's Prime Minister calls for enhanced ties with Vietnam focusing on shipping and energy, "
                       "amid U.S. pressure.")
    assert ("AGREE", ("JPN",), ("VNM",)) in got  # not the United States, named after it
