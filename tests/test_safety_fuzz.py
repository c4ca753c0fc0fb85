"""Issue 9, fuzzing the command line in-process with hostile answers files, configs and
reports, including raw YAML scalars (hex, octal, base-60, .inf/.nan, huge ints, tags).

Whatever the input: exit 0, 1 or 2 only, never a traceback; every JSON report reads back
as a `Report` (the model behind `csm-check schema report`) with scores in 0-100 and the
overall score between the lowest and highest challenge score. Deterministic (derandomized),
bounded examples, no timing assertions."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from conftest import EXAMPLE
from csm_check.cli import app
from csm_check.loading import load_model
from csm_check.report import Report

IDS = load_model().criterion_ids()
FUZZ = settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HOSTILE = [
    "0x" + "f" * 4000,
    "0o" + "7" * 5000,
    "0b" + "1" * 15000,
    "1:" + "5" * 5000,
    "9" * 5000,
    "0x10",
    "0o7",
    "0b11",
    "017",
    "1_000",
    "190:20:30",
    "1:30",
    ".inf",
    "-.inf",
    ".nan",
    ".NaN",
    "NaN",
    "Infinity",
    '"Infinity"',
    "1e308",
    "1.0e+308",
    "-1",
    "-0.0",
    "4.0",
    "2.5",
    "~",
    "null",
    "yes",
    "no",
    "off",
    "!!str 3",
    "!!int 3",
    "!!float 2",
    "!!float .nan",
    "!!int 0x" + "f" * 5000,
    "!!binary aGk=",
    "!!timestamp 2026-01-01",
    "!!set {a, b}",
    "!!python/object:os.system x",
    "2026-13-45",
    "2026-01-01",
    "n/a",
    "[1, 2]",
    "{a: 1}",
    "'##[error]x'",
    '"::stop-commands::x"',
    '"\\x9b\\u202e\\x7f"',
    "&a 1",
]
TEXT = st.characters(exclude_categories=["Cs"])  # a lone surrogate is no YAML escape
raw = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers(-5, 10).map(str),
    st.integers().map(str),
    st.floats().map(repr),
    st.text(TEXT, max_size=12).map(json.dumps),
)


def mostly(
    valid: st.SearchStrategy[str], hostile: st.SearchStrategy[str]
) -> st.SearchStrategy[str]:
    """Valid four times out of five, so that reports are written and checked too."""
    return st.integers(0, 4).flatmap(lambda n: hostile if n == 4 else valid)


levels = mostly(st.integers(0, 4).map(str), raw)
notes = mostly(st.text(TEXT, max_size=30).map(json.dumps), raw)
answer = st.one_of(
    levels, st.tuples(levels, notes).map(lambda pair: f"{{level: {pair[0]}, note: {pair[1]}}}")
)
answers_files = st.tuples(
    st.fixed_dictionaries(
        {},
        optional={
            "organisation": notes,
            "respondent": notes,
            "assessed_on": mostly(st.just("2026-01-01"), raw),
        },
    ),
    st.dictionaries(mostly(st.sampled_from(IDS), st.sampled_from(["x.y", "talent"])), answer),
    mostly(st.just("1"), raw),
)
configs = st.dictionaries(
    st.sampled_from(
        ["fail_under", "target", "top", "max_drop", "require_complete", "language", "talent"]
    ),
    raw,
)
REPORT_FIELDS = [
    ("overall", "score"),
    ("overall", "coverage"),
    ("overall", "answered"),
    ("challenges", 0, "score"),
    ("challenges", 1, "weight"),
    ("challenges", 2, "number"),
    ("challenges", 0, "criteria", 0, "level"),
    ("challenges", 0, "criteria", 1, "score"),
    ("next_steps", 0, "level"),
    ("next_steps", 0, "priority"),
    ("model", "id"),
    ("language",),
]
report_edits = st.dictionaries(st.sampled_from(range(len(REPORT_FIELDS))), raw, max_size=3)


def answers_text(parts: tuple[dict[str, str], dict[str, str], str]) -> str:
    header, answers, version = parts
    lines = [f"schema_version: {version}", *(f"{k}: {v}" for k, v in header.items())]
    lines.append("answers:")
    lines += [f"  {k}: {v}" for k, v in answers.items()] or ["  {}"]
    if not answers:
        lines[-2:] = ["answers: {}"]
    return "\n".join(lines) + "\n"


def invoke(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output, result.exception)
    event(f"{args[0]} exit {result.exit_code}")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert lines, result.output
        assert all(re.match(r"^.+:\d+:\d+: |^\.\.\. ", line) for line in lines), lines
        assert max(len(line) for line in lines) < 2000
    return result


def check_report(text: str) -> None:
    data = json.loads(text)
    report = Report.model_validate(data)
    scores = [c.score for c in report.challenges if c.score is not None]
    assert all(0 <= s <= 100 for s in scores)
    overall = report.overall.score
    if overall is None:
        assert not scores
    else:
        assert 0 <= overall <= 100
        assert min(scores) - 0.05 <= overall <= max(scores) + 0.05  # both rounded to 0.1
    for challenge in report.challenges:
        for criterion in challenge.criteria:
            assert criterion.level is None or 0 <= criterion.level <= 4
            assert criterion.score is None or 0 <= criterion.score <= 100


@FUZZ
@given(answers=answers_files, config=st.one_of(st.none(), configs))
def test_fuzz_score(tmp_path: Path, answers: Any, config: dict[str, str] | None) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(answers_text(answers), encoding="utf-8")
    args: list[str | Path] = ["score", path, "-f", "json"]
    if config is not None:
        settings_file = tmp_path / "settings.yaml"
        settings_file.write_text(
            "".join(f"{k}: {v}\n" for k, v in config.items()) or "{}\n", encoding="utf-8"
        )
        args += ["--config", settings_file]
    result = invoke(*args)
    if result.exit_code in (0, 1):
        check_report(result.stdout)


EXAMPLE_REPORT = json.loads(CliRunner().invoke(app, ["score", str(EXAMPLE), "-f", "json"]).stdout)


@FUZZ
@given(edits=report_edits, answers=st.one_of(st.none(), answers_files))
def test_fuzz_baseline_and_compare(
    tmp_path: Path, edits: dict[int, str], answers: Any | None
) -> None:
    data = json.loads(json.dumps(EXAMPLE_REPORT))
    for index in edits:
        *parents, last = REPORT_FIELDS[index]
        node = data
        for part in parents:
            node = node[part]
        node[last] = f"@@RAW{index}@@"
    text = json.dumps(data, indent=2)
    for index, value in edits.items():  # raw YAML in place of the JSON value
        text = text.replace(f'"@@RAW{index}@@"', value)
    report = tmp_path / "old.json"
    report.write_text(text, encoding="utf-8")
    new = EXAMPLE
    if answers is not None:
        new = tmp_path / "answers.yaml"
        new.write_text(answers_text(answers), encoding="utf-8")
    scored = invoke("score", new, "-f", "json", "--baseline", report)
    if scored.exit_code in (0, 1):
        check_report(scored.stdout)
    compared = invoke("compare", report, new, "-f", "json")
    if compared.exit_code == 0:
        overall = json.loads(compared.stdout)["overall"]
        for key in ("old_score", "new_score"):
            assert overall[key] is None or 0 <= overall[key] <= 100
