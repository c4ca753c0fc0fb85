"""The trend's charts: Unicode sparkline steps and SVG geometry against hand-computed points."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from csm_check.render.trend_charts import sparkline, svg_line_chart, svg_sparkline

SVG = "{http://www.w3.org/2000/svg}"


def test_sparkline_steps_of_twelve_and_a_half_points() -> None:
    scores = [0.0, 12.4, 12.5, 37.5, 50.0, 87.4, 87.5, 100.0, None]
    assert sparkline(scores) == "▁▁▂▄▅▇██·"
    assert sparkline(scores, ascii_only=True) == "__.~=*##?"


def test_svg_sparkline_geometry() -> None:
    """120 x 24, padding 3: x = 3 + i * 114 / (n - 1); y = 3 + (100 - score) * 18 / 100.
    Scores 100, none, 50, 0, 25 at x 3, 31.5, 60, 88.5, 117: the gap splits the line."""
    text = svg_sparkline([100.0, None, 50.0, 0.0, 25.0], 'Q <1> & "x"')
    root = ET.fromstring(text)
    assert root.get("viewBox") == "0 0 120 24"
    assert root.find(f"{SVG}title").text == 'Q <1> & "x"'  # type: ignore[union-attr]
    lines = [p.get("points") for p in root.iter(f"{SVG}polyline")]
    assert lines == ["60,12 88.5,21 117,16.5"]  # the first point stands alone: no line
    dots = [(c.get("class"), c.get("cx"), c.get("cy")) for c in root.iter(f"{SVG}circle")]
    assert dots == [
        ("dot", "3", "3"),
        ("dot", "60", "12"),
        ("dot", "88.5", "21"),
        ("last", "117", "16.5"),
    ]
    assert "&lt;1&gt; &amp; &quot;x&quot;" in text


def test_a_single_point_sits_in_the_middle() -> None:
    root = ET.fromstring(svg_sparkline([80.0], "one"))
    assert [(c.get("cx"), c.get("cy")) for c in root.iter(f"{SVG}circle")] == [("60", "6.6")]
    assert list(root.iter(f"{SVG}polyline")) == []


def test_line_chart_geometry() -> None:
    """Plot area x 48..616, y 16 (100) .. 220 (0): y = 16 + (100 - score) * 2.04.
    Two points at x 48 and 616; bands 40 and 70 at y 138.4 and 77.2."""
    text = svg_line_chart([50.0, 75.0], ["Q1", "<Q2>"], "Overall", (40.0, 70.0), ["a", "b"])
    root = ET.fromstring(text)
    assert [p.get("points") for p in root.iter(f"{SVG}polyline")] == ["48,118 616,67"]
    bands = [ln.get("y1") for ln in root.iter(f"{SVG}line") if ln.get("class") == "band"]
    assert bands == ["138.4", "77.2"]
    grid = [ln.get("y1") for ln in root.iter(f"{SVG}line") if ln.get("class") == "grid"]
    assert grid == ["220", "169", "118", "67", "16"]
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert labels[-2:] == ["Q1", "<Q2>"]
    assert [(c.get("cx"), c.get("cy")) for c in root.iter(f"{SVG}circle")] == [
        ("48", "118"),
        ("616", "67"),
    ]
