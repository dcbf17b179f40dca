"""Read source files: encoding, size limits, metadata, paragraphs, boilerplate, sentences."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from .errors import InputError
from .model import Paragraph, Sentence, Source
from .normalise import lines_with_offsets, normalise, split_sentences

SOURCE_SUFFIXES = (".txt", ".md", ".markdown")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but tab, newline, form feed, return


def decode(data: bytes, path: str | Path) -> tuple[str, str]:
    """The text of a file and the encoding it was read in, detected from the bytes.

    UTF-8 (with or without BOM), UTF-16 with BOM (or without, when every other byte is NUL),
    and cp1252 for the rest. Binary files are refused.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data:
        even, odd = data[0::2], data[1::2]
        if len(data) >= 4 and odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return _strict(data, "utf-16-le", path), "utf-16-le"
        if len(data) >= 4 and even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return _strict(data, "utf-16-be", path), "utf-16-be"
        raise InputError(path, "binary file (it holds NUL bytes); sources and drafts must be text")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; read those as Latin-1 so nothing is lost
        text = (
            "".join(
                b.decode("cp1252") if b[0] not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else b.decode("latin-1")
                for b in (data[i : i + 1] for i in range(len(data)))
            )
            if len(data) < 1_000_000
            else data.decode("cp1252", errors="replace")
        )
        enc = "cp1252"
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(path, "binary file (control characters); sources and drafts must be text")
    return text, enc


def _strict(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(path, f"not valid {encoding} at byte {e.start}") from None


def read_text(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None) -> tuple[str, str]:
    """The file's text and encoding; ``data``: its bytes, already read (the index's workers
    read a file once, to hash it and to analyse it)."""
    if data is not None:
        within_limit(path, len(data), max_bytes)
        return _text_of(data, path)
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file or folder")
    if p.is_dir():
        raise InputError(path, "is a folder, not a file")
    try:
        within_limit(path, p.stat().st_size, max_bytes)
        data = p.read_bytes()
    except PermissionError:
        raise InputError(path, "cannot be read (permission denied)") from None
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror})") from None
    return _text_of(data, path)


def within_limit(path: str | Path, size: int, max_bytes: int) -> None:
    """The usual error, naming the file, for a file over the ``max_bytes`` setting."""
    if size > max_bytes:
        raise InputError(path, f"file is {size:,} bytes, over the limit of {max_bytes:,} (max_bytes setting)")


def _text_of(data: bytes, path: str | Path) -> tuple[str, str]:
    text, enc = decode(data, path)
    if not text.strip():
        raise InputError(path, "file is empty")
    return text, enc


# --- metadata -------------------------------------------------------------------------------

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def front_matter(text: str) -> tuple[dict, int]:
    """Simple ``key: value`` front matter and where the body starts."""
    m = _FRONT.match(text)
    if not m:
        return {}, 0
    meta = {}
    for line in m.group(1).splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            meta[k.strip().lower()] = v.strip().strip("\"'")
    return meta, m.end()


def sidecar(path: Path) -> dict:
    side = path.with_name(path.stem + ".meta.json")
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(side, f"metadata is not valid JSON ({e})") from None
    if not isinstance(meta, dict):
        raise InputError(side, "metadata must be a JSON object")
    return meta


# --- boilerplate ----------------------------------------------------------------------------

_READ_ALSO = re.compile(
    r"^\s*(read also|read more|also read|related|related articles?|related stories|see also|"
    r"recommended|read next|most read|more on this story|you may also like|trending)\s*[:|>-]",
    re.I,
)
_NEWSLETTER = re.compile(
    # every match starts at an s or an n: the lookahead passes over other places at once
    r"(?=[sn])"
    r"(?:\b(sign up|signup|subscribe)\b.{0,120}\b(newsletter|inbox|report|free|today|updates|briefing)\b"
    r"|\bnewsletter\b.{0,60}\b(sign up|subscribe)\b)",
    re.I,
)


def _newsletter(text: str) -> bool:
    """Whether ``text`` is a newsletter sign-up (``_NEWSLETTER``). Every match holds "sign"
    or "subscribe": an ASCII text without either, in any case, is passed over without the
    pattern's scan of every position. Other text is always scanned: IGNORECASE also folds
    letters that lower() does not ("ſ", "ı")."""
    if text.isascii():
        low = text.lower()
        if "sign" not in low and "subscribe" not in low:
            return False
    return _NEWSLETTER.search(text) is not None


