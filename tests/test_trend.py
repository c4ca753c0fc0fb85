"""`csm-check trend`: three hand-made quarters in every format, and `score --history`.

Tiny model (tests/conftest.py): base (weight 2) = a (w1) + b (w3), legal (w1) = disclosure
(w2, knock-out at 3) + contracts (w1), top (w1) = x; bands developing 40, ready 70. A
criterion scores 100 x level / 4; challenges and overall are weighted means.

Q1 2026-03-31 (tests/cases/trend/q1.yaml): a 1, b 2, disclosure 3, contracts 2, x open
  base  (25 + 50 * 3) / 4 = 43.75 -> 43.8       legal (75 * 2 + 50) / 3 = 66.67 -> 66.7
  top   no score (0/1)                          overall (43.75 * 2 + 66.67) / 3 = 51.39 -> 51.4
Q2 2026-06-30: a 3, b 3, disclosure 4, contracts 3, x 1
  base  75.0    legal (100 * 2 + 75) / 3 = 91.67 -> 91.7    top 25.0
  overall (75 * 2 + 91.67 + 25) / 4 = 66.67 -> 66.7
Q3 2026-09-30: a 4, b 3, disclosure 2, contracts 1, x 3
  base  (100 + 75 * 3) / 4 = 81.25 -> 81.3   legal (50 * 2 + 25) / 3 = 41.67 -> 41.7 (at risk:
  disclosure 2 is below its minimum 3)      top 75.0
  overall (81.25 * 2 + 41.67 + 75) / 4 = 69.79 -> 69.8
Changes between the rounded scores:
  net (first -> last): overall 69.8 - 51.4 = +18.4, base +37.5, legal -25.0, top +50.0
  steps: overall +15.3, +3.1; base +31.2, +6.3; legal +25.0, -50.0; top +50.0 (Q2 -> Q3)
  largest gains: top +50.0 (Q2->Q3), base +31.2 (Q1->Q2), legal +25.0 (Q1->Q2)
  drops: legal -50.0 (Q2->Q3)
Criteria that got worse (Q2 -> Q3): disclosure 4 -> 2, contracts 3 -> 1.
Knock-out that appeared: disclosure, blocking from Q3 (met before), still blocking.
Sparklines (eight blocks of 12.5 points): overall 51.4 66.7 69.8 -> ▅▆▆; base ▄▇▇;
legal ▆█▄; top ·▃▇ (no score first).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner, Result

from conftest import CASES, TINY_MODEL
from conftest import run_cli as run
from test_html import Page
from test_schema import problems

QUARTERS = CASES / "trend"
ORDER = ("q3.yaml", "q1.yaml", "q2.yaml")  # given out of order on purpose
DATES = ["2026-03-31", "2026-06-30", "2026-09-30"]
ROWS = [
    ["", "Overall", "51.4 (4/5)", "66.7 (5/5)", "69.8 (5/5)", "▅▆▆", "+18.4"],
    ["1", "Base", "43.8 (2/2)", "75.0 (2/2)", "81.3 (2/2)", "▄▇▇", "+37.5"],
    ["2", "Legal", "66.7 (2/2)", "91.7 (2/2)", "41.7 (2/2)", "▆█▄", "-25.0"],
    ["3", "Top", "- (0/1)", "25.0 (1/1)", "75.0 (1/1)", "·▃▇", "+50.0"],
]
GAINS = [
    "3 Top: 25.0 → 75.0 (+50.0) between 2026-06-30 and 2026-09-30",
    "1 Base: 43.8 → 75.0 (+31.2) between 2026-03-31 and 2026-06-30",
    "2 Legal: 66.7 → 91.7 (+25.0) between 2026-03-31 and 2026-06-30",
]
DROPS = ["2 Legal: 91.7 → 41.7 (-50.0) between 2026-06-30 and 2026-09-30"]
WORSE = [
    "legal.disclosure: level 4 → 2 between 2026-06-30 and 2026-09-30",
    "legal.contracts: level 3 → 1 between 2026-06-30 and 2026-09-30",
]
KNOCKOUTS = ["legal.disclosure: blocking from 2026-09-30 (before: met)"]


@pytest.fixture
def quarters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("q1.yaml", "q2.yaml", "q3.yaml"):
        shutil.copy(QUARTERS / name, tmp_path / name)
    (tmp_path / "tiny.yaml").write_text(TINY_MODEL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def trend(runner: CliRunner, *args: str, code: int = 0) -> Result:
    result = run(runner, "trend", "--challenges", "tiny.yaml", *args)
    assert result.exit_code == code, result.stderr
    return result


def trend_json(runner: CliRunner, *args: str) -> Any:
    return json.loads(trend(runner, *ORDER, "-f", "json", *args).stdout)


def test_json_series_by_hand(runner: CliRunner, quarters: Path) -> None:
    data = trend_json(runner)
    assert [p["name"] for p in data["points"]] == ["q1.yaml", "q2.yaml", "q3.yaml"]
    assert [p["date"] for p in data["points"]] == DATES
    assert {p["date_source"] for p in data["points"]} == {"assessed_on"}
    overall = data["overall"]
    assert [v["score"] for v in overall["values"]] == [51.4, 66.7, 69.8]
    assert [(v["answered"], v["total"]) for v in overall["values"]] == [(4, 5), (5, 5), (5, 5)]
    assert overall["change"] == 18.4
    by_id = {c["id"]: c for c in data["challenges"]}
    assert list(by_id) == ["base", "legal", "top"]
    assert [v["score"] for v in by_id["base"]["values"]] == [43.8, 75.0, 81.3]
    assert [v["score"] for v in by_id["legal"]["values"]] == [66.7, 91.7, 41.7]
    assert [v["status"] for v in by_id["legal"]["values"]] == ["developing", "ready", "at_risk"]
    assert [v["score"] for v in by_id["top"]["values"]] == [None, 25.0, 75.0]
    assert [v["status"] for v in by_id["top"]["values"]] == ["no_data", "at_risk", "ready"]
    assert [c["change"] for c in by_id.values()] == [37.5, -25.0, 50.0]


def test_json_gains_drops_worse_and_knockouts(runner: CliRunner, quarters: Path) -> None:
    data = trend_json(runner)
    steps = [
        (s["challenge"], s["start"], s["before"], s["after"], s["change"]) for s in data["gains"]
    ]
    assert steps == [
        ("top", 1, 25.0, 75.0, 50.0),
        ("base", 0, 43.8, 75.0, 31.2),
        ("legal", 0, 66.7, 91.7, 25.0),
    ]
    assert data["drops"] == [
        {"challenge": "legal", "start": 1, "before": 91.7, "after": 41.7, "change": -50.0}
    ]
    assert data["criteria_worse"] == [
        {
            "criterion": "legal.disclosure",
            "challenge": "legal",
            "start": 1,
            "before": 4,
            "after": 2,
        },
        {"criterion": "legal.contracts", "challenge": "legal", "start": 1, "before": 3, "after": 1},
    ]
    assert data["knockouts_appeared"] == [
        {
            "criterion": "legal.disclosure",
            "challenge": "legal",
            "at": 2,
            "before": "met",
            "still_blocking": True,
        }
    ]


def test_json_matches_its_schema(runner: CliRunner, quarters: Path) -> None:
    schema = json.loads(run(runner, "schema", "trend").stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    data = trend_json(runner)
    assert problems(data, schema, schema) == []
    broken = {**data, "points": [{**data["points"][0], "date_source": "mtime"}]}
    assert problems(broken, schema, schema) != []


def test_table(runner: CliRunner, quarters: Path) -> None:
    lines = trend(runner, *ORDER).stdout.splitlines()
    assert lines[0] == "Progress over time"
    assert lines[1].startswith("1. 2026-03-31: q1.yaml · Beispiel Service GmbH · Jana Muster")
    starts = (["Overall"], ["1"], ["2"], ["3"])
    at = [i for i, line in enumerate(lines) if line.split()[:1] in starts]
    # each cell holds the score and, on the line below, the coverage
    assert [lines[i].split() for i in at] == [
        ["Overall", "51.4", "66.7", "69.8", "▅▆▆", "+18.4"],
        ["1", "Base", "43.8", "75.0", "81.3", "▄▇▇", "+37.5"],
        ["2", "Legal", "66.7", "91.7", "41.7", "▆█▄", "-25.0"],
        ["3", "Top", "-", "25.0", "75.0", "·▃▇", "+50.0"],
    ]
    assert [lines[i + 1].split() for i in at] == [
        ["(4/5)", "(5/5)", "(5/5)"],
        ["(2/2)", "(2/2)", "(2/2)"],
        ["(2/2)", "(2/2)", "(2/2)"],
        ["(0/1)", "(1/1)", "(1/1)"],
    ]
    text = "\n".join(lines)
    for title, items in (
        ("Largest gains", GAINS),
        ("Largest drops", DROPS),
        ("Criteria that got worse", WORSE),
        ("Knock-outs that appeared", KNOCKOUTS),
    ):
        assert f"\n{title}\n" + "\n".join(f"- {item}" for item in items) in text


def test_table_leaves_out_the_oldest_columns_that_do_not_fit(
    runner: CliRunner, quarters: Path
) -> None:
    shutil.copy("q1.yaml", "q0.yaml")
    text = (quarters / "q0.yaml").read_text(encoding="utf-8")
    (quarters / "q0.yaml").write_text(text.replace("2026-03-31", "2025-12-31"), encoding="utf-8")
    lines = trend(runner, "q0.yaml", *ORDER).stdout.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("#"))
    assert header.split()[2:5] == DATES  # 80 columns: the last three points
    overall = next(line for line in lines if line.split()[:1] == ["Overall"])
    assert overall.split()[-2:] == ["▅▅▆▆", "+18.4"]  # the trend has all four
    assert "The earliest assessment has no column here (too narrow)" in "\n".join(lines)


def _markdown_tables(text: str) -> list[list[list[str]]]:
    """Every table's cells as a reader sees them (inline Markdown rendered, tags dropped)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables: list[list[list[str]]] = []
    row: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            inline = tokens[index + 1]
            source = inline.content if inline.type == "inline" else ""
            row.append(Page(MarkdownIt("commonmark").renderInline(source)).text)
        elif token.type == "tr_close":
            tables[-1].append(row)
    return tables


