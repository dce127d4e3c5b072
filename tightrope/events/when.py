"""When an event happened, from the words of its sentence and the publication date.

Rules, following ANNOTATION.md and the gold conventions: an explicit date ("October 9",
"9 October 2025", "Oct. 9") wins; a weekday ("on Sunday") is the last such day on or before
publication (the next one for planned events), or just the month when the publication date
is month-only; "yesterday"/"today"/"tomorrow", "last/next month/year", "in April",
"in 1995", "since 1995", "nine years ago", "two years since" give a day, month or year (a cue
that names a time beats a bare "recently"); a "since …" phrase dates only the act inside it
("since normalizing ties in 1995"), and an act carried on since then ("have worked together")
is undated background, as is any act in the present perfect with no time named; an event with
no cue is dated by the day of the occasion the text reports (an event's, or a past day its
lead names), else by the publication month; with a month-only publication date, a weekday is
pinned by a day the text names ("Thursday" before the "October 10" parade). ``historical``
marks background long before publication. Written here with regular expressions rather than
dateparser's search, which is slower and reads "May" or "March" in any sentence as a date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_M = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_DAY = re.compile(rf"\b{_M}\s+(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+{_M}(?:,?\s+(\d{{4}}))?\b", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:in|since|during|by|last|this|from|until)\s+{_M}(?:\s+(\d{{4}}))?\b", re.I)
_WEEKDAY = re.compile(r"\b(?:on|last|this|next|late|early)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(yesterday|today|tomorrow|last month|next month|last year|next year|(?:earlier |later )?this year|this month|last week|next week)\b", re.I)
_RECENTLY = re.compile(r"\b(recently|recent|lately|in the past)\b", re.I)
_YEAR = re.compile(r"\b(?:in|since|from|during|by|of|until|back in)\s+(?:the\s+)?((?:19|20)\d{2})\b(?!\s*%)", re.I)
_NUMBERS = {w: i for i, w in enumerate(["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                        "eleven", "twelve"], start=0)}
_NUMBERS["a"] = 1
_AGO = re.compile(r"\b(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(years?|months?)\s+ago\b", re.I)
# "two years since the upgrade": counted back from publication
_YEARS_SINCE = re.compile(r"\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+years?\s+since\b", re.I)
# "the 30th anniversary of the establishment of relations": the act marked, that many years before publication
_ANNIVERSARY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:founding\s+)?anniversary\s+of\b", re.I)
_RECENT_YEARS = re.compile(r"\b(in recent years|for decades|over the years|decades ago|years ago)\b", re.I)
# the cues in the order they are searched for, and ranked when no trigger offset is given
_ORDER = (_MONTH_DAY, _DAY_MONTH, _RELATIVE, _WEEKDAY, _MONTH_YEAR, _YEAR, _AGO, _YEARS_SINCE, _ANNIVERSARY, _RECENT_YEARS,
          _RECENTLY)
# What some cues cannot match without (a digit, "day", "ago", "since"), searched with the same
# flags first: most sentences have none, and a literal search is far cheaper than the cue's own.
_DIGIT = re.compile(r"\d")
_NEEDS = {_MONTH_DAY: _DIGIT, _DAY_MONTH: _DIGIT, _YEAR: _DIGIT, _WEEKDAY: re.compile("day", re.I),
          _AGO: re.compile("ago", re.I), _YEARS_SINCE: re.compile("since", re.I), _ANNIVERSARY: re.compile("anniversary", re.I)}
# Words one of which each of some cues contains, looked for in the lower-cased clause (a test
# of alternatives that is far cheaper than a pattern's). Not where the clause has one of the four
# letters that IGNORECASE also matches with ASCII ones ("ſ" with "s"), which lower() keeps apart.
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NEEDS_WORD = {_MONTH_DAY: _MONTH_WORDS, _DAY_MONTH: _MONTH_WORDS, _MONTH_YEAR: _MONTH_WORDS,
               _RELATIVE: ("yesterday", "today", "tomorrow", "month", "year", "week"),
               _RECENT_YEARS: ("years", "decades"), _RECENTLY: ("recent", "lately", "in the past")}


def parse_published(published: str | None) -> tuple[date | None, str]:
    """The publication date as a day and its precision ('day', 'month', 'year', 'none')."""
    if not published:
        return None, "none"
    parts = published[:10].split("-")
    try:
        if len(parts) >= 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1), "month"
        return date(int(parts[0]), 1, 1), "year"
    except ValueError:
        return None, "none"


def _fmt(day: date, precision: str) -> str:
    return {"day": day.isoformat(), "month": f"{day:%Y-%m}", "year": f"{day:%Y}"}[precision]


def event_date(clause: str, published: str | None, planned: bool = False, at: int | None = None,
               default: str | None = None, week_of: date | None = None) -> tuple[str | None, bool]:
    """The event's date (ISO, or a month/year prefix, or None) and whether it is historical.
    ``at`` is the trigger's offset in ``clause``: of several date cues, the nearest one wins
    ("held talks on Thursday … the founding of the party (October 10, 1945)"). ``default``
    dates an event with no cue (the day of the occasion the text reports, when known); else
    it gets the publication month. ``week_of`` is a day the text names (:func:`named_days`): with
    a month-only publication date, a weekday is the one nearest it ("Thursday" before the
    "October 10" parade), not just the month."""
    pub, precision = parse_published(published)
    # "two years since the upgrade", "the 30th anniversary of the normalisation" date only the act
    # they name, which follows them
    cues = [(m, p) for m, p in _cues(clause)
            if p not in (_YEARS_SINCE, _ANNIVERSARY) or (at is not None and 0 <= at - m.end() < 60
                                                         and (p is _YEARS_SINCE or "," not in clause[m.end() : at]))]
    days = [m for m, p in cues if p in (_MONTH_DAY, _DAY_MONTH, _AGO)]
    # "from October 9 to 11": the day, not the month that overlaps it
    cues = [(m, p) for m, p in cues if p in (_MONTH_DAY, _DAY_MONTH, _AGO) or not any(m.start() < d.end() and d.start() < m.end() for d in days)]
    # "its most recent visit was in 2019": a cue that names a time beats one that only says "recent"
    undated = (_RECENT_YEARS, _RECENTLY)
    if at is not None:
        cues.sort(key=lambda c: (c[1] in undated, min(abs(c[0].start() - at), abs(c[0].end() - at))))
    else:
        cues.sort(key=lambda c: _ORDER.index(c[1]))
    ongoing = False
    for m, pattern in cues:
        if at is not None and pattern not in (_YEARS_SINCE, _ANNIVERSARY) and _outside_since_phrase(clause, m, at):
            ongoing = True  # "Since normalizing ties in 1995, the two countries have worked together"
            continue
        if pattern is _WEEKDAY and precision == "month" and week_of is not None:
            return _nearest_weekday(m, week_of), False
        found = _resolve(m, pattern, pub, precision, planned)
        if found is not None:
            return found
    if at is not None and _PERFECT.search(clause[:at]):
        # the present perfect with no time named: an act carried on or done some time before
        # ("have worked together", "has pledged efforts"), background with no one date
        return None, ongoing
    if default is not None:
        return default, False
    if pub is None:
        return None, False
    return _fmt(pub, "month" if precision in ("day", "month") else "year"), False


# "since" opening a phrase that dates its own act ("since normalizing ties in 1995", "since Ho Chi
# Minh visited in 1957"); the phrase runs to the next comma, semicolon or dash
_SINCE = re.compile(r"\bsince\b", re.I)
_PHRASE_END = re.compile(r"[,;—–]|\s-\s")
# the present perfect just before a trigger ("have worked", "has long supported")
_PERFECT = re.compile(r"\b(?:has|have|'ve|’ve)\s+(?:\w+ly\s+|also\s+|already\s+|long\s+|since\s+)?$", re.I)


def _since_phrase(clause: str, m) -> tuple[int, int] | None:
    """The span of the "since …" phrase a date cue belongs to, if any: a "since" at most 80
    characters before it with no comma between (the cue "since 1995" is its own phrase)."""
    if m.group(0).lower().startswith("since"):
        return m.start(), m.end()
    start = None
    for s in _SINCE.finditer(clause, max(0, m.start() - 80), m.start()):
        start = s.start()
    if start is None or _PHRASE_END.search(clause, start, m.start()):
        return None
    end = _PHRASE_END.search(clause, m.end())
    return start, end.start() if end else len(clause)


def _outside_since_phrase(clause: str, m, at: int) -> bool:
    """Whether the cue ``m`` is in a since-phrase that the trigger at ``at`` is not in: the
    phrase dates another act, from which the trigger's has gone on."""
    span = _since_phrase(clause, m)
    return span is not None and not span[0] <= at < span[1]


