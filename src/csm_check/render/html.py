"""A one-page HTML report: the Markdown report's content plus the radar chart, in one file.

Self-contained: inline CSS (with an A4 print stylesheet) and inline SVG, no script, no
network; a Content-Security-Policy forbids both, in case a future change slips. Every piece
of user or model text goes through `html_text` (one line, `html.escape`). Statuses show a
symbol and a word besides the colour; symbols rather than emoji because emoji fonts are
often missing when a report is printed or opened on a server.
"""

from __future__ import annotations

from csm_check.i18n import Language, t
from csm_check.render import RenderOptions
from csm_check.render.common import (
    SYMBOLS,
    answer_text,
    coverage_text,
    criterion_name,
    html_text,
    law_text,
    manager_reason,
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
from csm_check.render.radar import render_radar
from csm_check.render.team_roles import (
    challenge_rows,
    criterion_roles,
    groups_text,
    role_label,
    roles_of,
)
from csm_check.scoring.results import (
    ChallengeResult,
    CriterionResult,
    GateReason,
    NextStep,
    Scorecard,
    Status,
)

NUMERIC = ' class="num"'
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

CSS = """
@page { size: A4; margin: 10mm 12mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 20px 24px; color: #1f2328; background: #fff;
  font: 14px/1.45 "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  overflow-wrap: anywhere; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 16px; margin: 18px 0 6px; padding-bottom: 2px; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 14px; margin: 12px 0 4px; }
dl.meta { display: flex; flex-wrap: wrap; gap: 2px 22px; margin: 0; color: #57606a; }
dl.meta div { display: flex; gap: 6px; min-width: 0; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.overview { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: flex-start; }
.numbers { flex: 1 1 440px; min-width: 0; }
/* The chart never renders below 585 of its 740 units (labels of 14 units stay >= 11 px);
   on a narrower screen the figure scrolls sideways, not the page. */
.radar { flex: 1 1 585px; max-width: 620px; min-width: 0; margin: 0; overflow-x: auto; }
.radar svg { width: 100%; min-width: 585px; height: auto; display: block; }
.radar svg .grid-label, .radar svg .legend { font-size: 14px; }
.overall { font-size: 20px; font-weight: bold; margin: 10px 0 2px; }
p { margin: 4px 0; }
table { border-collapse: collapse; width: 100%; margin-top: 10px; }
th, td { padding: 4px 8px; border-bottom: 1px solid #d0d7de; text-align: left;
  vertical-align: top; }
th { background: #f6f8fa; }
.num { text-align: right; white-space: nowrap; }
.status { font-weight: bold; white-space: nowrap; }
.ready { color: #1a7f37; } .developing { color: #8a5c00; }
.at_risk { color: #c9191e; } .no_data, .insufficient_data { color: #57606a; }
ul { margin: 4px 0; padding-left: 1.4em; }
ul.tasks { list-style: none; padding-left: 0; }
ul.tasks li { margin: 3px 0; }
.box { display: inline-block; width: 0.85em; height: 0.85em; margin-right: 0.45em;
  border: 1.5px solid #57606a; border-radius: 2px; vertical-align: -1px; }
.why, .more { color: #57606a; }
.notice { border-left: 4px solid #8a5c00; padding: 2px 8px; background: #fff8e5; }
.tag { font-weight: bold; color: #c9191e; }
code { font: 12px "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f6f8fa;
  padding: 0 3px; border-radius: 3px; }
details { border: 1px solid #d0d7de; border-radius: 6px; padding: 3px 10px; margin: 4px 0; }
summary { cursor: pointer; font-weight: bold; }
td .label { display: none; }
/* Phones: each challenge row stacks into two lines (number and title; score, status and
   answered), so the table needs no more width than the screen has. */
@media (max-width: 600px) {
  body { padding: 12px; }
  h1 { font-size: 19px; }
  table.scores thead { display: none; }
  table.scores tr { display: flex; flex-wrap: wrap; gap: 0 10px; padding: 5px 0;
    border-bottom: 1px solid #d0d7de; }
  table.scores td { border: none; padding: 0; }
  table.scores td.title { flex: 1 1 calc(100% - 3em); font-weight: bold; }
  table.scores td.number { flex: 0 0 2em; }
  table.scores td.score { padding-left: 2em; }
  td .label { display: inline; font-weight: normal; color: #57606a; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 8pt; line-height: 1.35; }
  h1 { font-size: 15pt; } h2 { font-size: 10.5pt; margin-top: 6pt; break-after: avoid; }
  h3 { font-size: 9pt; margin-top: 4pt; break-after: avoid; }
  .overview { display: block; }
  .radar { width: 88mm; margin: 0 auto; break-inside: avoid; overflow: visible; }
  .radar svg { min-width: 0; }
  .details { break-before: page; }
  details::details-content { content-visibility: visible; display: block; }
  /* printed, every section is open: show the open marker, not the closed one */
  summary { list-style: none; }
  summary::-webkit-details-marker { display: none; }
  summary::before { content: "\\25BE  "; }
  .overall { font-size: 12pt; margin-top: 4pt; }
  .more { break-before: avoid; }
  ul.tasks li { margin: 1pt 0; }
  th, td { padding: 1px 5px; }
  code { font-size: 7.5pt; }
  tr, li, details { break-inside: avoid; }
  details { border: none; padding: 0; margin: 1px 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _status(status: Status, language: Language) -> str:
    symbol = SYMBOLS[status][0]
    return (
        f'<span class="status {status}"><span aria-hidden="true">{symbol}</span> '
        f"{html_text(status_name(status, language))}</span>"
    )


def _header(card: Scorecard, language: Language) -> list[str]:
    title = f"{t('card.title', language)}: {card.model.title.get(language)}"
    rows = "".join(
        f"<div><dt>{html_text(label)}:</dt><dd>{html_text(value)}</dd></div>"
        for label, value in meta_rows(card, language)
    )
    return [
        "<header>",
        f"<h1>{html_text(title)}</h1>",
        f'<dl class="meta">{rows}</dl>',
        "</header>",
    ]


def _reason(card: Scorecard, reason: GateReason, language: Language) -> str:
    return manager_reason(
        card, reason, language, html_text, lambda i: f"<code>{html_text(i)}</code>"
    )


def _numbers(card: Scorecard, language: Language) -> list[str]:
    coverage = coverage_text(card, language)
    lines = [
        '<div class="numbers">',
        f'<p class="overall">{html_text(t("card.overall", language))}: '
        f"{score_text(card.score, language)} {_status(card.status, language)}</p>",
        f"<p>{html_text(coverage)}</p>",
    ]
    if card.gate.passed:
        lines.append(f'<p class="gate ready">{html_text(t("card.gate_passed", language))}</p>')
    else:
        reasons = "".join(f"<li>{_reason(card, r, language)}</li>" for r in card.gate.reasons)
        lines.append(f'<p class="gate at_risk">{html_text(t("card.gate_failed", language))}</p>')
        lines.append(f"<ul>{reasons}</ul>")
    if card.gate.warnings:
        warned = "".join(f"<li>{_reason(card, r, language)}</li>" for r in card.gate.warnings)
        lines.append(f'<p class="gate developing">{html_text(t("card.warnings", language))}</p>')
        lines.append(f"<ul>{warned}</ul>")
    head = "".join(
        f"<th{NUMERIC if key in {'col.number', 'col.score', 'col.answered'} else ''}>"
        f"{html_text(t(key, language))}</th>"
        for key in ("col.number", "col.challenge", "col.score", "col.status", "col.answered")
    )
    lines += ['<table class="scores">', f"<thead><tr>{head}</tr></thead>", "<tbody>"]

    def label(key: str) -> str:  # the column's name, shown in stacked rows on phones
        return f'<span class="label">{html_text(t(key, language))}: </span>'

    for result in card.challenges:
        lines.append(
            f'<tr><td class="num number">{result.challenge.number}</td>'
            f'<td class="title">{html_text(result.challenge.title.get(language))}</td>'
            f'<td class="num score">{label("col.score")}{score_text(result.score, language)}</td>'
            f"<td>{_status(result.status, language)}</td>"
            f'<td class="num">{label("col.answered")}{result.answered}/{result.total}</td></tr>'
        )
    return [*lines, "</tbody>", "</table>", "</div>"]


def _roles(card: Scorecard, language: Language) -> list[str]:
    """Team roles: the groups, then per challenge the mean by role and the gap."""
    roles = roles_of(card)
    if roles is None:
        return []
    names = [role_label(g, language) for g in roles.groups]
    head = "".join(
        f"<th{NUMERIC if i == 0 or 2 <= i < len(names) + 2 else ''}>{html_text(name)}</th>"
        for i, name in enumerate(
            [
                t("col.number", language),
                t("col.challenge", language),
                *names,
                t("roles.col.gap", language),
            ]
        )
    )
    lines = [
        f"<h3>{html_text(t('roles.title', language))}</h3>",
        f"<p>{html_text(t('roles.intro', language, minimum=roles.min_group))}</p>",
        f"<p>{html_text(groups_text(roles, language))}</p>",
        '<div class="roles" style="overflow-x: auto">',
        '<table class="roles">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
    ]
    for row in challenge_rows(card, language):
        cells = "".join(f"<td{NUMERIC}>{html_text(c)}</td>" for c in row.cells)
        gap = f"<strong>{html_text(row.gap)}</strong>" if row.discuss else html_text(row.gap)
        lines.append(
            f"<tr><td{NUMERIC}>{row.number}</td><td>{html_text(row.title)}</td>"
            f"{cells}<td>{gap}</td></tr>"
        )
    return [*lines, "</tbody>", "</table>", "</div>"]


def _team(card: Scorecard, language: Language) -> list[str]:
    found = team_text(card, language)
    if found is None:
        return []
    heading, notices, items = found
    who = f"{t('card.respondents', language)}: {respondents_text(card)}"
    lines = [f"<h2>{html_text(heading)}</h2>", f"<p>{html_text(who)}</p>"]
    lines += [f"<p>{html_text(n)}</p>" for n in notices]
    lines.append(f"<h3>{html_text(t('team.discuss', language))}</h3>")
    if not items:
        return [*lines, f"<p>{html_text(t('team.no_disagreement', language))}</p>"]
    return [
        *lines,
        "<ul>",
        *(
            f"<li>{html_text(i.name)} (<code>{html_text(i.criterion)}</code>): "
            f"{html_text(i.spread)}</li>"
            for i in items
        ),
        "</ul>",
    ]


def _blockers(card: Scorecard, language: Language) -> list[str]:
    lines = [f"<h2>{html_text(t('card.blockers', language))}</h2>"]
    if not card.blockers:
        lines.append(f"<p>{html_text(t('card.no_blockers', language))}</p>")
    else:
        lines.append("<ul>")
        for challenge, result in card.blockers:
            lines.append(
                f'<li><span class="tag" aria-hidden="true">{SYMBOLS["at_risk"][0]}</span> '
                f"{challenge.challenge.number} "
                f"{html_text(criterion_name(result.criterion, language))} "
                f"(<code>{html_text(result.criterion.id)}</code>)"
                f"{_law(result, language)}</li>"
            )
        lines.append("</ul>")
    upcoming = upcoming_lines(card, language)
    if upcoming:
        lines.append(f"<h3>{html_text(t('law.upcoming', language))}</h3>")
        lines += ["<ul>", *(f"<li>{html_text(line)}</li>" for line in upcoming), "</ul>"]
    stale = stale_lines(card, language)
    if stale:
        lines.append(f"<h3>{html_text(t('evidence.stale', language))}</h3>")
        lines += ["<ul>", *(f"<li>{html_text(line)}</li>" for _, line in stale), "</ul>"]
    return lines


def _law(result: CriterionResult, language: Language) -> str:
    if not result.criterion.legal:
        return ""
    return f' <span class="why">({html_text(law_text(result.criterion.legal, language))})</span>'


def _notices(card: Scorecard, language: Language) -> list[str]:
    return [f'<p class="notice">{html_text(line)}</p>' for line in notices(card, language)]


def _step(step: NextStep, language: Language) -> str:
    tag = (
        f'<span class="tag">{html_text(t("card.blocker_tag", language))}</span> '
        if step.blocker
        else ""
    )
    return (
        f'<li><span class="box" aria-hidden="true"></span>{tag}'
        f"{html_text(step.criterion.next_step.get(language))} — "
        f'<span class="why">{html_text(why(step, language))}</span> '
        f"(<code>{html_text(step.criterion.id)}</code>)</li>"
    )


def _next_steps(card: Scorecard, options: RenderOptions) -> list[str]:
    language = options.language
    lines = [f"<h2>{html_text(t('card.next_steps', language))}</h2>"]
    if not card.next_steps:
        return [*lines, f"<p>{html_text(t('card.no_next_steps', language))}</p>"]
    shown, hidden = steps_shown(card, options)
    lines += ['<ul class="tasks">', *(_step(step, language) for step in shown), "</ul>"]
    if hidden > 0:
        key = "card.next_steps_more_report" + ("_one" if hidden == 1 else "")
        lines.append(f'<p class="more">{html_text(t(key, language, count=hidden))}</p>')
    return lines


def _all_steps(card: Scorecard, options: RenderOptions) -> list[str]:
    """Every next step, in the details, when the summary shows only the first --top."""
    _, hidden = steps_shown(card, options)
    if hidden <= 0:
        return []
    language = options.language
    return [
        f"<h3>{html_text(t('report.all_steps', language))}</h3>",
        '<ul class="tasks">',
        *(_step(step, language) for step in card.next_steps),
        "</ul>",
    ]


def _details(card: Scorecard, result: ChallengeResult, language: Language) -> list[str]:
    challenge = result.challenge
    answered = t("report.answered", language, answered=result.answered, total=result.total)
    summary = " · ".join(
        (
            f"{challenge.number}. {html_text(challenge.title.get(language))}",
            score_text(result.score, language),
            _status(result.status, language),
            html_text(answered),
        )
    )
    lines = ["<details>", f"<summary>{summary}</summary>", "<ul>"]
    for item in result.criteria:
        criterion = item.criterion
        tag = f' <span class="tag">{html_text(t("card.blocker_tag", language))}</span>'
        level = html_text(answer_text(card, item, language))
        note = (
            f"<li>{html_text(t('report.note', language))}: {html_text(item.answer.note)}</li>"
            if item.answer.note
            else ""
        )
        if (by_role := criterion_roles(card, criterion.id, language)) is not None:
            note += f"<li>{html_text(t('roles.by_role', language))}: {html_text(by_role)}</li>"
        note += "".join(
            f"<li>{html_text(t('report.note_by', language, respondent=who))}: "
            f"{html_text(text)}</li>"
            for who, text in team_notes(card, criterion.id, language)
        )
        note += "".join(
            f"<li>{html_text(label)}: {html_text(text)}</li>"
            for label, text in evidence_details(item, language)
        )
        lines.append(
            f"<li>{html_text(criterion.question.get(language))} "
            f"(<code>{html_text(criterion.id)}</code>){tag if item.blocker else ''}"
            f"<ul><li>{html_text(t('report.level', language))}: {level}</li>{note}</ul></li>"
        )
    return [*lines, "</ul>", "</details>"]


def _register(card: Scorecard, language: Language) -> list[str]:
    if card.register is None:
        return []
    from csm_check.render.register_html import register_html

    return register_html(card, language)


def render_html(card: Scorecard, options: RenderOptions) -> str:
    language = options.language
    title = f"{t('card.title', language)}: {card.model.title.get(language)}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html_text(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        *_header(card, language),
        *_notices(card, language),
        "<main>",
        '<section class="overview">',
        *_numbers(card, language),
        '<figure class="radar">',
        render_radar(card, language, standalone=False).rstrip("\n"),
        "</figure>",
        "</section>",
        *_blockers(card, language),
        *_register(card, language),
        *_next_steps(card, options),
        '<section class="details">',
        *_team(card, language),
        *_roles(card, language),
        f"<h2>{html_text(t('report.details', language))}</h2>",
        *_all_steps(card, options),
        '<section class="criteria">',
        *(line for result in card.challenges for line in _details(card, result, language)),
        "</section>",
        "</section>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
