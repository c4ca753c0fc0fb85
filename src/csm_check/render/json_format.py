"""The machine-readable scorecard: the data of a `csm_check.report.Report` from a Scorecard.

The report types are the contract, shared with the code that reads reports back (baselines,
`compare`) and with `csm-check schema report`. This module writes that contract's data as
plain dicts, in the types' field order and leaving out what `Report.to_data` leaves out (an
optional part that is None), so `score --format json` creates none of the ~25 pydantic
classes (about 9 ms of start-up); `build_report` turns the same data into a `Report` for the
code that compares reports (tests/test_json_data.py holds the two to the same bytes).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal, overload

from csm_check import __version__
from csm_check.i18n import Language
from csm_check.render import RenderOptions
from csm_check.render.common import gate_code, gate_reason, notices, rounded, why
from csm_check.render.jsontext import dumps
from csm_check.rounding import half_up
from csm_check.scoring.freshness import review_due
from csm_check.scoring.results import ChallengeResult, CriterionResult, GateReason, Scorecard

if TYPE_CHECKING:
    from csm_check.report import Report
    from csm_check.scoring.roles import RoleMeans, RoleSummary
    from csm_check.scoring.spread import TeamSummary

Data = dict[str, Any]
KnockoutState = Literal["met", "blocking", "unanswered", "not_applicable", "upcoming"]

REPORT_SCHEMA_VERSION: Literal[1] = 1


def build_report(card: Scorecard, language: Language) -> Report:
    """The report of `card` with its texts in `language`, as the contract's types."""
    from csm_check.report import construct_report

    return construct_report(report_data(card, language))


def _optional(data: Data, *keys: str) -> Data:
    """`data` without those of `keys` that are None: the contract's optional parts (a None
    default), which `Report.to_data` leaves out too; the other keys keep their order."""
    for key in keys:
        if data[key] is None:
            del data[key]
    return data


def report_data(card: Scorecard, language: Language) -> Data:
    """The report of `card` with its texts in `language`, as JSON-ready data."""
    answers = card.answers
    register = _register(card, language) if card.register is not None else (None, None, None)
    data = {
        "schema_version": REPORT_SCHEMA_VERSION,
        "tool": "csm-check",
        "version": __version__,
        "model": {"id": card.model.id, "title": card.model.title.get(language)},
        "language": language,
        "organisation": answers.organisation,
        "respondent": answers.respondent,
        "assessed_on": answers.assessed_on.isoformat() if answers.assessed_on else None,
        "overall": {
            "score": rounded(card.score),
            "status": card.status,
            "answered": card.answered,
            "total": card.total,
            "coverage": half_up(card.coverage),
        },
        "challenges": [_challenge(result, language) for result in card.challenges],
        "next_steps": [
            {
                "rank": step.rank,
                "criterion": step.criterion.id,
                "challenge": step.challenge.id,
                "level": _level(step.level),
                "target": step.target,
                "priority": round(step.priority, 3),
                "blocker": step.blocker,
                "action": step.criterion.next_step.get(language),
                "why": why(step, language),
            }
            for step in card.next_steps
        ],
        "gate": {
            "passed": card.gate.passed,
            "reasons": [gate_reason(reason, language) for reason in card.gate.reasons],
            "warnings": [gate_reason(reason, language) for reason in card.gate.warnings],
            "reason_details": [_detail(card, reason, language) for reason in card.gate.reasons],
            "warning_details": [_detail(card, reason, language) for reason in card.gate.warnings],
        },
        "knockouts": [
            _knockout(challenge, result, language)
            for challenge in card.challenges
            for result in challenge.criteria
            if result.criterion.minimum_level is not None
        ],
        "notices": notices(card, language),
        "team": _team(card.team, language) if card.team is not None else None,
        "ai_use_cases": register[0],
        "legal_calendar": register[1],
        "register_findings": register[2],
    }
    return _optional(data, "team", "ai_use_cases", "legal_calendar", "register_findings")


