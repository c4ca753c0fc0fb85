"""GitHub Actions: the step summary and the ::error / ::warning annotations.

Only when GITHUB_ACTIONS=true (conftest.py removes it from the test environment); the
summary only when GITHUB_STEP_SUMMARY names a file, appended and kept within 1 MiB.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from conftest import EXAMPLE, REPO
from csm_check.cli import app
from csm_check.cli.github import (
    CUT_NOTE,
    MAX_ANNOTATIONS,
    SUMMARY_LIMIT,
    append_step_summary,
    escape_data,
    escape_property,
    in_github_actions,
    workflow_commands,
)
from csm_check.model import Model
from csm_check.scoring.results import GateReason

# Line numbers matter: annotations point at them.
#   1 schema_version, 2 language, 3 answers:, 4 base.a, 5 legal.disclosure
# base.a = 2 -> base 50.0; legal.disclosure = 1 (knock-out minimum 3) -> legal 25.0, a blocker;
# overall (50 * 2 + 25) / 3 = 41.67 -> 41.7
ANSWERS = """\
schema_version: 1
language: en
answers:
  base.a: 2
  legal.disclosure: 1
"""
BLOCKER = "knock-out criterion legal.disclosure is below its minimum level"


def run(runner: CliRunner, *args: str | Path, env: dict[str, str] | None = None) -> Result:
    result = runner.invoke(app, [str(arg) for arg in args], env=env)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_model_file: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    (tmp_path / "summary.md").write_text("# Earlier step\n", encoding="utf-8")
    return tmp_path


ACTIONS = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": "summary.md"}


def score(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> Result:
    return run(runner, "score", "answers.yaml", "--challenges", "tiny.yaml", *args, env=env)


# --- escaping --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain text", "plain text", "plain text"),
        ("50% done", "50%25 done", "50%25 done"),
        ("a\r\nb\nc\rd", "a%0D%0Ab%0Ac%0Dd", "a%0D%0Ab%0Ac%0Dd"),
        ("%0A is no newline", "%250A is no newline", "%250A is no newline"),
        ("file: a, b", "file: a, b", "file%3A a%2C b"),
        ("C:\\x,y%z\n", "C:\\x,y%25z%0A", "C%3A\\x%2Cy%25z%0A"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
    ],
)
def test_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_percent_is_escaped_first() -> None:
    """Escaping % after the others would turn %0A into %250A: a literal, not a newline."""
    assert escape_data("\n") == "%0A"
    assert escape_property(":") == "%3A"


def never(reason: GateReason) -> list[tuple[str, int, int]]:
    return [("team/q1,draft:2.yaml", 7, 3)]


def test_workflow_commands_format() -> None:
    lines = workflow_commands(
        (GateReason("incomplete", count=3),),
        (GateReason("challenge_below", challenge="base", score=50.0, threshold=60),),
        never,
        "en",
    )
    assert lines == [
        "::error file=team/q1%2Cdraft%3A2.yaml,line=7,col=3,title=csm-check::"
        "3 criteria unanswered (--require-complete)",
        "::warning file=team/q1%2Cdraft%3A2.yaml,line=7,col=3,title=csm-check::"
        "challenge base scores 50.0, below its minimum 60",
    ]


def test_at_most_ten_of_each() -> None:
    errors = tuple(GateReason("incomplete", count=n) for n in range(1, 13))
    warnings = tuple(
        GateReason("challenge_no_score", challenge=f"c{n}", threshold=10) for n in range(12)
    )
    lines = workflow_commands(errors, warnings, never, "en")
    assert MAX_ANNOTATIONS == 10
    kinds = [line.split(" ")[0] for line in lines]
    assert kinds == ["::error"] * 10 + ["::notice"] + ["::warning"] * 10 + ["::notice"]
    # the first ten, in order, then how many more
    assert lines[0].endswith("::1 criterion unanswered (--require-complete)")
    assert lines[9].endswith("::10 criteria unanswered (--require-complete)")
    assert lines[10] == (
        "::notice title=csm-check::2 more errors not shown as annotations (GitHub shows 10 per"
        " step); all are in the log and the step summary"
    )
    assert lines[20].endswith("::challenge c9 has no score, its minimum is 10")
    assert lines[21].startswith("::notice title=csm-check::2 more warnings not shown")


def test_no_notice_when_all_fit() -> None:
    errors = tuple(GateReason("incomplete", count=n) for n in range(1, 11))
    lines = workflow_commands(errors, (), never, "en")
    assert len(lines) == 10
    assert not any(line.startswith("::notice") for line in lines)


def test_in_github_actions() -> None:
    assert in_github_actions({"GITHUB_ACTIONS": "true"})
    assert not in_github_actions({"GITHUB_ACTIONS": "false"})
    assert not in_github_actions({"GITHUB_ACTIONS": "1"})
    assert not in_github_actions({})


# --- the step summary ------------------------------------------------------------------------


def test_summary_appended_in_github_actions(runner: CliRunner, folder: Path) -> None:
    result = score(runner, "--format", "json", env=ACTIONS)
    assert result.exit_code == 1
    summary = (folder / "summary.md").read_text("utf-8")
    # appended after what earlier steps wrote, not overwritten
    assert summary.startswith("# Earlier step\n# Readiness scorecard: Tiny model\n")
    # 2 of 5 criteria answered: the coverage guard says "insufficient data", the score stays
    assert "**Overall: 41.7 · 🔘 insufficient data**" in summary
    # the criterion by its short name for the reader, its id in code after it
    blocker = "knock-out criterion “Disclosed?” (`legal.disclosure`) is below its minimum level"
    assert f"**Gate: FAILED**\n\n- {blocker}\n" in summary
    # twice: appended twice
    score(runner, env=ACTIONS)
    summary = (folder / "summary.md").read_text("utf-8")
    assert summary.count("# Readiness scorecard: Tiny model") == 2


def test_summary_in_the_answers_language(runner: CliRunner, folder: Path) -> None:
    score(runner, "--lang", "de", env=ACTIONS)
    assert "# Readiness-Scorecard: Kleines Modell" in (folder / "summary.md").read_text("utf-8")


@pytest.mark.parametrize(
    "env",
    [
        {"GITHUB_STEP_SUMMARY": "summary.md"},  # not in GitHub Actions
        {"GITHUB_ACTIONS": "false", "GITHUB_STEP_SUMMARY": "summary.md"},
        {"GITHUB_ACTIONS": "true"},  # no summary file
        {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": ""},
    ],
)
def test_summary_only_in_github_actions_with_a_file(
    runner: CliRunner, folder: Path, env: dict[str, str]
) -> None:
    result = score(runner, "--format", "json", env=env)
    assert result.exit_code == 1
    assert (folder / "summary.md").read_text("utf-8") == "# Earlier step\n"
    assert json.loads(result.stdout)["gate"]["passed"] is False


def test_no_annotations_outside_github_actions(runner: CliRunner, folder: Path) -> None:
    result = score(runner, env={"GITHUB_STEP_SUMMARY": "summary.md"})
    assert "::" not in result.stdout + result.stderr


def test_summary_file_is_created(runner: CliRunner, folder: Path) -> None:
    score(runner, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": "new-summary.md"})
    assert (folder / "new-summary.md").read_text("utf-8").startswith("# Readiness scorecard")


def test_unwritable_summary_is_an_error_not_a_traceback(runner: CliRunner, folder: Path) -> None:
    (folder / "a-folder").mkdir()
    result = score(runner, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": "a-folder"})
    assert result.exit_code == 2
    assert result.stderr.startswith("a-folder:1:1: cannot write the step summary: ")


def test_summary_cut_within_the_limit(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_bytes(b"x" * (SUMMARY_LIMIT - 1000))
    # 999 bytes of room before the final newline; after the note, room for 999 - 54 = 945
    # bytes: 472 two-byte characters, the 473rd would be split and is left out whole
    assert len(CUT_NOTE) == 54
    assert append_step_summary("ä" * 5000, {"GITHUB_STEP_SUMMARY": str(target)})
    data = target.read_bytes()
    assert data == b"x" * (SUMMARY_LIMIT - 1000) + ("ä" * 472).encode() + CUT_NOTE + b"\n"
    assert len(data) == SUMMARY_LIMIT - 1 <= SUMMARY_LIMIT
    data.decode("utf-8")


def test_summary_that_fits_exactly_is_not_cut(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_bytes(b"x" * (SUMMARY_LIMIT - 101))
    assert append_step_summary("y" * 100, {"GITHUB_STEP_SUMMARY": str(target)})
    data = target.read_bytes()
    assert len(data) == SUMMARY_LIMIT
    assert data.endswith(b"y" * 100 + b"\n")


@pytest.mark.parametrize("left", [0, 1, len(CUT_NOTE)])
def test_summary_skipped_when_no_room_is_left(tmp_path: Path, left: int) -> None:
    target = tmp_path / "summary.md"
    target.write_bytes(b"x" * (SUMMARY_LIMIT - left))
    assert not append_step_summary("# Scorecard\n" * 100, {"GITHUB_STEP_SUMMARY": str(target)})
    assert target.stat().st_size == SUMMARY_LIMIT - left


def test_summary_cut_to_the_note_alone(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_bytes(b"x" * (SUMMARY_LIMIT - len(CUT_NOTE) - 1))
    assert append_step_summary("# Scorecard\n" * 100, {"GITHUB_STEP_SUMMARY": str(target)})
    assert target.read_bytes().endswith(b"x" + CUT_NOTE + b"\n")
    assert target.stat().st_size == SUMMARY_LIMIT


# --- annotations from the command line -------------------------------------------------------


def test_annotations_point_at_the_answers_file(runner: CliRunner, folder: Path) -> None:
    (folder / "csm-check.yaml").write_text(
        "challenges:\n  base: {minimum: 60, level: warn}\n", encoding="utf-8"
    )
    result = score(runner, "--fail-under", "90", env=ACTIONS)
    assert result.exit_code == 1
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert commands == [
        # the blocker at its criterion (line 5), the overall reason at `answers:` (line 3),
        # the challenge warning at the first answered criterion of base (line 4)
        f"::error file=answers.yaml,line=5,col=3,title=csm-check::{BLOCKER}",
        "::error file=answers.yaml,line=3,col=1,title=csm-check::"
        "overall score 41.7 is below --fail-under 90",
        "::warning file=answers.yaml,line=4,col=3,title=csm-check::"
        "challenge base scores 50.0, below its minimum 60",
    ]
    # after the table on stdout
    assert result.stdout.index("Gate: FAILED") < result.stdout.index("::error")


def test_annotations_go_to_stderr_when_stdout_is_machine_output(
    runner: CliRunner, folder: Path
) -> None:
    result = score(runner, "--format", "json", env=ACTIONS)
    assert json.loads(result.stdout)["gate"]["reasons"] == [BLOCKER]
    assert result.stderr.splitlines() == [
        BLOCKER,
        f"::error file=answers.yaml,line=5,col=3,title=csm-check::{BLOCKER}",
    ]


def test_annotations_with_output_file(runner: CliRunner, folder: Path) -> None:
    result = score(runner, "--format", "junit", "-o", "junit.xml", env=ACTIONS)
    assert result.stdout == f"::error file=answers.yaml,line=5,col=3,title=csm-check::{BLOCKER}\n"
    assert result.stderr == BLOCKER + "\n"


def test_annotation_of_a_challenge_without_answers(runner: CliRunner, folder: Path) -> None:
    """top has no answers in the file: its reason points at the `answers:` line."""
    (folder / "csm-check.yaml").write_text("challenges:\n  top: {minimum: 10}\n", encoding="utf-8")
    result = score(runner, "--format", "json", env=ACTIONS)
    assert "::error file=answers.yaml,line=3,col=1,title=csm-check::" in result.stderr


def test_annotation_file_name_is_escaped(runner: CliRunner, folder: Path) -> None:
    (folder / "q1,draft: v2.yaml").write_text(ANSWERS, encoding="utf-8")
    result = run(
        runner, "score", "q1,draft: v2.yaml", "--challenges", "tiny.yaml", "-f", "json",
        env=ACTIONS,
    )  # fmt: skip
    assert f"::error file=q1%2Cdraft%3A v2.yaml,line=5,col=3,title=csm-check::{BLOCKER}" in (
        result.stderr.splitlines()
    )


def test_at_most_ten_errors_from_the_command_line(
    runner: CliRunner, folder: Path, model: Model
) -> None:
    """Every criterion of the built-in model (41) at level 3 without a note."""
    ids = model.criterion_ids()
    assert len(ids) > MAX_ANNOTATIONS
    lines = ["schema_version: 1", "answers:"] + [f"  {criterion}: 3" for criterion in ids]
    (folder / "all.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(runner, "score", "all.yaml", "--require-evidence", "-f", "json", env=ACTIONS)
    assert result.exit_code == 1
    reasons = json.loads(result.stdout)["gate"]["reasons"]
    assert len(reasons) == len(ids)
    errors = [line for line in result.stderr.splitlines() if line.startswith("::error ")]
    assert len(errors) == MAX_ANNOTATIONS
    # the first ten criteria, each at its own line (line 3 onwards)
    assert [e.split(",")[1] for e in errors] == [f"line={n}" for n in range(3, 13)]
    notices = [line for line in result.stderr.splitlines() if line.startswith("::notice ")]
    assert notices == [
        f"::notice title=csm-check::{len(ids) - 10} more errors not shown as annotations"
        " (GitHub shows 10 per step); all are in the log and the step summary"
    ]


def test_passing_run_writes_no_annotations(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "score", str(EXAMPLE), env=ACTIONS)
    assert result.exit_code == 0
    assert "::" not in result.stdout + result.stderr
    assert "# Readiness-Scorecard" in (folder / "summary.md").read_text("utf-8")


# --- the workflow in docs/ci.md --------------------------------------------------------------


def test_documented_workflow() -> None:
    section = (REPO / "docs" / "ci.md").read_text("utf-8").split("\n## GitHub Actions", 1)[1]
    block = re.findall(r"```yaml\n(.*?)```", section.split("\n## ", 1)[0], flags=re.DOTALL)[0]
    workflow = yaml.safe_load(block)
    steps = workflow["jobs"]["csm-check"]["steps"]
    uses = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    assert uses["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert "actions/checkout" in uses
    runs = [step["run"] for step in steps if "run" in step]
    assert any(run.startswith("pip install ") for run in runs)
    assert any("csm-check score csm-answers.yaml" in run and "--format" not in run for run in runs)
    (junit_run,) = (run for run in runs if "--format junit -o junit.xml" in run)
    # the second run must not write the summary and annotations again
    assert "env -u GITHUB_ACTIONS" in junit_run
    assert any("csm-report.json > baseline.json" in run for run in runs)


# --- team: each annotation at the file that causes it ------------------------------------------

ALICE = """\
schema_version: 1
answers:
  base.a: 4
  base.b: 4
  legal.disclosure: 4
  top.x: 4
