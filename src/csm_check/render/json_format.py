"""Machine-readable scorecard. Keys are a contract: add, never rename."""

from __future__ import annotations

import json
from typing import Any

from csm_check import __version__
from csm_check.render import RenderOptions
from csm_check.render.common import gate_reason, rounded, why
from csm_check.scorecard import ChallengeResult, Scorecard

REPORT_SCHEMA_VERSION = 1


def scorecard_dict(card: Scorecard, language: Any) -> dict[str, Any]:
    answers = card.answers
    return {
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
            "coverage": round(card.coverage, 1),
        },
        "challenges": [_challenge(result, language) for result in card.challenges],
        "next_steps": [
            {
                "rank": step.rank,
                "criterion": step.criterion.id,
                "challenge": step.challenge.id,
                "level": step.level,
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
        },
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
                "level": r.answer.level,
                "score": rounded(r.score),
                "note": r.answer.note,
            }
            for r in result.criteria
        ],
    }


def render_json(card: Scorecard, options: RenderOptions) -> str:
    return json.dumps(scorecard_dict(card, options.language), ensure_ascii=False, indent=2) + "\n"
