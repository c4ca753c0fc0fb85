"""Roles in a team: the mean level by role and the perception gap between roles (pure).

A streaming fold: `RoleFold.add` takes one answer set at a time and keeps only sums and
counts per role group and criterion, so memory grows with roles x criteria, not files.

Grouping: a role is trimmed and casefolded; a suggested role (answers.ROLE_SUGGESTIONS)
written in any registered language ("Teamleitung", "team lead") is one group; other free
text groups by its casefolded text and is shown as first written. When any file has a role,
files without one form the group "none" (no role given). To protect people who rate their
own managers, a group with fewer than `min_group` respondents is merged into "other"; while
"other" stays below `min_group`, the smallest remaining group joins it too (else the team's
mean minus the shown roles' would reveal it). Only when the whole team is below `min_group`
is "other" listed with its count but without means.

Challenge mean by role: the weighted mean (criterion weights) of that role's criterion means
over the criteria the role answered, the challenge score's rule in levels. The perception
gap is the largest difference between two shown groups' means (highest minus lowest).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from csm_check.answers import ROLE_SUGGESTIONS, AnswerSet
from csm_check.i18n import languages, t
from csm_check.model import Model

DEFAULT_MIN_GROUP = 3  # respondents a role group needs to be shown on its own
GAP_TO_DISCUSS = 2  # levels between two roles' means that call for a talk
OTHER = "other"
NONE = "none"
Kind = Literal["suggested", "free", "other", "none"]
_EPSILON = 1e-9


@dataclass(frozen=True)
class RoleGroup:
    """A group as shown: `id` is the suggestion's key, the casefolded free text, "other" or
    "none"; `label` is free text as first written (renderers translate the others)."""

    id: str
    kind: Kind
    label: str
    respondents: int
    shown: bool = True  # False: the whole team is below the minimum, listed without means


@dataclass(frozen=True)
class RoleGap:
    """The largest difference between two groups' means: indices into RoleSummary.groups."""

    high: int
    low: int
    size: float


@dataclass(frozen=True)
class RoleMeans:
    """One criterion's or challenge's mean level per group (None: not answered or hidden)."""

    id: str
    means: tuple[float | None, ...]
    gap: RoleGap | None

    @property
    def discuss(self) -> bool:
        return self.gap is not None and self.gap.size >= GAP_TO_DISCUSS - _EPSILON


@dataclass(frozen=True)
class RoleSummary:
    min_group: int
    groups: tuple[RoleGroup, ...] = ()
    challenges: tuple[RoleMeans, ...] = ()
    criteria: tuple[RoleMeans, ...] = ()
    # raw group ids merged into "other", and whether "other" is hidden (below the minimum)
    merged: frozenset[str] = frozenset()

    @property
    def given(self) -> bool:
        """Whether any file named a role; without one there is no role section at all."""
        return bool(self.groups)

    @property
    def discuss_first(self) -> tuple[RoleMeans, ...]:
        """Criteria whose roles lie 2 levels or more apart, widest gap first, model order."""
        flagged = [(i, m) for i, m in enumerate(self.criteria) if m.discuss]
        flagged.sort(key=lambda pair: (-(pair[1].gap.size if pair[1].gap else 0), pair[0]))
        return tuple(m for _, m in flagged)

    def group_of(self, role: str | None) -> RoleGroup:
        """The group a respondent with `role` is shown in (after merging); only when given."""
        _, key = role_key(role)
        key = OTHER if key in self.merged else key
        return next(g for g in self.groups if g.id == key)

    def anonymous(self, role: str | None) -> bool:
        """Whether notes of a respondent with `role` must not carry a name: everyone shown
        in "other" (whose own group was too small, or joined it to protect it)."""
        return self.given and self.group_of(role).id == OTHER


_Key = tuple[Kind, str]
_lookup: dict[tuple[str, ...], dict[str, _Key]] = {}


def _labels() -> dict[str, _Key]:
    """Every registered language's label of the suggestions, "other" and "none"."""
    registered = languages()
    if registered not in _lookup:
        table: dict[str, _Key] = {}
        for language in languages():
            for suggestion in ROLE_SUGGESTIONS:
                table[t(f"role.{suggestion}", language).casefold()] = ("suggested", suggestion)
            table[t("roles.other", language).casefold()] = ("other", OTHER)
            table[t("roles.none", language).casefold()] = ("none", NONE)
        for suggestion in ROLE_SUGGESTIONS:
            table[suggestion.casefold()] = ("suggested", suggestion)
        table[OTHER] = ("other", OTHER)
        table[NONE] = ("none", NONE)
        _lookup[registered] = table
    return _lookup[registered]


def role_key(role: str | None) -> _Key:
    """The group a written role belongs to, before merging small groups."""
    text = " ".join((role or "").split()).casefold()
    if not text:
        return ("none", NONE)
    return _labels().get(text, ("free", text))


