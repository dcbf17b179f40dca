"""Drafts and batch files -> Claims, each with its file, line and column."""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .entities import DATE_NAMES, AliasRegistry
from .errors import InputError
from .ingest import DEFAULT_MAX_BYTES, read_text, within_limit
from .model import Claim
from .normalise import lines_with_offsets, normalise, split_sentences, tokenize
from .quotes import attribute, find_quote_spans

DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".docx")
BATCH_SUFFIXES = (".csv", ".jsonl")
INPUT_SUFFIXES = DRAFT_SUFFIXES + BATCH_SUFFIXES


@dataclass
class Parsed:
    claims: list[Claim] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    suppressions: list[tuple[int, int, set[str] | None]] = field(default_factory=list)  # (first, last line, verdicts)
    text: str | None = None  # a draft's text as read, for reports that show the draft


# --- Markdown -------------------------------------------------------------------------------
# Markup is blanked out with spaces rather than removed, so every character that remains keeps
# its line and column.

_INLINE = [
    re.compile(r"!\[[^\]]*\]\([^)]*\)"),  # images: all of it
    re.compile(r"<!--.*?-->"),  # comments
    re.compile(r"</?[A-Za-z][^>]*>"),  # html tags
]
_LINK = re.compile(r"\[([^\]]+)\]\(([^)]*)\)")
_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
# emphasis spans at most a few hundred characters, so an unmatched "*" costs no scan to the
# end of a long line
_EMPH = re.compile(r"(?<![\w*_`])(\*\*|__|\*|_|~~|`)(?=\S)(.{1,300}?)(?<=\S)\1(?![\w*_`])")
_BLOCK_PREFIX = re.compile(r"^(\s{0,3}>\s?)+|^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")
_HEADING = re.compile(r"^\s{0,3}(#{1,6}\s|={3,}\s*$|-{3,}\s*$)")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_LINKDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S")
_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")  # "|---|:--:|"


def _table_row(body: str) -> str:
    """A table's row as prose of the same length. A cell that quotes someone, or that is a
    sentence (it ends like one), is read; a short first cell before a quote is its speaker
    ("| Coffey | "We will stand by ..." |" reads 'Coffey: "We will stand by ..."'); other
    cells are labels and values ("| Deaths | at least seven |"), which state nothing
    checkable alone, and are blank, as are the bars."""
    bars = [i for i, c in enumerate(body) if c == "|"]
    chars = [" " if c == "|" else c for c in body]
    cells = [(bars[k] + 1, bars[k + 1]) for k in range(len(bars) - 1)]
    quoting = ['"' in body[a:b] or "\u201c" in body[a:b] for a, b in cells]
    kept = [
        q or bool(re.search(r"[.!?][\"'\u201d)]*\s*$", body[a:b])) for (a, b), q in zip(cells, quoting, strict=True)
    ]
    label = bool(cells) and not kept[0] and len(body[cells[0][0] : cells[0][1]].split()) <= 5 and any(quoting[1:])
    for k, (a, b) in enumerate(cells):
        if kept[k] or (k == 0 and label):
            continue
        chars[a:b] = " " * (b - a)
    if label:
        chars[bars[1]] = ":"
    return "".join(chars)


_SUPPRESS = re.compile(r"<!--\s*factcheck:\s*ignore(?:\s+([\w\s,-]+?))?\s*-->", re.I)


def _blank(s: str, a: int, b: int) -> str:
    return s[:a] + " " * (b - a) + s[b:]


def strip_markdown_line(line: str) -> str:
    for rx in _INLINE:
        for m in reversed(list(rx.finditer(line))):
            line = _blank(line, m.start(), m.end())
    for m in reversed(list(_LINK.finditer(line))):
        line = _blank(line, m.end(1), m.end())
        line = _blank(line, m.start(), m.start() + 1)
    for m in reversed(list(_REFLINK.finditer(line))):
        line = _blank(line, m.end(1), m.end())
        line = _blank(line, m.start(), m.start() + 1)
    for _ in range(3):
        changed = False
        for m in reversed(list(_EMPH.finditer(line))):
            n = len(m.group(1))
            line = _blank(line, m.end() - n, m.end())
            line = _blank(line, m.start(), m.start() + n)
            changed = True
        if not changed:
            break
    m = _BLOCK_PREFIX.match(line)
    if m:
        line = _blank(line, 0, m.end())
    return line


