"""Evidence that expires: `evidence`, `checked_on`, `review_by` on an answer, `review_months`
and `stale_level_cap` in the model, the cap in scoring, every output, and the gate option.

Tiny model (tests/conftest.py) with `review_months: 12` on base.b: base (weight 2) = a (w1) +
b (w3), legal (w1) = disclosure (w2, knock-out at 3) + contracts (w1), top (w1) = x. A
criterion scores 100 * level / 4. Every file is assessed on 2026-11-30.

Stale (base.b at 4, checked 2025-11-29: due 2026-11-29, before 2026-11-30): base.b counts
as 2 -> base = (100*1 + 50*3) / 4 = 62.5, legal 100, top 100, overall = (62.5*2 + 100 + 100)
/ 4 = 81.25 -> 81.3. Fresh (checked 2025-11-30: due 2026-11-30, not before the day): 100.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import TINY_MODEL
from conftest import run_cli as run
from csm_check.answers import Answer, AnswerSet, parse_answers
from csm_check.answers_edit import update_answers_text
from csm_check.answers_writer import dump_answers, render_template
from csm_check.errors import InvalidInputError
from csm_check.frozen import replace
from csm_check.loading import parse_model
from csm_check.model import Model
from csm_check.scoring.compute import score
from csm_check.scoring.freshness import add_months, review_due
from csm_check.yamlio.read import parse_yaml

MODEL_TEXT = TINY_MODEL.replace(
    '        next_step: {en: "Do B", de: "B tun"}\n',
    '        next_step: {en: "Do B", de: "B tun"}\n        review_months: 12\n',
)
MODEL = parse_model(parse_yaml(MODEL_TEXT, "tiny.yaml"))
DAY = "2026-11-30"


def answers_text(b: str, *, extra: str = "") -> str:
    return (
        f"schema_version: 1\nlanguage: en\nassessed_on: {DAY}\nanswers:\n"
        f"  base.a: 4\n  base.b: {b}\n  legal.disclosure: 4\n  legal.contracts: 4\n"
        f"  top.x: 4\n{extra}"
    )


STALE = answers_text('{level: 4, note: "weekly", evidence: "QA report", checked_on: 2025-11-29}')
FRESH = answers_text('{level: 4, note: "weekly", evidence: "QA report", checked_on: 2025-11-30}')


def parse(text: str, model: Model = MODEL) -> AnswerSet:
    return parse_answers(parse_yaml(text, "a.yaml"), model)


def problems(text: str) -> str:
    """Every problem of an answers file, as FILE:LINE:COL: message (hint) lines."""
    with pytest.raises(InvalidInputError) as caught:
        parse(text)
    return "\n".join(str(p) for p in caught.value.problems)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tiny.yaml").write_text(MODEL_TEXT, encoding="utf-8")
    (tmp_path / "stale.yaml").write_text(STALE, encoding="utf-8")
    (tmp_path / "fresh.yaml").write_text(FRESH, encoding="utf-8")
    return tmp_path


# -- dates --


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2025, 11, 30), 12, dt.date(2026, 11, 30)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),  # the month's last day
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),  # a leap year
        (dt.date(2025, 12, 15), 3, dt.date(2026, 3, 15)),  # over the year's end
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
    ],
)
def test_review_months_are_calendar_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_review_by_wins_over_checked_on_and_legal_criteria_default_to_12() -> None:
    criterion = {c.id: c for _, c in MODEL.criteria()}["base.b"]
    checked = Answer("answered", 4, checked_on=dt.date(2025, 3, 1))
    assert review_due(criterion, checked) == dt.date(2026, 3, 1)
    both = Answer("answered", 4, checked_on=dt.date(2025, 3, 1), review_by=dt.date(2025, 6, 1))
    assert review_due(criterion, both) == dt.date(2025, 6, 1)
    plain = {c.id: c for _, c in MODEL.criteria()}["base.a"]  # no review_months, no law
    assert review_due(plain, checked) is None
    from csm_check.loading import load_model

    shipped = {c.id: c for _, c in load_model().criteria()}
    assert shipped["compliance.bot-disclosure"].review_interval == 12
    assert load_model().stale_level_cap == 2


# -- scoring --


def test_a_stale_level_4_counts_as_2_and_a_fresh_one_as_4() -> None:
    stale = score(MODEL, parse(STALE))
    base = stale.challenges[0]
    result = base.criteria[1]
    assert result.answer.level == 2 and result.score == 50.0
    assert result.stale is not None
    assert (result.stale.claimed_level, result.stale.review_due) == (4, dt.date(2026, 11, 29))
    assert base.score == 62.5
    assert stale.score == pytest.approx(81.25)
    fresh = score(MODEL, parse(FRESH))
    assert fresh.challenges[0].criteria[1].stale is None
    assert fresh.score == 100.0


def test_only_dated_answers_go_stale() -> None:
    undated = parse(answers_text('{level: 4, note: "weekly"}'))
    assert score(MODEL, undated).score == 100.0  # review_months but no dates: not capped


def test_a_stale_knockout_counts_capped_and_blocks() -> None:
    text = answers_text("4").replace(
        "  legal.disclosure: 4\n", "  legal.disclosure: {level: 4, review_by: 2026-06-30}\n"
    )
    card = score(MODEL, parse(text))
    assert [r.criterion.id for _, r in card.blockers] == ["legal.disclosure"]
    # legal = (50*2 + 100*1) / 3 = 66.67
    assert card.challenges[1].score == pytest.approx(200 / 3)


def test_the_model_sets_the_cap() -> None:
    capped = parse_model(parse_yaml("stale_level_cap: 1\n" + MODEL_TEXT, "tiny.yaml"))
    card = score(capped, parse(STALE, capped))
    assert card.challenges[0].criteria[1].score == 25.0


def test_a_team_caps_each_respondent_before_averaging(folder: Path, runner: CliRunner) -> None:
    team = folder / "team"
    team.mkdir()
    (team / "a.yaml").write_text(STALE, encoding="utf-8")
    (team / "b.yaml").write_text(FRESH, encoding="utf-8")
    args = ("score", team, "--challenges", "tiny.yaml", "--format", "json")
    report = json.loads(run(runner, *args).stdout)
    b = report["challenges"][0]["criteria"][1]
    assert b["level"] == 3  # (2 + 4) / 2
    spread = report["team"]["criteria"][1]
    assert spread["stale"] == [{"respondent": "a", "claimed_level": 4, "review_due": "2026-11-29"}]
    assert (spread["min"], spread["max"]) == (2, 4)  # the capped level, as in the mean
    assert "stale" not in report["team"]["criteria"][0]
    result = run(runner, *args, "--require-fresh-evidence")
    assert result.exit_code == 1
    (detail,) = json.loads(result.stdout)["gate"]["reason_details"]
    assert (detail["code"], detail["criterion"], detail["review_due"]) == (
        "stale_evidence",
        "base.b",
        "2026-11-29",
    )
    table = run(runner, "score", team, "--challenges", "tiny.yaml").stdout
    assert "base.b (a): level 4 counts as 2; evidence review was due on 2026-11-29" in table


# -- every output shows it with its date --

LINE = "base.b: level 4 counts as 2; evidence review was due on 2026-11-29"


def test_table_markdown_html_show_the_stale_answer(folder: Path, runner: CliRunner) -> None:
    table = run(runner, "score", "stale.yaml", "--challenges", "tiny.yaml").stdout
    assert "Evidence due for review" in table and LINE in " ".join(table.split())
    for fmt in ("markdown", "html"):
        out = run(runner, "score", "stale.yaml", "--challenges", "tiny.yaml", "-f", fmt).stdout
        assert "Evidence due for review" in out
        assert "level 4 counts as 2; evidence review was due on 2026-11-29" in out
        assert "Evidence: QA report" in out
        assert "Evidence checked on: 2025-11-29" in out
        assert "2026-11-29, passed: the level 4 given counts as 2" in out
    fresh = run(runner, "score", "fresh.yaml", "--challenges", "tiny.yaml", "-f", "markdown")
    assert "Evidence due for review" not in fresh.stdout
    assert "Evidence review due: 2026-11-30" in fresh.stdout


def test_german_output(folder: Path, runner: CliRunner) -> None:
    out = run(runner, "score", "stale.yaml", "--challenges", "tiny.yaml", "--lang", "de").stdout
    assert "Nachweise mit fälliger Prüfung" in out
    assert "Stufe 4 zählt als 2; der Nachweis war am 2026-11-29" in " ".join(out.split())


def test_json_carries_the_evidence_fields(folder: Path, runner: CliRunner) -> None:
    args = ("--challenges", "tiny.yaml", "-f", "json")
    stale = json.loads(run(runner, "score", "stale.yaml", *args).stdout)
    b = stale["challenges"][0]["criteria"][1]
    assert b == {
        "id": "base.b",
        "state": "answered",
        "level": 2,
        "score": 50.0,
        "note": "weekly",
        "evidence": "QA report",
        "checked_on": "2025-11-29",
        "review_due": "2026-11-29",
        "stale": True,
        "claimed_level": 4,
    }
    assert stale["overall"]["score"] == 81.3
    fresh = json.loads(run(runner, "score", "fresh.yaml", *args).stdout)
    b = fresh["challenges"][0]["criteria"][1]
    assert (b["level"], b["stale"], b["review_due"]) == (4, False, "2026-11-30")
    assert "claimed_level" not in b
    a = fresh["challenges"][0]["criteria"][0]
    assert set(a) == {"id", "state", "level", "score", "note"}  # no evidence: as before


def test_junit_notes_it_and_fails_it_under_the_option(folder: Path, runner: CliRunner) -> None:
    args = ("score", "stale.yaml", "--challenges", "tiny.yaml", "-f", "junit")
    note = ET.fromstring(run(runner, *args).stdout)
    outs = [e.text or "" for e in note.iter("system-out")]
    assert any(LINE in text for text in outs)
    assert note.get("failures") == "0"
    failing = run(runner, *args, "--require-fresh-evidence")
    assert failing.exit_code == 1
    root = ET.fromstring(failing.stdout)
    case = next(
        c for c in root.iter("testcase") if c.get("classname") == "csm-check.fresh-evidence"
    )
    failure = case.find("failure")
    assert case.get("name") == "base.b" and failure is not None
    assert failure.get("type") == "stale_evidence"


# -- the gate --

REASON = (
    "base.b claims level 4, but its evidence was due for review on 2026-11-29 "
    "(require_fresh_evidence)"
)


def test_require_fresh_evidence_fails_a_stale_answer(folder: Path, runner: CliRunner) -> None:
    result = run(runner, "score", "stale.yaml", "--challenges", "tiny.yaml", "-f", "json",
                 "--require-fresh-evidence")  # fmt: skip
    assert result.exit_code == 1
    gate = json.loads(result.stdout)["gate"]
    assert gate["passed"] is False and gate["reasons"] == [REASON]
    (detail,) = gate["reason_details"]
    assert (detail["code"], detail["score"], detail["review_due"]) == (
        "stale_evidence",
        4,
        "2026-11-29",
    )
    fresh = run(runner, "score", "fresh.yaml", "--challenges", "tiny.yaml",
                "--require-fresh-evidence")  # fmt: skip
    assert fresh.exit_code == 0
    without = run(runner, "score", "stale.yaml", "--challenges", "tiny.yaml")
    assert without.exit_code == 0  # capped and shown, but only the option fails it


def test_the_settings_file_turns_it_on_and_the_option_wins(folder: Path, runner: CliRunner) -> None:
    (folder / "csm-check.yaml").write_text("require_fresh_evidence: true\n", encoding="utf-8")
    on = run(runner, "score", "stale.yaml", "--challenges", "tiny.yaml")
    assert on.exit_code == 1 and "require_fresh_evidence" in on.stdout
    off = run(runner, "score", "stale.yaml", "--challenges", "tiny.yaml",
              "--no-require-fresh-evidence")  # fmt: skip
    assert off.exit_code == 0


def test_github_annotation_points_at_the_stale_answer(
    folder: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run(runner, "score", "stale.yaml", "--challenges", "tiny.yaml",
                 "--require-fresh-evidence")  # fmt: skip
    assert result.exit_code == 1
    assert f"::error file=stale.yaml,line=6,col=3,title=csm-check::{REASON}" in (
        result.stdout + result.stderr
    )


# -- the answers file --


def test_answers_keep_the_evidence_fields() -> None:
    answer = parse(STALE).get("base.b")
    assert answer == Answer("answered", 4, "weekly", "QA report", dt.date(2025, 11, 29), None)
    iso = parse(answers_text('{level: 3, checked_on: "2026-01-02", review_by: "2026-07-01"}'))
    assert iso.get("base.b").review_by == dt.date(2026, 7, 1)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{level: 4, checked_on: 2026-01-02 10:00:00}",
         "a.yaml:6:34: checked_on must be a date such as 2026-03-31, got"),
        ('{level: 4, review_by: "next year"}',
         "a.yaml:6:33: review_by must be a date such as 2026-03-31, got"),
        ("{level: 4, checked_on: 2026-05-01, review_by: 2026-04-01}",
         "a.yaml:6:57: review_by 2026-04-01 lies before checked_on 2026-05-01"),
        ("{level: 4, evidence: 12}",
         "a.yaml:6:32: evidence must be text or a link, got 12 (hint: quote the evidence"),
        ("{level: 4, checked_at: 2026-01-02}", "a.yaml:6:22: unknown key 'checked_at'"),
    ],
)  # fmt: skip
def test_bad_evidence_values_are_located(value: str, message: str) -> None:
    assert message in problems(answers_text(value))


def test_unknown_key_suggests_the_evidence_keys() -> None:
    assert "did you mean 'checked_on'?" in problems(answers_text("{level: 4, checked_at: 1}"))


def test_too_long_evidence() -> None:
    found = problems(answers_text('{level: 4, evidence: "' + "x" * 2001 + '"}'))
    assert "a.yaml:6:32: evidence is 2,001 characters; at most 2,000 are allowed" in found


def test_writer_order_and_round_trip() -> None:
    answers = AnswerSet(
        language="en",
        answers={
            "base.a": Answer("answered", 3, None, "https://wiki/qa", dt.date(2026, 1, 2)),
            "base.b": Answer(
                "answered", 4, "weekly " * 12, "the QA dashboard " * 5,
                dt.date(2026, 1, 2), dt.date(2026, 7, 1),
            ),
        },
    )  # fmt: skip
    text = dump_answers(answers, MODEL)
    assert '  base.a: {level: 3, evidence: "https://wiki/qa", checked_on: 2026-01-02}\n' in text
    block = text.split("  base.b:\n", 1)[1].splitlines()
    assert block[0] == "    level: 4"
    assert block[1].startswith('    note: "weekly')
    keys = [line.split(":")[0].strip() for line in block if line.startswith("    ") and
            not line.startswith("      ")][:5]  # fmt: skip
    assert keys == ["level", "note", "evidence", "checked_on", "review_by"]
    assert all(len(line) <= 80 for line in text.splitlines())
    again = parse_answers(parse_yaml(text, "a.yaml"), MODEL)
    assert {k: v for k, v in again.answers.items() if v.state != "unanswered"} == answers.answers
    assert dump_answers(again, MODEL) == text  # byte for byte


def test_interview_edit_writes_evidence_in_place() -> None:
    text = answers_text("3")
    old = parse(text)
    answers = dict(old.answers)
    answers["base.b"] = Answer("answered", 4, None, "QA report", dt.date(2026, 11, 1))
    new = update_answers_text(text, replace(old, answers=answers), MODEL)
    assert new == text.replace(
        "  base.b: 3\n", '  base.b: {level: 4, evidence: "QA report", checked_on: 2026-11-01}\n'
    )


def test_template_explains_the_evidence_keys() -> None:
    template = render_template(MODEL, "en")
    assert "# Level 3 or 4? Say what shows it, e.g. {level: 3, note:" in template
    assert "counts at most as level 2." in " ".join(template.split())
    assert "  # Evidence for level 3 or 4: re-check every 12 months.\n  base.b:" in template


def test_answers_schema_lists_the_evidence_keys(runner: CliRunner) -> None:
    schema = json.loads(run(runner, "schema", "answers").stdout)
    entry = json.dumps(schema)
    for key in ("evidence", "checked_on", "review_by"):
        assert f'"{key}"' in entry


# -- the model --


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (("        review_months: 12\n", "        review_months: 0\n"), "review_months"),
        (("schema_version: 1\n", "schema_version: 1\nstale_level_cap: 5\n"), "stale_level_cap"),
    ],
)
def test_bad_review_settings_are_located(change: tuple[str, str], where: str) -> None:
    text = MODEL_TEXT.replace(*change)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.strip().startswith(where))
    with pytest.raises(InvalidInputError) as caught:
        parse_model(parse_yaml(text, "tiny.yaml"))
    (problem,) = caught.value.problems
    assert (problem.path, problem.line, where) == ("tiny.yaml", line, where)
    assert where in problem.message


# -- the interview: optional prompts after a 3 or 4, at a terminal only --


def interview(lines: list[str], start: AnswerSet, *, interactive: bool) -> tuple[str, AnswerSet]:
    from csm_check.interview.session import Interview
    from csm_check.interview.settings import Settings
    from test_interview_v2 import Person

    person = Person(lines)
    terminal = replace(person.terminal(), interactive=interactive)
    writes: list[AnswerSet] = []
    settings = Settings(path=Path("a.yaml"), language="en", challenges=MODEL.challenges[:1])
    session = Interview(
        MODEL, start, settings, terminal, writes.append, saved=start,
        today=lambda: dt.date(2026, 11, 30),
    )  # fmt: skip
    session.run()
    return "".join(person.out), writes[-1]


def test_interview_asks_for_evidence_after_a_4() -> None:
    start = AnswerSet(language="en", answers={"base.a": Answer("answered", 1)})
    # names, base.b: 4, evidence, checked on (Enter: today), a bad date, review by (Enter: none)
    lines = ["", "", "", "4", "QA report", "", "soon", "", "q"]
    out, saved = interview(lines, start, interactive=True)
    assert "Evidence for this level: a document or link (Enter skips): " in out
    assert "Checked on, as YYYY-MM-DD (Enter: 2026-11-30): " in out
    assert "'soon' is not a date: type it as YYYY-MM-DD, or press Enter." in out
    assert "Evidence saved; review due 2027-11-30." in out  # checked_on + 12 months
    assert saved.get("base.b") == Answer(
        "answered", 4, None, "QA report", dt.date(2026, 11, 30), None
    )


def test_interview_keeps_evidence_when_the_level_changes() -> None:
    dated = Answer("answered", 3, "n", "QA report", dt.date(2026, 1, 5), dt.date(2026, 6, 1))
    start = AnswerSet(language="en", answers={"base.a": Answer("answered", 1), "base.b": dated})
    # names, base.b is not open: review screen, open base.b, 4, Enter keeps all three fields
    lines = ["", "", "", "base.b", "4", "", "", "", "q"]
    out, saved = interview(lines, start, interactive=True)
    assert "(Enter keeps: QA report)" in out
    assert saved.get("base.b") == replace(dated, level=4)


def test_piped_interview_asks_nothing_more() -> None:
    start = AnswerSet(language="en", answers={"base.a": Answer("answered", 1)})
    out, saved = interview(["", "", "4", "q"], start, interactive=False)
    assert "Evidence for this level" not in out
    assert saved.get("base.b") == Answer("answered", 4)


def test_the_example_carries_fresh_evidence_dates(runner: CliRunner) -> None:
    from conftest import EXAMPLE

    result = run(runner, "score", EXAMPLE, "-f", "json", "--require-fresh-evidence")
    assert result.exit_code == 0  # every review date lies after assessed_on 2026-11-27
    report = json.loads(result.stdout)
    assert report["overall"]["score"] == 44.7  # as without evidence: nothing stale
    dated = [c for ch in report["challenges"] for c in ch["criteria"] if "evidence" in c]
    assert [(c["id"], c["review_due"], c["stale"]) for c in dated] == [
        ("compliance.bot-disclosure", "2027-09-15", False),  # checked 2026-09-15 + 12 months
        ("compliance.processor-contracts", "2027-03-02", False),
        ("compliance.call-recording-consent", "2027-05-31", False),  # its review_by
    ]


def test_evidence_text_is_inert_in_markdown_and_html(folder: Path, runner: CliRunner) -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert) **bold**"
    text = STALE.replace('evidence: "QA report"', f'evidence: "{hostile}"')
    (folder / "hostile.yaml").write_text(text, encoding="utf-8")
    args = ("score", "hostile.yaml", "--challenges", "tiny.yaml", "-f")
    html = run(runner, *args, "html").stdout
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = run(runner, *args, "markdown").stdout
    assert "<script>" not in markdown and "\\[x\\]" in markdown and "\\*\\*bold\\*\\*" in markdown
