"""`--format junit`: parsed back with xml.etree and checked against the shape of the common
JUnit XML schema (the one GitLab, Jenkins and Azure DevOps read).

Tiny model (tests/conftest.py): challenges base, legal, top; one knock-out criterion,
legal.disclosure (minimum level 3). So a report holds 3 + 1 = 4 test cases, and a failing case
first for each gate problem that belongs to neither (overall threshold, drop, evidence). Every
report is validated against Jenkins' junit-10.xsd (tests/schemas/, MIT licence in the file).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLE, REPO
from conftest import run_cli as run

# base.a = 2 -> base 50.0;  legal.disclosure = 1 -> legal 25.0 and a knock-out blocker;
# overall (50 * 2 + 25) / 3 = 41.67 -> 41.7;  3 of 5 criteria unanswered.
BLOCKED = """\
schema_version: 1
language: en
assessed_on: 2026-03-31
answers:
  base.a: 2
  legal.disclosure: 1
"""
# Everything at 4: all 100, nothing fails.
PASSING = """\
schema_version: 1
answers:
  base.a: 4
  base.b: 4
  legal.disclosure: 4
  legal.contracts: 4
  top.x: 4
"""
# Allowed elements and attributes in the common JUnit XML schema (jenkins junit-10.xsd).
SCHEMA: dict[str, set[str]] = {
    "testsuites": {"name", "tests", "failures", "errors", "time"},
    "testsuite": {
        "name", "tests", "failures", "errors", "skipped", "disabled", "time", "timestamp",
        "hostname", "id", "package", "file", "log", "url", "version", "group",
    },
    "testcase": {"name", "classname", "time", "assertions", "status", "file", "line"},
    "failure": {"message", "type"},
    "error": {"message", "type"},
    "skipped": {"message"},
    "system-out": set(),
    "system-err": set(),
}  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_model_file: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "blocked.yaml").write_text(BLOCKED, encoding="utf-8")
    (tmp_path / "passing.yaml").write_text(PASSING, encoding="utf-8")
    return tmp_path


def junit(runner: CliRunner, answers: str, *args: str, model: str = "tiny.yaml") -> ET.Element:
    result = run(runner, "score", answers, "--challenges", model, "--format", "junit", *args)
    assert result.exit_code in (0, 1), result.stderr
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
    return ET.fromstring(result.stdout)


def cases(root: ET.Element) -> dict[str, ET.Element]:
    return {f"{c.get('classname')}/{c.get('name')}": c for c in root.iter("testcase")}


XSD = Path(__file__).parent / "schemas" / "junit-10.xsd"


def check_xsd(text: str) -> None:
    """Valid against Jenkins' junit-10.xsd, checked by libxml2 (lxml)."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = etree.fromstring(text.encode("utf-8"))
    assert schema.validate(document), schema.error_log


def check_schema(root: ET.Element) -> None:
    """Elements, attributes and nesting as the schema allows; counts that add up."""
    check_xsd(ET.tostring(root, encoding="unicode"))
    assert root.tag == "testsuites"
    for element in root.iter():
        assert element.tag in SCHEMA, element.tag
        assert set(element.attrib) <= SCHEMA[element.tag], (element.tag, element.attrib)
    for suite in root:
        assert suite.tag == "testsuite"
        assert all(child.tag == "testcase" for child in suite)
        for case in suite:
            assert {"name", "classname"} <= set(case.attrib)
            tags = [child.tag for child in case]
            # failure / error / skipped first (at most one of them), then system-out
            results = [t for t in tags if t in {"failure", "error", "skipped"}]
            assert len(results) <= 1
            assert tags == results + [t for t in tags if t not in results]
        for key, tag in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
            assert int(suite.get(key, "0")) == sum(1 for c in suite if c.find(tag) is not None)
        assert int(suite.get("tests", "0")) == len(suite)
    for key in ("tests", "failures", "errors"):
        assert root.get(key) == str(sum(int(s.get(key, "0")) for s in root))


def test_one_case_per_challenge_and_knockout(runner: CliRunner, folder: Path) -> None:
    root = junit(runner, "passing.yaml")
    check_schema(root)
    assert list(cases(root)) == [
        "csm-check.challenges/1 base",
        "csm-check.challenges/2 legal",
        "csm-check.challenges/3 top",
        "csm-check.knockouts/legal.disclosure",
    ]
    assert root.attrib == {
        "name": "csm-check", "tests": "4", "failures": "0", "errors": "0",
    }  # fmt: skip
    assert all(c.find("failure") is None for c in root.iter("testcase"))


