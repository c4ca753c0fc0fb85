"""The empty answers file that `csm-check template` writes (valid as it is: all unanswered)."""

from __future__ import annotations

from csm_check.i18n import Language, t
from csm_check.model import Model
from csm_check.sanitize import one_line
from csm_check.yamlio.write import comment_lines, plain_or_quoted


def render_template(model: Model, language: Language, *, schema_path: str | None = None) -> str:
    lines = [f"# yaml-language-server: $schema={one_line(schema_path)}"] if schema_path else []
    lines += comment_lines(t("template.header", language))
    lines.append(f"# {t('template.scale', language)}:")
    for level in model.scale.levels:
        label = one_line(level.label.get(language))
        lines.extend(
            comment_lines(f"{level.level} {label}: {level.description.get(language)}", "  ")
        )
    lines += [
        "schema_version: 1",
        f"model: {plain_or_quoted(model.id)}",
        "organisation:",
        "respondent:",
        "assessed_on:",
        f"language: {language}",
        "answers:",
    ]
    for challenge in model.challenges:
        lines.append("")
        lines.extend(comment_lines(f"{challenge.number}. {challenge.title.get(language)}", "  "))
        for criterion in challenge.criteria:
            lines.extend(comment_lines(criterion.question.get(language), "  "))
            if criterion.minimum_level is not None:
                lines.extend(
                    comment_lines(
                        t("model.knockout", language, minimum=criterion.minimum_level), "  "
                    )
                )
            lines.append(f"  {plain_or_quoted(criterion.id)}:")
    return "\n".join(lines) + "\n"
