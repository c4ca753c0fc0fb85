"""The answers header's quick path (no pydantic validator on a plainly valid file, for
start-up) accepts nothing pydantic refuses and builds exactly what pydantic builds."""

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from csm_check.answers import AnswersFile, _quick_header

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 3),
    st.floats(allow_nan=False),
    st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
    st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1)),
    st.sampled_from(["en", "de", "EN", "fr", "", "2026-11-27", "x" * 200, "x" * 201]),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
entry = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["customer-chatbot", "x"]),
        "status": st.sampled_from(["live", "pilot", "planned", "off"]),
    },
    optional={
        "name": values,
        "vendor": values,
        "since": values,
        "built_or_branded": values,
        "extra": values,
    },
)  # fmt: skip
headers = st.fixed_dictionaries(
    {"schema_version": st.just(1)},
    optional={
        "model": values,
        "organisation": values,
        "respondent": values,
        "role": values,
        "assessed_on": values,
        "language": values,
        "answers": st.one_of(st.none(), st.just({}), values),
        "ai_use_cases": st.one_of(st.none(), st.lists(entry, max_size=2), values),
        "unknown": values,
    },
)


def validated(data: dict[str, Any]) -> AnswersFile | None:
    try:
        return AnswersFile.model_validate(data)
    except ValidationError:
        return None


@settings(max_examples=600, deadline=None)
@given(headers)
def test_quick_header_agrees_with_pydantic(data: dict[str, Any]) -> None:
    if isinstance(data.get("answers"), dict):  # as parse_answers passes it: answers apart
        data = {**data, "answers": {}}
    quick = _quick_header(data)
    if quick is None:
        return  # pydantic decides, with its messages
    full = validated(data)
    assert full is not None, data  # never accepts what pydantic refuses
    # `answers` is checked answer by answer elsewhere; the header is everything else
    assert quick.model_dump(exclude={"answers"}) == full.model_dump(exclude={"answers"})


def test_the_example_header_takes_the_quick_path() -> None:
    data = {
        "schema_version": 1,
        "model": "csm-2026",
        "organisation": "Beispiel Service GmbH",
        "respondent": None,
        "role": "Teamleitung",
        "assessed_on": dt.date(2026, 11, 27),
        "language": "de",
        "ai_use_cases": [
            {"kind": "customer-chatbot", "status": "live", "since": dt.date(2025, 9, 1)}
        ],
        "answers": {},
    }  # fmt: skip
    quick = _quick_header(data)
    assert quick is not None
    full = AnswersFile.model_validate(data)
    assert quick.model_dump(exclude={"answers"}) == full.model_dump(exclude={"answers"})
    assert _quick_header({**data, "language": "fr"}) is None
    assert _quick_header({k: v for k, v in data.items() if k != "schema_version"}) is None
