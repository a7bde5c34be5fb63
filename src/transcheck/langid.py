"""Language identification of segments: which of be/ru/uk/en/... a text is written in.

Why lingua and not langdetect (a declared dependency): langdetect has no Belarusian
model at all and calls Belarusian text "uk" (or "ru"/"bg"), which would turn every
Belarusian paragraph into a false "untranslated" finding. lingua-language-detector
has Belarusian, Russian and Ukrainian models and, restricted to a small language set,
is both accurate and fast (benchmarks/langid.py: ~1-2 ms per paragraph, 100% on FLORES
be/ru/en paragraphs). langdetect adds nothing on top (it is not better on the Latin
side either, and is nondeterministic unless seeded), so it is only used in the
benchmark as the baseline that shows why it is not enough.

Cheap shortcuts before the model:

* script: a text's letters are counted per script; only languages of the dominant
  script are considered, so a Russian paragraph quoting an English name is never "en",
  and the detector scores fewer candidates (faster);
* letters unique to one language (ў: be; ї/є/ґ: uk; ъ/щ/и: not be) veto candidates
  that cannot write the text, when they occur often enough not to be a quoted name.

Results can be kept on disk (``store``: an ``embed.cache.ResultCache`` beside the
embeddings): a warm run over an unchanged corpus then never loads a lingua model — the
high-accuracy one took ~3 s of a 7.6 s warm run for two re-checked segments. The key
names the lingua version, the language sets, the mode and a hash of this file, so any
change to the detector or its rules is a new key, never a stale guess.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transcheck.embed.cache import ResultCache

# File name of the on-disk guess cache in the embedding cache folder (embed.cache.ResultCache).
CACHE_FILE = "langid-v1.sqlite3"

# Languages the identifier chooses among, per script. Kept small: each extra language
# costs detection time and adds a confusable candidate. The non-target ones (uk, bg, de,
# fr, pl, es) exist only to be recognised as "wrong language".
CYRILLIC_LANGS = ("be", "ru", "uk", "bg")
LATIN_LANGS = ("en", "de", "fr", "pl", "es")
SUPPORTED = CYRILLIC_LANGS + LATIN_LANGS

_CYR = re.compile(r"[\u0400-\u04FF]")
_LAT = re.compile(r"[A-Za-z\u00C0-\u024F]")

# Letters that only some Cyrillic languages write. A candidate is vetoed when the text
# contains at least _VETO_MIN of the letters it never uses and they make up at least
# _VETO_SHARE of the Cyrillic letters (one quoted "Щербаков" in a Belarusian paragraph
# must not veto Belarusian).
_NOT_IN = {
    "be": set("ищъїєґ"),
    "ru": set("ўіїєґ"),
    "uk": set("ўыэъё"),
    "bg": set("ўіїєґыэё"),
}
_VETO_MIN = 3
_VETO_SHARE = 0.01


@dataclass(frozen=True)
class LangGuess:
    """The identified language of one text (``lang`` None: no letters, nothing to say)."""

    lang: str | None
    confidence: float  # probability-like, 0..1, of ``lang`` among the candidates
    letters: int  # letters in the text (all scripts)
    script_share: float  # share of the letters in the dominant script


def count_letters(text: str) -> tuple[int, int, int]:
    """(all letters, Cyrillic letters, Latin letters)."""
    letters = sum(1 for ch in text if ch.isalpha())
    return letters, len(_CYR.findall(text)), len(_LAT.findall(text))


class LanguageIdentifier:
    """lingua restricted to a small language set, one detector per script, built lazily.

    Thread-safe construction; detection itself is pure. Load once per run
    (``pipeline.load_resources``): lingua loads its n-gram models on first use.
    """

    def __init__(self, low_accuracy: bool = True, store: ResultCache | None = None) -> None:
        # lingua's low-accuracy mode (trigrams only) loads in ~0.4 s instead of ~7 s (high
        # accuracy, 1- to 5-grams, measured on a loaded 2-core machine) and is as accurate
        # on texts this tool judges (>= untranslated_min_letters): benchmarks/langid.py.
        self.low_accuracy = low_accuracy
        self.store = store
        self._lock = threading.Lock()
        self._detectors: dict[str, Any] = {}

    def identity(self, accurate: bool) -> str:
        """Everything a guess depends on: the cache key prefix of ``store``."""
        low = self.low_accuracy and not accurate
        return f"{_detector_identity()};{'low' if low else 'high'}"

    def _lookup(self, texts: Sequence[str], accurate: bool) -> dict[str, LangGuess]:
        """Guesses already in the store (its unflushed writes included) for ``texts``.

        No store, no memory: without one every call identifies afresh (benchmarks/langid.py
        times the detector itself)."""
        found: dict[str, LangGuess] = {}
        if self.store is not None and texts:
            for text, value in self.store.get_many(self.identity(accurate), texts).items():
                lang, confidence, letters, share = json.loads(value)
                found[text] = LangGuess(lang, float(confidence), int(letters), float(share))
        return found

    def _remember(self, text: str, accurate: bool, guess: LangGuess) -> None:
        if self.store is not None:
            value = json.dumps([guess.lang, guess.confidence, guess.letters, guess.script_share])
            self.store.put(self.identity(accurate), text, value)

    def flush(self) -> None:
        """Write guesses made since the last flush to the store (one transaction)."""
        if self.store is not None:
            self.store.flush()

    def _detector(self, script: str, accurate: bool) -> Any:
        low = self.low_accuracy and not accurate
        key = f"{script}-{'low' if low else 'high'}"
        with self._lock:
            if key not in self._detectors:
                from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

                codes = CYRILLIC_LANGS if script == "cyr" else LATIN_LANGS
                langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
                builder = LanguageDetectorBuilder.from_languages(*langs)
                if low:
                    builder = builder.with_low_accuracy_mode()
                self._detectors[key] = builder.build()
            return self._detectors[key]

    def identify(self, text: str, accurate: bool = False) -> LangGuess:
        """``accurate``: use lingua's high-accuracy models (loaded on first such call) —
        for confirming the rare text the fast screen calls foreign, e.g. an English
        title full of French place names that the trigram models call French."""
        known = self._lookup([text], accurate).get(text)
        if known is not None:
            return known
        letters, cyr, lat = count_letters(text)
        if cyr == 0 and lat == 0:
            return LangGuess(None, 0.0, letters, 0.0)
        script = "cyr" if cyr >= lat else "lat"
        guess = self._guess(text, self._scores(script, text, accurate), letters, cyr, lat)
        self._remember(text, accurate, guess)
        return guess

    def _guess(self, text: str, scores: dict[str, float], letters: int, cyr: int, lat: int) -> LangGuess:
        script = "cyr" if cyr >= lat else "lat"
        share = max(cyr, lat) / max(letters, 1)
        if script == "cyr":
            scores = _apply_vetoes(scores, text.lower(), cyr)
        if not scores:
            return LangGuess(None, 0.0, letters, share)
        total = sum(scores.values()) or 1.0
        lang, value = max(scores.items(), key=lambda kv: kv[1])
        return LangGuess(lang, value / total, letters, share)

    def identify_many(self, texts: Iterable[str]) -> list[LangGuess]:
        """Like ``identify`` for each text, but scored per script in one parallel lingua
        call (both cores; identification was a third of a warm run's time)."""
        items = list(texts)
        known = self._lookup(items, accurate=False)
        todo = [t for t in dict.fromkeys(items) if t not in known]
        counts = {t: count_letters(t) for t in todo}
        for script in ("cyr", "lat"):
            picked = [
                t for t, (_, cyr, lat) in counts.items()
                if (cyr or lat) and ("cyr" if cyr >= lat else "lat") == script
            ]
            if not picked:
                continue
            detector = self._detector(script, accurate=False)
            batch = detector.compute_language_confidence_values_in_parallel(picked)
            for text, values in zip(picked, batch):
                scores = {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}
                known[text] = self._guess(text, scores, *counts[text])
                self._remember(text, False, known[text])
        return [known.get(t) or LangGuess(None, 0.0, counts[t][0], 0.0) for t in items]

    def _scores(self, script: str, text: str, accurate: bool) -> dict[str, float]:
        values = self._detector(script, accurate).compute_language_confidence_values(text)
        return {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}

    def share_in(self, sentences: Sequence[str], lang: str, accurate: bool = False) -> float:
        """Share of the letters of ``sentences`` that are in sentences identified as ``lang``.

        Used to tell a paragraph *in* another language from one that *quotes* it.
        """
        total = 0
        hit = 0
        for sentence in sentences:
            guess = self.identify(sentence, accurate)
            total += guess.letters
            if guess.lang == lang:
                hit += guess.letters
        return hit / total if total else 0.0


def _apply_vetoes(scores: dict[str, float], lower: str, cyr_letters: int) -> dict[str, float]:
    kept = {}
    for lang, value in scores.items():
        banned = _NOT_IN.get(lang)
        if banned:
            n = sum(1 for ch in lower if ch in banned)
            if n >= _VETO_MIN and n >= _VETO_SHARE * cyr_letters:
                continue
        kept[lang] = value
    # Never veto everything: a mixed text keeps the model's own answer.
    return kept or scores


@lru_cache(maxsize=1)
def _detector_identity() -> str:
    """lingua's version, the candidate sets and a hash of this module's source (the veto
    rules and thresholds live here): a guess is reused only by the exact same detector."""
    from importlib.metadata import version

    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return f"lingua={version('lingua-language-detector')};cyr={','.join(CYRILLIC_LANGS)};lat={','.join(LATIN_LANGS)};src={source}"


_DEFAULT: LanguageIdentifier | None = None


def default_identifier() -> LanguageIdentifier:
    """A process-wide identifier, for callers without run resources (tests, scripts)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LanguageIdentifier()
    return _DEFAULT
