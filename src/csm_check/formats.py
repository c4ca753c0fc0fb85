"""The output formats of `csm-check score` (kept apart so the CLI can name them cheaply)."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"
    junit = "junit"
