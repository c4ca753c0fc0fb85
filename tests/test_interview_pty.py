"""`csm-check interactive` in a real pseudo-terminal (80x24): Ctrl-C, resume, end of input."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from csm_check.answers import Answer
from csm_check.loading import load_answers
from csm_check.model import Model

pexpect = pytest.importorskip("pexpect")

TIMEOUT = 30


def spawn(cwd: Path, *args: str, term: str = "xterm") -> Any:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"FORCE_COLOR", "COLUMNS", "LINES", "CSM_CHECK_LANG", "LC_ALL", "LANG"}
    }
    # The plain line prompt at a real terminal (the arrow-key prompt has tests of its own).
    env.update({"NO_COLOR": "1", "TERM": term, "LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"})
    env["CSM_CHECK_PROMPT"] = "plain"
    return pexpect.spawn(
        sys.executable,
        ["-m", "csm_check", "interactive", *args],
        cwd=str(cwd),
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=TIMEOUT,
    )


def test_ctrl_c_saves_and_resume_continues(tmp_path: Path, model: Model) -> None:
    child = spawn(tmp_path)
    child.logfile_read = transcript = io.StringIO()
    child.expect_exact("Organisation: ")
    child.sendline("ACME [bold]GmbH")
    child.expect_exact("Your name: ")
    child.sendline("")
    child.expect_exact("Your role: ")
    child.sendline("")
    child.expect_exact("Challenge 1/10: Talent")
    child.expect_exact("question 1/5")
    child.expect_exact("> ")
    child.sendline("2")
    child.expect_exact("question 2/5")
    child.expect_exact("> ")
    child.sendline("3 monthly, no targets yet")
    child.expect_exact("Evidence for this level")  # optional at a terminal: Enter skips it
    child.sendline("")
    child.expect_exact("question 3/5")
    child.expect_exact("> ")
    child.sendintr()
    child.expect_exact("Interrupted.")
    child.expect_exact("Stopped at challenge 1, question 3/5.")
    child.expect_exact("Continue with: csm-check interactive --answers csm-answers.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    # the plain prompt with NO_COLOR: no escape sequences at all
    assert "\x1b[" not in transcript.getvalue()
    assert "[bold]" in transcript.getvalue()  # user text is shown, not read as markup

    path = tmp_path / "csm-answers.yaml"
    answers = load_answers(path, model)
    assert answers.organisation == "ACME [bold]GmbH"
    assert answers.get("talent.attrition-rate") == Answer("answered", 2)
    assert answers.get("talent.employee-nps") == Answer("answered", 3, "monthly, no targets yet")
    assert answers.get("talent.ai-skill-profiles") == Answer("unanswered")

    again = spawn(tmp_path)
    again.expect_exact("2 of 50 already answered; continuing with challenge 1, question 3.")
    again.expect_exact("Organisation (Enter keeps: ACME [bold]GmbH): ")
    again.sendline("")
    again.expect_exact("Your name: ")
    again.sendline("")
    again.expect_exact("Your role: ")
    again.sendline("")
    again.expect_exact("[1/10 Talent] question 3/5")
    again.expect_exact("> ")
    again.sendline("b")
    again.expect_exact("Current answer: 3 The eNPS is measured per team")  # its own level
    again.expect_exact("> ")
    again.sendline("")
    again.expect_exact("question 3/5")
    again.expect_exact("> ")
    again.sendline("n no new agents this year")
    again.expect_exact("question 4/5")
    again.expect_exact("> ")
    again.sendline("q")
    again.expect_exact("Continue with:")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0
    resumed = load_answers(path, model)
    assert resumed.get("talent.ai-skill-profiles") == Answer(
        "not_applicable", None, "no new agents this year"
    )
    assert resumed.organisation == "ACME [bold]GmbH"


def test_dumb_terminal_in_german_end_of_input(tmp_path: Path, model: Model) -> None:
    child = spawn(
        tmp_path, "--lang", "de", "--only", "compliance", "--answers", "a.yaml", term="dumb"
    )
    child.expect_exact("Offene Fragen: 6 von 6.")
    child.expect_exact("Organisation: ")
    child.sendline("")
    child.expect_exact("Ihr Name: ")
    child.sendline("")
    child.expect_exact("Herausforderung 7/10")
    child.expect_exact("Frage 1/6")
    child.expect_exact("> ")
    child.sendline("?")
    child.expect_exact("Stufen")
    child.expect_exact("> ")
    child.sendline("4")
    child.expect_exact("Frage 2/6")
    child.expect_exact("> ")
    child.sendeof()
    child.expect_exact("Ende der Eingabe")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    answers = load_answers(tmp_path / "a.yaml", model)
    assert answers.language == "de"
    assert answers.get("compliance.bot-disclosure") == Answer("answered", 4)
