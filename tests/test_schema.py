"""`csm-check schema answers|report|config` and `template --schema-path`.

No jsonschema package is installed, so the files are checked with the small validator below
(the keywords pydantic emits: $ref, anyOf, type, const, enum, properties, required,
additionalProperties, propertyNames, items, minimum, maximum, maxLength, format: date);
it is itself tested against documents that must fail.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import CASES, EXAMPLE
from conftest import run_cli as run
from csm_check.cli import app
from csm_check.model import Model
from csm_check.report import Report

DIALECT = "https://json-schema.org/draft/2020-12/schema"
NULL = {"type": "null"}
TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def problems(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "") -> list[str]:
    """Where `value` breaks `schema` (empty: valid)."""
    if "$ref" in schema:
        name = re.fullmatch(r"#/\$defs/(.+)", schema["$ref"])
        assert name, schema["$ref"]
        return problems(value, root["$defs"][name.group(1)], root, at)
    if "anyOf" in schema:
        choices = [problems(value, s, root, at) for s in schema["anyOf"]]
        if all(choices):
            # `X | None` with a value: tell what is wrong with the X
            other = [c for c, s in zip(choices, schema["anyOf"], strict=True) if s != NULL]
            return other[0] if value is not None and len(other) == 1 else [f"{at}: no choice"]
    found: list[str] = []
    if "if" in schema and not problems(value, schema["if"], root, at):
        found += problems(value, schema["then"], root, at)
    kind = schema.get("type")
    if kind is not None:
        is_bool = isinstance(value, bool)
        # 2020-12: a number with a zero fractional part is an integer (2.0 is one)
        whole = kind == "integer" and isinstance(value, float) and value.is_integer()
        if (not isinstance(value, TYPES[kind]) and not whole) or (is_bool and kind != "boolean"):
            return [f"{at or '/'}: not {kind}: {value!r}"]
    if isinstance(value, str) and len(value) < schema.get("minLength", 0):
        found.append(f"{at}: too short")
    if "const" in schema and value != schema["const"]:
        found.append(f"{at}: not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: {value!r} not in {schema['enum']}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{at}: below {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{at}: above {schema['maximum']}")
    if isinstance(value, str):
        if len(value) > schema.get("maxLength", len(value)):
            found.append(f"{at}: too long")
        if schema.get("format") == "date":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                found.append(f"{at}: not a date")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += problems(item, schema["items"], root, f"{at}/{index}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        found += [f"{at}/{key}: missing" for key in schema.get("required", ()) if key not in value]
        for key, item in value.items():
            if "propertyNames" in schema:
                found += problems(key, schema["propertyNames"], root, f"{at}/{key} (name)")
            if key in properties:
                found += problems(item, properties[key], root, f"{at}/{key}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{at}/{key}: not allowed")
            elif isinstance(schema.get("additionalProperties"), dict):
                found += problems(item, schema["additionalProperties"], root, f"{at}/{key}")
    return found


def get_schema(runner: CliRunner, kind: str, *args: str | Path) -> Any:
    result = run(runner, "schema", kind, *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def as_json(document: Any) -> Any:
    """YAML data as a JSON document would hold it (dates as text)."""
    return json.loads(json.dumps(document, default=str))


@pytest.mark.parametrize("kind", ["answers", "report", "config", "trend"])
def test_each_kind_is_a_json_schema(runner: CliRunner, kind: str) -> None:
    schema = get_schema(runner, kind)
    assert schema["$schema"] == DIALECT
    assert next(iter(schema)) == "$schema"
    assert schema["type"] == "object"
    assert schema["properties"]
    assert schema["description"]


@pytest.mark.parametrize("kind", ["answers", "report", "config", "trend"])
def test_written_with_output(runner: CliRunner, tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"{kind}.schema.json"
    result = run(runner, "schema", kind, "-o", target)
    assert (result.exit_code, result.stdout) == (0, "")
    assert json.loads(target.read_text("utf-8")) == get_schema(runner, kind)


def test_unknown_kind(runner: CliRunner) -> None:
    result = run(runner, "schema", "model")
    assert result.exit_code == 2
    assert "'model' is not one of 'answers', 'report', 'config'" in result.stderr


def test_answers_schema_lists_every_criterion(runner: CliRunner, model: Model) -> None:
    schema = get_schema(runner, "answers")
    answers = schema["properties"]["answers"]["anyOf"][0]
    assert list(answers["properties"]) == list(model.criterion_ids())
    assert answers["additionalProperties"] is False
    first = model.challenges[0].criteria[0]
    assert answers["properties"][first.id]["description"] == first.question.get("en")
    assert schema["properties"]["model"]["anyOf"][0]["const"] == model.id


def test_answers_schema_follows_the_model_and_language(
    runner: CliRunner, tiny_model_file: Path
) -> None:
    schema = get_schema(runner, "answers", "--challenges", tiny_model_file, "--lang", "de")
    answers = schema["properties"]["answers"]["anyOf"][0]["properties"]
    assert {key: value["description"] for key, value in answers.items()} == {
        "base.a": "A?",
        "base.b": "B?",
        "legal.disclosure": "Offengelegt?",
        "legal.contracts": "Verträge?",
        "top.x": "X?",
    }
    assert schema["properties"]["model"]["anyOf"][0]["const"] == "tiny"


def test_config_schema_lists_every_challenge(runner: CliRunner, model: Model) -> None:
    schema = get_schema(runner, "config")
    challenges = schema["properties"]["challenges"]
    assert challenges["propertyNames"] == {"enum": [c.id for c in model.challenges]}
    assert set(schema["properties"]) == {
        "fail_under", "require_complete", "require_evidence", "require_fresh_evidence",
        "target", "top", "language", "max_drop", "min_group_size", "challenges",
    }  # fmt: skip
    assert schema["additionalProperties"] is False


CONFIG = """\
fail_under: 60
require_complete: true
require_evidence: false
target: 3
top: 5
language: de
max_drop: 2
challenges:
  compliance: {minimum: 70, level: error}
  talent: {minimum: 50, level: warn}
  speed: {minimum: 10, level: "off"}
