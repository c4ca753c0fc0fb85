"""The Markdown report, parsed with a real CommonMark parser (markdown-it-py, GFM tables).

Golden files: tests/golden/beispiel-service.{en,de}.md hold the example's report and
tests/golden/team.{en,de}.md the report of examples/team/ (the tool version replaced by
VERSION). After an intended change to the report, regenerate them with

    CSM_CHECK_UPDATE_GOLDEN=1 pytest tests/test_markdown.py -k golden

and review the diff before committing it.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from typer.testing import CliRunner

from conftest import EXAMPLE
from csm_check import __version__
from csm_check.answers import Answer, AnswerSet
from csm_check.cli import app
from csm_check.i18n import Language, languages, t
from csm_check.model import Model
from csm_check.render.common import EMOJI, WORD_JOINER, md_text, score_text, status_name
from csm_check.render.markdown import chart_href, render_markdown
from csm_check.sanitize import one_line
from csm_check.scoring.compute import score
from csm_check.scoring.results import GateOptions
from report_support import HOSTILE, example_card, hostile_card, options, team_card

GOLDEN = Path(__file__).parent / "golden"


def parse(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)


def plain(token: Token) -> str:
    """The rendered text of an inline token (escapes and entities resolved, without the
    invisible word joiners that keep GitHub/GitLab references plain text)."""
    text = "".join(child.content for child in token.children or [] if child.type != "image")
    return text.replace(WORD_JOINER, "")


def body_rows(tokens: list[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    inside = False
    for token in tokens:
        if token.type in {"tbody_open", "tbody_close"}:
            inside = token.type == "tbody_open"
        elif inside and token.type == "tr_open":
            rows.append([])
        elif inside and token.type == "inline":
            rows[-1].append(plain(token))
    return rows


def shape(tokens: list[Token]) -> list[tuple[str, str, int]]:
    """Token types, tags and nesting, inline children included: the document's structure."""
    found: list[tuple[str, str, int]] = []
    for token in tokens:
        found.append((token.type, token.tag, token.nesting))
        found.extend((c.type, c.tag, c.nesting) for c in token.children or [])
    return found


@pytest.mark.parametrize("language", languages())
def test_table_has_one_row_per_challenge_with_the_right_cells(language: Language) -> None:
    card = example_card()
    rows = body_rows(parse(render_markdown(card, options(language))))
    assert len(rows) == len(card.challenges) == 10
    for row, result in zip(rows, card.challenges, strict=True):
        assert row == [
            str(result.challenge.number),
            result.challenge.title.get(language),
            score_text(result.score, language),
            f"{EMOJI[result.status]} {status_name(result.status, language)}",
            f"{result.answered}/{result.total}",
        ]


def test_header_names_model_organisation_respondent_date_and_version() -> None:
    card = example_card()
    tokens = parse(render_markdown(card, options("en")))
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    assert card.model.title.get("en") in tokens[1].content
    text = "\n".join(plain(token) for token in tokens if token.type == "inline")
    for value in ("Beispiel Service GmbH", "Jana Muster", "2026-11-27", f"csm-check {__version__}"):
        assert value in text
    assert "Overall: 44.7 · 🟡 developing" in text


@pytest.mark.parametrize("top", [0, 3, 5, 100])
def test_next_steps_are_a_task_list_with_the_rest_counted(top: int) -> None:
    card = example_card()
    tokens = parse(render_markdown(card, options("en", top=top)))
    tasks = [
        i
        for i, token in enumerate(tokens)
        if token.type == "inline" and token.content.startswith("[ ] ")
    ]
    shown = min(top, len(card.next_steps))
    assert len(tasks) == shown
    assert all(tokens[i - 2].type == "list_item_open" for i in tasks)
    for index, step in zip(tasks, card.next_steps, strict=False):
        assert step.criterion.next_step.get("en") in plain(tokens[index])
        assert step.criterion.id in plain(tokens[index])
    more = t("card.next_steps_more", "en", count=len(card.next_steps) - shown)
    assert (more in render_markdown(card, options("en", top=top))) == (shown < len(card.next_steps))


def test_details_sections_are_closed_one_per_challenge() -> None:
    card = example_card()
    blocks = [
        t.content for t in parse(render_markdown(card, options("de"))) if t.type == "html_block"
    ]
    opening = [b for b in blocks if b.startswith("<details")]
    assert len(opening) == len(card.challenges)
    assert all(b.startswith("<details>\n<summary>") and "open" not in b for b in opening)
    assert sum(b.startswith("</details>") for b in blocks) == len(card.challenges)


def test_criteria_show_question_level_label_and_note() -> None:
    text = render_markdown(example_card(), options("de"))
    # the criterion's own text of the level, then the note
    level = (
        "  - Stufe: 3 (Jedes Team, auch beim Dienstleister, hat einen Zielwert; ein Monatsbericht "
    )
    assert level + "vergleicht den Ist-Wert damit.)\n  - Notiz: HR-Monatsbericht je Team" in text
    assert "Stufe: trifft nicht zu\n  - Notiz: Kein KI-Scoring und keine KI-gestützte" in text
    assert "Stufe: noch nicht beantwortet" in text


def test_blockers_come_first_and_no_data_is_shown(tiny_model: Model) -> None:
    answers = AnswerSet(answers={"legal.disclosure": Answer("answered", 1)})
    card = score(tiny_model, answers)
    text = render_markdown(card, options("en"))
    assert text.index("## Blockers") < text.index("## Next steps")
    assert "- 🔴 2 Disclosed? (`legal.disclosure`)" in text
    first_task = next(line for line in text.splitlines() if line.startswith("- [ ] "))
    assert first_task.startswith("- [ ] **KNOCK-OUT** Disclose")
    rows = body_rows(parse(text))
    assert rows[0][2:4] == ["-", "⚪ no data"]
    assert "**Gate: FAILED**" in text


