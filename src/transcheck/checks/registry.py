"""The explicit registry of checks, and selection by code prefix or name.

Adding a check = writing its class and listing it in ``ALL_CHECKS``; nothing is
discovered implicitly, so the set of checks a version runs is visible here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from transcheck.checks.base import Check
from transcheck.checks.control import BadSuppression
from transcheck.checks.divergent import DivergentSegment
from transcheck.checks.names import NameInconsistency
from transcheck.checks.numbers import NumberMismatch
from transcheck.checks.structure import ExtraSegment, MissingSegment, MissingVersion
from transcheck.checks.terms import TermMismatch
from transcheck.checks.untranslated import UntranslatedSegment

ALL_CHECKS: tuple[Check, ...] = (
    MissingVersion(),
    MissingSegment(),
    ExtraSegment(),
    UntranslatedSegment(),  # TC201: before TC202, which skips untranslated rows
    DivergentSegment(),  # TC202
    NumberMismatch(),  # TC301
    NameInconsistency(),  # TC401
    TermMismatch(),  # TC402
    BadSuppression(),  # TC900: inline suppression markers that cannot be used
)


def _matches(check: Check, patterns: Iterable[str]) -> bool:
    return any(check.code.startswith(p.upper()) or check.name == p.lower() for p in patterns)


def select_checks(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> tuple[Check, ...]:
    """Checks to run: those matching ``select`` (all if empty) and not matching ``ignore``."""
    chosen = [c for c in ALL_CHECKS if (not select or _matches(c, select)) and not _matches(c, ignore)]
    return tuple(chosen)


def find_check(code_or_name: str) -> Check | None:
    for check in ALL_CHECKS:
        if code_or_name.upper() == check.code or code_or_name.lower() == check.name:
            return check
    return None


def unknown_patterns(patterns: Iterable[str]) -> list[str]:
    """Patterns that match no check: a typo in --select must not silently select nothing."""
    return [p for p in patterns if not any(_matches(c, [p]) for c in ALL_CHECKS)]
