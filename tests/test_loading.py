"""Valid answers files load as written; invalid input never leaves an output file behind."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CASES, EXAMPLE
from csm_check.answers import Answer
from csm_check.cli import app
from csm_check.errors import CsmCheckError, InvalidInputError
from csm_check.loading import load_answers, load_model
from csm_check.model import Model

BAD = CASES / "invalid" / "answers" / "level-7.yaml"


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_short_and_mapping_forms(model: Model, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "schema_version: 1\n"
        "model: csm-2026\n"
        "organisation: Beispiel Service GmbH\n"
        "respondent: Jana Muster\n"
        "assessed_on: 2026-11-27\n"
        "language: de\n"
        "answers:\n"
        "  talent.attrition-rate: 2\n"
        '  foundations.knowledge-base: {level: 3, note: "owners set, reviews quarterly"}\n'
        "  talent.workforce-plan:\n"
        "    level: 0\n"
        "    note: |\n"
        "      two lines\n"
        "      of note\n",
    )
    loaded = load_answers(path, model)
    assert loaded.model == "csm-2026"
    assert loaded.organisation == "Beispiel Service GmbH"
    assert loaded.respondent == "Jana Muster"
    assert loaded.assessed_on == dt.date(2026, 11, 27)
    assert loaded.language == "de"
    assert loaded.answers == {
        "talent.attrition-rate": Answer("answered", 2),
        "foundations.knowledge-base": Answer("answered", 3, "owners set, reviews quarterly"),
        "talent.workforce-plan": Answer("answered", 0, "two lines\nof note\n"),
    }
    assert loaded.get("talent.time-to-proficiency") == Answer("unanswered")


def test_not_applicable_with_note(model: Model, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "schema_version: 1\nanswers:\n"
        '  compliance.bot-disclosure: {level: n/a, note: "no bots in use"}\n',
    )
    loaded = load_answers(path, model)
    assert loaded.answers == {
        "compliance.bot-disclosure": Answer("not_applicable", None, "no bots in use")
    }


@pytest.mark.parametrize(
    "value", ["", " ~", " null", " {level: }", " {level: null, note: later}"], ids=repr
)
def test_empty_value_means_unanswered(model: Model, tmp_path: Path, value: str) -> None:
    path = write(tmp_path, f"schema_version: 1\nanswers:\n  strategy.routing-policy:{value}\n")
    answer = load_answers(path, model).get("strategy.routing-policy")
    assert answer.state == "unanswered"
    assert answer.level is None


def test_no_answers_at_all(model: Model, tmp_path: Path) -> None:
    for text in (
        "schema_version: 1\n",
        "schema_version: 1\nanswers:\n",
        "schema_version: 1\nanswers: {}\n",
    ):
        loaded = load_answers(write(tmp_path, text), model)
        assert loaded.answers == {}
        assert loaded.organisation is None and loaded.assessed_on is None


@pytest.mark.parametrize("value", ['"2026-11-27"', "'2026-11-27'", "2026-11-27"])
def test_date_quoted_or_not(model: Model, tmp_path: Path, value: str) -> None:
    path = write(tmp_path, f"schema_version: 1\nassessed_on: {value}\n")
    assert load_answers(path, model).assessed_on == dt.date(2026, 11, 27)


def test_byte_order_mark_is_accepted(model: Model, tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(
        b"\xef\xbb\xbfschema_version: 1\norganisation: B\xc3\xa4ckerei\nanswers:\n"
        b"  talent.attrition-rate: 4\r\n"
    )
    loaded = load_answers(path, model)
    assert loaded.organisation == "Bäckerei"
    assert loaded.answers == {"talent.attrition-rate": Answer("answered", 4)}


def test_note_of_exactly_2000_characters(model: Model, tmp_path: Path) -> None:
    note = "ö" * 2000
    path = write(
        tmp_path,
        f'schema_version: 1\nanswers:\n  talent.attrition-rate: {{level: 1, note: "{note}"}}\n',
    )
    assert load_answers(path, model).get("talent.attrition-rate").note == note


def test_every_level_and_quoted_na(model: Model, tmp_path: Path) -> None:
    ids = model.criterion_ids()[:5]
    lines = "".join(f"  {cid}: {level}\n" for level, cid in enumerate(ids))
    lines += f"  {model.criterion_ids()[5]}: {{level: 'n/a', note: x}}\n"
    loaded = load_answers(write(tmp_path, "schema_version: 1\nanswers:\n" + lines), model)
    assert [loaded.get(cid).level for cid in ids] == [0, 1, 2, 3, 4]
    assert loaded.get(model.criterion_ids()[5]).state == "not_applicable"


def test_load_answers_raises_located_errors(model: Model) -> None:
    with pytest.raises(InvalidInputError) as caught:
        load_answers(BAD, model)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line, problem.column) == (str(BAD), 4, 30)
    assert isinstance(caught.value, CsmCheckError)
    assert caught.value.exit_code == 2


def test_custom_model_file(tiny_model_file: Path, tmp_path: Path) -> None:
    tiny = load_model(tiny_model_file)
    assert [c.id for c in tiny.challenges] == ["base", "legal", "top"]
    path = write(tmp_path, "schema_version: 1\nmodel: tiny\nanswers:\n  legal.disclosure: 3\n")
    assert load_answers(path, tiny).get("legal.disclosure") == Answer("answered", 3)
    with pytest.raises(InvalidInputError, match="loaded model is 'csm-2026'"):
        load_answers(path, load_model())


# --- nothing is written when the input is bad -------------------------------------------------


def test_score_with_bad_input_writes_no_output(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["score", str(BAD), "--format", "json", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"{BAD}:4:30: level must be a whole number")
    assert not out.exists()
    assert os.listdir(tmp_path) == []


def test_score_with_bad_input_leaves_existing_output_untouched(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "out.json"
    before = b'{"previous": "report", "bytes": "\xc3\xa4\\n"}\n'
    out.write_bytes(before)
    os.utime(out, (1_000_000_000, 1_000_000_000))
    for fmt in ("json", "table"):
        result = runner.invoke(app, ["score", str(BAD), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 2
        assert out.read_bytes() == before
        assert out.stat().st_mtime == 1_000_000_000
    assert sorted(os.listdir(tmp_path)) == ["out.json"]


def test_bad_model_writes_no_template(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    model = CASES / "invalid" / "models" / "weight-zero.yaml"
    result = runner.invoke(app, ["template", "--challenges", str(model), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{model}:19:13: 'weight' must be greater than 0")
    assert not out.exists()


def test_score_output_is_written_whole_and_leaves_no_temp_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "report.json"
    out.write_text("old\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(EXAMPLE), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith('{\n  "schema_version": 1,')
    assert out.read_text(encoding="utf-8").endswith("}\n")
    assert os.listdir(tmp_path) == ["report.json"]


def test_unwritable_output_is_an_error_not_a_traceback(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "report.json"
    result = runner.invoke(app, ["score", str(EXAMPLE), "-f", "json", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(str(out))
    assert result.stderr.endswith(": cannot write file: No such file or directory\n")
    assert not out.parent.exists()
    assert "Traceback" not in result.stdout + result.stderr
