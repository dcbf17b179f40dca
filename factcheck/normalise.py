"""Unicode folding with a map back to original offsets; paragraphs; sentences (NLTK Punkt); tokens."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from nltk.stem.porter import PorterStemmer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

# --- character folding -------------------------------------------------------------------

_QUOTES = {c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u301d\u301e\uff02\u2033"}
_QUOTES.update({c: "'" for c in "\u2018\u2019\u201a\u201b\u2039\u203a\u2032\uff07`\u00b4"})
_DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2043"}
# Characters that change nothing a reader sees: zero-width, joiners, BOM, soft hyphen.
_INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u034f\u180e")
# Letters from other scripts that look like Latin ones; folded so that a quote typed with a
# Cyrillic "а" cannot slip past the comparison (and is reported, see ``hidden_characters``).
_HOMOGLYPHS = dict(
    zip(
        "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u04bb\u0501\u051b\u051d"
        "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0408\u0405"
        "\u03bf\u03b1\u03b9\u039f\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u03a1\u03a4\u03a7\u03a5",
        "aeopcyxijshdqwABEKMHOPCTXIJSoaiOABEZHIKMNPTXY",
        strict=True,
    )
)


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """What one character becomes in normalised text (may be empty or several characters)."""
    if ch in _INVISIBLE:
        return ""
    if ch in _QUOTES:
        return _QUOTES[ch]
    if ch in _DASHES:
        return "-"
    if ch in _HOMOGLYPHS:
        return _HOMOGLYPHS[ch]
    if ch in "\n\r":
        return ch
    cat = unicodedata.category(ch)
    if cat == "Zs" or ch == "\t":
        return " "
    if cat == "Cf":
        return ""
    out = unicodedata.normalize("NFKC", ch)
    if out != ch:
        out = "".join(fold_char(c) if c != ch else c for c in out)
    return out


def hidden_characters(text: str) -> list[tuple[int, str]]:
    """Characters a reader cannot see or tell apart, with their offsets (for reports)."""
    return [
        (i, ch)
        for i, ch in enumerate(text)
        if ch in _INVISIBLE or ch in _HOMOGLYPHS or (unicodedata.category(ch) == "Zs" and ch != " ")
    ]


def escape_hidden(text: str) -> str:
    """``text`` with every hidden character written as ``\\uXXXX``."""
    hidden = {i for i, _ in hidden_characters(text)}
    return "".join(f"\\u{ord(c):04x}" if i in hidden else c for i, c in enumerate(text))


_NON_ASCII = re.compile(r"[^\x00-\x7f]|\t")


@dataclass
class NormText:
    """Normalised text and a map back to the original: ``orig[to_orig(a, b)]`` folds to ``text[a:b]``.

    Only characters whose folded length differs from one are recorded, as
    ``(norm_start, norm_len, orig_start)``; everything between them shifts by a constant.
    """

    text: str
    _norm_starts: list[int]
    _records: list[tuple[int, int, int]]

    def orig_start(self, n: int) -> int:
        i = bisect.bisect_right(self._norm_starts, n) - 1
        if i < 0:
            return n
        ns, nl, os_ = self._records[i]
        if n < ns + nl:
            return os_
        return os_ + 1 + (n - ns - nl)

    def orig_end(self, n: int) -> int:
        i = bisect.bisect_left(self._norm_starts, n) - 1
        if i < 0:
            return n
        ns, nl, os_ = self._records[i]
        if n < ns + nl:
            return os_ + 1
        return os_ + 1 + (n - ns - nl)

    def is_boundary(self, n: int) -> bool:
        """Whether ``n`` falls between two original characters (not inside the folding of one,
        as inside the "..." an ellipsis becomes)."""
        i = bisect.bisect_right(self._norm_starts, n) - 1
        if i < 0:
            return True
        ns, nl, _ = self._records[i]
        return not ns < n < ns + nl

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` widened to whole original characters: a span that begins or ends
        inside the folding of one character (the "1⁄4" of "¼") takes all of it."""
        if not self._norm_starts:  # nothing was folded (most text): every offset is a boundary
            return start, end
        i = bisect.bisect_right(self._norm_starts, start) - 1
        if i >= 0:
            ns, nl, _ = self._records[i]
            if ns < start < ns + nl:
                start = ns
        i = bisect.bisect_right(self._norm_starts, end - 1) - 1 if end > start else -1
        if i >= 0:
            ns, nl, _ = self._records[i]
            if ns < end < ns + nl:
                end = ns + nl
        return start, end

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        if not self._norm_starts:  # nothing was folded: the offsets are the original's
            return (start, start) if end <= start else (start, end)
        if end <= start:
            o = self.orig_start(start)
            return o, o
        return self.orig_start(start), self.orig_end(end)


