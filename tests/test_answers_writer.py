"""answers_writer: deterministic YAML that reads back as the same AnswerSet, byte for byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import EXAMPLE, TINY_MODEL
from csm_check.answers import MAX_NOTE, Answer, AnswerSet, parse_answers
from csm_check.answers_writer import answer_value, dump_answers, render_template
from csm_check.cli import app
from csm_check.loading import load_answers, parse_model
from csm_check.model import Model
from csm_check.yamlio.read import parse_yaml
from csm_check.yamlio.write import plain_or_quoted, quote

TINY = parse_model(parse_yaml(TINY_MODEL, "tiny.yaml"))


def every_answer(answers: AnswerSet, model: Model) -> dict[str, Answer]:
    return {criterion_id: answers.get(criterion_id) for criterion_id in model.criterion_ids()}


def reload(text: str, model: Model) -> AnswerSet:
    return parse_answers(parse_yaml(text, "written.yaml"), model)


def test_example_round_trips_byte_for_byte(model: Model) -> None:
    original = load_answers(EXAMPLE, model)
    written = dump_answers(original, model)
    again = reload(written, model)
    assert again == original
    assert dump_answers(again, model) == written


def test_layout(tiny_model: Model) -> None:
    answers = AnswerSet(
        model="tiny",
        organisation="ACME",
        respondent=None,
        role="team lead",
        assessed_on=dt.date(2026, 11, 27),
        language="en",
        answers={
            "base.a": Answer("answered", 2),
            "base.b": Answer("answered", 3, "monthly, no targets yet"),
            "legal.disclosure": Answer("not_applicable", None, "no bot"),
            "top.x": Answer("unanswered", None, "ask IT"),
        },
    )
    body = dump_answers(answers, tiny_model).split("schema_version", 1)[1]
    assert body.splitlines() == [
        ": 1",
        "model: tiny",
        'organisation: "ACME"',
        "respondent:",
        'role: "team lead"',
        "assessed_on: 2026-11-27",
        "language: en",
        "answers:",
        "",
        "  # 1. Base",
        "  base.a: 2",
        '  base.b: {level: 3, note: "monthly, no targets yet"}',
        "",
        "  # 2. Legal",
        '  legal.disclosure: {level: n/a, note: "no bot"}',
        "  legal.contracts:",
        "",
        "  # 3. Top",
        '  top.x: {level: null, note: "ask IT"}',
    ]
    again = reload(dump_answers(answers, tiny_model), tiny_model)
    assert every_answer(again, tiny_model) == every_answer(answers, tiny_model)
    assert again.organisation == "ACME"


def test_answers_follow_model_order(tiny_model: Model) -> None:
    answers = AnswerSet(
        answers={"top.x": Answer("answered", 1), "base.a": Answer("answered", 0)}, language="de"
    )
    text = dump_answers(answers, tiny_model)
    assert text.index("base.a: 0") < text.index("top.x: 1")
    assert "# 1. Basis" in text  # comments in the file's language


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "yes",
        "on",
        "off",
        "1.10",
        "2026-01-01",
        "null",
        "~",
        "",
        "# not a comment",
        "key: value",
        "- item",
        '"quoted" and \\ backslash',
        "[/] [bold]markup[/bold]",
        "line\nbreak\r\n\ttab",
        "next\x85line\u2028sep\u2029para",
        "\x7f\x9f\ufffe\uffff",
        "Grüße 🙂 „Zitat“",
        "{level: 4}",
        "&anchor *alias",
        "!!python/object:os.system",
        " leading and trailing ",
    ],
)
def test_quote_reads_back_as_the_same_text(text: str) -> None:
    assert yaml.safe_load(quote(text)) == text
    assert yaml.safe_load(f"key: {quote(text)}") == {"key": text}
    assert parse_yaml(f"key: {quote(text)}\n", "x").data == {"key": text}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_quote_any_text(text: str) -> None:
    quoted = quote(text)
    assert "\n" not in quoted
    assert parse_yaml(f"note: {quoted}\n", "x").data == {"note": text}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("csm-2026", "csm-2026"),
        ("talent.attrition", "talent.attrition"),
        ("no", '"no"'),
        ("1.2", '"1.2"'),
        ("2026", '"2026"'),
        ("null", '"null"'),
        ("1_000", '"1_000"'),
    ],
)
def test_identifiers_are_quoted_only_when_yaml_would_change_them(text: str, expected: str) -> None:
    assert plain_or_quoted(text) == expected
    assert yaml.safe_load(plain_or_quoted(text)) == text


def test_answer_values() -> None:
    assert answer_value(Answer("unanswered")) == ""
    assert answer_value(Answer("answered", 0)) == "0"
    assert answer_value(Answer("answered", 4, "x")) == '{level: 4, note: "x"}'
    assert answer_value(Answer("not_applicable", None, "y")) == '{level: n/a, note: "y"}'


def test_template_file_keeps_its_data(tiny_model: Model) -> None:
    for language in ("en", "de"):
        template = render_template(tiny_model, language)
        loaded = reload(template, tiny_model)
        written = dump_answers(loaded, tiny_model)
        assert reload(written, tiny_model) == loaded
        assert loaded.language == language


def test_written_file_passes_validate(
    tmp_path: Path, tiny_model: Model, tiny_model_file: Path, runner: CliRunner
) -> None:
    answers = AnswerSet(
        organisation="no",
        respondent="1.10",
        language="en",
        answers={
            "base.a": Answer("answered", 1, "on"),
            "top.x": Answer("not_applicable", None, "~"),
        },
    )
    path = tmp_path / "answers.yaml"
    path.write_text(dump_answers(answers, tiny_model), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--challenges", str(tiny_model_file)])
    assert result.exit_code == 0, result.output
    assert "2/5" in result.stdout
    assert load_answers(path, tiny_model).organisation == "no"


notes = st.one_of(st.none(), st.text(max_size=60).filter(lambda s: len(s) <= MAX_NOTE))
answer_strategy = st.one_of(
    st.builds(lambda level, note: Answer("answered", level, note), st.integers(0, 4), notes),
    st.builds(
        lambda note: Answer("not_applicable", None, note), st.text(min_size=1).filter(str.strip)
    ),
    st.builds(lambda note: Answer("unanswered", None, note), notes),
)
names = st.one_of(st.none(), st.text(max_size=200))


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["base.a", "base.b", "legal.disclosure", "legal.contracts", "top.x"]),
        answer_strategy,
    ),
    names,
    names,
    st.one_of(st.none(), st.dates()),
    st.sampled_from([None, "en", "de"]),
)
def test_any_answer_set_round_trips(
    answers: dict[str, Answer],
    organisation: str | None,
    respondent: str | None,
    assessed_on: dt.date | None,
    language: str | None,
) -> None:
    answer_set = AnswerSet(
        model="tiny",
        organisation=organisation,
        respondent=respondent,
        assessed_on=assessed_on,
        language=language,
        answers=answers,
    )
    written = dump_answers(answer_set, TINY)
    again = reload(written, TINY)
    assert every_answer(again, TINY) == every_answer(answer_set, TINY)
    assert (again.organisation, again.respondent) == (organisation, respondent)
    assert (again.assessed_on, again.language) == (assessed_on, language)
    assert dump_answers(again, TINY) == written


def test_role_round_trips_and_template_suggests_roles(tiny_model: Model) -> None:
    written = dump_answers(AnswerSet(model="tiny", role="Teamleitung"), tiny_model)
    assert reload(written, tiny_model).role == "Teamleitung"
    template = render_template(tiny_model, "de")
    assert "# Ihre Rolle, z. B. Servicemitarbeiter/in, Teamleitung," in template
    assert "\nrole:\n" in template
