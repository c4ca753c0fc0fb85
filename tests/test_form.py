"""`csm-check form` without a browser: the page's CSP, its data block, escaping, CLI errors.

The page in a real browser (answering, storage, download, byte-identical files) is in
test_form_browser.py."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import TINY_MODEL, run_cli
from csm_check.answers import Answer, AnswerSet
from csm_check.answers_writer import dump_answers
from csm_check.i18n import catalog, languages
from csm_check.model import Model
from csm_check.render.form import json_for_html, render_form
from csm_check.use_cases import AiUseCase

HOSTILE = "</script><script>alert(1)</script>"


class Blocks(HTMLParser):
    """The page's <script>, <style> and CSP meta, as the browser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str | None, str]] = []
        self.styles: list[str] = []
        self.csp: str | None = None
        self._open: tuple[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.csp = found["content"]
        if tag in ("script", "style"):
            self._open = (tag, found.get("type"))
            if tag == "script":
                self.scripts.append((found.get("type"), ""))
            else:
                self.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open and self._open[0] == "script":
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)
        elif self._open:
            self.styles[-1] += data


def blocks(page: str) -> Blocks:
    parser = Blocks()
    parser.feed(page)
    return parser


def sha(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def page_data(page: str) -> dict[str, Any]:
    kinds = dict(blocks(page).scripts)
    data: dict[str, Any] = json.loads(kinds["application/json"])
    return data


def test_the_csp_allows_exactly_the_inline_script_and_style(model: Model) -> None:
    page = render_form(model, "en", tuple(c.id for c in model.challenges))
    found = blocks(page)
    assert found.csp is not None
    directives = dict(part.strip().split(" ", 1) for part in found.csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["img-src"] == "data:"
    assert directives["form-action"] == "'none'"
    code = [text for kind, text in found.scripts if kind is None]
    assert len(code) == 1 and len(found.styles) == 1
    assert directives["script-src"] == f"'sha256-{sha(code[0])}'"
    assert directives["style-src"] == f"'sha256-{sha(found.styles[0])}'"
    assert "innerHTML" not in code[0] and "eval(" not in code[0]
    # nothing is fetched: no src, href to another file, or url() anywhere in the page
    assert not re.search(r"""\bsrc=|<link|url\(|https?://""", page)


def test_hostile_model_and_answers_text_stays_data(
    tmp_path: Path, runner: CliRunner, tiny_model: Model
) -> None:
    hostile_model = TINY_MODEL.replace('"Tiny model"', '"</script><!-- & \u2028"').replace(
        'question: {en: "A?"', 'question: {en: "<b>A</b> & </SCRIPT >?"'
    )
    model_file = tmp_path / "hostile.yaml"
    model_file.write_text(hostile_model, encoding="utf-8")
    answers = tmp_path / "a.yaml"
    answers_set = AnswerSet(
        model="tiny",
        organisation=HOSTILE,
        respondent="Jana & <Jo>",
        answers={"base.a": Answer("answered", 2, "</script>\u2029<!--")},
    )
    answers.write_text(dump_answers(answers_set, tiny_model), encoding="utf-8")
    out = tmp_path / "form.html"
    result = run_cli(
        runner, "form", "--challenges", model_file, "--answers", answers, "--role", HOSTILE,
        "-o", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.lower().count("</script") == 2  # the data block's end and the script's end
    assert "<!--" not in page and "\u2028" not in page and "\u2029" not in page
    data = page_data(page)
    assert data["model"]["title"]["en"].startswith("</script><!-- &")  # YAML folds the rest
    assert data["challenges"][0]["criteria"][0]["question"]["en"] == "<b>A</b> & </SCRIPT >?"
    assert data["start"]["organisation"] == HOSTILE
    assert data["start"]["role"] == HOSTILE
    assert data["start"]["answers"]["base.a"] == {"level": 2, "note": "</script>\u2029<!--"}
    # the <title> is escaped HTML, not markup
    assert "<title>&lt;/script&gt;&lt;!-- &amp;" in page


def test_json_for_html_escapes_what_could_end_the_block() -> None:
    text = json_for_html({"a": "</script>&<!--\u2028\u2029'\""})
    assert text == '{"a":"\\u003c/script\\u003e\\u0026\\u003c!--\\u2028\\u2029\'\\""}'
    assert json.loads(text) == {"a": "</script>&<!--\u2028\u2029'\""}


def test_data_has_every_language_and_every_form_string(model: Model) -> None:
    data = render_form(model, "de", ("talent",))
    found = page_data(data)
    assert found["language"] == "de"
    assert [code for code, _ in found["languages"]] == list(languages())
    for code in languages():
        keys = {key for key in catalog(code) if key.startswith("form.")}
        assert set(found["ui"][code]) == keys
        assert found["roles"][code][1] == catalog(code)["role.team lead"]
    assert [c["id"] for c in found["challenges"]] == ["talent"]
    # the writer still knows every criterion: a download lists the whole model
    written = [pair[0] for c in found["writer"]["challenges"] for pair in c["criteria"]]
    assert written == model.criterion_ids()
    assert '<html lang="de">' in data


def test_the_form_id_depends_on_the_questions_and_the_start(model: Model) -> None:
    every = tuple(c.id for c in model.challenges)
    first = page_data(render_form(model, "en", every))["formId"]
    assert page_data(render_form(model, "de", every))["formId"] == first  # language: same form
    assert page_data(render_form(model, "en", ("talent",)))["formId"] != first
    assert page_data(render_form(model, "en", every, role="IT"))["formId"] != first


def test_answers_and_role_prefill(
    runner: CliRunner, tmp_path: Path, tiny_model: Model, tiny_model_file: Path
) -> None:
    answers = tmp_path / "a.yaml"
    given = AnswerSet(
        model="tiny",
        organisation="ACME",
        role="agent",
        assessed_on=dt.date(2026, 3, 1),
        language="de",
        answers={
            "legal.disclosure": Answer("not_applicable", None, "no bot"),
            "top.x": Answer("unanswered", None, "ask IT"),
        },
    )
    answers.write_text(dump_answers(given, tiny_model), encoding="utf-8")
    result = run_cli(
        runner, "form", "--challenges", tiny_model_file, "--answers", answers,
        "--role", "  team   lead ", "--only", "2,top",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = page_data(result.stdout)
    assert data["language"] == "de"  # from the answers file, as in `score`
    assert data["start"] == {
        "organisation": "ACME",
        "respondent": "",
        "role": "team lead",
        "assessed_on": "2026-03-01",
        "answers": {
            "legal.disclosure": {"level": "n/a", "note": "no bot"},
            "top.x": {"level": None, "note": "ask IT"},
        },
        "ai_use_cases": [],
    }
    assert [c["id"] for c in data["challenges"]] == ["legal", "top"]
    assert data["kinds"] == []  # no catalogue in the model: the page shows no register


def test_an_invalid_answers_file_is_located_and_nothing_is_written(
    runner: CliRunner, tmp_path: Path, tiny_model_file: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nanswers:\n  base.a: 7\n", encoding="utf-8")
    out = tmp_path / "form.html"
    result = run_cli(runner, "form", "--challenges", tiny_model_file, "--answers", bad, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:3:11: level must be a whole number")
    assert result.stdout == ""
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["--only", "9"], "--only: unknown challenge '9'"),
        (["--only", ","], "--only needs challenge numbers or ids"),
        (["--lang", "fr"], "'fr' is not one of"),
        (["--role", "x" * 201], "--role is 201 characters long"),
    ],
)
def test_bad_options_exit_2(
    runner: CliRunner, tiny_model_file: Path, args: list[str], mentions: str
) -> None:
    result = run_cli(runner, "form", "--challenges", tiny_model_file, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert mentions in result.stderr


def test_output_is_written_like_every_other_command(
    runner: CliRunner, tmp_path: Path, tiny_model: Model, tiny_model_file: Path
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(dump_answers(AnswerSet(model="tiny"), tiny_model), encoding="utf-8")
    refused = run_cli(runner, "form", "--challenges", tiny_model_file, "-o", answers)
    assert refused.exit_code == 2
    assert "holds an answers file" in refused.stderr
    assert answers.read_text(encoding="utf-8").startswith("# csm-check")
    into_input = run_cli(
        runner, "form", "--challenges", tiny_model_file, "--answers", answers, "-o", answers
    )
    assert into_input.exit_code == 2
    assert "is an input of this command" in into_input.stderr
    null = run_cli(runner, "form", "--challenges", tiny_model_file, "-o", "/dev/null")
    assert null.exit_code == 0, null.output
    assert Path("/dev/null").is_char_device()
    out = tmp_path / "form.html"
    assert run_cli(runner, "form", "--challenges", tiny_model_file, "-o", out).exit_code == 0
    again = run_cli(runner, "form", "--challenges", tiny_model_file, "-o", out, "--lang", "de")
    assert again.exit_code == 0  # a form is not an answers file: replaced
    assert '<html lang="de">' in out.read_text(encoding="utf-8")


HOSTILE_KINDS = """\
ai_use_case_kinds:
  - id: bad-bot
    title: {en: "</script><img src=x onerror=alert(1)>", de: "<b>Bot</b> & \\u2028"}
    duties:
      - cite: {en: "Art. <1>", de: "Art. </SCRIPT >"}
        applies_from: 2026-08-02
        binds: [provider, deployer]
        todo: {en: "<!-- & -->", de: "tun & <lassen>"}
        prohibited: true
"""


def test_the_embedded_catalogue_is_data_and_escaped(tmp_path: Path, runner: CliRunner) -> None:
    model_file = tmp_path / "kinds.yaml"
    model_file.write_text(TINY_MODEL + HOSTILE_KINDS, encoding="utf-8")
    out = tmp_path / "form.html"
    result = run_cli(runner, "form", "--challenges", model_file, "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.lower().count("</script") == 2
    assert "<img" not in page and "<!--" not in page and "<b>" not in page
    assert "\u2028" not in page
    data = page_data(page)
    assert data["kinds"] == [
        {
            "id": "bad-bot",
            "title": {"en": "</script><img src=x onerror=alert(1)>", "de": "<b>Bot</b> & \u2028"},
            "duties": [
                {
                    "en": "PROHIBITED: Art. <1>, from 2026-08-02; binds: provider, deployer. "
                    "<!-- & -->",
                    "de": "VERBOTEN: Art. </SCRIPT >, ab 2026-08-02; verpflichtet: Anbieter, "
                    "Betreiber. tun & <lassen>",
                }
            ],
        }
    ]
    assert data["writer"]["kinds"] == {"bad-bot": "bad-bot"}
    assert data["statuses"]["de"] == [
        ["planned", "geplant"], ["pilot", "im Pilotbetrieb"], ["live", "im Einsatz"]
    ]  # fmt: skip


def test_evidence_and_the_register_prefill(model: Model) -> None:
    first, second, third = model.criterion_ids()[:3]
    reviewed = next(c for _, c in model.criteria() if c.review_months is not None)
    given = AnswerSet(
        model=model.id,
        answers={
            first: Answer("answered", 4, "ok", "</script> https://intra/x", dt.date(2026, 3, 1)),
            second: Answer("answered", 2, None, None, None, dt.date(2027, 1, 1)),
            third: Answer("answered", 3, "no evidence fields"),
        },
        ai_use_cases=(
            AiUseCase("customer-chatbot", "live", "Web chat", dt.date(2025, 5, 1), "Acme", True),
            AiUseCase("voicebot", "planned"),
        ),
    )
    data = page_data(render_form(model, "en", ("talent",), given))
    assert data["start"]["answers"] == {
        first: {
            "level": 4,
            "note": "ok",
            "evidence": "</script> https://intra/x",
            "checked_on": "2026-03-01",
            "review_by": "",
        },
        second: {
            "level": 2,
            "note": "",
            "evidence": "",
            "checked_on": "",
            "review_by": "2027-01-01",
        },
        third: {"level": 3, "note": "no evidence fields"},
    }
    assert data["start"]["ai_use_cases"] == [
        {
            "kind": "customer-chatbot",
            "name": "Web chat",
            "status": "live",
            "since": "2025-05-01",
            "vendor": "Acme",
            "built_or_branded": True,
        },
        {
            "kind": "voicebot",
            "name": "",
            "status": "planned",
            "since": "",
            "vendor": "",
            "built_or_branded": False,
        },
    ]
    every = page_data(render_form(model, "en", tuple(c.id for c in model.challenges)))
    shown = {c["id"]: c["review"] for ch in every["challenges"] for c in ch["criteria"]}
    assert shown[reviewed.id] == reviewed.review_months
    assert shown[first] is None  # no law, no review_months: no interval shown
    assert [kind["id"] for kind in data["kinds"]] == [k.id for k in model.ai_use_case_kinds]