def test_failures_carry_the_reason(runner: CliRunner, folder: Path) -> None:
    root = junit(runner, "blocked.yaml", "--fail-under", "90", "--require-complete")
    check_schema(root)
    suite = root[0]
    # one failure per problem: knock-out, --fail-under, --require-complete
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("6", "3", "0")
    assert suite.get("timestamp") == "2026-03-31T00:00:00"
    found = cases(root)
    overall = found["csm-check.overall/fail_under"].find("failure")
    assert overall is not None
    assert overall.attrib == {
        "message": "overall score 41.7 is below --fail-under 90",
        "type": "fail_under",
    }
    assert overall.text == "overall score 41.7 is below --fail-under 90"
    incomplete = found["csm-check.overall/incomplete"].find("failure")
    assert incomplete is not None and incomplete.get("type") == "incomplete"
    assert incomplete.text == "3 criteria unanswered (--require-complete)"
    blocker = "knock-out criterion legal.disclosure is below its minimum level"
    failure = found["csm-check.knockouts/legal.disclosure"].find("failure")
    assert failure is not None
    assert (failure.get("message"), failure.text, failure.get("type")) == (
        blocker,
        blocker,
        "knock_out",
    )
    # the knock-out fails once: its challenge's case does not fail it again
    for key in ("csm-check.challenges/1 base", "csm-check.challenges/2 legal"):
        assert found[key].find("failure") is None
    outs = [c.findtext("system-out") for c in root.iter("testcase")]
    assert outs == [
        None,
        None,
        "Base: 50.0 DEVELOPING",
        "Legal: 25.0 AT RISK",
        "Top: - NO DATA",
        None,
    ]


def test_unanswered_knockout_is_skipped(runner: CliRunner, folder: Path) -> None:
    (folder / "base-only.yaml").write_text("schema_version: 1\nanswers:\n  base.a: 4\n", "utf-8")
    root = junit(runner, "base-only.yaml")
    check_schema(root)
    skipped = cases(root)["csm-check.knockouts/legal.disclosure"].find("skipped")
    assert skipped is not None
    assert skipped.attrib == {"message": "legal: not answered"}
    assert (root.get("tests"), root.get("failures")) == ("4", "0")
    assert root[0].get("skipped") == "1"


def test_warnings_are_output_not_failures(runner: CliRunner, folder: Path) -> None:
    (folder / "csm-check.yaml").write_text(
        "challenges:\n  base: {minimum: 60, level: warn}\n  top: {minimum: 60, level: error}\n",
        encoding="utf-8",
    )
    root = junit(runner, "passing.yaml")  # everything 100: nothing to warn about
    assert root.get("failures") == "0"
    (folder / "csm-check.yaml").write_text(
        "challenges:\n  base: {minimum: 60, level: warn}\n", encoding="utf-8"
    )
    root = junit(runner, "blocked.yaml")
    check_schema(root)
    base = cases(root)["csm-check.challenges/1 base"]
    assert base.find("failure") is None
    assert base.findtext("system-out") == (
        "Base: 50.0 DEVELOPING\nwarning: challenge base scores 50.0, below its minimum 60"
    )
    # only the blocker fails, once: the knock-out case
    assert root.get("failures") == "1"


def test_challenge_minimum_and_regression_fail_their_challenge(
    runner: CliRunner, folder: Path
) -> None:
    # baseline everything at 4; now top.x = 2: top 50 (a drop of 50), overall 87.5
    (folder / "new.yaml").write_text(PASSING.replace("top.x: 4", "top.x: 2"), "utf-8")
    root = junit(runner, "new.yaml", "--baseline", "passing.yaml")
    check_schema(root)
    found = cases(root)
    overall = found["csm-check.drops/overall"].find("failure")
    top = found["csm-check.drops/top"].find("failure")
    assert overall is not None and top is not None
    assert overall.get("message") == "overall score dropped from 100.0 to 87.5 (--max-drop 0)"
    assert top.get("message") == "challenge top dropped from 100.0 to 50.0 (--max-drop 0)"
    assert root.get("failures") == "2"


