"""Writing a file so that a reader sees the old content or the new, never half of either.

Temporary file in the same folder, write, flush, fsync, keep the old file's permissions,
rename over the target, then fsync the folder so the rename survives a power cut. A symlink
is written through, not replaced by a regular file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from csm_check.errors import OutputError, os_reason
from csm_check.i18n import msg


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` (UTF-8, LF line ends) to `path` atomically."""
    target = path.resolve() if path.is_symlink() else path
    directory = target.parent if str(target.parent) else Path(".")
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        descriptor, temp_name = tempfile.mkstemp(
            dir=directory, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise OutputError(msg("err.cannot_write", reason=os_reason(error)), str(path)) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(error, OSError):
            raise OutputError(msg("err.cannot_write", reason=os_reason(error)), str(path)) from None
        raise
    _sync_folder(directory)


def _sync_folder(directory: Path) -> None:
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
