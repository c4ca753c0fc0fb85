"""The HTML report: self-contained, same content as the Markdown, hostile text inert."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import EXAMPLE
from csm_check.answers import AnswerSet
from csm_check.cli import app
from csm_check.i18n import Language, languages, t
from csm_check.model import Model
from csm_check.render import Format, renderer_for
from csm_check.render.common import score_text, status_name
from csm_check.render.html import render_html
from csm_check.sanitize import one_line
from csm_check.scoring.compute import score
from report_support import HOSTILE, example_card, hostile_card, options


class Page(HTMLParser):
    """Start tags with their attributes, and the text a reader sees."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.attributes: dict[str, list[str]] = {}
        self.chunks: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        for name, value in attrs:
            self.attributes.setdefault(name, []).append(value or "")

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


@pytest.mark.parametrize("language", languages())
def test_report_is_self_contained_with_lang_and_print_css(language: Language) -> None:
    text = render_html(example_card(), options(language))
    page = Page(text)
    assert text.startswith("<!DOCTYPE html>\n")
    assert page.attributes["lang"] == [language]
    names = {tag for tag, _ in page.tags}
    assert names.isdisjoint({"script", "link", "img", "iframe", "object", "embed", "a", "input"})
    assert "href" not in page.attributes and "src" not in page.attributes
    assert not any(name.startswith("on") for name in page.attributes)
    assert "@page { size: A4;" in text and "@media print" in text
    assert "default-src 'none'" in page.attributes["content"][0]
    assert text.count("://") == 1  # the SVG namespace, nothing fetched


@pytest.mark.parametrize("language", languages())
def test_same_content_as_the_markdown(language: Language) -> None:
    card = example_card()
    page = Page(render_html(card, options(language)))
    assert "csm-check" in page.text and "Beispiel Service GmbH" in page.text
    for result in card.challenges:
        assert result.challenge.title.get(language) in page.text
        assert score_text(result.score, language) in page.text
        assert status_name(result.status, language) in page.text
    for step in card.next_steps[:5]:
        assert step.criterion.next_step.get(language) in page.text
    # no command-line hint on paper: the rest are counted and listed in the details
    more = t("card.next_steps_more_report", language, count=len(card.next_steps) - 5)
    assert more in page.text and "--top" not in page.text
    assert t("report.all_steps", language) in page.text
    for step in card.next_steps:
        assert step.criterion.next_step.get(language) in page.text
    assert "Wochenreport je Kanal: Telefon 80/20" in page.text  # a note from the example
    assert [tag for tag, _ in page.tags].count("details") == 10
    assert not any("open" in attrs for tag, attrs in page.tags if tag == "details")
    assert page.tags.count(("tr", ())) == 11  # header and one row per challenge


def test_inline_radar_has_axes_target_ring_and_gaps(tiny_model: Model) -> None:
    card = score(tiny_model, AnswerSet())
    page = Page(render_html(card, options("en")))
    classes = page.attributes["class"]
    assert classes.count("axis") == 3 and classes.count("target") == 1
    assert classes.count("score-point") == 0
    assert "no data" in page.text


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_text_is_escaped(evil: str) -> None:
    baseline = Page(render_html(hostile_card("plain text"), options("en")))
    page = Page(render_html(hostile_card(evil), options("en")))
    assert page.tags == baseline.tags
    assert one_line(evil) in page.text
    assert "script" not in {tag for tag, _ in page.tags}


def test_every_format_has_a_renderer() -> None:
    card = example_card()
    for fmt in Format:
        assert isinstance(renderer_for(fmt)(card, options("en")), str)


def test_cli_writes_html_and_chart(runner: CliRunner, tmp_path: Path) -> None:
    report, chart = tmp_path / "report.html", tmp_path / "radar.svg"
    args = ["score", str(EXAMPLE), "-f", "html", "-o", str(report), "--chart", str(chart)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    assert '<html lang="de">' in text and "<svg" in text
    assert chart.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>')


def test_printed_sections_show_the_open_marker() -> None:
    """Printed, every <details> is open; its summary must not show the closed ▶ marker."""
    css = render_html(example_card(), options("en")).split("@media print", 1)[1]
    assert "details::details-content { content-visibility: visible; display: block; }" in css
    assert "summary { list-style: none; }" in css
    assert 'summary::before { content: "\\25BE  "; }' in css


@settings(max_examples=500, deadline=None)
@given(st.text())
@example("<b title=\"x\" data-x='y'>&amp;</b>")
def test_html_text_escapes_as_the_standard_library(text: str) -> None:
    import html

    from csm_check.render.common import html_text
    from csm_check.sanitize import one_line

    assert html_text(text) == html.escape(one_line(text), quote=True)
