"""Scoring: pure functions from a model and answers to an immutable Scorecard.

criterion score = 100 * level / 4 (n/a and unanswered left out)
challenge score = weighted mean of its answered criteria (criterion weights)
overall score   = weighted mean of the challenge scores that exist (challenge weights)
Status bands come from the model and are applied to unrounded scores.
"""

from __future__ import annotations

from collections.abc import Iterable

from csm_check.answers import AnswerSet
from csm_check.model import MAX_LEVEL, Bands, Challenge, Model
from csm_check.scoring.gate import evaluate_gate
from csm_check.scoring.priorities import rank_next_steps
from csm_check.scoring.results import (
    ChallengeResult,
    CriterionResult,
    GateOptions,
    Scorecard,
    Status,
    TeamSummary,
)


def criterion_score(level: float) -> float:
    return 100.0 * level / MAX_LEVEL


def weighted_mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    """Mean of (value, weight) pairs, or None when there are none."""
    total = weight_sum = 0.0
    for value, weight in pairs:
        total += value * weight
        weight_sum += weight
    return total / weight_sum if weight_sum else None


def band(score: float | None, bands: Bands) -> Status:
    if score is None:
        return "no_data"
    if score < bands.developing:
        return "at_risk"
    if score < bands.ready:
        return "developing"
    return "ready"


def score_challenge(challenge: Challenge, answers: AnswerSet, bands: Bands) -> ChallengeResult:
    results: list[CriterionResult] = []
    for criterion in challenge.criteria:
        answer = answers.get(criterion.id)
        level = answer.level if answer.state == "answered" else None
        blocker = (
            level is not None
            and criterion.minimum_level is not None
            and level < criterion.minimum_level
        )
        value = criterion_score(level) if level is not None else None
        results.append(CriterionResult(criterion, answer, value, blocker))
    score = weighted_mean((r.score, r.criterion.weight) for r in results if r.score is not None)
    status = "at_risk" if any(r.blocker for r in results) else band(score, bands)
    answered = sum(1 for r in results if r.answer.state != "unanswered")
    return ChallengeResult(challenge, score, status, answered, len(results), tuple(results))


def score(
    model: Model,
    answers: AnswerSet,
    *,
    target: int | None = None,
    gate: GateOptions | None = None,
    team: TeamSummary | None = None,
) -> Scorecard:
    """Score `answers` against `model`; `target` overrides the model's target level; `team`
    is the spread behind a team's mean answers."""
    chosen_target = model.scale.target if target is None else target
    challenges = tuple(score_challenge(c, answers, model.bands) for c in model.challenges)
    overall = weighted_mean(
        (c.score, c.challenge.weight) for c in challenges if c.score is not None
    )
    answered = sum(c.answered for c in challenges)
    total = sum(c.total for c in challenges)
    steps = rank_next_steps(model, challenges, chosen_target)
    options = gate or GateOptions()
    return Scorecard(
        model=model,
        answers=answers,
        target=chosen_target,
        challenges=challenges,
        score=overall,
        status=band(overall, model.bands),
        answered=answered,
        total=total,
        next_steps=steps,
        gate=evaluate_gate(challenges, overall, total - answered, options, team),
        team=team,
    )
