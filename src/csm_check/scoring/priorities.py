"""Next steps: which criteria to work on first, and why (pure).

Candidates are answered criteria below the target level and every knock-out blocker.
gap      = (max(target, minimum_level) - level) / 4
priority = challenge weight * criterion weight * gap * (1 + 0.5 * |dependents not ready|)
Order: blockers first, then priority (high first), then challenge number, then model order.
"""

from __future__ import annotations

from csm_check.frozen import replace
from csm_check.model import MAX_LEVEL, Model, dependents
from csm_check.scoring.results import ChallengeResult, NextStep

DEPENDENT_FACTOR = 0.5


def rank_next_steps(
    model: Model, challenges: tuple[ChallengeResult, ...], target: int
) -> tuple[NextStep, ...]:
    by_id = {c.challenge.id: c for c in challenges}
    downstream = dependents(model)
    candidates: list[tuple[tuple[int, float, int, int], NextStep]] = []
    order = 0
    for challenge_result in challenges:
        challenge = challenge_result.challenge
        held_back = tuple(
            c.challenge
            for c in challenges
            if c.challenge.id in downstream[challenge.id]
            and by_id[c.challenge.id].status != "ready"
        )
        for result in challenge_result.criteria:
            order += 1
            level = result.answer.level
            if result.answer.state != "answered" or level is None:
                continue
            if level >= target and not result.blocker:
                continue
            step_target = max(target, result.criterion.minimum_level or 0)
            gap = (step_target - level) / MAX_LEVEL
            priority = (
                challenge.weight
                * result.criterion.weight
                * gap
                * (1 + DEPENDENT_FACTOR * len(held_back))
            )
            step = NextStep(
                rank=0,
                criterion=result.criterion,
                challenge=challenge,
                level=level,
                target=step_target,
                priority=priority,
                blocker=result.blocker,
                blocks=held_back,
            )
            key = (0 if result.blocker else 1, -priority, challenge.number, order)
            candidates.append((key, step))
    candidates.sort(key=lambda pair: pair[0])
    return tuple(replace(step, rank=rank) for rank, (_, step) in enumerate(candidates, start=1))
