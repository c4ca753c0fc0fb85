"""Issue 9, the interview: one writer per answers file. A second interview on a locked file
refuses to start; a file changed by another program during the interview is left as it is
and this interview's answers go to FILE.conflict-<time>.yaml (exit 2); an interview that
changed nothing writes nothing."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import RenderableType
from typer.testing import CliRunner, Result

from conftest import run_cli
from csm_check.cli import app
from csm_check.interview import terminal
from csm_check.interview.guard import conflict_path, lock_path
from csm_check.interview.setup import close_session, open_session
from csm_check.loading import load_answers
from csm_check.model import Model

OTHER = 'schema_version: 1\nlanguage: en\nanswers:\n  base.a: {level: 4, note: "editor"}\n'
NO_LANGUAGE = "# my notes\nschema_version: 1\nanswers:\n  base.a: 1  # keep this comment\n"


def interview(runner: CliRunner, path: Path, model_file: Path, lines: list[str]) -> Result:
    result = runner.invoke(
        app,
        ["interactive", "--answers", str(path), "--challenges", str(model_file), "--lang", "en"],
        input="".join(line + "\n" for line in lines),
    )
    assert "Traceback" not in result.output
    return result


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_second_interview_on_a_locked_file_refuses(
    runner: CliRunner, tmp_path: Path, tiny_model_file: Path
) -> None:
    path = tmp_path / "answers.yaml"
    first = open_session(path, model_file=tiny_model_file, lang="en")
    lock = lock_path(path)
    try:
        result = interview(runner, path, tiny_model_file, ["", "", "2", "q"])
        assert result.exit_code == 2
        assert f"{path}:1:1: another interview is using this file (lock {lock}, process " in (
            result.stderr
        )
        assert not path.exists()  # nothing asked, nothing written
    finally:
        close_session(first)
    assert not lock.exists()
    result = interview(runner, path, tiny_model_file, ["", "", "2", "q"])
    assert result.exit_code == 0, result.output
    assert listing(tmp_path) == ["answers.yaml", "tiny.yaml"]  # the lock file is gone again


def test_lock_held_by_another_process_names_it(
    runner: CliRunner, tmp_path: Path, tiny_model_file: Path
) -> None:
    path = tmp_path / "answers.yaml"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from pathlib import Path\n"
            "from csm_check.interview.guard import AnswersLock\n"
            "AnswersLock.acquire(Path(sys.argv[1]), 'en')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        result = interview(runner, path, tiny_model_file, ["", "", "2", "q"])
    finally:
        holder.communicate("")
    assert result.exit_code == 2
    assert f"(lock {lock_path(path)}, process {holder.pid}); finish it first" in result.stderr
    # the holder died: the kernel released its lock, a new interview runs
    assert interview(runner, path, tiny_model_file, ["", "", "2", "q"]).exit_code == 0


class Meddling:
    """The console terminal, replaying lines; before line `at` another program writes."""

    def __init__(self, lines: list[str], at: int, meddle: Callable[[], object]) -> None:
        self.lines, self.at, self.meddle, self.count = lines, at, meddle, 0
        self.errors: list[str] = []

    def terminal(self) -> terminal.Terminal:
        return terminal.Terminal(read=self.read, show=self.show, raw=self.raw, err=self.err)

    def read(self, prompt: str) -> str:
        if self.count == self.at:
            self.meddle()
        self.count += 1
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)

    def show(self, renderable: RenderableType) -> None:
        pass

    def raw(self, text: str) -> None:
        pass

    def err(self, line: str) -> None:
        self.errors.append(line)


def test_file_changed_by_another_program_is_kept_and_ours_saved_aside(
    runner: CliRunner,
    tmp_path: Path,
    tiny_model_file: Path,
    tiny_model: Model,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "answers.yaml"
    script = Meddling(["", "", "2", "3", "q"], 3, lambda: path.write_text(OTHER, "utf-8"))
    monkeypatch.setattr(terminal, "console_terminal", script.terminal)
    result = run_cli(
        runner, "interactive", "--answers", path, "--challenges", tiny_model_file, "--lang", "en"
    )
    assert result.exit_code == 2
    assert path.read_text(encoding="utf-8") == OTHER  # the other program's file, untouched
    copies = [p for p in tmp_path.iterdir() if ".conflict-" in p.name]
    assert len(copies) == 1 and copies[0].name.startswith("answers.yaml.conflict-")
    ours = load_answers(copies[0], tiny_model)
    assert (ours.get("base.a").level, ours.get("base.b").level) == (2, 3)
    assert (
        f"{path}:1:1: another program changed this file during the interview; it was left as "
        f"it is, and this interview's answers were saved to {copies[0]}" in result.stderr
    )
    assert not lock_path(path).exists()


def test_file_deleted_during_the_interview_is_a_conflict_too(
    runner: CliRunner,
    tmp_path: Path,
    tiny_model_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(OTHER, encoding="utf-8")
    script = Meddling(["", "", "3", "q"], 2, path.unlink)
    monkeypatch.setattr(terminal, "console_terminal", script.terminal)
    result = run_cli(runner, "interactive", "--answers", path, "--challenges", tiny_model_file)
    assert result.exit_code == 2
    assert not path.exists()
    assert "another program changed this file" in result.stderr


def test_conflict_names_do_not_collide(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "a.yaml"
    now = dt.datetime(2026, 11, 30, 1, 2, 3)
    first = conflict_path(path, now)
    first.write_text("x", encoding="utf-8")
    assert first.name == "a.yaml.conflict-20261130T010203.yaml"
    assert conflict_path(path, now).name == "a.yaml.conflict-20261130T010203-2.yaml"


def test_interview_without_answers_keeps_the_file_byte_for_byte(
    runner: CliRunner, tmp_path: Path, tiny_model_file: Path
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(NO_LANGUAGE, encoding="utf-8")
    before = path.stat().st_mtime_ns
    result = interview(runner, path, tiny_model_file, [])  # like </dev/null
    assert result.exit_code == 1
    assert path.read_text(encoding="utf-8") == NO_LANGUAGE  # comments kept, no language added
    assert path.stat().st_mtime_ns == before
    assert listing(tmp_path) == ["answers.yaml", "tiny.yaml"]


@pytest.mark.parametrize("lines", [[], ["", "", "q"], ["", "", "s", "s", "q"]])
def test_interview_that_changed_nothing_creates_no_file(
    runner: CliRunner, tmp_path: Path, tiny_model_file: Path, lines: list[str]
) -> None:
    path = tmp_path / "answers.yaml"
    result = interview(runner, path, tiny_model_file, lines)
    assert result.exit_code in (0, 1), result.output
    assert listing(tmp_path) == ["tiny.yaml"]


def test_interview_that_answers_still_saves(
    runner: CliRunner, tmp_path: Path, tiny_model_file: Path, tiny_model: Model
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(NO_LANGUAGE, encoding="utf-8")
    result = interview(runner, path, tiny_model_file, ["", "", "3", "q"])
    assert result.exit_code == 0, result.output
    answers = load_answers(path, tiny_model)
    assert (answers.language, answers.get("base.b").level) == ("en", 3)
