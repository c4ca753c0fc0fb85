"""The readiness model: challenges, criteria, scale and bands (validated, frozen).

Structure is checked by pydantic; relations between parts (ids, prefixes, dependencies)
are checked in `model_checks`, which returns locations so errors can point into the file.

A criterion may carry its own five level texts (`levels`, observable facts for 0-4); the
model's `scale` is the default for criteria that give none (custom models). Law is data:
`legal` references with the date from which each binds; a knock-out whose law applies only
later does not block yet. `version`, `replaces` and `retired` let answers files of an
earlier model version load.
"""

import datetime as dt
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
)
from pydantic_core import InitErrorDetails, PydanticCustomError, PydanticKnownError, core_schema

if TYPE_CHECKING:  # annotations only: pydantic.json_schema costs a millisecond at start-up
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue

from csm_check.i18n import (
    Language,
    is_registered,
    languages,
)

LEVELS = (0, 1, 2, 3, 4)
MAX_LEVEL = 4

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CRITERION_ID = r"^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$"

LevelNumber = Annotated[StrictInt, Field(ge=0, le=MAX_LEVEL)]
ReviewMonths = Annotated[StrictInt, Field(ge=1, le=120)]
LEGAL_REVIEW_MONTHS = 12  # a criterion with `legal:` and no review_months of its own
STALE_LEVEL_CAP = 2  # the most a stale answer counts as, unless the model says otherwise
Weight = Annotated[StrictFloat, Field(gt=0, le=1000)]


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text:
    """A model text in every registered language: a read-only mapping code -> text.

    Not a model with one field per language, so that registering a language needs no
    change here. Validation (`validate_text`) reads the registry when it runs.
    """

    __slots__ = ("_texts",)

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts: Mapping[str, str] = MappingProxyType(dict(texts))

    def get(self, language: Language) -> str:
        return self._texts[language]

    def items(self) -> Iterator[tuple[str, str]]:
        return iter(self._texts.items())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and dict(self._texts) == dict(other._texts)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._texts.items())))

    def __repr__(self) -> str:
        return f"Text({dict(self._texts)!r})"

    def __reduce__(self) -> tuple[type["Text"], tuple[dict[str, str]]]:
        # For the model cache (`model_cache`): a mappingproxy does not pickle.
        return Text, (dict(self._texts),)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: "GetCoreSchemaHandler"
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            validate_text,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda text: dict(text.items())
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: "GetJsonSchemaHandler"
    ) -> "JsonSchemaValue":
        codes = list(languages())
        return {
            "type": "object",
            "properties": {code: {"type": "string", "minLength": 1} for code in codes},
            "required": codes,
            "additionalProperties": False,
        }


def validate_text(value: Any) -> Text:
    """Every registered language present and non-empty, no other key; all problems at once.

    Raised as one ValidationError with a line per problem, located like the errors of a
    model with one field per language: pydantic's own `string_type` and `string_too_short`
    at the language key, `missing_language` at the text, `unknown_language` at the key.
    """
    if isinstance(value, Text):
        return value
    if not isinstance(value, dict):
        raise PydanticKnownError("dict_type")
    errors: list[InitErrorDetails] = []
    for key, text in value.items():
        if not is_registered(key):
            unknown = PydanticCustomError(
                "unknown_language", "unknown language '{key}'", {"key": str(key)}
            )
            errors.append({"type": unknown, "loc": (str(key),), "input": text})
        elif not isinstance(text, str):
            errors.append({"type": "string_type", "loc": (key,), "input": text})
        elif not text:
            errors.append(
                {"type": "string_too_short", "loc": (key,), "input": text, "ctx": {"min_length": 1}}
            )
    for code in languages():
        if code not in value:
            missing = PydanticCustomError(
                "missing_language", "text is missing '{language}'", {"language": code}
            )
            errors.append({"type": missing, "loc": (), "input": value})
    if errors:
        # pydantic-core takes the lines of a ValidationError raised inside a validator as
        # its own, each located under this text; tests/cases/invalid/models/text-*.yaml
        # pin the resulting messages and positions.
        raise ValidationError.from_exception_data("Text", errors)
    return Text(value)


class ScaleLevel(Frozen):
    level: LevelNumber
    label: Text
    description: Text


class Scale(Frozen):
    target: LevelNumber
    levels: tuple[ScaleLevel, ...]


class Bands(Frozen):
    """Lower bounds of the statuses: at_risk < developing <= score < ready <= score."""

    developing: Annotated[StrictFloat, Field(ge=0, le=100)]
    ready: Annotated[StrictFloat, Field(ge=0, le=100)]


class LegalReference(Frozen):
    """A legal basis: the instrument and article, the day it starts to bind, and whom."""

    cite: Text
    applies_from: dt.date
    binds: Text | None = None


CriterionId = Annotated[StrictStr, Field(pattern=CRITERION_ID)]


class Criterion(Frozen):
    id: CriterionId
    question: Text
    help: Text
    next_step: Text
    weight: Weight = 1.0
    minimum_level: LevelNumber | None = None
    levels: tuple[Text, ...] | None = None  # the criterion's own texts for levels 0-4
    legal: tuple[LegalReference, ...] = ()
    references: tuple[Text, ...] = ()
    replaces: tuple[CriterionId, ...] = ()  # ids of an earlier model version it takes over
    # Months after an answer's checked_on until its evidence must be checked again.
    review_months: ReviewMonths | None = None

    @property
    def review_interval(self) -> int | None:
        """`review_months`, else 12 for a criterion with law behind it, else none."""
        if self.review_months is not None:
            return self.review_months
        return LEGAL_REVIEW_MONTHS if self.legal else None

    @property
    def is_knockout(self) -> bool:
        return self.minimum_level is not None

    def binds_from(self) -> dt.date | None:
        """The first day the criterion's law binds (the earliest of its references)."""
        return min((ref.applies_from for ref in self.legal), default=None)


