"""Load the readiness model and answers files from disk, validated, or raise located errors."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from csm_check.answers import AnswerSet, parse_answers
from csm_check.errors import InvalidInputError
from csm_check.model import Model, model_problems
from csm_check.validation import describe, problems_from
from csm_check.yamlio import YamlDocument, load_yaml, parse_yaml

MODEL_FILE = "challenges.yaml"


def _model_keys() -> set[str]:
    from csm_check import model as m

    keys: set[str] = set()
    for cls in (m.Model, m.Challenge, m.Criterion, m.Scale, m.ScaleLevel, m.Bands, m.Text):
        keys.update(cls.model_fields)
    return keys


def parse_model(document: YamlDocument) -> Model:
    """Validate a parsed model file; raise with every problem found."""
    if not isinstance(document.data, dict):
        raise InvalidInputError(
            [
                document.problem(
                    (), f"a model file must be a mapping of keys, got {describe(document.data)}"
                )
            ]
        )
    try:
        model = Model.model_validate(document.data)
    except ValidationError as error:
        raise InvalidInputError(problems_from(document, error, _model_keys())) from None
    found = model_problems(model)
    if found:
        raise InvalidInputError(
            [document.problem(loc, message, hint) for loc, message, hint in found]
        )
    return model


def builtin_model_text() -> tuple[str, str]:
    """The shipped model's text and a display name for messages."""
    packaged = resources.files("csm_check").joinpath(MODEL_FILE)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8"), f"{MODEL_FILE} (built-in)"
    # Running from a source checkout (editable install): the file sits at the repository root.
    source = Path(__file__).resolve().parents[2] / MODEL_FILE
    return source.read_text(encoding="utf-8"), str(source)


def load_model(path: Path | None = None) -> Model:
    """The model from `path`, or the built-in one."""
    if path is None:
        text, display = builtin_model_text()
        return parse_model(parse_yaml(text, display))
    return parse_model(load_yaml(path))


def load_answers(path: Path, model: Model) -> AnswerSet:
    return parse_answers(load_yaml(path), model)