@lru_cache(maxsize=256)
def _cues(clause: str) -> tuple:
    """Every date cue in ``clause``, with its pattern. Cached: a sentence with several events
    is dated once per event, and the cues depend on its words alone."""
    present: dict[re.Pattern, bool] = {}
    lower = None if not clause.isascii() and any(c in clause for c in _ODD_FOLDS) else clause.lower()
    cues = []
    for pattern in _ORDER:
        need = _NEEDS.get(pattern)
        if need is not None:
            if need not in present:  # the digit once for its three cues
                present[need] = need.search(clause) is not None
            if not present[need]:
                continue
        words = _NEEDS_WORD.get(pattern)
        if words is not None and lower is not None and not any(w in lower for w in words):
            continue
        cues.extend((m, pattern) for m in pattern.finditer(clause))
    return tuple(cues)


def _resolve(m, pattern, pub: date | None, precision: str, planned: bool):
    def explicit_year(y: str | None, month: int) -> int | None:
        if y:
            return int(y)
        if pub is None:
            return None
        # "October 9" in a November article is this year's; "December 12" in a January one last year's
        if planned:
            return pub.year if month >= pub.month else pub.year + 1
        return pub.year if month <= pub.month + (1 if precision != "day" else 0) else pub.year - 1

    def month_of(word: str) -> int | None:
        word = word.lower().rstrip(".")
        return MONTHS.get(word) or MONTHS.get(word[:3])

    if pattern in (_MONTH_DAY, _DAY_MONTH):
        month_s, day_s = (m.group(1), m.group(2)) if pattern is _MONTH_DAY else (m.group(2), m.group(1))
        month = month_of(month_s)
        year = explicit_year(m.group(3), month) if month else None
        if month and year:
            try:
                day = date(year, month, int(day_s))
            except ValueError:
                return None
            return day.isoformat(), _is_historical(day, pub)
        return None
    if pattern is _RELATIVE:
        if pub is None:
            return None
        word = " ".join(m.group(1).lower().split())
        if word in ("yesterday", "today", "tomorrow"):
            if precision != "day":
                return _fmt(pub, "month"), False
            return (pub + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])).isoformat(), False
        if word in ("last month", "next month"):
            month = pub.month + (-1 if word.startswith("last") else 1)
            year = pub.year + (month > 12) - (month < 1)
            return f"{year}-{(month - 1) % 12 + 1:02d}", False
        if word.endswith("year"):
            return str(pub.year + (-1 if word.startswith("last") else 1 if word.startswith("next") else 0)), False
        return _fmt(pub, "month"), False
    if pattern is _WEEKDAY:
        if pub is None:
            return None
        if precision != "day":
            return _fmt(pub, "month"), False
        target = WEEKDAYS[m.group(1).lower()]
        if planned:
            delta = (target - pub.weekday()) % 7 or 7
            return (pub + timedelta(days=delta)).isoformat(), False
        return (pub - timedelta(days=(pub.weekday() - target) % 7)).isoformat(), False
    if pattern is _MONTH_YEAR:
        month = month_of(m.group(1))
        year = explicit_year(m.group(2), month) if month else None
        following = m.string[m.end() : m.end() + 12].lower().lstrip()
        if month and pub and not m.group(2) and following.startswith(("this year", "last year")):
            year = pub.year - following.startswith("last")  # "in August this year", whatever the tense
        if month and year:
            day = date(year, month, 1)
            return _fmt(day, "month"), _is_historical(day, pub)
        return None
    if pattern is _YEAR:
        year = int(m.group(1))
        if pub is None or year <= pub.year + 5:
            since = "since" in m.group(0).lower()
            return str(year), bool(pub and (year < pub.year - 1 or (since and year < pub.year)))
        return None
    if pattern is _AGO:  # "nine years ago", "two months ago": counted back from publication
        if pub is None:
            return None
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1).lower()]
        if m.group(2).lower().startswith("year"):
            return str(pub.year - n), n > 1
        month = pub.month - n
        year = pub.year + (month - 1) // 12
        return f"{year}-{(month - 1) % 12 + 1:02d}", n > 12
    if pattern in (_YEARS_SINCE, _ANNIVERSARY):  # the act marked, that many years before publication
        if pub is None:
            return None
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1).lower()]
        return str(pub.year - n), n >= 1
    if pattern is _RECENT_YEARS:
        return None, True
    if pattern is _RECENTLY:
        return None, False
    return None


