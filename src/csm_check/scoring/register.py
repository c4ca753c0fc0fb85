"""The AI use-case register judged on a day (pure): each system's legal calendar and the
consistency checks between the register and the answers.

Calendar: for every entry, the duties of its kind, in force on the day judged or upcoming
with the days left (`applies_from - day`). A `provider` duty binds the organisation only
when it builds the system or offers it under its own name (`built_or_branded`); otherwise it
is the vendor's, to be secured by contract. Planned systems get the same list, read as
"when you go live".

Checks (each a finding with a stable code; `error` fails the gate, `warning` is shown):
- prohibited_practice: a system of a kind the law bans (EU AI Act Art. 5, e.g. emotion
  recognition of agents). Error when live or in a pilot and the ban is in force; a
  planned one, or a ban not yet in force, warns.
- not_applicable_contradicts_register: a live or pilot system, and a criterion covering
  one of its duties answered n/a (a live chatbot and bot disclosure "n/a"). Error when the
  criterion is a knock-out and the duty is in force (the n/a would dodge the knock-out);
  else a warning.
- duty_not_covered: a live or pilot system, a duty in force, and a criterion covering it
  unanswered or below its knock-out minimum (else the target level). A warning: the scores
  and knock-outs already count the answer; this names the system that needs it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from csm_check.answers import AnswerSet
from csm_check.frozen import frozen
from csm_check.model import AiDuty, AiUseCaseKind, Criterion, DutyRole, Model
from csm_check.use_cases import AiUseCase

Severity = Literal["error", "warning"]
FindingCode = Literal[
    "prohibited_practice",
    "not_applicable_contradicts_register",
    "duty_not_covered",
]
FINDING_CODES: tuple[FindingCode, ...] = (
    "prohibited_practice",
    "not_applicable_contradicts_register",
    "duty_not_covered",
)
ACTIVE = ("live", "pilot")


@frozen
class DutyOnDay:
    """A duty of one system on the day judged."""

    duty: AiDuty
    # The roles in which it binds the organisation; empty: the vendor's duty (a provider
    # duty of a system the organisation neither builds nor brands).
    yours: tuple[DutyRole, ...]
    days_left: int | None  # None: in force on the day judged

    @property
    def in_force(self) -> bool:
        return self.days_left is None


@frozen
class UseCaseCalendar:
    index: int  # the entry's place in the answers file's `ai_use_cases`, from 0
    use_case: AiUseCase
    kind: AiUseCaseKind
    duties: tuple[DutyOnDay, ...]


@frozen
class RegisterFinding:
    code: FindingCode
    severity: Severity
    index: int
    use_case: AiUseCase
    kind: AiUseCaseKind
    duty: AiDuty
    criterion: str | None = None
    level: float | None = None  # the criterion's answered level, for duty_not_covered
    needed: int | None = None  # the level the duty needs, for duty_not_covered


@frozen
class Register:
    judged_on: dt.date
    calendar: tuple[UseCaseCalendar, ...]
    findings: tuple[RegisterFinding, ...]

    @property
    def errors(self) -> tuple[RegisterFinding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")


def days_left(applies_from: dt.date, day: dt.date) -> int | None:
    """Days until a law binds, counted from the day judged; None once it binds."""
    return (applies_from - day).days if applies_from > day else None


def judge_register(model: Model, answers: AnswerSet, day: dt.date, target: int) -> Register:
    """The calendar and findings of `answers.ai_use_cases` on `day`."""
    calendar: list[UseCaseCalendar] = []
    findings: list[RegisterFinding] = []
    criteria = {criterion.id: criterion for _, criterion in model.criteria()}
    for index, use_case in enumerate(answers.ai_use_cases):
        kind = model.use_case_kind(use_case.kind)
        if kind is None:  # the loader refuses unknown kinds; a team's mean set has none
            continue
        duties = tuple(
            DutyOnDay(duty, _yours(duty, use_case), days_left(duty.applies_from, day))
            for duty in kind.duties
        )
        calendar.append(UseCaseCalendar(index, use_case, kind, duties))
        for on_day in duties:
            findings += _check(criteria, answers, index, use_case, kind, on_day, target)
    return Register(day, tuple(calendar), tuple(findings))


def _yours(duty: AiDuty, use_case: AiUseCase) -> tuple[DutyRole, ...]:
    return tuple(r for r in duty.binds if r != "provider" or use_case.built_or_branded)


def _check(
    criteria: dict[str, Criterion],
    answers: AnswerSet,
    index: int,
    use_case: AiUseCase,
    kind: AiUseCaseKind,
    on_day: DutyOnDay,
    target: int,
) -> list[RegisterFinding]:
    duty, active = on_day.duty, use_case.status in ACTIVE
    found: list[RegisterFinding] = []
    if duty.prohibited:
        severity: Severity = "error" if active and on_day.in_force else "warning"
        found.append(RegisterFinding("prohibited_practice", severity, index, use_case, kind, duty))
    if not active:
        return found
    for criterion_id in duty.criteria:
        criterion = criteria.get(criterion_id)
        answer = answers.get(criterion_id)
        if criterion is None:
            continue
        if answer.state == "not_applicable":
            severity = "error" if criterion.is_knockout and on_day.in_force else "warning"
            found.append(
                RegisterFinding(
                    "not_applicable_contradicts_register",
                    severity,
                    index,
                    use_case,
                    kind,
                    duty,
                    criterion_id,
                )
            )
            continue
        needed = criterion.minimum_level if criterion.minimum_level is not None else target
        if duty.prohibited or not on_day.in_force:
            continue
        if answer.level is None or answer.level < needed:
            found.append(
                RegisterFinding(
                    "duty_not_covered",
                    "warning",
                    index,
                    use_case,
                    kind,
                    duty,
                    criterion_id,
                    answer.level,
                    needed,
                )
            )
    return found
