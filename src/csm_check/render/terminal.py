"""The Rich scorecard for terminals and logs; fits 80 columns, readable without colour.

Every piece of model or user text goes through `Text(...)`, never through markup, and is
cleaned of control characters first.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from csm_check.i18n import Language, format_date, t
from csm_check.render import RenderOptions
from csm_check.render.common import (
    coverage_text,
    gate_reason,
    law_text,
    notices,
    score_text,
    status_label,
    team_text,
    upcoming_lines,
    why,
)
from csm_check.render.console import capture
from csm_check.render.evidence import stale_lines
from csm_check.render.team_roles import challenge_rows, groups_text, means_line, roles_of
from csm_check.sanitize import one_line
from csm_check.scoring.results import GateReason, Scorecard, Status

STYLES: dict[Status, str] = {
    "ready": "bold green",
    "developing": "bold yellow",
    "at_risk": "bold red",
    "insufficient_data": "yellow",
    "no_data": "dim",
}
BAR_WIDTH = 10


def bar(score: float | None, *, ascii_only: bool) -> str:
    if score is None:
        return " " * BAR_WIDTH
    filled = round(score / 100 * BAR_WIDTH)
    full, empty = ("#", ".") if ascii_only else ("█", "░")
    return full * filled + empty * (BAR_WIDTH - filled)


def _header(card: Scorecard, language: Language) -> Text:
    unknown = t("card.unknown", language)
    answers = card.answers
    text = Text()
    text.append(f"{t('card.title', language)}: ", style="bold")
    text.append(one_line(card.model.title.get(language)), style="bold")
    rows = [
        (t("card.organisation", language), answers.organisation),
        (t("card.respondent", language), answers.respondent),
        (
            t("card.date", language),
            format_date(answers.assessed_on, language) if answers.assessed_on else None,
        ),
        (t("card.model", language), card.model.id),
    ]
    for label, value in rows:
        text.append(f"\n{label}: ", style="dim")
        text.append(one_line(value) if value else unknown)
    return text


def _table(card: Scorecard, options: RenderOptions) -> Table:
    language = options.language
    table = Table(
        box=box.ASCII if options.ascii_only else box.SIMPLE_HEAD,
        pad_edge=False,
        expand=False,
        show_edge=False,
    )
    table.add_column(t("col.number", language), justify="right", no_wrap=True)
    table.add_column(t("col.challenge", language), overflow="fold", ratio=1)
    table.add_column(t("col.bar", language), no_wrap=True)
    table.add_column(t("col.score", language), justify="right", no_wrap=True)
    table.add_column(t("col.status", language), no_wrap=True)
    table.add_column(t("col.answered", language), justify="right", no_wrap=True)
    for result in card.challenges:
        style = STYLES[result.status]
        table.add_row(
            str(result.challenge.number),
            Text(one_line(result.challenge.title.get(language))),
            Text(bar(result.score, ascii_only=options.ascii_only), style=style),
            score_text(result.score, language),
            Text(status_label(result.status, language, ascii_only=options.ascii_only), style=style),
            f"{result.answered}/{result.total}",
        )
    return table


def _overall(card: Scorecard, options: RenderOptions) -> Text:
    language = options.language
    text = Text()
    text.append(f"{t('card.overall', language)}: ", style="bold")
    text.append(score_text(card.score, language), style="bold")
    text.append("  ")
    label = status_label(card.status, language, ascii_only=options.ascii_only)
    text.append(label, style=STYLES[card.status])
    text.append("\n" + coverage_text(card, language))
    return text


def _list(rows: list[tuple[Text, Text]]) -> Table:
    """Numbered or bulleted rows with a hanging indent, so wrapped lines stay aligned."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    for marker, body in rows:
        grid.add_row(marker, body)
    return grid


def _blockers(card: Scorecard, options: RenderOptions) -> RenderableType:
    language = options.language
    title = Text(t("card.blockers", language), style="bold")
    parts: list[RenderableType] = [title]
    if not card.blockers:
        parts.append(Text(t("card.no_blockers", language)))
    symbol = "x" if options.ascii_only else "✖"
    rows = []
    for challenge, result in card.blockers:
        body = Text(f"{challenge.challenge.number} {one_line(result.criterion.id)}: ")
        body.append(one_line(result.criterion.question.get(language)))
        if result.criterion.legal:
            body.append(f"\n{one_line(law_text(result.criterion.legal, language))}", style="dim")
        rows.append((Text(symbol, style="bold red"), body))
    if rows:
        parts.append(_list(rows))
    upcoming = upcoming_lines(card, language)
    if upcoming:
        parts.append(Text(t("law.upcoming", language), style="bold"))
        mark = "~" if options.ascii_only else "⏳"
        parts.append(_list([(Text(mark), Text(one_line(line))) for line in upcoming]))
    stale = stale_lines(card, language)
    if stale:
        parts.append(Text(t("evidence.stale", language), style="bold"))
        mark = "!" if options.ascii_only else "⌛"
        parts.append(
            _list([(Text(mark, style="yellow"), Text(one_line(line))) for _, line in stale])
        )
    return Group(*parts)