"""


def test_config_validates(runner: CliRunner) -> None:
    schema = get_schema(runner, "config")
    assert problems(yaml.safe_load(CONFIG), schema, schema) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fail_under: '60'\n", ["/fail_under: not number: '60'"]),
        ("require_complete: 'yes'\n", ["/require_complete: not boolean: 'yes'"]),
        ("fail_unde: 60\n", ["/fail_unde: not allowed"]),
        ("challenges:\n  legl: {minimum: 5}\n", ["/challenges/legl (name): 'legl' not in"]),
        ("challenges:\n  talent: {minimum: 5, level: fatal}\n", ["/challenges/talent/level:"]),
        ("challenges:\n  talent: {level: warn}\n", ["/challenges/talent/minimum: missing"]),
        ("top: -1\n", ["/top: below 0"]),
    ],
)
def test_the_validator_rejects_bad_configs(
    runner: CliRunner, text: str, expected: list[str]
) -> None:
    """The same mistakes csm-check itself rejects (tests/test_config.py)."""
    schema = get_schema(runner, "config")
    found = problems(yaml.safe_load(text), schema, schema)
    assert len(found) == len(expected)
    assert all(f.startswith(e) for f, e in zip(found, expected, strict=True)), found


def test_example_answers_validate(runner: CliRunner) -> None:
    schema = get_schema(runner, "answers")
    data = as_json(yaml.safe_load(EXAMPLE.read_text("utf-8")))
    assert problems(data, schema, schema) == []


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"talent.atrition-tracking": 2}, "/answers/talent.atrition-tracking: not allowed"),
        ({"talent.attrition-rate": 5}, "/answers/talent.attrition-rate: no choice"),
        ({"talent.attrition-rate": True}, "/answers/talent.attrition-rate: no choice"),
        (
            {"talent.attrition-rate": {"level": 2, "nte": "x"}},
            "/answers/talent.attrition-rate: no choice",
        ),
    ],
)
def test_the_validator_rejects_bad_answers(
    runner: CliRunner, answers: dict[str, Any], expected: str
) -> None:
    schema = get_schema(runner, "answers")
    found = problems({"schema_version": 1, "answers": answers}, schema, schema)
    assert len(found) == 1 and found[0].startswith(expected), found


# --- template --schema-path ------------------------------------------------------------------


def test_template_with_schema_path(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "csm-answers.yaml"
    result = run(runner, "template", "-o", target, "--schema-path", "schemas/answers.json")
    assert result.exit_code == 0, result.stderr
    text = target.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=schemas/answers.json\n")
    # still an answers file that csm-check accepts: everything unanswered
    scored = run(runner, "score", target, "--format", "json")
    assert scored.exit_code == 0, scored.stderr
    assert json.loads(scored.stdout)["overall"]["answered"] == 0
    assert run(runner, "validate", target).exit_code == 0
    # and valid against the schema it names
    schema = get_schema(runner, "answers")
    assert problems(as_json(yaml.safe_load(text)), schema, schema) == []


def test_template_without_schema_path_has_no_such_line(runner: CliRunner) -> None:
    result = run(runner, "template")
    assert "yaml-language-server" not in result.stdout


def test_schema_path_is_one_line(runner: CliRunner) -> None:
    result = run(runner, "template", "--schema-path", "a.json\nanswers: {}")
    assert result.stdout.splitlines()[0] == "# yaml-language-server: $schema=a.json answers: {}"
    assert result.stdout.splitlines()[1].startswith("# ")


# --- the JSON report against the report schema -----------------------------------------------


def check_report(runner: CliRunner, *args: str | Path) -> Any:
    result = run(runner, "score", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    schema = get_schema(runner, "report")
    assert problems(data, schema, schema) == []
    # the same contract, read back as the loader reads baselines and comparisons
    Report.model_validate(data)
    optional = {"team", "ai_use_cases", "legal_calendar", "register_findings"}  # when present
    assert set(Report.model_fields) - optional <= set(data)
    return data


def test_report_validates(runner: CliRunner) -> None:
    check_report(runner, EXAMPLE)


def test_failing_report_with_warnings_validates(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "ci.yaml"
    config.write_text("challenges:\n  talent: {minimum: 90, level: warn}\n", encoding="utf-8")
    data = check_report(runner, EXAMPLE, "--config", config, "--fail-under", "99")
    assert data["gate"]["passed"] is False and data["gate"]["warnings"]
    report = Report.model_validate(data)
    assert report.gate.warnings == data["gate"]["warnings"]


def test_team_report_validates(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(EXAMPLE.read_text("utf-8").replace(": 2\n", ": 4\n"), encoding="utf-8")
    data = check_report(runner, EXAMPLE, other)
    report = Report.model_validate(data)
    assert report.team is not None
    assert [r.file for r in report.team.respondents] == [str(EXAMPLE), str(other)]
    assert report.team.discuss_first == data["team"]["discuss_first"] != []


def test_team_report_with_roles_validates(runner: CliRunner) -> None:
    """Issue 14: team.roles (groups, means by role, gaps) is part of the contract."""
    folder = EXAMPLE.parent / "team-roles"
    data = check_report(runner, folder, "--lang", "en")
    report = Report.model_validate(data)
    assert report.team is not None and report.team.roles is not None
    assert [g.id for g in report.team.roles.groups] == ["agent", "team lead", "other"]
    assert report.team.roles.discuss_first == data["team"]["discuss_first"][:5]
    schema = get_schema(runner, "report")
    assert "roles" in schema["$defs"]["ReportTeam"]["properties"]
    assert "role" in schema["$defs"]["ReportRespondent"]["properties"]


def test_report_schema_documents_warnings_and_team(runner: CliRunner) -> None:
    schema = get_schema(runner, "report")
    assert "warnings" in schema["$defs"]["ReportGate"]["properties"]
    assert "team" in schema["properties"]
    assert set(schema["required"]) >= {"schema_version", "tool", "overall", "challenges", "gate"}


def test_the_validator_rejects_a_broken_report(runner: CliRunner) -> None:
    result = run(runner, "score", EXAMPLE, "--format", "json")
    data = json.loads(result.stdout)
    schema = get_schema(runner, "report")
    del data["gate"]
    data["overall"]["status"] = "fine"
    data["challenges"][0]["score"] = "high"
    assert problems(data, schema, schema) == [
        "/gate: missing",
        "/overall/status: 'fine' not in "
        "['ready', 'developing', 'at_risk', 'insufficient_data', 'no_data']",
        "/challenges/0/score: not number: 'high'",
    ]


def test_answers_schema_requires_a_note_for_not_applicable(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema", "answers"])
    schema = json.loads(result.stdout)
    entry = schema["$defs"]["AnswerEntry"]
    assert entry["if"] == {"properties": {"level": {"const": "n/a"}}, "required": ["level"]}
    assert entry["then"]["required"] == ["note"]
    assert entry["then"]["properties"]["note"]["minLength"] == 1
    value = schema["properties"]["answers"]["anyOf"][0]["properties"]["talent.attrition-rate"]
    assert {"const": "n/a", "type": "string"} not in value["anyOf"]  # no bare short-form n/a


# Cases no JSON Schema can see: the file is not YAML (or not UTF-8), or the YAML parser folds
# the problem away (duplicate keys, anchors and aliases), or the problem is in the characters.
NOT_DATA = {
    "alias.yaml",
    "anchor-and-alias.yaml",
    "anchor.yaml",
    "control-character.yaml",
    "duplicate-answer.yaml",
    "duplicate-header-key.yaml",
}
ANSWER_CASES = sorted((CASES / "invalid" / "answers").glob("*.yaml"))


@pytest.mark.parametrize("path", ANSWER_CASES, ids=lambda path: path.name)
def test_schema_rejects_what_the_loader_rejects(runner: CliRunner, path: Path) -> None:
    """Over the invalid-case corpus: a file csm-check rejects is invalid in the schema too."""
    if path.name in NOT_DATA:
        pytest.skip("not visible to a JSON Schema")
    try:
        data = yaml.safe_load(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError, ValueError):
        pytest.skip("not YAML: no schema applies")
    assert run(runner, "validate", path).exit_code == 2
    schema = get_schema(runner, "answers")
    assert problems(as_json(data), schema, schema), path.read_text("utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "schema_version: 1\nanswers:\n  talent.attrition-rate: 2.0\n",
        "schema_version: 1.0\nanswers:\n  talent.attrition-rate: {level: 4.0, note: x}\n",
        "schema_version: 1\nanswers:\n  talent.attrition-rate: {level: n/a, note: none here}\n",
    ],
)
def test_loader_accepts_what_the_schema_accepts(
    runner: CliRunner, tmp_path: Path, text: str
) -> None:
    """2.0 is an integer in JSON Schema 2020-12, so csm-check reads it as level 2."""
    schema = get_schema(runner, "answers")
    assert problems(as_json(yaml.safe_load(text)), schema, schema) == []
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    result = run(runner, "validate", path)
    assert result.exit_code == 0, result.stderr
    report = json.loads(run(runner, "score", path, "-f", "json").stdout)
    levels = [c["level"] for ch in report["challenges"] for c in ch["criteria"]]
    assert all(level is None or type(level) is int for level in levels)


def test_loader_rejects_fractions_and_booleans_like_the_schema(
    runner: CliRunner, tmp_path: Path
) -> None:
    for value in ("2.5", "true", "1.10", "-0.0e0x"):
        text = f"schema_version: 1\nanswers:\n  talent.attrition-rate: {value}\n"
        schema = get_schema(runner, "answers")
        assert problems(as_json(yaml.safe_load(text)), schema, schema), value
        path = tmp_path / "answers.yaml"
        path.write_text(text, encoding="utf-8")
        assert run(runner, "validate", path).exit_code == 2, value
