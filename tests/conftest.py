"""Shared fixtures: a colour-free CLI runner, the built-in model and a small hand-made model."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from csm_check.loading import load_model
from csm_check.model import Model

REPO = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
EXAMPLE = REPO / "examples" / "beispiel-service.yaml"


def pytest_configure(config: pytest.Config) -> None:
    """The tests' own cache of the built-in model, set before collection (some test modules
    load the model at import): never the real home's."""
    os.environ["CSM_CHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="csm-check-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = os.environ.pop("CSM_CHECK_CACHE_DIR", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def model_cache_dir() -> Path:
    return Path(os.environ["CSM_CHECK_CACHE_DIR"])


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, model_cache_dir: Path) -> Iterator[None]:
    """No colour, fixed width, no language hints from the machine running the tests, and a
    model cache in a temporary folder."""
    for name in (
        "FORCE_COLOR",
        "GITHUB_ACTIONS",
        "CSM_CHECK_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "TERM",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("CSM_CHECK_CACHE_DIR", str(model_cache_dir))
    monkeypatch.delenv("CSM_CHECK_NO_CACHE", raising=False)
    yield


def ui_strings() -> dict[str, dict[str, str]]:
    """Every UI string key of every registered catalog -> {language: text} (where it exists).

    The catalogs are one module per language; this puts them side by side, so tests can
    check that each key exists in each language with the same fields."""
    from csm_check.i18n import catalog, languages

    table: dict[str, dict[str, str]] = {}
    for code in languages():
        for key, text in catalog(code).items():
            table.setdefault(key, {})[code] = text
    return table


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run_cli(runner: CliRunner, *args: str | Path) -> Result:
    """Invoke csm-check; whatever the exit code, never a traceback or a stray exception."""
    from csm_check.cli import app

    result = runner.invoke(app, [str(arg) for arg in args])
    assert "Traceback" not in result.stdout + result.stderr
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture(scope="session")
def model() -> Model:
    return load_model()


TINY_MODEL = """\
schema_version: 1
id: tiny
title: {en: "Tiny model", de: "Kleines Modell"}
scale:
  target: 3
  levels:
    - {level: 0, label: {en: "None", de: "Nichts"}, description: {en: "d0", de: "b0"}}
    - {level: 1, label: {en: "Ad hoc", de: "Punktuell"}, description: {en: "d1", de: "b1"}}
    - {level: 2, label: {en: "Partly", de: "Teilweise"}, description: {en: "d2", de: "b2"}}
    - {level: 3, label: {en: "In place", de: "Umgesetzt"}, description: {en: "d3", de: "b3"}}
    - {level: 4, label: {en: "Measured", de: "Gemessen"}, description: {en: "d4", de: "b4"}}
bands: {developing: 40, ready: 70}
challenges:
  - id: base
    number: 1
    title: {en: "Base", de: "Basis"}
    summary: {en: "s", de: "z"}
    weight: 2
    criteria:
      - id: base.a
        question: {en: "A?", de: "A?"}
        help: {en: "h", de: "h"}
        next_step: {en: "Do A", de: "A tun"}
        weight: 1
      - id: base.b
        question: {en: "B?", de: "B?"}
        help: {en: "h", de: "h"}
        next_step: {en: "Do B", de: "B tun"}
        weight: 3
  - id: legal
    number: 2
    title: {en: "Legal", de: "Recht"}
    summary: {en: "s", de: "z"}
    criteria:
      - id: legal.disclosure
        question: {en: "Disclosed?", de: "Offengelegt?"}
        help: {en: "h", de: "h"}
        next_step: {en: "Disclose", de: "Offenlegen"}
        weight: 2
        minimum_level: 3
      - id: legal.contracts
        question: {en: "Contracts?", de: "Verträge?"}
        help: {en: "h", de: "h"}
        next_step: {en: "Sign", de: "Unterschreiben"}
  - id: top
    number: 3
    title: {en: "Top", de: "Oben"}
    summary: {en: "s", de: "z"}
    depends_on: [base]
    criteria:
      - id: top.x
        question: {en: "X?", de: "X?"}
        help: {en: "h", de: "h"}
        next_step: {en: "Do X", de: "X tun"}
"""


@pytest.fixture
def tiny_model_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY_MODEL, encoding="utf-8")
    return path


@pytest.fixture
def tiny_model(tiny_model_file: Path) -> Model:
    return load_model(tiny_model_file)
