"""Large teams: answers folded file by file, in worker processes with --jobs, the same bytes
out whatever the number of processes; the progress bar only for a person at a terminal."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import run_cli as run
from csm_check import teamload
from csm_check.answers import Answer, AnswerSet
from csm_check.cli.progress import ProgressBar, progress_wanted, reading_progress
from csm_check.loading import load_model
from csm_check.model import Model
from csm_check.render import Format
from csm_check.scoring.places import MAX_PLACES, PlaceIndex
from csm_check.scoring.results import GateReason
from csm_check.scoring.team import CriterionTally, TeamFold, aggregate

NOTES = ("owners set", "pilot in one team", "Betriebsrat informiert", "")


def write_team(folder: Path, count: int, seed: int = 3) -> list[Path]:
    """Answers files of the built-in model: levels, notes, n/a, empty answers and answers
    whose evidence review is long overdue (stale) mixed; three roles."""
    rng = random.Random(seed)
    folder.mkdir()
    paths = []
    for index in range(count):
        lines = ["schema_version: 1", f"respondent: P{index}", f"role: r{index % 3}", "answers:"]
        for criterion in load_model().criterion_ids():
            roll = rng.random()
            if roll < 0.1:
                lines.append(f"  {criterion}:")
            elif roll < 0.15:
                lines.append(f'  {criterion}: {{level: n/a, note: "not here"}}')
            elif roll < 0.18:
                lines.append(f'  {criterion}: {{level: 4, note: "audit", review_by: 2020-01-31}}')
            elif roll < 0.4:
                note = rng.choice(NOTES)
                lines.append(f'  {criterion}: {{level: {rng.randint(0, 4)}, note: "{note}"}}')
            else:
                lines.append(f"  {criterion}: {rng.randint(0, 4)}")
        path = folder / f"a{index:02d}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def big_team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Eleven files, read in runs of two so that --jobs 2 really uses two workers."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(teamload, "_RUN", 2)
    write_team(tmp_path / "team", 11)
    return Path("team")


@pytest.mark.parametrize("fmt", [f.value for f in Format])
def test_jobs_give_the_same_bytes_in_every_format(
    runner: CliRunner, big_team: Path, fmt: str
) -> None:
    one = run(runner, "score", big_team, "-f", fmt, "--jobs", "1", "--require-evidence")
    two = run(runner, "score", big_team, "-f", fmt, "--jobs", "2", "--require-evidence")
    assert one.exit_code == two.exit_code == 1  # levels >= 3 without a note, knock-outs
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert one.stdout
    if fmt == "json":
        assert len(json.loads(one.stdout)["team"]["respondents"]) == 11


def test_jobs_give_the_same_annotations(
    runner: CliRunner, big_team: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    one = run(runner, "score", big_team, "-f", "json", "--jobs", "1", "--require-evidence")
    two = run(runner, "score", big_team, "-f", "json", "--jobs", "2", "--require-evidence")
    assert one.stderr == two.stderr
    assert one.stderr.count("::error file=team/a") == 10  # ten shown, then how many more
    assert "more errors not shown as annotations" in one.stderr


def test_errors_are_reported_in_file_order_with_jobs(runner: CliRunner, big_team: Path) -> None:
    (big_team / "a07.yaml").write_text("schema_version: 1\nanswers:\n  nope: 1\n", "utf-8")
    (big_team / "a02.yaml").write_text("schema_version: 1\nanswers: [\n", "utf-8")
    one = run(runner, "score", big_team, "--jobs", "1")
    two = run(runner, "score", big_team, "--jobs", "2")
    assert one.exit_code == two.exit_code == 2
    assert one.stderr == two.stderr
    lines = one.stderr.splitlines()
    assert lines[0].startswith("team/a02.yaml:")
    assert lines[-1].startswith("team/a07.yaml:3:3: unknown criterion id 'nope'")
    assert one.stdout == ""


@pytest.mark.parametrize("value", ["0", "-2", "x"])
def test_jobs_must_be_a_positive_number(runner: CliRunner, big_team: Path, value: str) -> None:
    result = run(runner, "score", big_team, "--jobs", value)
    assert result.exit_code == 2
    assert "--jobs" in result.stderr
    assert result.stdout == ""


def test_default_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(teamload, "usable_cores", lambda: 6)
    assert teamload.default_jobs(500) == 1
    assert teamload.default_jobs(501) == 6


# --- the fold ------------------------------------------------------------------------------


def test_tally_by_hand() -> None:
    tally = CriterionTally()
    for answer in (
        Answer("answered", 1),
        Answer("answered", 4),  # a 4 without a note: unevidenced
        Answer("answered", 3, "shown in the QA report"),
        Answer("not_applicable", None, "no bot"),
        Answer("unanswered"),
    ):
        tally.add(answer, 0)
    assert (tally.answered, tally.total, tally.minimum, tally.maximum) == (3, 8, 1, 4)
    assert (tally.not_applicable, tally.unevidenced) == (1, 4)
    assert tally.mean == 8 / 3
    assert list(tally.notes(["x"])) == [("x", "shown in the QA report"), ("x", "no bot")]
    assert tally.notes_with_roles(["x"], ["agent"]) == [
        ("x", "agent", "shown in the QA report"),
        ("x", "agent", "no bot"),
    ]
    assert tally.answer() == Answer("answered", 8 / 3)


def test_tallies_merge_as_if_added_in_order() -> None:
    answers = [
        Answer("answered", 2, "a"),
        Answer("answered", 0),
        Answer("not_applicable", None, "b"),
    ]
    whole, first, second = CriterionTally(), CriterionTally(), CriterionTally()
    for index, answer in enumerate(answers):
        whole.add(answer, index)
        if index < 1:
            first.add(answer, index)
        else:
            second.add(answer, index - 1)  # numbered within its own run
    first.merge(second, offset=1)
    assert [getattr(first, name) for name in CriterionTally.__slots__] == [
        getattr(whole, name) for name in CriterionTally.__slots__
    ]


def test_folds_merged_at_any_point_equal_one_fold(tmp_path: Path) -> None:
    from csm_check.answers import parse_answers
    from csm_check.yamlio.read import load_yaml

    model = load_model()
    files = [
        (str(p), parse_answers(load_yaml(p), model)) for p in write_team(tmp_path / "t", 6, seed=9)
    ]
    expected = aggregate(model, files)
    for cut in range(len(files) + 1):
        head, tail = TeamFold(model), TeamFold(model)
        for path, answers in files[:cut]:
            head.add(path, answers)
        for path, answers in files[cut:]:
            tail.add(path, answers)
        head.merge(tail)
        assert head.finish() == expected, cut


def test_places_keep_the_first_ten_and_count_the_rest(tiny_model: Model) -> None:
    index = PlaceIndex(tiny_model)
    for number in range(12):  # the knock-out legal.disclosure (minimum 3) at 1: a blocker
        index.add(
            f"r{number}.yaml",
            AnswerSet(
                answers={"legal.disclosure": Answer("answered", 1)},
                locations={"": (3, 1), "legal.disclosure": (4 + number, 3)},
            ),
        )
    places = index.places(GateReason("blocker", criterion="legal.disclosure"))
    assert places.total == 12
    assert list(places) == [(f"r{n}.yaml", 4 + n, 3) for n in range(MAX_PLACES)]
    # nobody left it unanswered: the reason goes to the first file's `answers:` line
    unanswered = index.places(GateReason("knockout_unanswered", criterion="legal.disclosure"))
    assert list(unanswered) == [("r0.yaml", 3, 1)]


# --- progress ------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("environ", "wanted"),
    [
        ({}, True),
        ({"CI": "true"}, False),
        ({"CI": "1"}, False),
        ({"CI": "false"}, True),
        ({"GITHUB_ACTIONS": "true"}, False),
        ({"TERM": "dumb"}, False),
        ({"TERM": "xterm-256color"}, True),
    ],
)
def test_progress_only_on_a_terminal_outside_ci(environ: dict[str, str], wanted: bool) -> None:
    assert progress_wanted(Terminal(), environ) is wanted
    assert progress_wanted(io.StringIO(), environ) is False  # a pipe or a file


def test_no_progress_callback_for_a_pipe() -> None:
    with reading_progress("en", {}, io.StringIO()) as progress:
        assert progress is None


def test_progress_bar_appears_after_a_second_and_goes_away() -> None:
    now = [0.0]
    stream = Terminal()
    bar = ProgressBar("de", stream, clock=lambda: now[0])
    bar(100, 1000)
    assert bar.bar is None and stream.getvalue() == ""  # fast work shows nothing
    now[0] = 1.5
    bar(200, 1000)
    assert bar.bar is not None
    bar.bar.refresh()
    assert "Antwortdateien werden gelesen" in stream.getvalue()
    assert "200/1000" in stream.getvalue()
    bar.close()
    assert bar.bar is None


def test_piped_stderr_gets_no_progress(runner: CliRunner, big_team: Path) -> None:
    """CliRunner's stderr is not a terminal, as a pipe or a file is not."""
    result = run(runner, "score", big_team, "-f", "json")
    assert "Reading answers files" not in result.stderr
    assert "\x1b[" not in result.stderr
