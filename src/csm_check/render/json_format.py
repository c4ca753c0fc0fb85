"""Machine-readable scorecard. Keys are a contract: add, never rename."""

from __future__ import annotations

from typing import Any

from csm_check import __version__
from csm_check.render import RenderOptions
from csm_check.render.common import gate_reason, rounded, why
from csm_check.render.jsontext import dumps
from csm_check.rounding import half_up
from csm_check.scoring.results import ChallengeResult, Scorecard

REPORT_SCHEMA_VERSION = 1


def scorecard_dict(card: Scorecard, language: Any) -> dict[str, Any]:
    answers = card.answers
    report: dict[str, Any] = {
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
        },
    }
    if card.team is not None:
        report["team"] = _team(card)
    return report


def _level(level: float | None) -> float | None:
    """Levels as given; a team's mean level to two decimals."""
    if level is None or float(level).is_integer():
        return level
    return half_up(level, 2)


def _team(card: Scorecard) -> dict[str, Any]:
    team = card.team
    assert team is not None
    return {
        "respondents": [
            {
                "file": r.path,
                "organisation": r.organisation,
                "respondent": r.respondent,
                "language": r.language,
                "assessed_on": r.assessed_on.isoformat() if r.assessed_on else None,
            }
            for r in team.respondents
        ],
        "languages": dict(team.languages),
        "criteria": [
            {
                "id": s.criterion,
                "challenge": s.challenge,
                "mean": _level(s.mean),
                "min": s.minimum,
                "max": s.maximum,
                "answered": s.answered,
                "not_applicable": s.not_applicable,
                "disagreement": s.disagreement,
            }
            for s in team.spreads
        ],
        "discuss_first": [s.criterion for s in team.discuss_first],
    }


def _challenge(result: ChallengeResult, language: Any) -> dict[str, Any]:
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
        "criteria": [
            {
                "id": r.criterion.id,
                "state": r.answer.state,
                "level": _level(r.answer.level),
                "score": rounded(r.score),
                "note": r.answer.note,
            }
            for r in result.criteria
        ],
    }


def render_json(card: Scorecard, options: RenderOptions) -> str:
    return dumps(scorecard_dict(card, options.language)) + "\n"
