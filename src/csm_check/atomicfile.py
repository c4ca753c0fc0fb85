"""Writing files so that nothing is lost: a reader sees the old content or the new, never half.

- A regular file (or a new one) is replaced atomically: a temporary file in the same folder,
  write, flush, fsync, the old file's mode (and, where permitted, owner), rename over the
  target, then fsync the folder so the rename survives a power cut. A symlink is written
  through, not replaced by a regular file. A hard link is replaced by a new file under this
  name; the file's other names keep the old content.
- Anything else that exists (a character device such as /dev/null, a FIFO, /dev/stdout) is
  never replaced: it is opened and written in place, so its type, owner and mode stay.
- `OutputTransaction` stages every output of one command as temporaries first and renames
  them only when all were written, so a failure leaves all targets as they were.
- Temporaries are named `.NAME.csm-check-PID-XXXXXXXX.tmp`; one left behind by a run that was
  killed is removed the next time csm-check writes into that folder and PID no longer runs.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from csm_check.errors import OutputError, os_reason
from csm_check.i18n import msg

_TEMP = re.compile(r"^\..*\.csm-check-(?P<pid>[0-9]{1,10})-[0-9a-f]{8}\.tmp$")
_NAME_KEPT = 120  # characters of the target's name in its temporary's name
_SNIFF_BYTES = 64 * 1024


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` (UTF-8, LF line ends) to `path`: atomically for regular files."""
    with OutputTransaction(force=True) as transaction:
        transaction.stage(path, text)
        transaction.commit()


@dataclass
class _Staged:
    path: Path  # as given, for messages
    target: str  # the file that is replaced, or the special file that is written
    temp: str | None  # the temporary for a regular file; None for a special file
    data: bytes
    special: bool = False  # written in place at commit


class OutputTransaction:
    """All outputs of one command, committed together or not at all.

    `protect`: input files that must not be overwritten (exit 2 unless `force`); with
    `fresh`, any existing regular file is refused unless `force`. An existing regular file
    that holds an answers file is always refused unless `force`.
    """

    def __init__(
        self, *, protect: tuple[Path, ...] = (), force: bool = False, fresh: bool = False
    ) -> None:
        self._staged: list[_Staged] = []
        self._protect = protect
        self._force = force
        self._fresh = fresh

    def __enter__(self) -> OutputTransaction:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.abort()

    def stage(self, path: Path, text: str) -> None:
        """Check `path` and write `text` to a temporary next to it (special files: later)."""
        data = text.encode("utf-8")
        try:
            info: os.stat_result | None = os.stat(path)  # follows symlinks; a loop is ELOOP
        except FileNotFoundError:
            info = None
        except OSError as error:
            raise _cannot_write(path, error) from None
        if any(staged.path == path for staged in self._staged):
            raise OutputError(msg("err.output_twice"), str(path))
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise OutputError(msg("err.cannot_write", reason=msg("err.os.EISDIR")), str(path))
        if info is not None and not stat.S_ISREG(info.st_mode):
            self._staged.append(_Staged(path, str(path), None, data, special=True))
            return
        if info is not None and not self._force:
            self._refuse_existing(path, info)
        target = os.path.realpath(path) if os.path.islink(path) else str(path)
        directory = os.path.dirname(target) or "."
        remove_stale_temporaries(directory)
        try:
            descriptor, temp = _create_temp(directory, os.path.basename(target))
        except OSError as error:
            raise _cannot_write(path, error) from None
        self._staged.append(_Staged(path, target, temp, data))
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if info is not None:
                _keep_owner(temp, info)
            os.chmod(temp, stat.S_IMODE(info.st_mode) if info is not None else _default_mode())
        except OSError as error:
            raise _cannot_write(path, error) from None

    def _refuse_existing(self, path: Path, info: os.stat_result) -> None:
        hint = msg("err.output_force.hint")
        for source in self._protect:
            with contextlib.suppress(OSError):
                other = os.stat(source)
                if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                    message = msg("err.with_hint", message=msg("err.output_is_input"), hint=hint)
                    raise OutputError(message, str(path))
        if self._fresh:
            message = msg("err.with_hint", message=msg("err.output_exists"), hint=hint)
            raise OutputError(message, str(path))
        if looks_like_answers(path):
            message = msg("err.with_hint", message=msg("err.output_is_answers"), hint=hint)
            raise OutputError(message, str(path))

    def commit(self) -> None:
        """Rename every temporary over its target, then write the special files."""
        folders: set[str] = set()
        try:
            for staged in self._staged:
                if staged.temp is not None:
                    os.replace(staged.temp, staged.target)
                    staged.temp = None
                    folders.add(os.path.dirname(staged.target) or ".")
        except OSError as error:
            raise _cannot_write(staged.path, error) from None
        for folder in sorted(folders):
            _sync_folder(folder)
        for staged in self._staged:
            if staged.special:
                _write_in_place(staged)
        self._staged.clear()

    def abort(self) -> None:
        """Remove every temporary not yet renamed; the targets stay as they were."""
        for staged in self._staged:
            if staged.temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(staged.temp)
                staged.temp = None
        self._staged.clear()


def _write_in_place(staged: _Staged) -> None:
    """A device, FIFO or /dev/stdout: opened as it is, never replaced. A FIFO that no program
    reads is an error, not a hang (O_NONBLOCK makes the open fail with ENXIO)."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(staged.target, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a FIFO without a reader
            raise OutputError(msg("err.fifo_no_reader"), str(staged.path)) from None
        raise _cannot_write(staged.path, error) from None
    try:
        os.set_blocking(descriptor, True)
        view = memoryview(staged.data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
    except OSError as error:
        raise _cannot_write(staged.path, error) from None
    finally:
        os.close(descriptor)


def looks_like_answers(path: Path | str) -> bool:
    """A regular file that starts like an answers file: `schema_version:` and `answers:` keys."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return bool(
        re.search(rb"^answers[ \t]*:", head, re.MULTILINE)
        and re.search(rb"^schema_version[ \t]*:", head, re.MULTILINE)
    )


def remove_stale_temporaries(directory: str | Path) -> list[str]:
    """Remove csm-check temporaries in `directory` whose process no longer runs."""
    removed: list[str] = []
    if os.name != "posix":
        return removed  # no safe way to ask whether a process runs
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    for name in names:
        match = _TEMP.match(name)
        if match and not _running(int(match["pid"])):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(directory, name))
                removed.append(name)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or a pid we cannot ask about: keep its file
    except OSError:
        return True
    return True


def temp_name(name: str) -> str:
    """A recognisable temporary's name for a target called `name`."""
    return f".{name[:_NAME_KEPT]}.csm-check-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def _create_temp(directory: str, name: str) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        temp = os.path.join(directory, temp_name(name))
        try:
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:  # pragma: no cover - 32 random bits collided
            continue


def _keep_owner(temp: str, info: os.stat_result) -> None:
    """The old file's owner and group where the system lets us (root, or our own group)."""
    if not hasattr(os, "chown"):  # pragma: no cover - not POSIX
        return
    current = os.stat(temp)
    if (current.st_uid, current.st_gid) == (info.st_uid, info.st_gid):
        return
    try:
        os.chown(temp, info.st_uid, info.st_gid)
    except OSError:
        with contextlib.suppress(OSError):
            os.chown(temp, -1, info.st_gid)


def _cannot_write(path: Path, error: OSError) -> OutputError:
    return OutputError(msg("err.cannot_write", reason=os_reason(error)), str(path))


def _sync_folder(directory: str) -> None:
    """Make the rename durable; not every platform or file system can open a folder."""
    with contextlib.suppress(OSError):
        folder = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
