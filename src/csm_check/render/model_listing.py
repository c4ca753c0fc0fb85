"""`csm-check challenges`: the model as readable text (challenges, weights, criteria).

Wrapped lines keep their indent, so a long question stays under its criterion id.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from csm_check.i18n import Language, t
from csm_check.model import Challenge, Model
from csm_check.render.capabilities import TerminalInfo
from csm_check.render.console import capture
from csm_check.sanitize import one_line


def _indented(text: Text | Table | str, indent: int, style: str = "") -> Padding:
    body = Text(text, style=style) if isinstance(text, str) else text
    return Padding(body, (0, 0, 0, indent))


def _challenge(
    challenge: Challenge, titles: dict[str, str], language: Language
) -> list[RenderableType]:
    heading = Text(f"{challenge.number}. {one_line(challenge.title.get(language))}", style="bold")
    heading.append(f" [{challenge.id}]", style="dim")
    depends = ", ".join(one_line(titles[d]) for d in challenge.depends_on)
    facts = (
        f"{t('model.weight', language)} {challenge.weight:g} · "
        f"{t('model.depends_on', language)}: {depends or t('model.none', language)}"
    )
    parts: list[RenderableType] = [
        Text(),
        heading,
        _indented(facts, 3, "dim"),
        _indented(one_line(challenge.summary.get(language)), 3),
    ]
    for criterion in challenge.criteria:
        extra = [f"{t('model.weight', language)} {criterion.weight:g}"]
        if criterion.minimum_level is not None:
            extra.append(t("model.knockout", language, minimum=criterion.minimum_level))
        line = Text(f"- {criterion.id}", style="cyan")
        line.append(f" ({', '.join(extra)})", style="dim")
        parts += [_indented(line, 3), _indented(one_line(criterion.question.get(language)), 5)]
        if criterion.levels is not None:  # a long level wraps under its own text
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column()
            for number, own in enumerate(criterion.levels):
                grid.add_row(str(number), Text(one_line(own.get(language)), style="dim"))
            parts.append(_indented(grid, 7))
    return parts


def render_model(model: Model, language: Language, info: TerminalInfo) -> str:
    head = Text(one_line(model.title.get(language)), style="bold")
    criteria = len(model.criterion_ids())
    summary = t("model.summary", language, challenges=len(model.challenges), criteria=criteria)
    head.append(f" ({model.id}): {summary}")
    parts: list[RenderableType] = [
        head,
        Text(t("model.scale", language, target=model.scale.target), style="bold"),
    ]
    if any(criterion.levels is None for _, criterion in model.criteria()):
        for level in model.scale.levels:
            line = Text(f"{level.level} {one_line(level.label.get(language))}: ")
            line.append(one_line(level.description.get(language)), style="dim")
            parts.append(_indented(line, 2))
    bands = model.bands
    parts.append(
        Text(
            t("model.bands", language, developing=f"{bands.developing:g}", ready=f"{bands.ready:g}")
        )
    )
    titles = {c.id: f"{c.number} {c.short(language)}" for c in model.challenges}
    for challenge in model.challenges:
        parts += _challenge(challenge, titles, language)
    return capture(*parts, width=info.width, color_system=info.color_system)
