"""csm-check.yaml: every key and level changes the outcome as documented, the command line
overrides the file, and an invalid file stops the run with FILE:LINE:COL and exit 2.

All runs use the tiny model (tests/conftest.py). The answers used by most tests:
  base.a = 2, legal.disclosure = 3 (no note), everything else unanswered
  base  (weight 2): only a answered -> 100 * 2/4 = 50.0
  legal (weight 1): only disclosure answered -> 100 * 3/4 = 75.0 (its minimum 3 is met)
  top   (weight 1): nothing answered -> no score
  overall: (50 * 2 + 75 * 1) / 3 = 58.33 -> 58.3;  answered 2 of 5, so 3 unanswered
  next steps at target 3: base.a (2 < 3) only; at target 4 also legal.disclosure (3 < 4)
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from conftest import REPO
from conftest import run_cli as run
from csm_check.cli import EXIT_CODES
from csm_check.config import ChallengeGate, Config, parse_config
from csm_check.model import Model
from csm_check.yamlio.read import parse_yaml

ANSWERS = """\
schema_version: 1
language: en
answers:
  base.a: 2
  legal.disclosure: 3
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_model_file: Path) -> Path:
    """The current folder holds the answers file (and, per test, a csm-check.yaml)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    return tmp_path


def configure(folder: Path, text: str, name: str = "csm-check.yaml") -> Path:
    """Write a config file; an empty text writes none (an empty file is an error)."""
    path = folder / name
    if text:
        path.write_text(text, encoding="utf-8")
    return path


def score(runner: CliRunner, *args: str | Path) -> Result:
    return run(runner, "score", "answers.yaml", "--challenges", "tiny.yaml", *args)


def report(runner: CliRunner, *args: str | Path) -> tuple[int, Any, str]:
    """Exit code, JSON report and stderr of a run with --format json."""
    result = score(runner, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    gate = data["gate"]  # the `*_details` repeat the texts with codes (tests/test_gate_codes.py)
    assert [d["message"] for d in gate.pop("reason_details")] == gate["reasons"]
    assert [d["message"] for d in gate.pop("warning_details")] == gate["warnings"]
    return result.exit_code, data, result.stderr


def test_without_config_the_gate_passes(runner: CliRunner, folder: Path) -> None:
    code, data, stderr = report(runner)
    assert code == 0
    assert data["overall"]["score"] == 58.3
    assert data["gate"] == {"passed": True, "reasons": [], "warnings": []}
    assert stderr == ""


# --- fail_under ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "args", "code", "reasons"),
    [
        ("fail_under: 60\n", [], 1, ["overall score 58.3 is below --fail-under 60"]),
        ("fail_under: 58\n", [], 0, []),
        ("fail_under: 58.4\n", [], 1, ["overall score 58.3 is below --fail-under 58.4"]),
        # the command line wins over the file, in both directions
        ("fail_under: 60\n", ["--fail-under", "50"], 0, []),
        (
            "fail_under: 50\n",
            ["--fail-under", "60"],
            1,
            ["overall score 58.3 is below --fail-under 60"],
        ),
    ],
)
def test_fail_under(
    runner: CliRunner,
    folder: Path,
    config: str,
    args: list[str],
    code: int,
    reasons: list[str],
) -> None:
    configure(folder, config)
    exit_code, data, stderr = report(runner, *args)
    assert exit_code == code
    assert data["gate"]["passed"] is (code == 0)
    assert data["gate"]["reasons"] == reasons
    assert stderr.splitlines() == reasons


def test_fail_under_without_any_score(runner: CliRunner, folder: Path) -> None:
    configure(folder, "fail_under: 10\n")
    (folder / "answers.yaml").write_text("schema_version: 1\nanswers:\n", encoding="utf-8")
    exit_code, data, _ = report(runner)
    assert exit_code == 1
    assert data["gate"]["reasons"] == [
        "no overall score (nothing answered), --fail-under 10 cannot be met"
    ]


# --- require_complete and require_evidence ----------------------------------------------------


@pytest.mark.parametrize(
    ("config", "args", "code"),
    [
        ("require_complete: true\n", [], 1),
        ("require_complete: false\n", [], 0),
        ("require_complete: true\n", ["--no-require-complete"], 0),
        ("require_complete: false\n", ["--require-complete"], 1),
        ("fail_under: 0\n", ["--require-complete"], 1),
    ],
)
def test_require_complete(
    runner: CliRunner, folder: Path, config: str, args: list[str], code: int
) -> None:
    configure(folder, config)
    exit_code, data, _ = report(runner, *args)
    assert exit_code == code
    # 5 criteria, 2 answered: 3 unanswered
    expected = ["3 criteria unanswered (--require-complete)"] if code else []
    assert data["gate"]["reasons"] == expected


def test_require_complete_counts_n_a_as_answered(runner: CliRunner, folder: Path) -> None:
    configure(folder, "require_complete: true\n")
    (folder / "answers.yaml").write_text(
        ANSWERS
        + '  base.b: 1\n  legal.contracts: {level: n/a, note: "no contractors"}\n  top.x: 0\n',
        encoding="utf-8",
    )
    exit_code, data, _ = report(runner)
    assert (exit_code, data["gate"]["reasons"]) == (0, [])


@pytest.mark.parametrize(
    ("config", "args", "code"),
    [
        ("require_evidence: true\n", [], 1),
        ("require_evidence: false\n", [], 0),
        ("require_evidence: true\n", ["--no-require-evidence"], 0),
        ("require_evidence: false\n", ["--require-evidence"], 1),
    ],
)
def test_require_evidence(
    runner: CliRunner, folder: Path, config: str, args: list[str], code: int
) -> None:
    configure(folder, config)
    exit_code, data, _ = report(runner, *args)
    assert exit_code == code
    # legal.disclosure is at 3 without a note; base.a at 2 needs none
    expected = ["legal.disclosure is at level 3 without a note (require_evidence)"]
    assert data["gate"]["reasons"] == (expected if code else [])


def test_require_evidence_is_met_by_a_note(runner: CliRunner, folder: Path) -> None:
    configure(folder, "require_evidence: true\n")
    text = ANSWERS.replace(
        "legal.disclosure: 3", 'legal.disclosure: {level: 3, note: "Banner in the chat"}'
    )
    (folder / "answers.yaml").write_text(text + '  base.b: {level: 4, note: " "}\n', "utf-8")
    exit_code, data, _ = report(runner)
    # a note of only blanks is no evidence
    assert exit_code == 1
    assert data["gate"]["reasons"] == ["base.b is at level 4 without a note (require_evidence)"]


# --- target, top, language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "args", "steps"),
    [
        ("", [], [("base.a", 2, 3)]),
        ("target: 4\n", [], [("base.a", 2, 4), ("legal.disclosure", 3, 4)]),
        ("target: 4\n", ["--target", "3"], [("base.a", 2, 3)]),
        ("target: 2\n", [], []),
    ],
)
def test_target(
    runner: CliRunner,
    folder: Path,
    config: str,
    args: list[str],
    steps: list[tuple[str, int, int]],
) -> None:
    configure(folder, config)
    _, data, _ = report(runner, *args)
    found = [(s["criterion"], s["level"], s["target"]) for s in data["next_steps"]]
    # target 4: base.a 2 * 1 * (2/4) * 1.5 (holds back top) = 1.5 ranks before
    # legal.disclosure 1 * 2 * (1/4) = 0.5 (at its minimum 3, so no blocker)
    assert found == steps


@pytest.mark.parametrize(
    ("config", "args", "shown"),
    [
        ("top: 0\n", [], False),
        ("top: 0\n", ["--top", "5"], True),
        ("top: 5\n", ["--top", "0"], False),
        ("", [], True),
    ],
)
def test_top(runner: CliRunner, folder: Path, config: str, args: list[str], shown: bool) -> None:
    configure(folder, config)
    result = score(runner, *args)
    assert result.exit_code == 0
    assert ("1. Do A" in result.stdout) is shown
    assert ("... and 1 more (see --top or --format json)" in result.stdout) is not shown


@pytest.mark.parametrize(
    ("config", "args", "overall"),
    [
        ("", [], "Overall: 58.3"),  # the answers file says `language: en`
        ("language: de\n", [], "Gesamt: 58,3"),  # the file's setting wins over the answers'
        ("language: de\n", ["--lang", "en"], "Overall: 58.3"),
        ("language: en\n", ["--lang", "de"], "Gesamt: 58,3"),
    ],
)
def test_language(
    runner: CliRunner, folder: Path, config: str, args: list[str], overall: str
) -> None:
    configure(folder, config)
    result = score(runner, *args)
    assert result.exit_code == 0
    assert overall in result.stdout


def test_language_reaches_json_and_gate_reasons(runner: CliRunner, folder: Path) -> None:
    configure(folder, "language: de\nfail_under: 60\n")
    exit_code, data, stderr = report(runner)
    assert exit_code == 1
    assert data["language"] == "de"
    assert data["gate"]["reasons"] == ["Gesamtpunktzahl 58,3 liegt unter --fail-under 60"]
    assert stderr == "Gesamtpunktzahl 58,3 liegt unter --fail-under 60\n"


# --- max_drop --------------------------------------------------------------------------------


def test_max_drop(runner: CliRunner, folder: Path) -> None:
    # baseline: base.a = 4 -> base 100, legal 75, overall (200 + 75) / 3 = 91.67 -> 91.7
    # now base 50: a drop of 50 points for base and 91.7 - 58.3 = 33.4 overall
    (folder / "old.yaml").write_text(ANSWERS.replace("base.a: 2", "base.a: 4"), "utf-8")
    configure(folder, "max_drop: 50\n")
    assert report(runner, "--baseline", "old.yaml")[0] == 0
    exit_code, data, _ = report(runner, "--baseline", "old.yaml", "--max-drop", "40")
    assert exit_code == 1
    assert data["gate"]["reasons"] == ["challenge base dropped from 100.0 to 50.0 (--max-drop 40)"]
    configure(folder, "max_drop: 49.9\n")
    exit_code, data, _ = report(runner, "--baseline", "old.yaml")
    assert data["gate"]["reasons"] == [
        "challenge base dropped from 100.0 to 50.0 (--max-drop 49.9)"
    ]


def test_max_drop_without_baseline_does_nothing(runner: CliRunner, folder: Path) -> None:
    configure(folder, "max_drop: 0\n")
    assert report(runner)[0] == 0


# --- per-challenge minimums ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gate", "code", "reasons", "warnings"),
    [
        # base scores 50.0
        (
            "base: {minimum: 60, level: error}",
            1,
            ["challenge base scores 50.0, below its minimum 60"],
            [],
        ),
        ("base: {minimum: 60}", 1, ["challenge base scores 50.0, below its minimum 60"], []),
        (
            "base: {minimum: 60, level: warn}",
            0,
            [],
            ["challenge base scores 50.0, below its minimum 60"],
        ),
        ("base: {minimum: 60, level: 'off'}", 0, [], []),
        ("base: {minimum: 60, level: off}", 0, [], []),  # unquoted, as the docs show it
        ("base: {minimum: 50, level: error}", 0, [], []),  # 50.0 is not below 50
        (
            "base: {minimum: 50.1, level: error}",
            1,
            ["challenge base scores 50.0, below its minimum 50.1"],
            [],
        ),
        # top has no score at all
        (
            "top: {minimum: 10, level: error}",
            1,
            ["challenge top has no score, its minimum is 10"],
            [],
        ),
        (
            "top: {minimum: 10, level: warn}",
            0,
            [],
            ["challenge top has no score, its minimum is 10"],
        ),
        ("top: {minimum: 10, level: 'off'}", 0, [], []),
    ],
)
def test_challenge_minimums(
    runner: CliRunner,
    folder: Path,
    gate: str,
    code: int,
    reasons: list[str],
    warnings: list[str],
) -> None:
    configure(folder, f"challenges:\n  {gate}\n")
    exit_code, data, stderr = report(runner)
    assert exit_code == code
    assert data["gate"] == {"passed": code == 0, "reasons": reasons, "warnings": warnings}
    assert stderr.splitlines() == reasons + [f"warning: {w}" for w in warnings]


def test_every_key_together(runner: CliRunner, folder: Path) -> None:
    configure(
        folder,
        "fail_under: 60\nrequire_complete: true\nrequire_evidence: true\ntarget: 4\ntop: 1\n"
        "language: de\nmax_drop: 1\nchallenges:\n"
        "  legal: {minimum: 80, level: warn}\n  base: {minimum: 60, level: error}\n"
        "  top: {minimum: 10, level: 'off'}\n",
    )
    result = score(runner)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # German, at most one next step shown (of 2 at target 4), reasons in gate order
    assert lines[lines.index("Nächste Schritte") + 1 :] == [
        "1. A tun",
        "   Stufe 2, Ziel 4; bremst: 3 Oben (base.a)",
        "... und 1 weitere (siehe --top oder --format json)",
        "",
        "Prüfung: NICHT BESTANDEN",
        "- Gesamtpunktzahl 58,3 liegt unter --fail-under 60",
        "- 3 Kriterien unbeantwortet (--require-complete)",
        "- legal.disclosure steht auf Stufe 3 ohne Notiz (require_evidence)",
        "- Herausforderung base erreicht 50,0, unter dem Minimum 60",
        "Warnungen",
        "- Herausforderung legal erreicht 75,0, unter dem Minimum 80",
    ]


# --- where the file comes from ---------------------------------------------------------------


def test_found_in_the_current_folder(runner: CliRunner, folder: Path) -> None:
    configure(folder, "fail_under: 90\n")
    assert report(runner)[0] == 1
    (folder / "csm-check.yaml").unlink()
    assert report(runner)[0] == 0


def test_not_looked_for_next_to_the_answers_file(
    runner: CliRunner, folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Only the current folder counts, as for other tools run from a repository root."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "csm-check.yaml").write_text("fail_under: 90\n", encoding="utf-8")
    (elsewhere / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    result = run(runner, "score", elsewhere / "answers.yaml", "--challenges", "tiny.yaml")
    assert result.exit_code == 0


def test_given_with_config_replaces_the_current_folder_one(runner: CliRunner, folder: Path) -> None:
    configure(folder, "fail_under: [broken\n")  # would be exit 2 if it were read
    other = configure(folder, "fail_under: 90\n", "ci-settings.yaml")
    exit_code, data, _ = report(runner, "--config", other)
    assert exit_code == 1
    assert data["gate"]["reasons"] == ["overall score 58.3 is below --fail-under 90"]


def test_missing_config_file_given_with_config(runner: CliRunner, folder: Path) -> None:
    result = score(runner, "--config", "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr == "nope.yaml:1:1: file not found\n"
    assert result.stdout == ""


# --- invalid files ---------------------------------------------------------------------------


INVALID = [
    (
        "fail_unde: 60\n",
        ["csm-check.yaml:1:1: unknown key 'fail_unde' (hint: did you mean 'fail_under'?)"],
    ),
    (
        "require_complete: true\nrequire_evidense: true\n",
        [
            "csm-check.yaml:2:1: unknown key 'require_evidense' "
            "(hint: did you mean 'require_evidence'?)"
        ],
    ),
    (
        'fail_under: "60"\n',
        ["csm-check.yaml:1:13: 'fail_under' must be a number, got '60' (hint: remove the quotes)"],
    ),
    ("fail_under: 101\n", ["csm-check.yaml:1:13: 'fail_under' must be at most 100.0, got 101"]),
    ("top: -1\n", ["csm-check.yaml:1:6: 'top' must be at least 0, got -1"]),
    ("top: 2.5\n", ["csm-check.yaml:1:6: 'top' must be a whole number, got 2.5"]),
    ("target: 5\n", ["csm-check.yaml:1:9: 'target' must be at most 4, got 5"]),
    ("language: fr\n", ["csm-check.yaml:1:11: 'language' must be 'en' or 'de', got 'fr'"]),
    ("max_drop: -1\n", ["csm-check.yaml:1:11: 'max_drop' must be at least 0.0, got -1"]),
    (
        "challenges:\n  legl: {minimum: 50}\n",
        ["csm-check.yaml:2:3: unknown challenge id 'legl' (hint: did you mean 'legal'?)"],
    ),
    (
        "challenges:\n  base: {minimum: 50, level: fatal}\n",
        ["csm-check.yaml:2:30: 'level' must be 'off', 'warn' or 'error', got 'fatal'"],
    ),
    (
        "challenges:\n  base: {minimum: 50, level: on}\n",
        [
            "csm-check.yaml:2:30: 'level' must be 'off', 'warn' or 'error', got the boolean "
            "true (hint: YAML reads unquoted off/on/no/yes as booleans: quote it, as in "
            "level: 'off')"
        ],
    ),
    ("challenges:\n  base: {level: warn}\n", ["csm-check.yaml:2:9: missing key 'minimum'"]),
    (
        "challenges:\n  base: {minimum: 50, levl: warn}\n",
        ["csm-check.yaml:2:23: unknown key 'levl' (hint: did you mean 'level'?)"],
    ),
    (
        "- fail_under: 60\n",
        ["csm-check.yaml:1:1: a config file must be a mapping of keys, got a list"],
    ),
    (
        "fail_under: 60\nfail_under: 70\n",
        [
            "csm-check.yaml:2:1: duplicate key 'fail_under' (first defined on line 1) "
            "(hint: keep one of the two)"
        ],
    ),
    (
        # every problem of the file at once, in file order
        'top: "3"\nlanguage: EN\nchallenges:\n  speed: {minimum: 5}\n',
        [
            "csm-check.yaml:1:6: 'top' must be a whole number, got '3' (hint: remove the quotes)",
            "csm-check.yaml:2:11: 'language' must be 'en' or 'de', got 'EN'",
            "csm-check.yaml:4:3: unknown challenge id 'speed'",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), INVALID)
def test_invalid_config(runner: CliRunner, folder: Path, text: str, expected: list[str]) -> None:
    configure(folder, text)
    result = score(runner, "--format", "json", "-o", "report.json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == expected
    assert result.stdout == ""
    assert not (folder / "report.json").exists()


@pytest.mark.parametrize("value", ['"yes"', '"true"', "1", "on_"])
def test_boolean_keys_take_booleans_only(runner: CliRunner, folder: Path, value: str) -> None:
    configure(folder, f"require_complete: {value}\n")
    result = score(runner, "-o", "out.txt")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("csm-check.yaml:1:19: 'require_complete'")
    assert not (folder / "out.txt").exists()


def test_unquoted_yes_is_a_boolean_and_accepted(runner: CliRunner, folder: Path) -> None:
    configure(folder, "require_complete: yes\n")
    exit_code, data, _ = report(runner)
    assert exit_code == 1
    assert data["gate"]["reasons"] == ["3 criteria unanswered (--require-complete)"]


def test_invalid_config_given_with_config_is_named_as_given(
    runner: CliRunner, folder: Path
) -> None:
    configure(folder, "fail_under: high\n", "ci.yaml")
    result = score(runner, "--config", "ci.yaml")
    assert result.exit_code == 2
    assert result.stderr == "ci.yaml:1:13: 'fail_under' must be a number, got 'high'\n"


def test_config_is_checked_against_the_loaded_model(runner: CliRunner, folder: Path) -> None:
    """`compliance` is a challenge of the built-in model, not of the tiny one."""
    configure(folder, "challenges:\n  compliance: {minimum: 70}\n")
    result = score(runner)
    assert result.exit_code == 2
    assert result.stderr == "csm-check.yaml:2:3: unknown challenge id 'compliance'\n"


# --- docs/ci.md stays in step with the code --------------------------------------------------

CI_DOC = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")


def doc_section(title: str) -> str:
    return CI_DOC.split(f"\n## {title}", 1)[1].split("\n## ", 1)[0]


def test_docs_document_every_key() -> None:
    section = doc_section("The settings file `csm-check.yaml`")
    documented = re.findall(r"^\| `([\w.<>]+)` \|", section, flags=re.MULTILINE)
    gate_keys = [f"challenges.<id>.{key}" for key in ChallengeGate.model_fields]
    assert documented == [*Config.model_fields, *gate_keys]


def test_docs_sample_config_is_valid(model: Model) -> None:
    section = doc_section("The settings file `csm-check.yaml`")
    (sample,) = re.findall(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    config = parse_config(parse_yaml(sample, "ci.md"), model)
    assert config.challenges["speed"].level == "off"
    assert set(config.model_fields_set) == set(Config.model_fields)


def test_docs_exit_codes_match_the_cli() -> None:
    section = doc_section("Exit codes")
    codes = re.findall(r"^\| (\d+) \|", section, flags=re.MULTILINE)
    assert codes == re.findall(r"^  (\d+)  ", EXIT_CODES, flags=re.MULTILINE) == [
        "0", "1", "2", "130",
    ]  # fmt: skip


def test_docs_pre_commit_hook_id_exists() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    section = doc_section("pre-commit hook")
    (block,) = re.findall(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    (repo,) = yaml.safe_load(block)["repos"]
    assert [hook["id"] for hook in repo["hooks"]] == [hook["id"] for hook in hooks]
    assert hooks[0]["entry"] == "csm-check validate"
    assert (hooks[1]["id"], hooks[1]["entry"]) == ("csm-check-gate", "csm-check score")


def test_gate_hook_runs_the_gate_of_the_repository_config(runner: CliRunner, folder: Path) -> None:
    """What pre-commit runs: the hook's entry with the staged file names, from the repository
    root; a failing gate in csm-check.yaml blocks the commit (exit 1), a passing one not."""
    import shlex

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    gate = next(hook for hook in hooks if hook["id"] == "csm-check-gate")
    assert re.search(gate["files"], "team/csm-answers-q3.yaml")
    assert not re.search(gate["files"], "csm-check.yaml")
    program, *args = shlex.split(gate["entry"])
    assert program == "csm-check"
    answers = folder / "answers.yaml"
    configure(folder, "fail_under: 60\n")  # the score is 58.3
    result = run(runner, *args, answers.name, "--challenges", "tiny.yaml")
    assert result.exit_code == 1, result.output
    assert "below --fail-under 60" in result.stderr + result.stdout
    configure(folder, "fail_under: 50\n")
    assert run(runner, *args, answers.name, "--challenges", "tiny.yaml").exit_code == 0


def test_config_of_only_comments_means_defaults(runner: CliRunner, folder: Path) -> None:
    """Every line commented out: the defaults apply, as with no file at all (the same run
    with `fail_under: 60` fails, since the score is 58.3)."""
    configure(folder, "# fail_under: 60\n# top: 3\n")
    code, data, stderr = report(runner)
    assert (code, data["gate"], stderr) == (0, {"passed": True, "reasons": [], "warnings": []}, "")
    configure(folder, "fail_under: 60\n")
    assert report(runner)[0] == 1


def test_duplicate_key_is_reported_with_the_other_problems(runner: CliRunner, folder: Path) -> None:
    """A duplicate key does not hide the file's other problems (issue 12, item 8)."""
    configure(folder, "fail_under: 60\ntop: 3\nfail_under: 70\nfail_unde: 1\n")
    result = score(runner)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "csm-check.yaml:3:1: duplicate key 'fail_under' (first defined on line 1)"
        " (hint: keep one of the two)",
        "csm-check.yaml:4:1: unknown key 'fail_unde' (hint: did you mean 'fail_under'?)",
    ]
