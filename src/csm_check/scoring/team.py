"""Team assessments: several respondents' answers folded into one (pure).

Per criterion the mean level over the respondents who answered it (n/a and unanswered left
out), with min, max and count; the challenge and overall scores then follow the single
scoring rules on those means. Where answers spread by 2 levels or more, the criterion is a
"discuss first" item: the disagreement is itself a finding.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from csm_check.answers import Answer, AnswerSet
from csm_check.model import Model
from csm_check.scoring.freshness import cap
from csm_check.scoring.roles import DEFAULT_MIN_GROUP, RoleFold
from csm_check.scoring.spread import CriterionSpread, Respondent, TeamSummary


def aggregate(
    model: Model,
    files: list[tuple[Path, AnswerSet]],
    on: dt.date | None = None,
    *,
    min_group: int = DEFAULT_MIN_GROUP,
) -> tuple[AnswerSet, TeamSummary]:
    """Fold several answer sets into one set of mean levels plus the spread behind each.

    Evidence is judged per respondent on the team's day (the latest assessed_on, else `on`):
    a stale answer enters the mean at most at the model's stale_level_cap."""
    dates = [a.assessed_on for _, a in files if a.assessed_on]
    day = max(dates) if dates else on
    answers: dict[str, Answer] = {}
    spreads: list[CriterionSpread] = []
    names = [
        a.respondent or Respondent(str(path), None, None, None, None).name for path, a in files
    ]
    # Roles: their own fold (scoring/roles.py); a note of a protected respondent has no name.
    role_fold = RoleFold()
    for _, answer_set in files:
        role_fold.add(answer_set)
    roles = role_fold.finish(model, min_group)
    names = ["" if roles.anonymous(a.role) else n for n, (_, a) in zip(names, files, strict=True)]
    for challenge, criterion in model.criteria():
        levels: list[int] = []
        not_applicable = 0
        unevidenced: int | None = None
        stale: list[tuple[str, float, dt.date]] = []
        for name, (_, answer_set) in zip(names, files, strict=True):
            answer, freshness = cap(
                criterion, answer_set.get(criterion.id), day, model.stale_level_cap
            )
            if freshness is not None:
                stale.append((name, freshness.claimed_level, freshness.review_due))
            if answer.state == "answered" and answer.level is not None:
                level = int(answer.level)
                levels.append(level)
                if answer.lacks_evidence:
                    unevidenced = max(level, unevidenced or 0)
            elif answer.state == "not_applicable":
                not_applicable += 1
        mean = sum(levels) / len(levels) if levels else None
        spreads.append(
            CriterionSpread(
                criterion.id,
                challenge.id,
                mean,
                min(levels) if levels else None,
                max(levels) if levels else None,
                len(levels),
                not_applicable,
                unevidenced,
                tuple(
                    (name, note)
                    for name, (_, answer_set) in zip(names, files, strict=True)
                    if (note := answer_set.get(criterion.id).note)
                ),
                tuple(stale),
            )
        )
        if mean is not None:
            answers[criterion.id] = Answer("answered", mean)
        elif not_applicable:
            answers[criterion.id] = Answer("not_applicable", None, None)
    respondents = tuple(
        Respondent(
            str(path),
            a.organisation,
            a.respondent,
            a.language,
            a.assessed_on,
            roles.group_of(a.role).id if roles.given else None,
        )
        for path, a in files
    )
    languages = Counter(a.language or "-" for _, a in files)
    organisations = {a.organisation for _, a in files if a.organisation}
    combined = AnswerSet(
        model=model.id,
        organisation=organisations.pop() if len(organisations) == 1 else None,
        respondent=None,
        assessed_on=max(dates) if dates else None,
        language=files[0][1].language if len(languages) == 1 else None,
        answers=answers,
    )
    summary = TeamSummary(
        respondents,
        tuple(spreads),
        tuple(sorted(languages.items())),
        roles if roles.given else None,
    )
    return combined, summary
