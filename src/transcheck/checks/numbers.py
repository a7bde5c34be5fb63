"""Numbers checks: figures, dates and times that differ between versions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from transcheck.checks.base import Check, CheckContext
from transcheck.checks.structure import hidden_segments
from transcheck.checks.untranslated import untranslated_hits
from transcheck.model import Finding, Severity
from transcheck.numbers import Disagreement, Fact, compare_facts, extract_facts

# Per-article cache key: lang -> one list of facts per segment.
FACTS_KEY = "number_facts"


class NumberMismatch(Check):
    """A figure, date or time in one version differs from the other versions.

    For each alignment row where at least two versions have text, the numeric facts
    of each version are extracted and normalised (10,000 = 10 000 = 10.000 in ru style;
    1.5 million = 1,5 млн = 1,5 мільёна; 26 November 2025 = 26.11.2025 = 26 лістапада;
    5% = 5 працэнтаў; 23:55 = 11:55 p.m.; miles converted to km match their conversion).

    A figure written with digits that another version does not state is a mismatch.
    Number words ("four", "чатырох"), ordinal words, Roman numerals and numbers inside
    names (COVID-19, F-16) may match a figure but never raise a finding on their own:
    translators spell them out, add or drop them freely. A figure that moved into a
    neighbouring row (segments merged differently) is not a mismatch.

    The majority decides which version is at fault: with three versions, the one that
    disagrees with the two others; with two versions no side can be singled out.
    A segment untranslated-segment found in the wrong language is left out of the
    comparison (it is reported once, there), and so is a paragraph missing-segment found
    hidden in a merged alignment row.
    """

    code = "TC301"
    name = "number-mismatch"
    severity = Severity.ERROR
    category = "numbers"
    example = (
        "en 'On 27 November, 1,200 people were evacuated.', ru '27 ноября эвакуировали 1200 человек.', "
        "be '26 лістапада эвакуявалі 1200 чалавек.' -> numbers differ: be has 26 лістапада "
        "where ru has 27 ноября and en has 27 November"
    )

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        langs = ctx.languages
        if len(langs) < 2:
            return
        facts: dict[str, list[list[Fact]]] = ctx.shared(FACTS_KEY, lambda: _segment_facts(ctx))
        # A segment left in the wrong language is reported once, by untranslated-segment:
        # its version sits this row out and the others are still compared.
        untranslated_hits(ctx)
        untranslated: set[tuple[str, int]] = ctx.cache.get("untranslated_segments", set())
        rows = ctx.alignment
        # A paragraph missing-segment found hidden inside a merged row is reported once,
        # there: its figures would otherwise read as "no counterpart" in the version lacking it.
        hidden = {(lang, s) for h in hidden_segments(ctx) for lang, segs in h.present.items() for s in segs}

        def row_facts(i: int, lang: str) -> list[Fact]:
            if not 0 <= i < len(rows):
                return []
            return [f for s in rows[i].get(lang, ()) if (lang, s) not in hidden for f in facts[lang][s]]

        for i, row in enumerate(rows):
            present = [
                lang
                for lang in langs
                if row.get(lang) and not all((lang, s) in untranslated for s in row[lang])
            ]
            if len(present) < 2:
                continue
            here = {lang: row_facts(i, lang) for lang in present}
            near = {lang: row_facts(i - 1, lang) + row_facts(i + 1, lang) for lang in present}
            for disagreement in compare_facts(here, near):
                yield self.finding(
                    ctx,
                    lang=disagreement.lang,
                    segments={lang: row[lang] for lang in present},
                    message=_message(disagreement, present),
                    details=_details(disagreement),
                )


def _segment_facts(ctx: CheckContext) -> dict[str, list[list[Fact]]]:
    return {
        lang: [
            extract_facts(s.text, lang, segment=s.index)
            for s in ctx.article.versions[lang].segments
        ]
        for lang in ctx.languages
    }


def _surfaces(facts: Sequence[Fact]) -> list[str]:
    seen: list[str] = []
    for f in facts:
        if f.surface not in seen:
            seen.append(f.surface)
    return seen


def _says(lang: str, facts: Sequence[Fact]) -> str:
    surfaces = _surfaces(facts)
    return f"{lang} has {', '.join(surfaces)}" if surfaces else f"{lang} has no such figure"


def _message(d: Disagreement, langs: Sequence[str]) -> str:
    if d.lang is None:
        return "numbers differ: " + ", ".join(_says(lang, d.facts[lang]) for lang in langs)
    others = [lang for lang in langs if lang != d.lang]
    stating = [lang for lang in others if d.facts[lang]]
    if not d.facts[d.lang]:  # the blamed version dropped the figure
        quoted = ", ".join(f"{lang} {s}" for lang in stating for s in _surfaces(d.facts[lang]))
        return f"numbers differ: {d.lang} has no counterpart of {quoted}"
    if not stating:  # the blamed version added the figure
        return f"numbers differ: {_says(d.lang, d.facts[d.lang])}, which {' and '.join(others)} do not state"
    return f"numbers differ: {_says(d.lang, d.facts[d.lang])} where " + " and ".join(
        _says(lang, d.facts[lang]) for lang in others
    )


def _details(d: Disagreement) -> dict[str, object]:
    return {
        "numbers": {lang: _surfaces(facts) for lang, facts in d.facts.items()},
        "spans": [
            {"lang": lang, "segment": f.segment, "start": f.start, "end": f.end}
            for lang, facts in d.facts.items()
            for f in facts
        ],
    }
