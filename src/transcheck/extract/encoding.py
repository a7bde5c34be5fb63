"""Turn a file's bytes into text, recording which encoding was used.

Order of attempts, most certain first:

1. a byte-order mark (UTF-32, UTF-16, UTF-8) decides;
2. strict UTF-8 (almost never succeeds by accident on non-UTF-8 text);
3. an encoding the document declares (HTML ``<meta charset>``), if given;
4. cp1251, accepted only when the result is *plausibly Cyrillic* (see ``_plausible_cyrillic``):
   cp1251 maps nearly every byte to some character, so it cannot fail by itself;
5. charset-normalizer as a last resort, accepted only if its result looks like text.

Anything else is ``ExtractError("cannot decode: ...")``, never an exception from a codec.
"""

from __future__ import annotations

import codecs
import re

from transcheck.extract.errors import ExtractError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# A cp1251 reading is "plausibly Cyrillic" when most non-ASCII letters are Cyrillic and,
# like any running text, most Cyrillic letters are lower case. The second test rejects
# KOI8-R (whose lower-case letters land on cp1251 upper case) and Latin-1 bytes.
_MIN_CYRILLIC_SHARE = 0.9
_MIN_LOWER_SHARE = 0.6
# Share of control characters (other than tab/newline/CR/form feed) above which
# a decoding is treated as binary garbage.
_MAX_CONTROL_SHARE = 0.01
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # category Cc but tab/LF/FF/CR
_MAX_STRAY_CONTROLS = 4  # a stray NUL in a short, damaged file is not binary data


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``; raises ExtractError when no reading is plausible."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise ExtractError(
                    f"cannot decode: {name} byte-order mark but invalid data ({exc.reason})"
                ) from None
            return _checked(text, name), name
    try:
        return _checked(data.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        codec = _codec_name(declared)
        if codec is not None and codec != "utf-8":
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                pass
            else:
                if _looks_like_text(text):
                    return text, codec
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        pass
    else:
        if _plausible_cyrillic(text):
            return text, "cp1251"
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        return guess
    raise ExtractError(
        "cannot decode: not UTF-8 or UTF-16 with a byte-order mark, nor plausible cp1251 text"
    )


def _checked(text: str, name: str) -> str:
    if not _looks_like_text(text):
        raise ExtractError(f"cannot decode: binary data (control characters) although valid {name}")
    return text


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return None


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    controls = len(_CONTROLS.findall(text))
    return controls <= max(_MAX_STRAY_CONTROLS, _MAX_CONTROL_SHARE * len(text))


def _plausible_cyrillic(text: str) -> bool:
    if not _looks_like_text(text):
        return False
    non_ascii_letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    if not non_ascii_letters:
        return False
    cyrillic = [ch for ch in non_ascii_letters if "\u0400" <= ch <= "\u04ff"]
    if len(cyrillic) < _MIN_CYRILLIC_SHARE * len(non_ascii_letters):
        return False
    lower = sum(1 for ch in cyrillic if ch.islower())
    return lower >= _MIN_LOWER_SHARE * len(cyrillic)


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if not _looks_like_text(text) or not any(ch.isalpha() for ch in text):
        return None
    return text, _codec_name(best.encoding) or best.encoding
