"""The registered languages, in order (English first): the one place that lists them.

English and German are registered when csm_check.i18n is imported. `register_language`
adds another at run time; it checks the catalog against English so that `t` can never
miss a key or a `{field}` in any registered language.
"""

from __future__ import annotations

import re

from csm_check.i18n.de import LANGUAGE as GERMAN
from csm_check.i18n.definition import LanguageDefinition
from csm_check.i18n.en import CATALOG as ENGLISH_CATALOG
from csm_check.i18n.en import LANGUAGE as ENGLISH_LANGUAGE

ENGLISH = ENGLISH_LANGUAGE.code
_BUILT_IN = frozenset({ENGLISH_LANGUAGE.code, GERMAN.code})
_FIELD = re.compile(r"\{(\w*)")

_registry: dict[str, LanguageDefinition] = {}


def fields(text: str) -> list[str]:
    """The `{fields}` of a UI text, sorted (a field used twice counts twice)."""
    return sorted(_FIELD.findall(text))


def catalog_problems(definition: LanguageDefinition) -> list[str]:
    """What keeps `definition`'s catalog from matching the English one (empty if nothing)."""
    reference = ENGLISH_CATALOG
    catalog = definition.catalog
    problems = [f"missing key '{key}'" for key in reference if key not in catalog]
    problems += [f"unknown key '{key}'" for key in catalog if key not in reference]
    for key, text in catalog.items():
        if key not in reference:
            continue
        if not isinstance(text, str) or not text.strip():
            problems.append(f"empty text for '{key}'")
        elif fields(text) != fields(reference[key]):
            problems.append(
                f"'{key}' has fields {fields(text)}, English has {fields(reference[key])}"
            )
    return problems


def register_language(definition: LanguageDefinition) -> LanguageDefinition:
    """Add a language; registering the same definition again changes nothing.

    Raises ValueError for an invalid code, a catalog that does not match the English one
    (a missing or unknown key, an empty text, different `{fields}`), or a different
    definition under a code that is already registered.
    """
    code = definition.code
    if not re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)*", code):
        raise ValueError(f"language code {code!r}: use lowercase letters, like 'fr' or 'pt-br'")
    known = _registry.get(code)
    if known is not None:
        if known == definition:
            return known
        raise ValueError(f"language {code!r} is already registered with another definition")
    problems = catalog_problems(definition)
    if problems:
        raise ValueError(f"catalog of language {code!r}: " + "; ".join(problems))
    _registry[code] = definition
    return definition


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
    return _registry[code]


def is_registered(code: object) -> bool:
    return isinstance(code, str) and code in _registry


def choices_text(joiner: str, *, quote: bool = False) -> str:
    """The codes as a list in running text: `en or de`, `'en', 'de' or 'xx'`."""
    codes = [f"'{code}'" if quote else code for code in _registry]
    if len(codes) == 1:
        return codes[0]
    return f"{', '.join(codes[:-1])} {joiner} {codes[-1]}"


register_language(ENGLISH_LANGUAGE)
register_language(GERMAN)
