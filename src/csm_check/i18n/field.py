"""`LanguageCode`: the pydantic type of every `language:` value (answers, config, report).

Checked against the registry when a value is validated, not when a schema is built, so a
language registered later is accepted by models that pydantic has already compiled. A
wrong value fails like a `Literal` of the codes did ("'language' must be 'en' or 'de',
got 'english'"), and the JSON Schema is the same `{"enum": [...], "type": "string"}`.
Imports pydantic: only the modules that validate files import this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from pydantic_core import PydanticCustomError, core_schema

if TYPE_CHECKING:  # annotations only: pydantic.json_schema costs a millisecond at start-up
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue

from csm_check.i18n.registry import choices_text, is_registered, languages


def _check(value: Any) -> str:
    if is_registered(value):
        return str(value)
    # The error type pydantic uses for a Literal, so messages stay those of a Literal.
    raise PydanticCustomError(
        "literal_error",
        "Input should be {expected}",
        {"expected": choices_text("or", quote=True)},
    )


class _LanguageCodeSchema:
    """Annotation marker: validation and JSON Schema both read the registry when used."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _check, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"enum": list(languages()), "type": "string"}


LanguageCode = Annotated[str, _LanguageCodeSchema()]
