"""The scorecard as GitHub-flavoured Markdown for team wikis (GitHub, GitLab, Azure DevOps).

The text reads as plain text too. Every piece of user or model text (a custom model given
with --challenges is user input) goes through `md_text`, or `html_text` inside the raw
`<details>` HTML, so that a note can neither break the table nor inject HTML, links,
images or headings. The helpers `meta_rows`, `level_text` and `steps_shown` define the
report's content once; the HTML report uses them as well.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import quote

from csm_check import __version__
from csm_check.i18n import Language, t
from csm_check.render import RenderOptions
from csm_check.render.common import (
    coverage_text,
    gate_reason,
    score_text,
    status_name,
    team_text,
    why,
)
from csm_check.render.common import level_text as common_level
from csm_check.sanitize import one_line
from csm_check.scorecard import ChallengeResult, CriterionResult, NextStep, Scorecard, Status

EMOJI: dict[Status, str] = {
    "ready": "🟢",
    "developing": "🟡",
    "at_risk": "🔴",
    "no_data": "⚪",
}
# CommonMark/GFM punctuation that starts emphasis, code, links, images, tables,
# strikethrough, headings, e-mail autolinks or (on GitHub) maths and @mentions;
# `<`, `>` and `&` become entities instead.
_SPECIAL = re.compile(r"[\\`*_\[\]|~#$@]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LIST_START = re.compile(r"^(?:\d{1,9}(?=[.)](?:\s|$))|(?=[-+]))")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=\bwww)(\.)")


def md_text(text: str | None) -> str:
    """User text made inert for Markdown: one line, every active character escaped."""
    line = one_line(text or "")
    line = _SPECIAL.sub(lambda m: "\\" + m.group(0), line)
    line = re.sub(r"[&<>]", lambda m: _ENTITIES[m.group(0)], line)
    # GFM autolinks bare URLs: an escaped colon or dot keeps them plain text.
    line = _AUTOLINK.sub(lambda m: "\\" + m.group(0), line)
    # A leading "1." or "-" would open a list inside a list item.
    return _LIST_START.sub(lambda m: m.group(0) + "\\", line)


def html_text(text: str | None) -> str:
    """User text for raw HTML (the <summary> line): one line, HTML-escaped."""
    return html.escape(one_line(text or ""), quote=True)


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


def meta_rows(card: Scorecard, language: Language) -> list[tuple[str, str]]:
    """(label, raw value) of the report header; values are user text, escape them."""
    answers = card.answers
    unknown = t("card.unknown", language)
    date = answers.assessed_on.isoformat() if answers.assessed_on else None
    return [
        (t("card.organisation", language), answers.organisation or unknown),
        (t("card.respondent", language), answers.respondent or unknown),
        (t("card.date", language), date or unknown),
        (t("card.model", language), card.model.id),
        (t("report.generated", language), f"csm-check {__version__}"),
    ]


def level_text(card: Scorecard, result: CriterionResult, language: Language) -> str:
    """The answered level with its label, n/a, or not answered yet."""
    answer = result.answer
    if answer.state == "not_applicable":
        return t("report.not_applicable", language)
    if answer.level is None:
        return t("report.unanswered", language)
    label = card.model.scale.label(answer.level, language)
    return t(
        "report.level_value", language, level=common_level(answer.level, language), label=label
    )


def steps_shown(card: Scorecard, options: RenderOptions) -> tuple[tuple[NextStep, ...], int]:
    """The next steps within --top, and how many more there are."""
    shown = card.next_steps[: max(options.top, 0)]
    return shown, len(card.next_steps) - len(shown)


def status_text(status: Status, language: Language) -> str:
    return f"{EMOJI[status]} {status_name(status, language)}"


def _header(card: Scorecard, language: Language) -> list[str]:
    title = f"# {t('card.title', language)}: {md_text(card.model.title.get(language))}"
    return [
        title,
        "",
        *(f"- {label}: {md_text(value)}" for label, value in meta_rows(card, language)),
    ]


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
        lines += [f"- {md_text(gate_reason(reason, language))}" for reason in card.gate.reasons]
    if card.gate.warnings:
        lines += ["", f"**{t('card.warnings', language)}**", ""]
        lines += [f"- {md_text(gate_reason(reason, language))}" for reason in card.gate.warnings]
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
    lines = [f"## {md_text(heading)}", "", *(f"> {md_text(n)}" for n in notices)]
    lines += [f"### {md_text(t('team.discuss', language))}", ""]
    if not items:
        return [*lines, md_text(t("team.no_disagreement", language))]
    return [*lines, *(f"- {md_text(item)}" for item in items)]


def _blockers(card: Scorecard, language: Language) -> list[str]:
    lines = [f"## {t('card.blockers', language)}", ""]
    if not card.blockers:
        return [*lines, t("card.no_blockers", language)]
    for challenge, result in card.blockers:
        question = md_text(result.criterion.question.get(language))
        lines.append(f"- 🔴 {challenge.challenge.number} `{result.criterion.id}`: {question}")
    return lines


def _next_steps(card: Scorecard, options: RenderOptions) -> list[str]:
    language = options.language
    lines = [f"## {t('card.next_steps', language)}", ""]
    if not card.next_steps:
        return [*lines, md_text(t("card.no_next_steps", language))]
    shown, hidden = steps_shown(card, options)
    for step in shown:
        tag = f"**{t('card.blocker_tag', language)}** " if step.blocker else ""
        action = md_text(step.criterion.next_step.get(language))
        lines.append(
            f"- [ ] {tag}{action} — {md_text(why(step, language))} (`{step.criterion.id}`)"
        )
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
        level = md_text(level_text(card, criterion_result, language))
        lines.append(f"  - {t('report.level', language)}: {level}")
        if criterion_result.answer.note:
            note = md_text(criterion_result.answer.note)
            lines.append(f"  - {t('report.note', language)}: {note}")
    return [*lines, "", "</details>"]


def render_markdown(card: Scorecard, options: RenderOptions) -> str:
    language = options.language
    blocks = [
        _header(card, language),
        _overall(card, options),
        _table(card, language),
        *([block] if (block := _team(card, language)) else []),
        _blockers(card, language),
        _next_steps(card, options),
        [f"## {t('report.details', language)}"],
        *(_details(card, result, language) for result in card.challenges),
    ]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
