"""What a check is, and the context it runs in.

A check is a small class: a stable ``code`` and ``name``, a default ``severity``, a
``category``, and a docstring that *is* its help text (``transcheck explain CODE``).
``run`` yields findings and never prints. Checks share derived data (detected
languages, sentence splits, sub-alignments) through ``CheckContext``, which computes
each piece once, lazily.

Precondition for meaning checks: a segment left in the wrong language is reported once,
by untranslated-segment (TC201), and other checks skip it. Call
``transcheck.checks.untranslated.untranslated_hits(ctx)`` (computed once per article,
whether or not TC201 is selected), then read ``ctx.cache["untranslated_segments"]``
(set of (lang, segment index)) and ``ctx.cache["untranslated_rows"]`` (set of alignment
row indices).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from transcheck.config import Settings
from transcheck.embed.base import Vectors
from transcheck.model import AlignmentRow, Article, Finding, Segment, Severity

EmbedFn = Callable[[Sequence[str]], Vectors]


@dataclass
class CheckContext:
    """Everything checks may read about one article. ``cache`` holds shared derived data."""

    article: Article
    alignment: tuple[AlignmentRow, ...]
    vectors: Mapping[str, Vectors]  # lang -> one L2-normalised row per segment
    embed: EmbedFn  # cached: a text is never embedded twice
    settings: Settings
    resources: Mapping[str, Any] = field(default_factory=dict)  # run-wide (glossary, language identifier)
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.settings.languages if lang in self.article.versions)

    def segments(self, lang: str, indices: Iterable[int]) -> list[Segment]:
        version = self.article.versions[lang]
        return [version.segments[i] for i in indices]

    def text(self, lang: str, indices: Iterable[int]) -> str:
        return " ".join(s.text for s in self.segments(lang, indices))

    def shared(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute a piece of derived data once per article and share it between checks."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


class Check:
    """Base class: subclasses set the class attributes and implement ``run``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    category: ClassVar[str]  # structure | meaning | numbers | names | terms
    example: ClassVar[str] = ""  # shown by `transcheck explain`

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        ctx: CheckContext,
        *,
        lang: str | None,
        segments: Mapping[str, Sequence[int]],
        message: str,
        severity: Severity | None = None,
        details: Mapping[str, object] | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            name=self.name,
            severity=self.severity if severity is None else severity,
            article=ctx.article.id,
            lang=lang,
            segments={k: tuple(v) for k, v in segments.items() if k in ctx.article.versions or v},
            message=message,
            details=dict(details or {}),
        )

    @classmethod
    def help(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")
