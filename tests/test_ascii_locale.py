"""LANG=C gets ASCII symbols, even in Python's UTF-8 mode (issue 11, item 8)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from csm_check.render.capabilities import locale_is_utf8

REPO = Path(__file__).resolve().parents[1]
NON_ASCII = re.compile(r"[^\x00-\x7f]")


@pytest.mark.parametrize(
    ("environ", "startup", "expected"),
    [
        ({"LANG": "C"}, {"LANG": "C"}, False),
        ({"LANG": "de_DE.UTF-8"}, {"LANG": "de_DE.UTF-8"}, True),
        ({"LANG": "en_US.utf8"}, None, True),
        ({"LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}, {}, False),
        # Python's coercion set LC_CTYPE; the person's LANG=C still counts
        ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, {"LANG": "C"}, False),
        ({"LC_CTYPE": "C.UTF-8", "LANG": "C"}, {"LC_CTYPE": "C.UTF-8", "LANG": "C"}, True),
        ({}, {}, True),
    ],
)
def test_locale_is_utf8(
    environ: dict[str, str], startup: dict[str, str] | None, expected: bool
) -> None:
    assert locale_is_utf8(environ, startup if startup is not None else environ) is expected


def run(tmp_path: Path, args: list[str], stdin: str, *, utf8_mode: bool) -> str:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "LANG": "C"}
    if utf8_mode:
        env["PYTHONUTF8"] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "csm_check", *args],
        input=stdin.encode("ascii"),
        capture_output=True,
        cwd=tmp_path,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize("utf8_mode", [False, True])
def test_lang_c_score_and_interview_print_only_ascii(tmp_path: Path, utf8_mode: bool) -> None:
    example = str(REPO / "examples" / "beispiel-service.yaml")
    score = run(tmp_path, ["score", "--lang", "en", example], "", utf8_mode=utf8_mode)
    assert "Readiness scorecard" in score
    assert NON_ASCII.findall(score) == []
    lines = "\n\n2\n3 monthly\nn no bot\n?\nq\n"
    out = run(tmp_path, ["interactive", "--answers", "a.yaml"], lines, utf8_mode=utf8_mode)
    assert "question 3/5" in out
    assert NON_ASCII.findall(out) == []
