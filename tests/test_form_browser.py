"""The HTML form in a real browser: Playwright drives the system Chromium (never a
downloaded one) through the page opened from a file:// URL.

It checks that the page makes no network request, can be answered by keyboard and mouse,
keeps answers over a reload, switches language, and that "Download answers" writes the bytes
`answers_writer.dump_answers` (and so the interview) writes for the same answers. Skipped
when `chromium` is not on PATH or Playwright is not installed."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import TINY_MODEL, run_cli
from csm_check.answers import Answer, AnswerSet
from csm_check.answers_writer import answer_lines, dump_answers, render_template
from csm_check.cli import app
from csm_check.frozen import replace
from csm_check.loading import load_answers, load_model
from csm_check.model import Model
from csm_check.render.form import render_form
from csm_check.use_cases import AiUseCase

CHROMIUM = shutil.which("chromium")
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not on PATH (apt-get install chromium)"
)
DATE = "2026-03-01"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


class Page:
    """One tab on the form, recording every request and script error."""

    def __init__(self, context: Any, url: str) -> None:
        context.set_default_timeout(10_000)
        self.page = context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.dialogs: list[str] = []
        self.page.on("dialog", self._accept)
        self.page.goto(url)

    def _accept(self, dialog: Any) -> None:
        """Confirmations are accepted (forget); each one is recorded (no alert may come)."""
        self.dialogs.append(dialog.message)
        dialog.accept()

    def download(self, path: Path) -> str:
        with self.page.expect_download() as info:
            self.page.click("#download")
        assert info.value.suggested_filename == "csm-answers.yaml"
        info.value.save_as(path)
        return path.read_text(encoding="utf-8")


def write_form(tmp_path: Path, model: Model, name: str = "form.html", **options: Any) -> str:
    path = tmp_path / name
    selected = options.pop("selected", tuple(c.id for c in model.challenges))
    path.write_text(render_form(model, "en", selected, **options), encoding="utf-8")
    return path.as_uri()


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def js_answers(answers: AnswerSet) -> dict[str, Any]:
    """`answers` as the page's writer takes them."""
    return {
        "organisation": answers.organisation,
        "respondent": answers.respondent,
        "role": answers.role,
        "assessed_on": iso(answers.assessed_on),
        "language": answers.language,
        "ai_use_cases": [
            {
                "kind": u.kind,
                "name": u.name,
                "status": u.status,
                "since": iso(u.since),
                "vendor": u.vendor,
                "built_or_branded": u.built_or_branded,
            }
            for u in answers.ai_use_cases
        ],
        "answers": {
            key: {
                "state": a.state,
                "level": a.level,
                "note": a.note,
                "evidence": a.evidence,
                "checked_on": iso(a.checked_on),
                "review_by": iso(a.review_by),
            }
            for key, a in answers.answers.items()
        },
    }


def read_back(answers: AnswerSet, model: Model) -> dict[str, Any]:
    """What the page's reader gives for a file of `answers`: every criterion's entry."""
    found: dict[str, Any] = {}
    for key in model.criterion_ids():
        answer = answers.get(key)
        level = "n/a" if answer.state == "not_applicable" else answer.level
        entry: dict[str, Any] = {"level": level, "note": answer.note or ""}
        if answer.dated:
            entry["evidence"] = answer.evidence or ""
            entry["checked_on"] = iso(answer.checked_on) or ""
            entry["review_by"] = iso(answer.review_by) or ""
        found[key] = entry
    return found


def odd_text(rng: random.Random, size: int) -> str:
    pool = [*"abc xyz  \\\"'#:{}-,", "\n", "\t", "\r", "\x85", "\u2028", "\u2029", "\x07",
            "\ufeff", "ä", "€", "😀", "\U0010fffd", "\ud7ff", "\ue000", "\x7f", "\xa0"]  # fmt: skip
    return "".join(rng.choice(pool) for _ in range(size))