"""
BOB = """\
schema_version: 1
answers:
  top.x: 3
  base.b: 4
  base.a: 0
  legal.disclosure: 1
"""


def test_team_annotations_point_at_the_causing_file(runner: CliRunner, folder: Path) -> None:
    """Bob's 0 pulls base down and Bob's 1 misses the knock-out: both point at Bob's lines,
    not at Alice's (the first file)."""
    team = folder / "team"
    team.mkdir()
    (team / "alice.yaml").write_text(ALICE, encoding="utf-8")
    (team / "bob.yaml").write_text(BOB, encoding="utf-8")
    (folder / "csm-check.yaml").write_text(
        "challenges:\n  base: {minimum: 90, level: warn}\n", encoding="utf-8"
    )
    result = run(runner, "score", "team", "--challenges", "tiny.yaml", "-f", "json", env=ACTIONS)
    assert result.exit_code == 1
    commands = [line for line in result.stderr.splitlines() if line.startswith("::")]
    bob = escape_property(str(Path("team") / "bob.yaml"))
    assert commands[0] == f"::error file={bob},line=6,col=3,title=csm-check::{BLOCKER}"
    assert commands[1].startswith(f"::warning file={bob},line=5,col=3,title=csm-check::")
    assert len(commands) == 2


def test_knockout_in_each_file_that_misses_it(runner: CliRunner, folder: Path) -> None:
    team = folder / "team"
    team.mkdir()
    (team / "a.yaml").write_text(BOB, encoding="utf-8")
    (team / "b.yaml").write_text(BOB.replace("legal.disclosure: 1", "legal.disclosure: 2"), "utf-8")
    (team / "c.yaml").write_text(ALICE, encoding="utf-8")
    result = run(runner, "score", "team", "--challenges", "tiny.yaml", "-f", "json", env=ACTIONS)
    errors = [line for line in result.stderr.splitlines() if line.startswith("::error")]
    files = [line.split(",")[0].removeprefix("::error file=") for line in errors]
    assert files == [escape_property(str(Path("team") / n)) for n in ("a.yaml", "b.yaml")]