def test_written_with_output_and_reasons_on_stderr(runner: CliRunner, folder: Path) -> None:
    result = run(
        runner, "score", "blocked.yaml", "--challenges", "tiny.yaml", "-f", "junit",
        "-o", "junit.xml",
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "knock-out criterion legal.disclosure is below its minimum level\n"
    root = ET.parse(folder / "junit.xml").getroot()
    check_schema(root)
    assert root.get("failures") == "1"


def test_german(runner: CliRunner, folder: Path) -> None:
    root = junit(runner, "blocked.yaml", "--lang", "de")
    found = cases(root)
    assert found["csm-check.challenges/1 base"].findtext("system-out") == ("Basis: 50,0 IM AUFBAU")
    failure = found["csm-check.knockouts/legal.disclosure"].find("failure")
    assert failure is not None
    assert failure.get("message") == "K.-o.-Kriterium legal.disclosure liegt unter der Mindeststufe"


def test_builtin_model(runner: CliRunner) -> None:
    """The built-in model: 10 challenges + 8 knock-out criteria (the legal musts), and the
    example's three registered AI systems."""
    root = junit(runner, str(EXAMPLE), model=str(REPO / "challenges.yaml"))
    check_schema(root)
    assert root.get("tests") == "21"
    knockouts = [c for c in root.iter("testcase") if c.get("classname") == "csm-check.knockouts"]
    assert [c.get("name") for c in knockouts] == [
        "strategy.human-review",
        "change.ai-literacy-training",
        "change.works-council-agreement",
        "compliance.bot-disclosure",
        "compliance.no-agent-emotion-recognition",
        "compliance.agent-scoring-oversight",
        "compliance.processor-contracts",
        "compliance.call-recording-consent",
    ]


@pytest.mark.parametrize(
    ("quoted", "title"),
    [
        # (the title as written inside double quotes in the model's YAML, as it must come out)
        ('<b>&amp; ]]> \\"q\\" \'s', '<b>&amp; ]]> "q" \'s'),
        ("</system-out><testcase name='x'/>", "</system-out><testcase name='x'/>"),
        ("<![CDATA[x]]>", "<![CDATA[x]]>"),
        # control characters and escape sequences are dropped: XML 1.0 cannot carry them
        ("a\\e[31mred\\e[0m \\x07bell \\x0b\\x0c \\x00 \\uFFFE end", "ared bell end"),
        ("two\\nlines\\r\\n\\tand tab", "two lines and tab"),
    ],
)
def test_hostile_model_text_is_escaped(
    runner: CliRunner, folder: Path, tiny_model_file: Path, quoted: str, title: str
) -> None:
    """A custom model is user input: its titles must not break or inject into the XML."""
    evil = tiny_model_file.read_text("utf-8").replace(
        'title: {en: "Base", de: "Basis"}', f'title: {{en: "{quoted}", de: "{quoted}"}}'
    )
    (folder / "evil.yaml").write_text(evil, encoding="utf-8")
    root = junit(runner, "blocked.yaml", model="evil.yaml")
    check_schema(root)
    assert len(list(root.iter("testcase"))) == 4
    out = cases(root)["csm-check.challenges/1 base"].findtext("system-out")
    assert out == f"{title}: 50.0 DEVELOPING"


def test_documented_gitlab_job() -> None:
    section = (REPO / "docs" / "ci.md").read_text("utf-8").split("\n## GitLab CI", 1)[1]
    block = re.findall(r"```yaml\n(.*?)```", section.split("\n## ", 1)[0], flags=re.DOTALL)[0]
    job = yaml.safe_load(block)["csm-check"]
    assert job["artifacts"] == {"when": "always", "reports": {"junit": "junit.xml"}}
    assert "--format junit -o junit.xml" in job["script"][-1]


def test_the_xsd_check_rejects_what_jenkins_rejects() -> None:
    """The check is real: `skipped` on <testsuites> (as csm-check wrote it before) fails."""
    suite = '<testsuite name="a" tests="0" failures="0" errors="0"/>'
    bad = f'<testsuites skipped="0">{suite}</testsuites>'
    with pytest.raises(AssertionError):
        check_xsd(bad)


def test_each_problem_is_one_failure(runner: CliRunner, folder: Path) -> None:
    """A challenge minimum fails its challenge; a level without evidence its own case; a
    knock-out only its knock-out case: failures == the JSON report's reasons."""
    (folder / "csm-check.yaml").write_text(
        "require_evidence: true\nchallenges:\n  legal: {minimum: 60, level: error}\n", "utf-8"
    )
    root = junit(runner, "blocked.yaml")  # legal.disclosure 1 (blocker), legal 25 < 60
    check_schema(root)
    found = cases(root)
    failed = {key: c.find("failure") for key, c in found.items()}
    assert {key: f.get("type") for key, f in failed.items() if f is not None} == {
        "csm-check.challenges/2 legal": "challenge_minimum",
        "csm-check.knockouts/legal.disclosure": "knock_out",
    }
    (folder / "evidence.yaml").write_text(PASSING, "utf-8")
    root = junit(runner, "evidence.yaml")
    check_schema(root)
    found = cases(root)
    evidence = [key for key in found if key.startswith("csm-check.evidence/")]
    assert len(evidence) == 5 == int(root.get("failures", "0"))
    result = run(runner, "score", "evidence.yaml", "--challenges", "tiny.yaml", "-f", "json")
    assert len(json.loads(result.stdout)["gate"]["reasons"]) == 5