def answer_sets(model: Model) -> list[AnswerSet]:
    ids = model.criterion_ids()
    long = "Monthly review with the works council; " * 4
    notes = {
        ids[0]: Answer("answered", 2, 'says "yes" \\ no'),
        ids[1]: Answer("answered", 4, "Grüße ✓ 😀 line\nbreak\ttab"),
        ids[2]: Answer("answered", 3, long),
        ids[3]: Answer("not_applicable", None, "no bot yet"),
        ids[4]: Answer("not_applicable", None, "no bot " + long),
        ids[5]: Answer("unanswered", None, "ask IT"),
        ids[6]: Answer("unanswered", None, "ask IT " + long),
        ids[7]: Answer("answered", 0, "a\\ b\\  c  d " * 12 + "😀 " * 30),
        ids[8]: Answer("answered", 1, "</script>\u2028\x85\x07 " + "x" * 90),
        ids[9]: Answer("answered", 1),
    }
    rng = random.Random(14)
    fuzz = {
        criterion_id: Answer("answered", rng.randrange(5), odd_text(rng, rng.randrange(1, 160)))
        for criterion_id in ids[10:]
    }
    day, later = dt.date(2026, 3, 31), dt.date(2027, 3, 31)
    evidence = {
        ids[0]: Answer("answered", 4, None, "https://intra.example/qa?x=1&y=2"),
        ids[1]: Answer("answered", 3, "ok", 'SOP "Chat" v2 \\ Grüße ✓ 😀', day),
        ids[2]: Answer("answered", 4, long, "Audit " + long + "ä€😀\u2028", day, later),
        ids[3]: Answer("answered", 2, None, None, None, later),  # kept from a level 4
        ids[4]: Answer("answered", 3, None, None, day, day),
        ids[5]: Answer("unanswered", None, None, "left over"),
        ids[6]: Answer("not_applicable", None, "no bot", "x" * 120, day),
        ids[7]: Answer("answered", 4, 'a "b"', "e" * 2000, day, later),
    }
    full = AiUseCase("customer-chatbot", "live", 'Web "Chat" 😀', day, "Acme \\ AG", True)
    register = (
        full,
        AiUseCase("voicebot", "planned"),
        AiUseCase("agent-assist", "pilot", None, later, None, False),
    )
    return [
        AnswerSet(model=model.id, language="en"),
        AnswerSet(model=model.id, language="de", answers=evidence),
        AnswerSet(model=model.id, language="en", ai_use_cases=(full,), answers=notes),
        AnswerSet(
            model=model.id,
            organisation="ACME",
            assessed_on=day,
            language="de",
            ai_use_cases=register,
            answers={**fuzz, **evidence},
        ),
        AnswerSet(model=model.id, language="de", ai_use_cases=(AiUseCase("voicebot", "live"),)),
        AnswerSet(
            model=model.id,
            organisation='ACME "Service" \\ GmbH & Co. KG',
            respondent="Jürgen Ölmann 😀",
            role="team lead",
            assessed_on=dt.date(2026, 11, 30),
            language="de",
            answers=notes,
        ),
        AnswerSet(model=model.id, respondent="Jo", language="en", answers={**notes, **fuzz}),
        AnswerSet(model=model.id, organisation="x" * 200, language="de", answers=fuzz),
    ]


def test_the_page_writer_gives_the_bytes_of_dump_answers(
    browser: Any, tmp_path: Path, model: Model
) -> None:
    tab = Page(browser.new_context(), write_form(tmp_path, model))
    sets = answer_sets(model)
    ids = model.criterion_ids()
    written = tab.page.evaluate(
        "sets => sets.map(set => csmYaml.dump(set, csmForm.writer))",
        [js_answers(answers) for answers in sets],
    )
    for answers, text in zip(sets, written, strict=True):
        assert text == dump_answers(answers, model)
    # and the page reads back what it wrote (the reader of "Load answers")
    back = tab.page.evaluate(
        "texts => texts.map(text => csmYaml.read(text, csmForm.writer.model, "
        "csmForm.writer.challenges.flatMap(c => c.criteria.map(pair => pair[0])), ['en', 'de'], "
        "Object.keys(csmForm.writer.kinds)))",
        written,
    )
    for answers, read in zip(sets, back, strict=True):
        assert read["answers"] == read_back(answers, model)
        assert read.get("organisation", "") == (answers.organisation or "")
        assert read["ai_use_cases"] == [
            {
                "kind": u.kind,
                "name": u.name or "",
                "status": u.status,
                "since": iso(u.since) or "",
                "vendor": u.vendor or "",
                "built_or_branded": u.built_or_branded,
            }
            for u in answers.ai_use_cases
        ]
    # the files are what the loader reads back as the same answers
    for answers, text in zip(sets, written, strict=True):
        path = tmp_path / "written.yaml"
        path.write_text(text, encoding="utf-8")
        loaded = load_answers(path, model)
        assert [loaded.get(key) for key in ids] == [answers.get(key) for key in ids]
        assert loaded.ai_use_cases == answers.ai_use_cases
    assert tab.errors == []


