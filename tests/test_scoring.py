"""Scoring and ranking against hand-computed values on a small model."""

from __future__ import annotations

import pytest

from csm_check.answers import Answer, AnswerSet
from csm_check.model import Model
from csm_check.scoring.compute import score
from csm_check.scoring.results import GateOptions


def answers(**levels: int | str | None) -> AnswerSet:
    parsed: dict[str, Answer] = {}
    for key, value in levels.items():
        criterion = key.replace("__", ".")
        if value == "n/a":
            parsed[criterion] = Answer("not_applicable", None, "reason")
        elif value is None:
            parsed[criterion] = Answer("unanswered")
        else:
            assert isinstance(value, int)
            parsed[criterion] = Answer("answered", value)
    return AnswerSet(answers=parsed)


def test_weighted_means_by_hand(tiny_model: Model) -> None:
    # base: a=2 (50, w1), b=4 (100, w3) -> (50 + 300) / 4 = 87.5
    # legal: disclosure=3 (75, w2), contracts=1 (25, w1) -> (150 + 25) / 3 = 58.333...
    # top: x=0 -> 0
    # overall: (87.5*2 + 58.333*1 + 0*1) / 4 = 58.333...
    card = score(
        tiny_model, answers(base__a=2, base__b=4, legal__disclosure=3, legal__contracts=1, top__x=0)
    )
    base, legal, top = card.challenges
    assert base.score == pytest.approx(87.5)
    assert base.status == "ready"
    assert legal.score == pytest.approx(175 / 3)
    assert legal.status == "developing"
    assert top.score == 0
    assert top.status == "at_risk"
    assert card.score == pytest.approx((87.5 * 2 + 175 / 3) / 4)
    assert card.answered == card.total == 5


def test_not_applicable_and_unanswered_are_left_out(tiny_model: Model) -> None:
    card = score(tiny_model, answers(base__a="n/a", base__b=2))
    base, legal, top = card.challenges
    assert base.score == pytest.approx(50.0)
    assert base.answered == 2
    assert legal.score is None and legal.status == "no_data"
    assert top.status == "no_data"
    assert card.score == pytest.approx(50.0)
    assert card.coverage == pytest.approx(40.0)


def test_knockout_makes_challenge_at_risk_and_fails_gate(tiny_model: Model) -> None:
    card = score(tiny_model, answers(legal__disclosure=2, legal__contracts=4))
    legal = card.challenges[1]
    # (50*2 + 100*1)/3 = 66.7 would be developing, the knock-out makes it at risk
    assert legal.score == pytest.approx(200 / 3)
    assert legal.status == "at_risk"
    assert [r.criterion.id for r in legal.blockers] == ["legal.disclosure"]
    assert not card.gate.passed
    assert card.gate.reasons[0].kind == "blocker"


def test_next_steps_priority_and_order(tiny_model: Model) -> None:
    # target 3. base.a=1: gap 2/4, weight 2*1, dependents {top} not ready -> 2*1*0.5*1.5 = 1.5
    # base.b=2: gap 1/4, 2*3*0.25*1.5 = 2.25; legal.contracts=0: 1*1*0.75*1 = 0.75
    # legal.disclosure=2 is a blocker: 1*2*0.25*1 = 0.5, but ranks first.
    # top.x=2 (score 50, developing, so it still counts as held back): 1*1*0.25 = 0.25
    card = score(
        tiny_model, answers(base__a=1, base__b=2, legal__disclosure=2, legal__contracts=0, top__x=2)
    )
    ranked = [(s.rank, s.criterion.id, round(s.priority, 3), s.blocker) for s in card.next_steps]
    assert ranked == [
        (1, "legal.disclosure", 0.5, True),
        (2, "base.b", 2.25, False),
        (3, "base.a", 1.5, False),
        (4, "legal.contracts", 0.75, False),
        (5, "top.x", 0.25, False),
    ]
    assert [c.id for c in card.next_steps[1].blocks] == ["top"]


def test_ready_dependent_does_not_count(tiny_model: Model) -> None:
    card = score(tiny_model, answers(base__a=1, top__x=4))
    (step,) = card.next_steps
    assert step.blocks == ()
    assert step.priority == pytest.approx(2 * 1 * 0.5)


def test_target_override_changes_gap(tiny_model: Model) -> None:
    card = score(tiny_model, answers(base__a=3), target=4)
    (step,) = card.next_steps
    assert (step.level, step.target) == (3, 4)
    assert step.priority == pytest.approx(2 * 1 * 0.25 * 1.5)


def test_gate_threshold_and_completeness(tiny_model: Model) -> None:
    card = score(
        tiny_model, answers(base__a=2), gate=GateOptions(fail_under=60, require_complete=True)
    )
    kinds = [r.kind for r in card.gate.reasons]
    assert kinds == ["knockout_unanswered", "below_threshold", "incomplete"]
    assert card.gate.reasons[2].count == 4
    empty = score(tiny_model, answers(), gate=GateOptions(fail_under=10))
    assert [r.kind for r in empty.gate.reasons] == ["no_score"]
    passing = score(tiny_model, answers(base__a=4), gate=GateOptions(fail_under=100))
    assert passing.gate.passed
