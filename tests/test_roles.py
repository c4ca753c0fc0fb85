"""Team roles: mean level by role, the perception gap, and the protection of small groups.

Tiny model (tests/conftest.py): base = a (weight 1) + b (weight 3), legal = disclosure (w2)
+ contracts (w1), top = x. Nine respondents, roles written in either language:

               role written             base.a  base.b  disclosure  top.x
  Ada          agent                    1       0       3           2
  Bo           Agent  (spaces, case)    1       1       3           -
  Cy           Servicemitarbeiter/in    2       1       n/a         -
  Dee          team lead                3       2       4           2 (note)
  Eli          Teamleitung              3       3       4           -
  Fay          TEAM LEAD                4       2       -           -
  Gus          quality                  0       4 (note) -          -
  Hal          Qualitätsmanagement      0       4       -           -
  Ivy          IT                       0       3       -           -

Groups (minimum 3): agent 3, team lead 3; quality (2) and IT (1) are merged into "other"
(3), whose notes carry no name.

  base.a      agent 4/3 = 1.33  team lead 10/3 = 3.33  other 0/3 = 0     gap 3.33 (tl - other)
  base.b      agent 2/3 = 0.67  team lead  7/3 = 2.33  other 11/3 = 3.67 gap 3.00 (other - agent)
  disclosure  agent 6/2 = 3.00  team lead  8/2 = 4.00  other -           gap 1.00
  top.x       agent 2           team lead 2            other -           gap 0
  challenge base (criterion weights 1 and 3, the challenge score's rule in levels):
      agent     (4/3 * 1 + 2/3 * 3) / 4 = (10/3) / 4 = 0.833
      team lead (10/3 * 1 + 7/3 * 3) / 4 = (31/3) / 4 = 2.583
      other     (0 * 1 + 11/3 * 3) / 4 = 11 / 4 = 2.75             gap 2.75 - 0.833 = 1.917
  challenge legal: agent 3.0, team lead 4.0 (contracts unanswered), gap 1.0
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import run_cli as run
from csm_check.answers import Answer, AnswerSet
from csm_check.model import Model
from csm_check.scoring.roles import RoleFold, role_key
from csm_check.scoring.team import aggregate

Row = tuple[str, str, str, dict[str, int | str]]
PEOPLE: tuple[Row, ...] = (
    ("ada", "Ada", "agent", {"base.a": 1, "base.b": 0, "legal.disclosure": 3, "top.x": 2}),
    ("bo", "Bo", " Agent  ", {"base.a": 1, "base.b": 1, "legal.disclosure": 3}),
    ("cy", "Cy", "Servicemitarbeiter/in", {"base.a": 2, "base.b": 1, "legal.disclosure": "n/a"}),
    ("dee", "Dee", "team lead", {"base.a": 3, "base.b": 2, "legal.disclosure": 4, "top.x": 2}),
    ("eli", "Eli", "Teamleitung", {"base.a": 3, "base.b": 3, "legal.disclosure": 4}),
    ("fay", "Fay", "TEAM LEAD", {"base.a": 4, "base.b": 2}),
    ("gus", "Gus", "quality", {"base.a": 0, "base.b": 4}),
    ("hal", "Hal", "Qualitätsmanagement", {"base.a": 0, "base.b": 4}),
    ("ivy", "Ivy", "IT", {"base.a": 0, "base.b": 3}),
)
NOTES = {("dee", "top.x"): "Measured by the team leads", ("gus", "base.b"): "Only I see this"}


def _yaml(stem: str, name: str, role: str, answers: dict[str, int | str]) -> str:
    lines = ["schema_version: 1", "language: en", f"respondent: {name}", f'role: "{role}"']
    lines.append("answers:")
    for key, value in answers.items():
        note = NOTES.get((stem, key), "no bot" if value == "n/a" else None)
        lines.append(
            f'  {key}: {{level: {value}, note: "{note}"}}' if note else f"  {key}: {value}"
        )
    return "\n".join(lines) + "\n"


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_model_file: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "team"
    folder.mkdir()
    for stem, name, role, answers in PEOPLE:
        (folder / f"{stem}.yaml").write_text(_yaml(stem, name, role, answers), encoding="utf-8")
    return folder


def _sets(
    rows: tuple[tuple[str, str, str, dict[str, int | str]], ...],
) -> list[tuple[Path, AnswerSet]]:
    def answer(stem: str, key: str, value: int | str) -> Answer:
        note = NOTES.get((stem, key))
        if value == "n/a":
            return Answer("not_applicable", None, "no bot")
        return Answer("answered", int(value), note)

    return [
        (
            Path(f"{stem}.yaml"),
            AnswerSet(
                respondent=name,
                role=role,
                answers={k: answer(stem, k, v) for k, v in answers.items()},
            ),
        )
        for stem, name, role, answers in rows
    ]


def score(runner: CliRunner, *args: str | Path) -> Result:
    return run(runner, "score", "team", "--challenges", "tiny.yaml", "--lang", "en", *args)


# --- grouping -------------------------------------------------------------------------------


def test_a_suggestion_in_any_language_is_one_group() -> None:
    assert role_key("Teamleitung") == role_key(" team   LEAD ") == ("suggested", "team lead")
    assert role_key("Servicemitarbeiter/in") == ("suggested", "agent")
    assert role_key("Backoffice") == ("free", "backoffice")
    assert role_key(None) == role_key("  ") == ("none", "none")
    assert role_key("andere") == role_key("Other") == ("other", "other")


def test_hand_computed_means_and_gaps(tiny_model: Model) -> None:
    _, summary = aggregate(tiny_model, _sets(PEOPLE))
    roles = summary.roles
    assert roles is not None
    assert [(g.id, g.respondents, g.shown) for g in roles.groups] == [
        ("agent", 3, True),
        ("team lead", 3, True),
        ("other", 3, True),
    ]
    by_id = {m.id: m for m in roles.criteria}
    assert by_id["base.a"].means == pytest.approx((4 / 3, 10 / 3, 0.0))
    assert by_id["base.a"].gap is not None
    assert (by_id["base.a"].gap.high, by_id["base.a"].gap.low) == (1, 2)
    assert by_id["base.a"].gap.size == pytest.approx(10 / 3)
    assert by_id["base.b"].means == pytest.approx((2 / 3, 7 / 3, 11 / 3))
    assert by_id["base.b"].gap is not None
    assert (by_id["base.b"].gap.high, by_id["base.b"].gap.low) == (2, 0)
    assert by_id["base.b"].gap.size == pytest.approx(3.0)
    assert by_id["legal.disclosure"].means == (3.0, 4.0, None)
    assert by_id["legal.contracts"].means == (None, None, None)
    assert by_id["legal.contracts"].gap is None
    assert by_id["top.x"].gap is not None and by_id["top.x"].gap.size == 0
    challenges = {m.id: m for m in roles.challenges}
    assert challenges["base"].means == pytest.approx((10 / 12, 31 / 12, 11 / 4))
    assert challenges["base"].gap is not None
    assert challenges["base"].gap.size == pytest.approx(11 / 4 - 10 / 12)
    assert challenges["legal"].means == (3.0, 4.0, None)
    assert [m.id for m in roles.discuss_first] == ["base.a", "base.b"]


def test_small_groups_are_anonymous(tiny_model: Model) -> None:
    _, summary = aggregate(tiny_model, _sets(PEOPLE))
    notes = {s.criterion: s.notes for s in summary.spreads}
    assert notes["base.b"] == (("", "Only I see this"),)
    assert notes["top.x"] == (("Dee", "Measured by the team leads"),)
    roles = ["agent"] * 3 + ["team lead"] * 3 + ["other"] * 3
    assert [r.role for r in summary.respondents] == roles


def test_min_group_one_shows_every_role(tiny_model: Model) -> None:
    _, summary = aggregate(tiny_model, _sets(PEOPLE), min_group=1)
    roles = summary.roles
    assert roles is not None
    assert [(g.id, g.respondents) for g in roles.groups] == [
        ("agent", 3),
        ("team lead", 3),
        ("quality", 2),
        ("IT", 1),
    ]
    base_b = next(m for m in roles.criteria if m.id == "base.b")
    # quality 4.0 against agent 0.67
    assert base_b.gap is not None and (base_b.gap.high, base_b.gap.low) == (2, 0)
    assert {s.criterion: s.notes for s in summary.spreads}["base.b"] == (
        ("Gus", "Only I see this"),
    )


def test_a_small_other_takes_in_the_smallest_group(tiny_model: Model) -> None:
    """Quality (2) alone in "other" would be revealed by the team's mean minus the roles'
    means: the smallest group (team lead, the later of two of 3) joins it."""
    _, summary = aggregate(tiny_model, _sets(PEOPLE[:8]))
    roles = summary.roles
    assert roles is not None
    assert [(g.id, g.respondents, g.shown) for g in roles.groups] == [
        ("agent", 3, True),
        ("other", 5, True),
    ]
    base_a = next(m for m in roles.criteria if m.id == "base.a")
    assert base_a.means == pytest.approx((4 / 3, 10 / 5))  # other: (3 + 3 + 4 + 0 + 0) / 5
    notes = {s.criterion: s.notes for s in summary.spreads}
    assert notes["top.x"] == (("", "Measured by the team leads"),)


def test_a_team_below_the_minimum_shows_no_means(tiny_model: Model) -> None:
    _, summary = aggregate(tiny_model, _sets(PEOPLE[:2]))
    roles = summary.roles
    assert roles is not None
    assert [(g.id, g.respondents, g.shown) for g in roles.groups] == [("other", 2, False)]
    assert all(m.means == (None,) and m.gap is None for m in roles.criteria)


def test_two_small_roles_make_an_other_that_is_shown(tiny_model: Model) -> None:
    rows: tuple[Row, ...] = (
        *PEOPLE[:3],
        ("i1", "Ivo", "IT", {"base.a": 4}),
        ("i2", "Ina", "it", {"base.a": 4}),
        ("q1", "Gus", "quality", {"base.a": 2}),
        ("q2", "Hal", "quality", {"base.a": 2}),
    )
    _, summary = aggregate(tiny_model, _sets(rows))
    roles = summary.roles
    assert roles is not None
    assert [(g.id, g.respondents, g.shown) for g in roles.groups] == [
        ("agent", 3, True),
        ("other", 4, True),
    ]
    base_a = next(m for m in roles.criteria if m.id == "base.a")
    assert base_a.means == pytest.approx((4 / 3, 3.0))  # other: (4 + 4 + 2 + 2) / 4
    # members of merged groups stay anonymous even though "other" is big enough
    assert roles.anonymous("IT") and roles.anonymous("quality") and not roles.anonymous("agent")


def test_files_without_a_role_form_their_own_group(tiny_model: Model) -> None:
    rows: tuple[Row, ...] = (*PEOPLE[:3], *((s, n, "", a) for s, n, _, a in PEOPLE[3:6]))
    _, summary = aggregate(tiny_model, _sets(rows))
    assert summary.roles is not None
    assert [(g.id, g.kind) for g in summary.roles.groups] == [
        ("agent", "suggested"),
        ("none", "none"),
    ]


def test_no_role_anywhere_means_no_roles(tiny_model: Model) -> None:
    rows: tuple[Row, ...] = tuple((s, n, "", a) for s, n, _, a in PEOPLE)
    _, summary = aggregate(tiny_model, _sets(rows))
    assert summary.roles is None
    assert all(r.role is None for r in summary.respondents)
    assert {s.criterion: s.notes for s in summary.spreads}["base.b"] == (
        ("Gus", "Only I see this"),
    )


def test_the_fold_keeps_sums_not_files(tiny_model: Model) -> None:
    fold = RoleFold()
    for _, answers in _sets(PEOPLE) * 50:
        fold.add(answers)
    roles = fold.finish(tiny_model, 3)
    assert [(g.id, g.respondents) for g in roles.groups] == [
        ("agent", 150),
        ("team lead", 150),
        ("quality", 100),
        ("IT", 50),
    ]
    assert next(m for m in roles.criteria if m.id == "base.a").means == pytest.approx(
        (4 / 3, 10 / 3, 0.0, 0.0)
    )


# --- every output ----------------------------------------------------------------------------


def test_table_shows_groups_means_and_gaps(runner: CliRunner, team: Path) -> None:
    result = score(runner)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Roles: agent (3), team lead (3), other (3)" in out
    flat = " ".join(out.split())
    first = "⚑ base.a: A? (roles 2 levels or more apart: team lead 3.3 vs. other 0.0: gap 3.3)"
    second = "⚑ base.b: B? (roles 2 levels or more apart: other 3.7 vs. agent 0.7: gap 3.0)"
    assert f"{first} {second} By role" in flat  # role gaps first; no other spread here
    assert "1 Base: agent 0.8 · team lead 2.6 · other 2.8 (other 2.8 vs. agent 0.8: gap" in flat
    assert "quality" not in out.lower().replace("qualit", "")


def test_json_reports_roles(runner: CliRunner, team: Path) -> None:
    result = score(runner, "--format", "json")
    data = json.loads(result.stdout)["team"]
    roles = data["roles"]
    assert roles["min_group"] == 3
    assert roles["groups"] == [
        {"id": "agent", "kind": "suggested", "label": "agent", "respondents": 3, "shown": True},
        {"id": "team lead", "kind": "suggested", "label": "team lead", "respondents": 3,
         "shown": True},
        {"id": "other", "kind": "other", "label": "other", "respondents": 3, "shown": True},
    ]  # fmt: skip
    base = roles["challenges"][0]
    assert base == {
        "id": "base",
        "means": {"agent": 0.83, "team lead": 2.58, "other": 2.75},
        "gap": {"high": "other", "low": "agent", "size": 1.92},
    }
    assert roles["discuss_first"] == ["base.a", "base.b"]
    assert data["discuss_first"] == ["base.a", "base.b"]
    assert [r["role"] for r in data["respondents"]][-3:] == ["other", "other", "other"]
    notes = {c["id"]: c["notes"] for c in data["criteria"]}
    assert notes["base.b"] == [{"respondent": None, "note": "Only I see this"}]
    assert "quality" not in result.stdout.lower()


def test_markdown_and_html_show_roles_and_hide_small_groups(runner: CliRunner, team: Path) -> None:
    markdown = score(runner, "--format", "markdown").stdout
    assert "### By role" in markdown
    assert "| # | Challenge | agent | team lead | other | Gap |" in markdown
    assert "| 1 | Base | 0.8 | 2.6 | 2.8 | other 2.8 vs. agent 0.8: gap 1.9 |" in markdown
    assert "  - Note (other): Only I see this" in markdown
    assert "Gus" not in markdown.split("## Criteria per challenge")[1]
    by_role = "agent 1.3 · team lead 3.3 · other 0.0 (team lead 3.3 vs. other 0.0: gap 3.3)"
    assert f"  - By role: {by_role}" in markdown
    html = score(runner, "--format", "html").stdout
    assert "<h3>By role</h3>" in html
    assert "<li>Note (other): Only I see this</li>" in html
    assert "quality" not in markdown.lower() + html.lower()


def test_junit_has_a_passing_case_per_gap(runner: CliRunner, team: Path) -> None:
    from test_junit import check_xsd

    text = score(runner, "--format", "junit").stdout
    check_xsd(text)
    root = ET.fromstring(text)
    gaps = [c for c in root.iter("testcase") if c.get("classname") == "csm-check.role-gaps"]
    assert [c.get("name") for c in gaps] == ["base.a", "base.b"]
    assert gaps[0].find("failure") is None
    assert (
        gaps[0].findtext("system-out") == "Perception gap of 3.3 levels between team lead and other"
    )


def test_min_group_option_and_setting(runner: CliRunner, team: Path) -> None:
    data = json.loads(score(runner, "--format", "json", "--min-group", "1").stdout)
    groups = [g["id"] for g in data["team"]["roles"]["groups"]]
    assert groups == ["agent", "team lead", "quality", "IT"]
    Path("csm-check.yaml").write_text("min_group_size: 2\n", encoding="utf-8")
    data = json.loads(score(runner, "--format", "json").stdout)
    assert data["team"]["roles"]["min_group"] == 2
    data = json.loads(score(runner, "--format", "json", "--min-group", "4").stdout)
    assert [g["id"] for g in data["team"]["roles"]["groups"]] == ["other"]


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_bad_min_group_is_a_usage_error(runner: CliRunner, team: Path, value: str) -> None:
    result = score(runner, "--min-group", value)
    assert result.exit_code == 2
    assert "--min-group" in result.stderr


def test_bad_min_group_size_setting(runner: CliRunner, team: Path) -> None:
    Path("csm-check.yaml").write_text("min_group_size: 0\n", encoding="utf-8")
    result = score(runner)
    assert result.exit_code == 2
    assert result.stderr.startswith("csm-check.yaml:1:")


def test_german_labels(runner: CliRunner, team: Path) -> None:
    out = run(runner, "score", "team", "--challenges", "tiny.yaml", "--lang", "de").stdout
    assert "Rollen: Servicemitarbeiter/in (3), Teamleitung (3), andere (3)" in out


def test_free_text_roles_are_escaped_everywhere(
    runner: CliRunner, team: Path, tiny_model_file: Path
) -> None:
    """A role is user text: it must not inject Markdown, HTML or Rich markup."""
    evil = "<b>x</b> | [/] \x1b[31m"
    for stem in ("ada", "bo", "cy"):
        path = team / f"{stem}.yaml"
        text = (
            path.read_text("utf-8")
            .replace('role: "agent"', "role: x")
            .replace('role: " Agent  "', "role: x")
        )
        path.write_text(
            text.replace('role: "Servicemitarbeiter/in"', "role: x").replace(
                "role: x", f'role: "{evil.replace(chr(27), chr(92) + "e")}"'
            ),
            encoding="utf-8",
        )
    table = score(runner)
    assert table.exit_code == 0, table.stderr
    assert "\x1b" not in table.stdout
    # suggested roles first, then free text; escape sequences are dropped
    assert "Roles: team lead (3), <b>x</b> | [/] (3), other (3)" in table.stdout
    markdown = score(runner, "--format", "markdown").stdout
    assert "<b>" not in markdown
    assert "| # | Challenge | team lead | &lt;b&gt;x&lt;/b&gt; \\| \\[/\\] | other | Gap |" in (
        markdown
    )
    html = score(runner, "--format", "html").stdout
    assert "<b>x" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    data = json.loads(score(runner, "--format", "json").stdout)
    assert data["team"]["roles"]["groups"][1]["label"] == "<b>x</b> | [/] \x1b[31m"