def _nearest_weekday(m, day: date) -> str:
    """The named weekday nearest ``day`` (the earlier one of two as near)."""
    target = WEEKDAYS[m.group(1).lower()]
    back = (day.weekday() - target) % 7
    return (day - timedelta(days=back) if back <= 3 else day + timedelta(days=7 - back)).isoformat()


# words that make a sentence's named day one still to come ("will visit on October 20")
_FUTURE = re.compile(r"\b(will|would|shall|to be held|is to|are to|due to|set to|expected|scheduled|planned|plans|next)\b",
                     re.I)


def named_days(text: str, published: str | None) -> list[tuple[int, date, bool]]:
    """The days a text names in the publication's month, or within the month before a
    day-precise publication: (offset, day, whether its sentence speaks of the future)."""
    pub, precision = parse_published(published)
    if pub is None or precision == "year" or not _DIGIT.search(text):
        return []
    out = []
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            found = _resolve(m, pattern, pub, precision, False)
            if found is None:
                continue
            day = date.fromisoformat(found[0])
            near = (day.year, day.month) == (pub.year, pub.month) if precision == "month" else -1 <= (pub - day).days <= 31
            if near:
                start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
                end = min((i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0), default=len(text))
                out.append((m.start(), day, bool(_FUTURE.search(text, start, end))))
    return sorted(out)


def _is_historical(day: date, pub: date | None) -> bool:
    return bool(pub and (pub - day).days > 365)
