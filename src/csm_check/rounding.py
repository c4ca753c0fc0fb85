"""Rounding as people do it on paper (half up: 71.25 -> 71.3), used for every score shown.

Python's round() rounds ties to even (71.25 -> 71.2), which a manager checking the numbers
by hand would call wrong. Values are first cut to nine decimals so that float noise from a
weighted mean (56.24999999999999) does not decide a tie.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def half_up(value: float, digits: int = 1) -> float:
    exact = Decimal(f"{value:.9f}")
    return float(exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
