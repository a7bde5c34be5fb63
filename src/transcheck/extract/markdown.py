"""Markdown (``.md``) with optional YAML (``---``) or TOML (``+++``) front matter.

Segments:

* front matter ``title`` → the title; the first non-empty of ``lead``, ``description``,
  ``summary`` → the lead (these are what Hugo themes print above the body);
* with no front-matter title, a level-1 heading that opens the body is the title; a body H1
  repeating the front-matter title is dropped;
* body: one paragraph per blank-line separated block. Other headings are paragraphs (they
  are translated text too). **Each list item is its own paragraph**: translators keep list
  items one to one, and item-level segments localise a dropped item. Each table row is a
  paragraph (cells joined by " | "); blockquotes are read like body text.
* dropped: fenced and indented code, HTML comments, Hugo shortcodes (and the content of
  ``highlight`` shortcodes), images, reference definitions, thematic breaks, lines of bare
  HTML tags. Inline markup is stripped: emphasis, code spans, inline HTML, escapes,
  links ``[text](url)`` → text, footnote markers.
"""

from __future__ import annotations

import html
import re
import tomllib
from typing import Any

import yaml

from transcheck.extract.blocks import Block, normalise
from transcheck.extract.errors import ExtractError

_LEAD_KEYS = ("lead", "description", "summary")

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HIGHLIGHT = re.compile(
    r"\{\{[<%]\s*highlight\b.*?[%>]\}\}.*?\{\{[<%]\s*/\s*highlight\s*[%>]\}\}", re.DOTALL
)
_SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}", re.DOTALL)

_QUOTE = re.compile(r"^\s{0,3}>\s?")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_BREAK = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*\S+")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^[^\]]+\]:\s*")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
_INTERRUPTS = re.compile(r"^\s*(?:[-*+]|1[.)])\s")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TAGS_ONLY = re.compile(r"^\s*(?:<[^>]+>\s*)+$")
_INDENTED = re.compile(r"^(?: {4}|\t)")

_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\]\((?:[^()]|\([^)]*\))*\)"), ""),  # images
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote markers
    (re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML
    (re.compile(r"(`+)\s?(.+?)\s?\1"), r"\2"),  # code spans
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"(?<![\w*\\])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])"), r"\1"),  # backslash escapes
)


def strip_inline(text: str) -> str:
    """Plain text of one block of Markdown inline markup."""
    for pattern, repl in _INLINE_RULES:
        text = pattern.sub(repl, text)
    return html.unescape(text)