def choose(tab: Page, criterion_id: str, level: int | str, note: str, by_keyboard: bool) -> None:
    """Answer one question: by keyboard from its help toggle, or with the mouse."""
    page = tab.page
    if by_keyboard:
        page.focus(f"[id='q-{criterion_id}'] summary")
        page.keyboard.press("Tab")  # into the radio group: its first level
        page.keyboard.press("Space")
        for _ in range(5 if level == "n/a" else int(level)):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")  # to the note
        if note:
            page.keyboard.type(note)
    else:
        page.click(f"label[for='l-{criterion_id}-{level}']")
        if note:
            page.click(f"[id='n-{criterion_id}']")
            page.keyboard.type(note)


def test_answer_everything_reload_download_and_load_again(
    browser: Any, tmp_path: Path, runner: CliRunner
) -> None:
    model = load_model()
    url = write_form(tmp_path, model, role="agent")
    context = browser.new_context()
    tab = Page(context, url)
    page = tab.page
    page.fill("#f-organisation", "ACME Service GmbH")
    page.fill("#f-respondent", 'Jana "JJ" Jansen')
    assert page.input_value("#f-role") == "agent"
    page.fill("#f-assessed_on", DATE)
    expected: dict[str, Answer] = {}
    for index, criterion_id in enumerate(model.criterion_ids()):
        level: int | str = index % 5
        note = f"evidence {index}" if index % 3 == 0 else ""
        if index == 7:
            level, note = "n/a", "no chatbot in use"
        choose(tab, criterion_id, level, note, by_keyboard=index % 2 == 0)
        expected[criterion_id] = (
            Answer("not_applicable", None, note)
            if level == "n/a"
            else Answer("answered", int(level), note or None)
        )
    assert page.text_content(".progress.all span") == "All questions: 50 of 50 answered"

    # evidence for a level-4 answer, by keyboard from its note; not asked below level 3
    proven = model.criterion_ids()[4]
    assert not page.is_visible(f"[id='ev-{model.criterion_ids()[2]}']")  # level 2
    page.focus(f"[id='n-{proven}']")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"v-{proven}"
    page.keyboard.type('SOP "Chat QA" ✓ https://intra.example/qa')
    assert page.input_value(f"[id='ck-{proven}']") == dt.date.today().isoformat()
    page.fill(f"[id='ck-{proven}']", "2026-02-01")
    page.fill(f"[id='rv-{proven}']", "2026-01-01")  # before the check: refused
    assert page.is_visible(f"[id='re-{proven}']")
    assert "choose 2026-02-01 or later" in (page.text_content(f"[id='re-{proven}']") or "")
    page.click("#download")
    assert "date to check again before" in (page.text_content("#status") or "")
    assert page.evaluate("document.activeElement.id") == f"rv-{proven}"
    page.fill(f"[id='rv-{proven}']", "2027-02-01")
    assert not page.is_visible(f"[id='re-{proven}']")
    expected[proven] = replace(
        expected[proven],
        evidence='SOP "Chat QA" ✓ https://intra.example/qa',
        checked_on=dt.date(2026, 2, 1),
        review_by=dt.date(2027, 2, 1),
    )

    # one AI system, by keyboard and mouse
    assert page.text_content("#register .empty") == "No AI system listed."
    page.focus("#register-add")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "u1-kind"
    page.select_option("#u1-kind", "agent-quality-scoring")
    page.click("#u1-duties summary")
    assert "employer" in (page.text_content("#u1-duties ul") or "")
    page.focus("#u1-name")
    page.keyboard.type("QA scoring")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "u1-status"
    page.select_option("#u1-status", "pilot")
    page.fill("#u1-since", "2026-01-15")
    page.fill("#u1-vendor", "Acme <Analytics>")
    page.click("label[for='u1-built']")
    assert page.is_checked("#u1-built")
    use_case = AiUseCase(
        "agent-quality-scoring",
        "pilot",
        "QA scoring",
        dt.date(2026, 1, 15),
        "Acme <Analytics>",
        True,
    )
    first = model.criterion_ids()[0]
    page.focus(f"[id='q-{first}'] summary")
    page.keyboard.press("Enter")
    assert page.get_attribute(f"[id='q-{first}'] details", "open") == ""
    assert page.evaluate("document.activeElement.matches(':focus-visible')")

    page.select_option("#language", "de")
    assert page.text_content("h1") == f"{model.title.get('de')}: Antwortbogen"
    assert page.text_content(f"label[for='l-{first}-n/a']") == "\u2013Trifft nicht zu"
    page.reload()
    assert page.input_value("#language") == "de"
    assert page.input_value("#f-respondent") == 'Jana "JJ" Jansen'
    assert page.is_checked(f"[id='l-{first}-0']")
    assert page.input_value(f"[id='n-{first}']") == "evidence 0"
    assert page.text_content(".progress.all span") == "Alle Fragen: 50 von 50 beantwortet"
    assert page.input_value("#u1-name") == "QA scoring"  # the register, kept and in German
    assert page.text_content("#u1-entry legend") == "KI-System 1"
    assert page.input_value(f"[id='rv-{proven}']") == "2027-02-01"

    downloaded = tab.download(tmp_path / "answers.yaml")
    answers = AnswerSet(
        model=model.id,
        organisation="ACME Service GmbH",
        respondent='Jana "JJ" Jansen',
        role="agent",
        assessed_on=dt.date.fromisoformat(DATE),
        language="de",
        ai_use_cases=(use_case,),
        answers=expected,
    )
    assert downloaded == dump_answers(answers, model)
    assert "ai_use_cases:\n  - kind: agent-quality-scoring\n" in downloaded
    assert load_answers(tmp_path / "answers.yaml", model) == answers
    valid = run_cli(runner, "validate", tmp_path / "answers.yaml")
    assert valid.exit_code == 0, valid.output
    assert "50/50" in valid.stdout
    scored = run_cli(runner, "score", tmp_path / "answers.yaml", "--format", "json")
    assert scored.exit_code in (0, 1), scored.output  # 1: a knock-out below its minimum
    report = json.loads(scored.stdout)
    assert [(u["kind"], u["name"], u["status"], u["since"], u["vendor"], u["built_or_branded"])
            for u in report["ai_use_cases"]] == [
        ("agent-quality-scoring", "QA scoring", "pilot", "2026-01-15", "Acme <Analytics>", True)
    ]  # fmt: skip
    criteria = {c["id"]: c for ch in report["challenges"] for c in ch["criteria"]}
    assert criteria[proven]["evidence"] == 'SOP "Chat QA" ✓ https://intra.example/qa'
    assert (criteria[proven]["checked_on"], criteria[proven]["review_by"]) == (
        "2026-02-01",
        "2027-02-01",
    )
    assert set(tab.requests) == {url}  # the page itself, loaded and reloaded: nothing else
    assert tab.errors == []

    # A second person (a fresh browser profile) loads the file and changes one answer.
    second = Page(browser.new_context(), url)
    second.page.set_input_files("#load", str(tmp_path / "answers.yaml"))
    second.page.wait_for_selector("#status.good")
    assert "50 von 50" in (second.page.text_content("#status") or "")
    last = model.criterion_ids()[-1]
    second.page.click(f"label[for='l-{last}-1']")
    again = second.download(tmp_path / "again.yaml").splitlines()
    changed = [(a, b) for a, b in zip(downloaded.splitlines(), again, strict=True) if a != b]
    assert changed == [(f"  {last}: 4", f"  {last}: 1")]
    assert second.requests == [url]
    assert second.errors == []


