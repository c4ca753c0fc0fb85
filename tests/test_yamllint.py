"""Everything csm-check ships or writes as YAML passes yamllint with its default config: the
model, the examples, the pre-commit hooks, `template` output and files the interview writes
(`dump_answers`), long notes and hostile text included. A repository with yamllint in its
pre-commit must accept an untouched template. (.ci/run runs the yamllint CLI on them too.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from yamllint import linter  # type: ignore[import-untyped]
from yamllint.config import YamlLintConfig  # type: ignore[import-untyped]

from conftest import EXAMPLE, REPO
from conftest import run_cli as run
from csm_check.answers import Answer, AnswerSet
from csm_check.answers_writer import dump_answers
from csm_check.loading import load_answers, load_model
from csm_check.model import Model
from csm_check.yamlio.read import parse_yaml

DEFAULT = YamlLintConfig("extends: default")
SHIPPED = [
    REPO / "challenges.yaml",
    REPO / ".pre-commit-hooks.yaml",
    EXAMPLE,
    *sorted((EXAMPLE.parent / "team").glob("*.yaml")),
]


def problems(text: str) -> list[str]:
    return [f"{p.line}:{p.column}: {p.desc} ({p.rule})" for p in linter.run(text, DEFAULT)]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_yaml_is_clean(path: Path) -> None:
    assert problems(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("lang", ["en", "de"])
def test_template_is_clean(runner: CliRunner, lang: str) -> None:
    result = run(runner, "template", "--lang", lang)
    assert result.exit_code == 0
    assert problems(result.stdout) == []


def test_written_answers_with_long_notes_are_clean_and_read_back(model: Model) -> None:
    """The example rewritten by the writer the interview uses: long notes are folded."""
    answers = load_answers(EXAMPLE, model)
    text = dump_answers(answers, model)
    assert problems(text) == []
    assert max(len(line) for line in text.splitlines()) <= 80
    again = load_answers_text(text, model)
    assert again.answers == answers.answers


def load_answers_text(text: str, model: Model) -> AnswerSet:
    from csm_check.answers import parse_answers

    return parse_answers(parse_yaml(text, "answers.yaml"), model)


NOTES = st.text(st.characters(exclude_categories=["Cs"]), min_size=60, max_size=400) | st.lists(
    st.sampled_from(["word", "x", "  ", " ", "\\", '"', "ä", "\\ ", "#", ": "]), min_size=30
).map("".join)


@settings(max_examples=150, deadline=None)
@given(note=NOTES)
def test_folded_notes_read_back_exactly(note: str) -> None:
    model = load_model()
    criterion = next(iter(model.criterion_ids()))
    answers = AnswerSet(model=model.id, answers={criterion: Answer("answered", 3, note)})
    text = dump_answers(answers, model)
    assert load_answers_text(text, model).get(criterion).note == note
