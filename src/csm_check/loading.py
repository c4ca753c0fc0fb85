"""Load the readiness model and answers files from disk, validated, or raise located errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from csm_check.errors import InvalidInputError
from csm_check.i18n import languages, msg
from csm_check.model import (
    STALE_LEVEL_CAP,
    AiDuty,
    AiUseCaseKind,
    Bands,
    Challenge,
    Criterion,
    LegalReference,
    Model,
    Scale,
    ScaleLevel,
    Text,
)
from csm_check.model_checks import model_problems, raw_outline, relation_problems
from csm_check.validation import describe, problems_from
from csm_check.yamlio.read import YamlDocument, load_yaml, parse_yaml

if TYPE_CHECKING:  # `challenges` and `schema` load the model without answers
    from csm_check.answers import AnswerSet

MODEL_FILE = "challenges.yaml"


def _model_keys() -> set[str]:
    from csm_check import model as m

    keys: set[str] = set(languages())  # the keys of every text
    classes = (m.Model, m.Challenge, m.Criterion, m.Scale, m.ScaleLevel, m.Bands, m.LegalReference)
    for cls in classes:
        keys.update(cls.model_fields)
    return keys


def parse_model(document: YamlDocument) -> Model:
    """Validate a parsed model file; raise with every problem found."""
    if not isinstance(document.data, dict):
        raise InvalidInputError(
            [document.problem((), msg("err.model_not_mapping", value=describe(document.data)))]
        )
    kept = list(document.problems)  # duplicate keys, when read with keep_going
    try:
        model = Model.model_validate(document.data)
    except ValidationError as error:
        # Report the relations that can be read (ids, prefixes, dependencies) at once too.
        problems = kept + problems_from(document, error, _model_keys())
        taken = {(p.line, p.column) for p in problems}
        for loc, message, hint in relation_problems(raw_outline(document.data)):
            problem = document.problem(loc, message, hint)
            if (problem.line, problem.column) not in taken:
                problems.append(problem)
        raise InvalidInputError(problems) from None
    found = kept + [
        document.problem(loc, message, hint) for loc, message, hint in model_problems(model)
    ]
    if found:
        raise InvalidInputError(found)
    return model


def _text(data: dict[str, str]) -> Text:
    return Text(data)


def trusted_model(data: dict[str, Any]) -> Model:
    """Build the shipped model without validation.

    The built-in file is validated by the test suite and by `csm-check validate`; skipping
    pydantic here saves most of the start-up time of every `score` run. A test asserts that
    this gives exactly the validated model.
    """
    scale = data["scale"]
    levels = tuple(
        ScaleLevel.model_construct(
            level=item["level"], label=_text(item["label"]), description=_text(item["description"])
        )
        for item in scale["levels"]
    )
    challenges = tuple(
        Challenge.model_construct(
            id=item["id"],
            number=item["number"],
            title=_text(item["title"]),
            short_title=_text(item["short_title"]) if item.get("short_title") else None,
            summary=_text(item["summary"]),
            weight=float(item.get("weight", 1)),
            depends_on=tuple(item.get("depends_on", ())),
            depends_why=_text(item["depends_why"]) if item.get("depends_why") else None,
            criteria=tuple(
                Criterion.model_construct(
                    id=entry["id"],
                    question=_text(entry["question"]),
                    help=_text(entry["help"]),
                    next_step=_text(entry["next_step"]),
                    weight=float(entry.get("weight", 1)),
                    minimum_level=entry.get("minimum_level"),
                    levels=tuple(_text(t) for t in entry["levels"]) if "levels" in entry else None,
                    legal=tuple(_legal(ref) for ref in entry.get("legal", ())),
                    references=tuple(_text(ref) for ref in entry.get("references", ())),
                    replaces=tuple(entry.get("replaces", ())),
                    review_months=entry.get("review_months"),
                )
                for entry in item["criteria"]
            ),
        )
        for item in data["challenges"]
    )
    return Model.model_construct(
        schema_version=data["schema_version"],
        id=data["id"],
        version=str(data.get("version", "1")),
        legal_reviewed_on=data.get("legal_reviewed_on"),
        stale_level_cap=data.get("stale_level_cap", STALE_LEVEL_CAP),
        title=_text(data["title"]),
        scale=Scale.model_construct(target=scale["target"], levels=levels),
        bands=Bands.model_construct(
            developing=float(data["bands"]["developing"]), ready=float(data["bands"]["ready"])
        ),
        challenges=challenges,
        retired=tuple(data.get("retired", ())),
        ai_use_case_kinds=tuple(_kind(item) for item in data.get("ai_use_case_kinds", ())),
    )


def _kind(data: dict[str, Any]) -> AiUseCaseKind:
    return AiUseCaseKind.model_construct(
        id=data["id"],
        title=_text(data["title"]),
        duties=tuple(
            AiDuty.model_construct(
                cite=_text(duty["cite"]),
                applies_from=duty["applies_from"],
                binds=tuple(duty["binds"]),
                todo=_text(duty["todo"]),
                criteria=tuple(duty.get("criteria", ())),
                prohibited=duty.get("prohibited", False),
            )
            for duty in data["duties"]
        ),
    )


def _legal(data: dict[str, Any]) -> LegalReference:
    binds = data.get("binds")
    return LegalReference.model_construct(
        cite=_text(data["cite"]),
        applies_from=data["applies_from"],
        binds=_text(binds) if binds else None,
    )


def builtin_model_bytes() -> tuple[bytes, str]:
    """The shipped model's bytes and a display name for messages."""
    beside = Path(__file__).with_name(MODEL_FILE)  # installed: next to this module
    if beside.is_file():
        return beside.read_bytes(), f"{MODEL_FILE} (built-in)"
    # Running from a source checkout (editable install): the file sits at the repository root.
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / MODEL_FILE).is_file():
        return (root / MODEL_FILE).read_bytes(), str(root / MODEL_FILE)
    from importlib import resources  # only here: it imports tempfile, shutil and random

    packaged = resources.files("csm_check").joinpath(MODEL_FILE)  # e.g. inside a zip file
    return packaged.read_bytes(), f"{MODEL_FILE} (built-in)"


