"""The gate: whether a scorecard passes what a team or pipeline requires (pure).

Fails on knock-out blockers, an overall score below --fail-under (or none), unanswered
criteria under require_complete, levels >= 3 without a note under require_evidence,
answers whose evidence review is overdue under require_fresh_evidence,
challenge minimums set to `error`, and drops against a baseline larger than max_drop.
Minimums set to `warn` only warn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csm_check.rounding import half_up
from csm_check.scoring.results import (
    ChallengeResult,
    CriterionResult,
    Gate,
    GateKind,
    GateOptions,
    GateReason,
)

if TYPE_CHECKING:
    from csm_check.scoring.spread import TeamSummary

_EPSILON = 1e-9


def evaluate_gate(
    challenges: tuple[ChallengeResult, ...],
    overall: float | None,
    unanswered: int,
    options: GateOptions,
    team: TeamSummary | None = None,
) -> Gate:
    knockouts = [(c, r) for c in challenges for r in c.criteria if r.criterion.is_knockout]
    reasons = [_knockout_reason("blocker", c, r) for c, r in knockouts if r.blocker]
    warnings: list[GateReason] = []
    # A knock-out in force left unanswered could hide a blocker: a warning, and a failure
    # where every criterion must be answered.
    unanswered_knockouts = [
        _knockout_reason("knockout_unanswered", c, r)
        for c, r in knockouts
        if r.answer.state == "unanswered" and r.days_until_binding is None
    ]
    (reasons if options.require_complete else warnings).extend(unanswered_knockouts)
    if options.fail_under is not None:
        if overall is None:
            reasons.append(GateReason("no_score", threshold=options.fail_under))
        elif overall < options.fail_under:
            reasons.append(
                GateReason("below_threshold", score=overall, threshold=options.fail_under)
            )
    if options.require_complete and unanswered:
        reasons.append(GateReason("incomplete", count=unanswered))
    if options.require_evidence:
        reasons.extend(_unevidenced(challenges, team))
    if options.require_fresh_evidence:
        reasons.extend(_stale(challenges, team))
    by_id = {c.challenge.id: c for c in challenges}
    for challenge_id, minimum in options.minimums:
        result = by_id.get(challenge_id)
        if minimum.level == "off" or result is None:
            continue
        if result.score is None:
            reason = GateReason(
                "challenge_no_score", challenge=challenge_id, threshold=minimum.minimum
            )
        elif result.score < minimum.minimum:
            reason = GateReason(
                "challenge_below",
                challenge=challenge_id,
                score=result.score,
                threshold=minimum.minimum,
            )
        else:
            continue
        (reasons if minimum.level == "error" else warnings).append(reason)
    if options.baseline is not None:
        reasons.extend(_regressions(challenges, overall, options))
    return Gate(not reasons, tuple(reasons), tuple(warnings))


def _regressions(
    challenges: tuple[ChallengeResult, ...], overall: float | None, options: GateOptions
) -> list[GateReason]:
    """Drops of more than max_drop points, on scores rounded as reports store them."""
    baseline = options.baseline
    assert baseline is not None
    found: list[GateReason] = []

    def dropped(old: float | None, new: float | None) -> bool:
        if old is None:
            return False  # nothing to fall from
        if new is None:
            return True  # scored before, not now: deleting answers must not dodge the gate
        return half_up(old) - half_up(new) > options.max_drop + _EPSILON

    if dropped(baseline.overall, overall):
        found.append(
            GateReason(
                "regression", score=overall, previous=baseline.overall, threshold=options.max_drop
            )
        )
    old_scores = dict(baseline.challenges)
    for result in challenges:
        old = old_scores.get(result.challenge.id)
        if dropped(old, result.score):
            found.append(
                GateReason(
                    "regression",
                    challenge=result.challenge.id,
                    score=result.score,
                    previous=old,
                    threshold=options.max_drop,
                )
            )
    return found


def _unevidenced(
    challenges: tuple[ChallengeResult, ...], team: TeamSummary | None
) -> list[GateReason]:
    """One reason per criterion at level 3 or more without a note. In a team, evidence is
    a property of each respondent's answer, not of the mean: the highest such level counts."""
    if team is not None:
        return [
            GateReason(
                "evidence", criterion=s.criterion, challenge=s.challenge, score=s.unevidenced
            )
            for s in team.spreads
            if s.unevidenced is not None
        ]
    return [
        GateReason(
            "evidence",
            criterion=result.criterion.id,
            challenge=challenge.challenge.id,
            score=result.answer.level,
        )
        for challenge in challenges
        for result in challenge.criteria
        if result.answer.lacks_evidence
    ]


def _stale(challenges: tuple[ChallengeResult, ...], team: TeamSummary | None) -> list[GateReason]:
    """One reason per criterion whose evidence review is overdue: the level claimed (a
    team's highest) and the review date (a team's earliest)."""
    if team is not None:
        return [
            GateReason(
                "stale_evidence",
                criterion=s.criterion,
                challenge=s.challenge,
                score=max(level for _, level, _ in s.stale),
                due=min(due for _, _, due in s.stale),
            )
            for s in team.spreads
            if s.stale
        ]
    return [
        GateReason(
            "stale_evidence",
            criterion=result.criterion.id,
            challenge=challenge.challenge.id,
            score=result.stale.claimed_level,
            due=result.stale.review_due,
        )
        for challenge in challenges
        for result in challenge.criteria
        if result.stale is not None
    ]


def _knockout_reason(
    kind: GateKind, challenge: ChallengeResult, result: CriterionResult
) -> GateReason:
    """A reason about a knock-out criterion, carrying its law for every output to name."""
    return GateReason(
        kind,
        criterion=result.criterion.id,
        challenge=challenge.challenge.id,
        legal=result.criterion.legal,
    )
