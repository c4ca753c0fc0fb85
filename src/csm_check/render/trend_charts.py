"""Small charts of a series of scores (0-100): a Unicode sparkline for text and Markdown
(wikis cannot show inline SVG), an SVG sparkline per challenge and one line chart for HTML.

Scores keep their absolute scale (0 at the bottom, 100 at the top), so a flat line at 90
and one at 20 look different; points are evenly spaced and labelled with their dates.
Missing scores are gaps. Hand-written SVG, as the radar chart: deterministic and no
external resources; titles are user text and escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from csm_check.render.common import html_text

BLOCKS = "▁▂▃▄▅▆▇█"
ASCII_BLOCKS = "_.-~=+*#"


def sparkline(scores: Sequence[float | None], *, ascii_only: bool = False) -> str:
    """One character per point: eight steps of 12.5 points (0-12.4 the lowest block,
    87.5-100 the full one); no score is a middle dot (ASCII: `?`, as "no data")."""
    marks = ASCII_BLOCKS if ascii_only else BLOCKS
    gap = "?" if ascii_only else "·"
    return "".join(gap if s is None else marks[min(7, int(s * 8 / 100))] for s in scores)


def _x(index: int, count: int, left: float, width: float) -> float:
    return left + width / 2 if count == 1 else left + index * width / (count - 1)


def _y(score: float, top: float, height: float) -> float:
    return top + (100 - score) * height / 100


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _segments(points: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Runs of consecutive points; a missing score breaks the line."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def _lines(points: list[tuple[float, float] | None], css: str) -> list[str]:
    found = []
    for run in _segments(points):
        if len(run) > 1:
            coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in run)
            found.append(f'<polyline class="{css}" points="{coords}"/>')
    return found


SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 120, 24, 3


def svg_sparkline(scores: Sequence[float | None], title: str) -> str:
    """An inline SVG of 120 x 24 units, 3 units padding: x from 3 to 117, y from 3
    (score 100) to 21 (score 0); a dot at each score, the last one filled."""
    inner_w, inner_h = SPARK_WIDTH - 2 * SPARK_PAD, SPARK_HEIGHT - 2 * SPARK_PAD
    points = [
        None if s is None else (_x(i, len(scores), SPARK_PAD, inner_w), _y(s, SPARK_PAD, inner_h))
        for i, s in enumerate(scores)
    ]
    last = max((i for i, p in enumerate(points) if p is not None), default=-1)
    dots = [
        f'<circle class="{"last" if i == last else "dot"}" cx="{_num(p[0])}" cy="{_num(p[1])}" '
        f'r="{2 if i == last else 1.5}"/>'
        for i, p in enumerate(points)
        if p is not None
    ]
    return (
        f'<svg class="spark" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" width="{SPARK_WIDTH}" '
        f'height="{SPARK_HEIGHT}"><title>{html_text(title)}</title>'
        + "".join(_lines(points, "line"))
        + "".join(dots)
        + "</svg>"
    )


CHART_WIDTH, CHART_HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 24, 16, 40  # margins for the axis labels


def svg_line_chart(
    scores: Sequence[float | None],
    labels: Sequence[str],
    title: str,
    bands: tuple[float, float],
    tips: Sequence[str],
) -> str:
    """The overall score over time: plot area x 48..616, y 16 (100) .. 220 (0); grid lines
    at 0, 25, 50, 75 and 100, the status bands as dashed lines, a date under each point
    and `tips` as each dot's tooltip."""
    width, height = CHART_WIDTH - LEFT - RIGHT, CHART_HEIGHT - TOP - BOTTOM
    bottom = TOP + height
    parts = [
        f'<svg class="trend-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}"><title>{html_text(title)}</title>',
    ]
    for value in (0, 25, 50, 75, 100):
        y = _num(_y(value, TOP, height))
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{y}" x2="{LEFT + width}" y2="{y}"/>')
        parts.append(f'<text class="axis" x="{LEFT - 6}" y="{y}" text-anchor="end">{value}</text>')
    for bound in bands:
        y = _num(_y(bound, TOP, height))
        parts.append(
            f'<line class="band" x1="{LEFT}" y1="{y}" x2="{LEFT + width}" y2="{y}" '
            'stroke-dasharray="6 4"/>'
        )
    points = [
        None if s is None else (_x(i, len(scores), LEFT, width), _y(s, TOP, height))
        for i, s in enumerate(scores)
    ]
    parts += _lines(points, "line")
    for index, (point, label) in enumerate(zip(points, labels, strict=True)):
        x = _num(_x(index, len(scores), LEFT, width))
        parts.append(
            f'<text class="axis" x="{x}" y="{bottom + 18}" text-anchor="middle">'
            f"{html_text(label)}</text>"
        )
        if point is not None:
            parts.append(
                f'<circle class="dot" cx="{_num(point[0])}" cy="{_num(point[1])}" r="4">'
                f"<title>{html_text(tips[index])}</title></circle>"
            )
    return "".join(parts) + "</svg>"
