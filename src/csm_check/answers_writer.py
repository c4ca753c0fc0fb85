"""The one writer of answers files, for `csm-check template` and the interview alike:
deterministic, safe to re-read, round-trips.

Layout: a header comment (with `questions`, also the scale), header keys, then `answers:`
in model order, one line per criterion (with `questions`, under its question as a comment):

    talent.attrition-tracking: 2
    talent.ai-skill-profiles: {level: 1, note: "only in the chat lead's profile"}
    business-value.containment-quality: {level: n/a, note: "no bot yet"}
    talent.time-to-proficiency:

Free text is always double-quoted with explicit escapes, so YAML 1.1 can never read it as a
boolean, number or date, and line-break characters (\\x85, U+2028, U+2029) survive the trip.
Loading a file written here and writing it again gives the same bytes.
"""

from __future__ import annotations

from csm_check.answers import (
    NOT_APPLICABLE,
    ROLE_SUGGESTIONS,
    SCHEMA_VERSION,
    Answer,
    AnswerSet,
)
from csm_check.i18n import ENGLISH, Language, t
from csm_check.model import Criterion, Model
from csm_check.sanitize import one_line
from csm_check.use_cases import AiUseCase
from csm_check.yamlio.write import WRAP, folded, plain_or_quoted, quote
from csm_check.yamlio.write import comment_lines as _comment


def _optional(value: str | None) -> str:
    return "" if value is None else " " + quote(value)


def answer_value(answer: Answer) -> str:
    """The YAML value of one answer, without the leading space."""
    if answer.state == "answered":
        level = str(answer.level)
    elif answer.state == "not_applicable":
        level = NOT_APPLICABLE
    else:
        level = "null" if answer.note is not None else ""
    if answer.note is None and not answer.dated:
        return level
    return "{" + ", ".join(f"{key}: {value}" for key, value in _fields(answer, level)) + "}"


def _fields(answer: Answer, level: str) -> list[tuple[str, str]]:
    """An answer mapping's keys and values, in the writer's order."""
    fields = [("level", level)]
    for key in ("note", "evidence"):
        text = getattr(answer, key)
        if text is not None:
            fields.append((key, quote(text)))
    for key in ("checked_on", "review_by"):
        day = getattr(answer, key)
        if day is not None:
            fields.append((key, day.isoformat()))
    return fields


def dump_answers(
    answers: AnswerSet,
    model: Model,
    *,
    questions: bool = False,
    schema_path: str | None = None,
) -> str:
    """The whole answers file for `answers`, every criterion of `model` in model order.

    `questions` adds the scale and each question (and knock-out minimum) as comments, as
    `csm-check template` writes them; `schema_path` adds a yaml-language-server line."""
    language = answers.language or ENGLISH
    assessed_on = answers.assessed_on.isoformat() if answers.assessed_on else None
    lines = [f"# yaml-language-server: $schema={one_line(schema_path)}"] if schema_path else []
    lines += _comment(t("template.header", language))
    if questions:
        lines += _evidence_hint(model, language)
    if questions and any(criterion.levels is None for _, criterion in model.criteria()):
        lines.append(f"# {t('template.scale', language)}:")
        for level in model.scale.levels:
            label = one_line(level.label.get(language))
            lines += _comment(f"{level.level} {label}: {level.description.get(language)}", "  ")
    lines += [
        "---",  # yamllint's default config wants the document start
        f"schema_version: {SCHEMA_VERSION}",
        f"model: {plain_or_quoted(answers.model or model.id)}",
        f"organisation:{_optional(answers.organisation)}",
        f"respondent:{_optional(answers.respondent)}",
        *(_role_hint(language) if questions else []),
        f"role:{_optional(answers.role)}",
        "assessed_on:" + (f" {assessed_on}" if assessed_on else ""),
        "language:" + (f" {answers.language}" if answers.language else ""),
        *(_register_hint(model, language) if questions and not answers.ai_use_cases else []),
        *use_case_lines(answers.ai_use_cases),
        "answers:",
    ]
    for challenge in model.challenges:
        lines.append("")
        lines.extend(_comment(f"{challenge.number}. {challenge.title.get(language)}", "  "))
        for criterion in challenge.criteria:
            if questions:
                lines += _question(criterion, language)
            lines += answer_lines(plain_or_quoted(criterion.id), answers.get(criterion.id))
    return "\n".join(lines) + "\n"