def test_na_needs_a_reason_before_download(browser: Any, tmp_path: Path, model: Model) -> None:
    tab = Page(browser.new_context(), write_form(tmp_path, model, selected=("compliance",)))
    criterion_id = model.challenge("compliance").criteria[0].id
    tab.page.click(f"label[for='l-{criterion_id}-n/a']")
    assert tab.page.is_visible(f"[id='e-{criterion_id}']")
    tab.page.click("#download")
    assert "need a reason" in (tab.page.text_content("#status") or "")
    assert tab.page.evaluate("document.activeElement.id") == f"n-{criterion_id}"
    tab.page.keyboard.type("   ")  # blanks are no reason
    assert tab.page.is_visible(f"[id='e-{criterion_id}']")
    tab.page.keyboard.type("we have no chatbot")
    assert not tab.page.is_visible(f"[id='e-{criterion_id}']")
    text = tab.download(tmp_path / "a.yaml")
    assert f'  {criterion_id}: {{level: n/a, note: "we have no chatbot"}}' in text
    # the knock-out and its law are explained
    knockouts = [c for c in model.challenge("compliance").criteria if c.minimum_level]
    knockout = knockouts[0]
    assert tab.page.text_content(f"[id='q-{knockout.id}'] .ko").startswith("Knock-out: ")
    assert "Law: " in (tab.page.text_content(f"[id='q-{knockout.id}'] .ko") or "")
    tab.page.click(f"label[for='l-{knockout.id}-1']")
    warning = f"[id='w-{knockout.id}']"
    assert tab.page.is_visible(warning)
    assert (tab.page.text_content(warning) or "").startswith(
        f"Below the knock-out minimum {knockout.minimum_level}"
    )
    tab.page.click(f"label[for='l-{knockout.id}-4']")
    assert not tab.page.is_visible(warning)