def normalise(text: str) -> NormText:
    """Fold typography for matching; case is kept (callers fold case per token)."""
    if text.isascii() and "\t" not in text:  # nothing to fold (asked in C, without the scan)
        return NormText(text, [], [])
    return _normalise_scan(text)


def _normalise_scan(text: str) -> NormText:
    pieces: list[str] = []
    norm_starts: list[int] = []
    records: list[tuple[int, int, int]] = []
    last = 0
    npos = 0
    for m in _NON_ASCII.finditer(text):
        i = m.start()
        ch = text[i]
        rep = fold_char(ch)
        if i > last:
            pieces.append(text[last:i])
            npos += i - last
        pieces.append(rep)
        if len(rep) != 1:
            norm_starts.append(npos)
            records.append((npos, len(rep), i))
        npos += len(rep)
        last = i + 1
    pieces.append(text[last:])
    return NormText("".join(pieces), norm_starts, records)


def fold(text: str) -> str:
    return normalise(text).text


# --- paragraphs --------------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def lines_with_offsets(text: str) -> list[tuple[int, int, int]]:
    """``(line_number, start, end)`` for every line, ``end`` excluding the line break."""
    out = []
    for n, m in enumerate(_LINE.finditer(text), start=1):
        if m.start() == len(text) and m.end() == len(text) and (not out or text.endswith(("\n", "\r"))):
            break
        s = m.group(0)
        out.append((n, m.start(), m.start() + len(s.rstrip("\r\n"))))
        if m.end() >= len(text):
            break
    return out


# --- sentences ---------------------------------------------------------------------------

# Shipped Punkt parameters: NLTK's punkt model is not on a fresh machine and cannot be
# downloaded, so the tokenizer is built from these. Lower case, without the final full stop;
# Punkt looks an abbreviation up by the text before the stop, so "u.s" covers "U.S.".
# fmt: off
ABBREVIATIONS = [
    'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sen', 'rep', 'gov', 'lt', 'gen', 'col', 'sgt', 'st',
    'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'bros', 'capt', 'cmdr', 'cdr', 'adm',
    'maj', 'brig', 'pte', 'cpl', 'supt', 'insp', 'det', 'rev', 'hon', 'fr', 'sr', 'sra', 'dept',
    'govt', 'assn', 'univ', 'u.s', 'u.k', 'u.n', 'e.u', 'u.s.a', 'e.g', 'i.e', 'etc', 'vs', 'v',
    'al', 'approx', 'est', 'no', 'nos', 'vol', 'fig', 'op', 'cf', 'ca', 'jan', 'feb', 'mar',
    'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed',
    'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'a.m', 'p.m', 'ph.d', 'm.p', 'mps', 'q.c',
    'k.c', 'd.c', 'n.y', 'l.a', 'st', 'ave', 'blvd', 'rd', 'mt', 'ft', 'pres', 'cllr',
]
# fmt: on


# two initials, as names and bodies are written ("J.K. Rowling", "W.H. Smith", "A.P. Moller"):
# a full stop after them ends no sentence, as after "U.S." above
_TWO_INITIALS = {f"{x}.{y}" for x in "abcdefghijklmnopqrstuvwxyz" for y in "abcdefghijklmnopqrstuvwxyz"}


def punkt_parameters() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS) | _TWO_INITIALS
    return params


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    return PunktSentenceTokenizer(punkt_parameters())


def train_tokenizer(texts: list[str]) -> PunktSentenceTokenizer:
    """A tokenizer from the shipped parameters plus abbreviations Punkt learns from ``texts``."""
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = False
    for t in texts:
        trainer.train(t, finalize=False)
    trainer.finalize_training()
    learned = trainer.get_params()
    params = punkt_parameters()
    params.abbrev_types |= {a for a in learned.abbrev_types if len(a) <= 5}
    return PunktSentenceTokenizer(params)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]`` (one paragraph), as offsets into ``text``."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    body = chunk[:-1]
    if "." not in body and "?" not in body and "!" not in body:
        # Punkt breaks only after a full stop, question or exclamation mark with something
        # after it; with none (as in many one-sentence paragraphs), the paragraph is one
        # sentence without its trailing white space, and Punkt need not be asked
        n = len(chunk.rstrip())
        return [(start, start + n)] if n else []
    return [(start + a, start + b) for a, b in punkt_split(chunk)]


_PLAIN_SENTENCE = re.compile(r"\S(?:[^.!?]|[.!?](?!\s))*(?:[.!?]+|$)")


