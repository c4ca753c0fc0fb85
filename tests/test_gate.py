"""The regression gate: `score NEW --baseline OLD [--max-drop POINTS]`.

Tiny model (tests/conftest.py): base (weight 2) = a (w1) + b (w3), legal (w1) = disclosure (w2,
knock-out at 3) + contracts (w1), top (w1) = x. A criterion scores 100 * level / 4.
Drops are measured on scores rounded to one decimal, as reports store them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE
from conftest import run_cli as run
from csm_check.answers import Answer, AnswerSet
from csm_check.model import Model
from csm_check.render.common import gate_reason
from csm_check.scoring.compute import score
from csm_check.scoring.results import Baseline, GateOptions

# Everything at 4: base 100, legal 100, top 100, overall 100.
FULL = {"base.a": 4, "base.b": 4, "legal.disclosure": 4, "legal.contracts": 4, "top.x": 4}


def answers_text(levels: dict[str, int | None]) -> str:
    lines = ["schema_version: 1", "language: en", "answers:"]
    lines += [
        f"  {key}: {'' if level is None else level}".rstrip() for key, level in levels.items()
    ]
    return "\n".join(lines) + "\n"


def write(folder: Path, name: str, **changes: int | None) -> Path:
    levels: dict[str, int | None] = dict(FULL)
    levels.update({key.replace("__", "."): value for key, value in changes.items()})
    path = folder / name
    path.write_text(answers_text(levels), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_model_file: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "old.yaml")
    return tmp_path


def gate(runner: CliRunner, new: Path | str, *args: str) -> tuple[int, Any, list[str]]:
    """Exit code, the JSON report's gate and the stderr lines of scoring NEW."""
    result = run(runner, "score", new, "--challenges", "tiny.yaml", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return (
        result.exit_code,
        strip_details(json.loads(result.stdout)["gate"]),
        result.stderr.splitlines(),
    )


def strip_details(gate: dict[str, Any]) -> dict[str, Any]:
    """The gate without its `*_details` (tests/test_gate_codes.py), which repeat the texts."""
    assert [d["message"] for d in gate.pop("reason_details")] == gate["reasons"]
    assert [d["message"] for d in gate.pop("warning_details")] == gate["warnings"]
    return gate


@pytest.fixture(params=["answers", "report"])
def baseline(request: pytest.FixtureRequest, runner: CliRunner, folder: Path) -> str:
    """The baseline as the answers file, or as the JSON report saved from it."""
    if request.param == "answers":
        return "old.yaml"
    result = run(
        runner, "score", "old.yaml", "--challenges", "tiny.yaml", "-f", "json", "-o", "old.json"
    )
    assert result.exit_code == 0
    assert json.loads((folder / "old.json").read_text("utf-8"))["overall"]["score"] == 100.0
    return "old.json"


def test_equal_scores_pass(runner: CliRunner, folder: Path, baseline: str) -> None:
    write(folder, "new.yaml")
    assert gate(runner, "new.yaml", "--baseline", baseline) == (
        0,
        {"passed": True, "reasons": [], "warnings": []},
        [],
    )


def test_improvement_passes(runner: CliRunner, folder: Path) -> None:
    (folder / "old.yaml").write_text(answers_text({**FULL, "base.a": 0}), "utf-8")
    write(folder, "new.yaml")
    assert gate(runner, "new.yaml", "--baseline", "old.yaml")[0] == 0


# A small drop: base.a 4 -> 3.
#   base    (75 * 1 + 100 * 3) / 4 = 93.75 -> 93.8, a drop of 6.2
#   overall (93.75 * 2 + 100 + 100) / 4 = 96.875 -> 96.9, a drop of 3.1
OVERALL_SMALL = "overall score dropped from 100.0 to 96.9 (--max-drop {})"
BASE_SMALL = "challenge base dropped from 100.0 to 93.8 (--max-drop {})"


@pytest.mark.parametrize(
    ("max_drop", "reasons"),
    [
        (None, [OVERALL_SMALL.format(0), BASE_SMALL.format(0)]),  # default 0
        ("0", [OVERALL_SMALL.format(0), BASE_SMALL.format(0)]),
        ("3", [OVERALL_SMALL.format(3), BASE_SMALL.format(3)]),
        ("3.1", [BASE_SMALL.format(3.1)]),  # the overall drop equals max-drop: allowed
        ("6.1", [BASE_SMALL.format(6.1)]),
        ("6.2", []),  # the base drop equals max-drop: allowed
        ("7", []),
    ],
)
def test_small_drop(
    runner: CliRunner, folder: Path, baseline: str, max_drop: str | None, reasons: list[str]
) -> None:
    write(folder, "new.yaml", base__a=3)
    args = ["--baseline", baseline] + (["--max-drop", max_drop] if max_drop else [])
    code, found, stderr = gate(runner, "new.yaml", *args)
    assert code == (1 if reasons else 0)
    assert found["reasons"] == reasons
    assert stderr == reasons


# A large drop: top.x 4 -> 2.  top 50, a drop of 50;  overall (200 + 100 + 50) / 4 = 87.5,
# a drop of 12.5.  Both whole on the rounded scale, so the edges are exact.
@pytest.mark.parametrize(
    ("max_drop", "reasons"),
    [
        (
            "12.4",
            [
                "overall score dropped from 100.0 to 87.5 (--max-drop 12.4)",
                "challenge top dropped from 100.0 to 50.0 (--max-drop 12.4)",
            ],
        ),
        ("12.5", ["challenge top dropped from 100.0 to 50.0 (--max-drop 12.5)"]),
        ("49.9", ["challenge top dropped from 100.0 to 50.0 (--max-drop 49.9)"]),
        ("50", []),
    ],
)
def test_drop_equal_to_max_drop_passes(
    runner: CliRunner, folder: Path, baseline: str, max_drop: str, reasons: list[str]
) -> None:
    write(folder, "new.yaml", top__x=2)
    code, found, _ = gate(runner, "new.yaml", "--baseline", baseline, "--max-drop", max_drop)
    assert (code, found["reasons"]) == (1 if reasons else 0, reasons)


def test_each_drop_is_named(runner: CliRunner, folder: Path, baseline: str) -> None:
    # base.b 4 -> 2: base (100 + 50 * 3) / 4 = 62.5;  legal.contracts 4 -> 0: legal
    # (100 * 2 + 0) / 3 = 66.67 -> 66.7;  overall (125 + 66.67 + 100) / 4 = 72.92 -> 72.9
    write(folder, "new.yaml", base__b=2, legal__contracts=0)
    code, found, stderr = gate(runner, "new.yaml", "--baseline", baseline, "--max-drop", "1")
    expected = [
        "overall score dropped from 100.0 to 72.9 (--max-drop 1)",
        "challenge base dropped from 100.0 to 62.5 (--max-drop 1)",
        "challenge legal dropped from 100.0 to 66.7 (--max-drop 1)",
    ]
    assert (code, found["reasons"], stderr) == (1, expected, expected)


def test_table_output_names_the_drops(runner: CliRunner, folder: Path) -> None:
    write(folder, "new.yaml", top__x=2)
    result = run(runner, "score", "new.yaml", "--challenges", "tiny.yaml", "--baseline", "old.yaml")
    assert result.exit_code == 1
    assert result.stdout.endswith(
        "Gate: FAILED\n"
        "- overall score dropped from 100.0 to 87.5 (--max-drop 0)\n"
        "- challenge top dropped from 100.0 to 50.0 (--max-drop 0)\n"
    )


def test_baseline_challenge_without_score_is_not_a_drop(runner: CliRunner, folder: Path) -> None:
    # baseline: top unanswered, so no top score; overall (200 + 100) / 3 = 100.0
    write(folder, "old.yaml", top__x=None)
    # now top.x = 0: top scores 0, overall (200 + 100 + 0) / 4 = 75.0
    write(folder, "new.yaml", top__x=0)
    code, found, _ = gate(runner, "new.yaml", "--baseline", "old.yaml")
    # the overall score fell; top had nothing to fall from
    assert code == 1
    assert found["reasons"] == ["overall score dropped from 100.0 to 75.0 (--max-drop 0)"]


def test_a_score_that_disappears_is_a_regression(runner: CliRunner, folder: Path) -> None:
    # baseline: every criterion at 4, so top scored 100.0; now top.x is unanswered, so top
    # has no score. Deleting answers must not slip past the gate.
    write(folder, "old.yaml")
    write(folder, "new.yaml", top__x=None)
    code, found, _ = gate(runner, "new.yaml", "--baseline", "old.yaml")
    assert code == 1
    assert found["reasons"] == [
        "challenge top scored 100.0 in the baseline and has no score now",
    ]


def test_baseline_without_any_score(runner: CliRunner, folder: Path) -> None:
    (folder / "old.yaml").write_text("schema_version: 1\nanswers:\n", encoding="utf-8")
    write(folder, "new.yaml", base__a=0)
    assert gate(runner, "new.yaml", "--baseline", "old.yaml")[:2] == (
        0,
        {"passed": True, "reasons": [], "warnings": []},
    )


def test_regression_adds_to_other_reasons(runner: CliRunner, folder: Path) -> None:
    # legal.disclosure 4 -> 2 is below its minimum 3: a blocker first, then the drops.
    # legal (50 * 2 + 100) / 3 = 66.67 -> 66.7;  overall (200 + 66.67 + 100) / 4 = 91.67 -> 91.7
    write(folder, "new.yaml", legal__disclosure=2)
    code, found, _ = gate(runner, "new.yaml", "--baseline", "old.yaml", "--fail-under", "95")
    assert code == 1
    assert found["reasons"] == [
        "knock-out criterion legal.disclosure is below its minimum level",
        "overall score 91.7 is below --fail-under 95",
        "overall score dropped from 100.0 to 91.7 (--max-drop 0)",
        "challenge legal dropped from 100.0 to 66.7 (--max-drop 0)",
    ]


def test_german_reasons(runner: CliRunner, folder: Path) -> None:
    write(folder, "new.yaml", top__x=2)
    code, found, _ = gate(runner, "new.yaml", "--baseline", "old.yaml", "--lang", "de")
    assert code == 1
    assert found["reasons"] == [
        "Gesamtpunktzahl fiel von 100,0 auf 87,5 (--max-drop 0)",
        "Herausforderung top fiel von 100,0 auf 50,0 (--max-drop 0)",
    ]


def test_baseline_from_another_model_compares_shared_challenges(
    runner: CliRunner, folder: Path, tiny_model_file: Path
) -> None:
    """A report of an older model: challenges it does not know are not drops."""
    older = tiny_model_file.read_text("utf-8").replace("id: top\n", "id: summit\n")
    older = older.replace("id: top.x", "id: summit.x")
    (folder / "older.yaml").write_text(older, encoding="utf-8")
    (folder / "old.yaml").write_text(
        answers_text({**{k: v for k, v in FULL.items() if k != "top.x"}, "summit.x": 4}), "utf-8"
    )
    result = run(
        runner, "score", "old.yaml", "--challenges", "older.yaml", "-f", "json", "-o", "old.json"
    )
    assert result.exit_code == 0, result.stderr
    write(folder, "new.yaml", top__x=0)
    # top (0) is new; overall (200 + 100 + 0) / 4 = 75.0 against 100.0
    code, found, _ = gate(runner, "new.yaml", "--baseline", "old.json")
    assert found["reasons"] == ["overall score dropped from 100.0 to 75.0 (--max-drop 0)"]
    assert code == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"tool": "csm-check", "schema_version": 1}\n', "old.json:1:1: missing key 'version'"),
        ("[1, 2]\n", "old.json:1:1: an answers file must be a mapping of keys, got a list"),
    ],
)
def test_invalid_baseline(runner: CliRunner, folder: Path, text: str, message: str) -> None:
    (folder / "old.json").write_text(text, encoding="utf-8")
    write(folder, "new.yaml")
    result = run(
        runner, "score", "new.yaml", "--challenges", "tiny.yaml", "--baseline", "old.json",
        "-o", "out.txt",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(message)
    assert not (folder / "out.txt").exists()


def test_max_drop_out_of_range_is_a_usage_error(runner: CliRunner, folder: Path) -> None:
    result = run(runner, "score", "old.yaml", "--challenges", "tiny.yaml", "--max-drop", "-1")
    assert result.exit_code == 2
    assert "--max-drop" in result.stderr


# --- the gate as a pure function -------------------------------------------------------------


def card_gate(model: Model, baseline: Baseline, max_drop: float, **levels: int) -> list[str]:
    answers = AnswerSet(
        answers={k.replace("__", "."): Answer("answered", v) for k, v in levels.items()}
    )
    options = GateOptions(baseline=baseline, max_drop=max_drop)
    reasons = score(model, answers, gate=options).gate.reasons
    return [f"{r.challenge or 'overall'} {r.previous} {r.score}" for r in reasons]


def test_rounding_noise_does_not_fail_an_exact_edge(tiny_model: Model) -> None:
    # top.x = 3 -> 75.0 everywhere; 75.3 - 75.0 is 0.29999... in binary: still not above 0.3
    baseline = Baseline(75.3, (("top", 75.3),))
    assert card_gate(tiny_model, baseline, 0.3, top__x=3) == []
    assert card_gate(tiny_model, baseline, 0.2, top__x=3) == [
        "overall 75.3 75.0",
        "top 75.3 75.0",
    ]


def test_drop_is_measured_on_rounded_scores(tiny_model: Model) -> None:
    # base.a = 3, base.b = 4 -> base 93.75, shown and stored as 93.8. Against a baseline of
    # 93.8 that is no drop, although 93.75 < 93.8.
    baseline = Baseline(93.8, (("base", 93.8),))
    assert card_gate(tiny_model, baseline, 0.0, base__a=3, base__b=4) == []


def test_no_score_now_counts_as_a_drop(tiny_model: Model) -> None:
    """A challenge that scored before and has no score now fails, so deleting its answers
    cannot slip past the gate; the overall score rose, so it is not named."""
    baseline = Baseline(80.0, (("top", 80.0), ("legal", 80.0)))
    # only base answered: base 100, overall 100; legal and top have no score now
    assert card_gate(tiny_model, baseline, 0.0, base__a=4, base__b=4) == [
        "legal 80.0 None",
        "top 80.0 None",
    ]


def test_baseline_report_of_an_earlier_version(runner: CliRunner, folder: Path) -> None:
    """Reports written before gate warnings existed (and with keys unknown today) still load."""
    run(runner, "score", "old.yaml", "--challenges", "tiny.yaml", "-f", "json", "-o", "old.json")
    data = json.loads((folder / "old.json").read_text("utf-8"))
    del data["gate"]["warnings"]
    data["added_later"] = {"x": 1}
    (folder / "old.json").write_text(json.dumps(data), encoding="utf-8")
    write(folder, "new.yaml", top__x=2)
    code, found, _ = gate(runner, "new.yaml", "--baseline", "old.json", "--max-drop", "12.5")
    assert (code, found["reasons"]) == (
        1,
        ["challenge top dropped from 100.0 to 50.0 (--max-drop 12.5)"],
    )


def test_baseline_report_of_another_model_is_refused(runner: CliRunner, folder: Path) -> None:
    """Scores of different models are not comparable: exit 2 with the report's location."""
    run(runner, "score", "old.yaml", "--challenges", "tiny.yaml", "-f", "json", "-o", "old.json")
    result = run(runner, "score", str(EXAMPLE), "--baseline", "old.json")  # built-in model
    assert result.exit_code == 2
    line = result.stderr.splitlines()[0]
    assert line.startswith("old.json:")
    assert line.endswith(
        "report is for model 'tiny', but the loaded model is 'csm-2026' "
        "(hint: pass the model the report was made with, using --challenges)"
    )


def test_threshold_reason_never_reads_as_equal(tiny_model: Model) -> None:
    # legal.disclosure 3 (weight 2), legal.contracts 2 (weight 1): (150 + 50) / 3 = 66.67,
    # shown as 66.7. Against --fail-under 66.7 it fails, and the reason shows 66.67, not
    # "66.7 is below 66.7"; against 66.6 it passes.
    answers = AnswerSet(
        answers={
            "legal.disclosure": Answer("answered", 3),
            "legal.contracts": Answer("answered", 2),
        }
    )
    assert score(tiny_model, answers, gate=GateOptions(fail_under=66.6)).gate.passed
    failing = score(tiny_model, answers, gate=GateOptions(fail_under=66.7)).gate
    assert [gate_reason(r, "en") for r in failing.reasons] == [
        "overall score 66.67 is below --fail-under 66.7"
    ]
