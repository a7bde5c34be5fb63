"""The HTML report: one self-contained file to read the versions side by side.

Why it is built this way:

* Every piece of article text, file name, message and detail is untrusted (articles come
  from a CMS or the web). All markup is rendered here with ``html.escape``; the inlined
  script only toggles attributes and moves existing nodes, it never turns strings into
  HTML. A Content-Security-Policy allows exactly the inlined stylesheet and script (by
  hash) and no other load, so an escaping slip still could not run or fetch anything.
* No network: CSS and JS are package data (``report/assets``) inlined into the page; the
  system font stack covers Cyrillic and Latin. The file opens from disk anywhere.
* Output is deterministic (no timestamps), like the JSON report.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from itertools import pairwise

from transcheck import __version__
from transcheck.model import ArticleResult, Finding, RunResult, Segment, Severity
from transcheck.report.evidence import highlight_spans, segment_of, sentence_of

SEVERITIES = tuple(sorted(Severity, reverse=True))  # error, warning, info


def e(value: object) -> str:
    """Escape for text and double-quoted attribute values."""
    return escape(str(value), quote=True)


def _asset(name: str) -> str:
    return resources.files("transcheck.report").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _safe_id(value: str) -> str:
    """An id/class fragment built from a name we do not control."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", value) or "_"


# --------------------------------------------------------------------------- spans


@dataclass
class _Hit:
    start: int
    end: int
    fid: str
    severity: Severity


@dataclass
class _ArticleView:
    """Per-article lookups: which row holds a segment, which findings touch it."""

    index: int
    result: ArticleResult
    langs: list[str]
    seg_row: dict[tuple[str, int], int] = field(default_factory=dict)
    hits: dict[tuple[str, int], list[_Hit]] = field(default_factory=dict)  # highlight spans
    seg_sev: dict[tuple[str, int], Severity] = field(default_factory=dict)  # segments involved
    row_findings: dict[int, list[tuple[str, Finding]]] = field(default_factory=dict)
    gaps: dict[tuple[int, str], Severity] = field(default_factory=dict)  # (row, lang) at fault
    loose: list[tuple[str, Finding]] = field(default_factory=list)  # no row: article-level


def _view(index: int, result: ArticleResult, languages: Sequence[str]) -> _ArticleView:
    versions = result.article.versions
    langs = [lang for lang in languages if lang in versions] + sorted(set(versions) - set(languages))
    view = _ArticleView(index=index, result=result, langs=langs)
    for r, row in enumerate(result.alignment):
        for lang, indices in row.items():
            for i in indices:
                view.seg_row.setdefault((lang, i), r)
    for k, finding in enumerate(result.findings):
        fid = f"f{index}-{k}"
        rows: set[int] = set()
        for lang, indices in finding.segments.items():
            for i in indices:
                if (lang, i) in view.seg_row:
                    rows.add(view.seg_row[(lang, i)])
                    key = (lang, i)
                    view.seg_sev[key] = max(view.seg_sev.get(key, Severity.INFO), finding.severity)
        for lang, i, start, end in highlight_spans(result, finding):
            view.hits.setdefault((lang, i), []).append(_Hit(start, end, fid, finding.severity))
            if (lang, i) in view.seg_row:
                rows.add(view.seg_row[(lang, i)])
        if rows:
            first = min(rows)
            view.row_findings.setdefault(first, []).append((fid, finding))
            if finding.lang is not None:
                for r in rows:
                    if not result.alignment[r].get(finding.lang):
                        key2 = (r, finding.lang)
                        view.gaps[key2] = max(view.gaps.get(key2, Severity.INFO), finding.severity)
        else:
            view.loose.append((fid, finding))
    return view


def _highlight(text: str, hits: Sequence[_Hit]) -> str:
    """Escaped text with each (possibly overlapping) hit wrapped in <mark>."""
    if not hits:
        return e(text)
    cuts = sorted({0, len(text), *(h.start for h in hits), *(h.end for h in hits)})
    parts: list[str] = []
    for a, b in pairwise(cuts):
        piece = e(text[a:b])
        covering = [h for h in hits if h.start <= a and b <= h.end]
        if covering:
            sev = max(h.severity for h in covering)
            fids = " ".join(dict.fromkeys(h.fid for h in covering))
            parts.append(f'<mark class="hl sev-{sev.label}" data-f="{e(fids)}">{piece}</mark>')
        else:
            parts.append(piece)
    return "".join(parts)


