"""Compare two assessments (quarter to quarter): what moved, what is done, what got worse.

Works on reports, so either side can be an answers file (scored first) or a saved JSON
report, even from an older model with other criteria.
"""

from __future__ import annotations

from dataclasses import dataclass

from csm_check.report import Report, ReportChallenge, ReportCriterion
from csm_check.rounding import half_up


@dataclass(frozen=True)
class ChallengeChange:
    id: str
    number: int
    title: str
    old_score: float | None
    new_score: float | None
    old_status: str | None
    new_status: str | None

    @property
    def delta(self) -> float | None:
        if self.old_score is None or self.new_score is None:
            return None
        return half_up(self.new_score - self.old_score)

    @property
    def changed(self) -> bool:
        """Score (as reports round it) or status differ, or one side lacks the challenge."""
        return (self.old_score, self.old_status) != (self.new_score, self.new_status)


@dataclass(frozen=True)
class CriterionChange:
    id: str
    challenge: str
    old_state: str | None  # None: the criterion is not in that assessment
    old_level: float | None
    new_state: str | None
    new_level: float | None


@dataclass(frozen=True)
class DoneStep:
    criterion: str
    challenge: str
    old_level: float
    new_level: float | None
    target: int
    action: str


@dataclass(frozen=True)
class KnockoutChange:
    """A knock-out criterion whose state changed (met, blocking, unanswered, ...)."""

    criterion: str
    challenge: str
    old_state: str | None  # None: not a knock-out (or not in the model) then
    new_state: str | None


@dataclass(frozen=True)
class Comparison:
    old: Report
    new: Report
    challenges: tuple[ChallengeChange, ...]
    moved: tuple[CriterionChange, ...]
    done: tuple[DoneStep, ...]
    knockouts: tuple[KnockoutChange, ...] = ()
    old_name: str = ""  # the file or folder each side came from
    new_name: str = ""

    @property
    def coverage_fell(self) -> bool:
        """Fewer criteria answered now than before: a score change is not like for like."""
        return self.new.overall.answered < self.old.overall.answered

    @property
    def overall_delta(self) -> float | None:
        old, new = self.old.overall.score, self.new.overall.score
        return None if old is None or new is None else half_up(new - old)

    @property
    def added(self) -> tuple[CriterionChange, ...]:
        return tuple(c for c in self.moved if c.old_state is None)

    @property
    def removed(self) -> tuple[CriterionChange, ...]:
        return tuple(c for c in self.moved if c.new_state is None)


def _criteria(report: Report) -> dict[str, tuple[ReportChallenge, ReportCriterion]]:
    return {k.id: (c, k) for c in report.challenges for k in c.criteria}


def compare(old: Report, new: Report) -> Comparison:
    """Challenges in the new report's order (then any the new one dropped), criteria likewise."""
    old_challenges = {c.id: c for c in old.challenges}
    new_ids = {c.id for c in new.challenges}
    changes = [
        ChallengeChange(
            c.id,
            c.number,
            c.title,
            old_challenges[c.id].score if c.id in old_challenges else None,
            c.score,
            old_challenges[c.id].status if c.id in old_challenges else None,
            c.status,
        )
        for c in new.challenges
    ]
    changes += [
        ChallengeChange(c.id, c.number, c.title, c.score, None, c.status, None)
        for c in old.challenges
        if c.id not in new_ids
    ]
    before, after = _criteria(old), _criteria(new)
    moved: list[CriterionChange] = []
    for criterion_id in [*after, *(k for k in before if k not in after)]:
        old_pair, new_pair = before.get(criterion_id), after.get(criterion_id)
        old_k = old_pair[1] if old_pair else None
        new_k = new_pair[1] if new_pair else None
        challenge = (new_pair or old_pair)[0].id  # type: ignore[index]
        same = (
            old_k is not None
            and new_k is not None
            and (old_k.state, old_k.level) == (new_k.state, new_k.level)
        )
        if not same:
            moved.append(
                CriterionChange(
                    criterion_id,
                    challenge,
                    old_k.state if old_k else None,
                    old_k.level if old_k else None,
                    new_k.state if new_k else None,
                    new_k.level if new_k else None,
                )
            )
    done = []
    for step in old.next_steps:
        now = after.get(step.criterion)
        if now is None:
            continue
        level = now[1].level
        if now[1].state == "not_applicable" or (level is not None and level >= step.target):
            done.append(
                DoneStep(
                    step.criterion, step.challenge, step.level, level, step.target, step.action
                )
            )
    return Comparison(old, new, tuple(changes), tuple(moved), tuple(done), _knockouts(old, new))


def _knockouts(old: Report, new: Report) -> tuple[KnockoutChange, ...]:
    before = {k.criterion: k for k in old.knockouts}
    after = {k.criterion: k for k in new.knockouts}
    found = []
    for criterion in [*after, *(k for k in before if k not in after)]:
        then, now = before.get(criterion), after.get(criterion)
        old_state, new_state = (then.state if then else None), (now.state if now else None)
        if old_state != new_state:
            challenge = (now or then).challenge  # type: ignore[union-attr]
            found.append(KnockoutChange(criterion, challenge, old_state, new_state))
    return tuple(found)
