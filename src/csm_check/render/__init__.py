"""Output formats. Each renderer turns a Scorecard into a string; only the CLI writes it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from csm_check.formats import Format

__all__ = ["RENDERERS", "Format", "RenderOptions", "Renderer", "renderer_for"]

if TYPE_CHECKING:
    from csm_check.i18n import Language
    from csm_check.scorecard import Scorecard


@dataclass(frozen=True)
class RenderOptions:
    language: Language
    top: int = 5
    width: int = 80
    color_system: str | None = None
    ascii_only: bool = False
    chart_href: str | None = None  # markdown: link to the --chart SVG, relative to the report


Renderer = Callable[["Scorecard", RenderOptions], str]


# Each format's renderer as (module, function), imported only when used (keeps --help fast).
RENDERERS: dict[Format, tuple[str, str]] = {
    Format.table: ("csm_check.render.terminal", "render_terminal"),
    Format.json: ("csm_check.render.json_format", "render_json"),
    Format.markdown: ("csm_check.render.markdown", "render_markdown"),
    Format.html: ("csm_check.render.html", "render_html"),
    Format.junit: ("csm_check.render.junit", "render_junit"),
}


def renderer_for(fmt: Format) -> Renderer:
    """The renderer of `fmt`."""
    from importlib import import_module

    module, name = RENDERERS[fmt]
    renderer: Renderer = getattr(import_module(module), name)
    return renderer
