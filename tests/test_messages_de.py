"""Error messages and hints in German: chosen by --lang, CSM_CHECK_LANG or the locale, before
any file is read (an answers file's own `language` does not decide). English stays the default.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CASES, EXAMPLE, TINY_MODEL, ui_strings
from conftest import run_cli as run
from csm_check.errors import Problem, did_you_mean
from csm_check.i18n import choose_message_language, message_language, messages_in, msg

HEADER = "schema_version: 1\nanswers:\n"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Files are named relative to the current folder, as a person types them."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# (file name, content, the German lines of `validate --lang de FILE`)
ANSWERS_DE = [
    (
        "unknown-key.yaml",
        "schema_version: 1\norganization: ACME\nanswers: {}\n",
        [
            "unknown-key.yaml:2:1: Unbekannter Schlüssel 'organization' "
            "(Hinweis: Meinten Sie 'organisation'?)"
        ],
    ),
    (
        "unknown-id.yaml",
        HEADER + "  talent.atrition-tracking: 2\n",
        [
            "unknown-id.yaml:3:3: Unbekannte Kriterien-ID 'talent.atrition-tracking' "
            "(Hinweis: Meinten Sie 'talent.attrition-rate'?)"
        ],
    ),
    (
        "duplicate.yaml",
        HEADER + "  talent.attrition-tracking: 2\n  talent.attrition-tracking: 3\n",
        [
            "duplicate.yaml:4:3: Schlüssel 'talent.attrition-tracking' doppelt (zuerst in Zeile 3) "
            "(Hinweis: Nur einen der beiden behalten)"
        ],
    ),
    (
        "level-no.yaml",
        HEADER + "  talent.attrition-tracking: no\n",
        [
            "level-no.yaml:3:30: Stufe muss eine ganze Zahl von 0 bis 4 oder n/a sein, "
            "gefunden: das boolesche false (Hinweis: YAML liest yes/no/on/off ohne "
            "Anführungszeichen als Wahrheitswerte: eine Zahl wie 0 schreiben)"
        ],
    ),
    (
        "na.yaml",
        HEADER + "  talent.attrition-tracking: n/a\n",
        [
            "na.yaml:3:30: n/a braucht eine Notiz, warum das Kriterium nicht zutrifft "
            '(Hinweis: {level: n/a, note: "..."} schreiben)'
        ],
    ),
    (
        "not-utf8.yaml",
        "schema_version: 1\norganisation: M\xfcller GmbH\n".encode("latin-1"),
        [
            "not-utf8.yaml:2:16: Kein gültiges UTF-8 (Byte 0xfc) "
            "(Hinweis: Datei mit der Kodierung UTF-8 speichern)"
        ],
    ),
    (
        "syntax.yaml",
        'schema_version: 1\norganisation: "ACME\n',
        [
            "syntax.yaml:3:1: YAML-Syntaxfehler, beim Lesen eines Texts in Anführungszeichen: "
            "Datei endet unerwartet"
        ],
    ),
    (
        "date.yaml",
        "schema_version: 1\nassessed_on: 2026-02-30\n",
        [
            "date.yaml:2:14: 'assessed_on' muss ein Datum wie 2026-11-27 sein, "
            "gefunden: '2026-02-30'"
        ],
    ),
    (
        "note.yaml",
        HEADER + "  talent.attrition-tracking: {level: 2, note: 5}\n",
        [
            "note.yaml:3:47: Notiz muss Text sein, gefunden: 5 "
            "(Hinweis: Notiz in Anführungszeichen setzen, damit sie Text bleibt)"
        ],
    ),
    ("empty.yaml", "# nothing yet\n", ["empty.yaml:1:1: Datei ist leer"]),
]


@pytest.mark.parametrize(("name", "text", "expected"), ANSWERS_DE, ids=[c[0] for c in ANSWERS_DE])
def test_validate_with_lang_de(
    runner: CliRunner, here: Path, name: str, text: str | bytes, expected: list[str]
) -> None:
    write(here, name, text)
    result = run(runner, "validate", "--lang", "de", name)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == expected


@pytest.mark.parametrize(("name", "text", "expected"), ANSWERS_DE, ids=[c[0] for c in ANSWERS_DE])
def test_score_in_a_german_locale(
    runner: CliRunner,
    here: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    text: str | bytes,
    expected: list[str],
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    write(here, name, text)
    result = run(runner, "score", name, "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == expected


def test_file_not_found(runner: CliRunner, here: Path) -> None:
    for command in ("validate", "score"):
        result = run(runner, command, "--lang", "de", "nope.yaml")
        assert result.exit_code == 2
        assert result.stderr == "nope.yaml:1:1: Datei nicht gefunden\n"


def test_folders(runner: CliRunner, here: Path) -> None:
    (here / "team").mkdir()
    result = run(runner, "score", "--lang", "de", "team")
    assert result.stderr == "team:1:1: Ordner enthält keine Antwortdateien (*.yaml, *.yml)\n"
    result = run(runner, "validate", "--lang", "de", "team")
    assert result.stderr == "team:1:1: Ist ein Ordner, keine Datei\n"


def test_file_too_large_uses_german_digit_grouping(runner: CliRunner, here: Path) -> None:
    write(here, "big.yaml", "#" * (1024 * 1024 + 1))
    result = run(runner, "validate", "--lang", "de", "big.yaml")
    assert result.stderr == (
        "big.yaml:1:1: Datei hat 1.048.577 Bytes; erlaubt sind höchstens 1.048.576 Bytes (1 MiB)\n"
    )


def test_output_that_cannot_be_written(runner: CliRunner, here: Path) -> None:
    result = run(runner, "score", str(EXAMPLE), "--lang", "de", "-f", "json", "-o", "no/r.json")
    assert result.exit_code == 2
    assert result.stderr == (
        "no/r.json:1:1: Datei kann nicht geschrieben werden: Datei oder Ordner nicht vorhanden\n"
    )


def test_config_unknown_challenge(runner: CliRunner, here: Path) -> None:
    write(here, "csm-check.yaml", "challenges:\n  complience: {minimum: 50}\n")
    result = run(runner, "score", str(EXAMPLE), "--lang", "de")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "csm-check.yaml:2:3: Unbekannte Herausforderungs-ID 'complience' "
        "(Hinweis: Meinten Sie 'compliance'?)"
    ]


def test_config_quoted_boolean_and_number(runner: CliRunner, here: Path) -> None:
    write(here, "csm-check.yaml", 'require_complete: "yes"\nfail_under: "60"\n')
    english = run(runner, "score", str(EXAMPLE))
    assert english.exit_code == 2
    assert english.stderr.splitlines() == [
        "csm-check.yaml:1:19: 'require_complete' must be true or false, got 'yes' "
        "(hint: write true or false without quotes)",
        "csm-check.yaml:2:13: 'fail_under' must be a number, got '60' (hint: remove the quotes)",
    ]
    german = run(runner, "score", str(EXAMPLE), "--lang", "de")
    assert german.stderr.splitlines() == [
        "csm-check.yaml:1:19: 'require_complete' muss true oder false sein, gefunden: 'yes' "
        "(Hinweis: true oder false ohne Anführungszeichen schreiben)",
        "csm-check.yaml:2:13: 'fail_under' muss eine Zahl sein, gefunden: '60' "
        "(Hinweis: Anführungszeichen entfernen)",
    ]


def test_boolean_hint_for_a_value_that_is_no_boolean_word(runner: CliRunner, here: Path) -> None:
    write(here, "csm-check.yaml", "require_complete: 1\n")
    result = run(runner, "score", str(EXAMPLE))
    assert result.stderr == (
        "csm-check.yaml:1:19: 'require_complete' must be true or false, got 1 "
        "(hint: write true or false)\n"
    )


def test_model_text_missing_german(runner: CliRunner, here: Path) -> None:
    broken = TINY_MODEL.replace('title: {en: "Tiny model", de: "Kleines Modell"}', "title: {en: T}")
    write(here, "model.yaml", broken)
    result = run(runner, "validate", "--lang", "de", "--challenges", "model.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "model.yaml:3:8: Dem Text fehlt die deutsche Fassung ('de') "
        "(Hinweis: Jeder Text braucht 'en' und 'de')"
    ]


def test_model_relations_in_german(runner: CliRunner, here: Path) -> None:
    broken = TINY_MODEL.replace(
        "bands: {developing: 40, ready: 70}", "bands: {developing: 70.5, ready: 40}"
    )
    broken = broken.replace("depends_on: [base]", "depends_on: [bse]")
    write(here, "model.yaml", broken)
    result = run(runner, "validate", "--lang", "de", "--challenges", "model.yaml")
    assert result.stderr.splitlines() == [
        "model.yaml:12:8: Die Grenzen in bands müssen aufsteigen: "
        "developing (70,5) muss unter ready (40) liegen",
        "model.yaml:49:18: Unbekannte Herausforderung 'bse' in depends_on "
        "(Hinweis: Meinten Sie 'base'?)",
    ]


def test_interactive_reports_a_broken_answers_file_in_german(runner: CliRunner, here: Path) -> None:
    write(here, "answers.yaml", HEADER + "  talent.attrition-tracking: no\n")
    result = run(runner, "interactive", "--lang", "de", "--answers", "answers.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("answers.yaml:3:30: Stufe muss eine ganze Zahl")


def test_gate_warning_prefix_in_german(runner: CliRunner, here: Path) -> None:
    write(here, "csm-check.yaml", "challenges:\n  compliance: {minimum: 100, level: warn}\n")
    result = run(runner, "score", str(EXAMPLE), "--lang", "de", "-f", "json")
    warnings = [line for line in result.stderr.splitlines() if "compliance" in line]
    assert warnings
    assert all(line.startswith("Warnung: Herausforderung compliance ") for line in warnings)


def test_junit_skipped_message_in_german(
    runner: CliRunner, here: Path, tiny_model_file: Path
) -> None:
    write(here, "a.yaml", HEADER + "  base.a: 4\n")
    result = run(
        runner, "score", "a.yaml", "--challenges", tiny_model_file, "--lang", "de", "-f", "junit"
    )
    assert '<skipped message="legal: nicht beantwortet" />' in result.stdout


# --- how the language is chosen -------------------------------------------------------------

LEVEL_NO = HEADER + "  talent.attrition-tracking: no\n"
ENGLISH = (
    "a.yaml:3:30: level must be a whole number from 0 to 4 or n/a, got the boolean false "
    "(hint: YAML reads unquoted no/yes/off/on as booleans: write a number such as 0 instead)"
)
GERMAN = ANSWERS_DE[3][2][0].replace("level-no.yaml", "a.yaml")


@pytest.mark.parametrize(
    ("environment", "args", "expected"),
    [
        ({}, [], ENGLISH),
        ({"LANG": "de_DE.UTF-8"}, [], GERMAN),
        ({"LC_MESSAGES": "de_AT.UTF-8", "LANG": "en_US.UTF-8"}, [], GERMAN),
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, [], ENGLISH),
        ({"CSM_CHECK_LANG": "de"}, [], GERMAN),
        ({"CSM_CHECK_LANG": "en", "LANG": "de_DE.UTF-8"}, [], ENGLISH),
        ({"LANG": "de_DE.UTF-8"}, ["--lang", "en"], ENGLISH),
        ({"CSM_CHECK_LANG": "en"}, ["--lang", "de"], GERMAN),
    ],
)
def test_message_language_choice(
    runner: CliRunner,
    here: Path,
    monkeypatch: pytest.MonkeyPatch,
    environment: dict[str, str],
    args: list[str],
    expected: str,
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    write(here, "a.yaml", LEVEL_NO)
    result = run(runner, "validate", *args, "a.yaml")
    assert result.stderr.splitlines() == [expected]


def test_the_answers_files_language_does_not_choose(runner: CliRunner, here: Path) -> None:
    """The problem may be in that very file: the message language is fixed before reading."""
    write(here, "a.yaml", LEVEL_NO.replace("answers:", "language: de\nanswers:"))
    result = run(runner, "score", "a.yaml")
    assert result.stderr.splitlines() == [ENGLISH.replace("a.yaml:3:", "a.yaml:4:")]


def test_default_is_english_and_scoped() -> None:
    assert message_language() == "en"
    assert msg("err.not_found") == "file not found"
    with messages_in("de"):
        assert message_language() == "de"
        assert msg("err.not_found") == "Datei nicht gefunden"
        assert did_you_mean("levl", ["level"]) == "Meinten Sie 'level'?"
        assert str(Problem("f", 1, 2, "x", "y")) == "f:1:2: x (Hinweis: y)"
        with messages_in("en"):
            assert msg("err.not_found") == "file not found"
        assert message_language() == "de"
    assert message_language() == "en"
    assert str(Problem("f", 1, 2, "x", "y")) == "f:1:2: x (hint: y)"


def test_the_language_is_reset_after_an_error() -> None:
    with pytest.raises(ValueError), messages_in("de"):
        raise ValueError
    assert message_language() == "en"


def test_choose_message_language_ignores_unknown_options() -> None:
    assert choose_message_language("fr", {"LANG": "de_DE.UTF-8"}) == "de"
    assert choose_message_language("de", {}) == "de"
    assert choose_message_language(None, {}) == "en"


# --- every message exists in both languages -------------------------------------------------


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_error_message_has_both_languages() -> None:
    strings = ui_strings()
    keys = [key for key in strings if key.startswith("err.")]
    assert len(keys) > 80
    for key in keys:
        texts = strings[key]
        assert set(texts) == {"en", "de"}, key
        assert texts["en"].strip() and texts["de"].strip(), key
        assert texts["en"] != texts["de"] or key == "err.field.other", key
        assert _fields(texts["en"]) == _fields(texts["de"]), key


CORPUS = sorted((CASES / "invalid" / "answers").glob("*.yaml")) + sorted(
    (CASES / "invalid" / "models").glob("*.yaml")
)


def _lines(runner: CliRunner, path: Path, language: str) -> list[str]:
    option = "--challenges" if path.parent.name == "models" else ""
    args = ["validate", "--lang", language, *([option, str(path)] if option else [str(path)])]
    result = run(runner, *args)
    assert result.exit_code == 2
    return result.stderr.splitlines()


@pytest.mark.parametrize("path", CORPUS, ids=[f"{p.parent.name}/{p.name}" for p in CORPUS])
def test_every_invalid_case_is_translated(runner: CliRunner, path: Path) -> None:
    """Same problems at the same places, and no English message or hint left in German."""
    english, german = _lines(runner, path, "en"), _lines(runner, path, "de")
    assert len(english) == len(german)
    for en, de in zip(english, german, strict=True):
        place = en.split(": ", 1)[0]
        assert de.startswith(place + ": "), (en, de)
        assert de != en
        assert "(hint:" not in de
        assert "did you mean" not in de
