"""A team's spread: who answered, and how far their answers lie apart per criterion.

Its own module so that scoring a single file never builds these types (start-up time).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePath

DISAGREEMENT_SPREAD = 2  # levels between the lowest and highest answer that call for a talk


@dataclass(frozen=True, slots=True)  # one per file of a team: no __dict__ each
class Respondent:
    path: str
    organisation: str | None
    respondent: str | None
    language: str | None
    assessed_on: dt.date | None

    @property
    def name(self) -> str:
        """Who answered: the `respondent` given, else the file's name without its suffix."""
        return self.respondent or PurePath(self.path).stem


@dataclass(frozen=True)
class CriterionSpread:
    criterion: str
    challenge: str
    mean: float | None
    minimum: int | None
    maximum: int | None
    answered: int
    not_applicable: int
    # Highest level >= 3 that a respondent gave without a note (require_evidence), if any.
    unevidenced: int | None = None
    # Each respondent's note on this criterion, as (respondent, note), in file order; the
    # respondent is named by the file's `respondent`, else by its file name.
    notes: tuple[tuple[str, str], ...] = ()

    @property
    def disagreement(self) -> bool:
        if self.minimum is None or self.maximum is None:
            return False
        return self.maximum - self.minimum >= DISAGREEMENT_SPREAD


@dataclass(frozen=True)
class TeamSummary:
    respondents: tuple[Respondent, ...]
    spreads: tuple[CriterionSpread, ...]
    languages: tuple[tuple[str, int], ...]

    @property
    def discuss_first(self) -> tuple[CriterionSpread, ...]:
        """Disagreements, widest spread first, then model order."""
        flagged = [s for s in self.spreads if s.disagreement]
        order = {s.criterion: i for i, s in enumerate(self.spreads)}
        return tuple(
            sorted(
                flagged, key=lambda s: (-((s.maximum or 0) - (s.minimum or 0)), order[s.criterion])
            )
        )

    @property
    def mixed_languages(self) -> bool:
        return len(self.languages) > 1
