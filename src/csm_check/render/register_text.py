"""What every format says about the AI use-case register, as plain text (each renderer
escapes it): a system's name and state, when a duty binds, whom it binds, the findings.

Kept apart from `common` so that the register's wording lives in one place and the other
formats' code stays unchanged when an answers file has no register.
"""

from __future__ import annotations

from csm_check.i18n import Language, format_date, format_number, t
from csm_check.model import AiUseCaseKind, Model
from csm_check.scoring.register import DutyOnDay, Register, RegisterFinding
from csm_check.use_cases import AiUseCase


def system_name(use_case: AiUseCase, kind: AiUseCaseKind, language: Language) -> str:
    """'Customer chatbot "Web chat"', or the kind's title alone."""
    title = kind.title.get(language)
    if not use_case.name:
        return title
    return f"{title} {t('criterion.quoted', language, name=use_case.name)}"


def status_word(use_case: AiUseCase, language: Language) -> str:
    return t(f"register.status.{use_case.status}", language)


def system_facts(use_case: AiUseCase, language: Language) -> str:
    """'live · since 2025-03-01 · vendor: X · built or branded by you'."""
    parts = [status_word(use_case, language)]
    if use_case.since is not None:
        parts.append(t("register.since", language, date=format_date(use_case.since, language)))
    if use_case.vendor:
        parts.append(t("register.vendor", language, vendor=use_case.vendor))
    if use_case.built_or_branded:
        parts.append(t("register.built_or_branded", language))
    return " · ".join(parts)


def duty_law(on_day: DutyOnDay, language: Language) -> str:
    return on_day.duty.cite.get(language)


def duty_when(on_day: DutyOnDay, language: Language) -> str:
    """'in force since 2026-08-02' or 'applies from 2027-12-02, in 367 days'."""
    date = format_date(on_day.duty.applies_from, language)
    if on_day.days_left is None:
        return t("register.in_force", language, date=date)
    key = "register.upcoming_one" if on_day.days_left == 1 else "register.upcoming"
    return t(key, language, date=date, days=on_day.days_left)


def duty_binds(on_day: DutyOnDay, language: Language) -> str:
    if not on_day.yours:
        return t("register.binds_vendor", language)
    roles = ", ".join(t(f"register.role.{role}", language) for role in on_day.yours)
    return t("register.binds_you", language, roles=roles)


def duty_todo(on_day: DutyOnDay, language: Language) -> str:
    prefix = f"{t('register.prohibited', language)}: " if on_day.duty.prohibited else ""
    return prefix + on_day.duty.todo.get(language)


def duty_criteria(on_day: DutyOnDay, language: Language) -> str:
    if not on_day.duty.criteria:
        return t("register.not_covered", language)
    return t("register.covered_by", language, criteria=", ".join(on_day.duty.criteria))


def reviewed_text(model: Model, register: Register, language: Language) -> str:
    """The model's `legal_reviewed_on`, shown next to the calendar, and the day judged."""
    day = format_date(register.judged_on, language)
    if model.legal_reviewed_on is None:
        return t("register.reviewed_unknown", language, day=day)
    date = format_date(model.legal_reviewed_on, language)
    return t("register.reviewed", language, date=date, day=day)


def finding_text(finding: RegisterFinding, language: Language) -> str:
    system = system_name(finding.use_case, finding.kind, language)
    date = format_date(finding.duty.applies_from, language)
    law = t("law.applies_from", language, cite=finding.duty.cite.get(language), date=date)
    values: dict[str, object] = {
        "system": system,
        "status": status_word(finding.use_case, language),
        "law": finding.duty.cite.get(language),
        "criterion": finding.criterion,
    }
    if finding.code == "prohibited_practice":
        return t("finding.prohibited_practice", language, **{**values, "date": date})
    if finding.code == "not_applicable_contradicts_register":
        return t("finding.not_applicable_contradicts_register", language, **{**values, "law": law})
    if finding.level is None:
        key = "finding.duty_not_covered_unanswered"
        return t(key, language, **values, needed=finding.needed)
    level = _level(finding.level, language)
    return t("finding.duty_not_covered", language, **values, level=level, needed=finding.needed)


def _level(level: float, language: Language) -> str:
    """A level as people write it (as render.common.level_text, which imports this module)."""
    return str(int(level)) if float(level).is_integer() else format_number(level, language)


def severity_word(finding: RegisterFinding, language: Language) -> str:
    return t(f"register.severity.{finding.severity}", language)
