"""The built-in model, validated once and kept as a pickle in the user's cache folder.

Reading the shipped challenges.yaml costs about 10 ms on every `score` (the YAML parse
and building the frozen model); unpickling the validated model costs about 1 ms. The file
name holds everything the pickle depends on: csm-check's and pydantic's versions, the
Python version, the registered languages and the sha256 of the YAML bytes, so an upgrade
or an edited source file misses and is rebuilt. Any problem (no home, a read-only or full
disk, a corrupt or foreign file) falls back silently to parsing: the cache only saves
time, it never changes a result.

CSM_CHECK_CACHE_DIR names the folder; CSM_CHECK_NO_CACHE=1 turns the cache off.
"""

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path

from csm_check import __version__
from csm_check.model import Model

CACHE_DIR_VARIABLE = "CSM_CHECK_CACHE_DIR"
NO_CACHE_VARIABLE = "CSM_CHECK_NO_CACHE"
_MAX_BYTES = 4 * 1024 * 1024  # the shipped model pickles to about 100 KiB


def cache_dir() -> Path | None:
    """The folder for cached models, or None when caching is off or there is no home."""
    if os.environ.get(NO_CACHE_VARIABLE, "").strip() not in ("", "0"):
        return None
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base) / "csm-check"
    home = os.path.expanduser("~")
    if home == "~" or not os.path.isabs(home):
        return None
    return Path(home) / ".cache" / "csm-check"


def cache_file(source: bytes, languages: tuple[str, ...]) -> Path | None:
    """Where the model parsed from `source` (with these languages registered) is kept."""
    folder = cache_dir()
    if folder is None:
        return None
    import pydantic

    key = hashlib.sha256(source)
    for part in (__version__, pydantic.VERSION, sys.version, ",".join(languages)):
        key.update(b"\0" + part.encode("utf-8", "replace"))
    return folder / f"model-{key.hexdigest()[:32]}.pickle"


def read_cached(path: Path) -> Model | None:
    """The model kept at `path`, or None if it is missing, unreadable or not a model."""
    try:
        with open(path, "rb") as stream:
            if not _own_file(os.fstat(stream.fileno())):
                return None
            data = stream.read(_MAX_BYTES + 1)
        if len(data) > _MAX_BYTES:
            return None
        model = pickle.loads(data)
    except Exception:
        return None
    return model if type(model) is Model else None


def _own_file(info: os.stat_result) -> bool:
    """Unpickling runs code: only a file of this user that nobody else may change is read
    (CSM_CHECK_CACHE_DIR could name a shared folder)."""
    if info.st_mode & 0o022:
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def write_cached(path: Path, model: Model) -> None:
    """Keep `model` at `path` atomically (a temporary file renamed); failures are ignored."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except Exception:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
