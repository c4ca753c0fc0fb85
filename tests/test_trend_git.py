"""`csm-check trend --git FILE`: the versions of one answers file in a temporary repository.

Three commits of the quarters of test_trend.py (Q1 without assessed_on: it takes its commit
date, 2026-04-02), then a commit with an invalid level (skipped with a warning naming the
commit), then a rename: the history is followed. Skipped when git is not installed; `.ci/run`
installs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CASES, TINY_MODEL
from conftest import run_cli as run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str, date: str = "2026-10-01T09:00:00+02:00") -> str:
    environment = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def commit(repo: Path, name: str, text: str, date: str) -> str:
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", f"update {name}", date=date)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (tmp_path / "tiny.yaml").write_text(TINY_MODEL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return repo


def quarter(name: str) -> str:
    return (CASES / "trend" / name).read_text(encoding="utf-8")


def test_three_commits(runner: CliRunner, repo: Path) -> None:
    undated = quarter("q1.yaml").replace("assessed_on: 2026-03-31\n", "")
    first = commit(repo, "answers.yaml", undated, "2026-04-02T10:00:00+02:00")
    second = commit(repo, "answers.yaml", quarter("q2.yaml"), "2026-07-01T10:00:00+02:00")
    broken = commit(
        repo, "answers.yaml", "schema_version: 1\nanswers:\n  base.a: 9\n", "2026-08-01T10:00:00"
    )
    git(repo, "mv", "answers.yaml", "csm-answers.yaml")
    git(repo, "commit", "-q", "-m", "rename", date="2026-08-02T10:00:00+02:00")
    third = commit(repo, "csm-answers.yaml", quarter("q3.yaml"), "2026-10-01T10:00:00+02:00")
    result = run(
        runner, "trend", "--git", "repo/csm-answers.yaml", "--challenges", "tiny.yaml", "-f", "json"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    points = [(p["name"], p["date"], p["date_source"], p["commit"]) for p in data["points"]]
    assert points == [
        (f"repo/csm-answers.yaml@{first[:7]}", "2026-04-02", "commit", first),
        (f"repo/csm-answers.yaml@{second[:7]}", "2026-06-30", "assessed_on", second),
        (f"repo/csm-answers.yaml@{third[:7]}", "2026-09-30", "assessed_on", third),
    ]
    assert [v["score"] for v in data["overall"]["values"]] == [51.4, 66.7, 69.8]
    assert [s["change"] for s in data["gains"]] == [50.0, 31.2, 25.0]
    assert [s["change"] for s in data["drops"]] == [-50.0]
    assert result.stderr == (
        f"warning: skipped commit {broken[:7]}: repo/csm-answers.yaml@{broken[:7]}:3:11: "
        "level must be a whole number from 0 to 4 or n/a, got 9 (hint: levels run from 0 "
        "(not in place) to 4 (measured and improving))\n"
    )
    table = run(runner, "trend", "--git", "repo/csm-answers.yaml", "--challenges", "tiny.yaml")
    assert f"1. 2026-04-02 (commit date): repo/csm-answers.yaml@{first[:7]}" in table.stdout


def test_a_version_that_is_not_utf8_is_skipped(runner: CliRunner, repo: Path) -> None:
    commit(repo, "answers.yaml", quarter("q1.yaml"), "2026-04-02T10:00:00+02:00")
    (repo / "answers.yaml").write_bytes(b"schema_version: 1\norganisation: \xff\n")
    git(repo, "commit", "-q", "-am", "latin-1", date="2026-05-02T10:00:00+02:00")
    bad = git(repo, "rev-parse", "HEAD").strip()[:7]
    commit(repo, "answers.yaml", quarter("q2.yaml"), "2026-07-01T10:00:00+02:00")
    result = run(runner, "trend", "--git", "repo/answers.yaml", "--challenges", "tiny.yaml")
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: skipped commit {bad}: repo/answers.yaml@{bad}:1:1: not valid UTF-8 (byte 0xff)\n"
    )


def test_a_shallow_clone_is_named(runner: CliRunner, repo: Path) -> None:
    commit(repo, "answers.yaml", quarter("q1.yaml"), "2026-04-02T10:00:00+02:00")
    commit(repo, "answers.yaml", quarter("q2.yaml"), "2026-07-01T10:00:00+02:00")
    git(repo.parent, "clone", "-q", "--depth", "1", f"file://{repo}", "shallow")
    result = run(runner, "trend", "--git", "shallow/answers.yaml", "--challenges", "tiny.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        "a trend needs at least two assessments; found 1 (hint: the repository is a shallow "
        "clone: only the commits it holds are read (git fetch --unshallow; in GitHub Actions, "
        "actions/checkout with fetch-depth: 0))\n"
    )


def test_git_versions_and_files_together(runner: CliRunner, repo: Path) -> None:
    commit(repo, "answers.yaml", quarter("q1.yaml"), "2026-04-02T10:00:00+02:00")
    (repo.parent / "q3.yaml").write_text(quarter("q3.yaml"), encoding="utf-8")
    result = run(
        runner,
        "trend",
        "q3.yaml",
        "--git",
        "repo/answers.yaml",
        "--challenges",
        "tiny.yaml",
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    assert [p["date"] for p in json.loads(result.stdout)["points"]] == ["2026-03-31", "2026-09-30"]


def test_errors_exit_2(runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo.parent / "outside.yaml").write_text(quarter("q1.yaml"), encoding="utf-8")
    (repo / "new.yaml").write_text(quarter("q1.yaml"), encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(repo.parent))

    def fails(path: str, message: str) -> None:
        result = run(runner, "trend", "--git", path, "--challenges", "tiny.yaml")
        assert (result.exit_code, result.stderr) == (2, message)

    fails("outside.yaml", "outside.yaml:1:1: not inside a git repository\n")
    never = "repo/new.yaml:1:1: no committed version of this file in the repository's history\n"
    fails("repo/new.yaml", never)  # a repository without commits
    commit(repo, "other.yaml", quarter("q2.yaml"), "2026-07-01T10:00:00+02:00")
    fails("repo/new.yaml", never)  # commits, but none of this file
    monkeypatch.setenv("PATH", str(repo.parent / "no-such-bin"))
    result = run(runner, "trend", "--git", "repo/new.yaml", "--challenges", "tiny.yaml")
    assert (result.exit_code, result.stderr) == (
        2,
        "git is not installed or not on PATH (needed by --git)\n",
    )
