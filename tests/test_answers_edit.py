"""Saving keeps the file's bytes: only changed answers (and assessed_on) are edited."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from typer.testing import CliRunner

from csm_check.answers import Answer, AnswerSet, parse_answers
from csm_check.answers_edit import update_answers_text
from csm_check.answers_writer import dump_answers
from csm_check.cli import app
from csm_check.frozen import replace
from csm_check.loading import load_answers
from csm_check.model import Model
from csm_check.yamlio.read import parse_yaml

TODAY = dt.date.today()
USER_COMMENT = "# checked with HR on 12 Nov"


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed: list[str] = []
    added: list[str] = []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_template_answered_three_times_differs_only_in_those_lines(
    runner: CliRunner, tmp_path: Path, model: Model
) -> None:
    template = runner.invoke(app, ["template"]).stdout
    lines = template.splitlines(keepends=True)
    # a user comment in the middle of the answers, another at the end, odd quoting up top
    middle = next(i for i, line in enumerate(lines) if "talent.employee-nps" in line)
    lines.insert(middle, f"  {USER_COMMENT}\n")
    lines.append("# the end, by hand\n")
    text = "".join(lines).replace("model: csm-2026", "model: 'csm-2026'")
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(
        app,
        ["interactive", "--answers", str(path)],
        input="\n\n2\n3 monthly, no targets yet\nn no bot yet\nq\n",
    )
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(text, after)
    ids = [c.id for _, c in model.criteria()][:3]
    assert removed == ["assessed_on:", f"  {ids[0]}:", f"  {ids[1]}:", f"  {ids[2]}:"]
    assert added == [
        f"assessed_on: {TODAY.isoformat()}",
        f"  {ids[0]}: 2",
        f'  {ids[1]}: {{level: 3, note: "monthly, no targets yet"}}',
        f'  {ids[2]}: {{level: n/a, note: "no bot yet"}}',
    ]
    assert USER_COMMENT in after and after.endswith("# the end, by hand\n")
    assert "model: 'csm-2026'" in after
    answers = load_answers(path, model)
    assert answers.get(ids[1]) == Answer("answered", 3, "monthly, no targets yet")


def parsed(text: str, model: Model) -> AnswerSet:
    return parse_answers(parse_yaml(text, "a.yaml"), model)


def test_missing_answers_are_inserted_in_model_order(tiny_model: Model) -> None:
    text = (
        "schema_version: 1  # kept\n"
        "language: en\n"
        "answers:\n"
        "    # mine\n"
        "    base.b: 1   # a comment after the value\n"
        "\n"
        "    top.x:\n"
        "      level: 2\n"
        "      note: block style\n"
        "    # trailing\n"
    )
    old = parsed(text, tiny_model)
    new_answers = dict(old.answers)
    new_answers["base.a"] = Answer("answered", 4)
    new_answers["legal.contracts"] = Answer("not_applicable", None, 'say "no"')
    new_answers["legal.disclosure"] = Answer("answered", 0)
    new_answers["top.x"] = Answer("answered", 3)
    new = replace(old, answers=new_answers, organisation="ACME", assessed_on=dt.date(2030, 1, 2))
    result = update_answers_text(text, new, tiny_model)
    assert result == (
        "schema_version: 1  # kept\n"
        "language: en\n"
        'organisation: "ACME"\n'
        "assessed_on: 2030-01-02\n"
        "answers:\n"
        "    # mine\n"
        "    base.a: 4\n"
        "    base.b: 1   # a comment after the value\n"
        "    legal.disclosure: 0\n"
        '    legal.contracts: {level: n/a, note: "say \\"no\\""}\n'
        "\n"
        "    top.x: 3\n"  # a changed entry is written as dump_answers writes it
        "    # trailing\n"
    )
    assert "# mine\n" in result and "# trailing\n" in result


def test_clearing_an_answer_leaves_an_empty_value(tiny_model: Model) -> None:
    text = "schema_version: 1\nanswers:\n  base.a: 2  # why\n  base.b: 3\n"
    old = parsed(text, tiny_model)
    new = replace(old, answers={**old.answers, "base.a": Answer("unanswered")})
    result = update_answers_text(text, new, tiny_model)
    assert result == "schema_version: 1\nanswers:\n  base.a:  # why\n  base.b: 3\n"


def test_a_file_without_answers_is_written_whole(tiny_model: Model) -> None:
    text = "schema_version: 1\n# nothing yet\n"
    new = AnswerSet(language="en", answers={"base.a": Answer("answered", 1)})
    assert update_answers_text(text, new, tiny_model) == dump_answers(new, tiny_model)
    assert update_answers_text(None, new, tiny_model) == dump_answers(new, tiny_model)


def test_unchanged_answers_give_the_same_bytes(tiny_model: Model) -> None:
    text = "# hello\nschema_version: 1\nanswers: {base.a: 2, 'top.x': 1}  # flow\n"
    old = parsed(text, tiny_model)
    assert update_answers_text(text, old, tiny_model) == text
    new = replace(old, answers={**old.answers, "top.x": Answer("answered", 4)})
    assert update_answers_text(text, new, tiny_model) == (
        "# hello\nschema_version: 1\nanswers: {base.a: 2, 'top.x': 4}  # flow\n"
    )


def test_a_note_that_grows_long_is_folded_as_dump_answers_folds_it(tiny_model: Model) -> None:
    """The interview edits its file in place; for the same answers it must still hold the
    bytes `dump_answers` (and the HTML form) write: a long note in the block form, and back."""
    short = AnswerSet(model="tiny", language="en", answers={"base.b": Answer("answered", 3, "x")})
    text = dump_answers(short, tiny_model)
    long = replace(short, answers={"base.b": Answer("answered", 3, "word " * 30 + "end")})
    grown = update_answers_text(text, long, tiny_model)
    assert grown == dump_answers(long, tiny_model)
    assert "  base.b:\n    level: 3\n    note: " in grown
    assert update_answers_text(grown, short, tiny_model) == text