_BIO = re.compile(
    r"^[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3} (?:is|was) (?:a|an|the) [^.]{0,100}?\b"
    r"(journalist|writer|reporter|editor|correspondent|contributor|columnist|author|freelancer)\b",
)
_COMMENTS = re.compile(
    r"^\s*(comments?|loading comments\.*|want to join the conversation\?|join the conversation|"
    r"leave a comment|\d+ comments?|show comments|view comments)\s*$",
    re.I,
)
_CREDITS = re.compile(
    r"^\s*\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|produced|edited|written)"
    r"(?: and \w+)? by\b[^.]{0,160}\)?\s*$",
    re.I,
)
_SEPARATOR = re.compile(r"^\s*[-*_\u2022\u00b7|=~]{1,5}\s*$")
_SOURCE_LINE = re.compile(r"^\s*(source|sources|via|credit)\s*:\s*\S", re.I)
_TERMINAL_MARKS = frozenset(".!?\"')]:;")


def _terminal(text: str) -> bool:
    r"""Whether ``text`` ends, but for spaces, with a mark a sentence ends with: what
    ``[.!?"')\]:;]\s*$`` finds, without trying that at every such mark (every paragraph is asked
    twice)."""
    t = text.rstrip()
    return t != "" and t[-1] in _TERMINAL_MARKS


_LIST_MARKER = re.compile(r"^\s*(?:[-*+\u2022\u00b7]\s*)+|^\s*\d{1,3}[.)]\s+")


