"""What the interview shows: headings, questions, help and progress as Rich `Text`.

Model and user text always goes into `Text(...)` after `one_line`/`clean`, never into markup,
so a note such as `[/]` or an escape sequence is shown as plain characters or dropped.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from csm_check.answers import Answer, AnswerSet
from csm_check.i18n import Language, t
from csm_check.model import Challenge, Criterion, Model
from csm_check.render.common import law_text
from csm_check.sanitize import one_line
from csm_check.scoring.results import Scorecard

ECHO_NOTE = 60  # a note echoed after saving is shortened to this many characters


def ascii_text(text: str, ascii_only: bool) -> str:
    """`text` with its few non-ASCII UI symbols replaced when the terminal needs ASCII."""
    return _ascii(text, ascii_only)


def _ascii(text: str, ascii_only: bool) -> str:
    if not ascii_only:
        return text
    return text.replace("·", "-").replace("„", '"').replace("“", '"').replace("↑↓", "Up/Down")


def answer_summary(answer: Answer, criterion: Criterion, model: Model, language: Language) -> str:
    """`2 Partly in place; note: ...`, `n/a; reason: ...`, or '' when unanswered."""
    if answer.state == "answered" and answer.level is not None:
        label = one_line(model.level_label(criterion, answer.level).get(language)).rstrip(".")
        text = f"{answer.level} {label}"
        label = t("interview.note", language)
    elif answer.state == "not_applicable":
        text = t("interview.not_applicable", language)
        label = t("interview.reason", language)
    else:
        return ""
    if answer.note:
        text += f"; {label}: {shorten(one_line(answer.note), ECHO_NOTE)}"
    return text


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, marked with `...`."""
    if len(text) <= limit:
        return text
    head = text[: limit - 3]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip() + "..."


def knockout_explained(criterion: Criterion, language: Language) -> Text | None:
    """What a knock-out means, and the law and date it comes from (when the model has them)."""
    minimum = criterion.minimum_level
    if minimum is None:
        return None
    text = Text(t("interview.knockout_explained", language, minimum=minimum), style="red")
    if criterion.legal:
        law = one_line(law_text(criterion.legal, language))
        text.append("\n" + t("interview.knockout_law", language, law=law))
    return text


