"""`csm-check trend --format html`, and the trend section `score --history` adds to the HTML
report: a line chart of the overall score, then a table with an SVG sparkline per challenge.

The page reuses the HTML report's chrome (its CSS and Content-Security-Policy: no script,
no network); the section is added to a report before its closing `</main>`. Every piece of
user text goes through `html_text`."""

from __future__ import annotations

from csm_check.i18n import Language, t
from csm_check.render.common import html_text
from csm_check.render.html import CSP, CSS
from csm_check.render.trend_charts import svg_line_chart, svg_sparkline
from csm_check.render.trend_parts import (
    headers,
    point_label,
    point_text,
    rows,
    sections,
    series_name,
    value_text,
)
from csm_check.scoring.trend import Trend

NUMERIC = ' class="num"'
TREND_CSS = """
.trend-figure { margin: 8px 0; max-width: 660px; overflow-x: auto; }
.trend-chart { width: 100%; min-width: 480px; height: auto; display: block; }
.trend-chart .grid { stroke: #d0d7de; stroke-width: 1; }
.trend-chart .band { stroke: #8a5c00; stroke-width: 1; }
.trend-chart .axis { font-size: 12px; fill: #57606a; }
.trend-chart .line, .spark .line { fill: none; stroke: #0969da; stroke-width: 2; }
.trend-chart .dot, .spark .dot { fill: #fff; stroke: #0969da; stroke-width: 1.5; }
.spark .line { stroke-width: 1.5; }
.spark .last { fill: #0969da; }
table.trend { width: auto; }
"""


def trend_section(
    trend: Trend, language: Language, bands: tuple[float, float], level: int = 2
) -> list[str]:
    """The trend as HTML lines; `level` is the heading level of its title."""
    labels = [point_label(p, language) for p in trend.points]
    overall = [v.score for v in trend.overall.values]
    tips = [
        f"{label}: {value_text(v, language)}"
        for label, v in zip(labels, trend.overall.values, strict=True)
    ]
    names = headers(trend, language)
    numeric = {0, *range(2, len(names) - 2), len(names) - 1}
    head = "".join(
        f"<th{NUMERIC if i in numeric else ''}>{html_text(n)}</th>" for i, n in enumerate(names)
    )
    lines = [
        f'<section class="trend"><h{level}>{html_text(t("trend.title", language))}</h{level}>',
        "<ol>",
        *(f"<li>{html_text(point_text(p, language))}</li>" for p in trend.points),
        "</ol>",
        '<figure class="trend-figure">',
        svg_line_chart(overall, labels, t("trend.chart_title", language), bands, tips),
        "</figure>",
        '<table class="trend">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
    ]
    for series, row in zip((trend.overall, *trend.challenges), rows(trend, language), strict=True):
        scores = [v.score for v in series.values]
        spark = svg_sparkline(scores, f"{series_name(series, language)}: {' · '.join(row[2:-2])}")
        cells = [
            f'<td class="num">{html_text(row[0])}</td>',
            f"<td>{html_text(row[1])}</td>",
            *(f'<td class="num">{html_text(cell)}</td>' for cell in row[2:-2]),
            f"<td>{spark}</td>",
            f'<td class="num">{html_text(row[-1])}</td>',
        ]
        lines.append(f"<tr>{''.join(cells)}</tr>")
    lines += ["</tbody>", "</table>", f"<p>{html_text(t('trend.coverage_note', language))}</p>"]
    sub = level + 1
    for title, items in sections(trend, language):
        lines.append(f"<h{sub}>{html_text(title)}</h{sub}>")
        lines += ["<ul>", *(f"<li>{html_text(item)}</li>" for item in items), "</ul>"]
    return [*lines, "</section>"]


def render_trend_html(trend: Trend, language: Language, bands: tuple[float, float]) -> str:
    title = t("trend.title", language)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html_text(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html_text(title)}</title>",
        f"<style>{CSS}{TREND_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        *trend_section(trend, language, bands, level=1),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def with_trend(page: str, trend: Trend, language: Language, bands: tuple[float, float]) -> str:
    """The HTML report `page` with the trend section before `</main>` and its CSS."""
    section = "\n".join(trend_section(trend, language, bands))
    head, _, tail = page.rpartition("</main>")
    page = f"{head}{section}\n</main>{tail}"
    return page.replace("</style>", TREND_CSS + "</style>", 1)
