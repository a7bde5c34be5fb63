"""term-mismatch: a glossary term rendered without its approved form, or a forbidden variant.

The glossary (Settings.glossary, loaded once per run by pipeline.load_resources) pins one
approved form per language for each concept. Matching is by stems (Russian also by
pymorphy3 lemmas), so "Немецкой волны" is "Немецкая волна"; acronyms match exactly.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from transcheck.checks.base import Check, CheckContext
from transcheck.checks.names import article_names, misspellings
from transcheck.glossary import Glossary, Term
from transcheck.model import Finding, Severity
from transcheck.morphology import same_word
from transcheck.names import Token, cross_match, spans, tokenize


@functools.lru_cache(maxsize=4096)
def form_tokens(form: str, lang: str) -> tuple[Token, ...]:
    return tuple(tokenize(form, lang, 0))


def _word_equal(pattern: Token, token: Token, lang: str) -> bool:
    if pattern.acronym:
        return pattern.text == token.text
    if pattern.stem == token.stem:
        return True
    # Lemma comparison only for Russian words that start alike (cheap filter first).
    return lang == "ru" and pattern.stem[:3] == token.stem[:3] and same_word(pattern.text, token.text, lang)


def find_form(tokens: Sequence[Token], form: str, lang: str) -> list[list[Token]]:
    """Occurrences of ``form`` (inflected forms count) among one segment's consecutive tokens."""
    pattern = form_tokens(form, lang)
    if not pattern:
        return []
    hits = []
    for i in range(len(tokens) - len(pattern) + 1):
        window = tokens[i:i + len(pattern)]
        if window[0].segment != window[-1].segment:
            continue
        if all(_word_equal(p, t, lang) for p, t in zip(pattern, window)):
            hits.append(list(window))
    return hits


def find_any(tokens: Sequence[Token], forms: Iterable[str], lang: str) -> list[list[Token]]:
    out: list[list[Token]] = []
    for form in forms:
        out.extend(find_form(tokens, form, lang))
    return out


