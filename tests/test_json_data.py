"""`score --format json` writes plain data without creating the report classes: its bytes
must stay those the report classes wrote (golden files made by the code before the change),
and `build_report` (the classes, for `compare` and trends) must give back the same data."""

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLE, run_cli
from csm_check.loading import load_answers, load_model
from csm_check.render.jsontext import dumps
from csm_check.scoring.compute import score
from test_evidence import MODEL_TEXT, STALE
from test_register_reports import FAILING

GOLDEN = Path(__file__).parent / "golden" / "json"
EXAMPLES = EXAMPLE.parent


def _cases(tmp: Path) -> dict[str, list[str]]:
    (tmp / "register.yaml").write_text(FAILING, encoding="utf-8")
    (tmp / "tiny.yaml").write_text(MODEL_TEXT, encoding="utf-8")
    (tmp / "stale.yaml").write_text(STALE, encoding="utf-8")
    return {
        "example.en": [str(EXAMPLE), "--lang", "en"],
        "example.de": [str(EXAMPLE), "--fail-under", "90", "--require-evidence"],
        "team": [str(EXAMPLES / "team"), "--lang", "en"],
        "team-roles": [str(EXAMPLES / "team-roles")],
        "register": [str(tmp / "register.yaml")],
        "evidence": ["--challenges", str(tmp / "tiny.yaml"), str(tmp / "stale.yaml")],
        "evidence-gate": [
            "--challenges",
            str(tmp / "tiny.yaml"),
            str(tmp / "stale.yaml"),
            "--require-fresh-evidence",
        ],
    }


@pytest.mark.parametrize(
    "case",
    ["example.en", "example.de", "team", "team-roles", "register", "evidence", "evidence-gate"],
)
def test_json_bytes_are_those_the_report_classes_wrote(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.chdir(tmp_path)
    args = _cases(tmp_path)[case]
    result = run_cli(runner, "score", *args, "--format", "json")
    text = f"exit {result.exit_code}\n{result.stdout}".replace(str(tmp_path), "TMP")
    text = text.replace(str(EXAMPLES.parent), "REPO")  # team reports name each file's path
    golden = GOLDEN / f"{case}.json.txt"
    if os.environ.get("CSM_CHECK_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", [None, "team", "team-roles"])
def test_build_report_gives_back_the_same_data(folder: str | None) -> None:
    from csm_check.render.json_format import build_report, report_data

    model = load_model(None)
    if folder is None:
        card = score(model, load_answers(EXAMPLE, model))
    else:
        import datetime as dt

        from csm_check.assess import expand_inputs, load_team

        files = expand_inputs([EXAMPLES / folder])
        answers, team = load_team(files, model, on=dt.date(2026, 11, 30)).team.finish()
        card = score(model, answers, team=team)
    for language in ("en", "de"):
        data = report_data(card, language)
        report = build_report(card, language)
        assert type(report).__name__ == "Report"
        assert dumps(report.to_data()) == dumps(data)