# --------------------------------------------------------------------------- pieces


def _check_info() -> dict[str, dict[str, str]]:
    from transcheck.checks.registry import ALL_CHECKS

    return {
        c.code: {
            "name": c.name,
            "severity": c.severity.label,
            "category": c.category,
            "help": c.help(),
            "example": c.example,
        }
        for c in ALL_CHECKS
    }


def _reflow(paragraph: str) -> str:
    """Docstring paragraphs are hard-wrapped for the terminal: rejoin their lines so the
    browser wraps them, but keep list items (``- x``, ``* x``, ``1. x``) on their own lines."""
    lines: list[str] = []
    for line in paragraph.strip().splitlines():
        stripped = line.strip()
        if lines and not re.match(r"([-*•]|\d+[.)])\s", stripped):
            lines[-1] += " " + stripped
        else:
            lines.append(stripped)
    return "\n".join(lines)


def _help_block(code: str, info: Mapping[str, str], *, popover: bool) -> str:
    attrs = f' id="help-{_safe_id(code)}" popover' if popover else ""
    paragraphs = "".join(f"<p>{e(_reflow(p))}</p>" for p in info["help"].split("\n\n") if p.strip())
    example = f'<p><strong>Example:</strong> {e(info["example"])}</p>' if info["example"] else ""
    return (
        f'<div class="help"{attrs} role="note"><h3><code>{e(code)}</code> {e(info["name"])}</h3>'
        f'<p class="muted">default severity {e(info["severity"])} · category {e(info["category"])}</p>'
        f"{paragraphs}{example}</div>"
    )


def _finding_item(fid: str, finding: Finding, checks: Mapping[str, Mapping[str, str]]) -> str:
    langs = sorted({*finding.segments, *([finding.lang] if finding.lang else [])})
    sev = finding.severity.label
    lang = f' <span class="flang" title="version at fault">{e(finding.lang)}</span>' if finding.lang else ""
    why = ""
    if finding.code in checks:
        why = (
            f' <button type="button" class="why" popovertarget="help-{_safe_id(finding.code)}"'
            f' aria-label="Explain {e(finding.code)} {e(finding.name)}">why?</button>'
        )
    sentence = sentence_of(finding)
    quote = ""
    if sentence is not None:
        where = f"{sentence[0]} " if sentence[0] else ""
        quote = f'<blockquote class="sentence"><span class="sn">{e(where)}sentence</span>{e(sentence[2])}</blockquote>'
    extra = [
        (k, v)
        for k, v in finding.details.items()
        if k not in ("spans", "sentence") and isinstance(v, (str, int, float, list, dict)) and not isinstance(v, bool)
    ]
    dl = ""
    if extra:
        items = "".join(
            f"<div><dt>{e(k)}</dt><dd>{e(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))}</dd></div>"
            for k, v in extra
        )
        dl = f'<dl class="extra">{items}</dl>'
    return (
        f'<li class="finding sev-{sev}" id="{fid}" tabindex="-1" data-sev="{sev}" data-check="{e(finding.code)}"'
        f' data-langs="{e(" ".join(langs))}"><span class="badge {sev}">{sev}</span>'
        f'<code>{e(finding.code)}</code> <span class="fname">{e(finding.name)}</span>{lang} — '
        f'<span class="msg">{e(finding.message)}</span>{why}{quote}{dl}</li>'
    )


def _segment_html(view: _ArticleView, lang: str, seg: Segment) -> str:
    meta = f"¶{seg.index}" + ("" if seg.kind == "paragraph" else f" · {seg.kind}")
    line = f' title="line {seg.line}"' if seg.line is not None else ""
    body = _highlight(seg.text, view.hits.get((lang, seg.index), []))
    return f'<p class="kind-{_safe_id(seg.kind)}" data-seg="{seg.index}"><span class="sn"{line}>{e(meta)}</span>{body}</p>'


