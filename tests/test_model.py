"""The shipped model: valid, fast path identical to full validation, content rules kept."""

from __future__ import annotations

import datetime as dt
import re

from csm_check.loading import builtin_model_text, load_model, parse_model, trusted_model
from csm_check.model import Model, dependents
from csm_check.yamlio.read import parse_yaml


def test_trusted_fast_path_equals_full_validation() -> None:
    text, display = builtin_model_text()
    document = parse_yaml(text, display)
    validated = parse_model(document)
    assert trusted_model(document.data) == validated
    assert load_model() == load_model(validate_builtin=True)


def test_ten_challenges_in_article_order(model: Model) -> None:
    assert [c.number for c in model.challenges] == list(range(1, 11))
    assert [c.id for c in model.challenges] == [
        "talent", "foundations", "business-value", "strategy", "change",
        "expectations", "compliance", "organisation", "speed", "balance",
    ]  # fmt: skip


def test_criteria_counts_and_ids(model: Model) -> None:
    counts = [len(c.criteria) for c in model.challenges]
    assert all(4 <= n <= 6 for n in counts)
    assert 40 <= sum(counts) <= 50  # an interview of under 20 minutes
    ids = model.criterion_ids()
    assert len(ids) == len(set(ids))
    for required in (
        "talent.attrition-rate",
        "foundations.knowledge-base",
        "foundations.data-quality",
        "strategy.ai-roadmap",
        "compliance.bot-disclosure",
        "strategy.routing-policy",
    ):
        assert required in ids


def test_scale_target_and_bands(model: Model) -> None:
    assert [level.level for level in model.scale.levels] == [0, 1, 2, 3, 4]
    assert model.scale.target == 3
    assert (model.bands.developing, model.bands.ready) == (40, 70)


def test_knockouts_are_the_legal_musts_with_their_law_and_date(model: Model) -> None:
    knockouts = {k.id: k for _, k in model.criteria() if k.minimum_level is not None}
    assert set(knockouts) == {
        "strategy.human-review",  # GDPR Art. 22
        "change.ai-literacy-training",  # EU AI Act Art. 4
        "change.works-council-agreement",  # BetrVG § 87(1) no. 6
        "compliance.bot-disclosure",  # EU AI Act Art. 50(1)
        "compliance.no-agent-emotion-recognition",  # EU AI Act Art. 5(1)(f)
        "compliance.agent-scoring-oversight",  # EU AI Act Art. 26, Annex III 4(b)
        "compliance.processor-contracts",  # GDPR Art. 28
        "compliance.call-recording-consent",  # StGB § 201
    }
    for criterion in knockouts.values():
        assert criterion.legal, f"{criterion.id} names no law"
        assert criterion.minimum_level == 3
    disclosure = knockouts["compliance.bot-disclosure"]
    assert disclosure.binds_from() == dt.date(2026, 8, 2)
    assert disclosure.legal[0].cite.get("en") == "EU AI Act Art. 50(1)"
    assert disclosure.legal[0].cite.get("de").startswith("KI-Verordnung (EU AI Act)")
    # Annex III deployer duties apply from 2 Dec 2027 (Digital Omnibus, adopted in 2026)
    assert knockouts["compliance.agent-scoring-oversight"].binds_from() == dt.date(2027, 12, 2)
    assert knockouts["change.ai-literacy-training"].binds_from() == dt.date(2025, 2, 2)
    assert model.legal_reviewed_on is not None and model.version == "2026.2"


def test_every_criterion_has_five_distinct_levels_of_its_own(model: Model) -> None:
    for _, criterion in model.criteria():
        assert criterion.levels is not None and len(criterion.levels) == 5, criterion.id
        for language in ("en", "de"):
            texts = [level.get(language) for level in criterion.levels]
            assert len(set(texts)) == 5, (criterion.id, language)
            assert criterion.question.get(language) not in texts


def asks_two_things(english: str, german: str) -> bool:
    """A question that is really two: ' and do you', a '?' before the end, or a German
    ', und' that joins a second verb (Inwieweit ..., und überwachen Sie ...?)."""
    two_english = " and do you" in english.lower() or "?" in english.rstrip()[:-1]
    verbs = r", und (?:\w+ ){0,3}(?:überwachen|prüfen|messen|erfassen|gleichen|haben|sind|werden)"
    two_german = bool(re.search(verbs, german)) or "?" in german.rstrip()[:-1]
    return two_english or two_german


def test_the_double_question_heuristic_catches_the_old_examples() -> None:
    # Two questions of model version 1 that asked two things at once.
    assert asks_two_things(
        "To what extent can customers reach a person from every automated channel, "
        "and do you monitor failed hand-offs?",
        "Inwieweit erreichen Kundinnen und Kunden aus jedem automatisierten Kanal einen "
        "Menschen, und überwachen Sie gescheiterte Übergaben?",
    )
    assert asks_two_things(
        "To what extent do you track attrition and employee NPS (eNPS) per team?",
        "Inwieweit erfassen Sie Fluktuation je Team, und messen Sie den eNPS?",
    )
    assert not asks_two_things("Is there a written roadmap?", "Gibt es eine schriftliche Roadmap?")


def test_questions_ask_one_thing_in_at_most_30_words(model: Model) -> None:
    for _, criterion in model.criteria():
        english, german = criterion.question.get("en"), criterion.question.get("de")
        assert len(english.split()) <= 30, criterion.id
        assert not asks_two_things(english, german), criterion.id


def test_foundations_first_dependencies(model: Model) -> None:
    downstream = dependents(model)
    assert {"business-value", "strategy", "expectations", "balance"} <= downstream["foundations"]
    assert {"strategy", "expectations"} <= downstream["compliance"]
    assert downstream["speed"] == frozenset()
    # people first: the people side holds back the AI strategy; value rests on baselines
    assert "strategy" in downstream["change"]
    assert "strategy" not in model.challenge("business-value").depends_on
    assert all(challenge.depends_why is not None for challenge in model.challenges)


def test_texts_are_complete_sentences_in_both_languages(model: Model) -> None:
    for challenge, criterion in model.criteria():
        for text in (criterion.question, criterion.help, criterion.next_step):
            assert text.get("en").strip() and text.get("de").strip()
            assert text.get("en") != text.get("de"), (
                f"{criterion.id}: German text is a copy of the English"
            )
        assert criterion.question.get("en").endswith("?") and criterion.question.get("de").endswith(
            "?"
        )
        # a next step is one action that starts with a verb: imperative in both languages
        assert re.match(r"^[A-Z][a-z]+ ", criterion.next_step.get("en")), criterion.id
        assert " Sie " in criterion.next_step.get("de"), criterion.id
        assert criterion.id.startswith(f"{challenge.id}.")
