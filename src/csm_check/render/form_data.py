"""What the HTML form knows, as one JSON-ready dict: the model's texts in every registered
language (with the AI register's catalogue, each kind's duties as one sentence per
language), the form's own UI strings, the answers to start from, and the pieces of the answers
file that Python lays out (comments, keys) so that the page's writer needs no text wrapping.

The page writes the answers file itself (`form_assets/yaml.js`); everything it cannot compute
the same way as `answers_writer.dump_answers` (wrapped comments, quoted keys) comes from here,
so a file downloaded from the form has the bytes `dump_answers` writes for the same answers.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from csm_check.answers import ROLE_SUGGESTIONS, SCHEMA_VERSION, Answer, AnswerSet
from csm_check.i18n import Language, catalog, definition, format_date, languages, t
from csm_check.model import AiDuty, AiUseCaseKind, Challenge, Criterion, Model, Text
from csm_check.use_cases import USE_CASE_STATUSES, AiUseCase
from csm_check.yamlio.write import WRAP, comment_lines, plain_or_quoted

FORM_PREFIX = "form."


def _texts(text: Text) -> dict[str, str]:
    return dict(text.items())


def _each(make: Any) -> dict[str, Any]:
    """{language: make(language)} for every registered language."""
    return {code: make(code) for code in languages()}


def _law(criterion: Criterion, language: Language) -> str:
    return "; ".join(
        t(
            "law.applies_from",
            language,
            cite=ref.cite.get(language),
            date=format_date(ref.applies_from, language),
        )
        for ref in criterion.legal
    )


def _knockout(criterion: Criterion) -> dict[str, str] | None:
    """What the knock-out means and, when the model says, which law makes it one."""
    minimum = criterion.minimum_level
    if minimum is None:
        return None

    def text(language: Language) -> str:
        words = t("interview.knockout_explained", language, minimum=minimum)
        if criterion.legal:
            words += " " + t("interview.knockout_law", language, law=_law(criterion, language))
        return words

    return _each(text)


def _criterion(criterion: Criterion, model: Model) -> dict[str, Any]:
    own = criterion.levels is not None
    return {
        "id": criterion.id,
        "question": _texts(criterion.question),
        "help": _texts(criterion.help),
        "levels": [_texts(text) for text in model.level_texts(criterion)],
        # the scale's descriptions explain its short labels; a criterion's own texts need none
        "descriptions": None
        if own
        else [_texts(level.description) for level in model.scale.levels],
        "minimum": criterion.minimum_level,
        "knockout": _knockout(criterion),
        "knockoutTag": _each(
            lambda language: t("model.knockout", language, minimum=criterion.minimum_level)
        )
        if criterion.minimum_level is not None
        else None,
        "references": [_texts(text) for text in criterion.references],
        "review": criterion.review_interval,  # months; the form says when to re-check
    }


def _challenge(challenge: Challenge, model: Model) -> dict[str, Any]:
    return {
        "id": challenge.id,
        "number": challenge.number,
        "title": _texts(challenge.title),
        "summary": _texts(challenge.summary),
        "criteria": [_criterion(criterion, model) for criterion in challenge.criteria],
    }


def _duty(duty: AiDuty, language: Language) -> str:
    """One duty of a kind as one sentence: law, from when, whom it binds, what to do."""
    who = ", ".join(t(f"register.role.{role}", language) for role in duty.binds)
    text = t(
        "form.duty",
        language,
        law=duty.cite.get(language),
        date=format_date(duty.applies_from, language),
        who=who,
        todo=duty.todo.get(language),
    )
    return f"{t('register.prohibited', language)}: {text}" if duty.prohibited else text


def _kind(kind: AiUseCaseKind) -> dict[str, Any]:
    return {
        "id": kind.id,
        "title": _texts(kind.title),
        "duties": [_each(lambda language, d=duty: _duty(d, language)) for duty in kind.duties],
    }


def _writer(model: Model) -> dict[str, Any]:
    """The parts of the answers file laid out here, exactly as `dump_answers` lays them out."""
    return {
        "wrap": WRAP,
        "schemaVersion": SCHEMA_VERSION,
        "model": plain_or_quoted(model.id),
        "header": _each(lambda language: comment_lines(t("template.header", language))),
        "challenges": [
            {
                "comment": _each(
                    lambda language, c=challenge: comment_lines(
                        f"{c.number}. {c.title.get(language)}", "  "
                    )
                ),
                "criteria": [[c.id, plain_or_quoted(c.id)] for c in challenge.criteria],
            }
            for challenge in model.challenges
        ],
        "kinds": {kind.id: plain_or_quoted(kind.id) for kind in model.ai_use_case_kinds},
    }


def _answer(answer: Answer) -> dict[str, Any]:
    level: int | str | None = None
    if answer.state == "answered" and answer.level is not None:
        level = int(answer.level)
    elif answer.state == "not_applicable":
        level = "n/a"
    found: dict[str, Any] = {"level": level, "note": answer.note or ""}
    if answer.dated:  # only then: the page treats missing evidence keys as empty
        found["evidence"] = answer.evidence or ""
        found["checked_on"] = answer.checked_on.isoformat() if answer.checked_on else ""
        found["review_by"] = answer.review_by.isoformat() if answer.review_by else ""
    return found


def _use_case(use_case: AiUseCase) -> dict[str, Any]:
    return {
        "kind": use_case.kind,
        "name": use_case.name or "",
        "status": use_case.status,
        "since": use_case.since.isoformat() if use_case.since else "",
        "vendor": use_case.vendor or "",
        "built_or_branded": use_case.built_or_branded,
    }


def _start(answers: AnswerSet | None, role: str | None) -> dict[str, Any]:
    """The values the form starts from (the `--answers` file, `--role`)."""
    given = answers or AnswerSet()
    return {
        "organisation": given.organisation or "",
        "respondent": given.respondent or "",
        "role": role if role is not None else (given.role or ""),
        "assessed_on": given.assessed_on.isoformat() if given.assessed_on else "",
        "answers": {
            criterion_id: _answer(answer)
            for criterion_id, answer in given.answers.items()
            if answer.state != "unanswered" or answer.note or answer.dated
        },
        "ai_use_cases": [_use_case(use_case) for use_case in given.ai_use_cases],
    }


def form_data(
    model: Model,
    language: Language,
    selected: tuple[str, ...],
    answers: AnswerSet | None = None,
    role: str | None = None,
) -> dict[str, Any]:
    """Everything the page needs; `selected` are the ids of the challenges it asks about."""
    start = _start(answers, role)
    shown = [c for c in model.challenges if c.id in selected]
    # The form id says which questions and which starting answers this page has: answers
    # kept in the browser belong to one form and come back only to it.
    identity = json.dumps(
        [model.id, model.version, [c.id for c in shown], start], sort_keys=True
    ).encode("utf-8")
    return {
        "model": {"id": model.id, "version": model.version, "title": _texts(model.title)},
        "formId": hashlib.sha256(identity).hexdigest()[:16],
        "language": language,
        "languages": [[code, definition(code).native_name] for code in languages()],
        "ui": _each(
            lambda code: {
                key: text for key, text in catalog(code).items() if key.startswith(FORM_PREFIX)
            }
        ),
        "roles": _each(lambda code: [t(f"role.{role}", code) for role in ROLE_SUGGESTIONS]),
        "challenges": [_challenge(challenge, model) for challenge in shown],
        "kinds": [_kind(kind) for kind in model.ai_use_case_kinds],
        "statuses": _each(
            lambda code: [
                [status, t(f"register.status.{status}", code)] for status in USE_CASE_STATUSES
            ]
        ),
        "writer": _writer(model),
        "start": start,
    }
