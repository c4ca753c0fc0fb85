"""What the terminal on stdout can show: width, colour and symbol set.

Kept apart from the Rich console so that commands writing JSON, Markdown or files never
import Rich: it is imported only when stdout is asked about.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass


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
