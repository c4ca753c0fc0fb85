"""Malformed answers and model files: exit 2, one `FILE:LINE:COL: message` line per problem.

Each file under tests/cases/invalid/ starts with one or more `# expect: LINE:COL: message`
comment lines (the comment lines count when numbering lines). The test asserts exactly those
lines on stderr, in that order, and nothing else. Cases that need huge or empty files are
generated below instead of being committed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import CASES, EXAMPLE
from csm_check.cli import app

ANSWERS = sorted((CASES / "invalid" / "answers").glob("*.yaml"))
MODELS = sorted((CASES / "invalid" / "models").glob("*.yaml"))
EXPECT = b"# expect: "
LOCATED = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): \S")


def expectations(path: Path) -> list[str]:
    """The `# expect:` lines at the top of a case file (read as bytes: some are not UTF-8)."""
    found: list[str] = []
    for raw in path.read_bytes().split(b"\n"):
        if not raw.startswith(EXPECT):
            break
        found.append(raw[len(EXPECT) :].decode("utf-8"))
    return found


def assert_problems(result: Result, path: Path, expected: list[str]) -> None:
    """Exit 2, nothing on stdout, exactly the expected located lines on stderr, no traceback."""
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == len(expected), result.stderr
    for line, expect in zip(lines, expected, strict=True):
        assert line.startswith(f"{path}:{expect}"), f"\n got: {line}\nwant: {path}:{expect}"
    positions = []
    for line in lines:
        match = LOCATED.match(line)
        assert match is not None and match["path"] == str(path), line
        positions.append((int(match["line"]), int(match["col"])))
    assert positions == sorted(positions)


def validate(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, ["validate", *args])


def test_corpus_is_large_enough() -> None:
    assert len(ANSWERS) >= 25
    assert len(MODELS) >= 20
    for path in [*ANSWERS, *MODELS]:
        assert expectations(path), f"{path.name} has no '# expect:' line"


@pytest.mark.parametrize("path", ANSWERS, ids=[p.stem for p in ANSWERS])
def test_invalid_answers_file(runner: CliRunner, path: Path) -> None:
    assert_problems(validate(runner, str(path)), path, expectations(path))


@pytest.mark.parametrize("path", MODELS, ids=[p.stem for p in MODELS])
def test_invalid_model_file(runner: CliRunner, path: Path) -> None:
    assert_problems(validate(runner, "--challenges", str(path)), path, expectations(path))


@pytest.mark.parametrize("path", MODELS[:3], ids=[p.stem for p in MODELS[:3]])
def test_score_rejects_an_invalid_model_the_same_way(runner: CliRunner, path: Path) -> None:
    result = runner.invoke(app, ["score", str(EXAMPLE), "--challenges", str(path)])
    assert_problems(result, path, expectations(path))


def test_several_problems_are_reported_at_once_sorted_by_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    # Found in this order: header fields (lines 6, 2), then the answers (lines 4, 5).
    path = tmp_path / "many.yaml"
    path.write_text(
        "schema_version: 1\n"
        "organization: Beispiel\n"
        "answers:\n"
        "  talent.attrition-tracking: yes\n"
        "  talent.ai-skill-profiles: {level: 2, note: 12}\n"
        "language: english\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["score", str(path)])
    assert_problems(
        result,
        path,
        [
            "2:1: unknown key 'organization'",
            "4:30: level must be a whole number from 0 to 4 or n/a, got the boolean true",
            "5:46: note must be text, got 12",
            "6:11: 'language' must be 'en' or 'de', got 'english'",
        ],
    )


def test_empty_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_bytes(b"")
    assert_problems(validate(runner, str(path)), path, ["1:1: file is empty"])


def test_file_over_one_mebibyte_is_refused_before_parsing(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "huge.yaml"
    head = b"schema_version: 1\nanswers:\n"
    path.write_bytes(head + b"#" * (1024 * 1024 + 1 - len(head)))
    assert_problems(
        validate(runner, str(path)),
        path,
        ["1:1: file is 1,048,577 bytes; the limit is 1,048,576 bytes (1 MiB)"],
    )


def test_file_of_exactly_one_mebibyte_is_read(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "large.yaml"
    head = b"schema_version: 1\nanswers:\n  talent.attrition-rate: 2\n#"
    path.write_bytes(head + b"x" * (1024 * 1024 - len(head)))
    result = validate(runner, str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{path}: ok (1/50 answered)\n"


def test_note_over_2000_characters(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "long-note.yaml"
    note = "ä" * 2001  # characters, not bytes
    path.write_text(
        f'schema_version: 1\nanswers:\n  talent.attrition-tracking: {{level: 2, note: "{note}"}}\n',
        encoding="utf-8",
    )
    assert_problems(
        validate(runner, str(path)),
        path,
        ["3:47: note is 2,001 characters; at most 2,000 are allowed"],
    )


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_nesting(runner: CliRunner, tmp_path: Path, opener: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("schema_version: 1\nanswers: " + opener * 5000 + "\n", encoding="utf-8")
    result = validate(runner, str(path))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    match = LOCATED.match(line)
    assert match is not None and match["path"] == str(path)
    assert int(match["line"]) == 2


def test_bom_does_not_hide_an_invalid_byte(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bom-latin1.yaml"
    path.write_bytes(b"\xef\xbb\xbfschema_version: 1\nrespondent: J\xf6rg\n")
    assert_problems(validate(runner, str(path)), path, ["2:14: not valid UTF-8 (byte 0xf6)"])


def test_missing_file_and_folder(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert_problems(validate(runner, str(missing)), missing, ["1:1: file not found"])
    assert_problems(validate(runner, str(tmp_path)), tmp_path, ["1:1: is a folder, not a file"])


def test_every_file_is_reported_and_good_ones_still_pass(runner: CliRunner, tmp_path: Path) -> None:
    bad = CASES / "invalid" / "answers" / "level-7.yaml"
    result = validate(runner, str(EXAMPLE), str(bad))
    assert result.exit_code == 2
    assert result.stdout == f"{EXAMPLE}: ok (45/50 answered)\n"
    assert result.stderr.startswith(f"{bad}:4:30: level must be a whole number")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('schema_version: 1\nanswers:\n  a: "ö\x01"\n', "3:8: character U+0001 is not allowed"),
        ("ä: 1\n\x00", "2:1: character U+0000 is not allowed"),
    ],
)
def test_pure_python_loader_locates_bad_characters_the_same(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    """Without libyaml the reader fails earlier (in the loader's constructor), in characters."""
    import yaml

    from csm_check.errors import InvalidInputError
    from csm_check.yamlio import read as yamlio

    for loader in (yamlio._BaseLoader, yaml.SafeLoader):
        monkeypatch.setattr(yamlio, "_BaseLoader", loader)
        monkeypatch.setattr(yamlio, "_StrictLoader", type("Strict", (loader,), {}))
        with pytest.raises(InvalidInputError) as caught:
            yamlio.parse_yaml(text, "x.yaml")
        assert caught.value.lines()[0].startswith(f"x.yaml:{expected}"), loader


def test_thousands_of_problems_are_counted_not_all_printed(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A file of 5,000 unknown ids: the first 200 problems, then how many more (and fast,
    since positions come from one walk; no timing asserted here)."""
    lines = ["schema_version: 1", "answers:", *(f"  x.k{i}: 1" for i in range(5000))]
    path = tmp_path / "many.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 201
    assert errors[0] == f"{path}:3:3: unknown criterion id 'x.k0'"
    assert errors[199] == f"{path}:202:3: unknown criterion id 'x.k199'"
    assert errors[200] == "... and 4800 more problems"


def test_integer_too_long_for_python_is_a_located_error(runner: CliRunner, tmp_path: Path) -> None:
    """Python refuses to convert integers of more than 4,300 digits; that is bad input."""
    path = tmp_path / "huge.yaml"
    path.write_text(
        "schema_version: 1\nanswers:\n  talent.attrition-tracking: " + "9" * 5000 + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:3:30: level must be a whole number from 0 to 4 or n/a")
    assert "Traceback" not in result.output
