"""Output formats. Each renderer turns a Scorecard into a string; only the CLI writes it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csm_check.i18n import Language
    from csm_check.scorecard import Scorecard


class Format(StrEnum):
    table = "table"
    json = "json"


@dataclass(frozen=True)
class RenderOptions:
    language: Language
    top: int = 5
    width: int = 80
    color_system: str | None = None
    ascii_only: bool = False


Renderer = Callable[["Scorecard", RenderOptions], str]


def renderer_for(fmt: Format) -> Renderer:
    """The renderer of `fmt`, imported only when used (keeps --help fast)."""
    if fmt is Format.table:
        from csm_check.render.terminal import render_terminal

        return render_terminal
    if fmt is Format.json:
        from csm_check.render.json_format import render_json

        return render_json
    raise AssertionError(f"no renderer for {fmt}")  # pragma: no cover - exhaustiveness test
