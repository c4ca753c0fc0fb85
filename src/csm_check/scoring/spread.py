"""A team's spread: who answered, and how far their answers lie apart per criterion.

Its own module so that scoring a single file never builds these types (start-up time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from csm_check.scoring.roles import RoleSummary

DISAGREEMENT_SPREAD = 2  # levels between the lowest and highest answer that call for a talk


@dataclass(frozen=True, slots=True)  # one per file of a team: no __dict__ each
class Respondent:
    path: str
    organisation: str | None
    respondent: str | None
    language: str | None
    assessed_on: dt.date | None
    # Roles (scoring/roles.py): the group shown for this respondent, merged as protected.
    role: str | None = None

    @property
    def name(self) -> str:
        """Who answered: the `respondent` given, else the file's name without its suffix."""
        return self.respondent or PurePath(self.path).stem


class Notes(Sequence[tuple[str, str]]):
    """A criterion's notes as (respondent, note), in file order, made when read: a team of
    thousands keeps one respondent number and one reference to the text per note, and the
    respondents' names once for all criteria."""

    __slots__ = ("_names", "_texts", "_who")

    def __init__(self, names: Sequence[str], who: Sequence[int], texts: Sequence[str]) -> None:
        self._names, self._who, self._texts = names, who, texts

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, index: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[str, str], ...]: ...
    def __getitem__(self, index: int | slice) -> tuple[str, str] | tuple[tuple[str, str], ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        return self._names[self._who[index]], self._texts[index]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        names = self._names
        return ((names[who], text) for who, text in zip(self._who, self._texts, strict=True))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


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
    # respondent is named by the file's `respondent`, else by its file name; "" for a
    # respondent whose role group is too small to name (scoring/roles.py).
    notes: Sequence[tuple[str, str]] = ()
    # Respondents whose evidence review was overdue: (respondent, level claimed, review
    # date); their answers entered the mean at most at the model's stale_level_cap.
    stale: tuple[tuple[str, float, dt.date], ...] = ()

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
    # Roles (scoring/roles.py): means by role and perception gaps; None when no file has one.
    roles: RoleSummary | None = None

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
