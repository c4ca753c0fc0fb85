"""`csm-check.yaml`: the gate and display settings a repository keeps next to its answers file.

`Config` is the one settings type: the file fills it (validated as strictly as answers
files) and `csm-check score` fills one from its options; `overridden_by` lets every option
that was given win over the file.
"""

from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    ValidationError,
)

from csm_check.errors import InvalidInputError, did_you_mean
from csm_check.i18n import msg
from csm_check.i18n.field import LanguageCode
from csm_check.model import MAX_LEVEL, Model
from csm_check.validation import describe, problems_from
from csm_check.yamlio.read import YamlDocument, load_yaml

CONFIG_FILE = "csm-check.yaml"
Severity = Literal["off", "warn", "error"]
Score = Annotated[StrictFloat, Field(ge=0, le=100)]


def _unquoted_off(value: object) -> object:
    """`level: off` as people write it: YAML 1.1 reads the unquoted word as false."""
    return "off" if value is False else value


class ChallengeGate(BaseModel):
    """A minimum score for one challenge and what a miss does."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    minimum: Score = Field(description="Minimum challenge score, 0-100.")
    level: Annotated[Severity, BeforeValidator(_unquoted_off)] = Field(
        "error", description="off: ignore; warn: print; error: fail the gate."
    )


class Config(BaseModel):
    """Gate and display settings; every key is optional."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    fail_under: Score | None = Field(None, description="Overall minimum score.")
    require_complete: StrictBool | None = Field(None, description="Unanswered criteria fail.")
    require_evidence: StrictBool | None = Field(None, description="Levels >= 3 need a note.")
    require_fresh_evidence: StrictBool | None = Field(
        None, description="Answers whose evidence review date has passed fail."
    )
    target: Annotated[StrictInt, Field(ge=0, le=MAX_LEVEL)] | None = Field(
        None, description="Target level for next steps (default: the model's)."
    )
    top: Annotated[StrictInt, Field(ge=0)] | None = Field(None, description="Next steps shown.")
    language: LanguageCode | None = Field(None, description="Output language.")
    max_drop: Score | None = Field(None, description="Largest allowed drop against --baseline.")
    min_group_size: Annotated[StrictInt, Field(ge=1)] | None = Field(
        None, description="Team roles: respondents a role needs to be shown apart (default 3)."
    )
    challenges: dict[str, ChallengeGate] = Field(
        default_factory=dict, description="Per-challenge minimum score, by challenge id."
    )

    def overridden_by(self, options: "Config") -> "Config":
        """These settings with every field that `options` sets explicitly taken from it."""
        given = {name: getattr(options, name) for name in options.model_fields_set}
        return self.model_copy(update=given) if given else self


KNOWN_KEYS = (*Config.model_fields, *ChallengeGate.model_fields)


def parse_config(document: YamlDocument, model: Model) -> Config:
    """Validate a parsed config file against `model`; raise with every problem found."""
    if document.data is None or not isinstance(document.data, dict):
        raise InvalidInputError(
            [document.problem((), msg("err.config_not_mapping", value=describe(document.data)))]
        )
    problems = list(document.problems)  # duplicate keys, when read with keep_going
    ids = [challenge.id for challenge in model.challenges]
    gates = document.data.get("challenges")
    if isinstance(gates, dict):
        problems += [
            document.problem(
                ("challenges", str(key)),
                msg("err.unknown_challenge_id", key=key),
                did_you_mean(str(key), ids),
                at_key=True,
            )
            for key in gates
            if key not in ids
        ]
        # YAML 1.1 reads unquoted on/yes/true as the boolean true, which names no level.
        problems += [
            document.problem(
                ("challenges", str(key), "level"),
                msg("err.gate_level", value=describe(gate["level"])),
                msg("err.gate_level.hint"),
            )
            for key, gate in gates.items()
            if isinstance(gate, dict) and gate.get("level") is True
        ]
    try:
        config = Config.model_validate(document.data)
    except ValidationError as error:
        seen = {(p.line, p.column) for p in problems}
        problems += [
            p for p in problems_from(document, error, KNOWN_KEYS) if (p.line, p.column) not in seen
        ]
    if problems:
        raise InvalidInputError(problems)
    return config


def find_config(explicit: Path | None, folder: Path | None = None) -> Path | None:
    """The --config file, else csm-check.yaml in the current folder if there is one."""
    if explicit is not None:
        return explicit
    # Relative when found in the current folder, so messages read `csm-check.yaml:2:5: ...`.
    candidate = folder / CONFIG_FILE if folder is not None else Path(CONFIG_FILE)
    return candidate if candidate.is_file() else None


def load_config(explicit: Path | None, model: Model) -> Config:
    path = find_config(explicit)
    if path is None:
        # The defaults need no validation: constructing them builds no validator (a few ms
        # of every run without a csm-check.yaml).
        return Config.model_construct()
    return parse_config(load_yaml(path, allow_empty=True, keep_going=True), model)
