"""Titles in the joint paragraph alignment (transcheck.align.titles): a title run into one
version's first paragraph joins that paragraph's row; a deleted title stays a row of its own.

The fake embedder is a bag of words, so "translations" share their words across versions.
"""

from __future__ import annotations

from collections.abc import Sequence

from transcheck.align import align_versions
from transcheck.align.titles import lede_score, run_in_ratio, title_score, title_words
from transcheck.config import Thresholds

PARAS = [
    "heavy rain floods the town centre overnight",
    "officials closed three schools and a bridge",
    "forecasters expect more storms next week",
    "residents were told to stay at home",
    "volunteers handed out sandbags near the river",
]
TITLES = {"ru": "storm hits the coast town", "en": "storm hits the coast city"}


def _versions(be_first: Sequence[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    texts = {"be": [*be_first, *PARAS[1:]], "ru": [TITLES["ru"], *PARAS], "en": [TITLES["en"], *PARAS]}
    kinds = {lang: ["title" if lang != "be" and i == 0 else "paragraph" for i in range(len(t))]
             for lang, t in texts.items()}
    return texts, kinds


def test_title_run_into_the_first_paragraph_joins_its_row(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    merged = TITLES["ru"] + " " + PARAS[0]
    # A long paragraph's embedding is its body's; the short title adds little (e5 does the same).
    fake_embedder.table[merged] = fake_embedder.embed([PARAS[0]])[0]
    texts, kinds = _versions([merged])
    vectors = {lang: fake_embedder.embed(t) for lang, t in texts.items()}
    fake_embedder.calls.clear()
    rows = align_versions(vectors, texts, fake_embedder.embed, Thresholds(), kinds)
    assert rows[0] == {"be": (0,), "ru": (0, 1), "en": (0, 1)}
    assert all(row == {"be": (i,), "ru": (i + 1,), "en": (i + 1,)} for i, row in enumerate(rows) if i)
    embedded = {t for call in fake_embedder.calls for t in call}
    # the title-sized opening (the test), the ledes' opening words (the veto: one text, the
    # versions' ledes being the same here) and the rest of the paragraph (the re-alignment)
    assert embedded == {TITLES["ru"], " ".join(PARAS[0].split()[:5]), PARAS[0]}
    # the premise: without the test (margin out of reach) the title comes out as missing in be
    off = align_versions(vectors, texts, fake_embedder.embed,
                         Thresholds(align_title_margin=2.0, align_title_run_in=99.0), kinds)
    assert off[0] == {"be": (), "ru": (0,), "en": (0,)}


def test_deleted_title_stays_a_row_of_its_own(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    texts, kinds = _versions([PARAS[0]])
    vectors = {lang: fake_embedder.embed(t) for lang, t in texts.items()}
    rows = align_versions(vectors, texts, fake_embedder.embed, Thresholds(), kinds)
    assert rows[0] == {"be": (), "ru": (0,), "en": (0,)}
    assert all(row == {"be": (i - 1,), "ru": (i,), "en": (i,)} for i, row in enumerate(rows) if i)


def test_title_score_is_measured_against_the_titles_mutual_cosine(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    titles = fake_embedder.embed([TITLES["ru"], TITLES["en"]])
    words = title_words(list(TITLES.values()))
    assert words == 5
    opening = TITLES["ru"] + " " + PARAS[0]
    para_vec = fake_embedder.embed([opening])[0]
    mutual = float(titles[0] @ titles[1])
    assert mutual < 0.99
    score = title_score(opening, para_vec, titles, words, fake_embedder.embed)
    assert abs(score - (1 - mutual) / 2) < 1e-5
    assert title_score(PARAS[0], fake_embedder.embed([PARAS[0]])[0], titles, words, fake_embedder.embed) < 0
    # one title gives nothing to calibrate against
    assert title_score(opening, para_vec, titles[:1], words, fake_embedder.embed) == float("-inf")


def test_title_sized_paragraph_is_not_embedded_again(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    titles = fake_embedder.embed([TITLES["ru"], TITLES["en"]])
    vec = fake_embedder.embed(["storm hits coast"])[0]
    fake_embedder.calls.clear()
    title_score("storm hits coast", vec, titles, 5, fake_embedder.embed)
    assert fake_embedder.calls == []


def test_deleted_title_is_detached_from_a_lede_that_opens_like_the_ledes(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    """be lost its title; its lede's vector is close to the titles (a lede restates its
    headline), so the rows put it with ru's and en's title and lede. Its first words are
    the other ledes' first words, not the titles': the titles become a row be lacks."""
    texts, kinds = _versions([PARAS[0]])
    vectors = {lang: fake_embedder.embed(t) for lang, t in texts.items()}
    title_like = fake_embedder.embed([TITLES["ru"] + " " + PARAS[0]])[0]
    vectors["be"][0] = title_like  # the lede's meaning: its headline's and its own
    titles = fake_embedder.embed([TITLES["ru"], TITLES["en"]])
    assert lede_score(PARAS[0], vectors["be"][0], titles, [PARAS[0], PARAS[0]], 5, fake_embedder.embed) < -0.01
    off = align_versions(vectors, texts, fake_embedder.embed, Thresholds(align_title_detach=float("-inf")), kinds)
    assert off[0] == {"be": (0,), "ru": (0, 1), "en": (0, 1)}  # the premise: joined to the titles
    rows = align_versions(vectors, texts, fake_embedder.embed, Thresholds(), kinds)
    assert rows[0] == {"be": (), "ru": (0,), "en": (0,)}
    assert all(row == {"be": (i - 1,), "ru": (i,), "en": (i,)} for i, row in enumerate(rows) if i)


def test_long_first_sentence_without_the_title_does_not_hold_it(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    """be lost its title and joined its lede's two sentences into one: its first sentence is
    twice the others' (the length test says "title run in"), but it opens with the ledes'
    words, not the titles': the titles stay a row be lacks."""
    lede = "heavy rain floods the town centre overnight. Officials closed three schools and a bridge"
    texts, kinds = _versions(["heavy rain floods the town centre overnight and officials closed three schools and a bridge"])
    texts["ru"][1] = texts["en"][1] = lede
    vectors = {lang: fake_embedder.embed(t) for lang, t in texts.items()}
    assert run_in_ratio(texts, "be", ["ru", "en"]) > 1.3
    off = align_versions(vectors, texts, fake_embedder.embed, Thresholds(align_title_veto=float("-inf")), kinds)
    assert off[0] == {"be": (0,), "ru": (0, 1), "en": (0, 1)}  # the premise: the length test joins them
    rows = align_versions(vectors, texts, fake_embedder.embed, Thresholds(), kinds)
    assert rows[0] == {"be": (), "ru": (0,), "en": (0,)}


def test_lede_score_tells_a_title_opening_from_a_lede_opening(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    titles = fake_embedder.embed([TITLES["ru"], TITLES["en"]])
    ledes = [PARAS[0], PARAS[0]]
    run_in = TITLES["ru"] + " " + PARAS[0]
    assert lede_score(run_in, fake_embedder.embed([run_in])[0], titles, ledes, 5, fake_embedder.embed) > 0
    assert lede_score(PARAS[0], fake_embedder.embed([PARAS[0]])[0], titles, ledes, 5, fake_embedder.embed) < 0
    assert lede_score(PARAS[0], fake_embedder.embed([PARAS[0]])[0], titles, [], 5, fake_embedder.embed) == float("inf")


def test_run_in_ratio_compares_first_sentences() -> None:
    lede = "Heavy rain flooded the town centre overnight. Officials closed three schools."
    rest = [p.capitalize() + "." for p in PARAS[1:]]
    texts = {
        "be": ["Storm hits the coast town " + lede, *rest],
        "ru": ["Storm hits the coast town", lede, *rest],
        "en": ["Storm hits the coast city", lede, *rest],
    }
    assert run_in_ratio(texts, "be", ["ru", "en"]) > 1.3  # the headline has no stop: one sentence with the lede
    texts["be"] = [lede, *rest]  # the title deleted: the same first sentence
    assert 0.8 < run_in_ratio(texts, "be", ["ru", "en"]) < 1.2
    assert run_in_ratio({"be": [lede], "ru": ["Storm"], "en": ["Storm"]}, "be", ["ru", "en"]) == 0.0


def test_title_run_in_found_by_sentence_length_when_its_words_differ(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    """be's title is worded apart from ru's and en's (the bag-of-words prefix scores low), but
    be's first sentence is the lede plus a title: the titles join be's first paragraph."""
    merged = "gale batters harbour village badly " + PARAS[0]
    fake_embedder.table[merged] = fake_embedder.embed([PARAS[0]])[0]
    texts, kinds = _versions([merged])
    vectors = {lang: fake_embedder.embed(t) for lang, t in texts.items()}
    titles = fake_embedder.embed([TITLES["ru"], TITLES["en"]])
    assert title_score(merged, vectors["be"][0], titles, 5, fake_embedder.embed) < 0.005  # the words do not tell
    rows = align_versions(vectors, texts, fake_embedder.embed, Thresholds(), kinds)
    assert rows[0] == {"be": (0,), "ru": (0, 1), "en": (0, 1)}
    off = align_versions(vectors, texts, fake_embedder.embed, Thresholds(align_title_run_in=99.0), kinds)
    assert off[0] == {"be": (), "ru": (0,), "en": (0,)}