# A quote mark that Punkt leaves at the start of the next sentence belongs to the previous one
# ('... alone." Then' splits after the mark, not before it).
def punkt_split(chunk: str) -> list[tuple[int, int]]:
    """Sentence spans in ``chunk`` as Punkt finds them, quote marks moved back; what
    :func:`split_sentences` gives any paragraph, without its shortcut."""
    try:
        spans = [list(s) for s in sentence_tokenizer().span_tokenize(chunk)]
    except TimeoutError:
        # NLTK stops a regular expression it finds too slow on a text ("A. B. C. " a hundred
        # thousand times): such a paragraph is split at plain sentence ends instead
        spans = [[m.start(), m.end()] for m in _PLAIN_SENTENCE.finditer(chunk)]
    for i in range(1, len(spans)):
        a = spans[i][0]
        if chunk[a : a + 1] in "\"'" and (a + 1 >= len(chunk) or chunk[a + 1] == " "):
            spans[i - 1][1] = a + 1
            spans[i][0] = a + 1
            while spans[i][0] < spans[i][1] and chunk[spans[i][0]] == " ":
                spans[i][0] += 1
    return [(a, b) for a, b in spans if b > a]


def alternation(words: list[str]) -> str:
    """``words`` as one regular expression, its alternatives sharing their prefixes
    ("co(?:|alition|llege|...)"): the engine tries a list of words one by one at every
    character of a sentence, and a tree only down the letters it meets (4 times faster on
    news text for the 78 organisation heads). Followed by a word boundary, at most one word
    can match at a place, so it matches what the plain list does; without one, it matches at
    the same places (the shortest word there)."""
    if words == [""]:
        return ""
    alts = [""] if "" in words else []
    after: dict[str, list[str]] = {}
    for w in words:
        if w:
            after.setdefault(w[0], []).append(w[1:])
    alts += [re.escape(c) + alternation(rest) for c, rest in sorted(after.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


# --- tokens ------------------------------------------------------------------------------

# Every text is tokenised, so the pattern is arranged for the engine: the lookahead names
# every character a token can start with, so that other places (spaces, punctuation) are
# passed over at once, and words, the commonest tokens, are tried first. The alternatives
# start with different characters, so their order does not change what matches. A word's
# quantifiers are possessive (``*+``): nothing follows them that could match if they gave a
# character back, so the engine need not keep the places to go back to (11% faster).
TOKEN = re.compile(
    r"(?=[$\dA-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff.\u2026\[])"
    r"(?:[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]\w*+(?:[-']\w+)*+"  # words, hyphenated, O'Neil
    r"|\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?\+?|\$?\d+(?:\.\d+)?%?\+?"  # numbers, 12,000, $50, 4.5%
    r"|\.\.\.|\u2026"  # marked omissions
    r"|\[[^\]\n]{0,80}\])"  # bracketed insertions
)


class Token(NamedTuple):
    """A word, number or mark with its offsets. A named tuple: every text is tokenised, and
    tuples are made several times faster than frozen dataclasses."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def key(self) -> str:
        """Case, possessive and hyphen folded: what two spellings of one word share."""
        return word_key(self.text)

    @property
    def stem(self) -> str:
        return stem(self.text)


@lru_cache(maxsize=131072)
def word_key(word: str) -> str:
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    return w.replace("-", "").replace("'", "").replace(",", "")


_stemmer = PorterStemmer()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    key = word_key(word)
    if key.isdigit():  # Porter's rules are all about letters: a number is its own stem
        return key
    return _stemmer.stem(key)


_tuple = tuple.__new__  # a Token made without the call through its generated __new__


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [_tuple(Token, (m.group(), m.start() + offset, m.end() + offset)) for m in TOKEN.finditer(text)]


STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "him",
        "we",
        "our",
        "us",
        "you",
        "your",
        "i",
        "me",
        "my",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "so",
        "than",
        "then",
        "also",
        "into",
        "onto",
        "about",
        "over",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "said",
        "says",
        "say",
        "says",
        "told",
        "according",
        "just",
        "more",
        "most",
        "very",
    ]
)
# Words that carry no content of their own when measuring how much of a claim a source holds
# (modality and negation are judged separately, word by word).
FUNCTION_WORDS = STOPWORDS | frozenset(
    [
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "shall",
        "should",
        "must",
        "between",
        "among",
        "through",
        "during",
        "within",
        "across",
        "against",
        "via",
        "per",
        "into",
        "onto",
        "upon",
        "after",
        "before",
        "under",
        "over",
        "up",
        "down",
        "out",
        "off",
        "than",
        "such",
        "both",
        "either",
        "each",
        "every",
        "all",
        "any",
        "some",
        "other",
        "another",
        "if",
        "whether",
        "because",
        "while",
    ]
)
