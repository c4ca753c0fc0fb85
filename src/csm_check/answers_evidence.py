"""Evidence that expires, as an answers file writes it: an answer mapping may carry
`evidence` (text or a link), `checked_on` and `review_by` (ISO dates). Checked here by hand
so each mistake is located and worded for a manager; `scoring.freshness` decides staleness.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from csm_check.errors import Problem
from csm_check.i18n import format_count, message_language, msg
from csm_check.validation import describe
from csm_check.yamlio.read import YamlDocument

ANSWER_KEYS = ("level", "note", "evidence", "checked_on", "review_by")  # the writer's order
MAX_EVIDENCE = 2000  # as a note


def parse_evidence(
    document: YamlDocument, loc: tuple[str, ...], raw: dict[Any, Any], problems: list[Problem]
) -> tuple[str | None, dt.date | None, dt.date | None] | None:
    """The evidence fields of an answer mapping, or None after reporting what is wrong."""
    before = len(problems)
    evidence = raw.get("evidence")
    if evidence is not None and not (isinstance(evidence, str) and len(evidence) <= MAX_EVIDENCE):
        if isinstance(evidence, str):
            language = message_language()
            length = format_count(len(evidence), language)
            maximum = format_count(MAX_EVIDENCE, language)
            message = msg("err.evidence_too_long", length=length, maximum=maximum)
            problems.append(document.problem((*loc, "evidence"), message))
        else:
            message = msg("err.evidence_type", value=describe(evidence))
            hint = msg("err.evidence_type.hint")
            problems.append(document.problem((*loc, "evidence"), message, hint))
    dates: dict[str, dt.date | None] = {}
    for key in ("checked_on", "review_by"):
        value = raw.get(key)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):  # else reported below as not a date
                value = dt.date.fromisoformat(value)
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            dates[key] = value
            continue
        problems.append(
            document.problem(
                (*loc, key),
                msg("err.evidence_date", key=key, value=describe(value)),
                msg("err.evidence_date.hint"),
            )
        )
    checked, review = dates.get("checked_on"), dates.get("review_by")
    if checked is not None and review is not None and review < checked:
        problems.append(
            document.problem(
                (*loc, "review_by"),
                msg(
                    "err.review_before_check",
                    review=review.isoformat(),
                    checked=checked.isoformat(),
                ),
                msg("err.review_before_check.hint"),
            )
        )
    if len(problems) > before:
        return None
    return evidence, checked, review