def _article(view: _ArticleView, checks: Mapping[str, Mapping[str, str]], ncols: int) -> str:
    result = view.result
    article = result.article
    aid = f"a{view.index}"
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in SEVERITIES}
    chips = "".join(
        f'<span class="sev {s.label}">{counts[s]} {s.label}</span>' for s in SEVERITIES if counts[s]
    ) or '<span class="muted">no findings</span>'
    out = [
        f'<section class="article" id="{aid}" aria-labelledby="{aid}-h">',
        f"<details{' open' if result.findings else ''}><summary>",
        f'<h2 id="{aid}-h">{e(article.id)}</h2> <span class="chips">{chips}</span></summary>',
    ]
    if article.missing:
        out.append(f'<p class="versions-missing">No version in: {e(", ".join(article.missing))}</p>')
    if view.loose:
        items = "".join(_finding_item(fid, f, checks) for fid, f in view.loose)
        out.append(f'<ul class="findings article-findings">{items}</ul>')
    if view.langs:
        cols = '<col class="rn">' + "".join('<col class="lang">' for _ in view.langs)
        heads = "".join(
            f'<th scope="col" lang="{e(lang)}">{e(lang)}'
            f'<span class="path">{e(article.versions[lang].rel_path)}</span></th>'
            for lang in view.langs
        )
        out.append(f'<table class="sbs"><colgroup>{cols}</colgroup><thead><tr>'
                   f'<th scope="col"><span class="skip">row</span></th>{heads}</tr></thead><tbody>')
        for r, row in enumerate(result.alignment):
            here = view.row_findings.get(r, [])
            fids = " ".join(fid for fid, _ in here)
            cells = []
            for lang in view.langs:
                indices = [i for i in row.get(lang, ()) if segment_of(result, lang, i) is not None]
                if not indices:
                    gap = view.gaps.get((r, lang))
                    cls = f" gap-{gap.label}" if gap is not None else ""
                    cells.append(
                        f'<td class="seg empty{cls}" lang="{e(lang)}" data-lang="{e(lang)}">'
                        f'<span class="gap">no {e(lang)} counterpart</span></td>'
                    )
                    continue
                sev = max((view.seg_sev[(lang, i)] for i in indices if (lang, i) in view.seg_sev), default=None)
                cls = f" hit-{sev.label}" if sev is not None else ""
                paras = "".join(_segment_html(view, lang, result.article.versions[lang].segments[i]) for i in indices)
                cells.append(f'<td class="seg{cls}" lang="{e(lang)}" data-lang="{e(lang)}">{paras}</td>')
            out.append(
                f'<tr class="arow" id="{aid}-r{r}" data-row="{r}" data-findings="{fids}">'
                f'<th scope="row" class="rn">{r}</th>{"".join(cells)}</tr>'
            )
            if here:
                items = "".join(_finding_item(fid, f, checks) for fid, f in here)
                out.append(
                    f'<tr class="frow" data-row="{r}"><td colspan="{ncols + 1}">'
                    f'<ul class="findings">{items}</ul></td></tr>'
                )
        out.append("</tbody></table>")
    out.append("</details></section>")
    return "\n".join(out)


