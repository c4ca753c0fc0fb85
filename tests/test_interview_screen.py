"""The interview as a person sees it: a pty (pexpect) whose output is fed to a terminal
emulator (pyte) at 80x24 and 60x20. Checks screen contents and file contents only."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from csm_check.answers import Answer, AnswerSet
from csm_check.answers_writer import dump_answers
from csm_check.loading import load_answers
from csm_check.model import Model

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

TIMEOUT = 30
DOWN, UP = "\x1b[B", "\x1b[A"


class Person:
    """A person at a terminal of `columns` x `rows`: types, and reads the screen."""

    def __init__(
        self,
        cwd: Path,
        *args: str,
        columns: int = 80,
        rows: int = 24,
        lang: str = "C.UTF-8",
        extra_env: dict[str, str] | None = None,
    ) -> None:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "CSM_CHECK_LANG"}
            and not key.startswith("LC_")
        }
        # no cursor position requests: the emulator here does not answer them
        env.update({"TERM": "xterm", "LANG": lang, "PROMPT_TOOLKIT_NO_CPR": "1"})
        env.update(extra_env or {})
        self.child: Any = pexpect.spawn(
            sys.executable,
            ["-m", "csm_check", "interactive", *args],
            cwd=str(cwd),
            env=env,
            dimensions=(rows, columns),
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, *texts: str) -> str:
        """Read output until every text is on the screen (or the program ended)."""
        ended = False
        while not all(text in self.text() for text in texts):
            if ended:
                break
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=TIMEOUT))
            except pexpect.EOF:
                ended = True
        screen = self.text()
        missing = [text for text in texts if text not in screen]
        assert not missing, f"{missing} not on the screen:\n{screen}"
        return screen

    def type(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self) -> int:
        try:
            while True:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=TIMEOUT))
        except pexpect.EOF:
            pass
        self.child.close()
        return int(self.child.exitstatus)


def start(person: Person, organisation: str = "ACME", role: str = "") -> None:
    person.wait_for("Organisation:")
    person.type(organisation + "\r")
    person.wait_for("Your name:")
    person.type("\r")
    person.wait_for("Roles, e.g.: agent, team lead", "Your role:")  # at a terminal only
    person.type(role + "\r")


def test_arrow_keys_choose_a_level_and_show_its_description(tmp_path: Path, model: Model) -> None:
    person = Person(tmp_path, "--only", "compliance")
    start(person)
    person.wait_for("[7/10 Compliance] question 1/6", "Esc back")  # the keys, until...
    person.type(DOWN + DOWN)
    person.wait_for("▶ 1 Vendor or bot team asked")  # ...a level is highlighted
    person.type(UP + "\r")
    person.wait_for("Saved: 0 Not checked", "question 2/6")
    person.type("q\r")
    assert person.finish() == 0
    answers = load_answers(tmp_path / "csm-answers.yaml", model)
    assert answers.get("compliance.bot-disclosure") == Answer("answered", 0)
    assert answers.organisation == "ACME"


def test_no_color_keeps_the_arrow_keys_and_drops_only_colour(tmp_path: Path, model: Model) -> None:
    # NO_COLOR asks for no colour (no-color.org), not for a plainer prompt.
    person = Person(tmp_path, "--only", "compliance", extra_env={"NO_COLOR": "1"})
    transcript = io.StringIO()
    person.child.logfile_read = transcript  # everything the program wrote
    start(person)
    person.wait_for("[7/10 Compliance] question 1/6", "Esc back")
    person.type(DOWN + DOWN)
    person.wait_for("▶ 1 Vendor or bot team asked")
    person.type("q\r")
    assert person.finish() == 0
    colours = re.findall(r"\x1b\[[0-9;]*(?:3[0-9]|4[0-9]|9[0-7])[0-9;]*m", transcript.getvalue())
    assert colours == []


def test_a_pasted_block_is_one_note_and_answers_nothing_else(tmp_path: Path, model: Model) -> None:
    person = Person(tmp_path, "--only", "3")
    start(person)
    person.wait_for("question 1/5")
    person.type("\x1b[200~1 AHT only\r4 teams use it\rnot yet for chat\x1b[201~")
    person.type("\r")
    person.wait_for("Saved: 1", "question 2/5")
    person.type("q\r")
    assert person.finish() == 0
    answers = load_answers(tmp_path / "csm-answers.yaml", model)
    first, second = (c.id for c in model.challenges[2].criteria[:2])
    assert answers.get(first) == Answer("answered", 1, "AHT only 4 teams use it not yet for chat")
    assert answers.get(second) == Answer("unanswered")


def all_but_two(path: Path, model: Model) -> tuple[str, str]:
    ids = model.criterion_ids()
    open_ids = (ids[6], ids[30])
    every = {cid: Answer("answered", 3) for cid in ids if cid not in open_ids}
    answers = AnswerSet(language="en", answers=every, assessed_on=dt.date(2026, 1, 2))
    path.write_text(dump_answers(answers, model, questions=True), encoding="utf-8")
    return open_ids


@pytest.mark.parametrize(("columns", "rows"), [(80, 24), (60, 20)])
def test_resume_review_and_end_screen(
    tmp_path: Path, model: Model, columns: int, rows: int
) -> None:
    path = tmp_path / "csm-answers.yaml"
    open_ids = all_but_two(path, model)
    person = Person(tmp_path, columns=columns, rows=rows)
    person.wait_for("48 of 50 already answered")
    start(person)
    person.wait_for("question 2/5 · 48/50 answered")  # the first open one, nothing before
    person.type("2\r")
    person.wait_for("49/50 answered")  # straight to the other open question
    person.type("4\r")
    person.wait_for("Evidence for this level")  # optional at a terminal: Enter skips it
    person.type("\r")
    screen = person.wait_for("Review: 50/50 answered", "f to finish")
    for challenge in model.challenges:
        assert f"{challenge.number}. {challenge.short('en')}"[: columns - 12] in screen
    person.type("f\r")
    screen = person.wait_for("Press Enter for blockers")
    assert "Overall:" in screen and "50 of 50 criteria answered" in screen
    for challenge in model.challenges:
        assert f"{challenge.number} {challenge.short('en')}"[:10] in screen
    person.type("\r")
    person.wait_for("m writes Markdown")
    person.type("m\r")
    person.wait_for("Written:")
    person.type("\r")
    assert person.finish() == 0
    answers = load_answers(path, model)
    assert answers.get(open_ids[0]) == Answer("answered", 2)
    assert answers.get(open_ids[1]) == Answer("answered", 4)
    assert (tmp_path / "csm-answers-report.md").is_file()
    text = path.read_text(encoding="utf-8")
    assert text.count("# To what extent") > 10  # the template's question comments survive


def test_lang_c_screen_is_ascii(tmp_path: Path) -> None:
    person = Person(tmp_path, "--only", "compliance", lang="C")
    start(person)
    screen = person.wait_for("[7/10 Compliance] question 1/6 - 0/6 answered", "Up/Down")
    assert screen.isascii(), screen
    person.type(DOWN)
    screen = person.wait_for("> 0 Not checked")
    assert screen.isascii(), screen
    person.type("q\r")
    assert person.finish() == 0


def test_ctrl_c_in_the_prompt_saves_and_exits_130(tmp_path: Path, model: Model) -> None:
    person = Person(tmp_path, "--only", "compliance")
    start(person)
    person.wait_for("question 1/6")
    person.type("3\r")
    person.wait_for("Evidence for this level")
    person.type("\r")
    person.wait_for("question 2/6")
    person.type("1 half")
    person.type("\x03")
    person.wait_for("Stopped at challenge 7, question 2/6.")
    assert person.finish() == 130
    answers = load_answers(tmp_path / "csm-answers.yaml", model)
    assert answers.get("compliance.bot-disclosure") == Answer("answered", 3)
    assert answers.get("compliance.no-agent-emotion-recognition") == Answer("unanswered")