def review(
    challenges: tuple[Challenge, ...], answers: AnswerSet, language: Language, *, ascii_only: bool
) -> RenderableType:
    """The review screen: each challenge with answered/total and what is open."""
    answered_all = total_all = 0
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(ratio=1, overflow="ellipsis", no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    for challenge in challenges:
        total = len(challenge.criteria)
        done = sum(1 for c in challenge.criteria if answers.get(c.id).state != "unanswered")
        answered_all, total_all = answered_all + done, total_all + total
        status = (
            Text(t("interview.review_row_done", language), style="green")
            if done == total
            else Text(t("interview.review_row_open", language, open=total - done), style="yellow")
        )
        table.add_row(
            f"{challenge.number}.",
            Text(one_line(challenge.short(language))),
            f"{done}/{total}",
            status,
        )
    title = Text("\n" + t("interview.review", language, answered=answered_all, total=total_all))
    title.stylize("bold")
    keys = Text(_ascii(t("interview.review_keys", language), ascii_only), style="dim")
    return Group(title, table, keys)


def welcome(model: Model, language: Language, *, path: str, open_count: int, total: int) -> Text:
    text = Text(t("interview.title", language, title=one_line(model.title.get(language))))
    text.stylize("bold")
    text.append("\n")
    text.append(
        t(
            "interview.welcome",
            language,
            open=open_count,
            total=total,
            path=one_line(path),
        )
    )
    text.append("\n" + t("interview.how_to_stop", language))
    return text


def heading(challenge: Challenge, count: int, language: Language) -> Text:
    title = t(
        "interview.heading",
        language,
        number=challenge.number,
        count=count,
        title=one_line(challenge.title.get(language)),
    )
    text = Text("\n")
    text.append(title, style="bold")
    text.append("\n" + one_line(challenge.summary.get(language)))
    return text


def keys(language: Language, *, ascii_only: bool, width: int = 80) -> Text:
    """The keys line; on a narrow terminal it breaks between keys, never inside one."""
    return Text(pack(_ascii(t("interview.keys", language), ascii_only), width), style="dim")


def pack(text: str, width: int, separator: str = " · ") -> str:
    """Each line of `text`, a list of items split by `separator` (or its ASCII form),
    re-broken so that a line holds whole items and fits `width` where it can."""
    lines: list[str] = []
    for line in text.split("\n"):
        mark = separator if separator in line else " - "
        current = ""
        for item in line.split(mark):
            candidate = f"{current}{mark}{item}" if current else item
            if current and len(candidate) > width:
                lines.append(current + mark.rstrip())
                current = item
            else:
                current = candidate
        lines.append(current)
    return "\n".join(lines)


def question(
    criterion: Criterion,
    model: Model,
    language: Language,
    *,
    index: int,
    size: int,
    answer: Answer,
) -> RenderableType:
    """The question and its five levels; a long level text wraps under itself, not under
    its number."""
    text = Text("\n")
    text.append(t("interview.question", language, index=index, size=size), style="bold")
    if criterion.minimum_level is not None:
        knockout = t("model.knockout", language, minimum=criterion.minimum_level)
        text.append(f" ({knockout})", style="bold red")
    text.append("\n" + one_line(criterion.question.get(language)))
    levels = Table.grid(padding=(0, 1))
    levels.add_column(justify="right", no_wrap=True)
    levels.add_column()
    for level, label in enumerate(model.level_texts(criterion)):
        levels.add_row(f"  {level}", Text(one_line(label.get(language))))
    parts: list[RenderableType] = [text, levels]
    explained = knockout_explained(criterion, language)
    if explained is not None:
        parts.append(explained)
    summary = answer_summary(answer, criterion, model, language)
    if summary:
        parts.append(Text(t("interview.current", language, answer=summary), style="cyan"))
    return Group(*parts)


def help_text(criterion: Criterion, model: Model, language: Language) -> RenderableType:
    """The criterion's help, its references and every level's description, hanging-indented."""
    text = Text()
    text.append(t("interview.help", language), style="bold")
    text.append("\n" + one_line(criterion.help.get(language)))
    references = Table.grid(padding=(0, 1))
    references.add_column(no_wrap=True)
    references.add_column()
    for reference in criterion.references:
        references.add_row("-", Text(one_line(reference.get(language)), style="dim"))
    levels = Table.grid(padding=(0, 1))
    levels.add_column(justify="right", no_wrap=True)
    levels.add_column()
    if criterion.levels is not None:  # its own levels are the descriptions themselves
        for number, own in enumerate(criterion.levels):
            levels.add_row(f"  {number}", Text(one_line(own.get(language))))
    else:
        for level in model.scale.levels:
            label = Text(one_line(level.label.get(language)) + ": ", style="bold")
            label.append(one_line(level.description.get(language)))
            levels.add_row(f"  {level.level}", label)
    return Group(
        text,
        references,
        Text(t("interview.levels", language), style="bold"),
        levels,
        Text(t("interview.help_note", language), style="dim"),
        Text(one_line(criterion.question.get(language)), style="bold"),
    )


def progress(
    challenge: Challenge,
    language: Language,
    *,
    count: int,
    index: int,
    size: int,
    answered: int,
    total: int,
    ascii_only: bool,
) -> Text:
    line = t(
        "interview.progress",
        language,
        number=challenge.number,
        count=count,
        challenge=one_line(challenge.short(language)),
        index=index,
        size=size,
        answered=answered,
        total=total,
    )
    return Text(_ascii(line, ascii_only), style="bold")


def message(text: str, *, ascii_only: bool, style: str = "") -> Text:
    """A line of feedback; `text` may contain user input, which is cleaned here."""
    indent = text[: len(text) - len(text.lstrip(" "))]
    return Text(indent + _ascii(one_line(text), ascii_only), style=style)


def end_summary(card: Scorecard, language: Language, *, ascii_only: bool, width: int) -> Group:
    """The first screen after the interview (at most 15 rows): overall score and coverage,
    then one row per challenge with its short title; the bar only where there is room."""
    from csm_check.render.common import coverage_text, score_text, status_label
    from csm_check.render.terminal import STYLES, bar  # the scorecard's own bar and colours

    title = Text(f"{t('card.title', language)}: ", style="bold")
    title.append(one_line(card.model.title.get(language)), style="bold")
    title.truncate(width, overflow="ellipsis")
    overall = Text(f"{t('card.overall', language)}: ", style="bold")
    overall.append(score_text(card.score, language), style="bold")
    overall.append("  ")
    overall.append(
        status_label(card.status, language, ascii_only=ascii_only), style=STYLES[card.status]
    )
    overall.append("\n" + coverage_text(card, language))
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    with_bar = width >= 70
    if with_bar:
        table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for result in card.challenges:
        style = STYLES[result.status]
        cells: list[RenderableType] = [
            str(result.challenge.number),
            Text(one_line(result.challenge.short(language))),
        ]
        if with_bar:
            cells.append(Text(bar(result.score, ascii_only=ascii_only), style=style))
        cells += [
            score_text(result.score, language),
            Text(status_label(result.status, language, ascii_only=ascii_only), style=style),
            f"{result.answered}/{result.total}",
        ]
        table.add_row(*cells)
    return Group(title, overall, table)