class Challenge(Frozen):
    id: Annotated[StrictStr, Field(pattern=KEBAB)]
    number: Annotated[StrictInt, Field(ge=1, le=99)]
    title: Text
    short_title: Text | None = None
    summary: Text
    weight: Weight = 1.0
    depends_on: tuple[StrictStr, ...] = ()
    depends_why: Text | None = None  # why it builds on those challenges
    criteria: Annotated[tuple[Criterion, ...], Field(min_length=1)]

    def short(self, language: Language) -> str:
        return (self.short_title or self.title).get(language)


# AI use-case register (issue 15): whom a duty binds. `provider` binds the organisation only
# when it builds the system or offers it under its own name (`built_or_branded`: EU AI Act
# Art. 3(3), and Art. 25(1)(a) for high-risk systems); otherwise it is the vendor's duty,
# secured by contract. `deployer`, `employer` and `controller` (GDPR) always bind it.
DutyRole = Literal["provider", "deployer", "employer", "controller"]
DUTY_ROLES: tuple[DutyRole, ...] = ("provider", "deployer", "employer", "controller")


class AiDuty(Frozen):
    """A duty that running an AI system of a kind brings: the law (as `LegalReference`:
    cite, applies_from), the roles it binds, what to do, and the criteria that cover it.
    `prohibited` marks a practice the law bans outright (EU AI Act Art. 5)."""

    cite: Text
    applies_from: dt.date
    binds: Annotated[tuple[DutyRole, ...], Field(min_length=1)]
    todo: Text
    criteria: tuple[CriterionId, ...] = ()
    prohibited: StrictBool = False

    def legal(self) -> LegalReference:
        return LegalReference(cite=self.cite, applies_from=self.applies_from)


class AiUseCaseKind(Frozen):
    """A kind of AI system in customer service and the duties it brings."""

    id: Annotated[StrictStr, Field(pattern=KEBAB)]
    title: Text
    duties: Annotated[tuple[AiDuty, ...], Field(min_length=1)]


class Model(Frozen):
    schema_version: Literal[1]
    id: Annotated[StrictStr, Field(pattern=KEBAB)]
    version: Annotated[StrictStr, Field(min_length=1, max_length=40)] = "1"
    legal_reviewed_on: dt.date | None = None  # when its legal content was last checked
    stale_level_cap: LevelNumber = STALE_LEVEL_CAP  # an answer past its review counts at most
    title: Text
    scale: Scale
    bands: Bands
    challenges: Annotated[tuple[Challenge, ...], Field(min_length=1)]
    retired: tuple[CriterionId, ...] = ()  # criteria of earlier versions with no successor
    ai_use_case_kinds: tuple[AiUseCaseKind, ...] = ()  # the register's catalogue

    def use_case_kind(self, kind_id: str) -> AiUseCaseKind | None:
        return next((kind for kind in self.ai_use_case_kinds if kind.id == kind_id), None)

    def criteria(self) -> Iterator[tuple[Challenge, Criterion]]:
        for challenge in self.challenges:
            for criterion in challenge.criteria:
                yield challenge, criterion

    def criterion_ids(self) -> list[str]:
        return [criterion.id for _, criterion in self.criteria()]

    def successors(self) -> dict[str, tuple[str, ...]]:
        """For each criterion id of an earlier version, the criteria that replace it."""
        found: dict[str, list[str]] = {}
        for _, criterion in self.criteria():
            for old in criterion.replaces:
                found.setdefault(old, []).append(criterion.id)
        return {old: tuple(new) for old, new in found.items()}

    def level_label(self, criterion: Criterion, level: float) -> Text:
        """The text of `level` for `criterion`: its own, else the model's scale label. A
        team's mean level gets the text of the level fully reached."""
        if criterion.levels is not None:
            return criterion.levels[int(level)]
        return self.scale.levels[int(level)].label

    def level_texts(self, criterion: Criterion) -> tuple[Text, ...]:
        """The five texts a person chooses from for `criterion`."""
        if criterion.levels is not None:
            return criterion.levels
        return tuple(level.label for level in self.scale.levels)

    def challenge(self, challenge_id: str) -> Challenge:
        for challenge in self.challenges:
            if challenge.id == challenge_id:
                return challenge
        raise KeyError(challenge_id)


def dependents(model: Model) -> dict[str, frozenset[str]]:
    """For each challenge, the challenges that depend on it directly or transitively."""
    direct: dict[str, set[str]] = {c.id: set() for c in model.challenges}
    for challenge in model.challenges:
        for dependency in challenge.depends_on:
            direct.setdefault(dependency, set()).add(challenge.id)
    result: dict[str, frozenset[str]] = {}
    for start in direct:
        seen: set[str] = set()
        stack = list(direct[start])
        while stack:
            node = stack.pop()
            if node not in seen and node != start:
                seen.add(node)
                stack.extend(direct.get(node, ()))
        result[start] = frozenset(seen)
    return result
