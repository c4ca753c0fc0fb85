"""The AI use-case register in every output: table, JSON (and its schema), Markdown, HTML,
JUnit and GitHub annotations; present only when the answers file has a register."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from conftest import EXAMPLE, run_cli
from csm_check.frozen import replace
from csm_check.loading import load_answers, load_model
from csm_check.render import RenderOptions
from csm_check.render.html import render_html
from csm_check.render.markdown import render_markdown
from csm_check.render.terminal import render_terminal
from csm_check.scoring.compute import score
from csm_check.use_cases import AiUseCase
from test_junit import check_xsd
from test_schema import check_report

# A live chatbot whose disclosure is answered n/a (an error), employee emotion recognition
# in a pilot (prohibited: an error) and a live quality scoring below the works agreement.
FAILING = """\
schema_version: 1
model: csm-2026
assessed_on: 2026-11-27
language: en
ai_use_cases:
  - kind: customer-chatbot
    name: "Web chat"
    status: live
    vendor: "Bot AG"
  - kind: emotion-recognition-agents
    status: pilot
  - kind: agent-quality-scoring
    status: planned
answers:
  compliance.bot-disclosure: {level: n/a, note: "no bot"}
  change.ai-literacy-training: 3
  compliance.processor-contracts: 3
"""


@pytest.fixture
def failing(tmp_path: Path) -> Path:
    path = tmp_path / "failing.yaml"
    path.write_text(FAILING, encoding="utf-8")
    return path


def test_json_carries_register_calendar_and_findings(runner: CliRunner, failing: Path) -> None:
    result = run_cli(runner, "score", failing, "--format", "json")
    assert result.exit_code == 1  # the register's errors fail the gate
    data = json.loads(result.stdout)
    assert [u["kind"] for u in data["ai_use_cases"]] == [
        "customer-chatbot",
        "emotion-recognition-agents",
        "agent-quality-scoring",
    ]
    calendar = data["legal_calendar"]
    assert calendar["judged_on"] == "2026-11-27"
    assert calendar["legal_reviewed_on"] == "2026-11-30"
    planned = calendar["entries"][2]["duties"]
    assert [(d["cite"], d["in_force"], d["days_left"]) for d in planned[-2:]] == [
        ("EU AI Act Art. 26 with Annex III 4(b)", False, 370),
        ("EU AI Act Art. 16 and 25(1)(a), Annex III", False, 370),
    ]
    assert calendar["entries"][0]["duties"][1]["yours"] == []  # the bot vendor's duty
    findings = [(f["code"], f["severity"], f["use_case"]) for f in data["register_findings"]]
    assert findings == [
        ("not_applicable_contradicts_register", "error", 0),
        ("prohibited_practice", "error", 1),
    ]
    assert data["register_findings"][1]["message"] == (
        "Emotion recognition of agents (voice or face): prohibited by EU AI Act Art. 5(1)(f) "
        "(binds from 2025-02-02); do not use it"
    )
    codes = [d["code"] for d in data["gate"]["reason_details"]]
    assert codes == ["ai_register", "ai_register"]
    assert data["gate"]["reasons"][0] == (
        "AI register: Customer chatbot \u201cWeb chat\u201d is live, so compliance.bot-disclosure "
        "cannot be n/a: it applies (EU AI Act Art. 50(1), applies from 2026-08-02)"
    )
    check_report(runner, failing)  # valid against `csm-check schema report`


def test_json_without_a_register_has_none_of_its_keys(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text(FAILING.split("ai_use_cases:")[0] + "answers:\n", encoding="utf-8")
    data = json.loads(run_cli(runner, "score", path, "--format", "json").stdout)
    assert not {"ai_use_cases", "legal_calendar", "register_findings"} & set(data)


def test_table_shows_calendar_reviewed_date_and_findings(runner: CliRunner, failing: Path) -> None:
    result = run_cli(runner, "score", failing)
    out = " ".join(result.stdout.split())  # lines wrapped at 80 columns, joined
    assert "Your AI systems and the law" in out
    assert "Legal content of the model last reviewed on 2026-11-30" in out
    assert "duties judged on 2026-11-27." in out
    assert "applies from 2027-12-02, in 370 days" in out
    assert "Planned: these duties apply when it goes live." in out
    assert "✖ error: Emotion recognition of agents" in out
    assert "binds the provider (your vendor): secure it by contract" in out


def test_german_table(runner: CliRunner, failing: Path) -> None:
    result = run_cli(runner, "score", failing, "--lang", "de")
    assert "Ihre KI-Systeme und das Recht" in result.stdout
    assert "gilt ab 2027-12-02, in 370 Tagen" in result.stdout
    assert "verboten nach KI-Verordnung (EU AI Act) Art. 5 Abs. 1 Buchst. f" in result.stdout


def card_with_name(name: str):  # type: ignore[no-untyped-def]
    model = load_model()
    answers = load_answers(EXAMPLE, model)
    first = answers.ai_use_cases[0]
    hostile = AiUseCase(first.kind, first.status, name, first.since, name, False)
    return score(model, replace(answers, ai_use_cases=(hostile,)))


EVIL = "<script>x</script> | [l](http://x) `c`"


def test_markdown_section_is_a_table_per_system_with_escaped_names() -> None:
    text = render_markdown(card_with_name(EVIL), RenderOptions("en"))
    section = text[text.index("## Your AI systems and the law") : text.index("## Next steps")]
    assert "### 1. Customer chatbot" in section
    assert "| Law | When | Whom it binds | What to do | Criteria |" in section
    assert "<script>" not in section and "\\|" in section
    html = MarkdownIt("commonmark").enable("table").render(section)
    assert "<script" not in html and "href=" not in html
    assert html.count("<tr>") == 4  # header and the chatbot's three duties
    assert "The register and the answers agree." in section


def test_html_section_escapes_user_text() -> None:
    page = render_html(card_with_name(EVIL), RenderOptions("en"))
    assert "<h2>Your AI systems and the law</h2>" in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>" not in page
    assert "Legal content of the model last reviewed on 2026-11-30" in page


def test_terminal_strips_escape_sequences() -> None:
    out = render_terminal(card_with_name("Bot \x1b[31mred\x1b[0m"), RenderOptions("en"))
    assert ("\x1b" not in out and "Bot [31mred[0m" in out) or "Bot red" in out


def test_junit_fails_the_systems_with_errors(runner: CliRunner, failing: Path) -> None:
    import xml.etree.ElementTree as ET

    result = run_cli(runner, "score", failing, "--format", "junit")
    check_xsd(result.stdout)
    root = ET.fromstring(result.stdout)
    cases = [c for c in root.iter("testcase") if c.get("classname") == "csm-check.ai_register"]
    assert [c.get("name") for c in cases] == [
        "1 customer-chatbot",
        "2 emotion-recognition-agents",
        "3 agent-quality-scoring",
    ]
    failures = [[f.get("type") for f in c.findall("failure")] for c in cases]
    assert failures == [["ai_register"], ["ai_register"], []]
    out = cases[2].findtext("system-out") or ""
    assert "EU AI Act Art. 26 with Annex III 4(b): applies from 2027-12-02, in 370 days" in out
    assert root.get("failures") == "2"


def test_github_annotation_points_at_the_register_entry(
    runner: CliRunner, failing: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    result = run_cli(runner, "score", failing)
    lines = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert [line.split(",title=")[0] for line in lines if "AI register" in line] == [
        f"::error file={failing},line=6,col=5",  # the chatbot's entry
        f"::error file={failing},line=10,col=5",  # the emotion recognition's entry
    ]
