"""Issue 9, broken pipe: a reader that goes away (`csm-check challenges | head -1`) is not a
failure. csm-check stops writing quietly and exits as it would otherwise: 0, or the gate's 1
or the 2 of invalid input, never a silent 1 that reads as "gate failed"."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import EXAMPLE


def closed_stdout(*args: str) -> tuple[int, str]:
    """Run csm-check with a stdout pipe that is closed before it writes anything."""
    process = subprocess.Popen(
        [sys.executable, "-m", "csm_check", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"NO_COLOR": "1", "COLUMNS": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read().decode("utf-8")
    process.stderr.close()
    return process.wait(timeout=60), errors


@pytest.mark.parametrize(
    "args",
    [
        ["challenges"],
        ["--help"],
        ["--version"],
        ["validate", str(EXAMPLE)],
        ["score", str(EXAMPLE)],
        ["score", str(EXAMPLE), "-f", "json"],
        ["schema", "report"],
        ["template"],
        ["compare", str(EXAMPLE), str(EXAMPLE)],
    ],
    ids=lambda args: " ".join(a.rsplit("/", 1)[-1] for a in args),
)
def test_broken_pipe_exits_0_quietly(args: list[str]) -> None:
    code, errors = closed_stdout(*args)
    assert (code, errors) == (0, "")


def test_broken_pipe_keeps_a_real_gate_failure() -> None:
    code, errors = closed_stdout("score", str(EXAMPLE), "-f", "json", "--fail-under", "90")
    assert code == 1
    assert "44,7 liegt unter --fail-under 90" in errors  # the example answers in German
    assert "Traceback" not in errors and "Broken pipe" not in errors