def use_case_lines(use_cases: tuple[AiUseCase, ...]) -> list[str]:
    """The `ai_use_cases:` block (keys in the order kind, name, status, since, vendor,
    built_or_branded; empty ones left out), or nothing for an empty register."""
    if not use_cases:
        return []
    lines = ["ai_use_cases:"]
    for use_case in use_cases:
        lines.append(f"  - kind: {plain_or_quoted(use_case.kind)}")
        if use_case.name is not None:
            lines.append(f"    name: {quote(use_case.name)}")
        lines.append(f"    status: {use_case.status}")
        if use_case.since is not None:
            lines.append(f"    since: {use_case.since.isoformat()}")
        if use_case.vendor is not None:
            lines.append(f"    vendor: {quote(use_case.vendor)}")
        lines.append(f"    built_or_branded: {'true' if use_case.built_or_branded else 'false'}")
    return lines


def _register_hint(model: Model, language: Language) -> list[str]:
    """The template's commented example of the register, with the model's kinds."""
    if not model.ai_use_case_kinds:
        return []
    example = model.ai_use_case_kinds[0].id
    lines = _comment(t("template.register", language))
    for kind in model.ai_use_case_kinds:
        # at column 0 (yamllint wants comments indented like the keys that follow), the
        # kinds indented inside the comment
        text = _comment(f"{kind.id}: {one_line(kind.title.get(language))}", "  ")
        lines += [f"#   {line[len('  # ') :]}".rstrip() for line in text]
    return [
        *lines,
        "# ai_use_cases:",
        f"#   - kind: {example}",
        f"#     name: {quote(t('template.register_name', language))}",
        "#     status: live  # planned, pilot, live",
        "#     since: 2026-03-01",
        f"#     vendor: {quote(t('template.register_vendor', language))}",
        "#     built_or_branded: false",
    ]


def _role_hint(language: Language) -> list[str]:
    roles = ", ".join(t(f"role.{role}", language) for role in ROLE_SUGGESTIONS)
    return _comment(t("template.role", language, roles=roles))


def answer_lines(key: str, answer: Answer) -> list[str]:
    """One line per answer; an answer whose note or evidence makes the line longer than
    yamllint's default limit becomes a block mapping with free text folded over several
    lines."""
    value = answer_value(answer)
    line = f"  {key}: {value}" if value else f"  {key}:"
    if len(line) <= WRAP or (answer.note is None and not answer.dated):
        return [line]
    level = value[len("{level: ") :].split(",", 1)[0]
    lines = [f"  {key}:"]
    for name, text in _fields(answer, level):
        if name in ("note", "evidence"):
            lines += folded(f"    {name}: ", text, "      ")
        else:
            lines.append(f"    {name}: {text}")
    return lines


def _question(criterion: Criterion, language: Language) -> list[str]:
    lines = _comment(criterion.question.get(language), "  ")
    for number, own in enumerate(criterion.levels or ()):
        # under the question, at the keys' indentation (yamllint wants comments indented
        # like the content that follows), the level texts indented inside the comment
        text = _comment(f"{number} = {own.get(language)}", "    ")
        lines += [f"  #   {line[len('    # ') :]}".rstrip() for line in text]
    if criterion.minimum_level is not None:
        lines += _comment(t("model.knockout", language, minimum=criterion.minimum_level), "  ")
    if criterion.review_interval is not None:
        months = criterion.review_interval
        lines += _comment(t("template.review_months", language, months=months), "  ")
    return lines


EVIDENCE_EXAMPLE = '{level: 3, note: "...", evidence: "https://...", checked_on: 2026-03-31}'


def _evidence_hint(model: Model, language: Language) -> list[str]:
    """How levels 3 and 4 carry their evidence and its dates (see `scoring.freshness`)."""
    text = t("template.evidence", language, example=EVIDENCE_EXAMPLE, cap=model.stale_level_cap)
    return _comment(text)


def render_template(model: Model, language: Language, *, schema_path: str | None = None) -> str:
    """The empty answers file of `csm-check template` (valid as it is: all unanswered)."""
    empty = AnswerSet(model=model.id, language=language)
    return dump_answers(empty, model, questions=True, schema_path=schema_path)
