"""`csm-check compare OLD NEW`: score changes, status changes, criteria that moved and next
steps done, in table, JSON and Markdown; answers files and saved JSON reports alike.

Tiny model (tests/conftest.py): base (weight 2) = a (w1) + b (w3), legal (w1) = disclosure
(w2, knock-out at 3) + contracts (w1), top (w1, depends on base) = x; target level 3.

OLD: base.a 2, base.b 4, legal.disclosure 3, legal.contracts 1, top.x unanswered
  base  (50 + 100 * 3) / 4 = 87.5          READY
  legal (75 * 2 + 25) / 3 = 58.33 -> 58.3  DEVELOPING
  top   no score                           NO DATA
  overall (87.5 * 2 + 58.33) / 3 = 77.78 -> 77.8
  next steps at target 3: base.a (2), legal.contracts (1)
NEW: base.a 3, base.b 4, legal.disclosure 2, legal.contracts n/a, top.x 2
  base  (75 + 300) / 4 = 93.75 -> 93.8     READY
  legal only disclosure: 50.0              AT RISK (2 is below the knock-out minimum 3)
  top   50.0                               DEVELOPING
  overall (93.75 * 2 + 50 + 50) / 4 = 71.875 -> 71.9   READY (70 or more), as before
Changes are taken between the scores as shown (one decimal), so Before + Change = Now:
  base 93.8 - 87.5 = +6.3;  legal 50.0 - 58.3 = -8.3;  top none;  overall 71.9 - 77.8 = -5.9
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from conftest import run_cli as run
from csm_check.cli import app

OLD = """\
schema_version: 1
language: en
answers:
  base.a: 2
  base.b: 4
  legal.disclosure: 3
  legal.contracts: 1
"""
NEW = """\
schema_version: 1
language: en
answers:
  base.a: 3
  base.b: 4
  legal.disclosure: 2
  legal.contracts: {level: n/a, note: "no contractors"}
  top.x: 2
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_model_file: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.yaml").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(NEW, encoding="utf-8")
    return tmp_path


