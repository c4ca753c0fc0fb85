"""Team roles as text for every output format: group names in the output language, means by
role and perception gaps (values are raw text; each format escapes them).

Shared by the renderers like render.common; present only when a team file names a role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from csm_check.frozen import frozen
from csm_check.i18n import Language, format_number, t
from csm_check.scoring.results import Scorecard

if TYPE_CHECKING:  # annotations only: a report of one file never loads the role fold
    from csm_check.scoring.roles import RoleGroup, RoleMeans, RoleSummary


def role_label(group: RoleGroup, language: Language) -> str:
    """A group's name: a suggestion in the output language, free text as first written."""
    if group.kind == "suggested":
        return t(f"role.{group.id}", language)
    if group.kind == "free":
        return group.label
    return t(f"roles.{group.kind}", language)


def _number(value: float, language: Language) -> str:
    return format_number(value, language, 1)


def roles_of(card: Scorecard) -> RoleSummary | None:
    return card.team.roles if card.team is not None else None


def groups_text(roles: RoleSummary, language: Language) -> str:
    """'Roles: agent (4), team lead (3), other (2, too few to show means)'."""
    parts = [
        t(
            "roles.group" if group.shown else "roles.group_hidden",
            language,
            role=role_label(group, language),
            count=group.respondents,
        )
        for group in roles.groups
    ]
    return t("roles.groups", language, groups=", ".join(parts))


def gap_text(roles: RoleSummary, means: RoleMeans, language: Language) -> str:
    """'team lead 3.0 vs. agent 1.0: gap 2.0', or 'no gap' for fewer than two groups."""
    gap = means.gap
    if gap is None:
        return t("roles.no_gap", language)
    return t(
        "roles.gap",
        language,
        high=role_label(roles.groups[gap.high], language),
        high_mean=_number(means.means[gap.high] or 0.0, language),
        low=role_label(roles.groups[gap.low], language),
        low_mean=_number(means.means[gap.low] or 0.0, language),
        gap=_number(gap.size, language),
    )


def means_cells(means: RoleMeans, language: Language) -> list[str]:
    """One cell per group, in group order: the mean to one decimal, or '-'."""
    return ["-" if m is None else _number(m, language) for m in means.means]


def means_line(roles: RoleSummary, means: RoleMeans, language: Language) -> str:
    """'agent 1.0 · team lead 3.0 · other -' (only groups with a mean)."""
    return " · ".join(
        f"{role_label(group, language)} {_number(mean, language)}"
        for group, mean in zip(roles.groups, means.means, strict=True)
        if mean is not None
    )


@frozen
class ChallengeRoles:
    number: int
    title: str
    cells: list[str]
    gap: str
    discuss: bool


def challenge_rows(card: Scorecard, language: Language) -> list[ChallengeRoles]:
    roles = roles_of(card)
    if roles is None:
        return []
    titles = {c.id: (c.number, c.title.get(language)) for c in card.model.challenges}
    return [
        ChallengeRoles(
            *titles[means.id],
            means_cells(means, language),
            gap_text(roles, means, language) if means.gap else "-",
            means.discuss,
        )
        for means in roles.challenges
    ]


def criterion_roles(card: Scorecard, criterion: str, language: Language) -> str | None:
    """'agent 1.0 · team lead 3.0 (team lead 3.0 vs. agent 1.0: gap 2.0)' for the details."""
    roles = roles_of(card)
    if roles is None:
        return None
    means = next((m for m in roles.criteria if m.id == criterion), None)
    if means is None or all(m is None for m in means.means):
        return None
    line = means_line(roles, means, language)
    return f"{line} ({gap_text(roles, means, language)})" if means.gap else line
