"""Interview version 2 (issue 11): command keys never become text, knock-outs explained,
long notes kept, resume visiting only open questions, the review screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console, RenderableType
from typer.testing import CliRunner, Result

from conftest import TINY_MODEL
from csm_check.answers import MAX_NOTE, Answer, AnswerSet
from csm_check.answers_writer import dump_answers
from csm_check.cli import app
from csm_check.interview.keys import cut_note, is_command_key, name_value
from csm_check.interview.session import Interview
from csm_check.interview.settings import Outcome, Settings
from csm_check.interview.terminal import Terminal
from csm_check.loading import load_answers, parse_model
from csm_check.model import Model
from csm_check.yamlio.read import parse_yaml

TODAY = dt.date.today()


def interview(
    runner: CliRunner, path: Path, model_file: Path, lines: list[str], *args: str
) -> Result:
    return runner.invoke(
        app,
        ["interactive", "--answers", str(path), "--challenges", str(model_file), *args],
        input="".join(line + "\n" for line in lines),
    )


def test_q_at_the_organisation_prompt_quits(
    runner: CliRunner, tmp_path: Path, tiny_model_file: Path
) -> None:
    path = tmp_path / "answers.yaml"
    result = interview(runner, path, tiny_model_file, ["q"])
    assert result.exit_code == 0, result.output
    assert 'to use the name q, type it in quotes ("q")' in result.stdout
    assert "Stopped before the first question." in result.stdout
    assert not path.exists()  # nothing answered, nothing written


def test_q_at_the_respondent_prompt_quits_and_a_quoted_q_is_a_name(
    runner: CliRunner, tmp_path: Path, tiny_model: Model, tiny_model_file: Path
) -> None:
    path = tmp_path / "answers.yaml"
    result = interview(runner, path, tiny_model_file, ['"q"', "Q"])
    assert result.exit_code == 0, result.output
    answers = load_answers(path, tiny_model)
    assert (answers.organisation, answers.respondent) == ("q", None)


def test_a_reason_that_is_a_command_key_is_refused(
    runner: CliRunner, tmp_path: Path, tiny_model: Model, tiny_model_file: Path
) -> None:
    path = tmp_path / "answers.yaml"
    lines = ["", "", "n q", "n", "q", "s", "not our business", "q"]
    result = interview(runner, path, tiny_model_file, lines)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("is a key, not a reason") == 3
    answers = load_answers(path, tiny_model)
    assert answers.get("base.a") == Answer("not_applicable", None, "not our business")


def test_knock_out_explained_and_warned_below_the_minimum(
    runner: CliRunner, tmp_path: Path, tiny_model: Model, tiny_model_file: Path
) -> None:
    path = tmp_path / "answers.yaml"
    result = interview(runner, path, tiny_model_file, ["", "", "2", "q"], "--only", "legal")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Knock-out: an answer below 3 fails the gate" in out
    assert "Warning: 2 is below the knock-out minimum 3" in out


def test_knock_out_names_the_law_and_its_date(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    result = runner.invoke(
        app,
        ["interactive", "--answers", str(path), "--only", "compliance"],
        input="\n\n4\nq\n",
    )
    assert result.exit_code == 0, result.output
    assert "Law: EU AI Act Art. 50(1), applies from" in result.stdout
    assert "below the knock-out minimum" not in result.stdout


def test_a_long_note_is_cut_at_a_word_and_kept(
    runner: CliRunner, tmp_path: Path, tiny_model: Model, tiny_model_file: Path
) -> None:
    path = tmp_path / "answers.yaml"
    note = "word " * 500  # 2,500 characters
    result = interview(runner, path, tiny_model_file, ["", "", "2 " + note, "", "q"])
    assert result.exit_code == 0, result.output
    assert "That is 2499 characters; at most 2000 are allowed." in result.stdout
    saved = load_answers(path, tiny_model).get("base.a")
    assert saved.level == 2 and saved.note is not None
    assert len(saved.note) <= MAX_NOTE and saved.note.endswith("word")
    assert "Kept: 2 Partly; note: word word" in result.stdout  # Enter keeps it, moves on
    assert "word word ..." not in result.stdout and "word..." in result.stdout  # echo shortened


def test_cut_note_and_keys() -> None:
    assert cut_note("ab cd", 10) == "ab cd"
    assert cut_note("aaaa bbbb cccc", 11) == "aaaa bbbb"
    assert cut_note("x" * 30, 10) == "x" * 10
    assert is_command_key(" Q ") and is_command_key("n") and not is_command_key("no")
    assert name_value('"q"') == "q" and name_value('"ACME"') == '"ACME"'


def two_done_two_open(path: Path, model: Model) -> None:
    answers = {
        "base.a": Answer("answered", 2),
        "legal.disclosure": Answer("answered", 3),
        "top.x": Answer("answered", 1),
    }
    start = AnswerSet(language="en", answers=answers, assessed_on=dt.date(2026, 1, 2))
    path.write_text(dump_answers(start, model), encoding="utf-8")


def test_resume_visits_only_the_open_questions(
    runner: CliRunner, tmp_path: Path, tiny_model: Model, tiny_model_file: Path
) -> None:
    path = tmp_path / "answers.yaml"
    two_done_two_open(path, tiny_model)
    result = interview(runner, path, tiny_model_file, ["", "", "4", "1"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "The date assessed_on will be set to today" in out
    assert out.count("] question ") == 2  # two prompts for the two open questions
    assert "[1/3 Base] question 2/2" in out and "[2/3 Legal] question 2/2" in out
    assert "question 1/2" not in out and "[3/3 Top]" not in out
    answers = load_answers(path, tiny_model)
    assert answers.get("base.b") == Answer("answered", 4)
    assert answers.get("legal.contracts") == Answer("answered", 1)
    assert answers.get("base.a") == Answer("answered", 2)
    assert answers.assessed_on == TODAY
    assert "All selected questions are done." in out


def test_all_walks_every_question_and_open_ones_are_counted(
    runner: CliRunner, tmp_path: Path, tiny_model: Model, tiny_model_file: Path
) -> None:
    path = tmp_path / "answers.yaml"
    two_done_two_open(path, tiny_model)
    result = interview(runner, path, tiny_model_file, ["", "", "", "s", "", "s", ""], "--all")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("] question ") == 5
    assert "2 questions are still open, in challenges: 1, 2." in result.stdout
    assert "All selected questions are done." not in result.stdout


# -- the review screen, in a scripted interactive session --

TINY = parse_model(parse_yaml(TINY_MODEL, "tiny.yaml"))


class Person:
    """A terminal with a person at it (interactive), replaying lines."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines)
        self.out: list[str] = []
        self.console = Console(width=60, no_color=True, markup=False, highlight=False)

    def read(self, prompt: str) -> str:
        self.out.append(prompt)
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)

    def show(self, renderable: RenderableType) -> None:
        with self.console.capture() as capture:
            self.console.print(renderable)
        self.out.append(capture.get())

    def terminal(self) -> Terminal:
        return Terminal(
            read=self.read,
            show=self.show,
            raw=self.out.append,
            err=self.out.append,
            width=60,
            interactive=True,
        )


