"""The data model: spans into original text, sources, and what checking produces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VERDICTS = ("verified", "misquote", "misattributed", "contradicted", "disputed", "unsupported")
DEFAULT_SEVERITY = {
    "verified": "info",
    "misquote": "error",
    "misattributed": "error",
    "contradicted": "error",
    "disputed": "warning",
    "unsupported": "warning",
}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FINDING_TYPES = (
    "wording",
    "omission",
    "insertion",
    "speaker",
    "entity",
    "entity-variant",
    "role",
    "number",
    "date",
    "negation",
    "modality",
    "typography",
    "spelling",
)


@dataclass(frozen=True)
class Span:
    """A half-open ``[start, end)`` range of character offsets into a file's text as read."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(slots=True)
class Sentence:
    source: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str  # normalised text of the span
    heading: bool = False
    context: str = ""  # names from the sentence before, when this one opens with a pronoun


@dataclass(slots=True)
class Quote:
    """Words inside quote marks, possibly running over several paragraphs (``parts``)."""

    source: str
    index: int
    parts: list[Span]
    text: str  # normalised words of all parts joined by a space, without the quote marks
    speaker: str | None = None  # canonical full name, or None when the text names nobody
    title: str | None = None  # the title the text gives the speaker
    sentence: int | None = None
    partial: bool = False  # a fragment quoted inside a sentence of reporting
    attribution: str | None = None  # how the speaker was found: said-after, colon, next-line, ...

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


@dataclass(slots=True)
class Mention:
    """A person, organisation, role, number or date named in a text."""

    source: str
    kind: str  # person | org | role | number | date | place
    start: int
    end: int
    text: str
    canonical: str
    person: str | None = None  # for a role: who holds it
    boilerplate: bool = False


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    line: int
    boilerplate: str | None = None  # why it is not the article's own reporting
    metadata: bool = False


@dataclass
class Source:
    id: str
    path: str
    text: str  # the file's text as decoded, offsets point here
    meta: dict = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    encoding: str = "utf-8"
    norm: Any = field(default=None, repr=False, compare=False)  # NormText of ``text``
    norm_paragraphs: list[tuple[int, int]] = field(default_factory=list, repr=False, compare=False)
    norm_sentences: list[tuple[int, int]] = field(default_factory=list, repr=False, compare=False)

    @property
    def title(self) -> str:
        return self.meta.get("title") or self.id

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1 if "\n" in self.text else _cr_line(self.text, offset)

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)


def _cr_line(text: str, offset: int) -> int:
    return text.count("\r", 0, offset) + 1


@dataclass
class Evidence:
    source: str
    line: int
    start: int
    end: int
    text: str
    speaker: str | None = None

    def to_json(self) -> dict:
        return {
            "source": self.source,
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
        }


@dataclass
class Finding:
    type: str
    severity: str
    message: str
    expected: str | None = None
    found: str | None = None

    def to_json(self) -> dict:
        return {
            "type": self.type,
            "severity": self.severity,
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
        }


@dataclass
class Claim:
    """One thing to check: a quote or a claim from a draft or a batch file."""

    id: str
    file: str
    line: int
    column: int
    kind: str  # quote | claim
    text: str
    speaker: str | None = None
    speaker_given: str | None = None  # the speaker as the input wrote it
    context: str | None = None  # the whole draft sentence a quote sits in
    span: tuple[int, int] | None = None  # [start, end) in the draft's text as read


@dataclass
class Item:
    claim: Claim
    verdict: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    severity: str = ""
    conflicts: list[str] = field(default_factory=list)  # ids of source conflicts the item touches
    diff: list[dict] = field(default_factory=list)  # word-level, against the best matching source text

    def __post_init__(self) -> None:
        if not self.severity:
            self.severity = DEFAULT_SEVERITY[self.verdict]

    def to_json(self) -> dict:
        c = self.claim
        return {
            "id": c.id,
            "file": c.file,
            "line": c.line,
            "column": c.column,
            "kind": c.kind,
            "text": c.text,
            "speaker": c.speaker,
            "verdict": self.verdict,
            "severity": self.severity,
            "score": round(self.score, 1),
            "evidence": [e.to_json() for e in self.evidence],
            "findings": [f.to_json() for f in self.findings],
            "diff": self.diff,
        }


@dataclass
class Conflict:
    """A place where the sources disagree with each other."""

    id: str
    type: str  # entity-variant | quote-variant | attribution | role | fact | status
    severity: str
    message: str
    forms: list[dict]  # [{"text": ..., "holders": [{"source", "line", "start", "end"}]}]

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "severity": self.severity,
            "message": self.message,
            "forms": self.forms,
        }
