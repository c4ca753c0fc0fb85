"""The AI use-case register in Markdown: per system a table of its duties (law, when,
whom it binds, what to do, criteria), then the checks against the answers. Every text
goes through `md_text`. Shown only when the answers file has a register."""

from __future__ import annotations

from csm_check.i18n import Language, t
from csm_check.render.common import md_text
from csm_check.render.register_text import (
    duty_binds,
    duty_law,
    duty_todo,
    duty_when,
    finding_text,
    reviewed_text,
    severity_word,
    system_facts,
    system_name,
)
from csm_check.scoring.register import DutyOnDay
from csm_check.scoring.results import Scorecard

COLUMNS = ("register.col.duty", "register.col.when", "register.col.binds", "register.col.todo")


def _row(on_day: DutyOnDay, language: Language) -> str:
    mark = "🔴 " if on_day.duty.prohibited else ("" if on_day.in_force else "⏳ ")
    criteria = ", ".join(f"`{c}`" for c in on_day.duty.criteria) or "\u2013"
    cells = (
        md_text(duty_law(on_day, language)),
        mark + md_text(duty_when(on_day, language)),
        md_text(duty_binds(on_day, language)),
        md_text(duty_todo(on_day, language)),
        criteria,
    )
    return "| " + " | ".join(cells) + " |"


def register_markdown(card: Scorecard, language: Language) -> list[str]:
    register = card.register
    if register is None:
        return []
    lines = [f"## {md_text(t('register.title', language))}", ""]
    lines += [f"*{md_text(reviewed_text(card.model, register, language))}*"]
    head = [t(key, language) for key in (*COLUMNS, "register.col.criteria")]
    for entry in register.calendar:
        name = md_text(system_name(entry.use_case, entry.kind, language))
        lines += ["", f"### {entry.index + 1}. {name}", ""]
        lines.append(md_text(system_facts(entry.use_case, language)))
        if entry.use_case.status == "planned":
            lines += ["", f"*{md_text(t('register.go_live', language))}*"]
        lines += ["", "| " + " | ".join(md_text(h) for h in head) + " |"]
        lines.append("|:---|:---|:---|:---|:---|")
        lines += [_row(on_day, language) for on_day in entry.duties]
    lines += ["", f"### {md_text(t('register.findings', language))}", ""]
    if not register.findings:
        return [*lines, md_text(t("register.no_findings", language))]
    for finding in register.findings:
        mark = "🔴" if finding.severity == "error" else "🟡"
        word = md_text(severity_word(finding, language))
        text = md_text(finding_text(finding, language))
        lines.append(f"- {mark} **{word}** (`{finding.code}`): {text}")
    return lines
