"""The registered languages, in order (English first): the one place that lists them.

English and German are built in: listed here by code and loaded from their modules
(`en.py`, `de.py`) the first time a text, a separator or a name is needed, so that
`--version` and `--help` pay nothing for the catalogs. `register_language` adds another
language at run time; it checks the catalog against English so that `t` can never miss a
key or a `{field}` in any registered language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csm_check.i18n.language import LanguageDefinition


def _english() -> LanguageDefinition:
    from csm_check.i18n.en import LANGUAGE

    return LANGUAGE


def _german() -> LanguageDefinition:
    from csm_check.i18n.de import LANGUAGE

    return LANGUAGE


ENGLISH = "en"
# Built-in languages: code -> loader of the definition (the tests check their catalogs).
_BUILT_IN: dict[str, Callable[[], LanguageDefinition]] = {ENGLISH: _english, "de": _german}
_FIELD = re.compile(r"\{(\w*)")

# code -> definition, or None for a built-in language not loaded yet; in order of registration
_registry: dict[str, LanguageDefinition | None] = dict.fromkeys(_BUILT_IN)


def fields(text: str) -> list[str]:
    """The `{fields}` of a UI text, sorted (a field used twice counts twice)."""
    return sorted(_FIELD.findall(text))


def catalog_problems(language: LanguageDefinition) -> list[str]:
    """What keeps `language`'s catalog from matching the English one (empty if nothing)."""
    reference = definition(ENGLISH).catalog
    catalog = language.catalog
    problems = [f"missing key '{key}'" for key in reference if key not in catalog]
    problems += [f"unknown key '{key}'" for key in catalog if key not in reference]
    for key, text in catalog.items():
        if key not in reference:
            continue
        if not isinstance(text, str) or not text.strip():
            problems.append(f"empty text for '{key}'")
        elif fields(text) != fields(reference[key]):
            english = fields(reference[key])
            problems.append(f"'{key}' has fields {fields(text)}, English has {english}")
    return problems


def register_language(language: LanguageDefinition) -> LanguageDefinition:
    """Add a language; registering the same definition again changes nothing.

    Raises ValueError for an invalid code, a catalog that does not match the English one
    (a missing or unknown key, an empty text, different `{fields}`), or a different
    definition under a code that is already registered.
    """
    code = language.code
    if not re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)*", code):
        raise ValueError(f"language code {code!r}: use lowercase letters, like 'fr' or 'pt-br'")
    if code in _registry:
        known = definition(code)
        if known == language:
            return known
        raise ValueError(f"language {code!r} is already registered with another definition")
    problems = catalog_problems(language)
    if problems:
        raise ValueError(f"catalog of language {code!r}: " + "; ".join(problems))
    _registry[code] = language
    return language


def unregister_language(code: str) -> None:
    """Remove a language added with `register_language` (English and German stay)."""
    if code in _BUILT_IN:
        raise ValueError(f"language {code!r} is built in and cannot be removed")
    _registry.pop(code, None)


def languages() -> tuple[str, ...]:
    """The registered language codes, English first, then in the order of registration."""
    return tuple(_registry)


def definition(code: str) -> LanguageDefinition:
    """The definition of a registered language (KeyError for any other code)."""
    found = _registry[code]
    if found is None:
        found = _registry[code] = _BUILT_IN[code]()
    return found


def is_registered(code: object) -> bool:
    return isinstance(code, str) and code in _registry


def choices_text(joiner: str, *, quote: bool = False) -> str:
    """The codes as a list in running text: `en or de`, `'en', 'de' or 'xx'`."""
    codes = [f"'{code}'" if quote else code for code in _registry]
    if len(codes) == 1:
        return codes[0]
    return f"{', '.join(codes[:-1])} {joiner} {codes[-1]}"
