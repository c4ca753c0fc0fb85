"""The AI use-case register in an answers file (`ai_use_cases:`): the AI systems in
service, each of a kind from the model's catalogue `ai_use_case_kinds`.

`AiUseCaseEntry` is the entry's schema (part of `answers.AnswersFile`, so `csm-check schema
answers` describes it); `parse_use_cases` checks each kind against the model and keeps where
the entry stands in the file."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, StrictBool, StrictStr

from csm_check.errors import Problem, did_you_mean
from csm_check.frozen import field, frozen
from csm_check.i18n import msg
from csm_check.model import Model
from csm_check.validation import ShortText, iso_date
from csm_check.yamlio.read import YamlDocument

UseCaseStatus = Literal["planned", "pilot", "live"]
USE_CASE_STATUSES: tuple[UseCaseStatus, ...] = ("planned", "pilot", "live")


@frozen
class AiUseCase:
    """One AI system in service. `built_or_branded`: the organisation builds it or offers it
    under its own name, and so may be its provider (EU AI Act Art. 3(3), 25(1)(a))."""

    kind: str
    status: UseCaseStatus
    name: str | None = None
    since: dt.date | None = None
    vendor: str | None = None
    built_or_branded: bool = False
    # (line, column) of the entry in the file, for annotations that point at it.
    location: tuple[int, int] = field(default=(1, 1), compare=False, repr=False)


class AiUseCaseEntry(BaseModel):
    """An AI system in the register; `kind` is checked against the model's catalogue.
    `built_or_branded` takes YAML's booleans (true/false; YAML 1.1 also reads yes/no as
    booleans, as csm-check.yaml does); quoted text such as "yes" is refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    kind: StrictStr
    name: ShortText | None = None
    status: UseCaseStatus
    since: Annotated[dt.date | None, BeforeValidator(iso_date)] = None
    vendor: ShortText | None = None
    built_or_branded: StrictBool = False


def parse_use_cases(
    document: YamlDocument, entries: list[AiUseCaseEntry], model: Model, problems: list[Problem]
) -> tuple[AiUseCase, ...]:
    """The register's entries; a kind not in the model's catalogue is a located problem."""
    kinds = [kind.id for kind in model.ai_use_case_kinds]
    found: list[AiUseCase] = []
    for index, entry in enumerate(entries):
        loc = ("ai_use_cases", index)
        if entry.kind not in kinds:
            hint = did_you_mean(entry.kind, kinds) or msg("err.use_case_kind.hint")
            problems.append(
                document.problem((*loc, "kind"), msg("err.use_case_kind", kind=entry.kind), hint)
            )
            continue
        found.append(
            AiUseCase(
                kind=entry.kind,
                status=entry.status,
                name=entry.name,
                since=entry.since,
                vendor=entry.vendor,
                built_or_branded=entry.built_or_branded,
                location=document.position(loc),
            )
        )
    return tuple(found)
