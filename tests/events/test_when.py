"""Event dates resolved against the publication date."""

from __future__ import annotations

import pytest

from datetime import date

from tightrope.events.when import event_date, named_days


@pytest.mark.parametrize(
    "clause, published, planned, expected",
    [
        ("Hegseth arrived in Hanoi on Sunday.", "2025-11-03", False, ("2025-11-02", False)),
        ("Hegseth will arrive on Sunday.", "2025-11-03", True, ("2025-11-09", False)),
        ("Lam arrived on Thursday.", "2025-10", False, ("2025-10", False)),
        ("Talks were held on October 9.", "2025-10-12", False, ("2025-10-09", False)),
        ("The visit ran from 9-11 October 2025.", "2025-11-01", False, ("2025-10-09", False)),
        ("They met last month.", "2025-11-02", False, ("2025-10", False)),
        ("The two sides normalized ties in 1995.", "2025-11-02", False, ("1995", True)),
        ("Xi visited in December 2023.", "2025-04-14", False, ("2023-12", True)),
        ("The ministers held talks.", "2025-11-02", False, ("2025-11", False)),
        ("The ministers held talks yesterday.", "2025-11-02", False, ("2025-11-01", False)),
        ("Hanoi signed 45 agreements.", None, False, (None, False)),
        ("He last visited Cambodia nine years ago.", "2025-04-14", False, ("2016", True)),
        ("The ministers met two months ago.", "2025-04-14", False, ("2025-02", False)),
        # the cues are read whatever the case (a headline, an all-capitals dateline)
        ("PRESIDENT ARRIVES IN LIMA ON SUNDAY", "2025-11-03", False, ("2025-11-02", False)),
        ("Envoy Last Visited Seoul Nine Years AGO", "2025-04-14", False, ("2016", True)),
        ("TALKS HELD ON OCTOBER 9", "2025-10-12", False, ("2025-10-09", False)),
        # typographic quotes and dashes around the cue; a capital dotted I (Turkish names) in the clause
        ("Hanoi’s envoy met “the delegation” last month — officials said.", "2025-11-02", False, ("2025-10", False)),
        ("İstanbul hosted the talks on 9 October.", "2025-10-12", False, ("2025-10-09", False)),
        ("Talks In İzmir Were Held Yesterday", "2025-11-02", False, ("2025-11-01", False)),
        # a sentence with the same cue, dated again for another publication date
        ("Hegseth arrived in Hanoi on Sunday.", "2025-11-10", False, ("2025-11-09", False)),
    ],
)
def test_event_dates(clause, published, planned, expected):
    assert event_date(clause, published, planned) == expected


@pytest.mark.parametrize(
    "clause, trigger, published, planned, expected",
    [
        # "N years since" dates the act it names, and only that act
        ("The trip marks three years since the upgrade of their ties.", "upgrade", "2025-06-01", False, ("2022", True)),
        ("The trip marks three years since the upgrade of their ties.", "trip", "2025-06-01", False, ("2025-06", False)),
        ("The Trip Marks Three Years SINCE The Upgrade", "Upgrade", "2025-06-01", False, ("2022", True)),
        # "this year" after a month pins the year, even in a sentence about the future
        ("It will be his second visit after the one in March this year.", "one", "2025-06-01", True, ("2025-03", False)),
        # a named time beats a bare "recent"
        ("Her most recent visit to Lima was in 2018.", "visit", "2025-06-01", False, ("2018", True)),
        # a "since" phrase dates its own act; the act carried on since then has no one date
        ("Since normalizing ties in 1995, the two countries have worked together.", "normalizing", "2025-11-02", False,
         ("1995", True)),
        ("Since normalizing ties in 1995, the two countries have worked together.", "worked", "2025-11-02", False,
         (None, True)),
        ("The two navies have trained together since 2016.", "trained", "2025-11-02", False, (None, True)),
        ("It is the first visit by a party chief since Ho Chi Minh travelled there in 1957.", "travelled", "2025-10-09",
         False, ("1957", True)),
        # a "since" phrase naming a time does not date an act outside it that is not ongoing
        ("His visit marks the highest-level trip to the country since 2019.", "visit", "2025-10-09", False,
         ("2025-10", False)),
        # the present perfect with no time named: done some time before, undated
        ("Seoul has pledged efforts to reduce tensions.", "pledged", "2025-10-06", False, (None, False)),
        ("Seoul pledged efforts to reduce tensions.", "pledged", "2025-10-06", False, ("2025-10", False)),
        ("Seoul has pledged on Monday to reduce tensions.", "pledged", "2025-10-08", False, ("2025-10-06", False)),
    ],
)
def test_event_dates_near_the_trigger(clause, trigger, published, planned, expected):
    assert event_date(clause, published, planned, at=clause.index(trigger)) == expected


def test_a_weekday_with_a_month_only_publication_is_pinned_by_a_named_day():
    clause = "Lam arrived on Thursday."
    assert event_date(clause, "2025-10", at=clause.index("arrived")) == ("2025-10", False)
    assert event_date(clause, "2025-10", at=clause.index("arrived"), week_of=date(2025, 10, 10)) == ("2025-10-09", False)
    assert event_date("Talks end on Saturday.", "2025-10", week_of=date(2025, 10, 10)) == ("2025-10-11", False)
    # a day-precise publication date already pins it
    assert event_date(clause, "2025-10-12", week_of=date(2025, 10, 1)) == ("2025-10-09", False)


def test_the_days_a_text_names_near_its_publication():
    text = "On November 2, the minister arrived. He will leave on November 5. The 2011 memorandum of June 3 stands."
    later = text.index("November 5")
    assert named_days(text, "2025-11") == [(3, date(2025, 11, 2), False), (later, date(2025, 11, 5), True)]
    assert named_days(text, "2025-11-04") == [(3, date(2025, 11, 2), False), (later, date(2025, 11, 5), True)]
    assert named_days(text, "2025-12-20") == []  # more than a month before a day-precise publication
    assert named_days(text, None) == [] and named_days("No days here.", "2025-11") == []
