"""Where a gate reason belongs in the answers files: the places that annotations name (pure).

Folded file by file like the team's tallies: for each criterion the first few files whose
answer causes a reason and how many do in all, for each challenge its lowest answered level;
never every file's key positions. GitHub shows ten annotations per step, and says how many
more there are, so ten places per reason keep every annotation it can show.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from csm_check.answers import Answer, AnswerSet
from csm_check.scoring.freshness import cap

if TYPE_CHECKING:
    from csm_check.model import Model
    from csm_check.scoring.results import GateReason

Place = tuple[str, int, int]  # file, line, column
MAX_PLACES = 10
_CAUSES = ("blocker", "knockout_unanswered", "evidence", "stale_evidence")


class Places(tuple[Place, ...]):
    """The first places a reason belongs to (at most MAX_PLACES), and how many in all."""

    total: int

    def __new__(cls, places: tuple[Place, ...] | list[Place], total: int | None = None) -> Places:
        found = super().__new__(cls, places)
        found.total = len(found) if total is None else total
        return found


class _Sample:
    __slots__ = ("count", "kept")

    def __init__(self) -> None:
        self.count = 0
        self.kept: list[Place] = []

    def add(self, place: Place) -> None:
        self.count += 1
        if len(self.kept) < MAX_PLACES:
            self.kept.append(place)

    def merge(self, other: _Sample) -> None:
        self.count += other.count
        self.kept.extend(other.kept[: MAX_PLACES - len(self.kept)])


class PlaceIndex:
    """Places for annotations, from answers files added in file order."""

    def __init__(self, model: Model, on: dt.date | None = None) -> None:
        self.model = model
        self.on = on  # the day a file without assessed_on is judged on (evidence)
        self.minimums = {c.id: c.minimum_level for _, c in model.criteria()}
        self.knockouts = [c.id for _, c in model.criteria() if c.minimum_level is not None]
        self.challenges = [c.id for c in model.challenges]
        self.samples = {
            (kind, criterion): _Sample() for kind in _CAUSES for criterion in self.minimums
        }
        self.lowest: dict[str, tuple[float, Place]] = {}
        self.top: Place | None = None
        # The first file's AI register entries (a register finding points at its entry).
        self.entries: tuple[Place, ...] = ()
        self._prefixes: dict[str, tuple[str, ...]] = {}

    def add(self, path: str, answers: AnswerSet) -> None:
        locations = answers.locations
        top = locations.get("", (1, 1))
        if self.top is None:
            self.top = (path, *top)
            self.entries = tuple((path, *u.location) for u in answers.ai_use_cases)
        counted = self._counted(answers) if _dated(answers) else None
        for criterion in self.knockouts:
            answer = answers.get(criterion)
            if counted:
                answer = counted.get(criterion, answer)
            if answer.state == "unanswered":
                kind = "knockout_unanswered"
            elif answer.level is not None and answer.level < (self.minimums[criterion] or 0):
                kind = "blocker"
            else:
                continue
            self.samples[kind, criterion].add((path, *locations.get(criterion, top)))
        for criterion, answer in answers.answers.items():
            if answer.lacks_evidence and criterion in self.minimums:
                self.samples["evidence", criterion].add((path, *locations.get(criterion, top)))
        if counted:
            for criterion in counted:
                place = (path, *locations.get(criterion, top))
                self.samples["stale_evidence", criterion].add(place)
        self._add_lowest(path, answers)

    def _counted(self, answers: AnswerSet) -> dict[str, Answer]:
        """The file's stale answers as they count (capped), judged on its own day."""
        day = answers.assessed_on or self.on
        found: dict[str, Answer] = {}
        for _, criterion in self.model.criteria():
            answer = answers.get(criterion.id)
            if answer.checked_on is None and answer.review_by is None:
                continue
            counted, freshness = cap(criterion, answer, day, self.model.stale_level_cap)
            if freshness is not None:
                found[criterion.id] = counted
        return found

    def _add_lowest(self, path: str, answers: AnswerSet) -> None:
        for key, (line, column) in answers.locations.items():
            level = answers.get(key).level
            if level is None:
                continue
            prefixes = self._prefixes.get(key)
            if prefixes is None:
                prefixes = tuple(c for c in self.challenges if key.startswith(f"{c}."))
                self._prefixes[key] = prefixes
            for challenge in prefixes:
                lowest = self.lowest.get(challenge)
                if lowest is None or level < lowest[0]:
                    self.lowest[challenge] = (level, (path, line, column))

    def merge(self, other: PlaceIndex) -> None:
        """Add the places of the files that follow this index's."""
        if self.top is None:
            self.top = other.top
            self.entries = other.entries
        for key, sample in self.samples.items():
            sample.merge(other.samples[key])
        for challenge, found in other.lowest.items():
            lowest = self.lowest.get(challenge)
            if lowest is None or found[0] < lowest[0]:
                self.lowest[challenge] = found

    def places(self, reason: GateReason) -> Places:
        """Where a gate reason belongs, as (file, line, column), in every file that causes it.

        A register finding points at its system's entry in `ai_use_cases`.
        A reason about a criterion (knock-out, evidence) points at that answer in each file
        whose answer causes it (below the minimum, unanswered, a level >= 3 without a note).
        A reason about a challenge points at its lowest answered level over all files (the
        answer that pulls the score down; the first file on ties). Anything else, or a
        challenge nobody answered, at the `answers:` line of the first file."""
        top = self.top or ("-", 1, 1)
        if reason.finding is not None:  # the register's entry, in the first file (which has it)
            index = reason.finding.index
            return Places([self.entries[index] if index < len(self.entries) else top])
        if reason.criterion is not None:
            kind = reason.kind if reason.kind in (*_CAUSES[:2], _CAUSES[3]) else "evidence"
            sample = self.samples.get((kind, reason.criterion))
            if sample is not None and sample.count:
                return Places(sample.kept, sample.count)
            return Places([top])
        if reason.challenge is not None and reason.challenge in self.lowest:
            return Places([self.lowest[reason.challenge][1]])
        return Places([top])


def _dated(answers: AnswerSet) -> bool:
    values = answers.answers.values()
    return any(a.checked_on is not None or a.review_by is not None for a in values)


def single(path: str, answers: AnswerSet, model: Model, on: dt.date | None = None) -> PlaceIndex:
    """The places of one answers file."""
    index = PlaceIndex(model, on)
    index.add(path, answers)
    return index
