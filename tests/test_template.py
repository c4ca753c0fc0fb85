"""`csm-check template` writes files that `score` accepts as they are, whatever the ids."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from conftest import TINY_MODEL
from csm_check.cli import app


def test_ids_that_yaml_would_misread_are_quoted(runner: CliRunner, tmp_path: Path) -> None:
    # `no` is a boolean and `1.2` a number to YAML 1.1; both are valid ids in a model.
    model = (
        TINY_MODEL.replace("id: tiny", 'id: "no"')
        .replace("id: top.x", 'id: "1.2"')
        .replace("id: top", 'id: "1"')
    )
    model_file = tmp_path / "model.yaml"
    model_file.write_text(model, encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    written = runner.invoke(app, ["template", "--challenges", str(model_file), "-o", str(answers)])
    assert written.exit_code == 0, written.stderr
    text = answers.read_text(encoding="utf-8")
    assert 'model: "no"\n' in text
    assert '  "1.2":\n' in text
    scored = runner.invoke(app, ["score", str(answers), "--challenges", str(model_file)])
    assert scored.exit_code == 0, scored.stderr
    assert "0 of 5 criteria answered" in scored.stdout


def test_schema_path_line_comes_first(runner: CliRunner) -> None:
    result = runner.invoke(app, ["template", "--schema-path", "answers.schema.json"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "# yaml-language-server: $schema=answers.schema.json"
