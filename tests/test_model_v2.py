"""The model's version-2 rules on a small model of their own: criteria with their own levels,
law as data (knock-outs that bind from a date, upcoming duties, unanswered knock-outs), the
coverage guard, an overdue legal review, and answers files of an earlier model version.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run_cli
from csm_check.loading import load_model

MODEL = """\
schema_version: 1
id: lawful
version: "2"
legal_reviewed_on: 2025-01-15
title: {en: "Lawful model", de: "Rechtsmodell"}
scale:
  target: 3
  levels:
    - {level: 0, label: {en: "None", de: "Nichts"}, description: {en: "d0", de: "b0"}}
    - {level: 1, label: {en: "Ad hoc", de: "Punktuell"}, description: {en: "d1", de: "b1"}}
    - {level: 2, label: {en: "Partly", de: "Teilweise"}, description: {en: "d2", de: "b2"}}
    - {level: 3, label: {en: "In place", de: "Umgesetzt"}, description: {en: "d3", de: "b3"}}
    - {level: 4, label: {en: "Measured", de: "Gemessen"}, description: {en: "d4", de: "b4"}}
bands: {developing: 40, ready: 70}
retired: [ops.old-thing]
challenges:
  - id: ops
    number: 1
    title: {en: "Operations", de: "Betrieb"}
    summary: {en: "s", de: "z"}
    depends_why: {en: "It can start at once.", de: "Kann sofort beginnen."}
    criteria:
      - id: ops.roadmap
        question: {en: "Is there a roadmap?", de: "Gibt es eine Roadmap?"}
        help: {en: "h", de: "h"}
        next_step: {en: "Draft one", de: "Entwerfen"}
        replaces: [ops.plan]
        levels:
          - {en: "No roadmap exists", de: "Keine Roadmap vorhanden"}
          - {en: "Ideas in a slide deck", de: "Ideen in Folien"}
          - {en: "Written roadmap, not agreed", de: "Schriftlich, nicht abgestimmt"}
          - {en: "Agreed with management", de: "Mit der Leitung abgestimmt"}
          - {en: "Reviewed every quarter", de: "Quartalsweise überprüft"}
      - id: ops.handoff
        question: {en: "Hand-off?", de: "Übergabe?"}
        help: {en: "h", de: "h"}
        next_step: {en: "Fix it", de: "Beheben"}
        replaces: [ops.reachable]
      - id: ops.failed
        question: {en: "Failed hand-offs?", de: "Gescheiterte Übergaben?"}
        help: {en: "h", de: "h"}
        next_step: {en: "Review them", de: "Prüfen"}
        replaces: [ops.reachable]
  - id: law
    number: 2
    title: {en: "Law", de: "Recht"}
    summary: {en: "s", de: "z"}
    criteria:
      - id: law.disclosure
        question: {en: "Do bots disclose?", de: "Legen Bots offen?"}
        help: {en: "h", de: "h"}
        next_step: {en: "Disclose", de: "Offenlegen"}
        minimum_level: 3
        legal:
          - cite: {en: "EU AI Act Art. 50(1)", de: "KI-Verordnung (EU AI Act) Art. 50 Abs. 1"}
            applies_from: 2026-08-02
            binds: {en: "provider", de: "Anbieter"}
      - id: law.scoring
        question: {en: "Is agent scoring overseen?", de: "Wird Scoring beaufsichtigt?"}
        help: {en: "h", de: "h"}
        next_step: {en: "Oversee", de: "Beaufsichtigen"}
        minimum_level: 3
        legal:
          - cite: {en: "EU AI Act Art. 26", de: "KI-Verordnung (EU AI Act) Art. 26"}
            applies_from: 2027-12-02