@dataclass
class _Group:
    kind: Kind
    label: str
    respondents: int = 0
    sums: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def absorb(self, other: _Group) -> None:
        self.respondents += other.respondents
        for key, value in other.sums.items():
            self.sums[key] = self.sums.get(key, 0) + value
            self.counts[key] = self.counts.get(key, 0) + other.counts[key]


class RoleFold:
    """Sums and counts of answered levels per role group and criterion, one file at a time."""

    def __init__(self) -> None:
        self._groups: dict[str, _Group] = {}
        self._any_role = False

    def add(self, answer_set: AnswerSet) -> None:
        kind, key = role_key(answer_set.role)
        self._any_role = self._any_role or kind != "none"
        group = self._groups.get(key)
        if group is None:
            label = " ".join((answer_set.role or "").split())
            group = self._groups[key] = _Group(kind, label)
        group.respondents += 1
        sums, counts = group.sums, group.counts
        for criterion, answer in answer_set.answers.items():
            if answer.state == "answered" and answer.level is not None:
                sums[criterion] = sums.get(criterion, 0) + int(answer.level)
                counts[criterion] = counts.get(criterion, 0) + 1

    def merge(self, other: RoleFold) -> None:
        """Add the fold of the files that follow this one's (worker processes' runs): a
        group keeps the label it was first written with."""
        self._any_role = self._any_role or other._any_role
        for key, group in other._groups.items():
            mine = self._groups.get(key)
            if mine is None:
                self._groups[key] = _Group(group.kind, group.label)
                mine = self._groups[key]
            mine.absorb(group)

    def finish(self, model: Model, min_group: int = DEFAULT_MIN_GROUP) -> RoleSummary:
        if not self._any_role:
            return RoleSummary(min_group)
        other = _Group("other", OTHER)
        kept: dict[str, _Group] = {}
        merged: set[str] = set()
        for key, group in self._groups.items():
            if key == OTHER:
                other.absorb(group)
            elif group.respondents < min_group:
                other.absorb(group)
                merged.add(key)
            else:
                kept[key] = group
        order = {s: i for i, s in enumerate(ROLE_SUGGESTIONS)}
        rank = {"suggested": 0, "free": 1, "none": 2}
        ordered = sorted(
            kept.items(), key=lambda item: (rank[item[1].kind], order.get(item[0], 0))
        )  # stable: free text keeps the order of first appearance
        # An "other" below the minimum would let its mean be worked out from the team's mean
        # and the other roles' means: the smallest group (the later on ties) joins it until
        # it reaches the minimum or is all there is.
        while ordered and 0 < other.respondents < min_group:
            smallest = min(range(len(ordered)), key=lambda i: (ordered[i][1].respondents, -i))
            key, group = ordered.pop(smallest)
            other.absorb(group)
            merged.add(key)
        if other.respondents:
            ordered.append((OTHER, other))
        shown = [key != OTHER or g.respondents >= min_group for key, g in ordered]
        groups = tuple(
            RoleGroup(key, g.kind, g.label, g.respondents, visible)
            for (key, g), visible in zip(ordered, shown, strict=True)
        )
        criteria: list[RoleMeans] = []
        challenges: list[RoleMeans] = []
        for challenge in model.challenges:
            per_group: list[list[tuple[float, float]]] = [[] for _ in ordered]
            for criterion in challenge.criteria:
                means: list[float | None] = []
                for i, ((_, g), visible) in enumerate(zip(ordered, shown, strict=True)):
                    count = g.counts.get(criterion.id, 0)
                    mean = g.sums[criterion.id] / count if count and visible else None
                    means.append(mean)
                    if mean is not None:
                        per_group[i].append((mean, criterion.weight))
                criteria.append(RoleMeans(criterion.id, tuple(means), _gap(means)))
            challenge_means = [_weighted(pairs) for pairs in per_group]
            challenges.append(
                RoleMeans(challenge.id, tuple(challenge_means), _gap(challenge_means))
            )
        return RoleSummary(min_group, groups, tuple(challenges), tuple(criteria), frozenset(merged))


def _weighted(pairs: list[tuple[float, float]]) -> float | None:
    weight = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / weight if weight else None


def _gap(means: list[float | None]) -> RoleGap | None:
    """Highest minus lowest mean of two different groups (the first on ties); None unless
    at least two groups have a mean."""
    present = [(mean, i) for i, mean in enumerate(means) if mean is not None]
    if len(present) < 2:
        return None
    high = max(present, key=lambda p: (p[0], -p[1]))
    low = min(present, key=lambda p: (p[0], p[1]))
    if high[1] == low[1]:  # all equal: the first two
        high, low = present[0], present[1]
    return RoleGap(high[1], low[1], high[0] - low[0])
