"""Team assessments: several respondents' answers folded into one (pure).

Per criterion the mean level over the respondents who answered it (n/a and unanswered left
out), with min, max and count; the challenge and overall scores then follow the single
scoring rules on those means. Where answers spread by 2 levels or more, the criterion is a
"discuss first" item: the disagreement is itself a finding.

The files are folded one at a time (`TeamFold.add`) into one small tally per criterion, so
that memory grows with the criteria and the respondents' names and notes, not with every
answers file: a team of 50,000 files is read as a stream. Tallies and folds merge (`merge`),
so that worker processes can each fold a run of files and the runs are merged in file order.

Evidence: each respondent's answers are judged on that file's `assessed_on` (else the day
given, today), as the file would be scored alone; a stale answer enters the tallies at most
at the model's stale_level_cap. Roles: a RoleFold (scoring/roles.py) is fed from the same
loop; whose notes may carry a name is decided in `finish`, once the role groups are known.
"""

from __future__ import annotations

import datetime as dt
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from csm_check.answers import EVIDENCE_LEVEL, Answer, AnswerSet
from csm_check.model import Criterion, Model
from csm_check.scoring.freshness import cap
from csm_check.scoring.roles import DEFAULT_MIN_GROUP, RoleFold
from csm_check.scoring.spread import CriterionSpread, Notes, Respondent, TeamSummary

if TYPE_CHECKING:
    from csm_check.i18n import Language

Note = tuple[str, str | None, str]  # respondent's name, role, note


class CriterionTally:
    """What a team's answers to one criterion add up to: count, sum, lowest, highest, n/a,
    the highest level given without a note, and every note with who wrote it. Additive:
    tallies of consecutive runs of files merge into the tally of all of them (per role too)."""

    __slots__ = (
        "answered",
        "maximum",
        "minimum",
        "not_applicable",
        "note_texts",
        "note_who",
        "stale",
        "total",
        "unevidenced",
    )

    def __init__(self) -> None:
        self.answered = 0
        self.total = 0  # levels are whole numbers in a file: the sum, and so the mean, is exact
        self.minimum: int | None = None
        self.maximum: int | None = None
        self.not_applicable = 0
        self.unevidenced: int | None = None
        # Each note's respondent, by number in file order (the fold keeps their names and
        # roles), and its text: 12 bytes per note, whatever the size of the team.
        self.note_who = array("I")
        self.note_texts: list[str] = []
        # Stale answers (rare): respondent number, level claimed, review date.
        self.stale: list[tuple[int, float, dt.date]] = []

    def add(self, answer: Answer, who: int = 0) -> None:
        """Add respondent number `who`'s answer."""
        state = answer.state
        if state == "answered" and answer.level is not None:
            level = int(answer.level)
            self.answered += 1
            self.total += level
            if self.minimum is None or level < self.minimum:
                self.minimum = level
            if self.maximum is None or level > self.maximum:
                self.maximum = level
            if level >= EVIDENCE_LEVEL and answer.lacks_evidence:  # the rule asked only there
                self.unevidenced = max(level, self.unevidenced or 0)
        elif state == "not_applicable":
            self.not_applicable += 1
        if answer.note:
            self.note_who.append(who)
            self.note_texts.append(sys.intern(answer.note))

    def merge(self, other: CriterionTally, offset: int = 0) -> None:
        """Add the tally of the files that follow this one's; `offset`: the number of
        respondents before the other tally's first."""
        self.answered += other.answered
        self.total += other.total
        self.minimum = _least(self.minimum, other.minimum)
        if other.maximum is not None and (self.maximum is None or other.maximum > self.maximum):
            self.maximum = other.maximum
        self.not_applicable += other.not_applicable
        if other.unevidenced is not None:
            self.unevidenced = max(other.unevidenced, self.unevidenced or 0)
        self.note_who.extend(who + offset for who in other.note_who)
        self.note_texts.extend(other.note_texts)
        self.stale.extend((who + offset, claimed, due) for who, claimed, due in other.stale)

    def notes(self, names: Sequence[str]) -> Notes:
        """The notes as (respondent, note), in file order, respondents named by number."""
        return Notes(names, self.note_who, self.note_texts)

    def notes_with_roles(self, names: Sequence[str], roles: Sequence[str | None]) -> list[Note]:
        """Every note as (respondent, role, note), in file order."""
        return [
            (names[who], roles[who], text)
            for who, text in zip(self.note_who, self.note_texts, strict=True)
        ]

    @property
    def mean(self) -> float | None:
        return self.total / self.answered if self.answered else None

    def answer(self) -> Answer | None:
        """The team's answer: the mean level, else n/a when someone said so, else none."""
        if self.answered:
            return Answer("answered", self.total / self.answered)
        if self.not_applicable:
            return Answer("not_applicable", None, None)
        return None


def _same(text: str | None) -> str | None:
    """Each distinct text kept once (organisation, language, role, note): thousands of files
    repeat them, and each file's copy would otherwise live as long as the team's fold."""
    return None if text is None else sys.intern(text)


