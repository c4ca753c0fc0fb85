"""Where rendered text goes: stdout or an atomically written file; terminal capabilities."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TerminalInfo:
    width: int
    color_system: str | None
    ascii_only: bool


PIPE_WIDTH = 80
MAX_WIDTH = 100


def terminal_info(to_file: bool) -> TerminalInfo:
    """Width, colour and symbol set for stdout; files and pipes get 80 plain UTF-8 columns."""
    if to_file:
        return TerminalInfo(PIPE_WIDTH, None, ascii_only=False)
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    ascii_only = not encoding.startswith("utf")
    from rich.console import Console

    console = Console(file=sys.stdout)
    colour_off = (
        not console.is_terminal
        or console.no_color
        or console.is_dumb_terminal
        or "NO_COLOR" in os.environ
    )
    width = min(console.width, MAX_WIDTH) if console.is_terminal else PIPE_WIDTH
    return TerminalInfo(width, None if colour_off else console.color_system, ascii_only)


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
