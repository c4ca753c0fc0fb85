"""The AI use-case register in the HTML report: per system a table of its duties, then the
checks against the answers. Every text goes through `html_text`; only the report's existing
CSS classes are used, so reports without a register stay byte for byte the same."""

from __future__ import annotations

from csm_check.i18n import Language, t
from csm_check.render.common import SYMBOLS, html_text
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

COLUMNS = (
    "register.col.duty",
    "register.col.when",
    "register.col.binds",
    "register.col.todo",
    "register.col.criteria",
)


def _row(on_day: DutyOnDay, language: Language) -> str:
    todo = html_text(duty_todo(on_day, language))
    if on_day.duty.prohibited:
        todo = f'<span class="tag">{todo}</span>'
    criteria = ", ".join(f"<code>{html_text(c)}</code>" for c in on_day.duty.criteria) or "\u2013"
    cells = (
        html_text(duty_law(on_day, language)),
        html_text(duty_when(on_day, language)),
        html_text(duty_binds(on_day, language)),
        todo,
        criteria,
    )
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def register_html(card: Scorecard, language: Language) -> list[str]:
    register = card.register
    if register is None:
        return []
    lines = [
        f"<h2>{html_text(t('register.title', language))}</h2>",
        f'<p class="why">{html_text(reviewed_text(card.model, register, language))}</p>',
    ]
    head = "".join(f"<th>{html_text(t(key, language))}</th>" for key in COLUMNS)
    for entry in register.calendar:
        name = html_text(system_name(entry.use_case, entry.kind, language))
        lines += [
            f"<h3>{entry.index + 1}. {name}</h3>",
            f"<p>{html_text(system_facts(entry.use_case, language))}</p>",
        ]
        if entry.use_case.status == "planned":
            lines.append(f'<p class="why">{html_text(t("register.go_live", language))}</p>')
        lines += ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
        lines += [_row(on_day, language) for on_day in entry.duties]
        lines += ["</tbody>", "</table>"]
    lines.append(f"<h3>{html_text(t('register.findings', language))}</h3>")
    if not register.findings:
        return [*lines, f"<p>{html_text(t('register.no_findings', language))}</p>"]
    lines.append("<ul>")
    for finding in register.findings:
        symbol = SYMBOLS["at_risk" if finding.severity == "error" else "developing"][0]
        lines.append(
            f'<li><span class="tag" aria-hidden="true">{symbol}</span> '
            f"<strong>{html_text(severity_word(finding, language))}</strong> "
            f"(<code>{finding.code}</code>): {html_text(finding_text(finding, language))}</li>"
        )
    return [*lines, "</ul>"]
