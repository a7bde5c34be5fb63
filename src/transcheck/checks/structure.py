"""Structure checks: versions and segments that have no counterpart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from transcheck.checks.base import Check, CheckContext
from transcheck.model import Finding, Severity
from transcheck.sentences import edge_runs

# Per-article cache key: row index -> (neighbour row, best cosine) for rows whose lone
# content an adjacent row's counterpart covers (see ``split_cover``).
COVER_KEY = "orphan_cover"
# Per-article cache key: see ``hidden_segments``.
PEEL_KEY = "hidden_segments"


@dataclass(frozen=True)
class Hidden:
    """An edge segment of a merged row that the row's single-segment versions lack."""

    row: int
    present: dict[str, tuple[int, ...]]  # lang -> the peeled segment, for the versions that have it
    absent: tuple[str, ...]  # the versions that lack it
    cover: float  # best cosine of the peeled content with an edge run of the absent versions


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
        for r, row in enumerate(ctx.alignment):
            present = [lang for lang in langs if row.get(lang)]
            absent = [lang for lang in langs if not row.get(lang)]
            if not absent or not present:
                continue
            # Two or more versions agree that the content exists: each absent one misses it.
            if len(present) >= 2 or len(langs) == 2:
                cover = _cover(ctx).get(r)
                for lang in absent:
                    message = f"{lang} version has no counterpart of {', '.join(present)} " + _describe(
                        ctx, present[0], row[present[0]]
                    )
                    yield self.finding(
                        ctx,
                        lang=lang,
                        segments={p: row[p] for p in present},
                        message=message if cover is None else message + _split_note(cover),
                        severity=None if cover is None else Severity.INFO,
                        details={} if cover is None else {"split_of_row": cover[0], "similarity": round(cover[1], 3)},
                    )
        for hidden in hidden_segments(ctx):
            present = [lang for lang in langs if lang in hidden.present]
            if len(present) >= 2 or len(langs) == 2:
                for lang in hidden.absent:
                    yield self.finding(
                        ctx,
                        lang=lang,
                        segments=hidden.present,
                        message=f"{lang} version has no counterpart of {', '.join(present)} "
                        + _describe(ctx, present[0], hidden.present[present[0]])
                        + f" (merged into the adjacent paragraph by the alignment, similarity {hidden.cover:.2f})",
                        details={"hidden_in_row": hidden.row},
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
        for r, row in enumerate(ctx.alignment):
            present = [lang for lang in langs if row.get(lang)]
            if len(present) == 1:
                lang = present[0]
                cover = _cover(ctx).get(r)
                message = f"{lang} {_describe(ctx, lang, row[lang])} has no counterpart in " + ", ".join(
                    other for other in langs if other != lang
                )
                yield self.finding(
                    ctx,
                    lang=lang,
                    segments={lang: row[lang]},
                    message=message if cover is None else message + _split_note(cover),
                    severity=None if cover is None else Severity.INFO,
                    details={} if cover is None else {"split_of_row": cover[0], "similarity": round(cover[1], 3)},
                )
        for hidden in hidden_segments(ctx):
            if len(hidden.present) == 1:
                lang = next(iter(hidden.present))
                yield self.finding(
                    ctx,
                    lang=lang,
                    segments=hidden.present,
                    message=f"{lang} {_describe(ctx, lang, hidden.present[lang])} has no counterpart in "
                    + ", ".join(hidden.absent)
                    + f" (merged into the adjacent paragraph by the alignment, similarity {hidden.cover:.2f})",
                    details={"hidden_in_row": hidden.row},
                )


def _describe(ctx: CheckContext, lang: str, indices: tuple[int, ...]) -> str:
    kinds = {s.kind for s in ctx.segments(lang, indices)}
    noun = "segments" if len(indices) > 1 else (kinds.pop() if len(kinds) == 1 else "segment")
    return f"{noun} {', '.join(str(i) for i in indices)}"


def _split_note(cover: tuple[int, float]) -> str:
    return f" of its own (likely split or merged differently: the adjacent row holds it, similarity {cover[1]:.2f})"


def _cover(ctx: CheckContext) -> dict[int, tuple[int, float]]:
    result: dict[int, tuple[int, float]] = ctx.shared(COVER_KEY, lambda: split_cover(ctx))
    return result


def split_cover(ctx: CheckContext) -> dict[int, tuple[int, float]]:
    """Rows with an empty version whose content an adjacent row already holds.

    The paragraph aligner sees a paragraph split in one version as a 1-1 row plus a row of
    its own for the split-off half (averaged e5 vectors barely move when a short half is
    added, so the 1-2 bead does not win). The sentences show it: in the adjacent row, the
    empty version's segment starts (row after) or ends (row before) with a run of
    sentences that translates the lone content. A run of all its sentences does not count
    (that is a plain 1-1 match, not a split), so a one-sentence neighbour never covers.
    Every (empty version, present version) pair must reach ``align_orphan_cover``.
    Returns row index -> (covering row, weakest best cosine).
    """
    threshold = ctx.settings.thresholds.align_orphan_cover
    langs = ctx.languages
    rows = ctx.alignment
    out: dict[int, tuple[int, float]] = {}
    for r, row in enumerate(rows):
        present = [lang for lang in langs if row.get(lang)]
        absent = [lang for lang in langs if not row.get(lang)]
        if not present or not absent:
            continue
        best: tuple[int, float] | None = None
        for n in (r - 1, r + 1):
            if not 0 <= n < len(rows) or not all(rows[n].get(lang) for lang in absent):
                continue
            weakest = 1.0
            for lang in absent:
                runs = edge_runs(ctx.text(lang, rows[n][lang]), at_start=n > r)
                if not runs:
                    weakest = -1.0
                    break
                run_vecs = np.asarray(ctx.embed(runs), dtype=np.float64)
                for other in present:
                    lone = np.asarray(ctx.embed([ctx.text(other, row[other])]), dtype=np.float64)[0]
                    weakest = min(weakest, float((run_vecs @ lone).max()))
            if weakest >= threshold and (best is None or weakest > best[1]):
                best = (n, weakest)
        if best is not None:
            out[r] = best
    return out


def hidden_segments(ctx: CheckContext) -> list[Hidden]:
    """Paragraphs present in some versions that the aligner merged into a 2-1 (k-1) row.

    In short articles a dropped paragraph often costs the DP more as a skip than inside a
    1-2 bead with its neighbour (margins of a handful of paragraphs are weak), so it shows
    up as no missing row at all. In a row where versions X have k >= 2 segments and the
    others one, an edge segment of X is peeled off when, for every (X, other) pair, it is
    the odd one out (the rest of X's segments are closer to the other's segment than it is)
    and the other's edge runs of sentences do not translate it (below ``align_peel_cover``;
    a segment of one long sentence is cut into runs of words instead, a short one covers
    nothing). At most one edge per row, the odder one.
    """
    result: list[Hidden] = ctx.shared(PEEL_KEY, lambda: _hidden_segments(ctx))
    return result


def _hidden_segments(ctx: CheckContext) -> list[Hidden]:
    threshold = ctx.settings.thresholds.align_peel_cover
    langs = ctx.languages
    out: list[Hidden] = []
    for r, row in enumerate(ctx.alignment):
        counts = {lang: len(row.get(lang, ())) for lang in langs}
        k = max(counts.values(), default=0)
        many = [lang for lang in langs if counts[lang] == k]
        single = [lang for lang in langs if counts[lang] == 1]
        if k < 2 or not single or len(many) + len(single) != len(langs):
            continue
        best: Hidden | None = None
        best_odd = 0.0
        for at_start in (True, False):
            odd, cover = 1.0, -1.0
            for other in single:
                text = ctx.text(other, row[other])
                single_vec = np.asarray(ctx.embed([text]), dtype=np.float64)[0]
                runs = edge_runs(text, at_start=at_start)
                run_vecs = np.asarray(ctx.embed(runs), dtype=np.float64) if runs else None
                for lang in many:
                    edge = row[lang][0] if at_start else row[lang][-1]
                    rest = [i for i in row[lang] if i != edge]
                    edge_text, rest_text = ctx.text(lang, [edge]), ctx.text(lang, rest)
                    edge_vec, rest_vec = np.asarray(ctx.embed([edge_text, rest_text]), dtype=np.float64)
                    odd = min(odd, float(single_vec @ rest_vec - single_vec @ edge_vec))
                    vecs = run_vecs
                    if vecs is None:
                        words = _word_runs(text, len(edge_text) / max(len(edge_text) + len(rest_text), 1),
                                           at_start=at_start)
                        vecs = np.asarray(ctx.embed(words), dtype=np.float64) if words else None
                    if vecs is not None:
                        cover = max(cover, float((vecs @ edge_vec).max()))
            if odd > best_odd and cover < threshold:
                best_odd = odd
                best = Hidden(
                    row=r,
                    present={lang: ((row[lang][0],) if at_start else (row[lang][-1],)) for lang in many},
                    absent=tuple(single),
                    cover=cover,
                )
        if best is not None:
            out.append(best)
    return out


def _word_runs(text: str, share: float, *, at_start: bool) -> list[str]:
    """For a single segment the sentence splitter sees as one sentence: its first (or last)
    words in proportion to the edge piece's share of its own version, at 3/4, 1 and 5/4 of
    that share. Why: headlines run together without a full stop (NTREX dailymail-298622:
    "… to help the homeless Foreign buyers are set to …") made a long paragraph one sentence,
    which covered nothing, so a harmless split was peeled as an added paragraph
    (benchmarks/quality.py --seed 11 and 13, with a number-mismatch as its consequence)."""
    words = text.split()
    if len(words) < MIN_WORD_RUN * 2:
        return []  # a short sentence: nothing to cut (a dropped paragraph beside it is peeled)
    out: list[str] = []
    for factor in (0.75, 1.0, 1.25):
        n = round(len(words) * share * factor)
        run = " ".join(words[:n] if at_start else words[-n:]) if MIN_WORD_RUN <= n < len(words) else ""
        if run and run not in out:
            out.append(run)
    return out


MIN_WORD_RUN = 6  # words: shorter pieces of a sentence embed to noise
