"""`@frozen` value classes behave as frozen dataclasses: fields, defaults, equality, hash,
order, immutability, copies with changes, pickling."""

from __future__ import annotations

import pickle

import pytest

from csm_check.errors import Problem
from csm_check.frozen import FrozenInstanceError, field, frozen, replace
from csm_check.scoring.results import GateReason


@frozen
class Sample:
    name: str
    count: int = 0
    cache: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def doubled(self) -> int:
        return 2 * self.count


def test_fields_defaults_and_factories() -> None:
    first, second = Sample("a"), Sample("a")
    assert (first.name, first.count, first.cache) == ("a", 0, {})
    assert first.cache is not second.cache  # a new dict for each instance
    assert Sample("b", 3).doubled == 6
    assert Sample(name="b", count=3) == Sample("b", 3)


def test_equality_and_hash_skip_uncompared_fields() -> None:
    assert Sample("a", 1, {"x": 1}) == Sample("a", 1)
    assert hash(Sample("a", 1, {"x": 1})) == hash(Sample("a", 1))
    assert Sample("a", 1) != Sample("a", 2)
    other: object = ("a", 0, {})
    assert Sample("a") != other  # not a tuple: another type is never equal
    assert len({Sample("a"), Sample("a"), Sample("b")}) == 2


def test_repr_shows_the_shown_fields() -> None:
    assert repr(Sample("a", 2, {"x": 1})) == "Sample(name='a', count=2)"
    assert repr(GateReason("incomplete", count=3)) == (
        "GateReason(kind='incomplete', criterion=None, challenge=None, score=None, "
        "threshold=None, previous=None, count=3, legal=(), due=None, finding=None)"
    )


def test_immutable_and_slotted() -> None:
    sample = Sample("a")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'count'"):
        sample.count = 3  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del sample.name
    assert not hasattr(sample, "__dict__")


def test_replace_copies_with_changes() -> None:
    sample = Sample("a", 1, {"x": 1})
    changed = replace(sample, count=5)
    assert changed == Sample("a", 5) and sample.count == 1
    assert changed.cache == {"x": 1}
    with pytest.raises(TypeError, match="no field 'colour'"):
        replace(sample, colour="red")


def test_order_compares_fields_in_turn() -> None:
    problems = [
        Problem("b.yaml", 1, 1, "x"),
        Problem("a.yaml", 9, 1, "y"),
        Problem("a.yaml", 2, 5, "z"),
    ]
    assert [(p.path, p.line) for p in sorted(problems)] == [
        ("a.yaml", 2),
        ("a.yaml", 9),
        ("b.yaml", 1),
    ]
    assert Problem("a", 1, 1, "m") < Problem("a", 1, 2, "m")


def test_pickles() -> None:
    sample = Sample("a", 2, {"x": 1})
    copy = pickle.loads(pickle.dumps(sample))
    assert copy == sample and copy.cache == {"x": 1}


def test_required_field_after_default_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default follows one"):

        @frozen
        class Broken:
            first: int = 0
            second: int  # type: ignore[misc]
