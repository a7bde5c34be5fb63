"""Structure checks: versions and segments that have no counterpart."""

from __future__ import annotations

from typing import Iterable

from transcheck.checks.base import Check, CheckContext
from transcheck.model import Finding, Severity


class MissingVersion(Check):
    """An article lacks one of the configured language versions.

    The article is still checked across the versions it has; the missing one is
    reported so that a forgotten translation does not pass silently.
    """

    code = "TC100"
    name = "missing-version"
    severity = Severity.ERROR
    category = "structure"
    example = "news/2025/kallas.be.md and kallas.en.md exist, kallas.ru.md does not."

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        present = sorted(ctx.article.versions)
        for lang in ctx.article.missing:
            yield self.finding(
                ctx,
                lang=lang,
                segments={},
                message=f"no {lang} version (found: {', '.join(present) or 'none'})",
            )




class MissingSegment(Check):
    """Content present in the other versions has no counterpart in this one.

    Fires on an alignment row where this version is empty while at least one other
    version has text. With three versions, the version at fault is the one that is
    empty; when two of three are empty, the lone segment is reported as an
    ``extra-segment`` instead (the majority decides which side is wrong).
    """

    code = "TC101"
    name = "missing-segment"
    severity = Severity.ERROR
    category = "structure"
    example = "The en version has a paragraph about sanctions; the be version has nothing there."

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        langs = ctx.languages
        for row in ctx.alignment:
            present = [lang for lang in langs if row.get(lang)]
            absent = [lang for lang in langs if not row.get(lang)]
            if not absent or not present:
                continue
            # Two or more versions agree that the content exists: each absent one misses it.
            if len(present) >= 2 or len(langs) == 2:
                for lang in absent:
                    yield self.finding(
                        ctx,
                        lang=lang,
                        segments={p: row[p] for p in present},
                        message=f"{lang} version has no counterpart of {', '.join(present)} "
                        + _describe(ctx, present[0], row[present[0]]),
                    )


class ExtraSegment(Check):
    """A segment with no counterpart in any other version.

    Fires when exactly one version has text in an alignment row and there are at
    least three versions (with two versions, the missing/extra distinction cannot be
    made and ``missing-segment`` is reported).
    """

    code = "TC102"
    name = "extra-segment"
    severity = Severity.WARNING
    category = "structure"
    example = "The ru version has a paragraph that appears in neither be nor en."

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        langs = ctx.languages
        if len(langs) < 3:
            return
        for row in ctx.alignment:
            present = [lang for lang in langs if row.get(lang)]
            if len(present) == 1:
                lang = present[0]
                yield self.finding(
                    ctx,
                    lang=lang,
                    segments={lang: row[lang]},
                    message=f"{lang} {_describe(ctx, lang, row[lang])} has no counterpart in "
                    + ", ".join(other for other in langs if other != lang),
                )


def _describe(ctx: CheckContext, lang: str, indices: tuple[int, ...]) -> str:
    kinds = {s.kind for s in ctx.segments(lang, indices)}
    noun = "segments" if len(indices) > 1 else (kinds.pop() if len(kinds) == 1 else "segment")
    return f"{noun} {', '.join(str(i) for i in indices)}"