def test_load_refuses_what_it_cannot_read(browser: Any, tmp_path: Path, model: Model) -> None:
    tab = Page(browser.new_context(), write_form(tmp_path, model))
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nanswers:\n  talent.nope: 2\n", encoding="utf-8")
    tab.page.set_input_files("#load", str(bad))
    tab.page.wait_for_selector("#status.bad")
    status = tab.page.text_content("#status") or ""
    assert "line 3: unknown question id talent.nope" in status
    assert "csm-check validate bad.yaml" in status
    first = model.criterion_ids()[0]
    for body, says in [
        (
            f"answers:\n  {first}: {{level: 4, checked_on: 2026-03-01, review_by: 2026-02-01}}\n",
            "line 3: review_by 2026-02-01 lies before checked_on 2026-03-01",
        ),
        (f"answers:\n  {first}:\n    level: 3\n    checked_on: 2026-02-30\n", "not a date"),
        ("ai_use_cases:\n  - kind: robot\n    status: live\nanswers:\n", "kind of AI system robot"),
        ("ai_use_cases:\n  - kind: voicebot\n    status: soon\nanswers:\n", "not soon"),
        (
            "ai_use_cases:\n  - kind: voicebot\n    status: live\n    built_or_branded: maybe\n"
            "answers:\n",
            "line 3: built_or_branded must be true or false, not maybe",
        ),
    ]:
        bad.write_text("schema_version: 1\n" + body, encoding="utf-8")
        tab.page.set_input_files("#load", str(bad))
        tab.page.wait_for_function(
            "says => document.getElementById('status').textContent.includes(says)", arg=says
        )
    assert tab.errors == []


def test_form_and_interview_write_the_same_bytes(
    browser: Any, tmp_path: Path, runner: CliRunner, tiny_model: Model, tiny_model_file: Path
) -> None:
    long = 'monthly with the works council, "no targets yet", Grüße \\ and more ' * 2
    lines = ["ACME GmbH", "Jana", "2", f"3 {long}", "n no bot yet", "s", "4 ok"]
    interviewed = tmp_path / "interview.yaml"
    result = runner.invoke(
        app,
        ["interactive", "--answers", str(interviewed), "--challenges", str(tiny_model_file)],
        input="".join(line + "\n" for line in lines),
    )
    assert result.exit_code == 0, result.output

    tab = Page(browser.new_context(), write_form(tmp_path, tiny_model))
    page = tab.page
    page.fill("#f-organisation", "ACME GmbH")
    page.fill("#f-respondent", "Jana")
    page.fill("#f-assessed_on", dt.date.today().isoformat())  # the interview's date
    choose(tab, "base.a", 2, "", by_keyboard=True)
    choose(tab, "base.b", 3, f"  {long}  ", by_keyboard=False)  # outer blanks are trimmed
    choose(tab, "legal.disclosure", "n/a", "no bot yet", by_keyboard=True)
    choose(tab, "top.x", 4, "ok", by_keyboard=False)
    formed = tab.download(tmp_path / "form.yaml")
    assert formed == interviewed.read_text(encoding="utf-8")
    assert "    note: " in formed  # the long note took the folded block form
    assert tab.errors == []


