"""Output formats: one module per format, each turning a result into a string; only the CLI
writes it. `RENDERERS` maps each `Format` to its renderer and feeds the CLI's --format
choices; pieces every format shares (status words, escaping, the report header) live in
`common`, the Rich console in `console`. `form` is no --format: it renders the HTML answers
form from the model (its script and style are package data in `form_assets/`).

May import `scoring`, the file kinds, `i18n`, `sanitize`, `rounding` and Rich; never reads
files (but its own package data), never prints, never imports Typer.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from csm_check.frozen import frozen

__all__ = ["RENDERERS", "Format", "RenderOptions", "Renderer", "renderer_for"]


class Format(StrEnum):
    """The output formats of `csm-check score`; the CLI's --format choices come from here."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    junit = "junit"


if TYPE_CHECKING:
    from csm_check.i18n import Language
    from csm_check.scoring.results import Scorecard


@frozen
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
