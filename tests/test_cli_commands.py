"""The command table is built lazily (cli/lazy.py): only the invoked command is built, yet
`--help`, unknown commands and every command's own help behave as Typer's eager table did."""

import subprocess
import sys

from typer.testing import CliRunner

from conftest import REPO
from csm_check.cli import app

# Name and the start of its short help, in registration order (the order --help lists them).
COMMANDS = [
    ("score", "Score answers: scorecard, blockers, next steps"),
    ("compare", "Compare two assessments: score changes, status"),
    ("trend", "Show progress over time: a series per challenge"),
    ("validate", "Check the model and answers files; report every"),
    ("template", "Write an empty answers file with every question"),
    ("challenges", "Show the model: challenges, weights, dependencies"),
    ("schema", "Print a JSON Schema for answers files, JSON reports"),
    ("interactive", "Assess your organisation question by question"),
    ("form", "Write one HTML file in which anyone answers the"),
    ("survey-template", "Write a CSV template for a survey tool or spreadsheet"),
    ("import", "Turn each row of a survey CSV into an answers file"),
]


def test_help_lists_every_command_with_its_short_help(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    listed = result.stdout.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed if line.strip()] == [n for n, _ in COMMANDS]
    for line, (name, short) in zip(listed, COMMANDS, strict=True):
        assert line.split(None, 1)[1].startswith(short), (name, line)


def test_an_unknown_command_exits_2_with_a_suggestion(runner: CliRunner) -> None:
    result = runner.invoke(app, ["scroe"])
    assert result.exit_code == 2
    assert "Error: No such command 'scroe'. Did you mean 'score'?" in result.stderr
    assert "Usage: " in result.stderr  # click's usage line, then the error


def test_an_unknown_command_without_a_close_name_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["frobnicate"])
    assert result.exit_code == 2
    assert "No such command 'frobnicate'." in result.stderr
    assert "Did you mean" not in result.stderr


def test_every_command_has_its_own_help(runner: CliRunner) -> None:
    for name, short in COMMANDS:
        result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, name
        assert f"Usage: csm-check {name} [OPTIONS]" in " ".join(result.stdout.split())
        assert short in " ".join(result.stdout.split()), name


def test_version_builds_no_command() -> None:
    code = (
        "import sys; sys.argv = ['csm-check', '--version']\n"
        "import csm_check.cli.lazy as lazy\n"
        "built = []\n"
        "original = lazy.LazyCommands.__getitem__\n"
        "lazy.LazyCommands.__getitem__ = lambda self, n: built.append(n) or original(self, n)\n"
        "from csm_check.cli import main\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    print(stop.code, built)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.splitlines()[-1] == "0 []"


def test_a_command_run_builds_only_that_command() -> None:
    code = (
        "import sys; sys.argv = ['csm-check', 'schema', 'answers']\n"
        "import csm_check.cli.lazy as lazy\n"
        "built = []\n"
        "original = lazy.LazyCommands.__getitem__\n"
        "lazy.LazyCommands.__getitem__ = lambda self, n: built.append(n) or original(self, n)\n"
        "from csm_check.cli import main\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    print(stop.code, sorted(set(built)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.splitlines()[-1] == "0 ['schema']"
