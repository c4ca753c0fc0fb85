"""Issue 9, numbers: huge integers in any spelling, NaN, infinities and out-of-range values
are located errors with exit 2, never a traceback, in answers files, configs and reports."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE, run_cli
from csm_check.rounding import half_up
from csm_check.validation import describe

HUGE = {
    "hex": "0x" + "f" * 4000,
    "octal": "0o" + "7" * 5000,
    "binary": "0b" + "1" * 15000,
    "base-60": "1:" + "5" * 5000,
    "decimal": "9" * 5000,
}
ODD = {**HUGE, "nan": ".nan", "inf": ".inf", "-inf": "-.inf", "float-tag": "!!float 1e999"}


@pytest.mark.parametrize("raw", ODD.values(), ids=ODD.keys())
@pytest.mark.parametrize(
    ("template", "position"),
    [
        ("schema_version: 1\nanswers:\n  talent.attrition-tracking: {raw}\n", "3:30"),
        (
            "schema_version: 1\nanswers:\n  talent.attrition-tracking: {{level: 1, note: {raw}}}\n",
            "3:47",
        ),
        ("schema_version: 1\norganisation: {raw}\nanswers: {{}}\n", "2:15"),
        ("schema_version: {raw}\nanswers: {{}}\n", "1:17"),
    ],
    ids=["level", "note", "organisation", "schema_version"],
)
def test_odd_numbers_in_answers_are_located_errors(
    runner: CliRunner, tmp_path: Path, raw: str, template: str, position: str
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(template.format(raw=raw), encoding="utf-8")
    result = run_cli(runner, "score", path)
    if result.exit_code == 0:  # a number read as text is a fine organisation or note
        assert position.startswith(("3:47", "2:15")) and not raw.startswith((".", "-", "!"))
        return
    assert result.exit_code == 2, result.output
    assert f"{path}:{position}: " in result.stderr
    assert max(len(line) for line in result.stderr.splitlines()) < 400  # never the whole value


@pytest.mark.parametrize("raw", ODD.values(), ids=ODD.keys())
@pytest.mark.parametrize("key", ["fail_under", "max_drop", "target", "top"])
def test_odd_numbers_in_the_config_are_located_errors(
    runner: CliRunner, tmp_path: Path, raw: str, key: str
) -> None:
    config = tmp_path / "csm-check.yaml"
    config.write_text(f"{key}: {raw}\n", encoding="utf-8")
    result = run_cli(runner, "score", EXAMPLE, "--config", config)
    assert result.exit_code == 2, result.output
    assert f"{config}:1:{len(key) + 3}: '{key}' must be" in result.stderr


def test_huge_unknown_key_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    text = f"schema_version: 1\nanswers:\n  ? {HUGE['hex']}\n  : 1\n"  # long keys are explicit
    path.write_text(text, encoding="utf-8")
    result = run_cli(runner, "validate", path)
    assert result.exit_code == 2
    assert f"{path}:3:5: unknown criterion id '0xfff" in result.stderr


def _report(tmp_path: Path, runner: CliRunner) -> dict[str, object]:
    result = run_cli(runner, "score", EXAMPLE, "-f", "json")
    data: dict[str, object] = json.loads(result.stdout)
    return data


BAD_REPORT_VALUES = {
    "nan": "NaN",
    "inf": "Infinity",
    "inf-text": '"Infinity"',
    "1e308": "1e308",
    "1e308-float": "1.0e+308",
    "huge": "1" + "0" * 5000,
    "negative": "-1",
    "over": "100.1",
}


@pytest.mark.parametrize("value", BAD_REPORT_VALUES.values(), ids=BAD_REPORT_VALUES.keys())
@pytest.mark.parametrize("field", ["overall-score", "challenge-score", "level", "coverage"])
@pytest.mark.parametrize("command", ["baseline", "compare"])
def test_bad_numbers_in_a_report_are_refused(
    runner: CliRunner, tmp_path: Path, value: str, field: str, command: str
) -> None:
    text = run_cli(runner, "score", EXAMPLE, "-f", "json").stdout
    marker = {
        "overall-score": '"score": 44.7',
        "challenge-score": '"score": 33.3',
        "level": '"level": 2',
        "coverage": '"coverage": 90.0',
    }[field]
    assert marker in text
    name = marker.split(":")[0]
    report = tmp_path / "old.json"
    report.write_text(text.replace(marker, f"{name}: {value}", 1), encoding="utf-8")
    if command == "baseline":
        result = run_cli(runner, "score", EXAMPLE, "--baseline", report)
    else:
        result = run_cli(runner, "compare", report, EXAMPLE)
    assert result.exit_code == 2, result.output  # NaN never silently passes the gate
    assert f"{report}:" in result.stderr
    assert f"'{name.strip(chr(34))}' must be" in result.stderr


def test_nan_baseline_no_longer_switches_off_the_gate(runner: CliRunner, tmp_path: Path) -> None:
    text = run_cli(runner, "score", EXAMPLE, "-f", "json").stdout
    report = tmp_path / "old.json"
    report.write_text(text.replace('"score": 44.7', '"score": NaN', 1), encoding="utf-8")
    result = run_cli(runner, "score", EXAMPLE, "--baseline", report)
    assert result.exit_code == 2
    assert f"{report}:14:14: 'score' must be a finite number, got 'NaN'" in result.stderr


@pytest.mark.parametrize("value", [math.inf, -math.inf, 1e308, -1e308])
def test_rounding_never_raises(value: float) -> None:
    assert half_up(value) == value
    assert math.isnan(half_up(math.nan))


def test_describe_never_converts_a_huge_int() -> None:
    assert describe(int("9" * 4000)) == "a number of about 4,001 digits"  # an estimate
    assert describe(2**20000).startswith("a number of about 6,")
    assert describe("x" * 10_000) == "'" + "x" * 36 + "..."
