"""`csm-check compare` output: a terminal table, JSON, or Markdown for a wiki page."""

from __future__ import annotations

from typing import Any

from csm_check.i18n import Language, t
from csm_check.render.capabilities import TerminalInfo
from csm_check.render.common import level_text, md_text, score_text, status_word
from csm_check.render.jsontext import dumps
from csm_check.sanitize import one_line
from csm_check.scoring.comparison import ChallengeChange, Comparison, CriterionChange

ARROWS = {"up": ("↑", "^"), "down": ("↓", "v"), "same": ("→", "="), "none": ("·", "-")}


def _arrow(delta: float | None, ascii_only: bool) -> str:
    key = "none" if delta is None else "up" if delta > 0 else "down" if delta < 0 else "same"
    return ARROWS[key][1 if ascii_only else 0]


def _delta(delta: float | None, language: Language) -> str:
    if delta is None:
        return "-"
    sign = "+" if delta > 0 else ""
    return sign + score_text(delta, language)


def _status(status: str | None, language: Language) -> str:
    return status_word(status, language) if status else "-"  # type: ignore[arg-type]


def _state(state: str | None, level: float | None, language: Language) -> str:
    if state is None:
        return t("compare.absent", language)
    if state == "not_applicable":
        return "n/a"
    if state == "unanswered" or level is None:
        return "-"
    return level_text(level, language)


def _rows(comparison: Comparison, language: Language, ascii_only: bool) -> list[list[str]]:
    return [
        [
            str(c.number),
            one_line(c.title),
            score_text(c.old_score, language),
            score_text(c.new_score, language),
            f"{_arrow(c.delta, ascii_only)} {_delta(c.delta, language)}",
            f"{_status(c.old_status, language)} {'->' if ascii_only else '→'} "
            f"{_status(c.new_status, language)}",
        ]
        for c in comparison.challenges
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


def render_table(comparison: Comparison, language: Language, info: TerminalInfo) -> str:
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
    for row in _rows(comparison, language, info.ascii_only):
        table.add_row(*(Text(cell) for cell in row))
    parts: list[RenderableType] = [
        Text(t("compare.title", language), style="bold"),
        table,
        Text(_overall_line(comparison, language, info.ascii_only), style="bold"),
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
    return [
        (t("compare.moved", language), moved or [t("compare.none", language)]),
        (t("compare.done", language), done or [t("compare.none", language)]),
    ]


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


def render_markdown(comparison: Comparison, language: Language) -> str:
    lines = [f"# {md_text(t('compare.title', language))}", ""]
    lines.append(f"**{md_text(_overall_line(comparison, language, False))}**")
    lines += ["", "| " + " | ".join(_headers(language)) + " |", "|---:|:---|---:|---:|:---|:---|"]
    for row in _rows(comparison, language, False):
        lines.append("| " + " | ".join(md_text(cell) for cell in row) + " |")
    for title, items in _sections(comparison, language, False):
        lines += ["", f"## {md_text(title)}", ""]
        lines += [f"- {md_text(item)}" for item in items]
    return "\n".join(lines) + "\n"


def render_comparison(
    comparison: Comparison, fmt: str, language: Language, info: TerminalInfo
) -> str:
    if fmt == "json":
        return render_json(comparison)
    if fmt == "markdown":
        return render_markdown(comparison, language)
    return render_table(comparison, language, info)
