"""Calibrate the number-mismatch extractor on real, clean be/ru/en translations.

Every FLORES-200 (dev + devtest) and NTREX-128 sentence triple is treated as one aligned
row of its article (neighbour rows = the sentences before and after). Two measurements:

* false alarms: clean rows where ``compare_facts`` reports a disagreement (these are
  professional translations, so every report is a false alarm);
* recall: for each row with a digit-based figure, plant one change in one version —
  another digit, +1 in the last place, ×10, or a date shifted by a day — and count the
  rows where the change is reported (and blamed on the right version).

Precision = planted rows reported / (planted rows reported + clean rows reported).

    python benchmarks/numbers_clean.py            # numbers
    python benchmarks/numbers_clean.py --show 40  # also print false alarms / misses
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from transcheck import numbers
from transcheck.numbers import Disagreement, Fact, compare_facts, extract_facts

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
LANGS = ("be", "ru", "en")


def load_articles() -> list[tuple[str, list[dict[str, str]]]]:
    articles = []
    for name, key in (
        ("flores200_articles.jsonl", "url"),
        ("ntrex128_dev_documents.jsonl", "doc_id"),
    ):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            rows = [dict(zip(LANGS, triple)) for triple in zip(*(rec[lang] for lang in LANGS))]
            articles.append((str(rec[key]), rows))
    return articles


def row_neighbours(facts: list[dict[str, list[Fact]]], i: int) -> dict[str, list[Fact]]:
    near: dict[str, list[Fact]] = {lang: [] for lang in LANGS}
    for j in (i - 1, i + 1):
        if 0 <= j < len(facts):
            for lang in LANGS:
                near[lang].extend(facts[j][lang])
    return near


def plant(text: str, fact: Fact, kind: str, rng: random.Random) -> str | None:
    """``text`` with ``fact`` changed the way ``kind`` says, or None if it does not apply."""
    surface = text[fact.start : fact.end]
    runs = list(re.finditer(r"\d+", surface))
    if not runs:
        return None
    if kind == "date":
        if fact.kind != "date" or fact.day is None:
            return None
        run = next((r for r in runs if int(r.group(0)) == fact.day), None)
        if run is None:
            return None
        day = fact.day + 1 if fact.day < 28 else fact.day - 1
        new = surface[: run.start()] + str(day) + surface[run.end() :]
    else:
        if fact.kind != "number":
            return None
        raw = re.match(r"[\d.,\s\u00a0\u202f\u2009]*\d", surface)
        if raw is None:
            return None
        num = raw.group(0)
        if kind == "digit":
            positions = [i for i, ch in enumerate(num) if ch.isdigit()]
            pos = rng.choice(positions)
            choices = [d for d in "0123456789" if d != num[pos] and not (pos == 0 and d == "0")]
            num2 = num[:pos] + rng.choice(choices) + num[pos + 1 :]
        elif kind == "plus1":
            if num[-1] == "9":
                return None
            num2 = num[:-1] + str(int(num[-1]) + 1)
        elif kind == "x10":
            seps = [m for m in re.finditer(r"[.,\s\u00a0\u202f\u2009]", num)]
            first = re.match(r"\d+", num)
            assert first is not None
            if not seps:
                num2 = num + "0"
            elif (
                fact.values
                and all(v == v.to_integral_value() for v in fact.values)
                and len(fact.values) == 1
            ):
                num2 = num[: first.end()] + "0" + num[first.end() :]  # grouped integer
            else:  # decimal: move the separator one place right
                sep = seps[-1]
                tail = num[sep.end() :]
                num2 = (
                    num[: sep.start()]
                    + tail[0]
                    + (num[sep.start()] + tail[1:] if len(tail) > 1 else "")
                )
        else:
            raise ValueError(kind)
        new = num2 + surface[len(num) :]
    return text[: fact.start] + new + text[fact.end :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--show", type=int, default=0, help="print this many false alarms and misses"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--identifiers-hard", action="store_true", help="report numbers in identifiers (G7, F-16)"
    )
    args = parser.parse_args()
    numbers.IDENTIFIER_NUMBERS_HARD = args.identifiers_hard
    rng = random.Random(args.seed)

    articles = load_articles()
    n_rows = 0
    false_alarms: list[tuple[str, dict[str, str], list[Disagreement]]] = []
    planted = detected = blamed_right = 0
    misses: list[tuple[str, str, str, str]] = []
    by_kind: dict[str, list[int]] = {}
    for art_id, rows in articles:
        facts = [{lang: extract_facts(row[lang], lang) for lang in LANGS} for row in rows]
        for i, row in enumerate(rows):
            n_rows += 1
            near = row_neighbours(facts, i)
            found = compare_facts(facts[i], near)
            if found:
                false_alarms.append((art_id, row, found))
            for kind in ("digit", "plus1", "x10", "date"):
                candidates = [
                    (lang, f) for lang in LANGS for f in facts[i][lang]
                    if f.hard and (f.kind == "date" if kind == "date" else f.kind == "number")
                ]  # fmt: skip
                rng.shuffle(candidates)
                for lang, fact in candidates:
                    changed = plant(row[lang], fact, kind, rng)
                    if changed is None or changed == row[lang]:
                        continue
                    row_facts = dict(facts[i])
                    row_facts[lang] = extract_facts(changed, lang)
                    result = compare_facts(row_facts, near)
                    planted += 1
                    stats = by_kind.setdefault(kind, [0, 0])
                    stats[0] += 1
                    if result:
                        detected += 1
                        stats[1] += 1
                        if any(d.lang == lang for d in result):
                            blamed_right += 1
                    else:
                        misses.append((kind, lang, row[lang], changed))
                    break

    n_articles = len(articles)
    fp = len(false_alarms)
    precision = detected / (detected + fp) if detected + fp else 0.0
    recall = detected / planted if planted else 0.0
    print(f"articles: {n_articles}   rows (sentence triples): {n_rows}")
    print(f"clean rows with a false alarm: {fp}  = {100 * fp / n_articles:.2f} per 100 articles")
    print(
        f"planted changes: {planted}   detected: {detected}   blamed on the changed version: {blamed_right}"
    )
    for kind, (n, d) in sorted(by_kind.items()):
        print(f"  {kind:6s} recall {d / n:.3f} ({d}/{n})")
    print(
        f"precision: {precision:.3f}   recall: {recall:.3f}   attribution: {blamed_right / max(detected, 1):.3f}"
    )
    for art_id, row, found in false_alarms[: args.show]:
        print("\nFALSE ALARM", art_id)
        for lang in LANGS:
            print(f"  {lang}: {row[lang]}")
        for dis in found:
            print("  ->", dis.lang, {k: [f.surface for f in v] for k, v in dis.facts.items()})
    for kind, lang, before, after in misses[: args.show]:
        print(f"\nMISSED {kind} in {lang}:\n  {before}\n  {after}")


if __name__ == "__main__":
    main()
