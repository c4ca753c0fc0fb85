"""Relations inside a model file that pydantic cannot see: unique ids and numbers, criterion
prefixes, known and acyclic dependencies, the scale's levels, ascending bands, one text per
level, and `replaces`/`retired` naming only criteria of earlier versions.

Problems come back as (location, message, hint) so the loader can point into the file; the
same checks run on raw data when validation failed, so all problems are reported at once.
"""

from __future__ import annotations

from csm_check.errors import did_you_mean
from csm_check.frozen import frozen
from csm_check.i18n import format_plain_number, message_language, msg
from csm_check.model import LEVELS, Model

Loc = tuple[str | int, ...]


@frozen
class Outline:
    """What the relational checks need of one challenge, with its place in the file."""

    index: int
    id: str | None
    number: int | None
    depends_on: tuple[tuple[int, str], ...]
    criteria: tuple[tuple[int, str], ...]


def outline(model: Model) -> list[Outline]:
    return [
        Outline(
            index,
            challenge.id,
            challenge.number,
            tuple(enumerate(challenge.depends_on)),
            tuple((k, criterion.id) for k, criterion in enumerate(challenge.criteria)),
        )
        for index, challenge in enumerate(model.challenges)
    ]


def raw_outline(data: object) -> list[Outline]:
    """The same from unvalidated data, keeping whatever parts have the right type, so that
    relational problems are reported together with structural ones."""
    challenges = data.get("challenges") if isinstance(data, dict) else None
    if not isinstance(challenges, list):
        return []
    found: list[Outline] = []
    for index, raw in enumerate(challenges):
        if not isinstance(raw, dict):
            continue
        depends = raw.get("depends_on")
        criteria = raw.get("criteria")
        number = raw.get("number")
        found.append(
            Outline(
                index,
                raw["id"] if isinstance(raw.get("id"), str) else None,
                number if isinstance(number, int) and not isinstance(number, bool) else None,
                tuple(
                    (d, name)
                    for d, name in enumerate(depends if isinstance(depends, list) else [])
                    if isinstance(name, str)
                ),
                tuple(
                    (k, item["id"])
                    for k, item in enumerate(criteria if isinstance(criteria, list) else [])
                    if isinstance(item, dict) and isinstance(item.get("id"), str)
                ),
            )
        )
    return found


def model_problems(model: Model) -> list[tuple[Loc, str, str | None]]:
    """Relations pydantic cannot see: unique ids, prefixes, dependencies, scale and bands."""
    found: list[tuple[Loc, str, str | None]] = []
    levels = [level.level for level in model.scale.levels]
    if levels != list(LEVELS):
        found.append((("scale", "levels"), msg("err.scale_levels", levels=levels), None))
    if model.bands.developing >= model.bands.ready:
        language = message_language()
        developing = format_plain_number(model.bands.developing, language)
        ready = format_plain_number(model.bands.ready, language)
        found.append((("bands",), msg("err.bands_order", developing=developing, ready=ready), None))
    found += _version_problems(model) + _register_problems(model)
    return found + relation_problems(outline(model))


def _version_problems(model: Model) -> list[tuple[Loc, str, str | None]]:
    """Own level texts one per level; `replaces` and `retired` name only earlier criteria."""
    found: list[tuple[Loc, str, str | None]] = []
    current = set(model.criterion_ids())
    for c_index, challenge in enumerate(model.challenges):
        for k_index, criterion in enumerate(challenge.criteria):
            here: Loc = ("challenges", c_index, "criteria", k_index)
            if criterion.levels is not None and len(criterion.levels) != len(LEVELS):
                message = msg(
                    "err.criterion_levels", criterion=criterion.id, count=len(criterion.levels)
                )
                found.append(((*here, "levels"), message, None))
            for r_index, old in enumerate(criterion.replaces):
                if old in current:
                    message = msg("err.replaces_current", criterion=criterion.id, old=old)
                    found.append(((*here, "replaces", r_index), message, None))
    for index, old in enumerate(model.retired):
        if old in current:
            found.append((("retired", index), msg("err.retired_current", old=old), None))
    return found


def _register_problems(model: Model) -> list[tuple[Loc, str, str | None]]:
    """The AI use-case catalogue: unique kind ids, and every duty's criteria exist."""
    found: list[tuple[Loc, str, str | None]] = []
    current = set(model.criterion_ids())
    seen: set[str] = set()
    for k_index, kind in enumerate(model.ai_use_case_kinds):
        here: Loc = ("ai_use_case_kinds", k_index)
        if kind.id in seen:
            found.append(((*here, "id"), msg("err.duplicate_use_case_kind", id=kind.id), None))
        seen.add(kind.id)
        for d_index, duty in enumerate(kind.duties):
            for c_index, criterion_id in enumerate(duty.criteria):
                if criterion_id not in current:
                    found.append(
                        (
                            (*here, "duties", d_index, "criteria", c_index),
                            msg("err.duty_unknown_criterion", criterion=criterion_id),
                            did_you_mean(criterion_id, current),
                        )
                    )
    return found


def relation_problems(challenges: list[Outline]) -> list[tuple[Loc, str, str | None]]:
    """Unique ids and numbers, criterion prefixes, known and acyclic dependencies."""
    found: list[tuple[Loc, str, str | None]] = []
    ids = {c.id for c in challenges if c.id is not None}
    seen_challenges: set[str] = set()
    seen_numbers: set[int] = set()
    seen_criteria: set[str] = set()
    for challenge in challenges:
        here: Loc = ("challenges", challenge.index)
        if challenge.id in seen_challenges:
            found.append(((*here, "id"), msg("err.duplicate_challenge_id", id=challenge.id), None))
        if challenge.id is not None:
            seen_challenges.add(challenge.id)
        if challenge.number in seen_numbers:
            message = msg("err.duplicate_challenge_number", number=challenge.number)
            found.append(((*here, "number"), message, None))
        if challenge.number is not None:
            seen_numbers.add(challenge.number)
        for d_index, dependency in challenge.depends_on:
            if dependency not in ids:
                found.append(
                    (
                        (*here, "depends_on", d_index),
                        msg("err.unknown_dependency", id=dependency),
                        did_you_mean(dependency, ids),
                    )
                )
            elif dependency == challenge.id:
                found.append(((*here, "depends_on", d_index), msg("err.self_dependency"), None))
        for k_index, criterion_id in challenge.criteria:
            at: Loc = (*here, "criteria", k_index, "id")
            if challenge.id is not None and not criterion_id.startswith(f"{challenge.id}."):
                message = msg(
                    "err.criterion_prefix", criterion=criterion_id, challenge=challenge.id
                )
                found.append((at, message, None))
            if criterion_id in seen_criteria:
                found.append((at, msg("err.duplicate_criterion_id", id=criterion_id), None))
            seen_criteria.add(criterion_id)
    graph = {
        c.id: [d for _, d in c.depends_on if d != c.id] for c in challenges if c.id is not None
    }
    cycle = _find_cycle(graph)
    if cycle:
        index = next(c.index for c in challenges if c.id == cycle[0])
        found.append(
            (("challenges", index, "depends_on"), msg("err.cycle", cycle=" -> ".join(cycle)), None)
        )
    return found


def _find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
            if nxt in graph and state.get(nxt) is None:
                result = visit(nxt, [*trail, nxt])
                if result:
                    return result
        state[node] = 2
        return None

    for start in graph:
        if state.get(start) is None:
            result = visit(start, [start])
            if result:
                return result
    return None
