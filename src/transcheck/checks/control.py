"""Checks about transcheck's own control inputs (inline suppression markers)."""

from __future__ import annotations

from collections.abc import Iterable

from transcheck.checks.base import Check, CheckContext
from transcheck.model import Finding, Severity
from transcheck.suppress import BAD_SUPPRESSION_CODE, markers_of


class BadSuppression(Check):
    """A ``transcheck: ignore`` marker that cannot be used.

    Markers must name checks that exist, give a reason after ``--``, and precede a segment.
    Such a marker silences nothing, so the finding it meant to silence is still reported,
    and this warning says what to fix. See docs/suppressions.md for the syntax.
    """

    code = BAD_SUPPRESSION_CODE
    name = "bad-suppression"
    severity = Severity.WARNING
    category = "control"
    example = "<!-- transcheck: ignore number-mismatch --> (no reason given)"

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for marker in markers_of(ctx.article):
            if marker.problem is None:
                continue
            segments = {marker.lang: (marker.target,)} if marker.target is not None else {}
            yield self.finding(
                ctx,
                lang=marker.lang,
                segments=segments,
                message=f"suppression marker on line {marker.line} {marker.problem}",
                details={"line": marker.line, "checks": list(marker.checks)},
            )
