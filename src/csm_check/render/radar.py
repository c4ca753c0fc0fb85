"""The radar (spider) chart of the challenge scores as SVG text.

Why no chart library: the chart is one polygon, one dashed ring and a few labels on a fixed
grid. matplotlib or plotly would add tens of megabytes, fonts and a renderer that is hard to
make byte-for-byte deterministic, for some 150 lines of stdlib code that tests can parse as
XML. Text goes through `one_line` (no control characters, which XML 1.0 forbids) and
`escape` (what `xml.sax.saxutils.escape` does, without its import of urllib.request, http
and ssl: about 8 ms of every HTML report).

Readable in black and white: the score is a solid line with round markers, the target a
dashed ring, and a challenge without data keeps a dotted axis, a "no data" label and a gap in
the score line (it is never drawn as zero).
"""

from __future__ import annotations

import math

from csm_check.i18n import Language, t
from csm_check.render.common import score_text
from csm_check.sanitize import one_line
from csm_check.scoring.compute import criterion_score
from csm_check.scoring.results import Scorecard

WIDTH, HEIGHT = 740, 560
CX, CY, RADIUS = 370.0, 282.0, 165.0
GRID = (25, 50, 75, 100)
SCORE_COLOUR = "#1f4e79"
TARGET_COLOUR = "#3a3a3a"
LABEL_LIMIT = 22


def escape(text: str) -> str:
    """`&`, `<` and `>` as XML entities, as `xml.sax.saxutils.escape` does."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


TITLE_LIMIT = 64
FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def shorten(text: str, limit: int) -> str:
    """One clean line of at most `limit` characters, with an ellipsis when cut."""
    line = one_line(text)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def direction(index: int, count: int) -> tuple[float, float]:
    """Unit vector of axis `index` of `count`: axis 0 points up, the others follow clockwise."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return math.cos(angle), math.sin(angle)


def point(index: int, count: int, value: float) -> tuple[float, float]:
    """Where `value` (0-100) lies on axis `index` of `count`."""
    cos, sin = direction(index, count)
    distance = RADIUS * value / 100
    return CX + distance * cos, CY + distance * sin


def runs(present: list[bool]) -> list[list[int]]:
    """Maximal stretches of neighbouring axes with data, wrapping around the circle."""
    count = len(present)
    if all(present):
        return [list(range(count))] if count else []
    start = present.index(False) + 1
    found: list[list[int]] = []
    current: list[int] = []
    for step in range(count):
        index = (start + step) % count
        if present[index]:
            current.append(index)
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def _points(coords: list[tuple[float, float]]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in coords)


def _grid(count: int) -> list[str]:
    parts = []
    for value in GRID:
        ring = [point(i, count, value) for i in range(count)]
        width = "1.2" if value == 100 else "0.8"
        parts.append(
            f'<polygon class="grid" points="{_points(ring)}" fill="none" '
            f'stroke="#b8b8b8" stroke-width="{width}"/>'
        )
        x, y = point(0, count, value)
        parts.append(
            f'<text class="grid-label" x="{_num(x + 4)}" y="{_num(y - 3)}" '
            f'font-size="10" fill="#555">{value}</text>'
        )
    return parts


def _axes(card: Scorecard, language: Language) -> list[str]:
    count = len(card.challenges)
    parts = []
    no_data = t("radar.no_data", language)
    for index, result in enumerate(card.challenges):
        x, y = point(index, count, 100)
        dash = ' stroke-dasharray="2 3"' if result.score is None else ""
        parts.append(
            f'<line class="axis" x1="{_num(CX)}" y1="{_num(CY)}" x2="{_num(x)}" y2="{_num(y)}" '
            f'stroke="#8c8c8c" stroke-width="1"{dash}/>'
        )
        cos, sin = direction(index, count)
        lx, ly = CX + (RADIUS + 14) * cos, CY + (RADIUS + 14) * sin
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        first = ly - 16 if sin < -0.3 else ly + 12 if sin > 0.3 else ly - 3
        name = shorten(f"{result.challenge.number} {result.challenge.short(language)}", LABEL_LIMIT)
        if result.score is None:
            value, style = no_data, ' font-style="italic" fill="#555"'
        else:
            value, style = score_text(result.score, language), ' font-weight="bold"'
        parts.append(
            f'<text class="axis-label" x="{_num(lx)}" y="{_num(first)}" '
            f'text-anchor="{anchor}" font-size="14">'
            f"<tspan>{escape(name)}</tspan>"
            f'<tspan x="{_num(lx)}" dy="16"{style}>{escape(value)}</tspan></text>'
        )
    return parts


