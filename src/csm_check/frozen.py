"""`@frozen`: immutable, slotted value classes that cost little to define.

On Python 3.11 `@dataclass(frozen=True)` compiles six methods per class (`__init__`,
`__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`; four more with `order`):
about half a millisecond each class, paid on every run for the twenty classes on the score
path. Here only `__init__` is compiled (it runs once per instance and must be fast); the
other methods are shared and read the class's `__match_args__`. Semantics as a frozen
dataclass: keyword or positional fields, defaults and `field(default_factory=...,
compare=False, repr=False)`, equality and hash over the compared fields, assignment raises
`FrozenInstanceError`; `replace` stands in for `dataclasses.replace`.
"""

from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, field
from typing import Any, TypeVar, dataclass_transform, overload

_C = TypeVar("_C", bound=type)
_T = TypeVar("_T")

__all__ = ["FrozenInstanceError", "field", "frozen", "replace"]


@overload
def frozen(cls: _C, /) -> _C: ...
@overload
def frozen(*, order: bool = False) -> Callable[[_C], _C]: ...
@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def frozen(cls: _C | None = None, /, *, order: bool = False) -> _C | Callable[[_C], _C]:
    """Make `cls` an immutable value class (see the module docstring)."""

    def wrap(cls: _C) -> _C:
        return _build(cls, order=order)

    return wrap if cls is None else wrap(cls)


def replace(obj: _T, /, **changes: Any) -> _T:
    """A copy of `obj` with `changes` applied (as `dataclasses.replace`)."""
    values = {name: getattr(obj, name) for name in type(obj).__match_args__}  # type: ignore[attr-defined]
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(obj).__qualname__} has no field {sorted(unknown)[0]!r}")
    values.update(changes)
    return type(obj)(**values)


def _build(cls: _C, *, order: bool) -> _C:
    own = cls.__dict__
    names = tuple(own.get("__annotations__", {}))
    for base in cls.__mro__[1:-1]:
        if "__match_args__" in base.__dict__ or "__annotations__" in base.__dict__:
            raise TypeError(f"@frozen {cls.__qualname__}: fields in base classes are not supported")
    globals_: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": MISSING}
    parameters, body, hidden, uncompared = [], [], [], []
    for name in names:
        default = own.get(name, MISSING)
        if isinstance(default, Field):
            if not default.repr:
                hidden.append(name)
            if not default.compare:
                uncompared.append(name)
            if default.default_factory is not MISSING:
                globals_[f"_factory_{name}"] = default.default_factory
                parameters.append(f"{name}=_MISSING")
                body.append(f" if {name} is _MISSING: {name} = _factory_{name}()")
                body.append(f" _set(self, {name!r}, {name})")
                continue
            default = default.default
        if default is not MISSING:
            globals_[f"_default_{name}"] = default
            parameters.append(f"{name}=_default_{name}")
        elif any("=" in parameter for parameter in parameters):
            raise TypeError(f"@frozen {cls.__qualname__}: {name!r} without a default follows one")
        else:
            parameters.append(name)
        body.append(f" _set(self, {name!r}, {name})")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + ("\n".join(body) or " pass")
    exec(source, globals_)
    init = globals_["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    namespace = {key: value for key, value in own.items() if key not in names}
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    namespace.update(
        __slots__=names,
        __match_args__=names,
        _compared=tuple(name for name in names if name not in uncompared),
        _shown=tuple(name for name in names if name not in hidden),
        __init__=init,
        __repr__=_repr,
        __eq__=_eq,
        __hash__=_hash,
        __setattr__=_refuse_set,
        __delattr__=_refuse_delete,
        __reduce__=_reduce,
    )
    if order:
        namespace.update(__lt__=_lt, __le__=_le, __gt__=_gt, __ge__=_ge)
    built = type(cls)(cls.__name__, cls.__bases__, namespace)
    built.__qualname__ = cls.__qualname__
    return built


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in self._compared)


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _lt(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) < _values(other)


def _le(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) <= _values(other)


def _gt(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) > _values(other)


def _ge(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) >= _values(other)


def _refuse_set(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _reduce(self: Any) -> tuple[Any, tuple[Any, ...]]:
    return type(self), tuple(getattr(self, name) for name in self.__match_args__)