def markdown_to_text(text: str, markdown: bool = True) -> tuple[str, set[int], list[tuple[int, set[str] | None]]]:
    """Text with markup blanked (same length), the 1-based lines that hold no prose, and the
    suppression comments found (line, verdicts or None for all)."""
    out = []
    skip: set[int] = set()
    supp: list[tuple[int, set[str] | None]] = []
    in_fence = False
    lines = [m.group(0) for m in _LINE_WITH_END.finditer(text) if m.group(0)]
    front = markdown and bool(lines) and lines[0].strip() == "---"
    for n, raw in enumerate(lines, start=1):
        body = raw.rstrip("\r\n")
        ending = raw[len(body) :]
        sm = _SUPPRESS.search(body)
        if sm:
            verdicts = {v.strip().lower() for v in re.split(r"[\s,]+", sm.group(1) or "") if v.strip()} or None
            supp.append((n, verdicts))
        if front:
            skip.add(n)
            out.append(" " * len(body) + ending)
            if n > 1 and body.strip() == "---":
                front = False
            continue
        if markdown and _FENCE.match(body):
            in_fence = not in_fence
            skip.add(n)
            out.append(" " * len(body) + ending)
            continue
        if markdown and not in_fence and _TABLE.match(body):
            header = n < len(lines) and _TABLE_RULE.match(lines[n].rstrip("\r\n"))
            if _TABLE_RULE.match(body) or header:
                skip.add(n)  # the rule under a header, and the header: labels, not claims
                out.append(" " * len(body) + ending)
            else:
                out.append(strip_markdown_line(_table_row(body)) + ending)
            continue
        if in_fence or (markdown and (_HEADING.match(body) or _LINKDEF.match(body))):
            skip.add(n)
            out.append(" " * len(body) + ending)
            continue
        body = strip_markdown_line(body) if markdown else body
        if m := _TIMESTAMP.match(body):
            body = _blank(body, 0, m.end())  # a live blog's "10:42 -" says when, not what
        if _BYLINE.match(body):
            skip.add(n)  # "By our correspondent": who wrote it, not what it says
            out.append(" " * len(body) + ending)
            continue
        out.append(body + ending)
    return "".join(out), skip, supp


# a live blog's time at the start of an entry, then a dash, colon or bar: "10:42 -", "9.30pm:",
# "14:05 GMT |", "Update 10:30:" (not "3.15 million", which no mark follows)
_TIMESTAMP = re.compile(
    r"^\s*(?:(?:Update|Updated|UPDATE|UPDATED)(?:\s+at)?\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PT|AEST|AEDT))?\s*[-\u2013\u2014:|]\s+"
)


# a byline on a line of its own: "By Sarah Mitchell", "By our correspondent", "By Jane Doe,
# Political Editor" (no sentence ends on it)
_BYLINE = re.compile(r"^\s*By\s+(?:[A-Z][\w'.-]*|our|the|a)\b[^.!?\"]{0,60}$")

_TERMINAL = re.compile(r"[.!?:\"')\]]\s*$")


def _paragraphs(ntext: str, skip: set[int]) -> list[tuple[int, int]]:
    """One paragraph a line, except that a line not ending a sentence runs on into a next line
    that starts in lower case (hard-wrapped prose)."""
    paras: list[list[int]] = []
    prev_open = False
    for line, s, e in lines_with_offsets(ntext):
        body = ntext[s:e]
        if line in skip or not body.strip():
            prev_open = False
            continue
        lead = len(body) - len(body.lstrip())
        first = body.lstrip()[:1]
        if prev_open and paras and (first.islower() or lead >= 2):
            paras[-1][1] = e
        else:
            paras.append([s + lead, e])
        # a line that ends mid-sentence, or with a quote still awaiting its attribution
        # ('... the risks,"'), runs on into a next line that is indented or starts in lower case
        prev_open = not _TERMINAL.search(body) or body.rstrip().endswith((',"', ",'"))
    return [(a, len(ntext[:b].rstrip())) for a, b in paras]


_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class Lines:
    """Line and column of an offset, for LF, CRLF and CR line endings alike."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


# a name, then a relative clause about them, ended by a comma, a colon or the sentence
_RELATIVE_ABOUT = re.compile(
    r"(?P<name>(?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'-]*),\s+(?:who|whose)\s+[^,:;\"]+?(?=\s*(?:[,:;]|[.!?]?\s*$))"
)
# what makes such a clause a fact to check: a number or a date (a clause with neither, "who
# was not at his best", matched only loosely, would be judged against whatever is nearest)
_FACTUAL = re.compile(rf"\d|\b(?:{DATE_NAMES})\b")


class _Spans:
    """Whether a stretch overlaps any of many spans, sorted by their starts, in log time (a
    draft may quote thousands of times)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in spans]
        self.reach = list(itertools.accumulate((b for _, b in spans), max))  # furthest end so far

    def overlap(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self.starts, b)  # the spans starting before b
        return k > 0 and self.reach[k - 1] > a


def _described_speakers(text: str, a: int, b: int, quoted: _Spans) -> list[tuple[int, int]]:
    """Spans of ``text[a:b]``, outside its quotes, that name someone and say a fact about them
    in a relative clause: "Ken Murphy, who took over in October 2021"."""
    out = []
    for m in _RELATIVE_ABOUT.finditer(text, a, b):
        s, e = m.start(), m.end()
        clause = text[m.end("name") : e]
        if quoted.overlap(s, e) or not _FACTUAL.search(clause):
            continue
        out.append((s, e))
    return out


