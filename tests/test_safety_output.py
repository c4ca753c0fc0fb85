"""Issue 9, outputs: nothing lost. Special files are written in place, never replaced; all
outputs of a command are written together or not at all; inputs and answers files are not
overwritten without --force; temporaries of killed runs are cleaned up."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE, run_cli
from csm_check.atomicfile import OutputTransaction, remove_stale_temporaries, temp_name
from csm_check.errors import OutputError

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "a.yaml"
    path.write_text(EXAMPLE_TEXT, encoding="utf-8")
    return path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_fifo_output_is_written_in_place(runner: CliRunner, tmp_path: Path, answers: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the write
    try:
        result = run_cli(runner, "score", answers, "-f", "json", "-o", fifo)
        data = b""
        while chunk := os.read(reader, 65536):
            data += chunk
    finally:
        os.close(reader)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a FIFO, not a regular file
    assert json.loads(data)["tool"] == "csm-check"
    assert listing(tmp_path) == ["a.yaml", "pipe"]


def test_fifo_without_reader_is_an_error_not_a_hang(
    runner: CliRunner, tmp_path: Path, answers: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_cli(runner, "score", answers, "-o", fifo)
    assert result.exit_code == 2
    assert f"{fifo}:1:1: cannot write: no program reads from this pipe (FIFO)" in result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_symlink_to_a_fifo_is_written_through(
    runner: CliRunner, tmp_path: Path, answers: Path
) -> None:
    """Like /dev/stdout: a link to something that is not a regular file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "stdout"
    link.symlink_to(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = run_cli(runner, "score", answers, "-f", "markdown", "-o", link)
        data = os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and stat.S_ISFIFO(fifo.stat().st_mode)
    assert data.startswith(b"# ")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
def test_character_device_is_not_replaced(runner: CliRunner, tmp_path: Path, answers: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o620, os.makedev(1, 3))  # the null device
    except PermissionError:
        pytest.skip("mknod is not permitted here")
    device.chmod(0o620)
    result = run_cli(runner, "score", answers, "-o", device, "--chart", tmp_path / "c.svg")
    assert result.exit_code == 0, result.output
    info = device.stat()
    assert stat.S_ISCHR(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o620
    assert info.st_rdev == os.makedev(1, 3)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_owner_and_mode_of_a_replaced_file_are_kept(
    runner: CliRunner, tmp_path: Path, answers: Path
) -> None:
    report = tmp_path / "report.md"
    report.write_text("old\n", encoding="utf-8")
    os.chown(report, 4321, 4322)
    report.chmod(0o640)
    result = run_cli(runner, "score", answers, "-f", "markdown", "-o", report)
    assert result.exit_code == 0, result.output
    info = report.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 4322, 0o640)
    assert report.read_text(encoding="utf-8").startswith("# ")


def test_dash_means_stdout(runner: CliRunner, tmp_path: Path, answers: Path) -> None:
    result = run_cli(runner, "score", answers, "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["tool"] == "csm-check"
    assert listing(tmp_path) == ["a.yaml"]


def test_hard_link_keeps_the_old_content_under_its_other_name(
    runner: CliRunner, tmp_path: Path, answers: Path
) -> None:
    report = tmp_path / "report.md"
    report.write_text("old\n", encoding="utf-8")
    other = tmp_path / "other.md"
    os.link(report, other)
    result = run_cli(runner, "score", answers, "-f", "markdown", "-o", report)
    assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8").startswith("# ")
    assert other.read_text(encoding="utf-8") == "old\n"  # as the README says


@pytest.mark.parametrize(
    "args",
    [
        ["score", "{a}", "-o", "{loop}"],
        ["score", "{a}", "--chart", "{loop}"],
        ["template", "-o", "{loop}"],
        ["score", "{loop}"],
        ["interactive", "--answers", "{loop}"],
    ],
    ids=["score-o", "chart", "template-o", "score-input", "interactive"],
)
def test_symlink_loop_is_an_error_not_a_crash(
    runner: CliRunner, tmp_path: Path, answers: Path, args: list[str]
) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(loop)
    argv = [arg.format(a=answers, loop=loop) for arg in args]
    result = run_cli(runner, *argv)
    assert result.exit_code == 2, result.output
    assert f"{loop}:1:1: " in result.stderr
    assert "symbolic links" in result.stderr
    assert not isinstance(result.exception, RuntimeError)
    if args[0] == "interactive":
        assert "Organisation" not in result.stdout  # refused before the first question


def test_failed_output_leaves_the_chart_unwritten(
    runner: CliRunner, tmp_path: Path, answers: Path
) -> None:
    chart = tmp_path / "chart.svg"
    chart.write_text("old chart\n", encoding="utf-8")
    result = run_cli(
        runner, "score", answers, "-o", tmp_path / "missing" / "r.md", "--chart", chart
    )
    assert result.exit_code == 2
    assert "cannot write file" in result.stderr
    assert chart.read_text(encoding="utf-8") == "old chart\n"
    assert listing(tmp_path) == ["a.yaml", "chart.svg"]  # no temporary left


def test_transaction_writes_all_or_nothing(tmp_path: Path) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    with pytest.raises(OutputError), OutputTransaction() as transaction:
        transaction.stage(first, "1\n")
        transaction.stage(tmp_path / "no" / "two.txt", "2\n")
    assert listing(tmp_path) == []
    with OutputTransaction() as transaction:
        transaction.stage(first, "1\n")
        transaction.stage(second, "2\n")
        assert len(listing(tmp_path)) == 2 and all(".csm-check-" in n for n in listing(tmp_path))
        transaction.commit()
    assert listing(tmp_path) == ["one.txt", "two.txt"]


def test_temporaries_of_a_killed_run_are_removed(
    runner: CliRunner, tmp_path: Path, answers: Path
) -> None:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead = int(finished.stdout)
    stale = tmp_path / f".report.md.csm-check-{dead}-0123abcd.tmp"
    stale.write_text("half a rep", encoding="utf-8")
    alive = tmp_path / temp_name("report.md")  # this process runs: its file stays
    alive.write_text("in progress", encoding="utf-8")
    other = tmp_path / ".report.md.1234.tmp"  # not ours: never touched
    other.write_text("x", encoding="utf-8")
    result = run_cli(runner, "score", answers, "-f", "markdown", "-o", tmp_path / "report.md")
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert alive.exists() and other.exists()
    assert remove_stale_temporaries(tmp_path) == []


def test_killed_interview_leaves_a_temporary_that_the_next_run_removes(tmp_path: Path) -> None:
    """A process killed between writing its temporary and the rename."""
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from csm_check import atomicfile\n"
        "atomicfile.os.replace = lambda *a: os._exit(9)\n"
        "atomicfile.atomic_write_text(Path(sys.argv[1]), 'new')\n"
    )
    target = tmp_path / "csm-answers.yaml"
    killed = subprocess.run([sys.executable, "-c", script, str(target)], check=False)
    assert killed.returncode == 9
    assert [n for n in listing(tmp_path) if n.endswith(".tmp")]
    remove_stale_temporaries(tmp_path)
    assert listing(tmp_path) == []


# -- issue 9.2: an answers file is never replaced by something else without --force --------


def test_template_refuses_an_existing_file(runner: CliRunner, answers: Path) -> None:
    result = run_cli(runner, "template", "-o", answers)
    assert result.exit_code == 2
    assert f"{answers}:1:1: exists already; an empty template would replace it" in result.stderr
    assert "--force" in result.stderr
    assert answers.read_text(encoding="utf-8") == EXAMPLE_TEXT
    forced = run_cli(runner, "template", "-o", answers, "--force")
    assert forced.exit_code == 0, forced.output
    assert "answers:" in answers.read_text(encoding="utf-8")
    assert answers.read_text(encoding="utf-8") != EXAMPLE_TEXT


@pytest.mark.parametrize("option", ["-o", "--chart"])
def test_score_refuses_to_overwrite_its_input(
    runner: CliRunner, answers: Path, option: str
) -> None:
    result = run_cli(runner, "score", answers, "-f", "markdown", option, answers)
    assert result.exit_code == 2
    assert f"{answers}:1:1: is an input of this command" in result.stderr
    assert answers.read_text(encoding="utf-8") == EXAMPLE_TEXT
    assert result.stdout == ""  # nothing written anywhere


def test_score_refuses_an_input_reached_through_a_symlink_and_a_folder(
    runner: CliRunner, tmp_path: Path, answers: Path
) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(answers)
    result = run_cli(runner, "score", tmp_path, "-o", link)
    assert result.exit_code == 2
    assert "is an input of this command" in result.stderr
    assert answers.read_text(encoding="utf-8") == EXAMPLE_TEXT


def test_score_refuses_another_answers_file_and_force_overrides(
    runner: CliRunner, tmp_path: Path, answers: Path
) -> None:
    other = tmp_path / "b.yaml"
    other.write_text(EXAMPLE_TEXT, encoding="utf-8")
    result = run_cli(runner, "score", answers, "-o", other)
    assert result.exit_code == 2
    assert "holds an answers file" in result.stderr
    forced = run_cli(runner, "score", answers, "-f", "markdown", "-o", other, "--force")
    assert forced.exit_code == 0, forced.output
    assert other.read_text(encoding="utf-8").startswith("# ")


def test_compare_refuses_to_overwrite_an_input(
    runner: CliRunner, tmp_path: Path, answers: Path
) -> None:
    result = run_cli(runner, "compare", EXAMPLE, answers, "-o", answers)
    assert result.exit_code == 2
    assert "is an input of this command" in result.stderr
    assert answers.read_text(encoding="utf-8") == EXAMPLE_TEXT


def test_report_files_are_still_replaced(runner: CliRunner, tmp_path: Path, answers: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("{}\n", encoding="utf-8")
    result = run_cli(runner, "score", answers, "-f", "json", "-o", report)
    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text(encoding="utf-8"))["tool"] == "csm-check"


def test_same_output_twice_is_refused(runner: CliRunner, tmp_path: Path, answers: Path) -> None:
    target = tmp_path / "out.md"
    result = run_cli(runner, "score", answers, "-o", target, "--chart", target)
    assert result.exit_code == 2
    assert f"{target}:1:1: named twice as an output of this command" in result.stderr
    assert listing(tmp_path) == ["a.yaml"]


def test_settings_file_is_protected_as_an_input(
    runner: CliRunner, tmp_path: Path, answers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("csm-check.yaml").write_text("top: 3\n", encoding="utf-8")
    result = run_cli(runner, "score", answers, "-o", "csm-check.yaml")
    assert result.exit_code == 2
    assert "csm-check.yaml:1:1: is an input of this command" in result.stderr
    assert Path("csm-check.yaml").read_text(encoding="utf-8") == "top: 3\n"