def _markdown_lists(text: str) -> dict[str, list[str]]:
    """Each heading's list items, as plain text (markdown-it renders and strips tags)."""
    found: dict[str, list[str]] = {}
    heading = ""
    for line in text.splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        elif line.startswith("- "):
            item = MarkdownIt("commonmark").render(line)
            found.setdefault(heading, []).append(Page(item).text)
    return found


def test_markdown(runner: CliRunner, quarters: Path) -> None:
    text = trend(runner, *ORDER, "-f", "markdown").stdout
    tables = _markdown_tables(text)
    assert len(tables) == 1
    header, *rows = tables[0]
    assert header == ["#", "Challenge", *DATES, "Trend", "Change"]
    assert rows == ROWS
    assert "**Overall**" in text  # the overall row is bold
    lists = _markdown_lists(text)
    assert lists["Largest gains"] == GAINS
    assert lists["Largest drops"] == DROPS
    assert lists["Criteria that got worse"] == WORSE
    assert lists["Knock-outs that appeared"] == KNOCKOUTS
    points = [t for t in MarkdownIt("commonmark").parse(text) if t.type == "ordered_list_open"]
    assert len(points) == 1


def test_markdown_in_german(runner: CliRunner, quarters: Path) -> None:
    text = trend(runner, *ORDER, "-f", "markdown", "--lang", "de").stdout
    assert text.startswith("# Entwicklung über die Zeit\n")
    assert "| 2 | Recht | 66,7 (2/2) | 91,7 (2/2) | 41,7 (2/2) | ▆█▄ | \\-25,0 |" in text
    assert "- 2 Recht: 91,7 → 41,7 (-50,0) zwischen 2026-06-30 und 2026-09-30" in text
    assert "- legal.disclosure: blockiert ab 2026-09-30 (vorher: erfüllt)" in text