def _states_something(sentence: str) -> bool:
    toks = [t for t in tokenize(sentence) if t.text[:1].isalnum()]
    return len(toks) >= 3


def read_docx(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """A Word draft as text, one line per paragraph, so that line N is paragraph N.
    Headings and titles become blank lines: they are not claims."""
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file or folder")
    within_limit(path, p.stat().st_size, max_bytes)
    try:
        import docx
    except ImportError:  # pragma: no cover - a dependency, but say what to do if it is missing
        raise InputError(path, "reading .docx needs python-docx: pip install python-docx") from None
    try:
        document = docx.Document(str(p))
    except Exception as e:  # python-docx raises several kinds for a file that is not a Word document
        raise InputError(path, f"not a readable Word document ({type(e).__name__}: {e})") from None
    lines = []
    for para in document.paragraphs:
        style = (para.style.name or "") if para.style is not None else ""
        lines.append("" if style.startswith(("Heading", "Title")) else para.text.replace("\n", " "))
    return "\n".join(lines) + "\n"


def parse_draft(
    path: str | Path,
    registry: AliasRegistry | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    display: str | None = None,
) -> Parsed:
    """Quotes and claims of a draft, in reading order."""
    if Path(path).suffix.lower() == ".docx":
        return parse_draft_text(read_docx(path, max_bytes), display or str(path), registry, markdown=False)
    text, _ = read_text(path, max_bytes)
    return parse_draft_text(
        text, display or str(path), registry, markdown=Path(path).suffix.lower() in (".md", ".markdown")
    )


def parse_draft_text(text: str, name: str, registry: AliasRegistry | None = None, markdown: bool = True) -> Parsed:
    plain, skip, supp = markdown_to_text(text, markdown)
    norm = normalise(plain)
    ntext = norm.text
    paras = _paragraphs(ntext, skip)
    sents: list[tuple[int, int]] = []
    for a, b in paras:
        sents.extend(split_sentences(ntext, a, b))
    quotes = find_quote_spans(ntext, paras, plain, norm)
    attribute(ntext, paras, sents, quotes, registry)
    parsed = Parsed(text=text)
    base = Path(name).name
    _line_col = Lines(text)
    for q in quotes:
        qtext = re.sub(r"\s+", " ", " ".join(ntext[a:b] for a, b in q.parts)).strip()
        o = norm.orig_start(q.open_mark)
        line, col = _line_col(o)
        i = bisect.bisect_right(sents, (q.open_mark, float("inf"))) - 1
        sent = sents[i] if i >= 0 and sents[i][0] <= q.open_mark < sents[i][1] else None
        context = text[norm.orig_start(sent[0]) : norm.orig_end(sent[1])] if sent else None
        close = q.close_mark + 1 if q.close_mark is not None else q.parts[-1][1]
        span = (o, norm.orig_end(close))
        parsed.claims.append(
            Claim(f"{base}:{line}:{col}", name, line, col, "quote", qtext, q.speaker, q.phrase, context, span)
        )
    quoted = [
        (q.open_mark, q.attribution_end or (q.close_mark if q.close_mark is not None else q.parts[-1][1]) + 1)
        for q in quotes
    ]

    def add_claim(a: int, b: int, words: str) -> None:
        """A claim of ``words``, read from the normalised ``ntext[a:b]``."""
        o = norm.orig_start(a)
        line, col = _line_col(o)
        parsed.claims.append(
            Claim(
                f"{base}:{line}:{col}",
                name,
                line,
                col,
                "claim",
                re.sub(r"\s+", " ", words),
                None,
                None,
                text[o : norm.orig_end(b)],
                (o, norm.orig_end(b)),
            )
        )

    quoted_spans = _Spans(sorted(quoted))
    for a, b in sents:
        if quoted_spans.overlap(a, b):
            # the quote is checked as a quote; what its attribution says of the speaker is a
            # claim of its own ("said Ken Murphy, who took over in October 2021")
            for ca, cb in _described_speakers(ntext, a, b, quoted_spans):
                add_claim(ca, cb, ntext[ca:cb])
            continue
        sentence = ntext[a:b].strip()
        if _states_something(sentence):
            add_claim(a, b, sentence)
    parsed.claims.sort(key=lambda c: (c.line, c.column))
    # suppression: a comment covers the next paragraph (the lines up to the next blank line)
    lines = _BREAK.split(text)
    for n, verdicts in supp:
        first = n + 1 if not _SUPPRESS.sub("", lines[n - 1]).strip() else n
        while first <= len(lines) and not lines[first - 1].strip():
            first += 1
        last = first
        while last < len(lines) and lines[last].strip():
            last += 1
        parsed.suppressions.append((first, last, verdicts))
    return parsed


# --- batch files ----------------------------------------------------------------------------


def _record_claim(rec: dict, path: str, line: int, registry: AliasRegistry | None, ids: dict[str, int]) -> Claim:
    rid = rec.get("id")
    if rid is None or (isinstance(rid, str) and not rid.strip()):
        raise InputError(path, "record has no 'id'", line)
    if not isinstance(rid, str | int) or isinstance(rid, bool):
        raise InputError(path, f"'id' must be a string or a number, not {type(rid).__name__}", line)
    rid = str(rid).strip()
    if rid in ids:
        raise InputError(path, f"duplicate id '{rid}' (first on line {ids[rid]})", line)
    text = rec.get("text")
    if not isinstance(text, str):
        kind_name = type(text).__name__
        what = "missing" if text is None else f"{'an' if kind_name[0] in 'aeiou' else 'a'} {kind_name}, not a string"
        raise InputError(path, f"'text' is {what}", line)
    if not text.strip():
        raise InputError(path, "'text' is empty", line)
    speaker = rec.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        raise InputError(path, "'speaker' must be a string", line)
    speaker = (speaker or "").strip() or None
    kind = (rec.get("kind") or "").strip().lower() if isinstance(rec.get("kind"), str | type(None)) else None
    if kind is None or kind not in ("", "quote", "claim"):
        raise InputError(path, f"'kind' must be 'quote' or 'claim', not {rec.get('kind')!r}", line)
    kind = kind or ("quote" if speaker else "claim")
    ids[rid] = line
    canonical = registry.canonical_person(speaker) if (registry and speaker) else speaker
    words = text.strip()
    if kind == "quote":
        words = words.strip().strip('"\u201c\u201d').strip()
    return Claim(rid, path, line, 1, kind, re.sub(r"\s+", " ", words), canonical, speaker, text)


def parse_csv(text: str, path: str, registry: AliasRegistry | None = None) -> Parsed:
    parsed = Parsed()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        parsed.errors.append(InputError(path, "file is empty", 1))
        return parsed
    except csv.Error as e:
        parsed.errors.append(InputError(path, f"not valid CSV ({e})", 1))
        return parsed
    cols = [h.strip().lower().lstrip("\ufeff") for h in header]
    missing = [c for c in ("id", "text") if c not in cols]
    if missing:
        parsed.errors.append(
            InputError(
                path, f"the header has no {' or '.join(repr(c) for c in missing)} column (it has: {', '.join(cols)})", 1
            )
        )
        return parsed
    ids: dict[str, int] = {}
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            parsed.errors.append(InputError(path, f"not valid CSV ({e})", start))
            break
        line = start
        start = reader.line_num + 1
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) > len(cols):
            parsed.errors.append(InputError(path, f"record has {len(row)} fields, the header {len(cols)}", line))
            continue
        rec = {c: (row[i] if i < len(row) else None) for i, c in enumerate(cols)}
        for k in ("speaker", "kind"):
            if rec.get(k) == "":
                rec[k] = None
        try:
            parsed.claims.append(_record_claim(rec, path, line, registry, ids))
        except InputError as e:
            parsed.errors.append(e)
    return parsed


