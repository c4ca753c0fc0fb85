"""Gate reasons and warnings for programs: `gate.reason_details` / `gate.warning_details` in
the JSON report, each with a stable `code`, the ids and numbers involved and the message."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import run_cli as run
from csm_check.render.common import GATE_CODES
from csm_check.report import GateCode, ReportGateDetail
from csm_check.scoring.results import GateKind

FULL = {"base.a": 4, "base.b": 4, "legal.disclosure": 4, "legal.contracts": 4, "top.x": 4}


def write(folder: Path, name: str, **levels: int | None) -> Path:
    values: dict[str, int | None] = {**FULL, **{k.replace("__", "."): v for k, v in levels.items()}}
    lines = ["schema_version: 1", "language: en", "answers:"]
    lines += [f"  {key}: {'' if v is None else v}".rstrip() for key, v in values.items()]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def gate(runner: CliRunner, folder: Path, new: Path, *args: str | Path) -> Any:
    model = folder / "tiny.yaml"
    result = run(runner, "score", new, "--challenges", model, "-f", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["gate"]


def test_every_gate_kind_has_one_stable_code() -> None:
    assert set(GATE_CODES) == set(typing.get_args(GateKind))
    assert sorted(GATE_CODES.values()) == sorted(typing.get_args(GateCode))


def test_each_reason_has_its_code_and_data(
    runner: CliRunner, tmp_path: Path, tiny_model_file: Path
) -> None:
    new = write(tmp_path, "new.yaml", legal__disclosure=1, top__x=None, base__a=3)
    old = write(tmp_path, "old.yaml")
    found = gate(
        runner, tmp_path, new, "--fail-under", "99", "--require-complete", "--baseline", old
    )
    details = found["reason_details"]
    assert [d["message"] for d in details] == found["reasons"]
    codes = [d["code"] for d in details]
    assert codes[:3] == ["knock_out", "fail_under", "incomplete"]
    assert set(codes[3:]) == {"drop"}
    knock_out, fail_under, incomplete = details[:3]
    assert (knock_out["criterion"], knock_out["challenge"]) == ("legal.disclosure", "legal")
    assert (knock_out["level"], knock_out["minimum"]) == (1, 3)
    assert fail_under["threshold"] == 99
    assert fail_under["score"] is not None and fail_under["score"] < 99
    assert incomplete["count"] == 1
    overall_drop = next(d for d in details[3:] if d["challenge"] is None)
    assert overall_drop["previous"] == 100
    for detail in details:
        # review_due is written for stale_evidence only (reports without it stay as they were)
        assert set(detail) == set(ReportGateDetail.model_fields) - {"review_due"}


def test_warnings_have_codes(runner: CliRunner, tmp_path: Path, tiny_model_file: Path) -> None:
    new = write(tmp_path, "new.yaml", legal__disclosure=None)
    found = gate(runner, tmp_path, new)
    assert found["reasons"] == found["reason_details"] == []
    (warning,) = found["warning_details"]
    assert (warning["code"], warning["criterion"], warning["minimum"]) == (
        "knock_out_unanswered",
        "legal.disclosure",
        3,
    )
    assert warning["message"] == found["warnings"][0]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_codes_do_not_depend_on_the_language(
    runner: CliRunner, tmp_path: Path, tiny_model_file: Path, lang: str
) -> None:
    new = write(tmp_path, "new.yaml", base__a=0)
    found = gate(runner, tmp_path, new, "--fail-under", "99", "--lang", lang)
    assert [d["code"] for d in found["reason_details"]] == ["fail_under"]


def test_report_schema_documents_the_codes(runner: CliRunner) -> None:
    result = run(runner, "schema", "report")
    schema = json.loads(result.stdout)
    detail = schema["$defs"]["ReportGateDetail"]
    assert detail["properties"]["code"]["enum"] == list(typing.get_args(GateCode))
    for code in typing.get_args(GateCode):
        assert code in detail["properties"]["code"]["description"]
    assert schema["$defs"]["ReportGate"]["properties"]["reason_details"]["items"] == {
        "$ref": "#/$defs/ReportGateDetail"
    }
