"""The interview's AI register step (review screen, key `a`): list the AI systems in
service, add one (kind, status, name, vendor, built or branded) or delete one.

Only at a terminal (the review screen is interactive only), so the piped line protocol is
unchanged. Each change returns a new AnswerSet; the session saves it at once."""

from __future__ import annotations

from collections.abc import Callable

from csm_check.answers import AnswerSet
from csm_check.frozen import replace
from csm_check.i18n import Language, t
from csm_check.interview.keys import name_value
from csm_check.model import Model
from csm_check.sanitize import one_line
from csm_check.use_cases import USE_CASE_STATUSES, AiUseCase, UseCaseStatus

MAX_TEXT = 200  # name and vendor, as the answers file allows

Show = Callable[[str], None]
Read = Callable[[str], str]


def listing(model: Model, answers: AnswerSet, language: Language) -> list[str]:
    """The entries, numbered, then the kinds to choose from."""
    lines = [t("interview.register_title", language)]
    kinds = {kind.id: kind for kind in model.ai_use_case_kinds}
    for number, use_case in enumerate(answers.ai_use_cases, 1):
        kind = kinds.get(use_case.kind)
        title = kind.title.get(language) if kind else use_case.kind
        quoted = t("criterion.quoted", language, name=use_case.name) if use_case.name else ""
        name = f" {one_line(quoted)}" if quoted else ""
        status = t(f"register.status.{use_case.status}", language)
        lines.append(f"  {number}. {one_line(title)}{name} — {status}")
    if not answers.ai_use_cases:
        lines.append("  " + t("interview.register_empty", language))
    lines.append(t("interview.register_kinds", language))
    for number, kind in enumerate(model.ai_use_case_kinds, 1):
        lines.append(f"  {number:>2} {kind.id}: {one_line(kind.title.get(language))}")
    return lines


def register_step(
    model: Model, answers: AnswerSet, language: Language, read: Read, show: Show
) -> AnswerSet | None:
    """One round: None when the person goes back (Enter or q), else the changed answers."""
    for line in listing(model, answers, language):
        show(line)
    typed = one_line(read(t("interview.register_prompt", language))).strip()
    key = typed.lower()
    if key in ("", "q"):
        return None
    if key.startswith("d") and key[1:].strip().isdigit():
        index = int(key[1:].strip()) - 1
        if 0 <= index < len(answers.ai_use_cases):
            kept = answers.ai_use_cases[:index] + answers.ai_use_cases[index + 1 :]
            return replace(answers, ai_use_cases=kept)
    kinds = [kind.id for kind in model.ai_use_case_kinds]
    chosen = kinds[int(key) - 1] if key.isdigit() and 0 < int(key) <= len(kinds) else key
    if chosen not in kinds:
        show(t("interview.register_unknown", language, text=typed[:20]))
        return answers
    use_case = AiUseCase(
        kind=chosen,
        status=_status(language, read, show),
        name=_text(read(t("interview.register_name", language))),
        vendor=_text(read(t("interview.register_vendor", language))),
        built_or_branded=one_line(read(t("interview.register_built", language))).strip().lower()
        in ("y", "yes", "j", "ja"),
    )
    return replace(answers, ai_use_cases=(*answers.ai_use_cases, use_case))


def _status(language: Language, read: Read, show: Show) -> UseCaseStatus:
    while True:
        typed = one_line(read(t("interview.register_status", language))).strip().lower()
        if not typed:
            return "live"
        for number, status in enumerate(USE_CASE_STATUSES, 1):
            words = (str(number), status, t(f"register.status.{status}", language).lower())
            if typed in words:
                return status
        show(t("interview.register_unknown", language, text=typed[:20]))


def _text(typed: str) -> str | None:
    value = name_value(one_line(typed))
    return value[:MAX_TEXT] if value else None
