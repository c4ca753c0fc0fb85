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
    gate_reason,
    html_text,
    law_text,
    meta_rows,
    notices,
    score_text,
    status_name,
    steps_shown,
    team_text,
    upcoming_lines,
    why,
)
from csm_check.render.radar import render_radar
from csm_check.scoring.results import ChallengeResult, CriterionResult, Scorecard, Status

NUMERIC = ' class="num"'
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

CSS = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 20px 24px; color: #1f2328; background: #fff;
  font: 14px/1.45 "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 16px; margin: 18px 0 6px; padding-bottom: 2px; border-bottom: 1px solid #d0d7de; }
dl.meta { display: flex; flex-wrap: wrap; gap: 2px 22px; margin: 0; color: #57606a; }
dl.meta div { display: flex; gap: 6px; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.overview { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: flex-start; }
.numbers { flex: 1 1 500px; min-width: 0; }
.radar { flex: 1 1 460px; max-width: 620px; margin: 0; }
.radar svg { width: 100%; height: auto; display: block; }
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
@media print {
  body { max-width: none; padding: 0; font-size: 8.5pt; }
  h1 { font-size: 15pt; } h2 { font-size: 10.5pt; margin-top: 6pt; break-after: avoid; }
  .overview { display: block; }
  .radar { width: 95mm; margin: 1mm auto 0; break-inside: avoid; }
  .criteria { break-before: page; }
  details::details-content { content-visibility: visible; display: block; }
  .overall { font-size: 13pt; }
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
        reasons = "".join(
            f"<li>{html_text(gate_reason(r, language))}</li>" for r in card.gate.reasons
        )
        lines.append(f'<p class="gate at_risk">{html_text(t("card.gate_failed", language))}</p>')
        lines.append(f"<ul>{reasons}</ul>")
    if card.gate.warnings:
        warned = "".join(
            f"<li>{html_text(gate_reason(r, language))}</li>" for r in card.gate.warnings
        )
        lines.append(f'<p class="gate developing">{html_text(t("card.warnings", language))}</p>')
        lines.append(f"<ul>{warned}</ul>")
    head = "".join(
        f"<th{NUMERIC if key in {'col.number', 'col.score', 'col.answered'} else ''}>"
        f"{html_text(t(key, language))}</th>"
        for key in ("col.number", "col.challenge", "col.score", "col.status", "col.answered")
    )
    lines += ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for result in card.challenges:
        lines.append(
            f'<tr><td class="num">{result.challenge.number}</td>'
            f"<td>{html_text(result.challenge.title.get(language))}</td>"
            f'<td class="num">{score_text(result.score, language)}</td>'
            f"<td>{_status(result.status, language)}</td>"
            f'<td class="num">{result.answered}/{result.total}</td></tr>'
        )
    return [*lines, "</tbody>", "</table>", "</div>"]


def _team(card: Scorecard, language: Language) -> list[str]:
    found = team_text(card, language)
    if found is None:
        return []
    heading, notices, items = found
    lines = [f"<h2>{html_text(heading)}</h2>", *(f"<p>{html_text(n)}</p>" for n in notices)]
    lines.append(f"<h3>{html_text(t('team.discuss', language))}</h3>")
    if not items:
        return [*lines, f"<p>{html_text(t('team.no_disagreement', language))}</p>"]
    return [*lines, "<ul>", *(f"<li>{html_text(item)}</li>" for item in items), "</ul>"]


def _blockers(card: Scorecard, language: Language) -> list[str]:
    lines = [f"<h2>{html_text(t('card.blockers', language))}</h2>"]
    if not card.blockers:
        lines.append(f"<p>{html_text(t('card.no_blockers', language))}</p>")
    else:
        lines.append("<ul>")
        for challenge, result in card.blockers:
            lines.append(
                f'<li><span class="tag" aria-hidden="true">{SYMBOLS["at_risk"][0]}</span> '
                f"{challenge.challenge.number} <code>{html_text(result.criterion.id)}</code>: "
                f"{html_text(result.criterion.question.get(language))}"
                f"{_law(result, language)}</li>"
            )
        lines.append("</ul>")
    upcoming = upcoming_lines(card, language)
    if upcoming:
        lines.append(f"<h3>{html_text(t('law.upcoming', language))}</h3>")
        lines += ["<ul>", *(f"<li>{html_text(line)}</li>" for line in upcoming), "</ul>"]
    return lines


def _law(result: CriterionResult, language: Language) -> str:
    if not result.criterion.legal:
        return ""
    return f' <span class="why">({html_text(law_text(result.criterion.legal, language))})</span>'


def _notices(card: Scorecard, language: Language) -> list[str]:
    return [f'<p class="notice">{html_text(line)}</p>' for line in notices(card, language)]


def _next_steps(card: Scorecard, options: RenderOptions) -> list[str]:
    language = options.language
    lines = [f"<h2>{html_text(t('card.next_steps', language))}</h2>"]
    if not card.next_steps:
        return [*lines, f"<p>{html_text(t('card.no_next_steps', language))}</p>"]
    shown, hidden = steps_shown(card, options)
    lines.append('<ul class="tasks">')
    for step in shown:
        tag = (
            f'<span class="tag">{html_text(t("card.blocker_tag", language))}</span> '
            if step.blocker
            else ""
        )
        lines.append(
            f'<li><span class="box" aria-hidden="true"></span>{tag}'
            f"{html_text(step.criterion.next_step.get(language))} — "
            f'<span class="why">{html_text(why(step, language))}</span> '
            f"(<code>{html_text(step.criterion.id)}</code>)</li>"
        )
    lines.append("</ul>")
    if hidden > 0:
        more = t("card.next_steps_more", language, count=hidden)
        lines.append(f'<p class="more">{html_text(more)}</p>')
    return lines


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
        lines.append(
            f"<li>{html_text(criterion.question.get(language))} "
            f"(<code>{html_text(criterion.id)}</code>){tag if item.blocker else ''}"
            f"<ul><li>{html_text(t('report.level', language))}: {level}</li>{note}</ul></li>"
        )
    return [*lines, "</ul>", "</details>"]


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
        *_team(card, language),
        *_blockers(card, language),
        *_next_steps(card, options),
        '<section class="criteria">',
        f"<h2>{html_text(t('report.details', language))}</h2>",
        *(line for result in card.challenges for line in _details(card, result, language)),
        "</section>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
