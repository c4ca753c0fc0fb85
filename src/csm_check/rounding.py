"""Rounding as people do it on paper (half up: 71.25 -> 71.3), used for every score shown.

Python's round() rounds ties to even (71.25 -> 71.2), which a manager checking the numbers
by hand would call wrong. Values are first cut to nine decimals so that float noise from a
weighted mean (56.24999999999999) does not decide a tie.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

_CONTEXT = Context(prec=400)  # enough for every finite float cut to nine decimals


def half_up(value: float, digits: int = 1) -> float:
    """`value` rounded half up; NaN and infinities are returned as they are (validated input
    never holds them, and rounding must not be the place that crashes)."""
    if not math.isfinite(value):
        return value
    exact = Decimal(f"{value:.9f}")
    step = Decimal(1).scaleb(-digits)
    return float(exact.quantize(step, rounding=ROUND_HALF_UP, context=_CONTEXT))
