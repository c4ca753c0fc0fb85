"""The versions of one file in a git repository's history, read with the `git` command.

A subprocess rather than a git library: CI machines that hold the history already have
git, and csm-check needs two plumbing calls, not a dependency. Renames are followed
(`--follow`); commits that delete the file, or leave its content as it was (a rename), are
left out. Every failure (git missing, not a
repository, a file never committed) is a CsmCheckError: exit code 2, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from csm_check.errors import CsmCheckError
from csm_check.i18n import msg


@dataclass(frozen=True)
class Version:
    commit: str
    committed_on: str  # ISO date of the commit (committer date, in its own time zone)
    path: str  # the file's path in that commit, from the repository's top
    data: bytes  # as committed; the caller decodes and checks it (a bad version is skipped)


def _git(folder: Path, *args: str) -> bytes:
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=folder,
            capture_output=True,
            env=environment,
            check=False,
            timeout=120,
        )
    except FileNotFoundError:
        raise CsmCheckError(msg("err.git_missing")) from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise CsmCheckError(msg("err.git_failed", reason=str(error))) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CsmCheckError(msg("err.git_failed", reason=reason[0] if reason else done.returncode))
    return done.stdout


def is_shallow(file: Path) -> bool:
    """A shallow clone (CI checkouts often are) holds only the latest commits."""
    folder = file.parent if str(file.parent) else Path(".")
    return _git(folder, "rev-parse", "--is-shallow-repository").strip() == b"true"


def versions(file: Path) -> list[Version]:
    """Every committed version of `file` that changed its content, oldest first."""
    display = str(file)
    folder = file.parent if str(file.parent) else Path(".")
    if not folder.is_dir():
        raise CsmCheckError(msg("err.not_found"), display)
    try:
        _git(folder, "rev-parse", "--show-toplevel")
    except CsmCheckError as error:
        if error.message == msg("err.git_missing"):
            raise
        raise CsmCheckError(msg("err.git_not_repository"), display) from None
    try:
        _git(folder, "rev-parse", "--verify", "--quiet", "HEAD")
    except CsmCheckError:  # a repository without any commit yet
        raise CsmCheckError(msg("err.git_never_committed"), display) from None
    log = _git(
        folder,
        "log",
        "--follow",
        "--diff-filter=d",
        "--name-only",
        "--format=%x01%H%x00%cI",
        "--",
        file.name,
    ).decode("utf-8", "replace")
    found: list[Version] = []
    for record in log.split("\x01")[1:]:
        head, _, rest = record.partition("\n")
        commit, _, date = head.partition("\x00")
        paths = [line for line in rest.splitlines() if line.strip()]
        if not paths:
            continue
        raw = _git(folder, "show", f"{commit}:{paths[0]}")
        found.append(Version(commit, date[:10], paths[0], raw))
    if not found:
        raise CsmCheckError(msg("err.git_never_committed"), display)
    oldest_first: list[Version] = []
    for version in reversed(found):  # a rename (same content) is not a new assessment
        if not oldest_first or oldest_first[-1].data != version.data:
            oldest_first.append(version)
    return oldest_first
