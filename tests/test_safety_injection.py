"""Issue 9, injection: user text cannot act as a GitHub Actions workflow command on stdout
(or stderr), JSON escapes terminal and bidi controls, file names in messages are escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE, run_cli
from csm_check.cli.output import inert_for_ci
from csm_check.render.jsontext import dumps

NOTE = "##[error]note\n::error::x \x9b31m \u202e evil \x7f end \u2066"
RESPONDENT = "x" * 60 + " ::stop-commands::token"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "a.yaml"
    note = json.dumps(NOTE)  # a JSON string is a YAML double-quoted scalar
    path.write_text(
        "schema_version: 1\n"
        'organisation: "Org ##[error]boom"\n'
        f'respondent: "{RESPONDENT}"\n'
        "language: en\n"
        "answers:\n"
        f"  talent.attrition-rate: {{level: 2, note: {note}}}\n"
        "  compliance.bot-disclosure: 0\n",
        encoding="utf-8",
    )
    return path


def commands(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("::")]


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "html", "junit"])
def test_user_text_cannot_become_a_workflow_command(
    runner: CliRunner, hostile: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run_cli(runner, "score", hostile, "-f", fmt)
    assert result.exit_code == 1  # the knock-out fails the gate
    for stream in (result.stdout, result.stderr):
        assert "##[" not in stream
        assert all(
            line.startswith(("::error file=", "::warning file=")) for line in commands(stream)
        )
    ours = commands(result.stdout if fmt == "table" else result.stderr)
    assert ours and ours[0].startswith(f"::error file={hostile},line=7,col=3,title=csm-check::")


def test_wrapped_name_in_the_table_is_not_a_command_line(
    runner: CliRunner, hostile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run_cli(runner, "score", hostile)
    lines = result.stdout.splitlines()
    wrapped = [line for line in lines if "stop-commands" in line]
    assert wrapped == [":\u200b:stop-commands::token"]  # as it wrapped, made inert


def test_json_escapes_controls_and_reads_back_unchanged(runner: CliRunner, hostile: Path) -> None:
    result = run_cli(runner, "score", hostile, "-f", "json")
    for raw in ("\x9b", "\u202e", "\x7f", "\u2066", "##["):
        assert raw not in result.stdout
    for escaped in ("\\u009b", "\\u202e", "\\u007f", "\\u2066", "##\\u005b"):
        assert escaped in result.stdout
    data = json.loads(result.stdout)
    assert data["challenges"][0]["criteria"][0]["note"] == NOTE
    assert data["organisation"] == "Org ##[error]boom"


def test_comparison_json_is_escaped_too(runner: CliRunner, hostile: Path) -> None:
    result = run_cli(runner, "compare", EXAMPLE, hostile, "-f", "json")
    assert result.exit_code == 0, result.output
    assert "\x9b" not in result.stdout and "##[" not in result.stdout
    json.loads(result.stdout)


def test_dumps_helper() -> None:
    text = dumps({"a": "\x85\u2028 ##[x] \u202a"})
    assert text == '{\n  "a": "\\u0085\\u2028 ##\\u005bx] \\u202a"\n}'
    assert json.loads(text) == {"a": "\x85\u2028 ##[x] \u202a"}


def test_inert_for_ci_only_touches_commands() -> None:
    assert inert_for_ci("a::b\n  ::x\n##[y]") == "a::b\n  :\u200b:x\n#\u200b#[y]"
    assert inert_for_ci("plain text: no: change\n") == "plain text: no: change\n"


@pytest.mark.parametrize("name", ["a\x1b[31mred.yaml", "b\u202eevil.yaml", "c\x9bx.yaml"])
def test_file_names_are_escaped_in_messages(runner: CliRunner, tmp_path: Path, name: str) -> None:
    good = tmp_path / name
    good.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(runner, "validate", good)
    assert result.exit_code == 0, result.output
    bad = tmp_path / ("bad-" + name)
    bad.write_text("answers: [\n", encoding="utf-8")
    failed = run_cli(runner, "validate", bad)
    assert failed.exit_code == 2
    raw = name[1]
    for text in (result.stdout, failed.stderr):
        assert raw not in text
        assert raw.encode("unicode_escape").decode() in text
