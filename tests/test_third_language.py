"""A third language, added from test data only: nothing in csm_check names it.

`xx` is a pseudo-language derived from English: every UI text wrapped as `⟦…⟧` (the
`{fields}` kept), a decimal comma, and a model file derived from the built-in
challenges.yaml with an `xx:` text beside every `en:`. If any part of csm-check still
listed the languages itself, some command below would fail or fall back to English.

The language is registered through the public API for one test at a time and removed
afterwards, so the other tests see English and German only, whatever the order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLE, REPO, run_cli
from csm_check.cli import app
from csm_check.i18n import (
    LanguageDefinition,
    catalog,
    choose_language,
    definition,
    format_count,
    format_number,
    format_plain_number,
    languages,
    register_language,
    t,
    unregister_language,
)
from csm_check.i18n.registry import catalog_problems
from csm_check.loading import load_model

CODE = "xx"
DECIMAL_COMMA = re.compile(r"\d,\d")
ENGLISH_TITLE = yaml.safe_load((REPO / "challenges.yaml").read_text(encoding="utf-8"))["title"][
    "en"
]


def pseudo(text: str) -> str:
    return f"⟦{text}⟧"


def pseudo_language() -> LanguageDefinition:
    return LanguageDefinition(
        code=CODE,
        english_name="Pseudo",
        native_name=pseudo("Pseudo"),
        catalog={key: pseudo(text) for key, text in catalog("en").items()},
        decimal_separator=",",
        thousands_separator=" ",
        locale_prefixes=("xx",),
    )


@pytest.fixture
def xx() -> Iterator[LanguageDefinition]:
    """`xx` registered for one test, then removed again."""
    definition = register_language(pseudo_language())
    try:
        yield definition
    finally:
        unregister_language(CODE)


def _add_pseudo_texts(node: Any) -> None:
    """An `xx:` text beside the `en:` of every text mapping in a raw model."""
    if isinstance(node, dict):
        if isinstance(node.get("en"), str):
            node[CODE] = pseudo(node["en"])
        for value in node.values():
            _add_pseudo_texts(value)
    elif isinstance(node, list):
        for value in node:
            _add_pseudo_texts(value)


@pytest.fixture
def xx_model_file(tmp_path: Path) -> Path:
    raw = yaml.safe_load((REPO / "challenges.yaml").read_text(encoding="utf-8"))
    _add_pseudo_texts(raw)
    path = tmp_path / "challenges-xx.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- the registry ----------------------------------------------------------------------------


def test_english_and_german_are_built_in() -> None:
    assert languages() == ("en", "de")
    assert CODE not in languages()
    # Built-in catalogs are loaded lazily and not checked at start-up: they are checked here.
    assert catalog_problems(definition("de")) == []
    assert definition("de").yaml_details and not definition("en").yaml_details


def test_registering_adds_the_language_after_the_built_in_ones(xx: LanguageDefinition) -> None:
    assert languages() == ("en", "de", CODE)
    assert register_language(pseudo_language()) == xx  # again: nothing changes
    assert languages() == ("en", "de", CODE)
    assert t("card.coverage", CODE, answered=1, total=2, coverage=50) == pseudo(
        "1 of 2 criteria answered (50%)"
    )


def test_number_formats_come_from_the_definition(xx: LanguageDefinition) -> None:
    assert format_number(58.25, CODE) == "58,3"
    assert format_plain_number(0.5, CODE) == "0,5"
    assert format_count(1048576, CODE) == "1 048 576"


def test_the_language_is_chosen_from_every_source(
    xx: LanguageDefinition, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert choose_language(CODE, None, {}) == CODE
    assert choose_language(None, CODE, {}) == CODE
    assert choose_language(None, None, {"CSM_CHECK_LANG": CODE}) == CODE
    assert choose_language(None, None, {"LANG": "xx_XX.UTF-8"}) == CODE
    assert choose_language(None, None, {"LANG": "de_DE.UTF-8"}) == "de"


def test_a_catalog_must_match_the_english_one() -> None:
    good = pseudo_language()
    missing = {key: text for key, text in good.catalog.items() if key != "card.title"}
    with pytest.raises(ValueError, match=re.escape("missing key 'card.title'")):
        register_language(LanguageDefinition(CODE, "Pseudo", "Pseudo", missing))
    fields = {**good.catalog, "card.coverage": "{answered} / {total}"}
    with pytest.raises(ValueError, match=re.escape("'card.coverage' has fields")):
        register_language(LanguageDefinition(CODE, "Pseudo", "Pseudo", fields))
    empty = {**good.catalog, "card.title": " "}
    with pytest.raises(ValueError, match=re.escape("empty text for 'card.title'")):
        register_language(LanguageDefinition(CODE, "Pseudo", "Pseudo", empty))
    assert CODE not in languages()


def test_a_code_cannot_be_registered_twice_differently(xx: LanguageDefinition) -> None:
    other = LanguageDefinition(CODE, "Other", "Other", xx.catalog)
    with pytest.raises(ValueError, match="already registered"):
        register_language(other)


def test_built_in_languages_stay() -> None:
    for code in ("en", "de"):
        with pytest.raises(ValueError, match="built in"):
            unregister_language(code)


# --- the whole CLI in the third language ----------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "html", "junit"])
def test_score_in_every_format(
    runner: CliRunner, xx: LanguageDefinition, xx_model_file: Path, fmt: str
) -> None:
    result = run_cli(
        runner, "score", EXAMPLE, "--lang", CODE, "--challenges", xx_model_file, "-f", fmt
    )
    assert result.exit_code in (0, 1), result.stderr  # 1: the example fails its gate
    out = result.stdout
    model_title = pseudo(ENGLISH_TITLE)
    if fmt == "json":  # numbers are JSON numbers: no decimal comma to look for
        report = json.loads(out)
        assert report["language"] == CODE
        assert report["model"]["title"] == model_title
        assert all(c["title"].startswith("⟦") for c in report["challenges"])
    else:
        assert "⟦" in out
        assert DECIMAL_COMMA.search(out), out[:2000]
    if fmt in {"table", "markdown", "html"}:  # JUnit names no model title
        assert model_title in out, out[:2000]
    if fmt == "html":
        assert f'<html lang="{CODE}">' in out
    for line in result.stderr.splitlines():  # gate reasons, in the same language
        assert line.startswith("⟦"), line


def test_schemas_list_the_new_language(
    runner: CliRunner, xx: LanguageDefinition, xx_model_file: Path
) -> None:
    for kind in ("answers", "config"):
        result = run_cli(runner, "schema", kind, "--challenges", xx_model_file)
        schema = json.loads(result.stdout)
        assert schema["properties"]["language"]["anyOf"][0] == {
            "enum": ["en", "de", CODE],
            "type": "string",
        }


def test_validate_in_the_third_language(
    runner: CliRunner, xx: LanguageDefinition, xx_model_file: Path
) -> None:
    model = run_cli(runner, "validate", "--lang", CODE, "--challenges", xx_model_file)
    assert model.exit_code == 0, model.stderr
    assert model.stdout.startswith(f"⟦{xx_model_file}: ok (⟦10 challenges, 50 criteria⟧)⟧")
    answers = run_cli(runner, "validate", "--lang", CODE, "--challenges", xx_model_file, EXAMPLE)
    assert answers.exit_code == 0, answers.stderr
    assert "⟦" in answers.stdout


def test_interactive_in_the_third_language(
    runner: CliRunner, xx: LanguageDefinition, xx_model_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "answers.yaml"
    lines = ["ACME", "Jana", "2", "q"]
    result = runner.invoke(
        app,
        ["interactive", "--answers", str(path), "--challenges", str(xx_model_file), "--lang", CODE],
        input="".join(line + "\n" for line in lines),
    )
    assert result.exit_code == 0, result.output
    assert pseudo(f"csm-check interview: {pseudo(ENGLISH_TITLE)}") in result.stdout
    assert "⟦Question 1/" in result.stdout
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert loaded["language"] == CODE
    assert loaded["organisation"] == "ACME"


def test_an_answers_file_in_xx_is_valid_only_while_xx_is_registered(
    runner: CliRunner, xx_model_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("schema_version: 1\nlanguage: xx\nanswers:\n", encoding="utf-8")
    register_language(pseudo_language())
    try:
        accepted = run_cli(runner, "validate", "--challenges", xx_model_file, path)
        assert accepted.exit_code == 0, accepted.stderr
    finally:
        unregister_language(CODE)
    rejected = run_cli(runner, "validate", path)
    assert rejected.exit_code == 2
    assert rejected.stderr == f"{path}:2:11: 'language' must be 'en' or 'de', got 'xx'\n"


def test_the_error_for_a_wrong_language_lists_the_registered_ones(
    runner: CliRunner, xx: LanguageDefinition, xx_model_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("schema_version: 1\nlanguage: fr\nanswers:\n", encoding="utf-8")
    result = run_cli(runner, "validate", "--challenges", xx_model_file, path)
    assert result.stderr == f"{path}:2:11: 'language' must be 'en', 'de' or 'xx', got 'fr'\n"
    usage = run_cli(runner, "score", EXAMPLE, "--lang", "fr")
    assert usage.exit_code == 2
    assert "'fr' is not one of 'en', 'de', 'xx'." in usage.stderr


def test_the_model_needs_the_new_language_in_every_text(
    runner: CliRunner, xx: LanguageDefinition
) -> None:
    # The built-in model has no xx texts: it is validated instead of trusted, and each text
    # is reported as missing its xx version.
    result = run_cli(runner, "score", EXAMPLE, "--lang", CODE)
    assert result.exit_code == 2
    plain = result.stderr.replace("⟦", "").replace("⟧", "")  # messages are in xx too
    assert (
        "text is missing its Pseudo version ('xx') (hint: every text needs 'en', 'de' and 'xx')"
        in plain
    )
    with pytest.raises(Exception, match="missing its Pseudo version"):
        load_model()


def test_the_model_keeps_all_languages_after_xx_is_gone(xx_model_file: Path) -> None:
    # Without xx registered, its texts are unknown keys, reported at each key.
    result = run_cli(CliRunner(), "validate", "--challenges", xx_model_file)
    assert result.exit_code == 2
    assert re.search(r":\d+:\d+: unknown key 'xx'", result.stderr), result.stderr
