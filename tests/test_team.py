"""Team scoring: several answers files (or a folder) folded into one scorecard, with the
spread behind each criterion and the disagreements to discuss first.

Tiny model (tests/conftest.py): base (weight 2) = a (w1) + b (w3), legal (w1) = disclosure
(w2, knock-out at 3) + contracts (w1), top (w1) = x. A level scores 100 * level / 4.

          Ann (en)   Ben (en)   Cem (de)    mean (over answered)   min max  n   n/a
  base.a     1          3          2        6/3 = 2                 1   3   3    0  spread 2
  base.b     2          3          3        8/3 = 2.667             2   3   3    0  spread 1
  disclos.   3 (note)   4          -        7/2 = 3.5               3   4   2    0
  contracts  n/a        2          n/a      2                       2   2   1    2
  top.x      4 (note)   missing    missing  4                       4   4   1    0

  base    (50 * 1 + 66.67 * 3) / 4 = (50 + 200) / 4 = 62.5  DEVELOPING
  legal   (87.5 * 2 + 50 * 1) / 3 = 225 / 3 = 75.0          READY
  top     100.0                                             READY
  overall (62.5 * 2 + 75 + 100) / 4 = 300 / 4 = 75.0        READY
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from conftest import REPO
from conftest import run_cli as run
from csm_check.answers import Answer, AnswerSet
from csm_check.cli import app
from csm_check.model import Model
from csm_check.scoring.spread import CriterionSpread
from csm_check.scoring.team import aggregate

ANN = """\
schema_version: 1
language: en
respondent: Ann
answers:
  base.a: 1
  base.b: 2
  legal.disclosure: {level: 3, note: "Banner in the chat"}
  legal.contracts: {level: n/a, note: "no contractors"}
  top.x: {level: 4, note: "Measured monthly"}
"""
BEN = """\
schema_version: 1
language: en
respondent: Ben
assessed_on: 2026-03-02
answers:
  base.a: 3
  base.b: 3
  legal.disclosure: 4
  legal.contracts: 2
"""
CEM = """\
schema_version: 1
language: de
respondent: Cem
assessed_on: 2026-03-05
answers:
  base.a: 2
  base.b: 3
  legal.disclosure:
  legal.contracts: {level: n/a, note: "keine Dienstleister"}
