"""Use case `compare`: two assessments (answers files or JSON reports) side by side.

Loads the model and both sides (an answers file is scored first, a folder of answers files
as one team), then compares them; the CLI renders the result. The texts of a scored answers
file follow the chosen language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from csm_check.assess import load_report
from csm_check.i18n import Language, choose_language
from csm_check.loading import load_model
from csm_check.scoring.comparison import Comparison, compare


@dataclass(frozen=True)
class ComparisonResult:
    comparison: Comparison
    language: Language


def compare_files(
    old: Path, new: Path, *, model_file: Path | None = None, language: str | None = None
) -> ComparisonResult:
    """Compare `old` with `new`; the language is `language`, else the newer side's."""
    model = load_model(model_file)
    new_report = load_report(new, model, choose_language(language, None) if language else None)
    chosen = choose_language(language, new_report.language)
    comparison = compare(load_report(old, model, chosen), new_report)
    named = replace(comparison, old_name=str(old), new_name=str(new))
    return ComparisonResult(named, chosen)
