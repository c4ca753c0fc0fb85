"""Asking for the evidence behind a level 3 or 4, at a terminal only.

Three optional prompts after the answer: what shows it (Enter skips the rest), when it was
checked (Enter: today, or the date already saved) and when to check again (Enter: the date
already saved, else none: the criterion's review_months then dates the review). The piped
line protocol never asks them, so scripts keep working unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from csm_check.answers import Answer
from csm_check.answers_evidence import MAX_EVIDENCE
from csm_check.frozen import replace
from csm_check.i18n import Language, t
from csm_check.interview.keys import clean_note, cut_note
from csm_check.model import Criterion
from csm_check.sanitize import one_line
from csm_check.scoring.freshness import review_due


def ask_evidence(
    read: Callable[[str], str],
    warn: Callable[[str], None],
    language: Language,
    criterion: Criterion,
    current: Answer,
    today: dt.date,
) -> Answer | None:
    """The answer with its evidence fields as typed, or None when the person skipped."""
    prompt = t("interview.evidence_prompt", language)
    if current.evidence:
        keeps = t("interview.enter_keeps", language, value=one_line(current.evidence))
        prompt = f"{prompt} ({keeps})"
    evidence = clean_note(read(one_line(prompt) + ": ")) or current.evidence
    if evidence is None:
        return None
    evidence = cut_note(evidence, MAX_EVIDENCE)
    checked_default = current.checked_on or today
    checked = _ask_date(
        read,
        warn,
        language,
        t("interview.checked_on_prompt", language, default=checked_default.isoformat()),
        checked_default,
    )
    none = t("interview.review_by_none", language)
    shown = current.review_by.isoformat() if current.review_by else none
    review = _ask_date(
        read,
        warn,
        language,
        t("interview.review_by_prompt", language, default=shown),
        current.review_by,
        after=checked,
    )
    return replace(current, evidence=evidence, checked_on=checked, review_by=review)


def saved_text(criterion: Criterion, answer: Answer, language: Language) -> str | None:
    """'Evidence saved; review due 2027-03-31.' when the answer now has a review date."""
    due = review_due(criterion, answer)
    return t("interview.evidence_saved", language, date=due.isoformat()) if due else None


def _ask_date(
    read: Callable[[str], str],
    warn: Callable[[str], None],
    language: Language,
    prompt: str,
    default: dt.date | None,
    after: dt.date | None = None,
) -> dt.date | None:
    """An ISO date typed at `prompt` (Enter: `default`), asked again until it is one (and
    not before `after`, as the answers file requires)."""
    while True:
        text = clean_note(read(one_line(prompt) + ": "))
        if text is None:  # a saved review date before the new check date is dropped
            return None if default and after and default < after else default
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            warn(t("interview.date_invalid", language, text=one_line(text)[:20]))
            continue
        if after is not None and day < after:
            warn(
                t(
                    "err.review_before_check",
                    language,
                    review=day.isoformat(),
                    checked=after.isoformat(),
                )
            )
            continue
        return day
