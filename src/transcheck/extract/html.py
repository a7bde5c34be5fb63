"""HTML (``.html``/``.htm``): whole saved pages and bare fragments.

* **Whole pages** (the text has ``<html>``, ``<head>``, ``<body>`` or a doctype): the
  article body is extracted with trafilatura (``bare_extraction``, ``favor_precision``,
  comments off), which drops navigation, language switchers, "latest news" asides and
  footers. If the precise pass finds nothing it is retried with recall, then with the
  fragment reader. Title: a ``<h1>`` opening the extracted body, else the page metadata
  title (og:title / ``<title>`` without the site name). Lead: only when it is *in the
  article*: a body paragraph marked ``class="lead"`` (or intro/standfirst/summary), or one
  of the first two body paragraphs equal to the meta description. A description printed
  nowhere in the article (often a truncated or generic blurb) is not a segment.
* **Fragments** (``<p>…</p>`` without a page around it) are read with the stdlib
  ``html.parser``: trafilatura discards tiny documents. Block elements are paragraphs; a
  heading that opens the fragment is the title; list items are paragraphs.
* Either way, blocks the boilerplate regexes match in full are dropped and trailing
  chrome is cut (``blocks.trailing_chrome_start``).
* Lines: each segment's first words are searched in the page's visible source text (in
  document order, so the search is linear overall); a lead taken from the meta
  description falls back to that ``<meta>`` tag's line. None if not found.

Broken markup never raises out of here: the parsers are lenient, trafilatura failures fall
back to the fragment reader, and a page with no text left is ``ExtractError("no text found")``.
"""

from __future__ import annotations

import bisect
import logging
import re
from html.parser import HTMLParser
from typing import Any

from transcheck.config import Settings
from transcheck.extract.blocks import Block, Boilerplate, normalise, trailing_chrome_start

# trafilatura and its helpers log "discarding data" warnings on poor pages; without a
# handler Python would print them to stderr mid-run. Extraction reports through ExtractError.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_PAGE_MARKERS = re.compile(r"<\s*(?:!doctype|html|head|body)\b", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_LEAD_CLASS = re.compile(
    r"\b(?:lead|intro|standfirst|summary|subtitle|article-lead)\b", re.IGNORECASE
)

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "dd",
        "dt",
        "td",
        "th",
        "tr",
        "figcaption",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "table",
        "ul",
        "ol",
        "dl",
        "hr",
        "caption",
        "address",
        "details",
        "summary",
    ]
)
_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "template",
        "noscript",
        "nav",
        "svg",
        "button",
        "form",
        "select",
        "textarea",
        "head",
        "iframe",
    ]
)
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_SEARCH_WORDS = 6


def declared_charset(data: bytes) -> str | None:
    """The ``<meta charset>`` of a page, for decoding when it is not UTF-8."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def is_fragment(text: str) -> bool:
    return _PAGE_MARKERS.search(text) is None


def read_html(text: str, settings: Settings) -> list[Block]:
    index = _SourceIndex(text)
    blocks: list[Block] = []
    if not is_fragment(text):
        blocks = _page_blocks(text)
    if not any(b.kind != "title" for b in blocks):
        blocks = _fragment_blocks(text) or blocks
    blocks = _drop_boilerplate(blocks, Boilerplate(settings.boilerplate))
    return _locate(blocks, index)


# --- whole pages ---------------------------------------------------------------------------


def _page_blocks(text: str) -> list[Block]:
    doc: Any = None
    for precision in (True, False):
        try:
            from trafilatura import bare_extraction

            doc = bare_extraction(
                text,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                favor_precision=precision,
                favor_recall=not precision,
                deduplicate=False,
            )
        except Exception:  # noqa: BLE001 - trafilatura/lxml raise many types on garbage; fall back
            doc = None
        if doc is not None and getattr(doc, "body", None) is not None and _body_items(doc.body):
            break
        doc = None
    if doc is None:
        return []
    items = _body_items(doc.body)
    blocks: list[Block] = []
    if items and items[0][0] == "h1":
        blocks.append(Block("title", items.pop(0)[1]))
    elif doc.title:
        blocks.append(Block("title", str(doc.title)))
        if items and items[0][0].startswith("h") and _same(items[0][1], str(doc.title)):
            items.pop(0)
    description = normalise(str(doc.description or ""))
    lead_at: int | None = None
    for i, (tag, item_text, is_lead) in enumerate(items[:2]):
        if tag == "p" and (is_lead or (description and _same(item_text, description))):
            lead_at = i
            break
    for i, (_, item_text, _) in enumerate(items):
        blocks.append(Block("lead" if i == lead_at else "paragraph", item_text))
    return blocks


def _same(a: str, b: str) -> bool:
    return normalise(a).casefold() == normalise(b).casefold()


def _body_items(body: Any) -> list[tuple[str, str, bool]]:
    """``(tag, text, marked as lead)`` for trafilatura's body elements, in order."""
    out: list[tuple[str, str, bool]] = []
    for element in body:
        _collect(element, out)
    return [item for item in out if normalise(item[1])]