def _keep_newlines(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")


def split_front_matter(text: str) -> tuple[dict[str, Any], list[str], int]:
    """``(front matter, its lines, first body line number)``; raises on bad front matter."""
    lines = text.split("\n")
    opener = lines[0].strip() if lines else ""
    if opener not in ("---", "+++"):
        return {}, [], 1
    kind = "YAML" if opener == "---" else "TOML"
    closers = ("---", "...") if kind == "YAML" else ("+++",)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in closers), None)
    if end is None:
        raise ExtractError(
            f"unclosed {kind} front matter: '{opener}' on line 1 has no closing '{closers[0]}'"
        )
    fm_lines = lines[1:end]
    source = "\n".join(fm_lines)
    data: Any
    if kind == "YAML":
        try:
            data = yaml.safe_load(source)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" on line {mark.line + 2}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise ExtractError(f"bad YAML front matter{where}: {problem}") from None
    else:
        try:
            data = tomllib.loads(source)
        except tomllib.TOMLDecodeError as exc:
            raise ExtractError(
                f"bad TOML front matter (lines counted from the '+++'): {exc}"
            ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ExtractError(
            f"bad {kind} front matter: expected key-value pairs, got {type(data).__name__}"
        )
    return data, fm_lines, end + 2


def _key_line(fm_lines: list[str], key: str) -> int | None:
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[:=]", re.IGNORECASE)
    for i, line in enumerate(fm_lines):
        if pattern.match(line):
            return i + 2  # the opener is line 1
    return None


def read_markdown(text: str) -> list[Block]:
    meta, fm_lines, body_start = split_front_matter(text)
    blocks: list[Block] = []
    title = meta.get("title")
    if title is not None and str(title).strip():
        blocks.append(Block("title", strip_inline(str(title)), _key_line(fm_lines, "title")))
    for key in _LEAD_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            blocks.append(Block("lead", strip_inline(value), _key_line(fm_lines, key)))
            break

    body = "\n".join(text.split("\n")[body_start - 1 :])
    body = _COMMENT.sub(_keep_newlines, body)
    body = _HIGHLIGHT.sub(_keep_newlines, body)
    body = _SHORTCODE.sub(_keep_newlines, body)

    has_title = bool(blocks) and blocks[0].kind == "title"
    for level, text_, line in _body_blocks(body.split("\n"), body_start):
        plain = strip_inline(text_)
        if level == 1 and not any(b.kind == "paragraph" for b in blocks):
            if not has_title:
                blocks.insert(0, Block("title", plain, line))
                has_title = True
                continue
            if normalise(plain) == normalise(blocks[0].text):
                continue  # the theme prints the front-matter title; the body repeats it
        blocks.append(Block("paragraph", plain, line))
    return blocks


def _body_blocks(lines: list[str], first_line: int) -> list[tuple[int, str, int]]:
    """``(heading level or 0, raw text, line)`` for each body block, in order."""
    out: list[tuple[int, str, int]] = []
    current: list[str] = []
    current_line = 0
    current_is_item = False
    fence: str | None = None
    in_code = False
    prev_blank = True
    last_was_item = False

    def close() -> None:
        nonlocal current, current_is_item, last_was_item
        if current:
            out.append((0, " ".join(current), current_line))
            last_was_item = current_is_item
        current = []
        current_is_item = False

    for offset, raw in enumerate(lines):
        number = first_line + offset
        if fence is not None:
            if raw.strip().startswith(fence):
                fence = None
            continue
        if in_code:
            if not raw.strip() or _INDENTED.match(raw):
                continue
            in_code = False
        line = raw
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        stripped = line.strip()
        if not stripped:
            close()
            prev_blank = True
            continue
        if prev_blank and not current and _INDENTED.match(line) and not last_was_item:
            in_code = True
            prev_blank = False
            continue
        blank_before, prev_blank = prev_blank, False
        fence_match = _FENCE.match(line)
        if fence_match:
            close()
            fence = fence_match.group(1)
            last_was_item = False
            continue
        atx = _ATX.match(line)
        if atx:
            close()
            last_was_item = False
            if atx.group(2):
                out.append((len(atx.group(1)), re.sub(r"\s+#+$", "", atx.group(2)), number))
            continue
        setext = _SETEXT.match(line)
        if setext and current and not current_is_item:
            level = 1 if setext.group(1).startswith("=") else 2
            out.append((level, " ".join(current), current_line))
            current = []
            continue
        if _BREAK.match(line) or _REF_DEF.match(line) or _TABLE_SEP.match(line):
            close()
            continue
        if _TAGS_ONLY.match(line):
            close()
            continue
        if _TABLE_ROW.match(line):
            close()
            last_was_item = False
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", stripped.strip("|"))]
            out.append((0, " | ".join(c for c in cells if c), number))
            continue
        item = _ITEM.match(line)
        # As in CommonMark, only a bullet or "1." interrupts a running paragraph, so a
        # wrapped line starting "2025. " stays in its paragraph.
        if item and (blank_before or current_is_item or not current or _INTERRUPTS.match(line)):
            close()
            current = [item.group(1).rstrip("\\").strip()]
            current_line = number
            current_is_item = True
            continue
        footnote = _FOOTNOTE_DEF.match(line)
        if footnote:
            close()
            line = line[footnote.end() :]
            stripped = line.strip()
        if not current:
            current_line = number
        current.append(stripped.rstrip("\\").strip())
    close()
    return out
