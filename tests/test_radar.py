"""The radar chart, parsed as XML: axes, points, target ring, gaps, labels and legend."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from csm_check.answers import Answer, AnswerSet
from csm_check.i18n import Language, languages
from csm_check.model import Model
from csm_check.render.radar import CX, CY, RADIUS, render_radar, runs
from csm_check.scoring.compute import score
from csm_check.scoring.results import Scorecard
from report_support import HOSTILE, example_card, hostile_card

SVG = "{http://www.w3.org/2000/svg}"


def parse(card: Scorecard, language: Language = "en") -> ET.Element:
    return ET.fromstring(render_radar(card, language).encode("utf-8"))


def by_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [element for element in root.iter() if element.get("class") == name]


def coords(element: ET.Element) -> list[tuple[float, float]]:
    pairs = (pair.split(",") for pair in element.get("points", "").split())
    return [(float(x), float(y)) for x, y in pairs]


@pytest.mark.parametrize("language", languages())
def test_one_axis_per_challenge_and_one_point_per_score(language: Language) -> None:
    card = example_card()
    root = parse(card, language)
    assert root.tag == f"{SVG}svg"
    assert len(by_class(root, "axis")) == len(card.challenges) == 10
    assert len(by_class(root, "score-point")) == 10
    assert len(by_class(root, "grid")) == 4
    (polygon,) = by_class(root, "score")
    assert polygon.tag == f"{SVG}polygon" and len(coords(polygon)) == 10
    assert polygon.get("stroke-dasharray") is None


def test_points_lie_at_their_scores() -> None:
    card = example_card()
    points = by_class(parse(card), "score-point")
    for point, result in zip(points, card.challenges, strict=True):
        assert result.score is not None
        distance = math.dist((float(point.get("cx", "")), float(point.get("cy", ""))), (CX, CY))
        assert distance == pytest.approx(RADIUS * result.score / 100, abs=0.15)


@pytest.mark.parametrize(("target", "ring"), [(None, 0.75), (4, 1.0), (1, 0.25)])
def test_target_ring_is_dashed_at_the_target_level(
    tiny_model: Model, target: int | None, ring: float
) -> None:
    card = score(tiny_model, AnswerSet(), target=target)
    (polygon,) = by_class(parse(card), "target")
    assert polygon.get("stroke-dasharray")
    assert len(coords(polygon)) == 3
    for point in coords(polygon):
        assert math.dist(point, (CX, CY)) == pytest.approx(RADIUS * ring, abs=0.15)


def test_challenges_without_data_are_gaps_not_zero(tiny_model: Model) -> None:
    answers = AnswerSet(
        answers={"base.a": Answer("answered", 4), "legal.contracts": Answer("answered", 0)}
    )
    card = score(tiny_model, answers)  # base 100, legal 0, top no data
    root = parse(card)
    assert len(by_class(root, "score-point")) == 2
    (line,) = by_class(root, "score")
    assert line.tag == f"{SVG}polyline" and len(coords(line)) == 2  # not closed through "top"
    top_axis = by_class(root, "axis")[2]
    assert top_axis.get("stroke-dasharray")
    labels = ["".join(label.itertext()) for label in by_class(root, "axis-label")]
    assert labels == ["1 Base100.0", "2 Legal0.0", "3 Topno data"]
    assert "no data (gap)" in "".join(root.itertext())


def test_nothing_answered_draws_no_score(tiny_model: Model) -> None:
    root = parse(score(tiny_model, AnswerSet()))
    assert by_class(root, "score") == [] and by_class(root, "score-point") == []


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        ([True, True, True], [[0, 1, 2]]),
        ([False, False], []),
        ([True, False, True, True], [[2, 3, 0]]),
        ([False, True, False, True], [[1], [3]]),
        ([], []),
    ],
)
def test_runs_wrap_around(present: list[bool], expected: list[list[int]]) -> None:
    assert runs(present) == expected


def test_title_labels_and_legend() -> None:
    root = parse(example_card(), "de")
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "Readiness-Radar: Kundenservice-Readiness 2026"
    labels = ["".join(label.itertext()) for label in by_class(root, "axis-label")]
    assert labels[0] == "1 Personal45,0" and labels[9] == "10 Effizienz & CX37,5"
    legend = "".join(by_class(root, "legend")[0].itertext())
    assert "Punkte" in legend and "Ziel: Stufe 3 (75,0)" in legend


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_model_text_stays_text(evil: str) -> None:
    root = parse(hostile_card(evil))  # parses: escaped, and no control characters left
    assert {element.tag.removeprefix(SVG) for element in root.iter()} <= {
        "svg", "title", "desc", "rect", "text", "tspan", "polygon", "polyline", "line",
        "circle", "g",
    }  # fmt: skip


def test_deterministic() -> None:
    assert render_radar(example_card(), "en") == render_radar(example_card(), "en")
    inline = render_radar(example_card(), "en", standalone=False)
    assert inline.startswith("<svg xmlns=")


@pytest.mark.parametrize("text", ["a & b < c > d", "&amp; &lt;", "<<&&>>", "", "Café 😀 \"'"])
def test_escape_is_saxutils_escape(text: str) -> None:
    from xml.sax.saxutils import escape as sax_escape

    from csm_check.render.radar import escape

    assert escape(text) == sax_escape(text)
