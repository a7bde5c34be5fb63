"""untranslated-segment: a segment left in another language (or copied from another version).

Two rules:

* language: the segment is identified (transcheck.langid) as another language with high
  confidence, it has enough letters to trust that, and most of its letters are in
  sentences of that language (a Belarusian paragraph quoting one Russian sentence is
  not untranslated);
* copy: the segment is identical, or nearly, to its aligned counterpart in another
  version. The version at fault is the one whose language the text is not written in.

The result is shared (``ctx.cache``) so that other checks skip untranslated segments:
``"untranslated_segments"`` = set of (lang, segment index), ``"untranslated_rows"`` =
set of alignment row indices. ``untranslated_hits(ctx)`` computes it on demand, so a
check that needs it does not depend on this check being selected or run first.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from transcheck.checks.base import Check, CheckContext
from transcheck.langid import (
    CYRILLIC_LANGS,
    LATIN_LANGS,
    SUPPORTED,
    LangGuess,
    LanguageIdentifier,
    count_letters,
    default_identifier,
)
from transcheck.model import Finding, Severity
from transcheck.sentences import split_sentences


@dataclass(frozen=True)
class UntranslatedHit:
    lang: str  # version at fault
    segment: int
    detected: str
    confidence: float
    share: float  # share of letters in sentences of the detected language
    copied_from: str | None  # the version whose text this one copies (copy rule)
    strong: bool  # enough letters for an error


def identifier(ctx: CheckContext) -> LanguageIdentifier:
    found = ctx.resources.get("langid")
    return found if isinstance(found, LanguageIdentifier) else default_identifier()


def guess(ctx: CheckContext, lang: str, index: int) -> LangGuess:
    """Identified language of one segment, computed once per article."""
    guesses: dict[tuple[str, int], LangGuess] = ctx.cache.setdefault("langid_guesses", {})
    key = (lang, index)
    if key not in guesses:
        guesses[key] = identifier(ctx).identify(ctx.article.versions[lang].segments[index].text)
    return guesses[key]


def untranslated_hits(ctx: CheckContext) -> list[UntranslatedHit]:
    """All untranslated segments of the article; also fills the shared cache keys."""
    hits: list[UntranslatedHit] = ctx.shared("untranslated_hits", lambda: _find(ctx))
    return hits


def _find(ctx: CheckContext) -> list[UntranslatedHit]:
    t = ctx.settings.thresholds
    ident = identifier(ctx)
    # Identify every segment of the article in one batch (parallel in lingua).
    guesses: dict[tuple[str, int], LangGuess] = ctx.cache.setdefault("langid_guesses", {})
    keys = [(lang, seg.index) for lang in ctx.languages if lang in SUPPORTED
            for seg in ctx.article.versions[lang].segments if (lang, seg.index) not in guesses]
    texts = [ctx.article.versions[lang].segments[i].text for lang, i in keys]
    guesses.update(zip(keys, ident.identify_many(texts)))
    hits: dict[tuple[str, int], UntranslatedHit] = {}
    for lang in ctx.languages:
        if lang not in SUPPORTED:
            continue  # we cannot tell what "wrong" is for a language we cannot identify
        for seg in ctx.article.versions[lang].segments:
            g = guess(ctx, lang, seg.index)
            if g.lang is None or g.lang == lang or g.letters < t.untranslated_min_letters:
                continue
            if g.confidence < t.untranslated_min_confidence:
                continue
            if _script(g.lang) != _script(lang) and _own_script_share(seg.text, lang) >= _OWN_SCRIPT_SHARE:
                continue  # e.g. a Russian sentence naming "Microsoft Windows Update": names, not English
            # The fast screen found a foreign segment (rare): confirm with the accurate models.
            g = ident.identify(seg.text, accurate=True)
            if g.lang in (None, lang) or g.confidence < t.untranslated_min_confidence:
                continue
            assert g.lang is not None
            sentences = [s.text for s in split_sentences(seg.text)]
            share = ident.share_in(sentences, g.lang, accurate=True) if len(sentences) > 1 else 1.0
            if share < t.untranslated_min_share:
                continue
            hits[(lang, seg.index)] = UntranslatedHit(
                lang, seg.index, g.lang, g.confidence, share, None, True
            )

    langs = ctx.languages
    for row in ctx.alignment:
        present = [lang for lang in langs if row.get(lang)]
        row_texts = {lang: ctx.text(lang, row[lang]) for lang in present}
        row_letters = {lang: sum(1 for ch in text if ch.isalpha()) for lang, text in row_texts.items()}
        for i, a in enumerate(present):
            for b in present[i + 1 :]:
                ta, tb = row_texts[a], row_texts[b]
                letters = row_letters[a]
                if letters < t.untranslated_copy_min_letters or not _near_identical(
                    ta, tb, t.untranslated_copy_ratio
                ):
                    continue
                g = identifier(ctx).identify(ta)
                for lang, other in ((a, b), (b, a)):
                    if g.lang == lang:
                        continue  # written in this version's language: the other one copied it
                    for index in row[lang]:
                        if (lang, index) not in hits:
                            hits[(lang, index)] = UntranslatedHit(
                                lang,
                                index,
                                g.lang or other,
                                g.confidence,
                                1.0,
                                other,
                                letters >= t.untranslated_min_letters,
                            )
    result = sorted(hits.values(), key=lambda h: (h.segment, h.lang))
    segments = {(h.lang, h.segment) for h in result}
    ctx.cache["untranslated_segments"] = segments
    ctx.cache["untranslated_rows"] = {
        r
        for r, row in enumerate(ctx.alignment)
        if any((lang, i) in segments for lang, idx in row.items() for i in idx)
    }
    return result


# A version whose own script holds this share of the letters is written in it, whatever
# the names (a ru paragraph full of English product names); untranslated text has ~0.
_OWN_SCRIPT_SHARE = 0.25


def _script(lang: str) -> str:
    return "cyr" if lang in CYRILLIC_LANGS else "lat" if lang in LATIN_LANGS else "?"


def _own_script_share(text: str, lang: str) -> float:
    letters, cyr, lat = count_letters(text)
    own = {"cyr": cyr, "lat": lat}.get(_script(lang), 0)
    return own / letters if letters else 0.0


def _near_identical(a: str, b: str, ratio: float) -> bool:
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    if a == b:
        return True
    # Cheap exact prefilter (C, linear-ish): rapidfuzz's Indel similarity is 2·LCS/(|a|+|b|),
    # and difflib's matching blocks never match more than the LCS, so it bounds difflib's
    # ratio from above; only a pair above it pays for difflib (was 1.1 s of a warm run).
    if Indel.normalized_similarity(a, b) < ratio:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= ratio and matcher.quick_ratio() >= ratio and matcher.ratio() >= ratio


class UntranslatedSegment(Check):
    """A segment is not in its version's language: text left untranslated.

    Fires when a segment of at least ``untranslated_min_letters`` letters is identified
    (lingua, restricted to be/ru/uk/bg/en/de/fr/pl/es) as another language with
    probability ≥ ``untranslated_min_confidence``, and at least
    ``untranslated_min_share`` of its letters are in sentences of that language — so
    names and short quotes in another language do not trigger it. Also fires when a
    segment is identical (difflib ratio ≥ ``untranslated_copy_ratio``) to its aligned
    counterpart in another version: the copy in the wrong language is at fault.
    Other checks (divergent-segment) skip the rows this check reports.
    """

    code = "TC201"
    name = "untranslated-segment"
    severity = Severity.ERROR
    category = "meaning"
    example = "The be version's third paragraph is still the Russian text of the ru version."

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for hit in untranslated_hits(ctx):
            seg = ctx.article.versions[hit.lang].segments[hit.segment]
            if hit.copied_from is not None:
                message = (
                    f"{hit.lang} {seg.kind} {hit.segment} is the same text as its "
                    f"{hit.copied_from} counterpart (in {hit.detected}): left untranslated"
                )
            else:
                message = (
                    f"{hit.lang} {seg.kind} {hit.segment} is in {hit.detected}, "
                    f"not {hit.lang}: left untranslated"
                )
            details: dict[str, object] = {
                "detected": hit.detected,
                "confidence": round(hit.confidence, 3),
            }
            if hit.copied_from is not None:
                details["copied_from"] = hit.copied_from
            yield self.finding(
                ctx,
                lang=hit.lang,
                segments={hit.lang: (hit.segment,)},
                message=message,
                severity=None if hit.strong else Severity.WARNING,
                details=details,
            )
