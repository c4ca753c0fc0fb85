"""Atomic writes keep what a user set up around the file: its permissions and its symlink."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from csm_check.atomicfile import atomic_write_text
from csm_check.errors import OutputError


def test_replaces_content_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "answers.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yaml"]  # no temp file left


def test_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "answers.yaml"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "csm-answers.yaml"
    link.symlink_to(real)
    atomic_write_text(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        atomic_write_text(tmp_path / "no-such-folder" / "report.json", "{}\n")
    assert caught.value.exit_code == 2
    assert "cannot write" in caught.value.message


def test_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write_text(tmp_path / "report.md", "# x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.md").stat().st_mode) == 0o640