def test_output_is_deterministic() -> None:
    first = render_markdown(example_card(), options("de"))
    assert render_markdown(example_card(), options("de")) == first


@pytest.mark.parametrize("language", languages())
def test_golden(language: Language) -> None:
    """Compare with tests/golden/; CSM_CHECK_UPDATE_GOLDEN=1 rewrites the file instead."""
    text = render_markdown(example_card(), options(language))
    text = text.replace(f"csm-check {__version__}", "csm-check VERSION")
    path = GOLDEN / f"beispiel-service.{language}.md"
    if os.environ.get("CSM_CHECK_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", languages())
def test_team_golden(language: Language) -> None:
    """examples/team/ as a team, with a gate that fails (a knock-out, --fail-under 60): the
    respondents, the criteria by short name, notes by respondent, discuss first last."""
    card = team_card(GateOptions(fail_under=60, require_evidence=True))
    text = render_markdown(card, options(language))
    text = text.replace(f"csm-check {__version__}", "csm-check VERSION")
    path = GOLDEN / f"team.{language}.md"
    if os.environ.get("CSM_CHECK_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_text_changes_nothing_but_its_own_escaped_text(evil: str) -> None:
    baseline = parse(render_markdown(hostile_card("plain text"), options("en")))
    rendered = render_markdown(hostile_card(evil), options("en"))
    tokens = parse(rendered)
    assert shape(tokens) == shape(baseline)
    expected = one_line(evil)
    rows = body_rows(tokens)
    assert len(rows) == 10 and all(len(row) == 5 and row[1] == expected for row in rows)
    inline = [plain(token) for token in tokens if token.type == "inline"]
    assert f"Note: {expected}" in inline and f"Organisation: {expected}" in inline
    for token in tokens:
        if token.type == "html_block":
            assert re.fullmatch(
                r"<details>\n<summary>[^<>]*</summary>\n|</details>\n", token.content
            )
            assert expected in html.unescape(token.content) or token.content == "</details>\n"
        for child in token.children or []:
            assert child.type not in {"link_open", "image", "html_inline"}
            if child.type == "code_inline":
                assert re.fullmatch(r"[a-z0-9-]+\.[a-z0-9-]+", child.content)
    as_html = MarkdownIt("commonmark").enable("table").render(rendered)
    assert "<script" not in as_html and "<img" not in as_html and "href=" not in as_html


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Top-10-Anliegen, 50 % (grob).", "Top-10-Anliegen, 50 % (grob)."),
        ("a|b", "a\\|b"),
        ("<b>&", "&lt;b&gt;&amp;"),
        ("1. first", "1\\. first"),
        ("- item", "\\- item"),
        ("see http://x and www.y.de", "see http\\://x and www\\.y.de"),
        ("mail a@b.de, ping @team", "mail a\\@b.de, ping \\@\u2060team"),
        # references GitHub/GitLab link in rendered text, and shortcodes: a word joiner
        (
            "see #12, !3, &4, $5, o/r#6, GH-7",
            "see \\#\u206012, !\u20603, &amp;\u20604, \\$\u20605, o/r\\#\u20606, GH\u2060-7",
        ),
        ('%m, %"Q 3", ~bug', '%\u2060m, %\u2060"Q 3", \\~\u2060bug'),
        (":smile: :+1: :100: at 10:15:20", ":\u2060smile: :\u2060+1: :\u2060100: at 10:15:20"),
        ("Q&A, 50 % (ca.)", "Q&amp;A, 50 % (ca.)"),
        ("[a](b)", "\\[a\\](b)"),
        ("two\nlines", "two lines"),
        (None, ""),
    ],
)
def test_md_text_escapes_only_what_is_active(text: str | None, escaped: str) -> None:
    assert md_text(text) == escaped


def test_chart_link_is_an_image_when_given() -> None:
    tokens = parse(render_markdown(example_card(), options("en", chart_href="img/my%20radar.svg")))
    images = [c for t in tokens for c in t.children or [] if c.type == "image"]
    assert len(images) == 1 and images[0].attrs["src"] == "img/my%20radar.svg"


def test_chart_href_is_relative_to_the_report(tmp_path: Path) -> None:
    report = tmp_path / "wiki" / "report.md"
    assert chart_href(tmp_path / "wiki" / "img" / "radar.svg", report) == "img/radar.svg"
    assert chart_href(tmp_path / "radar chart.svg", report) == "../radar%20chart.svg"
    assert chart_href(Path("charts/radar.svg"), None) == "charts/radar.svg"


def test_cli_writes_markdown_and_chart_with_a_relative_link(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "wiki" / "img").mkdir(parents=True)
    report, chart = tmp_path / "wiki" / "report.md", tmp_path / "wiki" / "img" / "radar.svg"
    args = ["score", str(EXAMPLE), "-f", "markdown", "-o", str(report), "--chart", str(chart)]
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "](img/radar.svg)" in report.read_text(encoding="utf-8")
    assert chart.read_text(encoding="utf-8").startswith("<?xml")


def test_cli_markdown_to_stdout_links_the_chart_as_given(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "charts").mkdir()
    args = ["score", str(EXAMPLE), "--format", "markdown", "--chart", "charts/radar.svg"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "](charts/radar.svg)" in result.stdout
    assert result.stdout.startswith("# Readiness-Scorecard: ")
    assert (tmp_path / "charts" / "radar.svg").is_file()