def _least(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None or a <= b else b


def respondent_name(path: str, answers: AnswerSet) -> str:
    """Who answered: the file's `respondent`, else its file name without the suffix."""
    return answers.respondent or PurePath(path).stem


class TeamFold:
    """A team's answers files folded one by one, in file order, into what reports need."""

    def __init__(self, model: Model, on: dt.date | None = None) -> None:
        self.model = model
        self.on = on  # the day a file without assessed_on is judged on (evidence)
        self.tallies = {criterion.id: CriterionTally() for _, criterion in model.criteria()}
        self.roles_fold = RoleFold()
        self._criteria: dict[str, Criterion] | None = None  # built at the first dated answer
        self.respondents: list[Respondent] = []
        self.names: list[str] = []  # each respondent's name, as notes are signed
        self.roles: list[str | None] = []  # each respondent's role
        self.languages: Counter[str] = Counter()
        self.organisations: set[str] = set()
        self.latest: dt.date | None = None
        self.first_language: Language | None = None

    def add(self, path: str, answers: AnswerSet) -> None:
        if not self.respondents:
            self.first_language = answers.language
        who = len(self.respondents)
        self.names.append(respondent_name(path, answers))
        self.roles.append(_same(answers.role))
        same = _same
        capped: dict[str, Answer] | None = None
        for criterion_id, answer in answers.answers.items():
            tally = self.tallies.get(criterion_id)
            if tally is None:
                continue
            if answer.checked_on is not None or answer.review_by is not None:
                answer = self._judged(criterion_id, answer, answers.assessed_on or self.on, who)
                if capped is None:
                    capped = dict(answers.answers)
                capped[criterion_id] = answer
            tally.add(answer, who)
        self.roles_fold.add(answers if capped is None else _with_answers(answers, capped))
        self.respondents.append(
            Respondent(
                path,
                same(answers.organisation),
                answers.respondent,
                same(answers.language),
                answers.assessed_on,
            )
        )
        self.languages[answers.language or "-"] += 1
        if answers.organisation:
            self.organisations.add(answers.organisation)
        if answers.assessed_on and (self.latest is None or answers.assessed_on > self.latest):
            self.latest = answers.assessed_on

    def _judged(self, criterion_id: str, answer: Answer, day: dt.date | None, who: int) -> Answer:
        """The answer as it counts on `day`: a stale one capped, and noted in its tally."""
        if self._criteria is None:
            self._criteria = {c.id: c for _, c in self.model.criteria()}
        criterion = self._criteria[criterion_id]
        counted, freshness = cap(criterion, answer, day, self.model.stale_level_cap)
        if freshness is not None:
            self.tallies[criterion_id].stale.append(
                (who, freshness.claimed_level, freshness.review_due)
            )
        return counted

    def __getstate__(self) -> dict[str, object]:
        """A worker's fold goes back without the model: the receiving side has its own."""
        state = dict(self.__dict__)
        state["model"] = None
        state["_criteria"] = None
        return state

    def merge(self, other: TeamFold) -> None:
        """Add the fold of the files that follow this one's."""
        if not self.respondents:
            self.first_language = other.first_language
        offset = len(self.respondents)
        for criterion_id, tally in self.tallies.items():
            tally.merge(other.tallies[criterion_id], offset)
        self.respondents.extend(other.respondents)
        self.names.extend(other.names)
        self.roles.extend(other.roles)
        self.roles_fold.merge(other.roles_fold)
        self.languages.update(other.languages)
        self.organisations |= other.organisations
        if other.latest and (self.latest is None or other.latest > self.latest):
            self.latest = other.latest

    def finish(self, min_group: int = DEFAULT_MIN_GROUP) -> tuple[AnswerSet, TeamSummary]:
        """The team's answer set (mean levels) and the spread behind each criterion."""
        answers: dict[str, Answer] = {}
        spreads: list[CriterionSpread] = []
        roles = self.roles_fold.finish(self.model, min_group)
        names: Sequence[str] = self.names
        respondents = tuple(self.respondents)
        if roles.given:
            # A note of someone in a group too small to name carries no name.
            names = [
                "" if roles.anonymous(role) else name
                for name, role in zip(self.names, self.roles, strict=True)
            ]
            respondents = tuple(
                _with_role(r, roles.group_of(role).id)
                for r, role in zip(self.respondents, self.roles, strict=True)
            )
        for challenge, criterion in self.model.criteria():
            tally = self.tallies[criterion.id]
            spreads.append(
                CriterionSpread(
                    criterion.id,
                    challenge.id,
                    tally.mean,
                    tally.minimum,
                    tally.maximum,
                    tally.answered,
                    tally.not_applicable,
                    tally.unevidenced,
                    tally.notes(names),
                    tuple((names[who], claimed, due) for who, claimed, due in tally.stale),
                )
            )
            answer = tally.answer()
            if answer is not None:
                answers[criterion.id] = answer
        organisations = set(self.organisations)
        combined = AnswerSet(
            model=self.model.id,
            organisation=organisations.pop() if len(organisations) == 1 else None,
            respondent=None,
            assessed_on=self.latest,
            language=self.first_language if len(self.languages) == 1 else None,
            answers=answers,
        )
        summary = TeamSummary(
            respondents,
            tuple(spreads),
            tuple(sorted(self.languages.items())),
            roles if roles.given else None,
        )
        return combined, summary


def _with_answers(answers: AnswerSet, counted: dict[str, Answer]) -> AnswerSet:
    from csm_check.frozen import replace

    return replace(answers, answers=counted)


def _with_role(respondent: Respondent, role: str) -> Respondent:
    r = respondent
    return Respondent(r.path, r.organisation, r.respondent, r.language, r.assessed_on, role)


def aggregate(
    model: Model,
    files: Iterable[tuple[Path | str, AnswerSet]],
    on: dt.date | None = None,
    *,
    min_group: int = DEFAULT_MIN_GROUP,
) -> tuple[AnswerSet, TeamSummary]:
    """Fold several answer sets into one set of mean levels plus the spread behind each."""
    fold = TeamFold(model, on)
    for path, answers in files:
        fold.add(str(path), answers)
    return fold.finish(min_group)
