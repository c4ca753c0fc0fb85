"""One writer per answers file: an advisory lock for the interview's lifetime, and a check
before every save that nobody else changed the file since the interview read or wrote it.

The lock is `fcntl.flock` on a side file, `.NAME.csm-check.lock` next to the answers file
(the answers file itself is replaced on every save, so a lock on it would not last). It
holds the owner's process id for the message a second interview shows, and is removed when
the interview ends; the kernel releases it if the process dies. Without fcntl (Windows)
there is no lock, but the change check still protects the other program's file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from pathlib import Path

from csm_check.errors import CsmCheckError, os_reason, printable
from csm_check.i18n import Language, msg, t
from csm_check.yamlio.read import read_text

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


def lock_path(path: Path) -> Path:
    """The side file locked for `path`; two names of one file (a symlink) share it."""
    real = Path(os.path.realpath(path))
    return real.parent / f".{real.name}.csm-check.lock"


class AnswersLock:
    """An exclusive, non-blocking lock; `release` ends it (and removes the side file)."""

    def __init__(self, path: Path, descriptor: int | None) -> None:
        self.path = path
        self._descriptor = descriptor

    @classmethod
    def acquire(cls, answers: Path, language: Language) -> AnswersLock:
        path = lock_path(answers)
        if fcntl is None:  # pragma: no cover - not POSIX
            return cls(path, None)
        for _ in range(10):  # the file can be removed by its last owner between open and lock
            try:
                descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            except OSError as error:
                reason = msg("err.cannot_write", reason=os_reason(error))
                raise CsmCheckError(reason, str(path)) from None
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                owner = _owner(descriptor)
                os.close(descriptor)
                message = t("interview.locked", language, lock=printable(str(path)), pid=owner)
                raise CsmCheckError(message, str(answers)) from None
            try:
                current = os.stat(path).st_ino
            except FileNotFoundError:
                current = -1
            if current == os.fstat(descriptor).st_ino:
                os.ftruncate(descriptor, 0)
                os.write(descriptor, f"{os.getpid()}\n".encode())
                return cls(path, descriptor)
            os.close(descriptor)  # locked a file that was removed meanwhile: try again
        raise CsmCheckError(  # pragma: no cover - ten races in a row
            t("interview.locked", language, lock=printable(str(path)), pid="?"), str(answers)
        )

    def release(self) -> None:
        if self._descriptor is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)  # while still locked: nobody else holds this inode
        os.close(self._descriptor)
        self._descriptor = None


def _owner(descriptor: int) -> str:
    with contextlib.suppress(OSError, ValueError):
        text = os.pread(descriptor, 32, 0).decode("ascii").strip()
        if text.isdigit():
            return text
    return "?"


def fingerprint(text: str | None) -> str | None:
    """What the interview last saw of the file: None when there was no file."""
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def disk_text(path: Path) -> str | None:
    """The file's text as read_text reads it (bounded), or None when it does not exist."""
    if not os.path.lexists(path):
        return None
    try:
        return read_text(path, str(path))
    except CsmCheckError:
        # unreadable, too large or not UTF-8 now: certainly not what we wrote
        return "\0changed"


def conflict_path(path: Path, now: dt.datetime | None = None) -> Path:
    """`FILE.conflict-<time>.yaml` next to FILE, not yet taken."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.conflict-{stamp}.yaml")
    number = 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}.conflict-{stamp}-{number}.yaml")
        number += 1
    return candidate
