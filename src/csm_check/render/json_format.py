"""The machine-readable scorecard: a `csm_check.report.Report` filled from a Scorecard.

The report types are the contract, shared with the code that reads reports back (baselines,
`compare`) and with `csm-check schema report`; this module only fills them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, overload

from csm_check import __version__
from csm_check.i18n import Language
from csm_check.render import RenderOptions
from csm_check.render.common import gate_code, gate_reason, notices, rounded, why
from csm_check.render.jsontext import dumps
from csm_check.report import (
    Report,
    ReportChallenge,
    ReportCriterion,
    ReportGate,
    ReportGateDetail,
    ReportKnockout,
    ReportLegal,
    ReportModelRef,
    ReportNextStep,
    ReportOverall,
    ReportRespondent,
    ReportSpread,
    ReportTeam,
)
from csm_check.rounding import half_up
from csm_check.scoring.results import ChallengeResult, CriterionResult, GateReason, Scorecard

if TYPE_CHECKING:
    from csm_check.scoring.spread import TeamSummary

KnockoutState = Literal["met", "blocking", "unanswered", "not_applicable", "upcoming"]

REPORT_SCHEMA_VERSION: Literal[1] = 1


def build_report(card: Scorecard, language: Language) -> Report:
    """The report of `card` with its texts in `language`."""
    answers = card.answers
    return Report.model_construct(
        schema_version=REPORT_SCHEMA_VERSION,
        tool="csm-check",
        version=__version__,
        model=ReportModelRef.model_construct(
            id=card.model.id, title=card.model.title.get(language)
        ),
        language=language,
        organisation=answers.organisation,
        respondent=answers.respondent,
        assessed_on=answers.assessed_on.isoformat() if answers.assessed_on else None,
        overall=ReportOverall.model_construct(
            score=rounded(card.score),
            status=card.status,
            answered=card.answered,
            total=card.total,
            coverage=half_up(card.coverage),
        ),
        challenges=[_challenge(result, language) for result in card.challenges],
        next_steps=[
            ReportNextStep.model_construct(
                rank=step.rank,
                criterion=step.criterion.id,
                challenge=step.challenge.id,
                level=_level(step.level),
                target=step.target,
                priority=round(step.priority, 3),
                blocker=step.blocker,
                action=step.criterion.next_step.get(language),
                why=why(step, language),
            )
            for step in card.next_steps
        ],
        gate=ReportGate.model_construct(
            passed=card.gate.passed,
            reasons=[gate_reason(reason, language) for reason in card.gate.reasons],
            warnings=[gate_reason(reason, language) for reason in card.gate.warnings],
            reason_details=[_detail(card, reason, language) for reason in card.gate.reasons],
            warning_details=[_detail(card, reason, language) for reason in card.gate.warnings],
        ),
        knockouts=[
            _knockout(challenge, result, language)
            for challenge in card.challenges
            for result in challenge.criteria
            if result.criterion.minimum_level is not None
        ],
        notices=notices(card, language),
        team=_team(card.team) if card.team is not None else None,
    )


@overload
def _level(level: float) -> float: ...
@overload
def _level(level: float | None) -> float | None: ...
def _level(level: float | None) -> float | None:
    """Levels as given; a team's mean level to two decimals."""
    if level is None or float(level).is_integer():
        return level
    return half_up(level, 2)


def _detail(card: Scorecard, reason: GateReason, language: Language) -> ReportGateDetail:
    """A gate reason as data: evidence levels as given, scores rounded to two decimals so that
    59.56 below a threshold of 59.6 stays visibly below it."""
    found = [r for c in card.challenges for r in c.criteria if r.criterion.id == reason.criterion]
    knockout = found[0] if found and reason.kind in ("blocker", "knockout_unanswered") else None

    def number(value: float | None) -> float | None:
        if value is None or reason.kind == "evidence":
            return value
        return half_up(value, 2)

    return ReportGateDetail.model_construct(
        code=gate_code(reason),
        criterion=reason.criterion,
        challenge=reason.challenge,
        score=number(reason.score),
        threshold=reason.threshold,
        previous=number(reason.previous),
        count=reason.count if reason.kind == "incomplete" else None,
        level=_level(knockout.answer.level) if knockout else None,
        minimum=knockout.criterion.minimum_level if knockout else None,
        message=gate_reason(reason, language),
    )


def _team(team: TeamSummary) -> ReportTeam:
    return ReportTeam.model_construct(
        respondents=[
            ReportRespondent.model_construct(
                file=r.path,
                organisation=r.organisation,
                respondent=r.respondent,
                language=r.language,
                assessed_on=r.assessed_on.isoformat() if r.assessed_on else None,
            )
            for r in team.respondents
        ],
        languages=dict(team.languages),
        criteria=[
            ReportSpread.model_construct(
                id=s.criterion,
                challenge=s.challenge,
                mean=_level(s.mean),
                min=s.minimum,
                max=s.maximum,
                answered=s.answered,
                not_applicable=s.not_applicable,
                disagreement=s.disagreement,
                # ReportNote's data as they are (to_data passes a dict through): a team of
                # thousands has a note per respondent and criterion, and a model object
                # each would hold the report in memory several times over.
                notes=[{"respondent": who, "note": note} for who, note in s.notes],  # type: ignore[misc]
            )
            for s in team.spreads
        ],
        discuss_first=[s.criterion for s in team.discuss_first],
    )


def _knockout(
    challenge: ChallengeResult, result: CriterionResult, language: Language
) -> ReportKnockout:
    state: KnockoutState
    if result.days_until_binding is not None:
        state = "upcoming"
    elif result.blocker:
        state = "blocking"
    elif result.answer.state == "unanswered":
        state = "unanswered"
    elif result.answer.state == "not_applicable":
        state = "not_applicable"
    else:
        state = "met"
    criterion = result.criterion
    return ReportKnockout.model_construct(
        criterion=criterion.id,
        challenge=challenge.challenge.id,
        minimum=criterion.minimum_level or 0,
        state=state,
        days_until_binding=result.days_until_binding,
        legal=[
            ReportLegal.model_construct(
                cite=ref.cite.get(language),
                applies_from=ref.applies_from.isoformat(),
                binds=ref.binds.get(language) if ref.binds else None,
            )
            for ref in criterion.legal
        ],
    )


def _challenge(result: ChallengeResult, language: Language) -> ReportChallenge:
    challenge = result.challenge
    return ReportChallenge.model_construct(
        id=challenge.id,
        number=challenge.number,
        title=challenge.title.get(language),
        weight=challenge.weight,
        score=rounded(result.score),
        status=result.status,
        answered=result.answered,
        total=result.total,
        blockers=[r.criterion.id for r in result.blockers],
        criteria=[
            ReportCriterion.model_construct(
                id=r.criterion.id,
                state=r.answer.state,
                level=_level(r.answer.level),
                score=rounded(r.score),
                note=r.answer.note,
            )
            for r in result.criteria
        ],
    )


def render_json(card: Scorecard, options: RenderOptions) -> str:
    return dumps(build_report(card, options.language).to_data()) + "\n"
