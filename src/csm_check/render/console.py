"""One way to make a Rich console: markup, emoji and highlighting off (user text is never
interpreted), colour only when a colour system was chosen for a terminal."""

from __future__ import annotations

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
