"""The AI use-case register: the model's catalogue, `ai_use_cases:` in answers files (read,
written, edited), the legal calendar (days left hand-computed) and each consistency rule
with a case that triggers it and one that does not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLE, REPO, run_cli
from csm_check.answers import AnswerSet, parse_answers
from csm_check.answers_edit import update_answers_text
from csm_check.answers_writer import dump_answers
from csm_check.errors import InvalidInputError
from csm_check.frozen import replace
from csm_check.loading import load_model, parse_model
from csm_check.model import Model
from csm_check.scoring.compute import score
from csm_check.scoring.register import Register, judge_register
from csm_check.use_cases import AiUseCase
from csm_check.yamlio.read import parse_yaml


def answers_text(register: str, answers: str = "", assessed_on: str = "2026-11-27") -> str:
    return (
        "schema_version: 1\n"
        "model: csm-2026\n"
        f"assessed_on: {assessed_on}\n"
        "language: en\n"
        f"{register}"
        "answers:\n"
        f"{answers}"
    )


def load(text: str, model: Model) -> AnswerSet:
    return parse_answers(parse_yaml(text, "a.yaml"), model)


def problems_of(text: str, model: Model) -> list[tuple[int, int, str, str | None]]:
    with pytest.raises(InvalidInputError) as caught:
        load(text, model)
    return [(p.line, p.column, p.message, p.hint) for p in caught.value.problems]


def register_of(text: str, model: Model) -> Register:
    answers = load(text, model)
    assert answers.assessed_on is not None
    return judge_register(model, answers, answers.assessed_on, model.scale.target)


CHATBOT = "ai_use_cases:\n  - kind: customer-chatbot\n    status: {status}\n"


# --- the model's catalogue ----------------------------------------------------------------


def test_catalogue_lists_the_kinds_and_their_duties(model: Model) -> None:
    kinds = {kind.id: kind for kind in model.ai_use_case_kinds}
    assert len(kinds) == 12
    scoring = kinds["agent-quality-scoring"]
    duties = {duty.cite.get("en"): duty for duty in scoring.duties}
    council = duties["BetrVG § 87(1) no. 6"]
    assert council.binds == ("employer",)
    assert council.criteria == ("change.works-council-agreement",)
    annex = duties["EU AI Act Art. 26 with Annex III 4(b)"]
    assert annex.applies_from == dt.date(2027, 12, 2) and annex.binds == ("deployer",)
    ban = kinds["emotion-recognition-agents"].duties[0]
    assert ban.prohibited and ban.applies_from == dt.date(2025, 2, 2)
    assert ban.cite.get("de") == "KI-Verordnung (EU AI Act) Art. 5 Abs. 1 Buchst. f"
    disclosure = kinds["customer-chatbot"].duties[1]
    assert disclosure.applies_from == dt.date(2026, 8, 2) and disclosure.binds == ("provider",)
    # every duty's criteria exist (checked when the model loads; asserted here once more)
    ids = set(model.criterion_ids())
    assert all(set(d.criteria) <= ids for k in model.ai_use_case_kinds for d in k.duties)


def test_the_shipped_model_builds_the_same_catalogue_unvalidated() -> None:
    assert load_model() == load_model(validate_builtin=True)


def _custom_model(tmp_path: Path, edit: str) -> list[tuple[int, int, str, str | None]]:
    text = (REPO / "challenges.yaml").read_text(encoding="utf-8")
    text = text.replace("        criteria: [compliance.bot-disclosure]", edit, 1)
    with pytest.raises(InvalidInputError) as caught:
        parse_model(parse_yaml(text, "custom.yaml"))
    return [(p.line, p.column, p.message, p.hint) for p in caught.value.problems]


def test_a_duty_naming_an_unknown_criterion_is_a_located_error(tmp_path: Path) -> None:
    found = _custom_model(tmp_path, "        criteria: [compliance.bot-disclosur]")
    text = (REPO / "challenges.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("        criteria: [compliance.bot-disclosure]") + 1
    assert found == [
        (
            line,
            20,
            "the duty names criterion 'compliance.bot-disclosur', which this model does not have",
            "did you mean 'compliance.bot-disclosure'?",
        )
    ]


def test_validate_reports_the_unknown_criterion_with_exit_code_2(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = (REPO / "challenges.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "custom.yaml"
    custom.write_text(text.replace("[change.works-council-agreement]\n  - id:", "[x.y]\n  - id:"))
    result = run_cli(runner, "validate", "--challenges", custom, EXAMPLE)
    assert result.exit_code == 2
    assert "the duty names criterion 'x.y', which this model does not have" in result.stderr


# --- the answers file ---------------------------------------------------------------------


def test_register_entries_are_read_with_their_location(model: Model) -> None:
    text = answers_text(
        "ai_use_cases:\n"
        "  - kind: customer-chatbot\n"
        '    name: "Web chat"\n'
        "    status: live\n"
        "    since: 2025-09-01\n"
        '    vendor: "Bot AG"\n'
        "    built_or_branded: true\n"
        "  - kind: agent-quality-scoring\n"
        "    status: planned\n"
    )
    answers = load(text, model)
    assert answers.ai_use_cases == (
        AiUseCase("customer-chatbot", "live", "Web chat", dt.date(2025, 9, 1), "Bot AG", True),
        AiUseCase("agent-quality-scoring", "planned"),
    )
    assert [u.location for u in answers.ai_use_cases] == [(6, 5), (12, 5)]


def test_an_unknown_kind_is_located_with_a_suggestion(model: Model) -> None:
    text = answers_text("ai_use_cases:\n  - kind: customer-chatbots\n    status: live\n")
    assert problems_of(text, model) == [
        (
            6,
            11,
            "unknown kind of AI system 'customer-chatbots'",
            "did you mean 'customer-chatbot'?",
        )
    ]


def test_a_kind_far_from_any_gets_the_catalogue_hint(model: Model) -> None:
    text = answers_text("ai_use_cases:\n  - kind: xyz123\n    status: live\n")
    assert problems_of(text, model)[0][3] == (
        "use a kind from the model's catalogue; `csm-check template` lists them"
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("    status: running\n", "status"),
        ("    status: live\n    since: 2026-13-01\n", "since"),
        ('    status: live\n    built_or_branded: "yes"\n', "built_or_branded"),
        ("    status: live\n    owner: x\n", "owner"),
        ("", "status"),
    ],
)
def test_bad_entries_are_refused_with_the_field_named(
    model: Model, entry: str, message: str
) -> None:
    text = answers_text(f"ai_use_cases:\n  - kind: voicebot\n{entry}")
    found = problems_of(text, model)
    assert len(found) == 1 and message in found[0][2]


def test_yaml_booleans_count_as_in_the_rest_of_the_loader(model: Model) -> None:
    """YAML 1.1 reads an unquoted yes as true (as csm-check.yaml's flags do); quoted text is
    refused above, with a hint to drop the quotes."""
    text = answers_text("ai_use_cases:\n  - kind: voicebot\n    status: live\n")
    yes = text.replace("status: live\n", "status: live\n    built_or_branded: yes\n")
    assert load(yes, model).ai_use_cases[0].built_or_branded is True
    quoted = text.replace("status: live\n", 'status: live\n    built_or_branded: "yes"\n')
    assert problems_of(quoted, model)[0][3] is not None


def test_the_answers_schema_includes_the_register(runner: CliRunner) -> None:
    import json

    result = run_cli(runner, "schema", "answers")
    schema = json.loads(result.stdout)
    assert "ai_use_cases" in schema["properties"]
    entry = schema["$defs"]["AiUseCaseEntry"]
    assert list(entry["properties"]) == [
        "kind",
        "name",
        "status",
        "since",
        "vendor",
        "built_or_branded",
    ]
    assert entry["properties"]["status"]["enum"] == ["planned", "pilot", "live"]
    kinds = entry["properties"]["kind"]["enum"]
    assert len(kinds) == 12 and kinds[0] == "customer-chatbot"


# --- writing and editing ------------------------------------------------------------------


def test_the_writer_puts_the_register_between_language_and_answers(model: Model) -> None:
    answers = load(answers_text(CHATBOT.format(status="live")), model)
    full = replace(
        answers,
        ai_use_cases=(
            AiUseCase("voicebot", "pilot", 'Hot"line', dt.date(2026, 1, 2), "no", True),
            AiUseCase("customer-chatbot", "live"),
        ),
    )
    text = dump_answers(full, model)
    start = text.index("language: en\n") + len("language: en\n")
    assert text[start : text.index("answers:\n")] == (
        "ai_use_cases:\n"
        "  - kind: voicebot\n"
        '    name: "Hot\\"line"\n'
        "    status: pilot\n"
        "    since: 2026-01-02\n"
        '    vendor: "no"\n'
        "    built_or_branded: true\n"
        "  - kind: customer-chatbot\n"
        "    status: live\n"
        "    built_or_branded: false\n"
    )
    assert load(text, model).ai_use_cases == full.ai_use_cases
    assert dump_answers(load(text, model), model) == text  # round trip, same bytes


def test_without_a_register_the_writer_writes_no_key(model: Model) -> None:
    text = dump_answers(load(answers_text(""), model), model)
    assert "ai_use_cases" not in text


def test_the_template_shows_a_commented_example_and_stays_valid(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = run_cli(runner, "template", "--lang", "en")
    assert "# ai_use_cases:\n#   - kind: customer-chatbot\n" in result.stdout
    assert "#   emotion-recognition-agents: Emotion recognition of agents" in result.stdout
    assert yaml.safe_load(result.stdout).get("ai_use_cases") is None


def test_editing_the_register_keeps_every_other_byte(model: Model) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    answers = load(text, model)
    added = replace(answers, ai_use_cases=(*answers.ai_use_cases, AiUseCase("voicebot", "live")))
    edited = update_answers_text(text, added, model)
    block = "  - kind: voicebot\n    status: live\n    built_or_branded: false\nanswers:\n"
    assert edited == text.replace("answers:\n", block, 1)
    removed = update_answers_text(text, replace(answers, ai_use_cases=()), model)
    start, end = text.index("ai_use_cases:\n"), text.index("answers:\n")
    assert removed == text[:start] + text[end:]
    assert update_answers_text(removed, answers, model) == text  # inserted before answers:


# --- the legal calendar -------------------------------------------------------------------


def test_days_left_count_from_assessed_on(model: Model) -> None:
    text = answers_text("ai_use_cases:\n  - kind: agent-quality-scoring\n    status: live\n")
    entry = register_of(text, model).calendar[0]
    left = {d.duty.cite.get("en"): d.days_left for d in entry.duties}
    # 2026-11-27 -> 2027-11-27 is 365 days, then 5 more to 2 Dec 2027
    assert left == {
        "EU AI Act Art. 4": None,
        "BetrVG § 87(1) no. 6": None,
        "GDPR Art. 35": None,
        "EU AI Act Art. 26 with Annex III 4(b)": 370,
        "EU AI Act Art. 16 and 25(1)(a), Annex III": 370,
    }


def test_bot_disclosure_binds_on_its_day_and_not_before(model: Model) -> None:
    register = CHATBOT.format(status="live")
    before = register_of(answers_text(register, assessed_on="2026-08-01"), model)
    on_day = register_of(answers_text(register, assessed_on="2026-08-02"), model)
    assert before.calendar[0].duties[1].days_left == 1
    assert on_day.calendar[0].duties[1].in_force
    # from 1 Jan 2026: 31 + 28 + 31 + 30 + 31 + 30 + 31 + 1 = 213 days to 2 Aug 2026
    early = register_of(answers_text(register, assessed_on="2026-01-01"), model)
    assert early.calendar[0].duties[1].days_left == 213


def test_a_provider_duty_binds_you_only_when_you_build_or_brand(model: Model) -> None:
    bought = register_of(answers_text(CHATBOT.format(status="live")), model)
    branded_text = CHATBOT.format(status="live") + "    built_or_branded: true\n"
    branded = register_of(answers_text(branded_text), model)
    assert bought.calendar[0].duties[1].yours == ()  # the vendor's: secure it by contract
    assert branded.calendar[0].duties[1].yours == ("provider",)
    assert bought.calendar[0].duties[0].yours == ("deployer",)  # Art. 4 binds you anyway


def test_without_assessed_on_the_calendar_counts_from_today(model: Model) -> None:
    answers = replace(load(answers_text(CHATBOT.format(status="live")), model), assessed_on=None)
    card = score(model, answers)
    assert card.register is not None and card.register.judged_on == dt.date.today()


# --- consistency rules: one case that triggers each, one that does not --------------------


def codes(register: Register) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.severity, f.criterion) for f in register.findings]


NA_DISCLOSURE = '  compliance.bot-disclosure: {level: n/a, note: "no bot"}\n'


def test_live_chatbot_makes_bot_disclosure_na_impossible(model: Model) -> None:
    text = answers_text(CHATBOT.format(status="live"), NA_DISCLOSURE)
    found = register_of(text, model)
    assert ("not_applicable_contradicts_register", "error", "compliance.bot-disclosure") in codes(
        found
    )
    card = score(model, load(text, model))
    assert not card.gate.passed
    assert [r.kind for r in card.gate.reasons] == ["ai_register"]


def test_planned_chatbot_allows_bot_disclosure_na(model: Model) -> None:
    text = answers_text(CHATBOT.format(status="planned"), NA_DISCLOSURE)
    assert codes(register_of(text, model)) == []
    assert score(model, load(text, model)).gate.passed


def test_n_a_before_the_law_binds_only_warns(model: Model) -> None:
    text = answers_text(CHATBOT.format(status="pilot"), NA_DISCLOSURE, "2026-07-01")
    assert ("not_applicable_contradicts_register", "warning", "compliance.bot-disclosure") in codes(
        register_of(text, model)
    )


def test_emotion_recognition_of_agents_is_flagged_as_prohibited(model: Model) -> None:
    register = "ai_use_cases:\n  - kind: emotion-recognition-agents\n    status: live\n"
    text = answers_text(register)
    assert codes(register_of(text, model)) == [("prohibited_practice", "error", None)]
    card = score(model, load(text, model))
    assert not card.gate.passed and card.gate.reasons[0].finding is not None


def test_planned_emotion_recognition_of_agents_warns_and_passes(model: Model) -> None:
    register = "ai_use_cases:\n  - kind: emotion-recognition-agents\n    status: planned\n"
    text = answers_text(register)
    assert codes(register_of(text, model)) == [("prohibited_practice", "warning", None)]
    assert score(model, load(text, model)).gate.passed


def test_emotion_recognition_of_customers_is_not_prohibited(model: Model) -> None:
    register = "ai_use_cases:\n  - kind: emotion-recognition-customers\n    status: live\n"
    text = answers_text(register, "  change.ai-literacy-training: 3\n  compliance.dpia: 3\n")
    assert codes(register_of(text, model)) == []


def test_quality_scoring_without_works_agreement_names_the_duty(model: Model) -> None:
    register = "ai_use_cases:\n  - kind: agent-quality-scoring\n    status: live\n"
    levels = "  change.ai-literacy-training: 3\n  compliance.dpia: 3\n"
    text = answers_text(register, levels + "  change.works-council-agreement: 1\n")
    found = register_of(text, model).findings
    assert [(f.code, f.criterion, f.level, f.needed) for f in found] == [
        ("duty_not_covered", "change.works-council-agreement", 1, 3)
    ]
    assert found[0].duty.cite.get("en") == "BetrVG § 87(1) no. 6"
    # a warning: the knock-out below its minimum already fails the gate, once
    reasons = score(model, load(text, model)).gate.reasons
    assert [r.kind for r in reasons] == ["blocker"]


def test_quality_scoring_with_works_agreement_in_place_has_no_finding(model: Model) -> None:
    register = "ai_use_cases:\n  - kind: agent-quality-scoring\n    status: live\n"
    levels = "  change.ai-literacy-training: 3\n  compliance.dpia: 3\n"
    text = answers_text(register, levels + "  change.works-council-agreement: 3\n")
    # the Annex III duty (from 2 Dec 2027) is not yet checked against its criterion
    assert codes(register_of(text, model)) == []


def test_the_example_register_agrees_with_its_answers_and_keeps_its_score(model: Model) -> None:
    answers = parse_answers(parse_yaml(EXAMPLE.read_text(encoding="utf-8"), "x"), model)
    card = score(model, answers)
    assert [u.kind for u in answers.ai_use_cases] == [
        "customer-chatbot",
        "call-summaries",
        "agent-quality-scoring",
    ]
    assert card.register is not None and card.register.findings == ()
    assert round(card.score or 0, 1) == 44.7 and card.gate.passed


# --- the interview's register step (review screen, key a) ---------------------------------


def test_interview_review_screen_adds_and_deletes_ai_systems(model: Model) -> None:
    from csm_check.answers import Answer
    from csm_check.interview.session import Interview
    from csm_check.interview.settings import Settings
    from test_interview_v2 import Person

    every = {cid: Answer("answered", 3) for cid in model.criterion_ids()}
    start = AnswerSet(language="en", answers=every)
    lines = ["", "", "", "a", "1", "3", "Web chat", "", "y", "emotion-recognition-agents", "1"]
    lines += ["", "", "", "d2", "zzz", "", "f", "", ""]
    person = Person(lines)
    writes: list[AnswerSet] = []
    settings = Settings(path=Path("a.yaml"), language="en", challenges=model.challenges)
    session = Interview(model, start, settings, person.terminal(), writes.append, saved=start)
    session.run()
    out = "".join(person.out)
    assert "a: the AI systems in service" in out
    assert "   9 emotion-recognition-agents: Emotion recognition of" in out
    assert "  1. Customer chatbot \u201cWeb chat\u201d — live" in out
    chatbot = AiUseCase("customer-chatbot", "live", "Web chat", None, None, True)
    agents = AiUseCase("emotion-recognition-agents", "planned")
    registers = [w.ai_use_cases for w in writes]
    assert registers[:3] == [(chatbot,), (chatbot, agents), (chatbot,)]
    assert "  2. Emotion recognition of agents (voice or face) — planned" in out
    assert 'Not understood: "zzz".' in out


def test_interview_without_a_catalogue_offers_no_register_step() -> None:
    from test_interview_v2 import run as run_tiny

    _, out, _ = run_tiny(["", "", "a", "q"], AnswerSet(language="en"))
    assert "AI systems" not in out
