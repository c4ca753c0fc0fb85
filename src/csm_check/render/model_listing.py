"""`csm-check challenges`: the model as readable text (challenges, weights, criteria)."""

from __future__ import annotations

from rich.text import Text

from csm_check.i18n import Language, t
from csm_check.model import Model
from csm_check.output import TerminalInfo
from csm_check.render.console import capture
from csm_check.sanitize import one_line


def render_model(model: Model, language: Language, info: TerminalInfo) -> str:
    text = Text()
    text.append(one_line(model.title.get(language)), style="bold")
    criteria = len(model.criterion_ids())
    text.append(
        f" ({model.id}): "
        + t("model.summary", language, challenges=len(model.challenges), criteria=criteria)
    )
    text.append("\n" + t("model.scale", language, target=model.scale.target), style="bold")
    for level in model.scale.levels:
        text.append(f"\n  {level.level} {one_line(level.label.get(language))}: ")
        text.append(one_line(level.description.get(language)), style="dim")
    bands = model.bands
    text.append(
        "\n"
        + t("model.bands", language, developing=f"{bands.developing:g}", ready=f"{bands.ready:g}")
    )
    titles = {c.id: f"{c.number} {c.short(language)}" for c in model.challenges}
    for challenge in model.challenges:
        text.append(
            f"\n\n{challenge.number}. {one_line(challenge.title.get(language))}", style="bold"
        )
        text.append(f" [{challenge.id}]", style="dim")
        depends = ", ".join(one_line(titles[d]) for d in challenge.depends_on) or t(
            "model.none", language
        )
        text.append(
            f"\n   {t('model.weight', language)} {challenge.weight:g} · "
            f"{t('model.depends_on', language)}: {depends}",
            style="dim",
        )
        text.append(f"\n   {one_line(challenge.summary.get(language))}")
        for criterion in challenge.criteria:
            text.append(f"\n   - {criterion.id}", style="cyan")
            extra = [f"{t('model.weight', language)} {criterion.weight:g}"]
            if criterion.minimum_level is not None:
                extra.append(t("model.knockout", language, minimum=criterion.minimum_level))
            text.append(f" ({', '.join(extra)})", style="dim")
            text.append(f"\n     {one_line(criterion.question.get(language))}")
    return capture(text, width=info.width, color_system=info.color_system)