def parse_jsonl(text: str, path: str, registry: AliasRegistry | None = None) -> Parsed:
    parsed = Parsed()
    ids: dict[str, int] = {}
    # JSON Lines breaks lines at "\n" only (a "\x85" or "\u2028" inside a line is text)
    for n, raw in enumerate(text.split("\n"), start=1):
        raw = raw.rstrip("\r")
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as e:
            parsed.errors.append(InputError(path, f"not valid JSON ({e.msg} at column {e.colno})", n))
            continue
        if not isinstance(rec, dict):
            parsed.errors.append(InputError(path, f"a record must be a JSON object, not {type(rec).__name__}", n))
            continue
        try:
            parsed.claims.append(_record_claim(rec, path, n, registry, ids))
        except InputError as e:
            parsed.errors.append(e)
    return parsed


def parse_file(path: str | Path, registry: AliasRegistry | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Parsed:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in INPUT_SUFFIXES:
        raise InputError(path, f"unknown input type '{suffix or p.name}' (expected {', '.join(INPUT_SUFFIXES)})")
    if suffix in DRAFT_SUFFIXES:
        return parse_draft(p, registry, max_bytes, str(path))
    text, _ = read_text(p, max_bytes)
    if suffix == ".csv":
        return parse_csv(text, str(path), registry)
    return parse_jsonl(text, str(path), registry)


def expand_inputs(paths: list[str | Path]) -> list[Path]:
    """Files named, and the inputs inside folders named, in a stable order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES))
        else:
            out.append(p)
    return out