def _cells(html: str) -> list[list[str]]:
    body = html.split('<table class="trend">', 1)[1].split("</table>", 1)[0]
    rows = []
    for row in body.split("<tr>")[2:]:
        cells = [c.split("</td>")[0] for c in row.split("<td")[1:]]
        rows.append([Page("<td" + c).text if "<svg" not in c else "svg" for c in cells])
    return rows


def test_html(runner: CliRunner, quarters: Path) -> None:
    text = trend(runner, *ORDER, "-f", "html").stdout
    page = Page(text)
    names = {tag for tag, _ in page.tags}
    assert names.isdisjoint({"script", "link", "img", "iframe", "a"})
    assert "default-src 'none'" in page.attributes["content"][0]
    assert [row[:5] + row[6:] for row in _cells(text)] == [r[:5] + r[6:] for r in ROWS]
    assert [row[5] for row in _cells(text)] == ["svg"] * 4
    assert text.count('<svg class="spark"') == 4 and text.count('<svg class="trend-chart"') == 1
    # the legal sparkline: x 3, 60, 117; y = 3 + (100 - score) * 18 / 100
    assert '<polyline class="line" points="3,9 60,4.5 117,13.5"/>' in text
    # top has no first score: the line starts at the second point
    assert "<title>Top: - (0/1) · 25.0 (1/1) · 75.0 (1/1)</title>" in text
    assert '<polyline class="line" points="60,16.5 117,7.5"/>' in text
    # the overall chart: x 48, 332, 616; y = 16 + (100 - score) * 2.04
    assert '<polyline class="line" points="48,115.1 332,83.9 616,77.6"/>' in text
    for title, items in (("Largest gains", GAINS), ("Largest drops", DROPS)):
        block = text.split(f"<h2>{title}</h2>", 1)[1].split("</ul>", 1)[0]
        assert [c for c in Page(block).chunks if c.strip()] == items


def test_hostile_names_are_inert(runner: CliRunner, quarters: Path) -> None:
    hostile = '<script>alert(1)</script> | [x](http://e.test) "q" & Co'
    for name in ("q1.yaml", "q2.yaml"):
        text = (quarters / name).read_text(encoding="utf-8")
        (quarters / name).write_text(
            text.replace("Beispiel Service GmbH", json.dumps(hostile)), encoding="utf-8"
        )
    html = trend(runner, *ORDER, "-f", "html").stdout
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert hostile in Page(html).text
    markdown = trend(runner, *ORDER, "-f", "markdown").stdout
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script>" not in rendered and "<a " not in rendered
    assert hostile in Page(rendered).text  # shown as the text it is
    assert "&lt;script&gt;" in markdown


def test_order_ties_by_name_and_a_json_report_as_a_point(runner: CliRunner, quarters: Path) -> None:
    result = run(
        runner, "score", "q2.yaml", "--challenges", "tiny.yaml", "-f", "json", "-o", "b.json"
    )
    assert result.exit_code == 0, result.stderr
    shutil.copy("q2.yaml", "a.yaml")  # same day as b.json: the name decides
    data = trend_json(runner, "b.json", "a.yaml")
    names = [p["name"] for p in data["points"]]
    assert names == ["q1.yaml", "a.yaml", "b.json", "q2.yaml", "q3.yaml"]


def test_a_folder_is_one_point_per_file(runner: CliRunner, quarters: Path) -> None:
    history = quarters / "history"
    history.mkdir()
    for name in ("q1.yaml", "q2.yaml"):
        shutil.move(name, history / name)
    (history / "notes.txt").write_text("not an assessment", encoding="utf-8")
    data = json.loads(trend(runner, "history", "q3.yaml", "history/q1.yaml", "-f", "json").stdout)
    assert [p["name"] for p in data["points"]] == ["history/q1.yaml", "history/q2.yaml", "q3.yaml"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "schema_version: 1\nanswers:\n  base.a: 2\n",
            "undated.yaml:1:1: no assessed_on: the trend cannot place this assessment in time "
            "(hint: add assessed_on: YYYY-MM-DD, the day it was assessed)",
        ),
        (
            "schema_version: 1\nassessed_on: 2026-01-01\nanswers:\n  base.a: 7\n",
            "undated.yaml:4:11: level must be a whole number",
        ),
    ],
)
def test_bad_points_exit_2(runner: CliRunner, quarters: Path, content: str, message: str) -> None:
    (quarters / "undated.yaml").write_text(content, encoding="utf-8")
    result = trend(runner, "q1.yaml", "undated.yaml", "-o", "out.md", code=2)
    assert result.stderr.startswith(message)
    assert result.stdout == "" and not (quarters / "out.md").exists()


def test_too_few_points_and_an_empty_folder(runner: CliRunner, quarters: Path) -> None:
    result = trend(runner, "q1.yaml", "q1.yaml", code=2)  # one file named twice: one point
    assert result.stderr == "a trend needs at least two assessments; found 1\n"
    (quarters / "empty").mkdir()
    result = trend(runner, "empty", code=2)
    assert result.stderr.startswith("empty:1:1: folder holds no answers files or reports")


def test_no_output_over_an_input(runner: CliRunner, quarters: Path) -> None:
    before = (quarters / "q1.yaml").read_bytes()
    trend(runner, *ORDER, "-o", "q1.yaml", code=2)
    assert (quarters / "q1.yaml").read_bytes() == before


def _score(runner: CliRunner, *args: str) -> Result:
    result = run(runner, "score", "q3.yaml", "--challenges", "tiny.yaml", *args)
    assert result.exit_code == 1, result.stderr  # Q3 has a knock-out below its minimum
    return result


def test_score_history_markdown_and_html(runner: CliRunner, quarters: Path) -> None:
    plain = _score(runner, "-f", "markdown").stdout
    text = _score(runner, "-f", "markdown", "--history", "q2.yaml", "--history", "q1.yaml").stdout
    assert text.startswith(plain.rstrip("\n") + "\n\n## Progress over time\n")
    header, *rows = _markdown_tables(text)[-1]
    assert header == ["#", "Challenge", *DATES, "Trend", "Change"]
    assert [r[5] for r in rows] == [r[5] for r in ROWS]
    assert "3. 2026-09-30: q3.yaml · Beispiel Service GmbH" in text  # the current scoring last
    assert "### Largest drops\n\n- " + DROPS[0] in text
    html = _score(runner, "-f", "html", "--history", "q1.yaml", "--history", "q2.yaml").stdout
    assert html.count('<section class="trend">') == 1
    assert html.index('<section class="trend">') < html.index("</main>")
    assert ".spark .last" in html.split("</style>")[0]
    assert '<polyline class="line" points="48,115.1 332,83.9 616,77.6"/>' in html


def test_score_history_is_ignored_with_a_note_elsewhere(runner: CliRunner, quarters: Path) -> None:
    plain = _score(runner, "-f", "json").stdout
    result = _score(runner, "-f", "json", "--history", "q1.yaml")
    assert json.loads(result.stdout) == json.loads(plain)
    assert "warning: --history adds a trend section to Markdown and HTML reports only" in (
        result.stderr
    )


def test_score_history_with_a_bad_file_writes_nothing(runner: CliRunner, quarters: Path) -> None:
    (quarters / "bad.yaml").write_text("schema_version: 1\nanswers: [\n", encoding="utf-8")
    result = run(
        runner,
        "score",
        "q3.yaml",
        "--challenges",
        "tiny.yaml",
        "-f",
        "html",
        "-o",
        "r.html",
        "--history",
        "bad.yaml",
    )
    assert result.exit_code == 2 and result.stderr.startswith("bad.yaml:")
    assert not (quarters / "r.html").exists()