def _index(views: Sequence[_ArticleView]) -> str:
    heads = '<th scope="col"><button type="button" data-sort="name">Article</button></th><th scope="col">Versions</th>'
    for s in SEVERITIES:
        heads += f'<th scope="col" class="num"><button type="button" data-sort="{s.label}">{s.label}</button></th>'
    heads += '<th scope="col" class="num"><button type="button" data-sort="total">total</button></th>'
    rows = []
    for view in views:
        findings = view.result.findings
        counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
        cells = "".join(
            f'<td class="num{" zero" if counts[s] == 0 else ""}">{counts[s]}</td>' for s in SEVERITIES
        )
        data = " ".join(f'data-{s.label}="{counts[s]}"' for s in SEVERITIES)
        rows.append(
            f'<tr data-article="a{view.index}" data-order="{view.index}" data-name="{e(view.result.article.id)}"'
            f' {data} data-total="{len(findings)}"><td><a href="#a{view.index}">{e(view.result.article.id)}</a></td>'
            f'<td>{e(" ".join(view.langs))}</td>{cells}<td class="num">{len(findings)}</td></tr>'
        )
    return (
        f'<table class="index" id="index"><caption class="skip">Articles</caption><thead><tr>{heads}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


def _toolbar(checks_used: Iterable[tuple[str, str]], langs: Sequence[str]) -> str:
    sev = "".join(
        f'<label><input type="checkbox" name="sev" value="{s.label}" checked> {s.label}</label>' for s in SEVERITIES
    )
    check_opts = "".join(f'<option value="{e(code)}">{e(code)} {e(name)}</option>' for code, name in checks_used)
    lang_opts = "".join(f'<option value="{e(lang)}">{e(lang)}</option>' for lang in langs)
    return (
        '<div class="toolbar" role="search">'
        '<input type="search" id="q" placeholder="Search articles and text  ( / )" aria-label="Search">'
        f"<fieldset><legend>Severity</legend>{sev}</fieldset>"
        f'<label>Check <select id="check"><option value="">all</option>{check_opts}</select></label>'
        f'<label>Language <select id="lang"><option value="">all</option>{lang_opts}</select></label>'
        '<label><input type="checkbox" id="only"> only rows with findings</label>'
        '<span id="status" aria-live="polite"></span>'
        '<span class="nav"><button type="button" id="prev" title="Previous finding (k)">↑ prev <kbd>k</kbd></button>'
        '<button type="button" id="next" title="Next finding (j)">↓ next <kbd>j</kbd></button>'
        '<button type="button" id="theme" title="Switch theme (t)">Theme: auto</button></span></div>'
    )


def _signature(settings: Mapping[str, object]) -> str:
    rows = "".join(
        f'<tr><th scope="row">{e(k)}</th><td>{e(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))}</td></tr>'
        for k, v in settings.items()
    )
    return f'<table class="sig">{rows}</table>'


def render(result: RunResult) -> str:
    """The whole report as one HTML document."""
    raw_langs = result.settings.get("languages")
    languages = [str(x) for x in raw_langs] if isinstance(raw_langs, (list, tuple)) else []
    css, js = _asset("report.css"), _asset("report.js")
    if "</" in css or "</script" in js.lower():
        raise AssertionError("report assets must not close their own element")
    checks = _check_info()
    views = [_view(i, a, languages) for i, a in enumerate(result.articles)]
    ncols = {id(v): len(v.langs) for v in views}
    used: dict[str, str] = {}
    for a in result.articles:
        for f in a.findings:
            used.setdefault(f.code, f.name)
    all_langs = list(dict.fromkeys([*languages, *(lang for v in views for lang in v.langs)]))
    counts = result.count_by_severity()
    total = sum(counts.values())
    flagged = sum(1 for a in result.articles if a.findings)
    csp = (
        "default-src 'none'; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    summary = (
        f'<span class="count"><strong>{len(result.articles)}</strong> articles</span>'
        f'<span class="count"><strong>{flagged}</strong> with findings</span>'
        + "".join(f'<span class="count {k}"><strong>{v}</strong> {k}</span>' for k, v in counts.items())
        + f'<span class="count"><strong>{total}</strong> findings</span>'
    )
    if result.errors:
        summary += f'<span class="count error"><strong>{len(result.errors)}</strong> unreadable inputs</span>'
    suppressed = {k: int(v) for k, v in result.suppressed.items() if v}
    if suppressed:
        how = ", ".join(f"{k} {v}" for k, v in sorted(suppressed.items()))
        summary += f'<span class="count"><strong>{sum(suppressed.values())}</strong> suppressed ({e(how)})</span>'
    errors = ""
    if result.errors:
        items = "".join(f'<li><code>{e(x.path)}</code>: {e(x.message)}</li>' for x in result.errors)
        errors = f'<section class="errors" id="errors"><h2>Inputs that could not be read</h2><ul>{items}</ul></section>'
    helps = "".join(_help_block(code, info, popover=True) for code, info in checks.items())
    checks_list = "".join(_help_block(code, info, popover=False) for code, info in checks.items())
    articles = "\n".join(_article(v, checks, ncols[id(v)]) for v in views)
    model = result.settings.get("model", "")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{e(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="transcheck {e(__version__)}">
<title>transcheck report — {len(result.articles)} articles, {total} findings</title>
<style>{css}</style>
</head>
<body>
<a class="skip" href="#articles">Skip to articles</a>
{_toolbar(used.items(), all_langs)}
<header class="top">
<h1>transcheck report</h1>
<div class="summary">{summary}</div>
<p class="muted shortcuts">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous finding, <kbd>/</kbd> search,
<kbd>t</kbd> theme. Model <code>{e(model)}</code>.</p>
</header>
<main id="main">
{errors}
<h2 class="skip">Index</h2>
{_index(views)}
<div id="articles">
{articles}
</div>
</main>
<footer>
<details id="signature"><summary>Signature (settings that produced this report)</summary>{_signature(result.settings)}</details>
<details class="checks-list"><summary>Checks</summary>{checks_list}</details>
<p>transcheck {e(__version__)}</p>
</footer>
{helps}
<script>{js}</script>
</body>
</html>
"""