def test_load_reads_the_template_and_small_hand_edits(
    browser: Any, tmp_path: Path, model: Model
) -> None:
    ids = model.criterion_ids()
    text = render_template(model, "de")  # the question comments between the answers
    text = text.replace("organisation:\n", "organisation: ACME Service  # by hand\n")
    text = text.replace("respondent:\n", "respondent: 'Jo''s team'\n")
    text = text.replace(f"  {ids[0]}:\n", f"  {ids[0]}: 3   # checked\n")
    text = text.replace(f"  {ids[1]}:\n", f"  {ids[1]}: {{level: 2, note: 'single'}}\n")
    text = text.replace(f"  {ids[2]}:\n", f"  {ids[2]}:\n    level: n/a\n    note: no bot\n")
    path = tmp_path / "edited.yaml"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    expected = load_answers(path, model)
    tab = Page(browser.new_context(), write_form(tmp_path, model))
    tab.page.set_input_files("#load", str(path))
    tab.page.wait_for_selector("#status.good")
    assert tab.page.input_value("#language") == "de"  # the file's language
    tab.page.fill("#f-assessed_on", "")
    written = tab.download(tmp_path / "again.yaml")
    assert written == dump_answers(expected, model)
    assert 'respondent: "Jo\'s team"\n' in written
    assert tab.errors == []


def test_only_keeps_the_other_answers_and_forget_starts_afresh(
    browser: Any, tmp_path: Path, model: Model
) -> None:
    talent = model.challenge("talent").criteria[0].id
    compliance = model.challenge("compliance").criteria[1].id
    start = AnswerSet(
        model=model.id,
        respondent="Jo",
        assessed_on=dt.date(2026, 1, 5),
        language="en",
        answers={talent: Answer("answered", 3, "kept as it was")},
    )
    url = write_form(tmp_path, model, selected=("compliance",), answers=start)
    tab = Page(browser.new_context(), url)
    assert tab.page.locator("fieldset.question").count() == len(
        model.challenge("compliance").criteria
    )
    assert tab.page.input_value("#f-assessed_on") == "2026-01-05"
    tab.page.click(f"label[for='l-{compliance}-2']")
    text = tab.download(tmp_path / "a.yaml")
    changed = {**start.answers, compliance: Answer("answered", 2)}
    assert text == dump_answers(replace(start, answers=changed), model)

    tab.page.click("#forget")  # the confirmation is accepted
    assert tab.dialogs == ["Remove the answers kept in this browser and start again?"]
    assert tab.page.text_content("#status") == "The answers kept in this browser were removed."
    assert not tab.page.is_checked(f"[id='l-{compliance}-2']")
    tab.page.reload()
    assert not tab.page.is_checked(f"[id='l-{compliance}-2']")
    assert tab.page.input_value("#f-respondent") == "Jo"  # the form's own start again
    assert tab.errors == []


def test_hostile_text_is_shown_as_text(browser: Any, tmp_path: Path) -> None:
    hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"
    start = AnswerSet(
        model="tiny",
        organisation=hostile,
        answers={
            "base.a": Answer("answered", 1, hostile),
            "base.b": Answer("answered", 4, None, hostile, dt.date(2026, 1, 1)),
        },
        ai_use_cases=(AiUseCase("bad-bot", "live", hostile, None, hostile),),
    )
    kinds = f"""\
ai_use_case_kinds:
  - id: bad-bot
    title: {{en: "{hostile}", de: "x"}}
    duties:
      - cite: {{en: "<i>Art. 1</i>", de: "x"}}
        applies_from: 2026-08-02
        binds: [deployer]
        todo: {{en: "{hostile}", de: "x"}}
"""
    model_file = tmp_path / "hostile.yaml"
    model_file.write_text(
        TINY_MODEL.replace('question: {en: "A?"', 'question: {en: "<b>A</b><img src=x>?"') + kinds,
        encoding="utf-8",
    )
    model = load_model(model_file)
    tab = Page(browser.new_context(), write_form(tmp_path, model, answers=start, role=hostile))
    assert tab.page.text_content("[id='q-base.a'] legend") == "<b>A</b><img src=x>?"
    assert tab.page.input_value("#f-organisation") == hostile
    assert tab.page.input_value("#f-role") == hostile
    assert tab.page.input_value("[id='n-base.a']") == hostile
    assert tab.page.input_value("[id='v-base.b']") == hostile
    assert tab.page.text_content("#u1-kind option") == hostile
    assert tab.page.input_value("#u1-name") == hostile
    assert tab.page.input_value("#u1-vendor") == hostile
    assert tab.page.text_content("#u1-duties li") == (
        f"<i>Art. 1</i>, from 2026-08-02; binds: deployer. {hostile}"
    )
    assert tab.page.locator("img, i").count() == 0
    assert tab.dialogs == []
    assert tab.errors == []


