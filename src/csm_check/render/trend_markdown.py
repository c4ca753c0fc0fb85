"""`csm-check trend --format markdown`, and the trend section `score --history` appends to
a Markdown report. Wikis cannot show inline SVG portably, so the sparkline is Unicode."""

from __future__ import annotations

from csm_check.i18n import Language, t
from csm_check.render.common import md_text
from csm_check.render.trend_parts import headers, point_text, rows, sections
from csm_check.scoring.trend import Trend


def trend_section(trend: Trend, language: Language, level: int = 2) -> list[str]:
    """The trend as Markdown lines; `level` is the heading level of its title."""
    mark = "#" * level
    lines = [f"{mark} {md_text(t('trend.title', language))}", ""]
    lines += [f"{n}. {md_text(point_text(p, language))}" for n, p in enumerate(trend.points, 1)]
    names = headers(trend, language)
    align = ["---:", ":---", *(["---:"] * len(trend.points)), ":---", "---:"]
    lines += ["", "| " + " | ".join(md_text(h) for h in names) + " |"]
    lines.append("|" + "|".join(align) + "|")
    for row in rows(trend, language):
        cells = [md_text(cell) for cell in row]
        if not row[0]:  # the overall row in bold
            cells[1] = f"**{cells[1]}**"
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"*{md_text(t('trend.coverage_note', language))}*"]
    for title, items in sections(trend, language):
        lines += ["", f"{mark}# {md_text(title)}", ""]
        lines += [f"- {md_text(item)}" for item in items]
    return lines


def render_trend_markdown(trend: Trend, language: Language) -> str:
    return "\n".join(trend_section(trend, language, level=1)) + "\n"


def with_trend(report: str, trend: Trend, language: Language) -> str:
    """A Markdown report with the trend section appended (`score --history`)."""
    return report.rstrip("\n") + "\n\n" + "\n".join(trend_section(trend, language)) + "\n"