def _score(card: Scorecard) -> list[str]:
    count = len(card.challenges)
    coords = {
        i: point(i, count, r.score) for i, r in enumerate(card.challenges) if r.score is not None
    }
    present = [r.score is not None for r in card.challenges]
    stroke = f'stroke="{SCORE_COLOUR}" stroke-width="2.5" stroke-linejoin="round"'
    fill = f'fill="{SCORE_COLOUR}" fill-opacity="0.18"'
    parts = []
    for run in runs(present):
        line = [coords[i] for i in run]
        if len(run) == count:
            parts.append(f'<polygon class="score" points="{_points(line)}" {fill} {stroke}/>')
            continue
        # A gap: fill only the wedge of this stretch, never across an axis without data.
        wedge = [(CX, CY), *line]
        parts.append(f'<polygon class="score-area" points="{_points(wedge)}" {fill}/>')
        parts.append(f'<polyline class="score" points="{_points(line)}" fill="none" {stroke}/>')
    for index in sorted(coords):
        x, y = coords[index]
        parts.append(
            f'<circle class="score-point" cx="{_num(x)}" cy="{_num(y)}" r="4.5" '
            f'fill="{SCORE_COLOUR}" stroke="#fff" stroke-width="1.5"/>'
        )
    return parts


def _legend(card: Scorecard, language: Language, target_score: float) -> list[str]:
    y = HEIGHT - 24
    target = t(
        "radar.target", language, level=card.target, score=score_text(target_score, language)
    )
    parts = [
        '<g class="legend" font-size="13">',
        f'<line x1="60" y1="{y}" x2="92" y2="{y}" stroke="{SCORE_COLOUR}" stroke-width="2.5"/>',
        f'<circle cx="76" cy="{y}" r="4.5" fill="{SCORE_COLOUR}" stroke="#fff" '
        'stroke-width="1.5"/>',
        f'<text x="100" y="{y + 4}">{escape(t("radar.score", language))}</text>',
        f'<line x1="230" y1="{y}" x2="262" y2="{y}" stroke="{TARGET_COLOUR}" stroke-width="2" '
        'stroke-dasharray="6 4"/>',
        f'<text x="270" y="{y + 4}">{escape(target)}</text>',
    ]
    if any(r.score is None for r in card.challenges):
        parts.append(
            f'<line x1="480" y1="{y}" x2="512" y2="{y}" stroke="#8c8c8c" stroke-dasharray="2 3"/>'
        )
        parts.append(f'<text x="520" y="{y + 4}">{escape(t("radar.gap", language))}</text>')
    parts.append("</g>")
    return parts


def render_radar(card: Scorecard, language: Language, *, standalone: bool = True) -> str:
    """The chart as SVG; `standalone` adds the XML declaration for a .svg file."""
    count = len(card.challenges)
    title = shorten(t("radar.title", language, model=card.model.title.get(language)), TITLE_LIMIT)
    target_score = criterion_score(card.target)
    ring = [point(i, count, target_score) for i in range(count)]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-labelledby="radar-title radar-desc" font-family="{FONT}" fill="#1f2328">',
        f'<title id="radar-title">{escape(title)}</title>',
        f'<desc id="radar-desc">{escape(t("radar.desc", language))}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
        f'<text x="{WIDTH // 2}" y="30" text-anchor="middle" font-size="17" '
        f'font-weight="bold">{escape(title)}</text>',
        *_grid(count),
        *_axes(card, language),
        f'<polygon class="target" points="{_points(ring)}" fill="none" '
        f'stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>',
        *_score(card),
        *_legend(card, language, target_score),
        "</svg>",
    ]
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    return head + "\n".join(parts) + "\n"