def _collect(element: Any, out: list[tuple[str, str, bool]]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("code", "graphic", "ref"):
        return
    if tag == "head":
        rend = str(element.get("rend") or "h2")
        out.append((rend if rend in _HEADINGS else "h2", _text(element), False))
    elif tag == "list":
        for item in element:
            if item.tag == "item":
                out.append(("li", _text(item, skip=("list",)), False))
                for child in item:
                    if child.tag == "list":
                        _collect(child, out)
    elif tag == "table":
        for row in element.iter("row"):
            cells = [normalise(_text(cell)) for cell in row if cell.tag == "cell"]
            out.append(("tr", " | ".join(c for c in cells if c), False))
    elif tag == "quote" and any(child.tag in ("p", "list", "head") for child in element):
        for child in element:
            _collect(child, out)
    else:
        lead = bool(_LEAD_CLASS.search(str(element.get("class") or "")))
        out.append(("p", _text(element), lead))


def _text(element: Any, skip: tuple[str, ...] = ()) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag in skip or child.tag in ("code", "graphic"):
            parts.append(child.tail or "")
            continue
        parts.append(" " if child.tag == "lb" else "")
        parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


# --- fragments -------------------------------------------------------------------------------


class _FragmentParser(HTMLParser):
    """Block-level text of a fragment, with the line each block starts on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str, int, bool]] = []  # (tag, text, line, lead)
        self._parts: list[str] = []
        self._line = 0
        self._tag = "p"
        self._lead = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self._skip += 1
            return
        if tag == "br":
            self._parts.append(" ")
        elif tag in _BLOCK_TAGS:
            self._flush()
            self._tag = tag
            self._lead = any(
                name == "class" and value and _LEAD_CLASS.search(value) for name, value in attrs
            )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._parts.append(" ")
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not "".join(self._parts).strip() and data.strip():
            lead_ws = data[: len(data) - len(data.lstrip())]
            self._line = self.getpos()[0] + lead_ws.count("\n")
        self._parts.append(data)

    def _flush(self) -> None:
        text = normalise("".join(self._parts))
        if text:
            self.blocks.append((self._tag, text, self._line, self._lead))
        self._parts = []
        self._tag = "p"
        self._lead = False

    def close(self) -> None:
        super().close()
        self._flush()


def _fragment_blocks(text: str) -> list[Block]:
    parser = _FragmentParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; keep what was read before a failure
        parser._flush()
    blocks: list[Block] = []
    for i, (tag, block_text, line, lead) in enumerate(parser.blocks):
        if i == 0 and tag in _HEADINGS:
            kind = "title"
        elif lead and not any(b.kind in ("lead", "paragraph") for b in blocks):
            kind = "lead"
        else:
            kind = "paragraph"
        blocks.append(Block(kind, block_text, line))
    return blocks


# --- shared ----------------------------------------------------------------------------------


def _drop_boilerplate(blocks: list[Block], boiler: Boilerplate) -> list[Block]:
    texts = [b.text for b in blocks]
    chrome = [b.kind != "title" and boiler.matches(b.text) for b in blocks]
    body_start = next(
        (i for i, b in enumerate(blocks) if b.kind != "title" and not chrome[i]), len(blocks)
    )
    cut = trailing_chrome_start(texts, chrome, body_start + 1)
    end = len(blocks) if cut is None else cut
    return [b for i, b in enumerate(blocks[:end]) if not chrome[i]]


class _SourceIndex(HTMLParser):
    """The visible text of the source with the line of every character, for line lookups."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._chunks: list[str] = []
        self._offsets: list[int] = []
        self._lines: list[int] = []
        self._size = 0
        self._hidden = 0
        self.meta_description_line: int | None = None
        self.body_offset = 0  # where <body> starts: the <h1> beats <title> for the title's line
        self.complete = True
        try:
            self.feed(source)
            self.close()
        except Exception:  # noqa: BLE001 - a partial index only costs line numbers
            self.complete = False
        self.flat = "".join(self._chunks)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template", "noscript"):
            self._hidden += 1
        elif tag == "body":
            self.body_offset = self._size
        elif tag == "meta" and self.meta_description_line is None:
            names = {str(v).lower() for k, v in attrs if k in ("name", "property")}
            if names & {"description", "og:description"}:
                self.meta_description_line = self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template", "noscript"):
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data: str) -> None:
        if self._hidden or not data:
            return
        self._offsets.append(self._size)
        self._lines.append(self.getpos()[0])
        self._chunks.append(data)
        self._size += len(data)

    def line_at(self, pos: int) -> int:
        i = bisect.bisect_right(self._offsets, pos) - 1
        return self._lines[i] + self._chunks[i].count("\n", 0, pos - self._offsets[i])

    def find(self, text: str, start: int) -> tuple[int, int] | None:
        """``(line, end offset)`` of the first words of ``text`` at/after ``start`` (else anywhere)."""
        words = normalise(text).split()
        if not words or not self._chunks:
            return None
        for count in (_SEARCH_WORDS, 3, 1):
            pattern = re.compile(r"\s*".join(re.escape(w) for w in words[:count]))
            match = pattern.search(self.flat, start) or pattern.search(self.flat)
            if match:
                return self.line_at(match.start()), match.end()
        return None


def _locate(blocks: list[Block], index: _SourceIndex) -> list[Block]:
    located: list[Block] = []
    pos = index.body_offset
    for block in blocks:
        if block.line is not None:
            located.append(block)
            continue
        found = index.find(block.text, pos)
        line: int | None = None
        if found is not None:
            line, pos = found
        elif block.kind == "lead":
            line = index.meta_description_line
        located.append(Block(block.kind, block.text, line))
    return located
