"""`csm-check trend` in the terminal: the points, one row per challenge with its score and
coverage at each point (two lines per cell; three points fit 80 columns), a sparkline
and the net change, then what moved. Points that do not fit the width are left out of the
columns (the oldest first), but stay in the sparkline and the net change; a line says so."""

from __future__ import annotations

from csm_check.i18n import Language, t
from csm_check.render.capabilities import TerminalInfo
from csm_check.render.trend_parts import headers, point_line, rows, sections
from csm_check.sanitize import one_line
from csm_check.scoring.trend import Trend


def render_trend_table(trend: Trend, language: Language, info: TerminalInfo) -> str:
    from rich import box
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from csm_check.render.console import capture

    table = Table(
        box=box.ASCII if info.ascii_only else box.SIMPLE_HEAD, show_edge=False, pad_edge=False
    )
    count = len(trend.points)
    fit = max(2, (info.width - 44) // 12)
    hidden = max(0, count - fit)

    def shown(row: list[str]) -> list[str]:
        return [*row[:2], *row[2 + hidden : 2 + count], *row[-2:]]

    names = shown(headers(trend, language))
    for index, header in enumerate(names):
        table.add_column(
            header,
            justify="left" if index in (1, len(names) - 2) else "right",
            overflow="fold",
            no_wrap=index != 1,
            min_width=12 if index == 1 else None,
            ratio=1 if index == 1 else None,
        )
    for row in rows(trend, language, ascii_only=info.ascii_only):
        cells = shown(row)
        cells[2:-2] = [cell.replace(" (", "\n(") for cell in cells[2:-2]]
        table.add_row(*(Text(cell) for cell in cells))
    parts: list[RenderableType] = [
        Text(t("trend.title", language), style="bold"),
        *(Text(one_line(point_line(n, p, language))) for n, p in enumerate(trend.points, start=1)),
        Text(),
        table,
        Text(t("trend.coverage_note", language)),
    ]
    if hidden:
        key = "trend.columns_hidden_one" if hidden == 1 else "trend.columns_hidden"
        parts.append(Text(t(key, language, count=hidden)))
    for title, lines in sections(trend, language, info.ascii_only):
        parts.append(Text("\n" + title, style="bold"))
        parts += [Text("- " + one_line(line)) for line in lines]
    return capture(*parts, width=info.width, color_system=info.color_system)