# --- invalid input (exit 2) ----------------------------------------------------------------------


def test_invalid_input_becomes_error_annotations(runner: CliRunner, folder: Path) -> None:
    (folder / "bad.yaml").write_text(
        "schema_version: 1\nanswers:\n  base.a: 7\n  base.zz: 1\n  base.a: 2\n", "utf-8"
    )
    result = run(runner, "validate", "bad.yaml", "--challenges", "tiny.yaml", env=ACTIONS)
    assert result.exit_code == 2
    commands = [line for line in result.stderr.splitlines() if line.startswith("::")]
    assert [c.split("::")[1] for c in commands] == [
        "error file=bad.yaml,line=3,col=11,title=csm-check",
        "error file=bad.yaml,line=4,col=3,title=csm-check",
        "error file=bad.yaml,line=5,col=3,title=csm-check",
    ]
    assert commands[1].endswith("::unknown criterion id 'base.zz' (hint: did you mean 'base.b'?)")
    # the same problems as plain lines too, for the log
    assert "bad.yaml:4:3: unknown criterion id 'base.zz'" in result.stderr


def test_score_of_invalid_input_annotates_too(runner: CliRunner, folder: Path) -> None:
    (folder / "answers.yaml").write_text("schema_version: 1\nanswers:\n  base.a: yes\n", "utf-8")
    result = score(runner, env=ACTIONS)
    assert result.exit_code == 2
    assert "::error file=answers.yaml,line=3,col=11,title=csm-check::" in result.stderr


def test_error_without_a_file_is_an_annotation_without_one(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "score", "missing.yaml", env=ACTIONS)
    assert result.exit_code == 2
    assert "::error file=missing.yaml,line=1,col=1,title=csm-check::" in result.stderr
    result = run(runner, "compare", "-", "-", env=ACTIONS)
    assert result.exit_code == 2
    assert any(line.startswith("::error title=csm-check::") for line in result.stderr.splitlines())


def test_no_error_annotations_outside_github_actions(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "score", "missing.yaml")
    assert result.exit_code == 2
    assert "::" not in result.stderr


def test_summary_has_no_image_links(runner: CliRunner, folder: Path) -> None:
    """A relative chart link is a broken image in the step summary (and GitHub strips data:
    URIs): the summary leaves the chart out, the report file keeps its link."""
    result = score(runner, "-f", "markdown", "-o", "report.md", "--chart", "radar.svg", env=ACTIONS)
    assert result.exit_code == 1
    summary = (folder / "summary.md").read_text("utf-8")
    assert "![" not in summary and "radar.svg" not in summary
    assert "](radar.svg)" in (folder / "report.md").read_text("utf-8")