def _register(card: Scorecard, language: Language) -> tuple[list[Data], Data, list[Data]]:
    """The register's three report keys (absent without a register)."""
    from csm_check.render.register_text import finding_text

    register = card.register
    assert register is not None
    reviewed = card.model.legal_reviewed_on
    use_cases = []
    for use_case in card.answers.ai_use_cases:
        kind = card.model.use_case_kind(use_case.kind)
        use_cases.append(
            {
                "kind": use_case.kind,
                "title": kind.title.get(language) if kind else use_case.kind,
                "name": use_case.name,
                "status": use_case.status,
                "since": use_case.since.isoformat() if use_case.since else None,
                "vendor": use_case.vendor,
                "built_or_branded": use_case.built_or_branded,
            }
        )
    entries = [
        {
            "use_case": entry.index,
            "kind": entry.kind.id,
            "status": entry.use_case.status,
            "duties": [
                {
                    "cite": d.duty.cite.get(language),
                    "applies_from": d.duty.applies_from.isoformat(),
                    "binds": list(d.duty.binds),
                    "yours": list(d.yours),
                    "in_force": d.in_force,
                    "days_left": d.days_left,
                    "prohibited": d.duty.prohibited,
                    "todo": d.duty.todo.get(language),
                    "criteria": list(d.duty.criteria),
                }
                for d in entry.duties
            ],
        }
        for entry in register.calendar
    ]
    return (
        use_cases,
        {
            "judged_on": register.judged_on.isoformat(),
            "legal_reviewed_on": reviewed.isoformat() if reviewed else None,
            "entries": entries,
        },
        [
            {
                "code": f.code,
                "severity": f.severity,
                "use_case": f.index,
                "kind": f.kind.id,
                "criterion": f.criterion,
                "cite": f.duty.cite.get(language),
                "message": finding_text(f, language),
            }
            for f in register.findings
        ],
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


def _detail(card: Scorecard, reason: GateReason, language: Language) -> Data:
    """A gate reason as data: evidence levels as given, scores rounded to two decimals so that
    59.56 below a threshold of 59.6 stays visibly below it."""
    found = [r for c in card.challenges for r in c.criteria if r.criterion.id == reason.criterion]
    knockout = found[0] if found and reason.kind in ("blocker", "knockout_unanswered") else None

    def number(value: float | None) -> float | None:
        if value is None or reason.kind in ("evidence", "stale_evidence"):
            return value
        return half_up(value, 2)

    data = {
        "code": gate_code(reason),
        "criterion": reason.criterion,
        "challenge": reason.challenge,
        "score": number(reason.score),
        "threshold": reason.threshold,
        "previous": number(reason.previous),
        "count": reason.count if reason.kind == "incomplete" else None,
        "level": _level(knockout.answer.level) if knockout else None,
        "minimum": knockout.criterion.minimum_level if knockout else None,
        "review_due": _iso(reason.due),
        "message": gate_reason(reason, language),
    }
    return _optional(data, "review_due")


def _team(team: TeamSummary, language: Language) -> Data:
    first = [m.id for m in team.roles.discuss_first] if team.roles is not None else []
    data = {
        "respondents": [
            _optional(
                {
                    "file": r.path,
                    "organisation": r.organisation,
                    "respondent": r.respondent,
                    "language": r.language,
                    "assessed_on": r.assessed_on.isoformat() if r.assessed_on else None,
                    "role": r.role,
                },
                "role",
            )
            for r in team.respondents
        ],
        "languages": dict(team.languages),
        "criteria": [
            _optional(
                {
                    "id": s.criterion,
                    "challenge": s.challenge,
                    "mean": _level(s.mean),
                    "min": s.minimum,
                    "max": s.maximum,
                    "answered": s.answered,
                    "not_applicable": s.not_applicable,
                    "disagreement": s.disagreement,
                    # ReportNote's data as they are (to_data passes a dict through): a team of
                    # thousands has a note per respondent and criterion, and a model object
                    # each would hold the report in memory several times over.
                    "notes": [{"respondent": who or None, "note": note} for who, note in s.notes],
                    "stale": [
                        {
                            "respondent": who,
                            "claimed_level": int(level),
                            "review_due": due.isoformat(),
                        }
                        for who, level, due in s.stale
                    ]
                    or None,
                },
                "stale",
            )
            for s in team.spreads
        ],
        "discuss_first": [
            *first,
            *(s.criterion for s in team.discuss_first if s.criterion not in first),
        ],
        "roles": _roles(team.roles, language) if team.roles is not None else None,
    }
    return _optional(data, "roles")


def _roles(roles: RoleSummary, language: Language) -> Data:
    from csm_check.render.team_roles import role_label  # only a team with roles needs it

    ids = [g.id for g in roles.groups]

    def means(m: RoleMeans) -> Data:
        gap = m.gap
        return {
            "id": m.id,
            "means": {i: _level(mean) for i, mean in zip(ids, m.means, strict=True)},
            "gap": {"high": ids[gap.high], "low": ids[gap.low], "size": _level(gap.size)}
            if gap is not None
            else None,
        }

    return {
        "min_group": roles.min_group,
        "groups": [
            {
                "id": g.id,
                "kind": g.kind,
                "label": role_label(g, language),
                "respondents": g.respondents,
                "shown": g.shown,
            }
            for g in roles.groups
        ],
        "challenges": [means(m) for m in roles.challenges],
        "criteria": [means(m) for m in roles.criteria],
        "discuss_first": [m.id for m in roles.discuss_first],
    }


def _knockout(challenge: ChallengeResult, result: CriterionResult, language: Language) -> Data:
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
    return {
        "criterion": criterion.id,
        "challenge": challenge.challenge.id,
        "minimum": criterion.minimum_level or 0,
        "state": state,
        "days_until_binding": result.days_until_binding,
        "legal": [
            {
                "cite": ref.cite.get(language),
                "applies_from": ref.applies_from.isoformat(),
                "binds": ref.binds.get(language) if ref.binds else None,
            }
            for ref in criterion.legal
        ],
    }


def _challenge(result: ChallengeResult, language: Language) -> Data:
    challenge = result.challenge
    return {
        "id": challenge.id,
        "number": challenge.number,
        "title": challenge.title.get(language),
        "weight": challenge.weight,
        "score": rounded(result.score),
        "status": result.status,
        "answered": result.answered,
        "total": result.total,
        "blockers": [r.criterion.id for r in result.blockers],
        "criteria": [_criterion(r) for r in result.criteria],
    }


def _criterion(result: CriterionResult) -> Data:
    """A criterion's answer; the evidence fields only when the answer carries them, so a
    report without evidence stays as it was."""
    answer = result.answer
    criterion = {
        "id": result.criterion.id,
        "state": answer.state,
        "level": _level(answer.level),
        "score": rounded(result.score),
        "note": answer.note,
    }
    if not answer.dated:
        return criterion
    due = review_due(result.criterion, answer)
    criterion.update(
        evidence=answer.evidence,
        checked_on=_iso(answer.checked_on),
        review_by=_iso(answer.review_by),
        review_due=_iso(due),
        stale=result.stale is not None if due is not None else None,
        claimed_level=int(result.stale.claimed_level) if result.stale else None,
    )
    return _optional(
        criterion, "evidence", "checked_on", "review_by", "review_due", "stale", "claimed_level"
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def render_json(card: Scorecard, options: RenderOptions) -> str:
    return dumps(report_data(card, options.language)) + "\n"
