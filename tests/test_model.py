"""The shipped model: valid, fast path identical to full validation, content rules kept."""

from __future__ import annotations

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
    assert all(3 <= n <= 5 for n in counts)
    assert 35 <= sum(counts) <= 50
    ids = model.criterion_ids()
    assert len(ids) == len(set(ids))
    for required in (
        "talent.attrition-tracking",
        "foundations.knowledge-base",
        "compliance.bot-disclosure",
        "strategy.routing-policy",
    ):
        assert required in ids


def test_scale_target_and_bands(model: Model) -> None:
    assert [level.level for level in model.scale.levels] == [0, 1, 2, 3, 4]
    assert model.scale.target == 3
    assert (model.bands.developing, model.bands.ready) == (40, 70)


def test_knockouts_are_grounded_legal_musts(model: Model) -> None:
    knockouts = {k.id: k for _, k in model.criteria() if k.minimum_level is not None}
    assert set(knockouts) == {
        "compliance.bot-disclosure",
        "compliance.no-agent-emotion-recognition",
        "compliance.processor-contracts",
        "strategy.human-review",
    }
    for criterion in knockouts.values():
        assert criterion.references, f"{criterion.id} names no legal source"
    disclosure = knockouts["compliance.bot-disclosure"]
    assert any("50" in ref.get("en") and "2026" in ref.get("en") for ref in disclosure.references)


def test_foundations_first_dependencies(model: Model) -> None:
    downstream = dependents(model)
    assert {"business-value", "strategy", "expectations", "balance"} <= downstream["foundations"]
    assert {"strategy", "expectations"} <= downstream["compliance"]
    assert downstream["speed"] == frozenset()


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
