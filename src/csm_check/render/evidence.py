"""Evidence that expires, as every report shows it: the answers whose review date has
passed (with the level claimed, the level counted and the date) and each answer's evidence
fields in the details. Nothing here when no answer carries evidence fields.
"""

from __future__ import annotations

import datetime as dt

from csm_check.i18n import Language, format_date, t
from csm_check.render.common import level_text
from csm_check.scoring.freshness import review_due
from csm_check.scoring.results import CriterionResult, Scorecard


def stale_lines(card: Scorecard, language: Language) -> list[tuple[str, str]]:
    """(challenge id, line) per answer whose evidence review date has passed on the day
    judged: the level claimed, the level counted and the date (a team: per respondent)."""
    cap = card.model.stale_level_cap
    found: list[tuple[str, str]] = []
    spreads = {s.criterion: s for s in card.team.spreads} if card.team is not None else {}
    for challenge in card.challenges:
        for result in challenge.criteria:
            criterion = result.criterion.id
            items: list[tuple[str | None, float, dt.date]] = []
            if result.stale is not None:
                items.append((None, result.stale.claimed_level, result.stale.review_due))
            if criterion in spreads:
                items += list(spreads[criterion].stale)
            for who, claimed, due in items:
                text = t(
                    "evidence.stale_item",
                    language,
                    criterion=criterion if who is None else f"{criterion} ({who})",
                    claimed=level_text(claimed, language),
                    counted=level_text(min(claimed, cap), language),
                    date=format_date(due, language),
                )
                found.append((challenge.challenge.id, text))
    return found


def evidence_details(result: CriterionResult, language: Language) -> list[tuple[str, str]]:
    """(label, text) of an answer's evidence fields for the report details: the evidence,
    when it was checked, when its review is due (and whether that has passed)."""
    answer, found = result.answer, []
    if answer.evidence:
        found.append((t("evidence.label", language), answer.evidence))
    if answer.checked_on:
        found.append((t("evidence.checked_on", language), format_date(answer.checked_on, language)))
    if result.stale is not None:
        text = t(
            "evidence.stale_detail",
            language,
            date=format_date(result.stale.review_due, language),
            claimed=level_text(result.stale.claimed_level, language),
            counted=level_text(answer.level or 0, language),
        )
        found.append((t("evidence.review_due", language), text))
    elif (due := review_due(result.criterion, answer)) is not None:
        found.append((t("evidence.review_due", language), format_date(due, language)))
    return found