"""
DISCUSS = "Discuss first (answers spread by 2 levels or more)"
ITEM = "base.a: A? (levels 1 to 3, mean 2, 3 answered)"


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_model_file: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "team"
    folder.mkdir()
    for name, text in (("ann", ANN), ("ben", BEN), ("cem", CEM)):
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


FILES = ("team/ann.yaml", "team/ben.yaml", "team/cem.yaml")


def score(runner: CliRunner, *args: str) -> Result:
    return run(runner, "score", *args, "--challenges", "tiny.yaml")


def team_json(runner: CliRunner, *args: str) -> Any:
    result = score(runner, *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_scores_by_hand(runner: CliRunner, team: Path) -> None:
    data = team_json(runner, *FILES)
    assert [(c["id"], c["score"], c["status"]) for c in data["challenges"]] == [
        ("base", 62.5, "developing"),
        ("legal", 75.0, "ready"),
        ("top", 100.0, "ready"),
    ]
    assert data["overall"] == {
        "score": 75.0,
        "status": "ready",
        "answered": 5,  # every criterion was answered (or n/a) by somebody
        "total": 5,
        "coverage": 100.0,
    }
    levels = {k["id"]: (k["state"], k["level"], k["score"]) for c in data["challenges"]
              for k in c["criteria"]}  # fmt: skip
    assert levels == {
        "base.a": ("answered", 2, 50.0),
        "base.b": ("answered", 2.67, 66.7),  # 8/3 to two decimals; 100 * 8/3 / 4 = 66.67
        "legal.disclosure": ("answered", 3.5, 87.5),
        "legal.contracts": ("answered", 2, 50.0),
        "top.x": ("answered", 4, 100.0),
    }


def test_spread_per_criterion(runner: CliRunner, team: Path) -> None:
    criteria = team_json(runner, *FILES)["team"]["criteria"]
    for criterion in criteria:  # added later (issue 12): test_json_notes_by_respondent
        criterion.pop("notes")
    assert criteria == [
        {"id": "base.a", "challenge": "base", "mean": 2.0, "min": 1, "max": 3, "answered": 3,
         "not_applicable": 0, "disagreement": True},
        {"id": "base.b", "challenge": "base", "mean": 2.67, "min": 2, "max": 3, "answered": 3,
         "not_applicable": 0, "disagreement": False},
        {"id": "legal.disclosure", "challenge": "legal", "mean": 3.5, "min": 3, "max": 4,
         "answered": 2, "not_applicable": 0, "disagreement": False},
        {"id": "legal.contracts", "challenge": "legal", "mean": 2.0, "min": 2, "max": 2,
         "answered": 1, "not_applicable": 2, "disagreement": False},
        {"id": "top.x", "challenge": "top", "mean": 4.0, "min": 4, "max": 4, "answered": 1,
         "not_applicable": 0, "disagreement": False},
    ]  # fmt: skip


def test_team_key(runner: CliRunner, team: Path) -> None:
    data = team_json(runner, *FILES)
    assert data["team"]["respondents"] == [
        {"file": "team/ann.yaml", "organisation": None, "respondent": "Ann", "language": "en",
         "assessed_on": None},
        {"file": "team/ben.yaml", "organisation": None, "respondent": "Ben", "language": "en",
         "assessed_on": "2026-03-02"},
        {"file": "team/cem.yaml", "organisation": None, "respondent": "Cem", "language": "de",
         "assessed_on": "2026-03-05"},
    ]  # fmt: skip
    assert data["team"]["languages"] == {"de": 1, "en": 2}
    assert data["team"]["discuss_first"] == ["base.a"]
    # the team's header: no single respondent; the latest date; mixed languages: English
    assert (data["respondent"], data["assessed_on"], data["language"]) == (None, "2026-03-05", "en")


def test_single_file_has_no_team_key(runner: CliRunner, team: Path) -> None:
    assert "team" not in team_json(runner, "team/ann.yaml")


def test_folder_is_the_same_as_its_files(runner: CliRunner, team: Path) -> None:
    # a csm-check.yaml and other files in the folder are not respondents
    (team / "csm-check.yaml").write_text("fail_under: 99\n", encoding="utf-8")
    (team / "notes.txt").write_text("not yaml\n", encoding="utf-8")
    (team / "sub").mkdir()
    assert team_json(runner, "team") == team_json(runner, *FILES)


def test_folder_and_files_mixed(runner: CliRunner, team: Path) -> None:
    (team.parent / "dan.yml").write_text(
        "schema_version: 1\nanswers:\n  base.a: 0\n", encoding="utf-8"
    )
    data = team_json(runner, "team", "dan.yml")
    assert [r["file"] for r in data["team"]["respondents"]] == [*FILES, "dan.yml"]
    # base.a now 1, 3, 2, 0: mean 6/4 = 1.5, spread 3
    (spread,) = (c for c in data["team"]["criteria"] if c["id"] == "base.a")
    assert (spread["mean"], spread["min"], spread["max"], spread["answered"]) == (1.5, 0, 3, 4)


def test_empty_folder(runner: CliRunner, team: Path) -> None:
    (team.parent / "empty").mkdir()
    result = score(runner, "empty")
    assert result.exit_code == 2
    assert result.stderr == "empty:1:1: folder holds no answers files (*.yaml, *.yml)\n"


# --- the disagreement threshold --------------------------------------------------------------


@pytest.mark.parametrize(
    ("minimum", "maximum", "flagged"),
    [(1, 2, False), (0, 1, False), (3, 3, False), (1, 3, True), (2, 4, True), (0, 4, True)],
)
def test_disagreement_threshold_is_two_levels(minimum: int, maximum: int, flagged: bool) -> None:
    spread = CriterionSpread("base.a", "base", (minimum + maximum) / 2, minimum, maximum, 2, 0)
    assert spread.disagreement is flagged


def test_nobody_answered_is_no_disagreement() -> None:
    assert not CriterionSpread("base.a", "base", None, None, None, 0, 3).disagreement


def sets(*rows: dict[str, int | str]) -> list[tuple[Path, AnswerSet]]:
    def answer(value: int | str) -> Answer:
        if isinstance(value, int):
            return Answer("answered", value)
        return Answer("not_applicable", None, "x")

    return [
        (Path(f"r{i}.yaml"), AnswerSet(answers={k: answer(v) for k, v in row.items()}))
        for i, row in enumerate(rows, 1)
    ]


def test_discuss_first_widest_spread_first(tiny_model: Model) -> None:
    _, summary = aggregate(
        tiny_model,
        sets(
            {"base.a": 1, "base.b": 0, "legal.contracts": 0, "top.x": 2},
            {"base.a": 3, "base.b": 4, "legal.contracts": 2, "top.x": 3},
        ),
    )
    # spreads: base.a 2, base.b 4, legal.contracts 2, top.x 1 (not flagged)
    assert [s.criterion for s in summary.discuss_first] == [
        "base.b",
        "base.a",
        "legal.contracts",
    ]


def test_n_a_and_unanswered_are_left_out_of_the_spread(tiny_model: Model) -> None:
    answers, summary = aggregate(
        tiny_model,
        sets({"base.a": 0, "top.x": "n/a"}, {"base.a": "n/a", "top.x": "n/a"}, {"base.a": 1}),
    )
    by_id = {s.criterion: s for s in summary.spreads}
    assert (by_id["base.a"].mean, by_id["base.a"].answered, by_id["base.a"].not_applicable) == (
        0.5,
        2,
        1,
    )
    assert not by_id["base.a"].disagreement
    # everybody who answered top.x said n/a: the team says n/a, with no level
    assert answers.get("top.x").state == "not_applicable"
    assert (by_id["top.x"].mean, by_id["top.x"].minimum) == (None, None)
    # nobody answered base.b: unanswered
    assert answers.get("base.b").state == "unanswered"


# --- discuss first in every format -----------------------------------------------------------


def test_table_lists_discuss_first_before_next_steps(runner: CliRunner, team: Path) -> None:
    result = score(runner, *FILES)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    start = lines.index("Team assessment: 3 respondents")
    assert lines[start : start + 4] == [
        "Team assessment: 3 respondents",
        "Respondents answered in different languages: de (1), en (2)",
        DISCUSS,
        "⚑ " + ITEM,
    ]
    assert start < lines.index("Next steps")


def test_markdown_lists_discuss_first_after_next_steps(runner: CliRunner, team: Path) -> None:
    """Overall, table, blockers, next steps, then the team and what to discuss first: the
    summary a manager prints comes first."""
    result = score(runner, *FILES, "--format", "markdown")
    assert result.exit_code == 0
    text = result.stdout
    assert "## Team assessment: 3 respondents\n\nRespondents: Ann, Ben, Cem\n" in text
    assert "> Respondents answered in different languages: de (1), en (2)\n" in text
    assert f"### {DISCUSS}\n\n- A? (`base.a`): levels 1 to 3, mean 2, 3 answered\n" in text
    order = ["**Overall", "| # |", "## Blockers", "## Next steps", DISCUSS, "<details>"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "- Respondents: Ann, Ben, Cem\n" in text  # the header names them too


def test_html_lists_discuss_first_after_next_steps(runner: CliRunner, team: Path) -> None:
    result = score(runner, *FILES, "--format", "html")
    assert result.exit_code == 0
    text = result.stdout
    assert "<h2>Team assessment: 3 respondents</h2>\n<p>Respondents: Ann, Ben, Cem</p>" in text
    assert "<p>Respondents answered in different languages: de (1), en (2)</p>" in text
    assert f"<h3>{DISCUSS}</h3>" in text
    assert "<li>A? (<code>base.a</code>): levels 1 to 3, mean 2, 3 answered</li>" in text
    order = ['class="overall"', 'class="scores"', "<h2>Blockers", "<h2>Next steps", DISCUSS]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "<dt>Respondents:</dt><dd>Ann, Ben, Cem</dd>" in text


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_notes_per_criterion_by_respondent(runner: CliRunner, team: Path, fmt: str) -> None:
    result = score(runner, *FILES, "--format", fmt)
    text = result.stdout
    assert "Note (Ann): Banner in the chat" in text
    assert "Note (Ann): no contractors" in text
    assert "Note (Cem): keine Dienstleister" in text
    assert "Note (Ann): Measured monthly" in text
    # a note sits under its own criterion
    assert text.index("Note (Ann): Banner in the chat") < text.index("Note (Ann): no contractors")


def test_respondent_without_a_name_is_named_by_file(runner: CliRunner, team: Path) -> None:
    (team / "ben.yaml").write_text(BEN.replace("respondent: Ben\n", ""), encoding="utf-8")
    result = score(runner, *FILES, "--format", "markdown")
    assert "Respondents: Ann, ben, Cem" in result.stdout


def test_german_discuss_first(runner: CliRunner, team: Path) -> None:
    result = score(runner, *FILES, "--lang", "de")
    assert "Zuerst besprechen (Antworten liegen 2 Stufen oder mehr auseinander)" in result.stdout
    assert "⚑ base.a: A? (Stufen 1 bis 3, Mittel 2, 3 Antworten)" in result.stdout
    assert "Die Antwortenden nutzten verschiedene Sprachen: de (1), en (2)" in result.stdout


def test_no_disagreement(runner: CliRunner, team: Path) -> None:
    (team / "ann.yaml").write_text(ANN.replace("base.a: 1", "base.a: 2"), encoding="utf-8")
    result = score(runner, *FILES)
    assert "No disagreements of 2 levels or more." in result.stdout
    assert "⚑" not in result.stdout


def test_one_language_is_not_reported(runner: CliRunner, team: Path) -> None:
    (team / "cem.yaml").write_text(CEM.replace("language: de", "language: en"), "utf-8")
    result = score(runner, *FILES)
    assert "different languages" not in result.stdout
    assert team_json(runner, *FILES)["team"]["languages"] == {"en": 3}


# --- gates on a team -------------------------------------------------------------------------


def test_gate_on_team_scores(runner: CliRunner, team: Path) -> None:
    result = score(runner, *FILES, "--fail-under", "80", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == "overall score 75.0 is below --fail-under 80\n"


def test_require_evidence_looks_at_each_respondent(runner: CliRunner, team: Path) -> None:
    # Ann gave notes for her 3 and 4; Ben rated legal.disclosure 4 and base.b 3 without a
    # note, Cem base.b 3 and Ben base.a 3: each criterion named once, at its highest such level
    result = score(runner, *FILES, "--require-evidence", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "base.a is at level 3 without a note (require_evidence)",
        "base.b is at level 3 without a note (require_evidence)",
        "legal.disclosure is at level 4 without a note (require_evidence)",
    ]


def test_require_evidence_passes_when_every_high_level_has_a_note(
    runner: CliRunner, team: Path
) -> None:
    # every mean at 3 or more (legal.disclosure 3.5, top.x 4) has its notes
    for name, text in (("ben", BEN), ("cem", CEM)):
        text = text.replace("base.a: 3", "base.a: 2").replace("base.b: 3", "base.b: 2")
        text = text.replace("legal.disclosure: 4", 'legal.disclosure: {level: 4, note: "ok"}')
        (team / f"{name}.yaml").write_text(text, encoding="utf-8")
    result = score(runner, *FILES, "--require-evidence", "--format", "json")
    assert result.exit_code == 0, result.stderr


def test_require_complete_on_a_team(runner: CliRunner, team: Path) -> None:
    # every criterion was answered by somebody: complete as a team
    assert score(runner, *FILES, "--require-complete").exit_code == 0


# --- what is reported instead of mixed -------------------------------------------------------


def test_invalid_files_are_all_reported(runner: CliRunner, team: Path) -> None:
    (team / "bad1.yaml").write_text(
        "schema_version: 1\nanswers:\n  base.a: 7\n  base.c: 1\n", encoding="utf-8"
    )
    (team / "bad2.yaml").write_text(
        "schema_version: 1\nanswers:\n  legal.disclosure: yes\n", encoding="utf-8"
    )
    result = score(runner, "team", "--format", "json", "-o", "team.json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "team/bad1.yaml:3:11: level must be a whole number from 0 to 4 or n/a, got 7 "
        "(hint: levels run from 0 (not in place) to 4 (measured and improving))",
        "team/bad1.yaml:4:3: unknown criterion id 'base.c' (hint: did you mean 'base.b'?)",
        "team/bad2.yaml:3:21: level must be a whole number from 0 to 4 or n/a, got the boolean "
        "true (hint: YAML reads unquoted no/yes/off/on as booleans: write a number such as 0 "
        "instead)",
    ]
    assert result.stdout == ""
    assert not (team.parent / "team.json").exists()


def test_unreadable_file_among_several(runner: CliRunner, team: Path) -> None:
    result = score(runner, *FILES, "team/missing.yaml", "team/ann.yml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "team/ann.yml:1:1: file not found",
        "team/missing.yaml:1:1: file not found",
    ]


def test_respondent_with_another_model(runner: CliRunner, team: Path) -> None:
    (team / "ben.yaml").write_text(BEN.replace("language: en", "model: csm-2026"), "utf-8")
    result = score(runner, *FILES)
    assert result.exit_code == 2
    assert result.stderr == (
        "team/ben.yaml:2:8: answers are for model 'csm-2026', but the loaded model is 'tiny' "
        "(hint: pass the matching model with --challenges, or remove the 'model' line)\n"
    )


def test_the_team_example_shows_the_perception_gap_on_the_people_side(
    runner: CliRunner,
) -> None:
    # Manager, team lead and agent rate the same service; where the agent sees 0 or 1 and the
    # manager 3, team mode asks to discuss it first (spread 2 or more).
    result = runner.invoke(app, ["score", str(REPO / "examples" / "team"), "-f", "json"])
    # The team's mean for AI literacy (2) is below the legal minimum: a blocker.
    assert result.exit_code == 1, result.stderr
    assert result.stderr.startswith(
        "K.-o.-Kriterium change.ai-literacy-training liegt unter der Mindeststufe"
    )
    team = json.loads(result.stdout)["team"]
    assert [r["respondent"] for r in team["respondents"]] == [
        "Jana Muster",
        "Aylin Demir",
        "Tom Beispiel",
    ]
    assert set(team["discuss_first"]) == {
        "change.ai-literacy-training",
        "change.staff-ai-communication",
        "strategy.context-handoff",
        "speed.strain-risk-assessment",
    }
    spread = {c["id"]: c for c in team["criteria"]}["change.ai-literacy-training"]
    assert (spread["min"], spread["max"], spread["mean"]) == (1, 3, 2)


def test_json_notes_by_respondent(runner: CliRunner, team: Path) -> None:
    """The JSON report keeps every respondent's note (a key added to `team.criteria`)."""
    data = team_json(runner, *FILES)
    notes = {c["id"]: c["notes"] for c in data["team"]["criteria"]}
    assert notes["legal.contracts"] == [
        {"respondent": "Ann", "note": "no contractors"},
        {"respondent": "Cem", "note": "keine Dienstleister"},
    ]
    assert notes["base.a"] == []