def _next_steps(card: Scorecard, options: RenderOptions) -> RenderableType:
    language = options.language
    title = Text(t("card.next_steps", language), style="bold")
    if not card.next_steps:
        return Group(title, Text(t("card.no_next_steps", language)))
    shown = card.next_steps[: max(options.top, 0)]
    rows = []
    for step in shown:
        body = Text()
        if step.blocker:
            body.append(f"[{t('card.blocker_tag', language)}] ", style="bold red")
        body.append(one_line(step.criterion.next_step.get(language)))
        body.append(f"\n{one_line(why(step, language))} ({step.criterion.id})", style="dim")
        rows.append((Text(f"{step.rank}."), body))
    parts: list[RenderableType] = [title, _list(rows)]
    hidden = len(card.next_steps) - len(shown)
    if hidden > 0:
        parts.append(Text(t("card.next_steps_more", language, count=hidden), style="dim"))
    return Group(*parts)


def _gate(card: Scorecard, language: Language) -> RenderableType:
    """The verdict, then each reason and warning; a long reason wraps under its own text."""
    if card.gate.passed:
        parts: list[RenderableType] = [Text(t("card.gate_passed", language), style="bold green")]
    else:
        parts = [Text(t("card.gate_failed", language), style="bold red")]

    def reasons(found: tuple[GateReason, ...]) -> None:
        if found:
            rows = [(Text("-"), Text(one_line(gate_reason(r, language)))) for r in found]
            parts.append(_list(rows))

    reasons(card.gate.reasons)
    if card.gate.warnings:
        parts.append(Text(t("card.warnings", language), style="bold yellow"))
    reasons(card.gate.warnings)
    return Group(*parts)


def _team(card: Scorecard, options: RenderOptions) -> list[RenderableType]:
    found = team_text(card, options.language)
    if found is None:
        return []
    heading, notices, items = found
    parts: list[RenderableType] = [Text(one_line(heading), style="bold")]
    parts += [Text(one_line(notice), style="yellow") for notice in notices]
    parts.append(Text(t("team.discuss", options.language), style="bold"))
    if not items:
        parts.append(Text(t("team.no_disagreement", options.language)))
    else:
        symbol = "!" if options.ascii_only else "⚑"
        parts.append(
            _list([(Text(symbol, style="bold yellow"), Text(one_line(i.text))) for i in items])
        )
    return [*parts, Text(), *_roles(card, options)]


def _roles(card: Scorecard, options: RenderOptions) -> list[RenderableType]:
    """Team roles: the groups, then one line per challenge with its means by role and gap."""
    roles = roles_of(card)
    if roles is None:
        return []
    language = options.language
    parts: list[RenderableType] = [Text(t("roles.title", language), style="bold")]
    parts.append(Text(one_line(t("roles.intro", language, minimum=roles.min_group))))
    parts.append(Text(one_line(groups_text(roles, language))))
    for means, row in zip(roles.challenges, challenge_rows(card, language), strict=True):
        line = f"{row.number:>2} {row.title}: {means_line(roles, means, language) or '-'}"
        if means.gap is not None:
            line += f" ({row.gap})"
        parts.append(Text(one_line(line), style="bold yellow" if row.discuss else ""))
    return [*parts, Text()]


def _register(card: Scorecard, options: RenderOptions) -> list[RenderableType]:
    if card.register is None:
        return []
    from csm_check.render.register_terminal import register_section

    return register_section(card, options.language, options.ascii_only)


def render_terminal(card: Scorecard, options: RenderOptions) -> str:
    parts: list[RenderableType] = [
        _header(card, options.language),
        *(Text(one_line(line), style="bold yellow") for line in notices(card, options.language)),
        _table(card, options),
        _overall(card, options),
        Text(),
        *_team(card, options),
        _blockers(card, options),
        Text(),
        *_register(card, options),
        _next_steps(card, options),
        Text(),
        _gate(card, options.language),
    ]
    return capture(Group(*parts), width=options.width, color_system=options.color_system)