def test_evidence_follows_the_level_and_ai_systems_come_and_go(
    browser: Any, tmp_path: Path, model: Model
) -> None:
    tab = Page(browser.new_context(), write_form(tmp_path, model, selected=("compliance",)))
    page = tab.page
    criterion = next(c for c in model.challenge("compliance").criteria if c.review_interval)
    cid = criterion.id
    page.click(f"label[for='l-{cid}-2']")
    assert not page.is_visible(f"[id='ev-{cid}']")  # not before level 3
    page.click(f"label[for='l-{cid}-3']")
    assert page.is_visible(f"[id='ev-{cid}']")
    assert page.text_content(f"[id='ri-{cid}']") == (
        f"Re-check this evidence every {criterion.review_interval} months."
    )
    page.click(f"[id='v-{cid}']")
    page.keyboard.type("x")
    assert page.input_value(f"[id='ck-{cid}']") == dt.date.today().isoformat()
    page.keyboard.press("Backspace")  # no evidence after all: no check date either
    assert page.input_value(f"[id='ck-{cid}']") == ""
    page.keyboard.type("Audit 2026")
    page.fill(f"[id='ck-{cid}']", "2026-01-10")
    # below level 3 the evidence stays with the answer (as in the interview), and says so
    page.click(f"label[for='l-{cid}-1']")
    assert not page.is_visible(f"[id='ev-{cid}']")
    assert page.text_content(f"[id='kp-{cid}'] p") == (
        "Kept with this answer and written to the file: the evidence given for level 3 or 4 "
        "(Audit 2026, 2026-01-10)."
    )
    kept = Answer("answered", 1, None, "Audit 2026", dt.date(2026, 1, 10))
    assert "\n".join(answer_lines(cid, kept)) + "\n" in tab.download(tmp_path / "a.yaml")
    page.click(f"[id='kp-{cid}'] button")  # remove it
    assert not page.is_visible(f"[id='kp-{cid}']")
    assert f"  {cid}: 1\n" in tab.download(tmp_path / "b.yaml")
    page.click(f"label[for='l-{cid}-4']")
    assert page.input_value(f"[id='v-{cid}']") == ""
    page.fill(f"[id='v-{cid}']", "SOP")
    page.click(f"label[for='l-{cid}-n/a']")  # n/a has no evidence, as in the interview
    page.fill(f"[id='n-{cid}']", "no bot")
    page.click(f"label[for='l-{cid}-4']")
    assert page.input_value(f"[id='v-{cid}']") == ""

    # two AI systems added by keyboard, the first removed: the second moves up
    for kind in ("voicebot", "emotion-recognition-agents"):
        page.focus("#register-add")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")  # from the kind to the name
        page.keyboard.type(kind.upper())
        page.select_option(f"#u{page.locator('fieldset.entry').count()}-kind", kind)
    page.click("#u2-duties summary")
    assert (page.text_content("#u2-duties li") or "").startswith("PROHIBITED: ")
    page.focus("#u1-remove")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "register-add"
    assert page.locator("fieldset.entry").count() == 1
    assert page.input_value("#u1-name") == "EMOTION-RECOGNITION-AGENTS"
    text = tab.download(tmp_path / "c.yaml")
    assert (
        "language: en\nai_use_cases:\n  - kind: emotion-recognition-agents\n"
        '    name: "EMOTION-RECOGNITION-AGENTS"\n    status: live\n'
        "    built_or_branded: false\nanswers:\n"
    ) in text
    page.focus("#u1-remove")
    page.keyboard.press("Enter")
    assert "ai_use_cases" not in tab.download(tmp_path / "d.yaml")
    assert page.text_content("#register .empty") == "No AI system listed."
    assert tab.errors == []
