"""Glossaries: each concept's approved form per language, and optional forbidden variants.

Three file formats, chosen by extension:

CSV (``.csv``) — a header row, then one concept per row. Columns named by a language code
(``en``, ``ru``, ``be``) hold approved forms; ``forbidden_<lang>`` columns hold forbidden
variants; ``concept`` and ``note`` are optional. Several forms in one cell are separated
by ``|`` (the first is the canonical one). Rows whose first cell starts with ``#`` are
comments::

    concept,en,ru,be,forbidden_en
    Deutsche Welle,Deutsche Welle,Немецкая волна|Deutsche Welle,Нямецкая хваля,German Wave

TBX (``.tbx``, ISO 30042; TBX-Basic ``termEntry``/``langSet``/``tig`` or TBX v3
``conceptEntry``/``langSec``/``termSec``): each ``term`` is approved unless a
``termNote type="administrativeStatus"`` says ``deprecatedTerm-admn-sts`` or
``supersededTerm-admn-sts`` (then it is forbidden).

YAML (``.yaml``/``.yml``): a list of entries (or ``{terms: [...]}``), each a mapping of
language code to a form or list of forms, plus optional ``concept`` and
``forbidden: {lang: [forms]}``.

A bad file raises :class:`GlossaryError` (a :class:`ConfigError`: the CLI exits 2) whose
message names the file and the line.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transcheck.config import ConfigError

LANG_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORBIDDEN_STATUS = ("deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecated", "forbidden")


class GlossaryError(ConfigError):
    """The glossary file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Term:
    """One concept: approved forms (canonical first) and forbidden variants per language."""

    concept: str
    approved: Mapping[str, tuple[str, ...]]
    forbidden: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    line: int = 0  # where it was defined, for messages


@dataclass(frozen=True)
class Glossary:
    path: str
    terms: tuple[Term, ...]

    def languages(self) -> set[str]:
        return {lang for t in self.terms for lang in (*t.approved, *t.forbidden)}


def load_glossary(path: str | Path) -> Glossary:
    """Read a CSV, TBX or YAML glossary (by extension)."""
    p = Path(path)
    if not p.is_file():
        raise GlossaryError(f"{p}: glossary file not found")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"{p}: cannot read glossary: {exc}") from exc
    suffix = p.suffix.lower()
    if suffix == ".csv":
        terms = _parse_csv(p, text)
    elif suffix in (".tbx", ".xml"):
        terms = _parse_tbx(p, text)
    elif suffix in (".yaml", ".yml"):
        terms = _parse_yaml(p, text)
    else:
        raise GlossaryError(f"{p}: unknown glossary format {suffix!r} (use .csv, .tbx or .yaml)")
    if not terms:
        raise GlossaryError(f"{p}: glossary has no terms")
    return Glossary(path=str(p), terms=tuple(terms))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def _make_term(p: Path, line: int, concept: str, approved: dict[str, tuple[str, ...]],
               forbidden: dict[str, tuple[str, ...]]) -> Term:
    approved = {k: v for k, v in approved.items() if v}
    forbidden = {k: v for k, v in forbidden.items() if v}
    if not approved:
        raise GlossaryError(f"{p}:{line}: entry has no approved form in any language")
    for lang, forms in forbidden.items():
        clash = set(forms) & set(approved.get(lang, ()))
        if clash:
            raise GlossaryError(f"{p}:{line}: {min(clash)!r} is both approved and forbidden in {lang}")
    concept = concept or next(iter(approved.values()))[0]
    return Term(concept=concept, approved=approved, forbidden=forbidden, line=line)


