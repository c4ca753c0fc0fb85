"""The values an answers file holds once validated: `Answer` and `AnswerSet`, and the limits
and suggestions shared by the loader, the writer, the form and the interview. No validation
here (answers.py and answer_entry.py check files), so that scoring and rendering import
only these types."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from csm_check.frozen import field, frozen
from csm_check.model import MAX_LEVEL

if TYPE_CHECKING:
    from csm_check.i18n import Language
    from csm_check.use_cases import AiUseCase

SCHEMA_VERSION = 1
MAX_NOTE = 2000
NOT_APPLICABLE = "n/a"
State = Literal["answered", "not_applicable", "unanswered"]


# What the template, the form and the interview suggest for `role:` (free text all the same).
ROLE_SUGGESTIONS = (
    "agent",
    "team lead",
    "quality",
    "workforce planning",
    "head of service",
    "IT",
    "data protection",
)

EVIDENCE_LEVEL = 3  # from this level on, require_evidence wants a note saying what shows it


@frozen
class Answer:
    """One criterion's answer. `level` is None for n/a and for unanswered."""

    state: State
    level: float | None = None
    note: str | None = None
    # Evidence that expires (see `scoring.freshness`): what shows the level, when it was
    # last checked and when it must be checked again.
    evidence: str | None = None
    checked_on: dt.date | None = None
    review_by: dt.date | None = None

    @property
    def dated(self) -> bool:
        """Whether the answer carries evidence fields (the writer then needs a mapping)."""
        return not (self.evidence is None and self.checked_on is None and self.review_by is None)

    @property
    def lacks_evidence(self) -> bool:
        """The one evidence rule: a level of 3 or more claims practice; a note (or the
        `evidence` field) must back it."""
        return (
            self.level is not None
            and self.level >= EVIDENCE_LEVEL
            and not (self.note or "").strip()
            and not (self.evidence or "").strip()
        )


UNANSWERED = Answer("unanswered")
# perf-team: the short form `id: 2` or `id:` as a shared value (Answer is frozen).
_SHORT: dict[int | None, Answer] = {
    None: UNANSWERED,
    **{level: Answer("answered", level) for level in range(MAX_LEVEL + 1)},
}


@frozen
class AnswerSet:
    """A validated answers file. `answers` keeps the file's order; missing ids are unanswered."""

    schema_version: int = SCHEMA_VERSION
    model: str | None = None
    organisation: str | None = None
    respondent: str | None = None
    # Free text (ROLE_SUGGESTIONS are offered); team scoring groups respondents by it.
    role: str | None = None
    assessed_on: dt.date | None = None
    language: Language | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    ai_use_cases: tuple[AiUseCase, ...] = ()
    # (line, column) of each answer's key in the file, for annotations that point at it.
    locations: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    # What loading an earlier model version's file changed (carried over, split, retired).
    warnings: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def get(self, criterion_id: str) -> Answer:
        return self.answers.get(criterion_id, UNANSWERED)
