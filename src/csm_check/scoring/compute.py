"""Scoring: pure functions from a model and answers to an immutable Scorecard.

criterion score = 100 * level / 4 (n/a and unanswered left out)
challenge score = weighted mean of its answered criteria (criterion weights)
overall score   = weighted mean of the challenge scores that exist (challenge weights)
Status bands come from the model and are applied to unrounded scores. Coverage guard: with
fewer than half of the criteria answered (n/a counts as answered), overall or in a
challenge, the status is "insufficient_data" whatever the score; a knock-out blocker still
makes its challenge "at_risk". A knock-out blocks only from the day its law binds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from csm_check.answers import Answer, AnswerSet
from csm_check.model import MAX_LEVEL, Bands, Challenge, Criterion, Model
from csm_check.scoring.freshness import cap
from csm_check.scoring.gate import evaluate_gate
from csm_check.scoring.priorities import rank_next_steps
from csm_check.scoring.results import (
    ChallengeResult,
    CriterionResult,
    Gate,
    GateOptions,
    GateReason,
    Scorecard,
    Status,
)

if TYPE_CHECKING:
    from csm_check.scoring.register import Register
    from csm_check.scoring.spread import TeamSummary


def criterion_score(level: float) -> float:
    return 100.0 * level / MAX_LEVEL


def weighted_mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    """Mean of (value, weight) pairs, or None when there are none."""
    total = weight_sum = 0.0
    for value, weight in pairs:
        total += value * weight
        weight_sum += weight
    return total / weight_sum if weight_sum else None


def band(score: float | None, bands: Bands, *, answered: int = 1, total: int = 1) -> Status:
    """The status of `score`; too few answers (below half) say nothing yet."""
    if score is None:
        return "no_data"
    if 2 * answered < total:
        return "insufficient_data"
    if score < bands.developing:
        return "at_risk"
    if score < bands.ready:
        return "developing"
    return "ready"


def score_criterion(
    criterion: Criterion, given: Answer, day: dt.date | None, level_cap: int = MAX_LEVEL
) -> CriterionResult:
    """One criterion's score and, for a knock-out, whether it blocks on `day` (None: the law
    is taken as binding) or binds only later. An answer whose evidence review is overdue on
    `day` counts as at most `level_cap` (see `freshness`)."""
    answer, stale = cap(criterion, given, day, level_cap)
    level = answer.level if answer.state == "answered" else None
    value = criterion_score(level) if level is not None else None
    minimum = criterion.minimum_level
    missed = minimum is not None and answer.state != "not_applicable"
    missed = missed and (level is None or level < (minimum or 0))
    binds_from = criterion.binds_from()
    if missed and day is not None and binds_from is not None and binds_from > day:
        return CriterionResult(criterion, answer, value, False, (binds_from - day).days, stale)
    return CriterionResult(criterion, answer, value, missed and level is not None, None, stale)


def score_challenge(
    challenge: Challenge,
    answers: AnswerSet,
    bands: Bands,
    day: dt.date | None = None,
    level_cap: int = MAX_LEVEL,
) -> ChallengeResult:
    results = [score_criterion(c, answers.get(c.id), day, level_cap) for c in challenge.criteria]
    score = weighted_mean((r.score, r.criterion.weight) for r in results if r.score is not None)
    answered = sum(1 for r in results if r.answer.state != "unanswered")
    if any(r.blocker for r in results):
        status: Status = "at_risk"
    else:
        status = band(score, bands, answered=answered, total=len(results))
    return ChallengeResult(challenge, score, status, answered, len(results), tuple(results))


def register_gate(gate: Gate, register: Register) -> Gate:
    """The gate with one failing reason per error finding of the AI register (a prohibited
    practice in use, an n/a that dodges a knock-out); warnings stay in its own section."""
    if not register.errors:
        return gate
    reasons = tuple(GateReason("ai_register", finding=finding) for finding in register.errors)
    return Gate(False, gate.reasons + reasons, gate.warnings)


def score(
    model: Model,
    answers: AnswerSet,
    *,
    target: int | None = None,
    gate: GateOptions | None = None,
    team: TeamSummary | None = None,
    on: dt.date | None = None,
) -> Scorecard:
    """Score `answers` against `model`; `target` overrides the model's target level; `team`
    is the spread behind a team's mean answers; `on` is the day the law is judged on (default:
    the answers' assessed_on; with neither, every knock-out's law is taken as binding)."""
    chosen_target = model.scale.target if target is None else target
    day = on or answers.assessed_on
    level_cap = model.stale_level_cap
    challenges = tuple(
        score_challenge(c, answers, model.bands, day, level_cap) for c in model.challenges
    )
    overall = weighted_mean(
        (c.score, c.challenge.weight) for c in challenges if c.score is not None
    )
    answered = sum(c.answered for c in challenges)
    total = sum(c.total for c in challenges)
    steps = rank_next_steps(model, challenges, chosen_target)
    options = gate or GateOptions()
    checked = evaluate_gate(challenges, overall, total - answered, options, team)
    register = None
    if answers.ai_use_cases:
        from csm_check.scoring.register import judge_register

        register = judge_register(model, answers, day or dt.date.today(), chosen_target)
        checked = register_gate(checked, register)
    return Scorecard(
        model=model,
        answers=answers,
        target=chosen_target,
        challenges=challenges,
        score=overall,
        status=band(overall, model.bands, answered=answered, total=total),
        answered=answered,
        total=total,
        next_steps=steps,
        gate=checked,
        team=team,
        judged_on=day,
        register=register,
    )
