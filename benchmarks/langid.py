"""Language identification accuracy on ../shared/data, per data set and language.

Prints, for transcheck.langid.LanguageIdentifier (lingua, small language set) and for
plain langdetect (seeded), the accuracy per (data set, true language), the confusion
counts (including how often be is taken for "uk"), and the time per text.

    python benchmarks/langid.py [--data ../shared/data]

There is no Ukrainian in shared/data; the ten Ukrainian sentences below were written
for this benchmark (authored, not a benchmark set): they are only a sanity check that
"uk" can be recognised at all, not a measured accuracy.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import time
from collections.abc import Callable
from pathlib import Path

from transcheck.langid import LanguageIdentifier

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"
ISO3 = {"bel": "be", "rus": "ru", "eng": "en"}

# Authored for this sanity check (not from any corpus).
UK_AUTHORED = [
    "Уряд України оголосив про нові заходи підтримки для малого бізнесу.",
    "Учора в Києві пройшла велика виставка сучасного мистецтва.",
    "Вчені з'ясували, що клімат у регіоні змінюється швидше, ніж очікувалося.",
    "Міністр заявив, що переговори триватимуть і наступного тижня.",
    "Ціни на пальне знову зросли через подорожчання нафти на світовому ринку.",
    "Футбольна збірна здобула перемогу у важкому матчі проти суперників.",
    "Дослідники знайшли в горах рідкісний вид квітки, який вважали зниклим.",
    "Їхня родина переїхала до Львова кілька років тому.",
    "Компанія планує відкрити ще три заводи в західних областях країни.",
    "Громадяни можуть подати заяву через електронний сервіс без черг.",
]


def load(data: Path) -> dict[str, list[tuple[str, str]]]:
    """Data set name -> [(true lang, text)]."""
    sets: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    articles = [json.loads(line) for line in (data / "flores200_articles.jsonl").open(encoding="utf-8")]
    for rec in articles:
        for lang in ("be", "ru", "en"):
            sets["flores-sent"].extend((lang, s) for s in rec[lang])
            sets["flores-para"].append((lang, " ".join(rec[lang])))
    for line in (data / "ntrex128_dev_documents.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        for lang in ("be", "ru", "en"):
            sets["ntrex-sent"].extend((lang, s) for s in rec[lang])
    with (data / "udhr_paragraphs.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for iso3, lang in ISO3.items():
                if row.get(iso3):
                    sets["udhr-para"].append((lang, row[iso3]))
    with (data / "tatoeba_bel_rus_eng.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                for lang, text in zip(("be", "ru", "en"), parts):
                    sets["tatoeba-sent"].append((lang, text))
    sets["uk-authored"] = [("uk", s) for s in UK_AUTHORED]
    return sets


def langdetect_fn() -> Callable[[str], str | None]:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def run(text: str) -> str | None:
        try:
            return str(detect(text))
        except LangDetectException:
            return None

    return run


def evaluate(name: str, fn: Callable[[str], str | None], sets: dict[str, list[tuple[str, str]]]) -> None:
    print(f"\n=== {name} ===")
    print(f"{'set':14} {'lang':4} {'n':>6} {'acc':>7}  top confusions")
    overall: collections.Counter[tuple[str, str | None]] = collections.Counter()
    total_time = 0.0
    total_n = 0
    for set_name, items in sets.items():
        by_lang: dict[str, collections.Counter[str | None]] = collections.defaultdict(collections.Counter)
        start = time.perf_counter()
        for lang, text in items:
            by_lang[lang][fn(text)] += 1
        total_time += time.perf_counter() - start
        total_n += len(items)
        for lang, counts in by_lang.items():
            n = sum(counts.values())
            wrong = [(k, v) for k, v in counts.most_common() if k != lang][:3]
            print(f"{set_name:14} {lang:4} {n:6d} {counts[lang] / n:7.4f}  {wrong}")
            for k, v in counts.items():
                overall[(lang, k)] += v
    print("confusion (true -> predicted: count), all sets:")
    for true in ("be", "ru", "en", "uk"):
        row = {str(p): c for (t, p), c in sorted(overall.items(), key=lambda kv: -kv[1]) if t == true}
        print(f"  {true}: {row}")
    uk_fp = sum(c for (t, p), c in overall.items() if p == "uk" and t != "uk")
    print(f"'uk' false positives on be/ru/en texts: {uk_fp}")
    print(f"time: {1000 * total_time / total_n:.2f} ms/text over {total_n} texts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    sets = load(args.data)
    for low in (True, False):  # low first: high accuracy loads the trigrams too
        start = time.perf_counter()
        probe = LanguageIdentifier(low_accuracy=low)
        probe.identify("Это проверка.")
        probe.identify("A test.")
        mode = "low-accuracy" if low else "high-accuracy"
        print(f"lingua {mode} model load: {time.perf_counter() - start:.2f}s")
    high = LanguageIdentifier(low_accuracy=False)
    evaluate("LanguageIdentifier, lingua high accuracy", lambda t: high.identify(t).lang, sets)
    ident = LanguageIdentifier()
    evaluate("LanguageIdentifier (default: lingua low accuracy)", lambda t: ident.identify(t).lang, sets)
    long_sets = {
        name: [(lang, t) for lang, t in items if sum(ch.isalpha() for ch in t) >= 40]
        for name, items in sets.items()
    }
    evaluate("LanguageIdentifier (default) on texts >= 40 letters", lambda t: ident.identify(t).lang, long_sets)
    evaluate("plain langdetect (seed 0)", langdetect_fn(), sets)
    # Paragraph throughput, the number the pipeline cares about (embedding: ~10 paragraphs/s).
    paras = [t for _, t in sets["flores-para"]]
    start = time.perf_counter()
    for text in paras:
        ident.identify(text)
    per = (time.perf_counter() - start) / len(paras)
    print(f"\nLanguageIdentifier on FLORES paragraphs: {1000 * per:.2f} ms/paragraph "
          f"= {100 * per / 0.1:.1f}% of embedding time at 10 paragraphs/s")


if __name__ == "__main__":
    main()
