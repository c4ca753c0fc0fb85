"""One way to make a Rich console: markup, emoji and highlighting off (user text is never
interpreted), colour only when a colour system was chosen for a terminal; and what the
terminal on stdout can show (width, colour, symbol set)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from io import StringIO
from typing import IO

from rich.console import Console, RenderableType


def make_console(file: IO[str], width: int, color_system: str | None) -> Console:
    return Console(
        file=file,
        width=width,
        color_system=color_system,  # type: ignore[arg-type]
        force_terminal=color_system is not None,
        no_color=color_system is None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        soft_wrap=False,
    )


def capture(*renderables: RenderableType, width: int, color_system: str | None) -> str:
    """Render to a string; plain output keeps no trailing blanks (Rich pads table cells)."""
    buffer = StringIO()
    console = make_console(buffer, width, color_system)
    for renderable in renderables:
        console.print(renderable)
    text = buffer.getvalue()
    if color_system is None:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


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
