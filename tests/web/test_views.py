"""Cutting article text at recorded offsets for marking, and building chart figures."""

from __future__ import annotations

from tightrope.web.figures import balance_colour, network_figure
from tightrope.web.views import Mark, parse_span, segments


def test_segments_cover_the_text_once_and_carry_every_overlapping_mark():
    text = "Hanoi hosted talks. Beijing objected loudly."
    segs = segments(text, [Mark(0, 19, "evidence", "CONSULT"), Mark(6, 12, "spun", "restored"),
                           Mark(20, 44, "evidence", "PROTEST")], focus=(20, 44))
    assert "".join(s.text for s in segs) == text
    by_text = {s.text: s for s in segs}
    assert by_text["hosted"].kinds == ["evidence", "spun"] and by_text["hosted"].notes == ["CONSULT", "restored"]
    assert by_text["Hanoi "].kinds == ["evidence"]
    assert by_text[" "].kinds == []
    anchored = [s for s in segs if s.anchor]
    assert len(anchored) == 1 and anchored[0].text == "Beijing objected loudly." and "focus" in anchored[0].kinds


def test_marks_beyond_the_text_are_clipped_or_dropped():
    segs = segments("short", [Mark(3, 99, "evidence"), Mark(40, 50, "spun"), Mark(2, 2, "flag-loaded")])
    assert [(s.text, s.kinds) for s in segs] == [("sho", []), ("rt", ["evidence"])]


def test_hl_parameter():
    assert parse_span("120-245") == (120, 245)
    for bad in (None, "", "12", "9-3", "a-b", "-5-9"):
        assert parse_span(bad) is None


def test_network_figure_colours_edges_by_balance_and_sizes_by_events():
    net = {"nodes": [{"key": "VNM", "events": 12}, {"key": "CHN", "events": 9}, {"key": "USA", "events": 3}],
           "edges": [{"a": "CHN", "b": "VNM", "events": 9, "cooperation": 2, "conflict": 7, "balance": -0.5556},
                     {"a": "USA", "b": "VNM", "events": 3, "cooperation": 3, "conflict": 0, "balance": 1.0}]}
    fig = network_figure(net)
    lines = [t for t in fig["data"] if t["mode"] == "lines"]
    assert [t["line"]["color"] for t in lines] == [balance_colour(-0.5556), balance_colour(1.0)]
    assert balance_colour(-0.5556) != balance_colour(1.0) != balance_colour(None)
    assert lines[0]["line"]["width"] > lines[1]["line"]["width"]
    nodes = fig["data"][-1]
    assert nodes["text"] == ["VNM", "CHN", "USA"] and nodes["marker"]["size"][0] > nodes["marker"]["size"][2]
    assert network_figure({"nodes": [], "edges": []})["data"] == []
