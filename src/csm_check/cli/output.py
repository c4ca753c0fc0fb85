"""Where rendered text goes: stdout or an atomically written file; messages to stderr."""

from __future__ import annotations

import sys
from pathlib import Path


def emit(text: str, output: Path | None) -> None:
    """Write `text` to `output` atomically, or to stdout as it is (no wrapping by Rich)."""
    if output is None:
        sys.stdout.write(_encodable(text, sys.stdout))
        sys.stdout.flush()
        return
    from csm_check.atomicfile import atomic_write_text

    atomic_write_text(output, text)


def err(line: str) -> None:
    sys.stderr.write(_encodable(line + "\n", sys.stderr))


def _encodable(text: str, stream: object) -> str:
    """`text` as the stream's encoding can carry it: on an ASCII terminal (LC_ALL=C) an
    umlaut becomes '?' instead of the whole command failing."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return text.encode(encoding, errors="replace").decode(encoding, errors="replace")
    return text