def compare(runner: CliRunner, old: str, new: str, *args: str) -> Result:
    result = run(runner, "compare", old, new, "--challenges", "tiny.yaml", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result


def compare_json(runner: CliRunner, old: str, new: str, *args: str) -> Any:
    return json.loads(compare(runner, old, new, "--format", "json", *args).stdout)


def save_report(runner: CliRunner, answers: str, target: str, model: str = "tiny.yaml") -> None:
    result = run(runner, "score", answers, "--challenges", model, "-f", "json", "-o", target)
    assert result.exit_code in (0, 1), result.stderr


def test_json(runner: CliRunner, folder: Path) -> None:
    data = compare_json(runner, "old.yaml", "new.yaml")
    assert data["schema_version"] == 1 and data["tool"] == "csm-check"
    assert data["overall"] == {
        "old_score": 77.8,
        "new_score": 71.9,
        "change": -5.9,
        "old_status": "ready",
        "new_status": "ready",
    }
    assert data["challenges"] == [
        {
            "id": "base",
            "number": 1,
            "title": "Base",
            "old_score": 87.5,
            "new_score": 93.8,
            "change": 6.3,
            "old_status": "ready",
            "new_status": "ready",
            "changed": True,
        },
        {
            "id": "legal",
            "number": 2,
            "title": "Legal",
            "old_score": 58.3,
            "new_score": 50.0,
            "change": -8.3,
            "old_status": "developing",
            "new_status": "at_risk",
            "changed": True,
        },
        {
            "id": "top",
            "number": 3,
            "title": "Top",
            "old_score": None,
            "new_score": 50.0,
            "change": None,
            "old_status": "no_data",
            "new_status": "developing",
            "changed": True,
        },
    ]
    # both sides named, coverage and knock-outs that changed
    assert data["old"] == {
        "file": "old.yaml", "organisation": None, "respondent": None, "respondents": None,
        "assessed_on": None, "answered": 4, "total": 5,
    }  # fmt: skip
    assert (data["new"]["file"], data["new"]["answered"], data["coverage_fell"]) == (
        "new.yaml",
        5,
        False,
    )
    assert data["knockouts_changed"] == [
        {"criterion": "legal.disclosure", "challenge": "legal", "old_state": "met",
         "new_state": "blocking"},
    ]  # fmt: skip
    moved = [
        (c["id"], c["challenge"], c["old_state"], c["old_level"], c["new_state"], c["new_level"])
        for c in data["criteria_moved"]
    ]
    # base.b (4 -> 4) did not move
    assert moved == [
        ("base.a", "base", "answered", 2, "answered", 3),
        ("legal.disclosure", "legal", "answered", 3, "answered", 2),
        ("legal.contracts", "legal", "answered", 1, "not_applicable", None),
        ("top.x", "top", "unanswered", None, "answered", 2),
    ]
    # base.a reached the target 3; legal.contracts no longer applies
    assert data["next_steps_done"] == [
        {
            "criterion": "base.a",
            "challenge": "base",
            "old_level": 2,
            "new_level": 3,
            "target": 3,
            "action": "Do A",
        },
        {
            "criterion": "legal.contracts",
            "challenge": "legal",
            "old_level": 1,
            "new_level": None,
            "target": 3,
            "action": "Sign",
        },
    ]


def test_table(runner: CliRunner, folder: Path) -> None:
    lines = compare(runner, "old.yaml", "new.yaml").stdout.splitlines()
    assert lines[:3] == ["Readiness then and now", "Before: old.yaml", "Now: new.yaml"]
    assert lines[4].split() == ["#", "Challenge", "Before", "Now", "Change", "Status"]
    rows = [line.split() for line in lines[6:9]]
    # the statuses as `score` shows them: symbol and word
    assert rows == [
        ["1", "Base", "87.5", "93.8", "↑", "+6.3", "✔", "READY", "→", "✔", "READY"],
        ["2", "Legal", "58.3", "50.0", "↓", "-8.3", "▲", "DEVELOPING", "→", "✖", "AT", "RISK"],
        ["3", "Top", "-", "50.0", "·", "-", "?", "NO", "DATA", "→", "▲", "DEVELOPING"],
    ]
    assert lines[9:] == [
        "Overall: 77.8 → 71.9 (↓ -5.9)",
        "Criteria answered: 4/5 → 5/5",
        "",
        "Knock-out criteria that changed",
        "- legal.disclosure: met → blocking",
        "",
        "Criteria that moved",
        "- base.a: 2 → 3",
        "- legal.disclosure: 3 → 2",
        "- legal.contracts: 1 → n/a",
        "- top.x: - → 2",
        "",
        "Next steps now done",
        "- base.a: Do A",
        "- legal.contracts: Sign",
    ]


def test_markdown(runner: CliRunner, folder: Path) -> None:
    text = compare(runner, "old.yaml", "new.yaml", "--format", "markdown").stdout
    assert text == (
        "# Readiness then and now\n"
        "\n"
        "- Before: old.yaml\n"
        "- Now: new.yaml\n"
        "\n"
        "**Overall: 77.8 → 71.9 (↓ -5.9)**\n"
        "\n"
        "Criteria answered: 4/5 → 5/5\n"
        "\n"
        "| # | Challenge | Before | Now | Change | Status |\n"
        "|---:|:---|---:|---:|:---|:---|\n"
        "| 1 | Base | 87.5 | 93.8 | ↑ +6.3 | 🟢 ready → 🟢 ready |\n"
        "| 2 | Legal | 58.3 | 50.0 | ↓ -8.3 | 🟡 developing → 🔴 at risk |\n"
        "| 3 | Top | \\- | 50.0 | · - | ⚪ no data → 🟡 developing |\n"
        "\n"
        "## Knock-out criteria that changed\n"
        "\n"
        "- legal.disclosure: met → blocking\n"
        "\n"
        "## Criteria that moved\n"
        "\n"
        "- base.a: 2 → 3\n"
        "- legal.disclosure: 3 → 2\n"
        "- legal.contracts: 1 → n/a\n"
        "- top.x: - → 2\n"
        "\n"
        "## Next steps now done\n"
        "\n"
        "- base.a: Do A\n"
        "- legal.contracts: Sign\n"
    )


def test_markdown_to_a_file(runner: CliRunner, folder: Path) -> None:
    result = compare(runner, "old.yaml", "new.yaml", "-f", "markdown", "-o", "progress.md")
    assert result.stdout == ""
    assert (folder / "progress.md").read_text("utf-8").startswith("# Readiness then and now\n")


def test_german(runner: CliRunner, folder: Path) -> None:
    lines = compare(runner, "old.yaml", "new.yaml", "--lang", "de").stdout.splitlines()
    assert lines[0] == "Readiness damals und heute"
    assert lines[1:3] == ["Vorher: old.yaml", "Jetzt: new.yaml"]
    assert lines[6].split() == [
        "1", "Basis", "87,5", "93,8", "↑", "+6,3", "✔", "BEREIT", "→", "✔", "BEREIT",
    ]  # fmt: skip
    assert "Beantwortete Kriterien: 4/5 → 5/5" in lines
    assert "- legal.disclosure: erfüllt → blockiert" in lines
    assert "Gesamt: 77,8 → 71,9 (↓ -5,9)" in lines
    assert "- base.a: A tun" in lines


def test_ascii_terminal(runner: CliRunner, folder: Path) -> None:
    """With an output encoding that is not UTF-8 the arrows fall back to ASCII."""
    result = CliRunner(charset="ascii").invoke(
        app, ["compare", "old.yaml", "new.yaml", "--challenges", "tiny.yaml"]
    )
    assert result.exit_code == 0, result.stderr
    assert "Overall: 77.8 -> 71.9 (v -5.9)" in result.stdout
    assert "- base.a: 2 -> 3" in result.stdout


def test_no_change(runner: CliRunner, folder: Path) -> None:
    data = compare_json(runner, "old.yaml", "old.yaml")
    assert data["overall"]["change"] == 0.0
    assert [c["change"] for c in data["challenges"]] == [0.0, 0.0, None]
    assert data["criteria_moved"] == [] and data["next_steps_done"] == []
    lines = compare(runner, "old.yaml", "old.yaml").stdout.splitlines()
    assert "Overall: 77.8 → 77.8 (→ 0.0)" in lines
    assert lines[-5:] == ["Criteria that moved", "- none", "", "Next steps now done", "- none"]


def test_reports_and_answers_files_agree(runner: CliRunner, folder: Path) -> None:
    save_report(runner, "old.yaml", "old.json")
    save_report(runner, "new.yaml", "new.json")  # the gate fails (knock-out): still written

    def unnamed(data: Any) -> Any:  # the sides' file names differ, nothing else
        for side in ("old", "new"):
            data[side].pop("file")
        return data

    expected = unnamed(compare_json(runner, "old.yaml", "new.yaml"))
    assert unnamed(compare_json(runner, "old.json", "new.yaml")) == expected
    assert unnamed(compare_json(runner, "old.json", "new.json")) == expected
    assert unnamed(compare_json(runner, "old.yaml", "new.json")) == expected


# --- a model that changed between the two assessments ----------------------------------------


def test_added_and_removed_criteria(runner: CliRunner, folder: Path, tiny_model_file: Path) -> None:
    """The newer model dropped legal.contracts and added legal.register."""
    newer = tiny_model_file.read_text("utf-8").replace("legal.contracts", "legal.register")
    (folder / "tiny-2.yaml").write_text(newer, encoding="utf-8")
    (folder / "new.yaml").write_text(
        "schema_version: 1\nlanguage: en\nanswers:\n"
        "  base.a: 3\n  base.b: 4\n  legal.disclosure: 3\n  legal.register: 2\n  top.x: 1\n",
        encoding="utf-8",
    )
    save_report(runner, "old.yaml", "old.json")
    save_report(runner, "new.yaml", "new.json", model="tiny-2.yaml")
    # NEW: base 93.75 -> 93.8;  legal (75 * 2 + 50) / 3 = 66.67 -> 66.7;  top 25.0 (AT RISK)
    #   overall (93.75 * 2 + 66.67 + 25) / 4 = 69.79 -> 69.8
    data = compare_json(runner, "old.json", "new.json")
    assert [(c["id"], c["old_score"], c["new_score"], c["change"]) for c in data["challenges"]] == [
        ("base", 87.5, 93.8, 6.3),
        ("legal", 58.3, 66.7, 8.4),
        ("top", None, 25.0, None),
    ]
    assert (data["overall"]["old_score"], data["overall"]["new_score"]) == (77.8, 69.8)
    assert data["overall"]["change"] == -8.0
    moved = [(c["id"], c["old_state"], c["new_state"]) for c in data["criteria_moved"]]
    # new model order first, then what only the old model had; legal.disclosure (3 -> 3) stays
    assert moved == [
        ("base.a", "answered", "answered"),
        ("legal.register", None, "answered"),
        ("top.x", "unanswered", "answered"),
        ("legal.contracts", "answered", None),
    ]
    # legal.contracts was a next step, but the new model has no such criterion: not done
    assert [d["criterion"] for d in data["next_steps_done"]] == ["base.a"]
    lines = compare(runner, "old.json", "new.json").stdout.splitlines()
    start = lines.index("Criteria that moved")
    assert lines[start + 1 : start + 5] == [
        "- base.a: 2 → 3",
        "- legal.register: not in model → 2",
        "- top.x: - → 1",
        "- legal.contracts: 1 → not in model",
    ]
    markdown = compare(runner, "old.json", "new.json", "-f", "markdown").stdout
    assert "- legal.register: not in model → 2\n" in markdown
    assert "- legal.contracts: 1 → not in model\n" in markdown


def test_removed_challenge(runner: CliRunner, folder: Path, tiny_model_file: Path) -> None:
    """A challenge only the old model had is listed last, with no new score."""
    newer = tiny_model_file.read_text("utf-8").replace("id: top\n", "id: peak\n")
    (folder / "tiny-2.yaml").write_text(newer.replace("top.x", "peak.x"), encoding="utf-8")
    (folder / "new.yaml").write_text(NEW.replace("top.x", "peak.x"), encoding="utf-8")
    save_report(runner, "old.yaml", "old.json")
    save_report(runner, "new.yaml", "new.json", model="tiny-2.yaml")
    data = compare_json(runner, "old.json", "new.json")
    assert [(c["id"], c["old_score"], c["new_score"]) for c in data["challenges"]] == [
        ("base", 87.5, 93.8),
        ("legal", 58.3, 50.0),
        ("peak", None, 50.0),
        ("top", None, None),
    ]
    assert (data["challenges"][3]["old_status"], data["challenges"][3]["new_status"]) == (
        "no_data",
        None,
    )


@pytest.mark.parametrize("fmt", ["html", "junit"])
def test_unknown_format_is_a_usage_error(runner: CliRunner, folder: Path, fmt: str) -> None:
    result = run(runner, "compare", "old.yaml", "new.yaml", "--format", fmt)
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_invalid_input(runner: CliRunner, folder: Path) -> None:
    (folder / "new.yaml").write_text("schema_version: 1\nanswers:\n  base.c: 3\n", "utf-8")
    result = run(runner, "compare", "old.yaml", "new.yaml", "--challenges", "tiny.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        "new.yaml:3:3: unknown criterion id 'base.c' (hint: did you mean 'base.b'?)\n"
    )
    assert result.stdout == ""


# --- issue 12: only what changed, coverage, team folders ---------------------------------------


def test_only_changed_rows_unless_all(runner: CliRunner, folder: Path) -> None:
    """Only top.x moves (2 -> 3): base and legal are unchanged and left out by default."""
    (folder / "newer.yaml").write_text(NEW.replace("top.x: 2", "top.x: 3"), encoding="utf-8")
    lines = compare(runner, "new.yaml", "newer.yaml").stdout.splitlines()
    rows = [line.split()[:2] for line in lines if line[:1].isdigit() and "│" not in line]
    assert rows[0] == ["3", "Top"] and rows[1][1] == "challenges"
    assert "2 challenges unchanged (--all shows every row)" in lines
    lines = compare(runner, "new.yaml", "newer.yaml", "--all").stdout.splitlines()
    rows = [line.split()[:2] for line in lines if line[:1].isdigit()]
    assert rows == [["1", "Base"], ["2", "Legal"], ["3", "Top"]]  # and no "unchanged" line
    assert not any("unchanged" in line for line in lines)
    markdown = compare(runner, "new.yaml", "newer.yaml", "-f", "markdown").stdout
    assert "| 1 | Base |" not in markdown and "| 3 | Top |" in markdown
    assert "*2 challenges unchanged (\\-\\-all shows every row)*" in markdown or (
        "*2 challenges unchanged (--all shows every row)*" in markdown
    )
    # JSON lists every challenge, each saying whether it changed
    data = compare_json(runner, "new.yaml", "newer.yaml")
    assert [c["changed"] for c in data["challenges"]] == [False, False, True]


def test_falling_coverage_is_named(runner: CliRunner, folder: Path) -> None:
    """Fewer answers can raise the score: the comparison says it is not like for like."""
    (folder / "fewer.yaml").write_text(
        "schema_version: 1\nlanguage: en\nanswers:\n  base.b: 4\n  legal.disclosure: 3\n",
        encoding="utf-8",
    )
    lines = compare(runner, "old.yaml", "fewer.yaml").stdout.splitlines()
    assert "Criteria answered: 4/5 → 2/5" in lines
    assert "Fewer criteria are answered now: scores are not like for like." in lines
    assert compare_json(runner, "old.yaml", "fewer.yaml")["coverage_fell"] is True


def test_sides_name_organisation_respondent_and_date(runner: CliRunner, folder: Path) -> None:
    header = "schema_version: 1\nlanguage: en\norganisation: ACME\nrespondent: Ann\n"
    (folder / "q3.yaml").write_text(
        OLD.replace("schema_version: 1\nlanguage: en\n", header + "assessed_on: 2026-09-30\n"),
        "utf-8",
    )
    lines = compare(runner, "q3.yaml", "new.yaml").stdout.splitlines()
    assert lines[1] == "Before: q3.yaml · ACME · Ann · 2026-09-30"


def test_team_folders(runner: CliRunner, folder: Path) -> None:
    """Each side may be a folder of answers files, scored as one team as `score` does."""
    for side, texts in (("q3", (OLD, OLD)), ("q4", (OLD, NEW))):
        (folder / side).mkdir()
        for name, text in zip(("ann", "ben"), texts, strict=True):
            (folder / side / f"{name}.yaml").write_text(
                text.replace("language: en\n", f"language: en\nrespondent: {name.title()}\n"),
                encoding="utf-8",
            )
    lines = compare(runner, "q3", "q4").stdout.splitlines()
    assert lines[1:3] == ["Before: q3 · Ann, Ben", "Now: q4 · Ann, Ben"]
    data = compare_json(runner, "q3", "q4")
    assert data["old"]["respondents"] == ["Ann", "Ben"]
    assert data["overall"]["old_score"] == 77.8  # the same answers twice: the single score
