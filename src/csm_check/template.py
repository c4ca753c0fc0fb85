"""The empty answers file that `csm-check template` writes (valid as it is: all unanswered)."""

from __future__ import annotations

import textwrap

from csm_check.i18n import Language, t
from csm_check.model import Model
from csm_check.sanitize import one_line

WRAP = 88


def _comment(text: str, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        wrapped = textwrap.wrap(one_line(paragraph), WRAP - len(indent) - 2) or [""]
        lines.extend(f"{indent}# {line}".rstrip() for line in wrapped)
    return lines


def render_template(model: Model, language: Language, *, schema_path: str | None = None) -> str:
    lines = [f"# yaml-language-server: $schema={one_line(schema_path)}"] if schema_path else []
    lines += _comment(t("template.header", language))
    lines.append(f"# {t('template.scale', language)}:")
    for level in model.scale.levels:
        label = one_line(level.label.get(language))
        lines.extend(_comment(f"{level.level} {label}: {level.description.get(language)}", "  "))
    lines += [
        "schema_version: 1",
        f"model: {model.id}",
        "organisation:",
        "respondent:",
        "assessed_on:",
        f"language: {language}",
        "answers:",
    ]
    for challenge in model.challenges:
        lines.append("")
        lines.extend(_comment(f"{challenge.number}. {challenge.title.get(language)}", "  "))
        for criterion in challenge.criteria:
            lines.extend(_comment(criterion.question.get(language), "  "))
            if criterion.minimum_level is not None:
                lines.extend(
                    _comment(t("model.knockout", language, minimum=criterion.minimum_level), "  ")
                )
            lines.append(f"  {criterion.id}:")
    return "\n".join(lines) + "\n"
