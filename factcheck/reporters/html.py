"""One self-contained HTML page for editors: the draft with every item highlighted by verdict,
the word-level difference against the source, the evidence, and where the sources disagree.

No network: styles and the verdict filter are inline. Everything taken from input is escaped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import IO

from .. import __version__
from ..model import VERDICTS
from ..normalise import escape_hidden
from .common import VERDICT_HELP, relpath

COLOURS = {
    "verified": "#d9f2d9",
    "misquote": "#f8c9c4",
    "misattributed": "#f4b6d2",
    "contradicted": "#f6b5a8",
    "disputed": "#fde7a9",
    "unsupported": "#e4e4ea",
}

CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#1d2733;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}
main{display:grid;grid-template-columns:minmax(320px,1fr) minmax(360px,1fr);gap:20px;padding:20px 24px}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px}
h2{font-size:16px;margin:4px 0 10px}
.filters label{margin-right:12px;white-space:nowrap}
.doc{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;white-space:pre-wrap}
.ln{display:inline-block;width:3em;color:#999;user-select:none}
mark{border-radius:3px;padding:0 1px;color:inherit}
mark a{color:inherit;text-decoration:none}
.item{border-left:5px solid #ccc;padding:6px 10px;margin:0 0 12px;background:#fff}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600}
.meta{color:#555;font-size:13px}
.diff{margin:6px 0;padding:6px;background:#f6f6f6;border-radius:4px}
.diff del{background:#ffd6d6;text-decoration:line-through}
.diff ins{background:#d6f5d6;text-decoration:none}
.diff .omitted{color:#888}
.meta .src{background:#ffd6d6;text-decoration:line-through}.meta .dft{background:#d6f5d6}
blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #bbb;color:#333;background:#fcfcfc}
.hidden{display:none}
table{border-collapse:collapse}td,th{border-bottom:1px solid #eee;padding:3px 8px;text-align:left;vertical-align:top}
"""

SCRIPT = """
document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () {
    var v = box.value, on = box.checked;
    document.querySelectorAll('[data-verdict="' + v + '"]').forEach(function (el) {
      el.classList.toggle('hidden', !on);
    });
  });
});
"""


def _e(text) -> str:
    return escape(escape_hidden(str(text if text is not None else "")), quote=True)


def _diff_html(diff: list[dict]) -> str:
    out = []
    for d in diff:
        op = d["op"]
        if op == "equal":
            out.append(f"<span>{_e(d['item'])}</span>")
        elif op == "replace":
            out.append(f"<del title='source'>{_e(d['source'])}</del> <ins title='draft'>{_e(d['item'])}</ins>")
        elif op == "insert":
            out.append(f"<ins title='only in the draft'>{_e(d['item'])}</ins>")
        elif op == "delete":
            out.append(f"<del title='only in the source'>{_e(d['source'])}</del>")
        elif op == "omitted":
            out.append(f"<span class='omitted' title='marked omission: {_e(d['source'])}'>{_e(d['item'])}</span>")
    return " ".join(out)


def _document(path: str, text: str, items: list[tuple[int, object]]) -> str:
    """The draft, line by line, with each item's span marked."""
    spans = sorted(((it.claim.span, n, it) for n, it in items if it.claim.span), key=lambda x: x[0])
    marks: list[tuple[int, int, int, object]] = []
    last_end = -1
    for (s, e), n, it in spans:
        if s >= last_end:
            marks.append((s, e, n, it))
            last_end = e
    out = []
    pos = 0
    for s, e, n, it in marks:
        out.append(_e(text[pos:s]))
        colour = COLOURS[it.verdict]
        out.append(
            f"<mark class='hl' data-verdict='{it.verdict}' style='background:{colour}' title='{_e(it.verdict)}'>"
            f"<a href='#item-{n}'>{_e(text[s:e])}</a></mark>"
        )
        pos = e
    out.append(_e(text[pos:]))
    body = "".join(out)
    lines = body.split("\n")
    numbered = "\n".join(f"<span class='ln'>{i}</span>{line}" for i, line in enumerate(lines, start=1))
    return f"<section class='draft'><h2>{_e(relpath(path))}</h2><div class='doc'>{numbered}</div></section>"


def _item(n: int, it, corpus) -> str:
    c = it.claim
    colour = COLOURS[it.verdict]
    parts = [
        f"<article class='item' id='item-{n}' data-verdict='{it.verdict}' style='border-left-color:{colour}'>",
        f"<div><span class='badge' style='background:{colour}'>{it.verdict}</span> "
        f"<span class='meta'>{_e(relpath(c.file))}:{c.line}:{c.column} &middot; {c.kind}"
        + (f" &middot; {_e(c.speaker)}" if c.speaker else "")
        + f" &middot; score {it.score:.0f}</span></div>",
        f"<div class='text'>{_e(c.text)}</div>",
    ]
    if it.diff and it.verdict != "verified":
        parts.append(
            "<div class='diff'><div class='meta'>what the <span class='src'>source says</span> / what the "
            "<span class='dft'>draft says</span></div>" + _diff_html(it.diff) + "</div>"
        )
    if it.findings:
        parts.append("<ul class='findings'>")
        for f in it.findings:
            parts.append(f"<li><b>{_e(f.type)}</b> ({_e(f.severity)}): {_e(f.message)}</li>")
        parts.append("</ul>")
    for ev in it.evidence[:2]:
        src = corpus.source(ev.source)
        who = f" &mdash; {_e(ev.speaker)}" if ev.speaker else ""
        parts.append(
            f"<blockquote class='evidence'>{_e(ev.text)}{who}"
            f"<div class='meta'>{_e(src.title)} &middot; {_e(relpath(src.path))}:{ev.line}</div></blockquote>"
        )
    parts.append("</article>")
    return "".join(parts)


def report(report, context: dict, stream: IO[str]) -> None:
    counts = Counter(it.verdict for it in report.items)
    numbered = list(enumerate(report.items, start=1))
    by_file: dict[str, list] = defaultdict(list)
    for n, it in numbered:
        by_file[it.claim.file].append((n, it))
    filters = "".join(
        f"<label title='{_e(VERDICT_HELP[v])}'><input type='checkbox' value='{v}' checked> "
        f"<span class='badge' style='background:{COLOURS[v]}'>{v}</span> {counts.get(v, 0)}</label>"
        for v in VERDICTS
    )
    docs = "".join(_document(path, text, by_file.get(path, [])) for path, text in report.documents.items())
    items = "".join(_item(n, it, report.corpus) for n, it in numbered)
    conflicts = ""
    if report.conflicts:
        rows = "".join(
            f"<tr><td>{_e(c.severity)}</td><td>{_e(c.type)}</td><td>{_e(c.message)}</td></tr>" for c in report.conflicts
        )
        conflicts = f"<section class='conflicts'><h2>Where the sources disagree</h2><table>{rows}</table></section>"
    stream.write(
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>factcheck report</title><style>{CSS}</style></head><body>"
        f"<header><h1>factcheck report</h1><div>{len(report.items)} items checked against "
        f"{len(report.corpus.sources)} sources &middot; factcheck {__version__}</div></header>"
        f"<main><div><section class='filters'><h2>Show</h2>{filters}</section>{docs}{conflicts}</div>"
        f"<div><section class='items'><h2>Items</h2>{items}</section></div></main>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )
