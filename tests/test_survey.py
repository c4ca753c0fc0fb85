"""Survey CSV: the template, and importing rows into answers files (the tiny model of
conftest.py: base.a, base.b, legal.disclosure, legal.contracts, top.x).

Every bad file is rejected with its row (the header is row 1) and the column's name, exit 2,
and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import run_cli as run
from csm_check.answers import parse_answers
from csm_check.loading import load_model
from csm_check.yamlio.read import load_yaml

IDS = "base.a,base.b,legal.disclosure,legal.contracts,top.x"
HEADER = f"organisation,respondent,role,assessed_on,language,{IDS}"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_model_file: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def import_csv(runner: CliRunner, data: bytes, *args: str) -> Result:
    Path("survey.csv").write_bytes(data)
    return run(runner, "import", "survey.csv", "-o", "out", "--challenges", "tiny.yaml", *args)


# --- the template ---------------------------------------------------------------------------


def test_template_english_comma(runner: CliRunner, here: Path) -> None:
    result = run(runner, "survey-template", "-o", "t.csv", "--challenges", "tiny.yaml")
    assert result.exit_code == 0, result.stderr
    assert Path("t.csv").read_bytes() == ("\ufeff" + HEADER + "\r\n").encode()


def test_template_german_semicolon_with_questions(runner: CliRunner, here: Path) -> None:
    args = ("survey-template", "-o", "t.csv", "--challenges", "tiny.yaml", "--lang", "de")
    assert run(runner, *args, "--questions").exit_code == 0
    lines = Path("t.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[0] == HEADER.replace(",", ";")
    assert lines[1].startswith("Organisation;Ihr Name;")
    assert lines[1].endswith(";Datum (JJJJ-MM-TT);Sprache (en, de);A?;B?;Offengelegt?;Verträge?;X?")


def test_template_round_trip_with_questions(runner: CliRunner, here: Path) -> None:
    """The template filled in a spreadsheet imports, its question row skipped."""
    run(runner, "survey-template", "-o", "t.csv", "--challenges", "tiny.yaml", "--questions")
    text = Path("t.csv").read_text("utf-8") + "Org,Ann,agent,2026-11-27,en,1,2,3,4,0\r\n"
    result = import_csv(runner, text.encode())
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in Path("out").iterdir()) == ["ann.yaml"]


def test_template_refuses_to_replace_a_file(runner: CliRunner, here: Path) -> None:
    Path("t.csv").write_text("mine", encoding="utf-8")
    result = run(runner, "survey-template", "-o", "t.csv", "--challenges", "tiny.yaml")
    assert result.exit_code == 2
    assert Path("t.csv").read_text("utf-8") == "mine"


# --- valid imports ---------------------------------------------------------------------------


GERMAN_EXCEL = (
    "\ufefforganisation;respondent;role;assessed_on;language;base.a;base.b;legal.disclosure;"
    "legal.contracts;top.x\r\n"
    "Beispiel GmbH;Jana Müller;Teamleitung;27.11.2026;de;Umgesetzt;2;n. a.: kein Bot;"
    "Teilweise;\r\n"
    'Beispiel GmbH;Jana Müller;Servicemitarbeiter/in;2026-11-28;de;"3,0";punktuell;;;'
    "Gemessen\r\n"
    ";;;;;;;;;\r\n"
).encode()


def test_german_excel_csv(runner: CliRunner, here: Path, tiny_model_file: Path) -> None:
    result = import_csv(runner, GERMAN_EXCEL)
    assert result.exit_code == 0, result.stderr
    assert "Wrote 2 answers files to out." in result.stderr
    first = Path("out/jana-mueller.yaml").read_text("utf-8")
    assert 'respondent: "Jana Müller"\nrole: "Teamleitung"\nassessed_on: 2026-11-27\n' in first
    assert "  base.a: 3\n  base.b: 2\n" in first
    assert '  legal.disclosure: {level: n/a, note: "kein Bot"}\n  legal.contracts: 2\n' in first
    assert "  top.x:\n" in first
    second = Path("out/jana-mueller-2.yaml").read_text("utf-8")
    assert "  base.a: 3\n  base.b: 1\n" in second
    assert "  legal.disclosure:\n  legal.contracts:\n" in second
    assert "  top.x: 4\n" in second
    model = load_model(tiny_model_file)
    answers = parse_answers(load_yaml(Path("out/jana-mueller.yaml")), model)
    assert answers.role == "Teamleitung" and answers.language == "de"
    assert (
        run(runner, "validate", "out/jana-mueller.yaml", "--challenges", "tiny.yaml").exit_code == 0
    )


def test_english_comma_csv(runner: CliRunner, here: Path) -> None:
    data = (
        f"{HEADER}\n"
        'Acme,"Smith, Ann",team lead,2026-11-27,en,In place,0,"n/a: no chat bot, yet",4,\n'
        ",,,,,Ad hoc,measured,,,\n"
    ).encode()
    result = import_csv(runner, data)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in Path("out").iterdir()) == ["row-3.yaml", "smith-ann.yaml"]
    ann = Path("out/smith-ann.yaml").read_text("utf-8")
    assert "  base.a: 3\n  base.b: 0\n" in ann
    assert '  legal.disclosure: {level: n/a, note: "no chat bot, yet"}\n' in ann
    assert "language: en\n" in ann
    anonymous = Path("out/row-3.yaml").read_text("utf-8")
    assert "respondent:\nrole:\nassessed_on:\nlanguage:\n" in anonymous
    assert "  base.a: 1\n  base.b: 4\n" in anonymous


def test_existing_answers_files_are_kept_without_force(runner: CliRunner, here: Path) -> None:
    data = f"{HEADER}\nAcme,Ann,,,,1,,,,\n".encode()
    assert import_csv(runner, data).exit_code == 0
    before = Path("out/ann.yaml").read_text("utf-8")
    result = import_csv(runner, data.replace(b",1,", b",2,"))
    assert result.exit_code == 2
    assert "out/ann.yaml" in result.stderr and "--force" in result.stderr
    assert Path("out/ann.yaml").read_text("utf-8") == before
    assert import_csv(runner, data.replace(b",1,", b",2,"), "--force").exit_code == 0
    assert "  base.a: 2\n" in Path("out/ann.yaml").read_text("utf-8")


# --- bad files: row and column named, nothing written ---------------------------------------


BAD = [
    (
        "unknown column",
        f"{HEADER},base.c\nAcme,Ann,,,,1,,,,,\n",
        "survey.csv:1:11: unknown column 'base.c' (hint: did you mean 'base.b'?)",
    ),
    (
        "bad level",
        f"{HEADER}\nAcme,Ann,,,,5,,,,\n",
        "survey.csv:2:6: column base.a: '5' is not an answer (hint: write a level 0-4, a "
        'level\'s name (0 None, 1 Ad hoc, 2 Partly, 3 In place, 4 Measured), "n/a: reason", '
        "or leave it empty)",
    ),
    (
        "n/a without reason",
        f"{HEADER}\nAcme,Ann,,,,1,2,n/a,,\n",
        'survey.csv:2:8: column legal.disclosure: n/a needs a reason (hint: write it as "n/a: '
        'why it does not apply")',
    ),
    (
        "bad date",
        f"{HEADER}\nAcme,Ann,,2026-13-01,,1,,,,\n",
        "survey.csv:2:4: column assessed_on: '2026-13-01' is not a date (hint: write the date "
        "as YYYY-MM-DD, e.g. 2026-11-27)",
    ),
    (
        "bad language",
        f"{HEADER}\nAcme,Ann,,,fr,1,,,,\n",
        "survey.csv:2:5: column language: unknown language 'fr' (hint: write one of en, de)",
    ),
    (
        "duplicate column",
        "respondent,base.a,base.a\nAnn,1,2\n",
        "survey.csv:1:3: column 'base.a' appears twice (first in column 2)",
    ),
    (
        "ragged row",
        f"{HEADER}\nAcme,Ann,,,,1,2,3\n",
        "survey.csv:2:9: column legal.contracts: the row has 8 cells, the header has 10",
    ),
    (
        "too many cells",
        "respondent,base.a\nAnn,1,2\n",
        "survey.csv:2:3: the row has 3 cells, the header has 2",
    ),
    (
        "empty file",
        "\ufeff \r\n",
        "survey.csv:1:1: the file is empty: it needs a header row with the column names",
    ),
    ("header only", f"{HEADER}\n", "survey.csv:2:1: the file has a header but no answers rows"),
]


@pytest.mark.parametrize(("case", "text", "expected"), BAD, ids=[case for case, _, _ in BAD])
def test_bad_cells_are_located(
    runner: CliRunner, here: Path, case: str, text: str, expected: str
) -> None:
    # a good row after the bad one: nothing of it may be written either
    width = text.split("\n", 1)[0].count(",") + 1
    good = "" if case in ("empty file", "header only") else "Bo" + "," * (width - 1) + "\n"
    data = (text + good).encode()
    result = import_csv(runner, data)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [expected]
    assert not Path("out").exists()


def test_not_utf8(runner: CliRunner, here: Path) -> None:
    data = f"{HEADER}\nAcme,J\xfcrgen,,,,1,,,,\n".encode("latin-1")
    result = import_csv(runner, data)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        'survey.csv:2:7: not UTF-8 text (hint: save it as "CSV UTF-8" (Excel) or export it '
        "as UTF-8)"
    ]
    assert not Path("out").exists()


def test_every_problem_of_the_file_at_once(runner: CliRunner, here: Path) -> None:
    data = f"{HEADER}\nAcme,Ann,,,,x,,,,\nAcme,Bo,,,,1,9,,,\n".encode()
    result = import_csv(runner, data)
    assert [line.split(": ")[0] for line in result.stderr.splitlines()] == [
        "survey.csv:2:6",
        "survey.csv:3:7",
    ]


def test_german_messages(runner: CliRunner, here: Path) -> None:
    result = import_csv(runner, f"{HEADER}\nAcme,Ann,,,,x,,,,\n".encode(), "--lang", "de")
    assert result.stderr.startswith("survey.csv:2:6: Spalte base.a: 'x' ist keine Antwort")
    assert "0 Nichts, 1 Punktuell" in result.stderr


def test_rows_are_counted_as_a_spreadsheet_shows_them(runner: CliRunner, here: Path) -> None:
    """A quoted cell over two lines is one row: the next row's problem is in row 3."""
    data = f'{HEADER}\nAcme,Ann,,,,"n/a: first line\nsecond line",,,,\nAcme,Bo,,,,7,,,,\n'
    result = import_csv(runner, data.encode())
    assert result.exit_code == 2
    assert result.stderr.startswith("survey.csv:3:6: column base.a: '7' is not an answer")
