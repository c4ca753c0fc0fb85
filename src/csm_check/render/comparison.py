"""`csm-check compare` output: a terminal table, JSON, or Markdown for a wiki page.

Each side is named (file, organisation, respondents, date); the coverage and knock-outs that
changed are stated; the table and Markdown list only the challenges that changed unless
`show_all` (JSON always lists all, each with `changed`). Statuses read as in `score`: symbol
and word in the terminal, emoji and word in Markdown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from csm_check.i18n import Language, t
from csm_check.render.capabilities import TerminalInfo
from csm_check.render.common import (
    EMOJI,
    level_text,
    md_text,
    score_text,
    status_label,
    status_name,
)
from csm_check.render.jsontext import dumps
from csm_check.report import Report
from csm_check.sanitize import one_line
from csm_check.scoring.comparison import (
    ChallengeChange,
    Comparison,
    CriterionChange,
    KnockoutChange,
)
from csm_check.scoring.results import Status

ARROWS = {"up": ("↑", "^"), "down": ("↓", "v"), "same": ("→", "="), "none": ("·", "-")}


def _arrow(delta: float | None, ascii_only: bool) -> str:
    key = "none" if delta is None else "up" if delta > 0 else "down" if delta < 0 else "same"
    return ARROWS[key][1 if ascii_only else 0]


def _delta(delta: float | None, language: Language) -> str:
    if delta is None:
        return "-"
    sign = "+" if delta > 0 else ""
    return sign + score_text(delta, language)


def _status(status: str | None, language: Language, style: str) -> str:
    """A status as `score` shows it: symbol and word (terminal), emoji and word (Markdown)."""
    if not status:
        return "-"
    known: Status = status  # type: ignore[assignment]  # a report's status names
    if style == "markdown":
        return f"{EMOJI[known]} {status_name(known, language)}"
    return status_label(known, language, ascii_only=style == "ascii")


def _side(report: Report, name: str) -> str:
    """File, organisation, respondent(s) and date of one side, as far as known."""
    respondents = report.respondent
    if report.team is not None:
        respondents = ", ".join(r.respondent or Path(r.file).stem for r in report.team.respondents)
    parts = [name, report.organisation, respondents, report.assessed_on]
    return " · ".join(one_line(part) for part in parts if part)


def _sides(comparison: Comparison, language: Language) -> list[str]:
    return [
        t("compare.side_old", language, side=_side(comparison.old, comparison.old_name)),
        t("compare.side_new", language, side=_side(comparison.new, comparison.new_name)),
    ]


def _coverage(comparison: Comparison, language: Language, ascii_only: bool) -> list[str]:
    old, new = comparison.old.overall, comparison.new.overall
    line = t(
        "compare.coverage",
        language,
        old=f"{old.answered}/{old.total}",
        new=f"{new.answered}/{new.total}",
        arrow="->" if ascii_only else "→",
    )
    return [line, t("compare.coverage_fell", language)] if comparison.coverage_fell else [line]


def _shown(comparison: Comparison, show_all: bool) -> list[ChallengeChange]:
    return [c for c in comparison.challenges if show_all or c.changed]


def _unchanged(comparison: Comparison, language: Language, show_all: bool) -> str | None:
    hidden = len(comparison.challenges) - len(_shown(comparison, show_all))
    if hidden <= 0:
        return None
    key = "compare.unchanged_one" if hidden == 1 else "compare.unchanged"
    return t(key, language, count=hidden)


def _knockout(change: KnockoutChange, language: Language, ascii_only: bool) -> str:
    def state(value: str | None) -> str:
        return t(f"knockout.{value}", language) if value else t("compare.absent", language)

    arrow = "->" if ascii_only else "→"
    return f"{change.criterion}: {state(change.old_state)} {arrow} {state(change.new_state)}"


def _state(state: str | None, level: float | None, language: Language) -> str:
    if state is None:
        return t("compare.absent", language)
    if state == "not_applicable":
        return "n/a"
    if state == "unanswered" or level is None:
        return "-"
    return level_text(level, language)


def _rows(
    comparison: Comparison, language: Language, style: str, show_all: bool
) -> list[list[str]]:
    ascii_only = style == "ascii"
    return [
        [
            str(c.number),
            one_line(c.title),
            score_text(c.old_score, language),
            score_text(c.new_score, language),
            f"{_arrow(c.delta, ascii_only)} {_delta(c.delta, language)}",
            f"{_status(c.old_status, language, style)} {'->' if ascii_only else '→'} "
            f"{_status(c.new_status, language, style)}",
        ]
        for c in _shown(comparison, show_all)
    ]


def _moved(change: CriterionChange, language: Language, ascii_only: bool) -> str:
    arrow = "->" if ascii_only else "→"
    old = _state(change.old_state, change.old_level, language)
    new = _state(change.new_state, change.new_level, language)
    return f"{change.id}: {old} {arrow} {new}"


def _overall_line(comparison: Comparison, language: Language, ascii_only: bool) -> str:
    delta = comparison.overall_delta
    return t(
        "compare.overall",
        language,
        old=score_text(comparison.old.overall.score, language),
        new=score_text(comparison.new.overall.score, language),
        arrow="->" if ascii_only else "→",
        change=f"{_arrow(delta, ascii_only)} {_delta(delta, language)}",
    )


def _headers(language: Language) -> list[str]:
    return [
        t(f"compare.col.{name}", language)
        for name in ("number", "challenge", "old", "new", "change", "status")
    ]


def render_table(
    comparison: Comparison, language: Language, info: TerminalInfo, show_all: bool = False
) -> str:
    from rich import box
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from csm_check.render.console import capture

    table = Table(
        box=box.ASCII if info.ascii_only else box.SIMPLE_HEAD, show_edge=False, pad_edge=False
    )
    for index, header in enumerate(_headers(language)):
        table.add_column(
            header,
            justify="right" if index in (0, 2, 3) else "left",
            overflow="fold",
            no_wrap=index != 1,
        )
    style = "ascii" if info.ascii_only else "unicode"
    for row in _rows(comparison, language, style, show_all):
        table.add_row(*(Text(cell) for cell in row))
    parts: list[RenderableType] = [
        Text(t("compare.title", language), style="bold"),
        *(Text(one_line(line)) for line in _sides(comparison, language)),
        Text(),
        table,
    ]
    unchanged = _unchanged(comparison, language, show_all)
    if unchanged:
        parts.append(Text(unchanged))
    parts += [
        Text(_overall_line(comparison, language, info.ascii_only), style="bold"),
        *(Text(line) for line in _coverage(comparison, language, info.ascii_only)),
    ]
    for title, lines in _sections(comparison, language, info.ascii_only):
        parts.append(Text("\n" + title, style="bold"))
        parts += [Text("- " + one_line(line)) for line in lines]
    return capture(*parts, width=info.width, color_system=info.color_system)


def _sections(
    comparison: Comparison, language: Language, ascii_only: bool
) -> list[tuple[str, list[str]]]:
    moved = [_moved(c, language, ascii_only) for c in comparison.moved]
    done = [f"{d.criterion}: {d.action}" for d in comparison.done]
    knockouts = [_knockout(k, language, ascii_only) for k in comparison.knockouts]
    return [
        *([(t("compare.knockouts", language), knockouts)] if knockouts else []),
        (t("compare.moved", language), moved or [t("compare.none", language)]),
        (t("compare.done", language), done or [t("compare.none", language)]),
    ]


def _side_dict(report: Report, name: str) -> dict[str, Any]:
    return {
        "file": name or None,
        "organisation": report.organisation,
        "respondent": report.respondent,
        "respondents": (
            [r.respondent for r in report.team.respondents] if report.team is not None else None
        ),
        "assessed_on": report.assessed_on,
        "answered": report.overall.answered,
        "total": report.overall.total,
    }


def _change_dict(change: ChallengeChange) -> dict[str, Any]:
    return {
        "id": change.id,
        "number": change.number,
        "title": change.title,
        "old_score": change.old_score,
        "new_score": change.new_score,
        "change": change.delta,
        "old_status": change.old_status,
        "new_status": change.new_status,
        "changed": change.changed,
    }


def render_json(comparison: Comparison) -> str:
    data = {
        "schema_version": 1,
        "tool": "csm-check",
        "overall": {
            "old_score": comparison.old.overall.score,
            "new_score": comparison.new.overall.score,
            "change": comparison.overall_delta,
            "old_status": comparison.old.overall.status,
            "new_status": comparison.new.overall.status,
        },
        "challenges": [_change_dict(c) for c in comparison.challenges],
        "criteria_moved": [
            {
                "id": c.id,
                "challenge": c.challenge,
                "old_state": c.old_state,
                "old_level": c.old_level,
                "new_state": c.new_state,
                "new_level": c.new_level,
            }
            for c in comparison.moved
        ],
        "old": _side_dict(comparison.old, comparison.old_name),
        "new": _side_dict(comparison.new, comparison.new_name),
        "coverage_fell": comparison.coverage_fell,
        "knockouts_changed": [
            {
                "criterion": k.criterion,
                "challenge": k.challenge,
                "old_state": k.old_state,
                "new_state": k.new_state,
            }
            for k in comparison.knockouts
        ],
        "next_steps_done": [
            {
                "criterion": d.criterion,
                "challenge": d.challenge,
                "old_level": d.old_level,
                "new_level": d.new_level,
                "target": d.target,
                "action": d.action,
            }
            for d in comparison.done
        ],
    }
    return dumps(data) + "\n"


def render_markdown(comparison: Comparison, language: Language, show_all: bool = False) -> str:
    lines = [f"# {md_text(t('compare.title', language))}", ""]
    lines += [f"- {md_text(line)}" for line in _sides(comparison, language)]
    lines += ["", f"**{md_text(_overall_line(comparison, language, False))}**", ""]
    lines += [md_text(line) + "  " for line in _coverage(comparison, language, False)]
    lines[-1] = lines[-1].rstrip()
    lines += ["", "| " + " | ".join(_headers(language)) + " |", "|---:|:---|---:|---:|:---|:---|"]
    for row in _rows(comparison, language, "markdown", show_all):
        lines.append("| " + " | ".join(md_text(cell) for cell in row) + " |")
    unchanged = _unchanged(comparison, language, show_all)
    if unchanged:
        lines += ["", f"*{md_text(unchanged)}*"]
    for title, items in _sections(comparison, language, False):
        lines += ["", f"## {md_text(title)}", ""]
        lines += [f"- {md_text(item)}" for item in items]
    return "\n".join(lines) + "\n"


def render_comparison(
    comparison: Comparison,
    fmt: str,
    language: Language,
    info: TerminalInfo,
    *,
    show_all: bool = False,
) -> str:
    if fmt == "json":
        return render_json(comparison)
    if fmt == "markdown":
        return render_markdown(comparison, language, show_all)
    return render_table(comparison, language, info, show_all)