def run(
    lines: list[str], answers: AnswerSet, path: Path = Path("a.yaml")
) -> tuple[Outcome, str, list[AnswerSet]]:
    writes: list[AnswerSet] = []
    person = Person(lines)
    settings = Settings(path=path, language="en", challenges=TINY.challenges)
    session = Interview(
        TINY,
        answers,
        settings,
        person.terminal(),
        writes.append,
        saved=answers,
        today=lambda: dt.date(2030, 1, 31),
    )
    return session.run(), "".join(person.out), writes


def test_at_a_terminal_the_role_is_asked_with_the_suggestions() -> None:
    _, out, writes = run(["ACME", "Jo", "team lead", "q"], AnswerSet(language="en"))
    hint = "Roles, e.g.: agent, team lead, quality, workforce planning, head of service, IT"
    assert hint in " ".join(out.split())  # wrapped to the screen's width
    assert "Your role: " in out
    assert writes[-1].role == "team lead"
    # Enter keeps the role the file has
    _, out, writes = run(["", "", "", "q"], AnswerSet(language="en", role="quality"))
    assert "Your role (Enter keeps: quality): " in out
    assert writes == []  # nothing changed, nothing written: the file keeps its role


def test_review_screen_opens_a_challenge_and_a_question() -> None:
    start = AnswerSet(language="en", answers={"base.a": Answer("answered", 2)})
    # each "" after a 3 or 4 skips the optional evidence prompt (a terminal only)
    lines = [
        "",
        "",
        "",
        "3",
        "",
        "s",
        "s",
        "1",
        "legal",
        "4",
        "",
        "s",
        "base.a",
        "4",
        "",
        "f",
        "q",
        "",
    ]
    outcome, out, writes = run(lines, start)
    assert outcome is Outcome.FINISHED
    assert "Review: 3/5 answered" in out
    assert "1. Base" in out and "2/2" in out and "done" in out and "2 open" in out
    assert "Review: 4/5 answered" in out  # after opening challenge 2
    assert writes[-1].get("base.a") == Answer("answered", 4)
    assert writes[-1].get("base.b") == Answer("answered", 3)
    assert "questions are still open, in challenges: 2." in out


