"""The Scorecard: immutable results that every renderer reads."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from csm_check.answers import Answer, AnswerSet
from csm_check.config import ChallengeGate
from csm_check.frozen import frozen
from csm_check.model import Challenge, Criterion, LegalReference, Model

if TYPE_CHECKING:
    from csm_check.scoring.freshness import Freshness
    from csm_check.scoring.register import Register, RegisterFinding
    from csm_check.scoring.spread import TeamSummary

Status = Literal["ready", "developing", "at_risk", "insufficient_data", "no_data"]
STATUSES: tuple[Status, ...] = ("ready", "developing", "at_risk", "insufficient_data", "no_data")


@frozen
class CriterionResult:
    criterion: Criterion
    answer: Answer
    score: float | None
    blocker: bool  # a knock-out below its minimum whose law binds on the day judged
    # A knock-out not met (below its minimum or unanswered) whose law binds only later:
    # the days until it does; None otherwise.
    days_until_binding: int | None = None
    # Set when the answer's evidence review was overdue on the day judged: `answer` then
    # holds the capped level, this the level claimed and the review date.
    stale: Freshness | None = None


@frozen
class ChallengeResult:
    challenge: Challenge
    score: float | None
    status: Status
    answered: int
    total: int
    criteria: tuple[CriterionResult, ...]

    @property
    def blockers(self) -> tuple[CriterionResult, ...]:
        return tuple(result for result in self.criteria if result.blocker)


@frozen
class NextStep:
    rank: int
    criterion: Criterion
    challenge: Challenge
    level: float
    target: int
    priority: float
    blocker: bool
    blocks: tuple[Challenge, ...]


GateKind = Literal[
    "blocker",
    "below_threshold",
    "no_score",
    "incomplete",
    "evidence",
    "challenge_below",
    "challenge_no_score",
    "regression",
    "knockout_unanswered",
    "stale_evidence",
    "ai_register",  # an error finding of the AI use-case register (scoring.register)
]


@frozen
class GateReason:
    """Why the gate failed (or warns); rendered into words by the chosen language."""

    kind: GateKind
    criterion: str | None = None
    challenge: str | None = None
    score: float | None = None
    threshold: float | None = None
    previous: float | None = None
    count: int = 0
    legal: tuple[LegalReference, ...] = ()  # the law behind a knock-out reason
    due: dt.date | None = None  # stale_evidence: the (earliest) review date that passed
    finding: RegisterFinding | None = None  # for ai_register


@frozen
class Gate:
    passed: bool
    reasons: tuple[GateReason, ...]
    warnings: tuple[GateReason, ...] = ()


@frozen
class Baseline:
    """Scores to compare against (rounded to one decimal, as reports store them)."""

    overall: float | None
    challenges: tuple[tuple[str, float | None], ...] = ()


@frozen
class GateOptions:
    """The gate's input: settings resolved from `Config` (defaults applied) and a baseline."""

    fail_under: float | None = None
    require_complete: bool = False
    require_evidence: bool = False
    require_fresh_evidence: bool = False
    minimums: tuple[tuple[str, ChallengeGate], ...] = ()  # challenge id and its minimum
    baseline: Baseline | None = None
    max_drop: float = 0.0


@frozen
class Scorecard:
    model: Model
    answers: AnswerSet
    target: int
    challenges: tuple[ChallengeResult, ...]
    score: float | None
    status: Status
    answered: int
    total: int
    next_steps: tuple[NextStep, ...]
    gate: Gate
    team: TeamSummary | None = None  # set when several respondents were folded into one
    judged_on: dt.date | None = None  # the day the law was judged on (knock-outs, reviews)
    register: Register | None = None  # the AI use-case register, when the answers have one

    @property
    def coverage(self) -> float:
        """Share of criteria answered or marked n/a, in percent."""
        return 100.0 * self.answered / self.total if self.total else 0.0

    @property
    def blockers(self) -> tuple[tuple[ChallengeResult, CriterionResult], ...]:
        return tuple((c, r) for c in self.challenges for r in c.blockers)

    @property
    def upcoming(self) -> tuple[tuple[ChallengeResult, CriterionResult], ...]:
        """Knock-outs not met whose law binds later, soonest first."""
        found = [
            (c, r) for c in self.challenges for r in c.criteria if r.days_until_binding is not None
        ]
        return tuple(sorted(found, key=lambda pair: pair[1].days_until_binding or 0))

    @property
    def legal_review_overdue(self) -> bool:
        """More than 12 months between the model's last legal review and the day judged."""
        reviewed, day = self.model.legal_reviewed_on, self.judged_on
        if reviewed is None or day is None:
            return False
        try:
            due = reviewed.replace(year=reviewed.year + 1)
        except ValueError:  # 29 February
            due = reviewed.replace(year=reviewed.year + 1, day=28)
        return day > due