def _parse_csv(p: Path, text: str) -> list[Term]:
    try:
        rows = list(csv.reader(text.splitlines()))
    except csv.Error as exc:
        raise GlossaryError(f"{p}: not valid CSV: {exc}") from exc
    numbered = [(i, row) for i, row in enumerate(rows, 1) if row and not row[0].lstrip().startswith("#")]
    if not numbered:
        raise GlossaryError(f"{p}: glossary has no header row")
    header_line, header = numbered[0]
    header = [h.strip().lower() for h in header]
    for col in header:
        base = col.removeprefix("forbidden_")
        if col not in ("concept", "note", "notes", "") and not LANG_CODE.match(base):
            raise GlossaryError(f"{p}:{header_line}: unknown column {col!r} (expected concept, note, "
                                "a language code like en, or forbidden_<lang>)")
    if not any(LANG_CODE.match(c) for c in header):
        raise GlossaryError(f"{p}:{header_line}: header names no language column (e.g. en,ru,be)")
    terms = []
    for line, row in numbered[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise GlossaryError(f"{p}:{line}: {len(row)} cells but the header has {len(header)} columns")
        approved: dict[str, tuple[str, ...]] = {}
        forbidden: dict[str, tuple[str, ...]] = {}
        concept = ""
        for col, cell in zip(header, row):
            if col == "concept":
                concept = cell.strip()
            elif col.startswith("forbidden_"):
                forbidden[col[len("forbidden_"):]] = _split(cell)
            elif LANG_CODE.match(col):
                approved[col] = _split(cell)
        terms.append(_make_term(p, line, concept, approved, forbidden))
    return terms


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_tbx(p: Path, text: str) -> list[Term]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        raise GlossaryError(f"{p}:{line}: not well-formed TBX/XML (column {col}): {exc}") from exc
    entries = [e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")]
    # Element lines are not kept by ElementTree: find the n-th entry's opening tag in the text.
    entry_lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"<(?:\w+:)?(?:termEntry|conceptEntry)\b", text)]
    terms = []
    for n, entry in enumerate(entries):
        line = entry_lines[n] if n < len(entry_lines) else 0
        approved: dict[str, list[str]] = {}
        forbidden: dict[str, list[str]] = {}
        for lang_set in entry:
            if _local(lang_set.tag) not in ("langSet", "langSec"):
                continue
            lang = (lang_set.get(_XML_LANG) or lang_set.get("lang") or "").lower()
            if not lang:
                raise GlossaryError(f"{p}:{line}: langSet without xml:lang")
            lang = lang.split("-")[0]
            for holder in lang_set.iter():
                if _local(holder.tag) not in ("tig", "ntig", "termSec"):
                    continue
                term_el = next((e for e in holder.iter() if _local(e.tag) == "term"), None)
                if term_el is None or not "".join(term_el.itertext()).strip():
                    raise GlossaryError(f"{p}:{line}: {_local(holder.tag)} without a term")
                form = " ".join("".join(term_el.itertext()).split())
                status = ""
                for note in holder.iter():
                    if _local(note.tag) in ("termNote", "descrip") and note.get("type") == "administrativeStatus":
                        status = (note.text or "").strip().lower()
                target = forbidden if status in _FORBIDDEN_STATUS else approved
                target.setdefault(lang, []).append(form)
        concept = entry.get("id") or ""
        terms.append(_make_term(p, line, concept, {k: tuple(v) for k, v in approved.items()},
                                {k: tuple(v) for k, v in forbidden.items()}))
    return terms


def _forms(p: Path, line: int, value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return _split(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise GlossaryError(f"{p}:{line}: {what} must be a string or a list of strings")


def _parse_yaml(p: Path, text: str) -> list[Term]:
    import yaml

    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{p}:{mark.line + 1}" if mark is not None else str(p)
        raise GlossaryError(f"{where}: not valid YAML: {exc}") from exc
    if isinstance(data, dict) and "terms" in data:
        data = data["terms"]
        node = next(v for k, v in node.value if k.value == "terms") if node is not None else None
    if not isinstance(data, list):
        raise GlossaryError(f"{p}:1: expected a list of entries (or 'terms:' with a list)")
    lines = [n.start_mark.line + 1 for n in node.value] if node is not None else []
    terms = []
    for n, entry in enumerate(data):
        line = lines[n] if n < len(lines) else 0
        if not isinstance(entry, dict):
            raise GlossaryError(f"{p}:{line}: entry must be a mapping of language to form")
        approved: dict[str, tuple[str, ...]] = {}
        forbidden: dict[str, tuple[str, ...]] = {}
        concept = ""
        for key, value in entry.items():
            key = str(key)
            if key == "concept":
                concept = str(value)
            elif key in ("note", "notes"):
                continue
            elif key == "forbidden":
                if not isinstance(value, dict):
                    raise GlossaryError(f"{p}:{line}: 'forbidden' must map language to forms")
                for lang, forms in value.items():
                    forbidden[str(lang)] = _forms(p, line, forms, f"forbidden.{lang}")
            elif LANG_CODE.match(key):
                approved[key] = _forms(p, line, value, key)
            else:
                raise GlossaryError(f"{p}:{line}: unknown key {key!r}")
        terms.append(_make_term(p, line, concept, approved, forbidden))
    return terms