def test_review_screen_quits_and_refuses_unknown_input() -> None:
    every = {cid: Answer("answered", 1) for cid in TINY.criterion_ids()}
    start = AnswerSet(language="en", answers=every)
    outcome, out, _ = run(["", "", "", "zzz", "q"], start)
    assert outcome is Outcome.QUIT
    assert "> " in out and "Question 1/2" not in out  # all answered: straight to the review
    assert 'Not understood: "zzz".' in out


def test_sixty_columns_break_the_keys_between_keys() -> None:
    _, out, _ = run(["", "", "", "q"], AnswerSet(language="en"))
    # This fake terminal does not echo the Enter typed at a prompt, so the name prompts and
    # the role hint share one line here; a real terminal breaks the line after each.
    lines = out.replace("Your name: ", "Your name:\n").splitlines()
    assert all(len(line.rstrip()) <= 60 for line in lines)
    assert "n <reason> not applicable" in lines
    assert "Enter keeps the current answer" in lines


def test_end_screen_fits_and_offers_the_reports(tmp_path: Path) -> None:
    every = {cid: Answer("answered", 2) for cid in TINY.criterion_ids()}
    start = AnswerSet(language="en", answers=every)
    path = tmp_path / "a.yaml"
    outcome, out, _ = run(["", "", "", "f", "", "m", "w", ""], start, path)
    assert outcome is Outcome.FINISHED
    first = out[out.index("Readiness scorecard") :].splitlines()
    more = next(i for i, line in enumerate(first) if "Press Enter" in line)
    assert more + 2 <= 20  # the prompt line too: it fits a 20-row screen
    text = "\n".join(first[: more + 1])
    assert "Overall: 50.0" in text and "5 of 5 criteria answered" in text
    assert all(name in text for name in ("1 Base", "2 Legal", "3 Top"))
    assert "Press Enter for blockers and next steps" in text
    assert "Blockers (knock-out criteria)" in out.split("Press Enter", 1)[1]
    markdown, html = tmp_path / "a-report.md", tmp_path / "a-report.html"
    assert f"Written: {markdown}" in out and f"Written: {html}" in out
    assert markdown.read_text(encoding="utf-8").startswith("#")
    assert "<html" in html.read_text(encoding="utf-8").lower()