"""


def answers(assessed_on: str, body: str, language: str = "en") -> str:
    return f"schema_version: 1\nlanguage: {language}\nassessed_on: {assessed_on}\nanswers:\n{body}"


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    path = tmp_path / "lawful.yaml"
    path.write_text(MODEL, encoding="utf-8")
    return path


def score(runner: CliRunner, model_file: Path, text: str, *args: str) -> tuple[int, str, str]:
    path = model_file.parent / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli(runner, "score", path, "--challenges", model_file, *args)
    return result.exit_code, result.stdout, result.stderr


# --- levels of their own ----------------------------------------------------------------------


def test_own_levels_validate_and_default_to_the_scale(model_file: Path) -> None:
    model = load_model(model_file, validate_builtin=True)
    roadmap, handoff = model.challenges[0].criteria[:2]
    assert model.level_label(roadmap, 2).get("en") == "Written roadmap, not agreed"
    assert model.level_label(handoff, 2).get("en") == "Partly"  # no levels of its own: the scale
    assert [t.get("de") for t in model.level_texts(roadmap)][4] == "Quartalsweise überprüft"


def test_a_criterion_needs_one_text_per_level(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = MODEL.replace(
        '          - {en: "Reviewed every quarter", de: "Quartalsweise überprüft"}\n', ""
    )
    broken.write_text(text, encoding="utf-8")
    result = run_cli(runner, "validate", "--challenges", broken, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        f"{broken}:29:11: criterion ops.roadmap has 4 level texts; "
        "it needs exactly one for each level 0-4\n"
    )


def test_replaces_and_retired_name_only_earlier_criteria(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        MODEL.replace("retired: [ops.old-thing]", "retired: [law.scoring]"), encoding="utf-8"
    )
    result = run_cli(runner, "validate", "--challenges", broken, "--lang", "en")
    assert result.exit_code == 2
    assert "'law.scoring' is listed as retired but is a criterion of this model" in result.stderr


def test_the_interview_and_its_help_show_the_criterions_own_levels(
    runner: CliRunner, model_file: Path, tmp_path: Path
) -> None:
    from csm_check.cli import app

    path = tmp_path / "answers.yaml"
    args = ["interactive", "--answers", str(path), "--challenges", str(model_file), "--lang", "en"]
    result = runner.invoke(app, args, input="\n\n?\n2\nq\n")
    assert result.exit_code == 0, result.output
    assert "  2 Written roadmap, not agreed" in result.stdout  # the choices
    assert "Reviewed every quarter" in result.stdout.split("Help")[1]  # and in ? help
    assert "Saved: 2 Written roadmap, not agreed" in result.stdout


def test_challenges_and_template_show_the_own_levels(runner: CliRunner, model_file: Path) -> None:
    listing = run_cli(runner, "challenges", "--challenges", model_file, "--lang", "de")
    assert "3 Mit der Leitung abgestimmt" in listing.stdout
    template = run_cli(runner, "template", "--challenges", model_file, "--lang", "en")
    assert "  #   4 = Reviewed every quarter\n  ops.roadmap:\n" in template.stdout
    assert "# Scale:" in template.stdout  # ops.handoff has none: the default scale stays


def test_reports_name_the_own_level(runner: CliRunner, model_file: Path) -> None:
    text = answers("2026-09-01", "  ops.roadmap: 3\n  ops.handoff: 3\n  law.disclosure: 3\n")
    _, markdown, _ = score(runner, model_file, text, "-f", "markdown")
    assert "  - Level: 3 (Agreed with management)" in markdown
    assert "  - Level: 3 (In place)" in markdown


# --- law as data ------------------------------------------------------------------------------


def test_a_knockout_binds_only_from_its_date(runner: CliRunner, model_file: Path) -> None:
    body = "  ops.roadmap: 3\n  ops.handoff: 3\n  law.disclosure: 1\n  law.scoring: 0\n"
    # Before 2 Aug 2026 the disclosure duty is upcoming: no blocker, days left instead.
    code, out, _ = score(runner, model_file, answers("2026-07-30", body), "-f", "json")
    report = json.loads(out)
    assert code == 0
    states = {k["criterion"]: (k["state"], k["days_until_binding"]) for k in report["knockouts"]}
    assert states == {"law.disclosure": ("upcoming", 3), "law.scoring": ("upcoming", 490)}
    assert report["knockouts"][0]["legal"] == [
        {"cite": "EU AI Act Art. 50(1)", "applies_from": "2026-08-02", "binds": "provider"}
    ]
    code, table, _ = score(runner, model_file, answers("2026-07-30", body))
    assert "Upcoming obligations" in table
    assert "law.disclosure: EU AI Act Art. 50(1), applies from 2026-08-02; 3 days left" in table
    # From that day on it blocks, and every reason names the law and its date.
    code, out, err = score(runner, model_file, answers("2026-08-02", body), "-f", "json")
    assert code == 1
    reason = (
        "knock-out criterion law.disclosure is below its minimum level "
        "(EU AI Act Art. 50(1), applies from 2026-08-02)"
    )
    assert json.loads(out)["gate"]["reasons"] == [reason]
    assert err.splitlines()[0] == reason
    _, markdown, _ = score(runner, model_file, answers("2026-08-02", body), "-f", "markdown")
    assert "(EU AI Act Art. 50(1), applies from 2026-08-02)" in markdown
    assert "- ⏳ law.scoring: EU AI Act Art. 26, applies from 2027-12-02; 487 days left" in markdown
    _, junit, _ = score(runner, model_file, answers("2026-08-02", body), "-f", "junit")
    failure = ET.fromstring(junit).find(".//testcase[@name='law.disclosure']/failure")
    assert failure is not None and failure.get("message") == reason
    _, junit_before, _ = score(runner, model_file, answers("2026-07-30", body), "-f", "junit")
    skipped = ET.fromstring(junit_before).find(".//testcase[@name='law.disclosure']/skipped")
    assert skipped is not None  # not yet binding: neither passed nor failed
    assert skipped.get("message") == (
        "law.disclosure: EU AI Act Art. 50(1), applies from 2026-08-02; 3 days left"
    )
    _, html, _ = score(runner, model_file, answers("2026-08-02", body), "-f", "html")
    assert "(EU AI Act Art. 50(1), applies from 2026-08-02)" in html


def test_german_names_the_law_in_german(runner: CliRunner, model_file: Path) -> None:
    body = "  law.disclosure: 1\n"
    _, out, _ = score(runner, model_file, answers("2026-09-01", body, "de"), "-f", "json")
    assert json.loads(out)["gate"]["reasons"] == [
        "K.-o.-Kriterium law.disclosure liegt unter der Mindeststufe "
        "(KI-Verordnung (EU AI Act) Art. 50 Abs. 1, gilt ab 2026-08-02)"
    ]


def test_an_unanswered_knockout_warns_and_fails_when_all_must_be_answered(
    runner: CliRunner, model_file: Path
) -> None:
    text = answers("2026-09-01", "  ops.roadmap: 3\n  ops.handoff: 3\n  ops.failed: 3\n")
    code, out, err = score(runner, model_file, text, "-f", "json")
    assert code == 0
    warning = (
        "knock-out criterion law.disclosure is not answered "
        "(EU AI Act Art. 50(1), applies from 2026-08-02)"
    )
    assert json.loads(out)["gate"]["warnings"] == [warning]
    assert err == f"warning: {warning}\n"  # law.scoring binds only in 2027: no warning yet
    code, out, _ = score(runner, model_file, text, "-f", "json", "--require-complete")
    assert code == 1
    assert warning in json.loads(out)["gate"]["reasons"]


# --- coverage guard ---------------------------------------------------------------------------


def test_too_few_answers_say_insufficient_data_but_keep_the_score(
    runner: CliRunner, model_file: Path
) -> None:
    # 2 of 5 answered overall (40 %), 1 of 3 in ops: both below half.
    text = answers("2026-09-01", "  ops.roadmap: 4\n  law.disclosure: 4\n")
    _, out, _ = score(runner, model_file, text, "-f", "json")
    report = json.loads(out)
    assert (report["overall"]["score"], report["overall"]["status"]) == (100.0, "insufficient_data")
    ops, law = report["challenges"]
    assert (ops["score"], ops["status"]) == (100.0, "insufficient_data")
    assert (law["score"], law["status"]) == (100.0, "ready")  # 1 of 2: half is enough
    _, table, _ = score(runner, model_file, text)
    assert "TOO LITTLE DATA" in table


def test_a_blocker_outweighs_the_coverage_guard(runner: CliRunner, model_file: Path) -> None:
    text = answers("2026-09-01", "  law.disclosure: 0\n")
    _, out, _ = score(runner, model_file, text, "-f", "json")
    assert json.loads(out)["challenges"][1]["status"] == "at_risk"


# --- legal review date ------------------------------------------------------------------------


@pytest.mark.parametrize(("assessed_on", "overdue"), [("2026-01-15", False), ("2026-01-16", True)])
def test_an_overdue_legal_review_is_said_in_every_format(
    runner: CliRunner, model_file: Path, assessed_on: str, overdue: bool
) -> None:
    text = answers(assessed_on, "  ops.roadmap: 3\n")
    notice = (
        "The legal content of model lawful 2 was last reviewed on 2025-01-15, "
        "more than 12 months ago: it may be outdated."
    )
    for fmt in ("table", "markdown", "html", "json"):
        _, out, _ = score(runner, model_file, text, "-f", fmt)
        assert (notice in " ".join(out.split())) is overdue, fmt  # the table wraps it
    _, out, _ = score(runner, model_file, text, "-f", "json")
    assert json.loads(out)["notices"] == ([notice] if overdue else [])


# --- answers files of an earlier model version ------------------------------------------------


def test_an_earlier_versions_file_loads_with_warnings(runner: CliRunner, model_file: Path) -> None:
    body = "  ops.plan: 3\n  ops.reachable: 2\n  ops.old-thing: 1\n  law.disclosure: 3\n"
    code, out, err = score(runner, model_file, answers("2026-09-01", body), "-f", "json")
    assert code == 0
    criteria = {k["id"]: k for c in json.loads(out)["challenges"] for k in c["criteria"]}
    assert criteria["ops.roadmap"]["level"] == 3  # renamed: carried over
    assert criteria["ops.handoff"]["state"] == "unanswered"  # split: not carried over
    path = model_file.parent / "answers.yaml"
    assert err.splitlines() == [
        f"warning: {path}: answers of an earlier model version: 'ops.plan' is now "
        "'ops.roadmap'; the answer was carried over",
        f"warning: {path}: 'ops.reachable' was split into ops.handoff, ops.failed; its answer "
        "was not carried over, please answer these",
        f"warning: {path}: 'ops.old-thing' is no longer part of the model; its answer is ignored",
    ]
    validated = run_cli(runner, "validate", path, "--challenges", model_file, "--lang", "en")
    assert validated.exit_code == 0
    assert validated.stderr.count("warning:") == 3


def test_a_new_answer_wins_over_a_carried_one(runner: CliRunner, model_file: Path) -> None:
    body = "  ops.plan: 1\n  ops.roadmap: 4\n"
    _, out, _ = score(runner, model_file, answers("2026-09-01", body), "-f", "json")
    criteria = {k["id"]: k for c in json.loads(out)["challenges"] for k in c["criteria"]}
    assert criteria["ops.roadmap"]["level"] == 4


def test_unknown_ids_are_still_errors(runner: CliRunner, model_file: Path) -> None:
    code, _, err = score(runner, model_file, answers("2026-09-01", "  ops.nope: 1\n"))
    assert code == 2
    assert "unknown criterion id 'ops.nope'" in err
