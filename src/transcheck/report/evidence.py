"""Reading the evidence a finding carries in ``details`` (shared by the HTML and terminal reporters).

Checks put character spans to highlight in ``details["spans"]`` and, for a dropped or
untranslated sentence, ``details["sentence"] = {"lang", "segment", "text"}``. Details are
plain JSON-like data written by many checks (and possibly loaded from a baseline), so
malformed entries are skipped here rather than trusted: a reporter must never crash on them.
"""

from __future__ import annotations

from collections.abc import Mapping

from transcheck.model import ArticleResult, Finding, Segment

# (lang, segment index, start, end): a half-open character range in that segment's text.
Span = tuple[str, int, int, int]


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def spans_of(finding: Finding) -> list[Span]:
    """Well-formed spans from ``details["spans"]``, in the order the check gave them."""
    out: list[Span] = []
    raw = finding.details.get("spans")
    if isinstance(raw, (list, tuple)):
        for item in raw:
            if not isinstance(item, Mapping):
                continue
            lang = item.get("lang")
            seg, start, end = _int(item.get("segment")), _int(item.get("start")), _int(item.get("end"))
            if isinstance(lang, str) and seg is not None and start is not None and end is not None:
                out.append((lang, seg, start, end))
    return out


def sentence_of(finding: Finding) -> tuple[str | None, int | None, str] | None:
    """``(lang, segment, text)`` of the sentence a finding quotes, if any."""
    raw = finding.details.get("sentence")
    if isinstance(raw, Mapping) and isinstance(raw.get("text"), str):
        lang = raw.get("lang")
        return (lang if isinstance(lang, str) else None, _int(raw.get("segment")), str(raw["text"]))
    if isinstance(raw, str):
        return (None, None, raw)
    return None


def segment_of(result: ArticleResult, lang: str, index: int) -> Segment | None:
    version = result.article.versions.get(lang)
    if version is None or not 0 <= index < len(version.segments):
        return None
    return version.segments[index]


def highlight_spans(result: ArticleResult, finding: Finding) -> list[Span]:
    """Spans to highlight, clipped to their segment; the quoted sentence is located in its
    segment when the check gave no span there. Spans on unknown segments are dropped."""
    spans = spans_of(finding)
    sentence = sentence_of(finding)
    if sentence is not None and sentence[0] is not None and sentence[1] is not None and sentence[2]:
        lang, index, text = sentence[0], sentence[1], sentence[2]
        seg = segment_of(result, lang, index)
        at = seg.text.find(text) if seg is not None else -1
        if at >= 0 and not any(s[0] == lang and s[1] == index for s in spans):
            spans.append((lang, index, at, at + len(text)))
    out: list[Span] = []
    for lang, index, start, end in spans:
        seg = segment_of(result, lang, index)
        if seg is None:
            continue
        start, end = max(0, start), min(len(seg.text), end)
        if start < end:
            out.append((lang, index, start, end))
    return out