def builtin_model_text() -> tuple[str, str]:
    """The shipped model's text and a display name for messages."""
    source, display = builtin_model_bytes()
    return source.decode("utf-8"), display


def _has_every_language(data: Any) -> bool:
    """Whether the shipped model's texts (judged by its title) cover the registered languages.

    A language registered at run time is missing from the shipped file: validating then
    reports each text without it, instead of failing later when the text is looked up."""
    title = data.get("title") if isinstance(data, dict) else None
    return isinstance(title, dict) and set(title) == set(languages())


def load_model(path: Path | None = None, *, validate_builtin: bool = False) -> Model:
    """The model from `path` (fully validated), or the built-in one (trusted unless asked)."""
    if path is None:
        return _builtin_model(validate=validate_builtin)
    return parse_model(load_yaml(path, keep_going=True))


def _builtin_model(*, validate: bool) -> Model:
    """The shipped model: validated from source when asked, else from the user's cache
    (`model_cache`), else parsed; a miss validates once and fills the cache."""
    source, display = builtin_model_bytes()
    text = source.decode("utf-8")
    if validate:
        return parse_model(parse_yaml(text, display))
    from csm_check.model_cache import cache_file, read_cached, write_cached

    cached_at = cache_file(source, tuple(languages()))
    if cached_at is not None:
        cached = read_cached(cached_at)
        if cached is not None:
            return cached
    document = parse_yaml(text, display, trusted=True)
    if not _has_every_language(document.data):
        return parse_model(document)
    if cached_at is None:
        return trusted_model(document.data)
    model = parse_model(document)  # once per model file and version, then from the cache
    write_cached(cached_at, model)
    return model


def load_answers(path: Path, model: Model) -> AnswerSet:
    from csm_check.answers import parse_answers

    return parse_answers(load_yaml(path, keep_going=True), model)
