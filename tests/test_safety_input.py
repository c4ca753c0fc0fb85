"""Issue 9, inputs: every read is bounded (1 MiB), whatever the file is; a FIFO without a
writer is an error after a timeout, not a hang; `-` reads standard input."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE, run_cli
from csm_check.yamlio import read

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


def _writer(path: Path, data: bytes | None) -> threading.Thread:
    """Write `data` into the FIFO and close it; with None, write until the reader leaves."""

    def write() -> None:
        with open(path, "wb") as handle:
            try:
                if data is not None:
                    handle.write(data)
                    return
                block = b"x" * 65536
                while True:
                    handle.write(block)
            except BrokenPipeError:
                pass

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(read, "READ_TIMEOUT", 0.2)
    yield


@pytest.mark.usefixtures("short_timeout")
@pytest.mark.parametrize("command", ["score", "validate"])
def test_fifo_without_a_writer_is_an_error_not_a_hang(
    runner: CliRunner, fifo: Path, command: str
) -> None:
    result = run_cli(runner, command, fifo)
    assert result.exit_code == 2
    assert f"{fifo}:1:1: no data within 0 seconds (a pipe that no program writes to?)" in (
        result.stderr
    )


def test_fifo_with_a_writer_is_read(runner: CliRunner, fifo: Path) -> None:
    thread = _writer(fifo, EXAMPLE_TEXT.encode("utf-8"))
    result = run_cli(runner, "score", fifo, "-f", "json")
    thread.join(5)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["organisation"] == "Beispiel Service GmbH"


def test_endless_stream_stops_at_the_limit(runner: CliRunner, fifo: Path) -> None:
    """Like /dev/zero or `yes |`: the size of a stream is unknown, so reading stops at 1 MiB."""
    thread = _writer(fifo, None)
    result = run_cli(runner, "score", fifo)
    thread.join(5)
    assert not thread.is_alive()
    assert result.exit_code == 2
    assert f"{fifo}:1:1: input is more than 1,048,576 bytes (1 MiB), the limit" in result.stderr


def test_stdin_over_the_limit(runner: CliRunner) -> None:
    from csm_check.cli import app

    result = runner.invoke(app, ["score", "-"], input="y\n" * (600 * 1024))
    assert result.exit_code == 2
    assert "<stdin>:1:1: input is more than 1,048,576 bytes (1 MiB), the limit" in result.stderr


@pytest.mark.parametrize("command", [["score", "-f", "json"], ["validate"]])
def test_dash_reads_stdin(runner: CliRunner, command: list[str]) -> None:
    from csm_check.cli import app

    result = runner.invoke(app, [*command, "-"], input=EXAMPLE_TEXT)
    assert result.exit_code == 0, result.output
    if command[0] == "score":
        assert json.loads(result.stdout)["respondent"] == "Jana Muster"
    else:
        assert result.stdout.startswith("-: ok (45/50 answered)")


def test_compare_reads_one_side_from_stdin(runner: CliRunner) -> None:
    from csm_check.cli import app

    result = runner.invoke(app, ["compare", "-", str(EXAMPLE), "-f", "json"], input=EXAMPLE_TEXT)
    assert result.exit_code == 0, result.output
    overall = json.loads(result.stdout)["overall"]
    assert overall["old_score"] == overall["new_score"] == 44.7
    twice = runner.invoke(app, ["compare", "-", "-"], input=EXAMPLE_TEXT)
    assert twice.exit_code == 2
    assert "standard input (-) can be read only once" in twice.stderr


def test_invalid_stdin_is_located_as_stdin(runner: CliRunner) -> None:
    from csm_check.cli import app

    result = runner.invoke(app, ["validate", "-"], input="answers: [\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("<stdin>:")