class TermMismatch(Check):
    """A glossary term lacks its approved form in a version, or a forbidden variant is used.

    When the other versions of an aligned segment contain a glossary term's approved form
    (inflected forms count; with three or more versions, at least two must), a version the
    glossary covers must contain its own approved form there (warning). A forbidden variant is an
    error wherever it appears. The glossary comes from ``glossary =`` in the config or
    ``--glossary FILE`` (CSV, TBX or YAML; see transcheck.glossary).
    """

    code = "TC402"
    name = "term-mismatch"
    severity = Severity.WARNING
    category = "terms"
    example = "The glossary pins 'Deutsche Welle' / 'Немецкая волна'; the en text says 'German Wave'."

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        glossary = ctx.resources.get("glossary")
        if not isinstance(glossary, Glossary) or not ctx.languages:
            return
        data = article_names(ctx)
        skip_segments: set[tuple[str, int]] = ctx.cache.get("untranslated_segments", set())
        for term in glossary.terms:
            yield from self._forbidden(ctx, term, data.tokens, skip_segments)
        # Misspelt names (Callas among Kallas) are name-inconsistency findings: not again here.
        odd = {(t.lang, t.segment, t.start): t for _, tokens, _, _, _ in misspellings(ctx) for t in tokens}
        for row in data.usable:
            row_tokens = {lang: data.in_row(lang, row, names_only=False) for lang in ctx.languages}
            for term in glossary.terms:
                yield from self._row(ctx, term, row, row_tokens, odd)

    def _forbidden(self, ctx: CheckContext, term: Term, tokens: dict[str, list[Token]],
                   skip: set[tuple[str, int]]) -> Iterable[Finding]:
        for lang in ctx.languages:
            for hit in find_any(tokens[lang], term.forbidden.get(lang, ()), lang):
                if (lang, hit[0].segment) in skip:
                    continue
                used = _surface(ctx, hit)
                approved = term.approved.get(lang, ())
                instead = f"; use '{approved[0]}'" if approved else ""
                yield self.finding(
                    ctx,
                    lang=lang,
                    segments={lang: [hit[0].segment]},
                    severity=Severity.ERROR,
                    message=f"forbidden variant '{used}' of '{term.concept}' in {lang}{instead}",
                    details={"spans": spans(hit), "term": term.concept, "forbidden": used,
                             "approved": list(approved)},
                )

    def _row(self, ctx: CheckContext, term: Term, row: int, row_tokens: dict[str, list[Token]],
             odd: dict[tuple[str, int, int], Token]) -> Iterable[Finding]:
        approved_hits = {lang: find_any(row_tokens[lang], term.approved.get(lang, ()), lang) for lang in ctx.languages}
        present = {lang: hits for lang, hits in approved_hits.items() if hits}
        forbidden_langs = {lang for lang in ctx.languages
                           if find_any(row_tokens[lang], term.forbidden.get(lang, ()), lang)}
        if not present and not forbidden_langs:
            return
        for lang in ctx.languages:
            if lang in present or lang in forbidden_langs or lang not in term.approved:
                continue  # has it, or already reported as forbidden, or glossary silent
            witnesses = [(other, hits[0]) for other, hits in present.items()]
            # With three or more versions the majority decides: one version alone having the
            # term may be the odd one out (benchmarks/names_terms.py: halves false alarms).
            needed = 2 if len(ctx.languages) >= 3 else 1
            if len(witnesses) < needed or _has_misspelling(
                term, lang, row_tokens[lang], odd, ctx.settings.thresholds.names_lenient_slack
            ):
                continue
            seen = ", ".join(f"'{_surface(ctx, hit)}' ({other})" for other, hit in witnesses)
            # The term is there, derived or inflected past the stemmer (Greenlandic for
            # Greenland, Бразильский, Атланты for Атланце) or copied in Latin letters
            # (Washington Capitals): INFO. benchmarks/names_terms.py, generated glossary:
            # these were ~2/3 of the warnings on clean articles.
            related = _related(term, lang, row_tokens[lang], [hit for _, hit in witnesses])
            yield self.finding(
                ctx,
                lang=lang,
                severity=Severity.INFO if related else None,
                segments={x: ctx.alignment[row].get(x, ()) for x in ctx.languages},
                message=f"{lang} segment lacks the approved '{term.approved[lang][0]}' for {seen}",
                details={"spans": spans(t for _, hit in witnesses for t in hit), "term": term.concept,
                         "approved": list(term.approved[lang])},
            )


def _has_misspelling(term: Term, lang: str, tokens: list[Token], odd: dict[tuple[str, int, int], Token],
                     slack: int = 1) -> bool:
    """Does the segment hold a misspelt name that stands for one of the term's words?"""
    words = [w for form in term.approved.get(lang, ()) for w in form_tokens(form, lang)]
    for t in tokens:
        if (t.lang, t.segment, t.start) in odd and any(
            cross_match(t.text, lang, w.text, lang, slack=slack) for w in words
        ):
            return True
    return False


def _derived(a: str, b: str) -> bool:
    """One stem a prefix of the other, give or take two final letters (greenland/greenlandic,
    атлант/атланц, панама/панаму), at least 4 letters shared, or the stem inside a compound
    (зеланд in новозеландск); Гінес/Гінэс, Провенцано/Провензано (respellings) are not."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    if common >= 4 and common >= min(len(a), len(b)) - 2:
        return True
    return len(a) >= 5 and a[:-1] in b


def _related(term: Term, lang: str, tokens: Sequence[Token], witnesses: Sequence[Sequence[Token]]) -> bool:
    """Does the segment hold the term in another form: every word of an approved form
    derived or inflected (немецкое радио is not Немецкая волна), or a witness's Latin words
    copied as they are?"""
    for form in term.approved.get(lang, ()):
        words = form_tokens(form, lang)
        if words and all(len(w.stem) >= 4 and any(_derived(w.stem, t.stem) for t in tokens) for w in words):
            return True
    if lang != "en":
        latin = {t.text.lower() for hit in witnesses for t in hit if t.text.isascii()}
        return any(t.text.isascii() and t.text.lower() in latin for t in tokens)
    return False


def _surface(ctx: CheckContext, hit: list[Token]) -> str:
    first, last = hit[0], hit[-1]
    text = ctx.article.versions[first.lang].segments[first.segment].text
    return text[first.start:last.end]
