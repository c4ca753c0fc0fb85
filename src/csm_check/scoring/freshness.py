"""Evidence that expires (pure): when an answer's evidence is due for review, and what a
stale answer still counts for.

review date = the answer's `review_by`, else `checked_on` + the criterion's review interval
(`review_months`; 12 for a criterion with law behind it), else none. An answer is stale when
its review date lies before the day judged; it then counts as at most the model's
`stale_level_cap` (default 2) for everything that reads its level: score, knock-out minimum,
next steps. Only dated answers go stale: a level 3 or 4 without dates is "undated" (shown so,
never capped); missing notes are the `require_evidence` rule's business.
"""

from __future__ import annotations

import calendar
import datetime as dt

from csm_check.answers import Answer
from csm_check.frozen import frozen, replace
from csm_check.model import Criterion


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months; a day the target month lacks becomes its last day
    (31 January + 1 month = 28 or 29 February), as calendars and contracts count."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due(criterion: Criterion, answer: Answer) -> dt.date | None:
    """The day the answer's evidence must be checked again, if it says or implies one."""
    if answer.review_by is not None:
        return answer.review_by
    interval = criterion.review_interval
    if answer.checked_on is not None and interval is not None:
        return add_months(answer.checked_on, interval)
    return None


def is_stale(criterion: Criterion, answer: Answer, day: dt.date | None) -> bool:
    """Whether the answer's review date has passed on `day` (an answered level only)."""
    due = review_due(criterion, answer)
    return answer.level is not None and due is not None and day is not None and due < day


@frozen
class Freshness:
    """What a stale answer claimed and until when its evidence held."""

    claimed_level: float
    review_due: dt.date


def cap(
    criterion: Criterion, answer: Answer, day: dt.date | None, level_cap: int
) -> tuple[Answer, Freshness | None]:
    """The answer as it counts on `day`: a stale one at most `level_cap`, with what it claimed."""
    if answer.level is None or not is_stale(criterion, answer, day):
        return answer, None
    due = review_due(criterion, answer)
    assert due is not None  # is_stale says so
    return replace(answer, level=min(answer.level, level_cap)), Freshness(answer.level, due)