def _headline_like(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    if len(words) < 4 or len(words) > 24 or _terminal(text):
        return False
    long = [w for w in words if len(w) >= 4]
    caps = [w for w in long if w[0].isupper()]
    return bool(long) and len(caps) >= 0.6 * len(long)


def mark_boilerplate(paragraphs: list[Paragraph], texts: list[str]) -> None:
    """Mark what is not the article's own reporting; the reason is kept on the paragraph."""
    n = len(paragraphs)
    # comments: the block from a "Comments" heading to the end
    for i, t in enumerate(texts):
        if _COMMENTS.match(t):
            paragraphs[i].boilerplate = "comments"
            if t.strip().lower() in {"comments", "comment"}:
                for p in paragraphs[i:]:
                    p.boilerplate = p.boilerplate or "comments"
    # related-article lists: separators with teasers between them, to the end of the file
    seps = [i for i, t in enumerate(texts) if _SEPARATOR.match(t)]
    for k in seps:
        if len([s for s in seps if s >= k]) >= 2 or n - k <= 3:
            for p in paragraphs[k:]:
                p.boilerplate = p.boilerplate or "related-articles"
            break
    for i, t in enumerate(texts):
        p = paragraphs[i]
        if p.boilerplate:
            continue
        if _READ_ALSO.match(t):
            p.boilerplate = "read-also"
        elif _CREDITS.match(t):
            p.boilerplate = "credits"
        elif _newsletter(t):
            p.boilerplate = "newsletter"
        elif _BIO.match(t) and len(t.split()) <= 60 and '"' not in t:
            p.boilerplate = "author-bio"
    # trailing "Source: X" is metadata
    live = [i for i in range(n) if not paragraphs[i].boilerplate]
    if live and _SOURCE_LINE.match(texts[live[-1]]):
        paragraphs[live[-1]].metadata = True
        paragraphs[live[-1]].boilerplate = "source-line"
    # trailing headlines of other articles, after the last paragraph of reporting
    live = [i for i in range(n) if not paragraphs[i].boilerplate]
    body = [i for i in live if _terminal(texts[i])]
    if body:
        for i in reversed(live):
            if i <= body[-1] or not _headline_like(texts[i]):
                break
            paragraphs[i].boilerplate = "related-headlines"


# --- reading a source -----------------------------------------------------------------------


def read_source(
    path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, source_id: str | None = None, data: bytes | None = None
) -> Source:
    """A source with its paragraphs, boilerplate marked, and sentences; offsets into its text.
    ``data``: the file's bytes, if they have been read already."""
    p = Path(path)
    text, enc = read_text(p, max_bytes, data)
    meta, body_start = front_matter(text) if p.suffix.lower() in (".md", ".markdown") else ({}, 0)
    meta = {**sidecar(p), **meta}
    src = Source(id=source_id or p.stem, path=str(path), text=text, meta=meta, encoding=enc)
    norm = normalise(text)
    src.norm = norm
    ntext = norm.text
    paragraphs: list[Paragraph] = []
    texts: list[str] = []
    for line, s, e in lines_with_offsets(ntext):
        if s < body_start or not ntext[s:e].strip():
            continue
        m = _LIST_MARKER.match(ntext[s:e])
        # a line that is only a marker ("-") is a separator and stays, for the boilerplate rules
        cs = s + (m.end() if m and ntext[s + m.end() : e].strip() else 0)
        while cs < e and ntext[cs] == " ":
            cs += 1
        ce = len(ntext[:e].rstrip())
        if ce <= cs or not ntext[cs:ce].strip():
            continue
        paragraphs.append(Paragraph(len(paragraphs), cs, ce, line))
        texts.append(ntext[cs:ce])
    mark_boilerplate(paragraphs, texts)
    if not meta.get("title"):
        first = next((p for p in paragraphs if not p.boilerplate), None)
        if first is not None and not _terminal(texts[first.index]):
            meta["title"] = texts[first.index]
    sentences: list[Sentence] = []
    spans: list[tuple[int, int]] = []  # every paragraph's, boilerplate too: attribution reads them
    lead = [p.index for p in paragraphs if not p.boilerplate and _terminal(texts[p.index])][:2]
    for para in paragraphs:
        para_spans = split_sentences(ntext, para.start, para.end)
        if para.index in lead and para_spans and (m := _DATELINE.match(ntext, para.start, para_spans[0][1])):
            # "LONDON (Reuters) - Storm Babet killed ...": the dateline is where and who, not
            # the first sentence's words, which another agency words without it
            para_spans[0] = (m.end(), para_spans[0][1])
        spans.extend(para_spans)
        if para.boilerplate:
            continue
        heading = not _terminal(texts[para.index])
        for a, b in para_spans:
            a, b = norm.snap(a, b)
            oa, ob = norm.to_orig(a, b)
            sentences.append(Sentence(src.id, len(sentences), para.index, oa, ob, ntext[a:b], heading))
    # paragraphs keep normalised offsets internally; convert for the model
    src.norm_paragraphs = [(p.start, p.end) for p in paragraphs]
    src.norm_sentences = spans
    for para in paragraphs:
        para.start, para.end = norm.to_orig(para.start, para.end)
    src.paragraphs = paragraphs
    src.sentences = sentences
    return src


# a wire dateline opening a lead paragraph: a place in capitals (and its country or state),
# a date, the agency in brackets, then a dash: "BRUSSELS (Reuters) - ", "BRECHIN, Scotland
# (AP) - ", "LONDON, Nov 22 (Reuters) - ", "SAN FRANCISCO - " (dashes are folded to "-")
_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]+){0,3}(?:,\s+[A-Z][A-Za-z.' ]{1,30}?)?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s+\([A-Z][\w .&/-]{0,30}\))?\s+-+\s+(?=\S)"
)


def _article_paths(top: str):
    """The articles under ``top``, as ``Path.rglob("*")`` and ``is_file()`` find them
    (symbolic links to files are followed, to folders are not entered; folders that cannot
    be read are passed over), from ``os.scandir``'s entries, which know their type without a
    ``stat`` of every file (listing 40,000 files went from 0.46 to 0.20 s, most of it now the
    sort)."""
    folders = [top]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:
            continue
        for e in entries:
            try:
                if e.is_dir() and not e.is_symlink():
                    folders.append(e.path)
                    continue
                if not e.is_file() or e.name.startswith("."):
                    continue
            except OSError:
                continue
            dot = e.name.rfind(".")  # Path.suffix: the last dot, not at either end of the name
            if 0 < dot < len(e.name) - 1 and e.name[dot:].lower() in SOURCE_SUFFIXES:
                yield e.path


def _path_order(path: str) -> list[str]:
    """What Path compares paths by: their parts, in the platform's case."""
    return os.path.normcase(path).split(os.sep)


def find_source_files(folder: str | Path) -> list[Path]:
    d = Path(folder)
    if not d.exists():
        raise InputError(folder, "sources folder does not exist (set it with --sources or the 'sources' setting)")
    if not d.is_dir():
        raise InputError(folder, "sources must be a folder of .txt or .md articles")
    # in the order of the paths (part by part, as Path sorts), sorted as strings: cheaper
    files = [Path(p) for p in sorted(_article_paths(str(d)), key=_path_order)]
    if not files:
        raise InputError(folder, "no sources: the folder holds no .txt or .md files")
    return files
