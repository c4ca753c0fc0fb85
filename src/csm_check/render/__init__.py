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
    markdown = "markdown"
    html = "html"


@dataclass(frozen=True)
class RenderOptions:
    language: Language
    top: int = 5
    width: int = 80
    color_system: str | None = None
    ascii_only: bool = False
    chart_href: str | None = None  # markdown: link to the --chart SVG, relative to the report


Renderer = Callable[["Scorecard", RenderOptions], str]


def renderer_for(fmt: Format) -> Renderer:
    """The renderer of `fmt`, imported only when used (keeps --help fast)."""
    if fmt is Format.table:
        from csm_check.render.terminal import render_terminal

        return render_terminal
    if fmt is Format.json:
        from csm_check.render.json_format import render_json

        return render_json
    if fmt is Format.markdown:
        from csm_check.render.markdown import render_markdown

        return render_markdown
    if fmt is Format.html:
        from csm_check.render.html import render_html

        return render_html
    raise AssertionError(f"no renderer for {fmt}")  # pragma: no cover - exhaustiveness test
