"""The scorecard as GitHub-flavoured Markdown for team wikis (GitHub, GitLab, Azure DevOps).

The text reads as plain text too. User and model text goes through `md_text`, or `html_text`
inside the raw `<details>` HTML (both in render.common, shared with the HTML report).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from csm_check.i18n import Language, t
from csm_check.render import RenderOptions
from csm_check.render.common import (
    EMOJI,
    answer_text,
    coverage_text,
    criterion_name,
    html_text,
    law_text,
    manager_reason,
    md_text,
    meta_rows,
    notices,
    respondents_text,
    score_text,
    status_name,
    steps_shown,
    team_notes,
    team_text,
    upcoming_lines,
    why,
)
from csm_check.render.evidence import evidence_details, stale_lines
from csm_check.render.team_roles import (
    challenge_rows,
    criterion_roles,
    groups_text,
    role_label,
    roles_of,
)
from csm_check.scoring.results import ChallengeResult, GateReason, NextStep, Scorecard, Status


def chart_href(chart: Path, report: Path | None) -> str:
    """The --chart file's address for the report: relative to the report's folder when the
    report is a file, else as given; percent-encoded so that it is a valid link target."""
    if report is None:
        target = chart.as_posix()
    else:
        try:
            target = Path(os.path.relpath(chart.absolute(), report.absolute().parent)).as_posix()
        except ValueError:  # another drive on Windows: no relative path exists
            return chart.absolute().as_uri()
    return quote(target, safe="/")


def status_text(status: Status, language: Language) -> str:
    return f"{EMOJI[status]} {status_name(status, language)}"


def _header(card: Scorecard, language: Language) -> list[str]:
    title = f"# {t('card.title', language)}: {md_text(card.model.title.get(language))}"
    return [
        title,
        "",
        *(f"- {label}: {md_text(value)}" for label, value in meta_rows(card, language)),
    ]


def _reason(card: Scorecard, reason: GateReason, language: Language) -> str:
    return manager_reason(card, reason, language, md_text, lambda i: f"`{i}`")


def _overall(card: Scorecard, options: RenderOptions) -> list[str]:
    language = options.language
    coverage = coverage_text(card, language)
    lines = [
        f"**{t('card.overall', language)}: {score_text(card.score, language)} · "
        f"{status_text(card.status, language)}**",
        "",
        md_text(coverage),
        "",
    ]
    if card.gate.passed:
        lines.append(f"**{t('card.gate_passed', language)}**")
    else:
        lines += [f"**{t('card.gate_failed', language)}**", ""]
        lines += [f"- {_reason(card, reason, language)}" for reason in card.gate.reasons]
    if card.gate.warnings:
        lines += ["", f"**{t('card.warnings', language)}**", ""]
        lines += [f"- {_reason(card, reason, language)}" for reason in card.gate.warnings]
    if options.chart_href is not None:
        lines += ["", f"![{md_text(t('report.chart_alt', language))}]({options.chart_href})"]
    return lines


def _table(card: Scorecard, language: Language) -> list[str]:
    head = ("col.number", "col.challenge", "col.score", "col.status", "col.answered")
    lines = [
        "| " + " | ".join(t(key, language) for key in head) + " |",
        "|---:|:---|---:|:---|---:|",
    ]
    for result in card.challenges:
        cells = (
            str(result.challenge.number),
            md_text(result.challenge.title.get(language)),
            score_text(result.score, language),
            status_text(result.status, language),
            f"{result.answered}/{result.total}",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _team(card: Scorecard, language: Language) -> list[str]:
    found = team_text(card, language)
    if found is None:
        return []
    heading, notices, items = found
    lines = [f"## {md_text(heading)}", ""]
    lines += [f"{t('card.respondents', language)}: {md_text(respondents_text(card))}", ""]
    lines += [*(f"> {md_text(n)}" for n in notices), *([""] if notices else [])]
    lines += [f"### {md_text(t('team.discuss', language))}", ""]
    if not items:
        return [*lines, md_text(t("team.no_disagreement", language))]
    return [
        *lines,
        *(f"- {md_text(i.name)} (`{i.criterion}`): {md_text(i.spread)}" for i in items),
    ]


def _roles(card: Scorecard, language: Language) -> list[str]:
    """Team roles: the groups, then per challenge the mean by role and the gap."""
    roles = roles_of(card)
    if roles is None:
        return []
    lines = [f"### {md_text(t('roles.title', language))}", ""]
    lines += [md_text(t("roles.intro", language, minimum=roles.min_group)), ""]
    lines += [md_text(groups_text(roles, language)), ""]
    names = [md_text(role_label(g, language)) for g in roles.groups]
    header = ["#", t("col.challenge", language), *names, t("roles.col.gap", language)]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|---:|:---|" + "---:|" * len(names) + ":---|")
    for row in challenge_rows(card, language):
        gap = f"**{md_text(row.gap)}**" if row.discuss else md_text(row.gap)
        cells = [str(row.number), md_text(row.title), *row.cells, gap]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _blockers(card: Scorecard, language: Language) -> list[str]:
    lines = [f"## {t('card.blockers', language)}", ""]
    if not card.blockers:
        lines.append(t("card.no_blockers", language))
    for challenge, result in card.blockers:
        name = md_text(criterion_name(result.criterion, language))
        law = result.criterion.legal
        cited = f" — {md_text(law_text(law, language))}" if law else ""
        lines.append(f"- 🔴 {challenge.challenge.number} {name} (`{result.criterion.id}`){cited}")
    upcoming = upcoming_lines(card, language)
    if upcoming:
        lines += ["", f"### {md_text(t('law.upcoming', language))}", ""]
        lines += [f"- ⏳ {md_text(line)}" for line in upcoming]
    stale = stale_lines(card, language)
    if stale:
        lines += ["", f"### {md_text(t('evidence.stale', language))}", ""]
        lines += [f"- ⌛ {md_text(line)}" for _, line in stale]
    return lines


def _step(step: NextStep, language: Language) -> str:
    tag = f"**{t('card.blocker_tag', language)}** " if step.blocker else ""
    action = md_text(step.criterion.next_step.get(language))
    return f"- [ ] {tag}{action} — {md_text(why(step, language))} (`{step.criterion.id}`)"


def _next_steps(card: Scorecard, options: RenderOptions) -> list[str]:
    language = options.language
    lines = [f"## {t('card.next_steps', language)}", ""]
    if not card.next_steps:
        return [*lines, md_text(t("card.no_next_steps", language))]
    shown, hidden = steps_shown(card, options)
    lines += [_step(step, language) for step in shown]
    if hidden > 0:
        lines += ["", f"*{md_text(t('card.next_steps_more', language, count=hidden))}*"]
    return lines


def _details(card: Scorecard, result: ChallengeResult, language: Language) -> list[str]:
    challenge = result.challenge
    summary = " · ".join(
        (
            f"{challenge.number}. {html_text(challenge.title.get(language))}",
            score_text(result.score, language),
            html_text(status_text(result.status, language)),
            html_text(t("report.answered", language, answered=result.answered, total=result.total)),
        )
    )
    lines = ["<details>", f"<summary>{summary}</summary>", ""]
    for criterion_result in result.criteria:
        criterion = criterion_result.criterion
        tag = f" **{t('card.blocker_tag', language)}**" if criterion_result.blocker else ""
        lines.append(f"- {md_text(criterion.question.get(language))} (`{criterion.id}`){tag}")
        level = md_text(answer_text(card, criterion_result, language))
        lines.append(f"  - {t('report.level', language)}: {level}")
        if criterion_result.answer.note:
            note = md_text(criterion_result.answer.note)
            lines.append(f"  - {t('report.note', language)}: {note}")
        for label, text in evidence_details(criterion_result, language):
            lines.append(f"  - {md_text(label)}: {md_text(text)}")
        if (by_role := criterion_roles(card, criterion.id, language)) is not None:
            lines.append(f"  - {md_text(t('roles.by_role', language))}: {md_text(by_role)}")
        for respondent, text in team_notes(card, criterion.id, language):
            label = md_text(t("report.note_by", language, respondent=respondent))
            lines.append(f"  - {label}: {md_text(text)}")
    return [*lines, "", "</details>"]


def _register(card: Scorecard, language: Language) -> list[str]:
    if card.register is None:
        return []
    from csm_check.render.register_markdown import register_markdown

    return register_markdown(card, language)


def render_markdown(card: Scorecard, options: RenderOptions) -> str:
    language = options.language
    blocks = [
        _header(card, language),
        *(
            [[f"> ⚠️ {md_text(line)}" for line in found]]
            if (found := notices(card, language))
            else []
        ),
        _overall(card, options),
        _table(card, language),
        _blockers(card, language),
        *([block] if (block := _register(card, language)) else []),
        _next_steps(card, options),
        *([block] if (block := _team(card, language)) else []),
        *([block] if (block := _roles(card, language)) else []),
        [f"## {t('report.details', language)}"],
        *(_details(card, result, language) for result in card.challenges),
    ]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
