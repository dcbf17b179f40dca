"""Quoted spans and who said them, in sources and drafts alike.

Works on normalised text (straight quote marks) and paragraph spans; the direction of a
curly mark is read from the original text, a straight one from its neighbours.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from .entities import (
    DEMONYMS,
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORG_HEADS,
    PORTFOLIO_WORDS,
    RANK_WORDS,
    ROLE_HEADS,
    SPEECH_VERBS,
    SURNAME_LEADS,
    AliasRegistry,
    PersonRef,
    begins_only,
    find_orgs,
    find_person_at_end,
    honorific_sex,
    is_descriptor,
    is_honorific,
    is_initials,
    is_name_word,
    is_place,
    job_at,
    leads_with_descriptor,
    role_key,
    role_phrase_before,
)
from .normalise import STOPWORDS, NormText

PRONOUN_SPEAKERS = {"he", "she", "they"}


@dataclass
class FoundQuote:
    parts: list[tuple[int, int]]  # inner spans in normalised offsets, without the marks
    para: int
    last_para: int
    open_mark: int
    close_mark: int | None  # None when the quote runs to the end of its last paragraph
    speaker: str | None = None
    title: str | None = None
    honorific: str | None = None
    phrase: str | None = None  # the speaker as written ("one senior Whitehall figure", "he")
    attribution: str | None = None
    partial: bool = False
    person: PersonRef | None = field(default=None, repr=False)
    attribution_end: int | None = None  # where an attribution after the quote ends, if it is a sentence of its own


_OPENING = {"\u201c", "\u201e", "\u00ab", "\u301d"}
_CLOSING = {"\u201d", "\u00bb", "\u301e"}


def _direction(text: str, i: int, orig: str | None, norm: NormText | None) -> str:
    if orig is not None and norm is not None:
        o = orig[norm.orig_start(i)]
        if o in _OPENING:
            return "open"
        if o in _CLOSING:
            return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in " \n\r([{-/" and after not in " \n\r":
        return "open"
    if after in " \n\r.,;:!?)]}-" or before not in " \n\r":
        return "close"
    return "open"


def _marks(text: str, start: int, end: int) -> list[int]:
    """Where the quotation marks (normalised to '"') stand in ``text[start:end]``; found by
    ``str.find``, not by testing each character in Python (every paragraph is read)."""
    out = []
    i = text.find('"', start, end)
    while i >= 0:
        out.append(i)
        i = text.find('"', i + 1, end)
    return out


# Single quotation marks, as British papers write quotes ('We have to move on,' he said). The
# same mark is an apostrophe (don't, O'Brien, the players' union), so a quote is read only in a
# paragraph with no double marks: it opens with a mark after a space (or a bracket, a dash)
# and before a letter, and closes with a mark after punctuation (,' .' ?') or before it, or
# after a letter and before a space, except after an s (a plural's apostrophe: the players'
# union), which closes a quote only if nothing else does before the next opening.
SINGLE_QUOTE_REACH = 3000  # characters a quote in single marks may run to its close
_SINGLE_OPEN = re.compile(r"(?<![^\s(\[{/-])'(?=[^\W\d_])")
_STRONG_BEFORE = frozenset(",.!?")
_AFTER_CLOSE = frozenset(" \n\r.,;:!?)]}-")
# what stands before a quote's opening mark when the quote is a statement of its own: a colon
# (a speaker introducing it), or the end of a sentence
_OPENS_STATEMENT = re.compile(r"(?::|[.!?][\"']?)\s*$")
# and before a quote in double marks that may run on over paragraphs, a comma too ('Smith
# said, "We will ...'; single marks, which may be apostrophes, are not read so widely)
_OPENS_WHOLE_QUOTE = re.compile(r"(?:[:,]|[.!?][\"']?)\s*$")


def _single_quotes(
    text: str, ps: int, pe: int, orig: str | None, norm: NormText | None
) -> list[tuple[int, int | None]]:
    """``(open, close)`` marks of the quotes a paragraph writes in single marks; ``close`` is
    None for a quote the paragraph opens with and leaves open (it runs on to the paragraph's
    end, as a double one does)."""
    out: list[tuple[int, int | None]] = []
    pos = ps
    while True:
        m = _SINGLE_OPEN.search(text, pos, pe)
        if m is None:
            return out
        i = m.start()
        if orig is not None and norm is not None and orig[norm.orig_start(i)] == "\u2019":
            pos = i + 1  # a right mark is an apostrophe ('tis), never an opening
            continue
        close, fallback = None, None
        # a quote closes before the next opening, and within a few paragraphs' length: the
        # search is bounded, so that a long paragraph of openings costs what it is long
        reach = min(pe, i + 1 + SINGLE_QUOTE_REACH)
        nxt = _SINGLE_OPEN.search(text, i + 1, reach)
        limit = nxt.start() if nxt else reach
        j = text.find("'", i + 1, reach)
        while j >= 0:
            before, after = text[j - 1], text[j + 1] if j + 1 < pe else " "
            if j >= limit:
                break
            if before in _STRONG_BEFORE or (after in _AFTER_CLOSE and after != " " and not before.isspace()):
                close = j
                break
            if after in " \n\r" and before.isalnum():
                if before not in "sS":
                    close = j
                    break
                fallback = j if fallback is None else fallback
            j = text.find("'", j + 1, reach)
        close = close if close is not None else fallback
        if close is not None and sum(c.isalpha() for c in text[i + 1 : close]) >= 2:
            out.append((i, close))
            pos = close + 1
        elif close is None and (i == ps or (nxt is None and _OPENS_STATEMENT.search(text, ps, i))):
            # opens the paragraph, or a statement ("Karen Wall said: 'This was ..."), and runs
            # to the paragraph's end: a quote going on in the next paragraph
            out.append((i, None))
            return out
        else:
            pos = i + 1


_UNCLOSED_BEFORE_ATTRIBUTION = re.compile(
    r"[,!?](?=[ \t]+(?:[A-Z][\w'.-]*[ \t]+){0,5}[A-Z][\w'.-]*[ \t]+(?:said|says|added|adds|told[ \t][^.!?\"\n]{1,60})"
    r"\.?[ \t]*$)"
)


# a programme's, a book's or a paper's name in quote marks after whose it is: CNN's "State of
# the Union", BBC Radio 4's "Today" programme: capitalised words (and small ones), no mark
_POSSESSIVE_BEFORE = re.compile(r"\w'[sS]\s*$")
_TITLE_CASE = re.compile(r"[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|of|the|and|for|in|on|at|a|an|to|with))*$")


def _a_title(text: str, q: FoundQuote, parts: list[tuple[int, int]]) -> bool:
    """Whether a quoted span is a name in quote marks after a possessive, not words said."""
    if len(parts) != 1 or q.open_mark < 2 or not _POSSESSIVE_BEFORE.search(text, max(0, q.open_mark - 40), q.open_mark):
        return False
    a, b = parts[0]
    return len(text[a:b].split()) <= 8 and _TITLE_CASE.match(text, a, b) is not None


def _may_go_on(text: str, q: FoundQuote, paragraphs: list[tuple[int, int]]) -> bool:
    """Whether a quote left open at its paragraph's end may go on into the next: one that
    opens a statement ('Jane Doe said: "...'), not words quoted inside a sentence of
    reporting ('Yerlikaya said rescuers were "working around the clock.', a close mark left
    out), which would take the next paragraph's quote for its own."""
    ps = paragraphs[q.para][0]
    return not text[ps : q.open_mark].strip() or _OPENS_WHOLE_QUOTE.search(text, ps, q.open_mark) is not None


def find_quote_spans(
    text: str, paragraphs: list[tuple[int, int]], orig: str | None = None, norm: NormText | None = None
) -> list[FoundQuote]:
    """Quoted spans. An opening mark left open at the end of a paragraph continues into the
    next paragraph when that one opens with a mark (the multi-paragraph convention); otherwise
    the quote ends with its paragraph. A paragraph with no double marks may quote in single
    ones (see ``_single_quotes``)."""
    quotes: list[FoundQuote] = []
    pending: FoundQuote | None = None
    single = False  # the pending quote is in single marks
    for pi, (ps, pe) in enumerate(paragraphs):
        marks = _marks(text, ps, pe)
        spans = None
        if marks and (pending is None or single) and _SINGLE_OPEN.search(text, ps, marks[0]):
            # double marks inside quotes in single marks, as papers that quote in single marks
            # write a quote within a quote ("'They called it "madness", but we did it.'"): the
            # paragraph quotes in single marks
            spans = _single_quotes(text, ps, pe, orig, norm)
            if all(any(a < k and (b is None or k < b) for a, b in spans) for k in marks):
                marks = []
        if not marks and (pending is None or single) and text.find("'", ps, pe) >= 0:
            spans = _single_quotes(text, ps, pe, orig, norm) if spans is None else spans
            if pending is not None:
                if spans and spans[0][0] == ps:
                    # the quote left open goes on in this paragraph, which opens with a mark
                    a, b = spans.pop(0)
                    pending.parts.append((a + 1, pe if b is None else b))
                    pending.last_para, pending.close_mark = pi, b
                    if b is None and not spans:
                        continue  # and on into the next
                quotes.append(pending)
                pending = None
            for a, b in spans:
                if b is None:  # (only the last can be left open)
                    pending, single = FoundQuote([(a + 1, pe)], pi, pi, a, None), True
                else:
                    quotes.append(FoundQuote([(a + 1, b)], pi, pi, a, b))
            continue
        if pending is not None and single:
            quotes.append(pending)  # a quote in single marks does not go on in double ones
            pending = None
        single = False
        if pending is not None:
            lead = ps
            if marks and marks[0] == lead and _may_go_on(text, pending, paragraphs):
                open_at = marks.pop(0)
                pending.last_para = pi
                cur: FoundQuote | None = pending
                start = open_at + 1
            else:
                quotes.append(pending)
                cur, start = None, 0
            pending = None
        else:
            cur, start = None, 0
        for m in marks:
            if cur is None:
                if _direction(text, m, orig, norm) == "close" and quotes and quotes[-1].close_mark is None:
                    continue  # a stray closing mark
                cur = FoundQuote([], pi, pi, m, None)
                start = m + 1
            else:
                cur.parts.append((start, m))
                cur.close_mark = m
                quotes.append(cur)
                cur = None
        if cur is not None:
            cur.parts.append((start, pe))
            pending = cur
    if pending is not None:
        quotes.append(pending)
    out = []
    for q in quotes:
        if q.close_mark is None and q.last_para == q.para and q.parts:
            # a close mark left out before the attribution ('"We will not stop until every
            # person is reached, Ali Yerlikaya said.'): the quote ends at the comma
            a, b = q.parts[-1]
            m = _UNCLOSED_BEFORE_ATTRIBUTION.search(text, a, b)
            if m is not None:
                q.parts[-1] = (a, m.start() + 1)
                q.close_mark = m.start()
        parts = []
        for a, b in q.parts:
            while a < b and text[a] in " \n\r":
                a += 1
            while b > a and text[b - 1] in " \n\r":
                b -= 1
            if b > a:
                parts.append((a, b))
        if parts and _WORD_CHAR.search("".join(text[a:b] for a, b in parts)) and not _a_title(text, q, parts):
            q.parts = parts
            out.append(q)
    out.sort(key=lambda q: q.open_mark)
    return out


# --- attribution -----------------------------------------------------------------------------

_V = rf"(?:{SPEECH_VERBS})"
_CLAUSE_CUT = re.compile(
    r",\s*(?:who|which|whose|adding|according|in an?|on|at|during|after|before|when|while|as|speaking"
    # (being asked, between commas: "Brunson, asked about his sore ankle, said")
    r"|asked|pressed|questioned|quizzed|talking|writing|responding|reacting)\b"
    r"|\s+(?:in a statement|in an interview|on \w+day|at the|during|when|while|after|before|as he|as she|adding)\b"
    # where or how they said it: "wrote Boris Johnson in his Daily Mail column"
    r"|\s+(?:in|on|outside|from)\s+(?:his|her|their|its|a|an|the)\s"
)
# (an adverb after the verb is lower case: "said Polly Neate" names Polly)
_RIGHT_VERB_FIRST = re.compile(rf"^(?:{_V})(?:\s+(?-i:[a-z]\w*ly))?\s+(?P<who>[^.!?\"]+)", re.I)
# words between a speaker and the verb: "Kyle later told", "Doe has also said"
# (an adverb is lower case, and some words in -ly are nouns: "Stacey's family said")
_BEFORE_VERB = r"(?:(?:(?!(?:family|assembly|ally|rally|supply|monopoly|anomaly)\b)(?-i:[a-z]\w*ly)|also|later|earlier|then|again|previously|often|always|has|had|have|would|will)\s+){0,2}"
_RIGHT_WHO_FIRST = re.compile(rf"^(?P<who>[^.!?\";:]{{1,120}}?),?\s+{_BEFORE_VERB}(?:{_V})\b", re.I)
# '"It is the right thing to do," was how Prof Abba Tijani put it'
_RIGHT_HOW = re.compile(
    r"^(?:was|is)\s+how\s+(?P<who>[^.!?\"]{1,160}?),?\s+(?:put|described|summed\s+up|phrased|explained)\s+it\b"
)
# '"Absolutely not," was Ms Reeves's reply.'
_RIGHT_WHOSE = re.compile(
    r"^(?:was|came)\s+(?P<who>[A-Z][^.!?\"]{0,120}?)['\u2019]s?\s+(?:reply|response|answer|verdict|retort|riposte)\b"
)
# what the quote is about, then the attribution: '"... in the 3,000 yen range" for a 5-kg bag,
# Koizumi told reporters.'
_RIGHT_AFTER_ABOUT = re.compile(r"^\s+[a-z][^,.;:\"!?]{0,60},\s+(?=\S)")
_RIGHT_DASH = re.compile(r"^(?P<who>[^.!?\"]{2,80})[.!?]?\s*$")
_RIGHT_ACCORDING = re.compile(r"^according to (?P<who>[^.!?\"]+)", re.I)
_LEFT_ACCORDING = re.compile(r"(?:^|[,;]\s*|\s)according to (?P<who>[^\"]+?),?\s*$", re.I)
_LEFT_VERB = re.compile(
    rf"(?P<who>[^;:\"]{{1,160}}?),?\s+{_BEFORE_VERB}(?:{_V})(?:\s+(?-i:[a-z]\w*ly))?"
    rf"(?:\s+(?:that|in a statement|reporters|journalists|(?-i:[Tt]he [A-Z])[\w ]{{0,30}}|me|us|him|her|them|parliament|mps))*"
    rf"(?:\s+(?:in|at|on|during|after|before|outside|from)\s+[^:,\"]{{1,50}})?"  # "... told reporters in Downing Street:"
    rf"\s*[:,]?\s*$",
    re.I,
)
# '... told the BBC's Today programme: "..."': whatever the speaker told, up to a colon
_LEFT_VERB_COLON = re.compile(
    rf"(?:^|[.;]\s+)(?P<who>[^;:\"]{{1,160}}?),?\s+{_BEFORE_VERB}(?:{_V})\s+[^;:\".!?]{{1,60}}:\s*$", re.I
)
_REPORTED = re.compile(
    rf"(?:^|[,;]\s+(?:but|and)?\s*|\bbut\s+|\band\s+)(?P<who>[^,;:\"]{{1,120}}?)\s+{_BEFORE_VERB}(?:{_V})\b", re.I
)
# "Jane Doe, 45, a teacher from Leeds, said she was "heartbroken"": the sentence's subject,
# then what it says of them between commas, then the verb
_REPORTED_AFTER_APPOSITIVES = re.compile(rf"^\s*(?P<who>[^;:\"]{{1,160}}?),\s+{_BEFORE_VERB}(?:{_V})\b", re.I)
_NAMING = (
    rf"\s+{_BEFORE_VERB}(?:call(?:ed|s)|describe[ds]|dub(?:bed|s)|label(?:l?ed|s)|brand(?:ed|s))"
    r"\s+(?:it|this|that|them|him|her|(?:the|a|an|his|her|their|its)\s+[\w'-]+(?:\s+[\w'-]+){0,3}"
    # (or someone's: "called Schumer's decision"; or someone: "called Powell")
    r"|[\w-]+(?:'s|\u2019s)(?:\s+[\w'-]+){1,3}|(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,2})(?:\s+as)?\s*$"
)
_CALLED = re.compile(rf"(?:^|[,;]\s+)(?P<who>[^,;:\"]{{1,120}}?){_NAMING}", re.I)
# 'Jean-Luc Moreau, a privacy lawyer in Paris, called the fine "a wake-up call"'
_CALLED_AFTER_APPOSITIVES = re.compile(rf"^\s*(?P<who>[^;:\"]{{1,160}}?),{_NAMING}", re.I)
# a verb, what it did, and (or but): no comma ("declared an emergency and", "struck a
# similar note but"); a past tense not in -ed from a list
_STRONG_PAST = (
    "struck|took|gave|made|held|met|went|came|sent|spent|left|kept|stood|sat|led|won|lost|paid|put|"
    "set|drew|brought|bought|sought|fought|caught|spoke|broke|chose|began|became|got|found|felt|"
    "shook|swept|sold|laid|hit|cut|threw|rose|fell|ran|wore|heard|saw"
)
_AND_THEN = re.compile(rf"(?:^|\s)(?:[a-z]+(?:ed|s)|{_STRONG_PAST})\b[^,;]*\s+(?:and|but)\s*$")
# (or the conjunction alone: '"...", but cautioned that ...' is no speaker "but")
_NEW_CLAUSE = re.compile(r"(?:though|although|but|while|whereas|and|as|because|so)(?:\s|$)", re.I)
_NAME_THEN_HOW = re.compile(r"((?:[A-Z][\w'.-]*\s+){1,4})[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,5}$")
_APPOSED_THEN_HOW = re.compile(
    r"(?:^|[.;]\s+)(?P<who>[A-Z][^;:\"]{1,160}?),\s+(?:(?:was|were|is|had|has)\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,4}:\s*$"
)
# an aside: 'It was, she said, "a shambles"'
_LEFT_ASIDE = re.compile(
    rf",\s+(?P<who>(?i:he|she|they)|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,2}})\s+{_BEFORE_VERB}(?:{_V}),\s*$"
)
# the verb first, as some papers write it: 'Says Arteta: "..."'
_SAYS_FIRST = re.compile(r"(?:^|[.;]\s+)(?:Says|Adds|Asks)\s+(?P<who>[^,;:\"]{1,80}):\s*$")
# the passive: 'in what was described by its director as "..."'
_BY_AS = re.compile(
    r"(?:^|\s)(?:described|called|dubbed|labell?ed|branded|hailed|condemned|critici[sz]ed)\s+by\s+"
    r"(?P<who>[^,;:\"]{1,120}?)\s+as\s*$",
    re.I,
)
_LEFT_COLON = re.compile(r"(?:^|[.;]\s+)(?P<who>[^,;:\"]{1,80}):\s*$")


_LIVE_TIME = re.compile(r"\**\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}T)?\**\s*[-\u2013\u2014:|]?\s+")
# what is left after an opening phrase names someone: a capital, or a pronoun or article
_NAMES_SOMEONE = re.compile(r"(?s:.*[A-Z])|\s*(?i:he|she|they|the|an?|his|her|its|their|one|another)\b")
_ASIDE = re.compile(r"\s*\([^()]{0,60}(?:\)|$)|\s+-\s+[^-]{1,80}?\s+-(?=\s|$)")
_WORD_CHAR = re.compile(r"\w")
_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b[^,]*(?:,|$)")
_WHERE_CLAUSE = re.compile(r",\s*where\b[^,]*,")  # "In Pontypridd, where the river burst its banks,"
_OPENING_PHRASE = re.compile(
    r"^(?:(?:in|at|on|speaking|writing|asked|during|after|before|earlier|later|meanwhile|however)\b[^,]*"
    # a participle of being asked: "Pressed on the matter, Reeves said", "Contacted by the BBC"
    r"|(?:pressed|questioned|quizzed|challenged|interviewed|contacted|approached|reached|confronted)"
    r"\s+(?:on|about|over|by|with|for|at|in|whether|why|if|after)\b[^,]*"
    # a participle's phrase: "Passing sentence on Friday, Mr Justice Johnson"; a lower-case
    # word after it, so that a name ending in -ing ("Channing Tatum, the actor") is kept
    r"|(?-i:[A-Z]?[a-z]+ing\s+[a-z])[^,]*"
    # or a verb of the courtroom or the podium before whom it is about: "Jailing Dixon, Recorder
    # Jane Hill"
    # (not "defending": "Defending champion Carlos Alcaraz, 21, said" names him)
    r"|(?:jailing|sentencing|addressing|praising|criticising|criticizing|thanking|welcoming|"
    r"describing|introducing|congratulating|questioning)\s[^,]*),\s*",
    re.I,
)
_ASKED_WHAT = re.compile(r"(?i:asked)\b[^,]*(?:,[^,]*)*?\b(?:why|whether|if|what|how|when|where|about)\b[^,]*,\s*")
# who someone is, in words, then their name between commas: "Another shop owner, Tom Bell, 61",
# "One of the residents, Jane Doe" (no capital after the first word: "Reed, Jane Doe" is a list)
# a clause before a sentence's subject: "When the council announced it would close, Marsh ..."
_OPENING_CLAUSE = re.compile(
    r"\s*(?:When|After|Before|While|As|Although|Though|If|Since|Once|Until|Despite|In|At|On|During|"
    r"Last|This|Earlier|Later|For|Now|Today|Then|Aged|By|Asked|Pressed|Speaking|Writing|Interviewed|"
    r"Questioned|Quizzed|Challenged|Contacted|Approached|Reached|Confronted|Responding|Reacting|"
    # where it happens: "Behind the bar, landlady Jean Pritchard pulled pints"
    r"Behind|Outside|Inside|Beside|Across|Along|Near|Around|Under|Among|Beyond|Throughout|Back)\b[^,;:\"]{0,150},\s*"
)
_AMONG_THEM = re.compile(r"Among\s[^,;:\"]{1,80}?\s(?:is|was|are|were)\s+")
_CONJUNCTION = re.compile(r"(?:But|And|Yet|So|However,|Meanwhile,|Still,)\s+")
_CAPITALISED_TAIL = re.compile(r"(?:[ \t]+[A-Z][\w'-]*)*")
_LOWER_WORDS = re.compile(r"^(?:[a-z][\w'-]*\s+){1,4}$")
_DESCRIPTOR = re.compile(r"^(?-i:[A-Z]?[a-z][\w'-]*)(?:\s+(?-i:[a-z][\w'-]*)){1,6}$")
# a relative named by first name alone: "His wife, Carol", "Ms. Keller's husband, Ron"
_KIN = (
    r"(?:wife|husband|partner|son|daughter|mother|father|brother|sister|grandson|granddaughter|"
    r"grandmother|grandfather|fiancee?|widow|widower|mum|dad|stepson|stepdaughter|friend|cousin|aunt|"
    r"uncle|nephew|niece|boyfriend|girlfriend|colleague|neighbour|neighbor|flatmate)"
)
# someone's someone, named in full between commas: "Her neighbour, Kevin Hall, agreed."
_POSSESSED_NAME = re.compile(
    r"(?i:his|her|their)\s+(?:[a-z][\w'-]*\s+){0,3}[a-z][\w'-]*,\s*"
    r"(?P<name>[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){1,2}),"
)
# one of a group the text has just spoken of, then their name: "Another, Clive Lewis, was ..."
_ONE_OF_THEM = re.compile(
    r"(?:Another|One|The other|A (?:second|third|fourth)),\s+(?P<name>[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){0,2}),"
)
# (the comma may be left out: "Her daughter Clare said")
_KIN_FIRST_NAME = re.compile(
    rf"^(?:(?i:his|her|their)|(?:[A-Z][\w.'-]*\s+){{0,3}}[A-Z][\w.-]*'s?)\s+{_KIN},?\s+"
    r"(?P<name>[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){0,2})(?=,|\s+[a-z]|\s*$)"  # "Carol", "Susan Price"
)


# where a speaker is from, after their name: "Senator Robert Kline of Ohio", "Chloe Tan of the
# Green Futures Network", "Priya Nair at Coastline Securities"
_OF_PLACE = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]")


def _speaker_words(phrase: str, cut: bool = True) -> str:
    """A speaker phrase without the clauses around it that say nothing of who spoke; with
    ``cut`` false, what follows the speaker ("in his column", "from the Treasury") is kept."""
    # "Jane Doe (pictured)", "Rachel Reeves - the first female chancellor -": asides
    if "(" in phrase or " - " in phrase:
        phrase = _ASIDE.sub(" ", phrase)
    phrase = phrase.strip(" ,;:-")
    # "Smith, who chairs the committee," -> "Smith"
    phrase = _RELATIVE.sub(" ", phrase).strip(" ,")
    if ", where" in phrase:
        phrase = _WHERE_CLAUSE.sub(",", phrase)  # (where it is: the opening phrase's)
    # "Asked by counsel, Jennifer Dempster KC, why he had not called an ambulance, former PC
    # Gareth Lloyd" -> "former PC Gareth Lloyd": who asked, and what, are not who answered
    if phrase[:5].lower() == "asked" and (asked := _ASKED_WHAT.match(phrase)) and phrase[asked.end() :].strip():
        phrase = phrase[asked.end() :]
    # "In a statement, Smith" -> "Smith": an opening adverbial phrase is not the speaker (unless
    # it held the name: "Defending champion Carlos Alcaraz, 21," is no participle's phrase)
    rest = _OPENING_PHRASE.sub("", phrase)
    if rest == phrase or _NAMES_SOMEONE.match(rest):
        phrase = rest
    m = _CLAUSE_CUT.search(phrase) if cut else None
    return phrase[: m.start()] if m else phrase


# someone who gives a name only in part: "Another resident, who gave his name only as
# Mohammed,", "a nurse, who asked to be identified only by her first name, Grace,"
_GAVE_NAME = re.compile(
    r",\s*who\s+(?:gave|asked\s+to\s+be\s+identified\s+(?:only\s+)?by|would\s+give\s+only|gave\s+only)\s+"
    r"(?:only\s+)?(?:his|her|their)\s+(?:first\s+)?name(?:\s+only)?(?:\s+as|,)?\s+"
    r"(?P<name>[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*)?)\s*(?:,|$)"
)


_BY_WHO = re.compile(r"\bby\s+(?P<who>[A-Z][^;:\"]{1,140}?),\s*who\s*$")
_INTRODUCED = re.compile(r"(?:an?|one|another)\s+[a-z]", re.I)  # someone not met before
_DESCRIBED_AFTER = re.compile(r"\s*,\s*(?:who|whose)\s|\s*,\s*(?:aged\s+)?\d{1,3}\s*(?:,|$)")


_POSSESSIVES = frozenset(("his", "her", "their", "its", "my", "our", "your"))


def parse_speaker_phrase(phrase: str, registry: AliasRegistry | None = None) -> tuple[str, PersonRef | None]:
    """``("person", ref)``, ``("pronoun", None)`` or ``("unnamed", None)`` for a speaker phrase."""
    if "name" in phrase and (gave := _GAVE_NAME.search(phrase)):
        return "person", PersonRef(gave.group("name"), None, None, gave.start("name"), gave.end("name"))
    if (rel := _BY_WHO.search(phrase)) is not None:
        # "His warning was echoed by Pepe Di'Iasio, general secretary of the ASCL, who said:":
        # the passive's agent, whom the relative "who" is
        kind, ref = parse_speaker_phrase(rel.group("who"), registry)
        if ref is not None:
            at = rel.start("who")
            title_at = None if ref.title_start is None else ref.title_start + at
            ref = PersonRef(ref.name, ref.honorific, ref.title, ref.start + at, ref.end + at, title_at)
        return kind, ref
    given, phrase = phrase, _speaker_words(phrase)
    words = phrase.split()
    if not words:
        return "unnamed", None
    if len(words) == 1 and words[0].lower() in PRONOUN_SPEAKERS:
        return "pronoun", None
    if len(words) == 1 and words[0].lower() in _POSSESSIVES:
        return "unnamed", None  # "His comments came days after ...": whose, not who
    # what was cut after the name says who they are ("Emma Hall, whose two children ...,"): a
    # person's name, whose surname may be a place's word
    described = given.startswith(phrase) and bool(_DESCRIBED_AFTER.match(given, len(phrase)))
    # a single capitalised word is a speaker only when it is all the phrase holds ("Narayan said")
    ref = find_person_at_end(phrase, registry, allow_single=len(words) == 1, person=described)
    head, comma, rest = phrase.partition(",")
    if ref is None and (where := _OF_PLACE.search(head)):
        # the name, then where they are from (a title naming a place comes before the name:
        # "Secretary of State Antony Blinken" is found whole above)
        head = head[: where.start()]
        if not comma:
            # (a lone word before "of" is a person's name only where the text knows it as one:
            # "Friends of the Earth said" is a body)
            alone = len(head.split()) == 1
            if not alone or (registry is not None and registry.person(head.strip()) is not None):
                ref = find_person_at_end(head, registry, allow_single=alone)
    if comma and (ref is None or ref.start >= len(head)):
        # "Tim Ayres, Australia's minister for science", "Dr Anthony Fauci, the former director
        # of the National Institute of Allergy and Infectious Diseases": the name first, then
        # who they are, which may end in words that look like a name
        # a first name alone is a speaker when an age follows it ('said Anna, 34.'): vox pops
        # or a surname alone with a title after it ('Badenoch, the Conservative leader, said')
        after = rest.split(",")[0].strip()
        # (or where they are from: 'said Gary, from Stockport.', a vox pop's or a tabloid's)
        aged = after.isdigit() or bool(_FROM_PLACE.match(after))
        titled = after.lower().startswith(("the ", "a ", "an ")) and role_phrase_before(after + " ") is not None
        # (or what they do or are: 'said Alfie, a Year 8 pupil at ...', 'Mick, a retired miner,')
        titled = titled or ((what := _A_DESCRIPTION.match(after)) is not None and _a_person_word(what.group("what")))
        # ("Emma Hall, whose two children ...,": who she is says a surname that is also a
        # place's word is hers)
        described = aged or titled or after.startswith(("who ", "whose "))
        first = find_person_at_end(
            head, registry, allow_single=(aged or titled) and len(head.split()) == 1, person=described
        )
        if first is not None:
            # what follows is their title if it is one: not "54", "aged 54", "a former singer"
            t = role_phrase_before(rest.strip() + " ")
            # (or a job and where it is done: "Russ Mould, investment director at AJ Bell")
            title = (t and t[1]) or job_at(rest.split(",")[0]) or first.title
            ref = PersonRef(first.name, first.honorific, title, first.start, first.end)
    if ref is not None and ref.honorific is None and ref.title is None and _inside_org(phrase, ref):
        ref = None  # "The Department of Health and Social Care": a body's name ends in "Social Care"
    if ref is None and comma and (_DESCRIPTOR.match(head.strip()) or head.strip().lower() in ("one", "another")):
        # "Another shop owner, Tom Bell, 61": who they are, then the name in apposition; "One,
        # retired nurse Angela Ward, 66": one of them, what they do, then the name
        named, *after_name = (p.strip() for p in rest.split(","))
        if where := _OF_PLACE.search(named):
            named = named[: where.start()]  # "Her solicitor, Raj Chauhan of Bindmans,"
        # ("says one, Lily, 17": a first name alone, with an age; "says a healthcare
        # assistant, Kelly,": or after someone the phrase introduces)
        aged = bool(after_name) and after_name[0].isdigit() and " " not in named
        introduced = " " not in named and _INTRODUCED.match(head.strip()) is not None
        found = find_person_at_end(named, registry, allow_single=aged or introduced)
        if found is not None and (found.start == 0 or _LOWER_WORDS.match(named[: found.start])):
            at = len(head) + 1 + rest.index(named)
            ref = PersonRef(found.name, found.honorific, None, at + found.start, at + found.end)
    if ref is None and (kin := _KIN_FIRST_NAME.match(phrase)):
        ref = PersonRef(kin.group("name"), None, None, kin.start("name"), kin.end("name"))
    if ref is None:
        return "unnamed", None
    return "person", ref


_FROM_PLACE = re.compile(r"from\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?$")
# someone described: "a retired miner", "a Year 8 pupil at Brookfield School", "a mother of three"
_A_DESCRIPTION = re.compile(
    r"(?i:an?)\s+(?:[\w'-]+\s+){0,3}?(?P<what>[a-z][a-z-]+)(?:\s+(?:at|of|from|in|for|with|who)\b[^,]*)?$"
)


def _a_person_word(what: str) -> bool:
    """Whether a description's noun is a person's: a job, a state, "grandmother"."""
    return is_descriptor(what) or what in ROLE_HEADS or what.endswith(("er", "or", "ist", "ian"))


_DEFINITE_TITLE = re.compile(r"^the\s+((?:[\w'-]+\s+){0,4}[\w'-]+)$", re.I)


def _title_holders(phrase: str | None, registry: AliasRegistry | None) -> set[str]:
    """Who "the minister" or "the health secretary" may refer to: the people the registry
    holds with a title of those words, or with that honorific ("President")."""
    if not phrase or registry is None:
        return set()
    m = _DEFINITE_TITLE.match(_speaker_words(phrase))  # "The president, speaking at a rally,"
    if not m:
        return set()
    words, _ = role_key(m.group(1))
    if not words or not (words & _DESCRIBING):
        return set()
    # a title written as an honorific counts too: "President Maria Alvarez", then "the
    # president"; "Crown Prince Mohammed bin Salman", then "the crown prince" (not "the vice
    # president" or "the former president": a rank word makes it another title)
    return registry.described_as(words)


# honorifics that are what someone is, as a title is: "the crown prince", "the pope"
_STYLED = frozenset(
    {
        *("prince", "princess", "king", "queen", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam"),
        *("sheikh", "judge", "sheriff"),
    }
)


# A body that speaks: "The Home Office said", "a spokeswoman for Thames Water said", "A
# Downing Street spokesman said", "A statement from Southern Water read:". The body is the
# speaker, so that a draft's "Thames Water said" and a source's "a spokesperson for Thames
# Water said" are one speaker, and a person's name given to the body's words is not.
_FOR_BODY = r"(?:spokes(?:man|woman|person|people|men|women)|representatives?|statements?|officials?)"
_CAP_RUN = r"[A-Z][\w'&.-]*(?:\s+(?:(?:of|for|and|the|on|&)\s+)*[A-Z][\w'&.-]*){0,6}"
_BODY_SPOKESMAN = re.compile(
    rf"^(?i:an?|the|one)\s+(?:(?:senior|joint|further)\s+)?{_FOR_BODY}\s+(?:for|from|of|at|by|issued\s+by)\s+"
    rf"(?:the\s+)?(?P<org>{_CAP_RUN})(?:\s+(?:read|said|says|added|stated|continued))?$"
)
_NO_10 = r"No\.? 10|Number 10"  # (Downing Street, by its door: no capitalised words)
_BODY_ADJECTIVE = re.compile(rf"^(?i:an?|the|one)\s+(?P<org>{_CAP_RUN}|{_NO_10})\s+{_FOR_BODY}$")
# a name, then what kind of body it is: "Usdaw, the shop workers' union", "Ofwat, the water regulator"
_BODY_KINDS = (
    r"union|company|firm|group|charity|regulator|watchdog|supermarket|retailer|carmaker|airline|bank|"
    r"lender|insurer|broadcaster|club|council|agency|party|body|organi[sz]ation|trust|association|"
    r"federation|network|think[ -]tank|operator|provider|manufacturer|developer|publisher|giant|chain"
)
_BODY_APPOSED = re.compile(rf"^(?P<org>{_CAP_RUN}),\s+(?i:the|an?)\s+(?:[\w'-]+\s+){{0,4}}(?:{_BODY_KINDS})$")
# a name, then what kind of body it is, as one phrase: "the Unite union", "the GMB union"
_BODY_THEN_KIND = re.compile(
    rf"^(?i:the\s+)?(?!(?i:the|an?|its|their|his|her)\s)(?P<org>{_CAP_RUN})\s+(?:{_BODY_KINDS})$"
)
# what kind of body, then its name: "His club, Northfield United", "The regulator, Ofwat"
_KIND_APPOSED = re.compile(
    rf"^(?i:his|her|their|its|the)\s+(?:[\w'-]+\s+){{0,3}}(?i:{_BODY_KINDS}),\s+(?P<org>{_CAP_RUN})$"
)
_BODY_ALONE = re.compile(rf"^(?:the\s+)?(?P<org>{_CAP_RUN}|{_NO_10})$", re.I)
# a state's bodies, named by whose they are and a common noun: "the Scottish government", "the
# Israeli military", "the Biden administration", "Ukraine's air force"
_STATE_BODY_NAME = (
    r"(?P<org>(?:[A-Z][\w.-]*(?:'s)?\s+){1,3}(?:government|administration|military|army|navy|"
    r"air\s+force|police|coastguard|coast\s+guard|embassy|presidency|cabinet|"
    r"(?:foreign|defen[cs]e|health|interior|finance|education|justice)\s+ministry))"
)
_STATE_BODY = re.compile(rf"^(?i:the\s+)?{_STATE_BODY_NAME}$")
_STATE_BODY_IN_TEXT = re.compile(rf"\b(?i:the)\s+{_STATE_BODY_NAME}")  # (in running text, after "the")
# bodies known by a place or a building, which no organisation's head word names
_METONYMS = frozenset(
    {
        "downing street", "no 10", "number 10", "no. 10", "white house", "kremlin", "pentagon",
        "treasury", "elysee", "élysée", "vatican", "scotland yard", "state department",
        "foreign office", "home office", "whitehall", "quai d'orsay", "un", "eu", "nato", "imf",
    }
)  # fmt: skip


# a body called by what kind it is, which the text has named before: "a spokesman for the
# board" after "The Northern Lighthouse Board automated ...", "the council said" after "Wigan
# Council approved ..."
_BODY_BY_KIND = re.compile(
    rf"^(?:(?i:an?|the|one)\s+(?:(?:senior|joint|further)\s+)?{_FOR_BODY}\s+(?:for|from|of|at)\s+)?"
    r"(?i:the)\s+(?P<kind>[a-z]+)$"
)
BODY_REACH = 3000  # characters before a quote searched for the body "the council" is


def _body_named_before(phrase: str, text: str, at: int) -> str | None:
    """The body named last in the ``BODY_REACH`` characters of ``text`` before ``at`` whose
    name ends in the kind of body ``phrase`` speaks of ("the board": Northern Lighthouse
    Board), if the phrase is one."""
    m = _BODY_BY_KIND.match(phrase)
    if m is None or m.group("kind") not in ORG_HEADS:
        return None
    kind = m.group("kind")
    before = text[max(0, at - BODY_REACH) : at]
    found = [(o.start, o.text) for o in find_orgs(before)]
    # and a state's bodies, whose names end in a common noun ("the Palestinian health ministry")
    found += [(b.start("org"), b.group("org")) for b in _STATE_BODY_IN_TEXT.finditer(before)]
    return next((o for _, o in sorted(found, reverse=True) if o.split()[-1].lower() == kind), None)


# a spokesperson, for no one the phrase names: "A spokesperson said:", "a spokesman said"
_LONE_SPOKESPERSON = re.compile(r"^(?i:an?|the)\s+spokes(?:man|woman|person)$")
_SPOKESPERSON_FOR_KIND = re.compile(
    r"^(?i:an?|the)\s+spokes(?:man|woman|person)\s+for\s+the\s+(?:company|firm|group|business|operator|"
    r"retailer|airline|bank|chain|supermarket|carmaker|insurer|broadcaster|developer|club|union|charity)$"
)
_BARE_NAME = re.compile(r"[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2}")
_LAST_SENTENCE = re.compile(
    # (a decimal point is no full stop: "... said it was investing £1.8bn in urgent care.")
    # (quoted words may stand in it: 'Stagecoach said it was "disappointed".')
    r"(?:^|(?<=[.!?\n])\s*)(?P<sent>[A-Z](?:[^.!?\n]|(?<=\d)\.(?=\d)){5,300}[.!?][\"\u201d]?)\s+(?:\S[^.!?\n]*)?$"
)
SPOKESPERSON_REACH = 600  # characters before a lone spokesperson read for the body they speak for


def _body_reporting_before(text: str, at: int, registry: AliasRegistry | None, named: bool = False) -> str | None:
    """The body that reports in the sentence just before ``at`` (or before the sentence
    ``at`` is in), if one does: the one a lone spokesperson speaks for ("Norfolk County
    Council says it is reviewing the limit. A spokesperson said: ..."). With ``named``, the
    spokesperson's phrase says they speak for a body ("a spokesman for the company"), and a
    name with no body's head word that is no one's counts ("Stagecoach said ...")."""
    window = text[max(0, at - SPOKESPERSON_REACH) : at]
    m = _LAST_SENTENCE.search(window)
    if m is None:
        return None
    who = _SUBJECT_REPORTS.match(m.group("sent"))
    if who is None:
        return None
    body = _organisation(who.group("who"), registry)
    if body is None and named and (bare := _BARE_NAME.fullmatch(who.group("who").strip())):
        name = bare.group(0)
        if (
            (registry is None or registry.person(name) is None)
            and find_person_at_end(name, registry) is None  # (not "Jane Smith said ...")
            and not is_place(name)
        ):
            body = name
    return body


# a body named by what it does or an acronym, then the nation it serves: "NHS England",
# "Public Health England", "Sport England", "BBC Scotland" (not a person's surname that is a
# place: "Jane England" has no acronym or portfolio word before it)
_PLACE_BODY = re.compile(
    rf"(?:[A-Z]{{3,6}}|(?:[A-Z][a-z]+\s+)?(?i:{'|'.join(sorted(PORTFOLIO_WORDS))}))\s+"
    r"(?:England|Scotland|Wales|Ireland|Northern Ireland|Britain|Australia|Canada|New Zealand)"
)


def _organisation(
    phrase: str | None, registry: AliasRegistry | None = None, text: str | None = None, at: int = 0
) -> str | None:
    """The body a speaker phrase names, if it names one and no person: "The Home Office",
    "a spokesperson for Thames Water", "A Home Office spokesman" (its name without "the");
    with the ``text`` the phrase stands in, before ``at``, also a body it names by its kind
    ("the council", see :func:`_body_named_before`)."""
    if not phrase:
        return None
    # ("a statement from the Treasury": "from the" would end a person's phrase)
    whole = _speaker_words(phrase, cut=False)
    if text is not None and (body := _body_named_before(whole, text, at)):
        return body
    if text is not None and _LONE_SPOKESPERSON.match(whole):
        return _body_reporting_before(text, at, registry)
    if text is not None and _SPOKESPERSON_FOR_KIND.match(whole):
        # "Stagecoach said it was "disappointed". A spokesman for the company said: ...": the
        # body of that kind that reports in the sentence before
        return _body_reporting_before(text, at, registry, named=True)
    phrase = _speaker_words(phrase)
    m = _BODY_SPOKESMAN.match(whole) or _BODY_SPOKESMAN.match(phrase) or _BODY_ADJECTIVE.match(phrase)
    m = m or _BODY_APPOSED.match(phrase) or _KIND_APPOSED.match(whole) or _BODY_THEN_KIND.match(phrase)
    if m:
        org = m.group("org")
        if org.split()[-1].lower() in ROLE_HEADS:
            return None  # "a spokesman for the Prime Minister" speaks for a person
        if registry is not None and (who := registry.person(org)) is not None:
            entry = registry.people.get(who)
            if entry is not None and (entry.titles or entry.honorifics):
                return None  # "a spokesman for Boris Johnson", whom the text calls a former prime minister
    elif state := _STATE_BODY.match(phrase):
        org = state.group("org")
        if any(is_honorific(w) or w.lower() in ROLE_HEADS for w in org.split()[:-1]):
            return None  # ("Prime Minister Smith's government" is known by its head)
        return org
    else:
        m = _BODY_ALONE.match(phrase)
        if not m or not m.group("org")[:1].isupper():
            return None
        org = m.group("org")
        # a bare name is a body's only by its head word ("Agency", "Police") or as a metonym
        found = find_orgs(phrase)
        if (
            org.lower() not in _METONYMS
            and not any(o.end == len(phrase) and o.text == org for o in found)
            and not _PLACE_BODY.fullmatch(org)
        ):
            return None
    if org.lower() in _METONYMS:
        return org
    first = org.split()[0].rstrip(".").lower()
    if is_place(org) or (first in DEMONYMS and " " not in org) or is_honorific(org.split()[0]):
        return None  # "a US official", "an Israeli spokesman", "a spokesman for Mr Smith"
    return org


# the words a description of someone heads with, as role_key gives them ("fly-half": "flyhalf")
# (and what sports copy calls a player, which is no title before a name: "the England
# international said", "the Australian opener")
_PLAYERS = frozenset(
    {
        *("international", "keeper", "batter", "bowler", "opener", "centreback", "wingback", "playmaker"),
        *("debutant", "allrounder", "spinner", "seamer", "paceman", "batsman", "wicketkeeper"),
        *("flyhalf", "outhalf", "scrumhalf"),  # (one position, two names: "the Leinster out-half")
    }
)
_DESCRIBING = frozenset(w.replace("-", "") for w in ROLE_HEADS) | _STYLED | _PLAYERS


def _inside_org(phrase: str, ref: PersonRef) -> bool:
    """Whether the name found lies inside an organisation's name in the phrase."""
    return any(o.start < ref.start < o.end for o in find_orgs(phrase))


_CAPITALISED_RUN = re.compile(
    r"[A-Z\u00c0-\u00de][\w'-]*(?:[ \t]+(?:[A-Z]\.(?=[ \t]+[A-Z])|[A-Z\u00c0-\u00de][\w'-]*))+"
)  # (not across lines: a heading is no first name; an initial may stand inside: "Donald J. Trump")


def _full_names(text: str) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """Each word ``text`` writes as a surname, to the full names it ends, with where the text
    first gives each, in that order: the name words just before it (not a title, an
    honorific or a day), three at most; and each first word of a full name of two or three
    words that is no part of a longer one, to those names. Only lines that end as a sentence
    does are read: a headline's capitals ("Late Saka strike sinks Villa") make no names. Made
    once per text (a draft may hold thousands of quotes by surname)."""
    out: dict[str, dict[str, int]] = {}
    names: dict[str, int] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.rstrip().endswith(_SENTENCE_ENDS):
            for m in _CAPITALISED_RUN.finditer(line):
                run = m.group(0).split()
                # (a name going on past a particle, "Luiz Inacio Lula da Silva", ends in none
                # of the run's words)
                last = len(run) - 1 if _PARTICLE_NEXT.match(line, m.end()) else len(run)
                for j in range(1, last):
                    if run[j].endswith("."):
                        continue  # an initial ends no name
                    surname = run[j][:-2] if run[j].endswith("'s") else run[j]
                    k = j
                    while k > max(0, j - 3) and is_name_word(run[k - 1]) and not is_honorific(run[k - 1]):
                        k -= 1
                    if k == 0 and leads_with_descriptor(run[0], len(run)):  # (a run is two words or more)
                        k = 1  # "Passenger Amy Collins": who she is, then her name
                    if k == j and is_initials(run[j - 1], run[j]):
                        k -= 1  # "JD Vance"
                    if k < j:
                        name = " ".join([*run[k:j], surname])
                        out.setdefault(surname, {}).setdefault(name, offset + m.start())
                        names.setdefault(name, offset + m.start())
        offset += len(line)
    # (a name that begins a longer one is no full name of its own: "Yoon Suk" of "Yoon Suk Yeol";
    # found by the names' own beginnings, not by comparing every name with every other)
    begins = {" ".join(n.split()[:k]) for n in names for k in range(1, len(n.split()))}
    firsts: dict[str, dict[str, int]] = {}
    for n, at in names.items():
        if len(n.split()) <= 3 and n not in begins:
            firsts.setdefault(n.split()[0], {})[n] = at
    return out, firsts


# words before a name that say whether "he" or "she" is theirs: "Her husband, Ron,",
# "landlady Jean Pritchard", "Kai's mother, Leanne Morgan,"
# fmt: off
_HIS_WORDS = frozenset({
    "husband", "son", "father", "brother", "grandson", "grandfather", "widower", "dad", "stepson",
    "stepfather", "uncle", "nephew", "boyfriend", "fiance", "landlord", "businessman", "chairman",
    "spokesman", "actor", "policeman", "fireman", "headmaster", "grandad", "granddad",
})
_HERS_WORDS = frozenset({
    "wife", "daughter", "mother", "sister", "granddaughter", "grandmother", "widow", "mum",
    "stepdaughter", "stepmother", "aunt", "niece", "girlfriend", "fiancee", "landlady",
    "businesswoman", "chairwoman", "spokeswoman", "actress", "policewoman", "headmistress", "gran",
    "grandma",
})
# fmt: on
_SEXED_NAME = re.compile(
    rf"(?<![\w'-])(?P<word>(?i:{'|'.join(sorted(_HIS_WORDS | _HERS_WORDS, key=len, reverse=True))})),?\s+"
    r"(?P<name>[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){0,2})(?=[,.;:]|\s+[a-z]|\s*$)"
)


def _first_names_alone(text: str) -> set[str]:
    """The names ``text`` gives someone as a first name alone: a relative's ("His sister, Amy,",
    "her son Jack said"), or with an age ("Jack, 12,"), not the full names they begin ("Amy
    Hood", named elsewhere). Read only where a first name would join a full name (the two
    searches cost a tenth of a millisecond a text)."""
    found = set()
    for m in _KIN_THEN_NAME.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].split()
        if before and (before[-1].lower() in ("his", "her", "their") or before[-1][:1].isupper()):
            found.add(m.group(1))
    for m in _NAME_THEN_AGE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()].split()
        if not before or not before[-1][:1].isupper() or before[-1][-1:] in ".!?,;:":
            found.add(m.group(1))  # (not "Jack Draper, 23,": his surname)
    return found


_KIN_THEN_NAME = re.compile(rf"(?<![\w'-]){_KIN},?\s+([A-Z][a-z][\w'-]*)(?=,|\s+[a-z])")
_NAME_THEN_AGE = re.compile(r"(?<![\w'-])([A-Z][a-z][\w'-]*),\s+(?:aged\s+)?\d{1,3},")


_SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "'", ")", "\u201d", "\u2019")
_PARTICLE_NEXT = re.compile(rf"[ \t]+(?:{'|'.join(sorted(NAME_PARTICLES))})[ \t]+[A-Z]")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")


def _role_words(phrase: str | None) -> frozenset[str] | None:
    """The title words of a definite description ("the Arsenal manager": {"manager"}), if
    the phrase is one and names a job."""
    m = _DEFINITE_TITLE.match(_speaker_words(phrase or ""))
    if not m:
        return None
    words, _ = role_key(m.group(1))
    return words if words & _DESCRIBING else None


def _may_hold(person: str, role: frozenset[str], registry: AliasRegistry | None) -> bool:
    """Whether ``person`` may be the one a description with these title words means: the
    sources give them no title, or one with those words."""
    titles = registry.titles_of(person) if registry is not None else []
    if not titles and role & RANK_WORDS:
        # "Rishi Sunak has said ...", then "the former prime minister said": someone the sources
        # give no title may be described with a rank, unless an office is their honorific
        # ("President Maria Alvarez" is not "the vice president")
        entry = registry.people.get(registry.canonical_person(person)) if registry is not None else None
        honorifics = entry.honorifics if entry is not None else ()
        return not any(honorific_sex(h) is None and h.lower().rstrip(".") not in _PLAIN for h in honorifics)
    if role & RANK_WORDS:
        # "the former president", "the deputy leader": a title the sources give them, rank and
        # all (President Alvarez is not "the vice president")
        return any(role <= role_key(t)[0] for t in titles)
    if (described := role & _DESCRIBING) and described <= _PLAYERS:
        # what sports copy calls a player is no office: "the all-rounder" is the captain too,
        # "the Leinster out-half" the replacement fly-half (whoever the player plays for)
        return True
    return not titles or any(role & role_key(t)[0] for t in titles)


_PLAIN = frozenset({"dr", "prof", "professor", "rev", "revd"})  # honorifics that are no office

_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?P<what>[^,.;]{1,80})[,.;]", re.I)


def _described_otherwise(text: str, sentences: list[tuple[int, int]], q, role: frozenset[str]) -> bool:
    """Whether the sentence before ``q``'s says who its person is in words that are not the
    description's ("Jane Doe, a teacher, said ..." then "the minister said")."""
    i = _last_starting(sentences, q.open_mark)
    if i < 1:
        return False
    m = _APPOSITIVE.search(text, *sentences[i - 1])
    return bool(m) and not role & {w.lower() for w in m.group("what").split()}


def _quoted_just_before(sentences: list[tuple[int, int]], last, q) -> bool:
    """Whether the last speaker's quote lies in the sentence before ``q``'s (``'Saka ... said
    the team had "learned". "We believe," the 23-year-old said'``)."""
    i = _last_starting(sentences, q.open_mark)
    return i >= 1 and sentences[i - 1][0] <= last.open_mark < sentences[i - 1][1]


def _last_starting(sentences: list[tuple[int, int]], pos: int) -> int:
    """The index of the last sentence starting at or before ``pos`` (-1 for none)."""
    return bisect.bisect_right(sentences, (pos, float("inf"))) - 1


def _sentence_bounds(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence holding ``pos`` (sentences are sorted and do not overlap)."""
    i = _last_starting(sentences, pos)
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return pos, pos


# Attributions stand next to their quote: the context read on either side is bounded, so a
# megabyte-long paragraph costs no more per quote than a short one.
CONTEXT = 300


def _bare_name_line(line: str, registry: AliasRegistry | None) -> PersonRef | None:
    line = line.strip().lstrip("-\u2013\u2014 ").strip()
    if not line or len(line.split()) > 12 or re.search(r"[.!?\"]$", line):
        return None
    head = line.split(",")[0]
    if not all(
        is_name_word(w) or w.lower().rstrip(".") in {"dr", "sir", "prof", "mr", "mrs", "ms"} for w in head.split()
    ):
        return None
    kind, ref = parse_speaker_phrase(line, registry)
    if kind != "person" or ref is None:
        return None
    if len(head.split()) < 2 and (registry is None or registry.person(head) is None):
        return None
    return ref


# Full stops that end no sentence, read as spaces when looking for who spoke: an abbreviated
# title's ("Sen. Patty Murray", "Dr. Jane Smith"), and a US party-and-state tag's, which is
# read as nothing ("Chuck Schumer, D-N.Y., said"). The abbreviations are searched for without
# a \b before them, which the engine does in C five times faster; the word is then tested
# to start there (every source is read)
_ABBREVIATION_STOP = re.compile(rf"(?:{'|'.join(NAME_ABBREVIATIONS)})\.")
_PARTY_STATE = re.compile(r",\s*[DRI]-[A-Z][A-Za-z.]*(?=[,\s]|$)")
# an initial's full stop, which ends no sentence either: "John F. Kennedy", "J.K. Rowling",
# "U.S. District Judge Maria Chen", "U.N. Secretary-General Antonio Guterres"
_INITIAL_STOP = re.compile(r"(?<![\w'-])[A-Z]\.(?=[A-Z]\.|\s+[A-Z])")


def _masked(text: str) -> str:
    if "." not in text:
        return text
    stops = [
        m.end() - 1
        for m in _ABBREVIATION_STOP.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
    ]
    if stops:
        pieces, last = [], 0
        for i in stops:
            pieces += (text[last:i], " ")
            last = i + 1
        pieces.append(text[last:])
        text = "".join(pieces)
    if "-" in text and _PARTY_STATE.search(text):
        text = _PARTY_STATE.sub(lambda m: " " * len(m.group(0)), text)
    if _INITIAL_STOP.search(text):
        text = _INITIAL_STOP.sub(lambda m: m.group(0)[0] + " ", text)
    return text


def _unmasked(title: str | None, masked: str, orig: str, q: FoundQuote, end: int | None = None) -> str | None:
    """A title read from the masked text as the source writes it ("Ms. Okafor's deputy", not
    "Ms  Okafor's deputy"): found near the quote, read from the original at the same place."""
    if title is None or masked is orig or title not in masked:
        return title
    close = q.close_mark if q.close_mark is not None else q.open_mark
    i = masked.find(title, max(0, q.open_mark - CONTEXT), max(end or 0, close + 1 + CONTEXT))
    return orig[i : i + len(title)] if i >= 0 else title


def attribute(
    text: str,
    paragraphs: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    quotes: list[FoundQuote],
    registry: AliasRegistry | None = None,
) -> set[int]:
    """Give every quote its speaker; returns the paragraphs that are only an attribution line."""
    orig, text = text, _masked(text)  # the same length: every offset holds
    last_speaker: FoundQuote | None = None
    name_lines: set[int] = set()
    seen: dict[str, str] = {}  # surname -> full name, for "Mr Smith" after "John Smith"

    full_names: tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]] | None = None  # made when first needed
    alone: set[str] | None = None  # the first names the text gives alone: made when first needed

    def names_of_text():
        nonlocal full_names
        if full_names is None:
            full_names = _full_names(orig)
        return full_names

    def names_alone() -> set[str]:
        nonlocal alone
        if alone is None:
            alone = _first_names_alone(orig)
        return alone

    def apart(name: str, full: str) -> bool:
        """Whether ``name``, a first name the text gives someone alone, is another person than
        ``full``, the full name it begins: unless someone else the text names has the full
        name's surname ("Their son, Iain, 52," is Iain MacLeod in a story about Donald
        MacLeod; "His sister, Amy," is not Amy Hood)."""
        return name in names_alone() and len(names_of_text()[0].get(full.split()[-1], ())) < 2

    def full_or_alone(name: str) -> str | None:
        """:func:`full_name`, or a first name the text gives someone alone, who is known by it
        ("Her husband, Ron, collected glasses. ... Ron shook his head.")."""
        if (full := full_name(name)) is not None:
            return full
        return name if name in names_alone() else None

    def full_name(surname: str) -> str | None:
        """The full name the text gives ``surname``: ending in it, the first the text gives
        where it gives several, a sentence or more apart (the story's own person, whose
        relatives are told apart by first name: "Ellison recalled ..." after "Margaret
        Ellison ... Her husband, Peter Ellison"); or else, for a family name written first
        ("Xi said" after "Xi Jinping"), the one starting with it."""
        by_last, by_first = names_of_text()
        if whole := by_last.get(surname):
            (first, at), *others = whole.items()
            # (not where the next is given in the same sentence: "Serena Williams and Venus
            # Williams played." leaves "Williams" to no one)
            return first if not others or _SENTENCE_BREAK.search(orig, at, others[0][1]) else None
        whole = by_first.get(surname, {})
        # (not a first name the text gives alone: "Her son, Jack, 12," is not Jack Draper)
        return next(iter(whole)) if len(whole) == 1 and not apart(surname, next(iter(whole))) else None

    def canonical(name: str, honorific: str | None = None) -> str:
        parts = name.split()
        if len(parts) == 1 and honorific and honorific.lower().rstrip(".") in ("sir", "dame") and registry:
            name = registry.knighted(name) or name  # "Sir James": Sir James Bevan
            parts = name.split()
        if len(parts) == 1 and honorific_sex(honorific) and registry is not None:
            who = registry.person(f"{honorific} {name}")
            if who is not None and who != registry.person(name):
                return who  # "Mrs Evans", in a text whose Evans is Mr Bill Evans
        if len(parts) == 1 and parts[0].lower() in seen:
            return seen[parts[0].lower()]
        if len(parts) >= 2 and all(p.lower() in SURNAME_LEADS for p in parts[:-1]):
            # "von der Leyen", "De Niro": the full name the text gives the surname with them
            full = full_name(parts[-1])
            if full is not None and full.lower().endswith(" " + name.lower()):
                return full
        full = registry.canonical_person(name) if registry else name
        if (
            len(parts) == 1
            and begins_only(full, name)
            and full in names_of_text()[1].get(name, ())
            and apart(name, full)
        ):
            # "His sister, Amy," is not the Amy Hood the text names too (a full name only the
            # sources give may be hers: "His son Iain" of the sources' Iain MacLeod)
            full = name
        if len(parts) == 1 and len(full.split()) == 1:
            # "Arteta said" in a report that opened "Mikel Arteta praised ...": the one full
            # name the text gives the surname (a name with no title is not registered)
            full = full_name(full) or full
        if len(full.split()) >= 2:
            seen.setdefault(full.split()[-1].lower(), full)
        return full

    by_para: dict[int, list[FoundQuote]] = {}
    bodies: set[str] = set()  # the organisations given quotes: no "he" or "she"
    called: dict[str, set[str]] = {}  # the people the text's quotes call "he" or "she"
    sexed = False

    def clashes(pronoun: str, person: str | None) -> bool:
        """:func:`_clashes`, with what the words before names say ("Her husband, Ron," is
        no "she"), read the first time a pronoun's speaker is in question."""
        nonlocal sexed
        if not sexed:
            sexed = True
            for m in _SEXED_NAME.finditer(orig):
                said = "he" if m.group("word").lower() in _HIS_WORDS else "she"
                # (the registry's name for them: canonical() would remember the surname as theirs)
                name = m.group("name")
                for who in {name, registry.canonical_person(name) if registry is not None else name}:
                    called.setdefault(who, set()).add(said)
        return _clashes(pronoun, person, registry, called)

    lede: int | None = None  # the story's first paragraph (-1: none)
    for q in quotes:
        by_para.setdefault(q.para, []).append(q)
    sentences = sorted(sentences)
    quoted = [(p.open_mark, p.close_mark if p.close_mark is not None else paragraphs[p.last_para][1]) for p in quotes]
    last_close = -1  # the closing mark of the quote before, in reading order
    for qi, q in enumerate(quotes):
        if last_speaker is not None and last_speaker.para != q.para:
            ps = paragraphs[q.para][0]
            if text[ps : ps + 1] in "*0123456789" and _LIVE_TIME.match(text, ps):
                # a live page's new entry ("**12:40** Kemi Badenoch is responding."): no "she"
                # in it is the last entry's speaker
                last_speaker = None
        s_start, _ = _sentence_bounds(sentences, q.open_mark)
        back_close = last_close + 1 if 0 <= last_close < q.open_mark else 0
        prev_close = max(back_close, s_start)
        if q.close_mark is not None:
            last_close = q.close_mark
        left = text[max(prev_close, s_start, paragraphs[q.para][0], q.open_mark - CONTEXT) : q.open_mark]
        if q.para > 0 and not text[paragraphs[q.para][0] : q.open_mark].strip():
            # "She added:" as a paragraph of its own, then the quote as the next: the lead-in
            # paragraph's last sentence is what stands before the quote
            ps, pe = paragraphs[q.para - 1]
            if text[ps:pe].rstrip().endswith(":"):
                ls, _ = _sentence_bounds(sentences, pe - 1)
                left = text[max(ls, ps, back_close, pe - CONTEXT) : pe].rstrip() + " "
        if left[:1] in "*0123456789" and (stamp := _LIVE_TIME.match(left)):
            left = left[stamp.end() :]  # "**14:10** Ms Reeves says ...": a live blog's time
        right = ""
        own_sentence = None  # the end of an attribution that is a sentence of its own
        if q.close_mark is not None:
            _, s_end = _sentence_bounds(sentences, q.close_mark + 1 if q.close_mark + 1 < len(text) else q.close_mark)
            if s_end <= q.close_mark:
                _, s_end = _sentence_bounds(sentences, q.close_mark)
            if s_end <= q.close_mark + 1 and q.parts and text[q.parts[-1][1] - 1] in "?!":
                # '"Why now?" asked X.': a sentence ends at the question mark, and the one after
                # the quote goes on from it if it opens in lower case or is a short attribution
                # ("Graham asked."), and introduces no quote of its own ('She added: "..."')
                j = bisect.bisect_left(sentences, (q.close_mark + 1, -1))
                if j < len(sentences):
                    ns, ne = sentences[j]
                    nxt_sent = text[ns:ne]
                    if (
                        not text[q.close_mark + 1 : ns].strip()
                        and '"' not in nxt_sent
                        and (
                            nxt_sent[:1].islower() or (len(nxt_sent.split()) <= 8 and _RIGHT_WHO_FIRST.match(nxt_sent))
                        )
                    ):
                        s_end = own_sentence = ne
            # the next quote after this one's close (quotes are in order of their openings:
            # found from here, not by reading every later quote, which made a draft of
            # thousands of quotes quadratic)
            nxt = next(
                (p.open_mark for p in itertools.islice(quotes, qi + 1, None) if p.open_mark > q.close_mark), None
            )
            end = min(s_end, paragraphs[q.last_para][1], *(() if nxt is None else (nxt,)))
            right = text[q.close_mark + 1 : min(end, q.close_mark + 1 + CONTEXT)]
        # an attribution after the quote follows a quote that ends in punctuation ("...," said X)
        # or a comma after the mark ("...", he said); a partial quote runs on into reporting
        inner_end = text[q.parts[-1][1] - 1] if q.parts else ""
        if inner_end == "'":
            # (a quote within the quote closes with it: '"... told me, 'You'll hate it,'" Ross
            # says': the punctuation before the inner mark)
            inner_end = text[q.parts[-1][1] - 2]
        if not (inner_end in ",.!?-" or right.lstrip(" ").startswith((",", "-"))):
            about = _RIGHT_AFTER_ABOUT.match(right)
            right = right[about.end() :] if about and _RIGHT_WHO_FIRST.match(right[about.end() :]) else ""
        r = right.lstrip(" ,;-")
        kind, ref, how = None, None, None
        m = (
            (_RIGHT_VERB_FIRST.match(r) or _RIGHT_ACCORDING.match(r) or _RIGHT_HOW.match(r) or _RIGHT_WHOSE.match(r))
            if r
            else None
        )
        according = None
        if m is not None and m.re is _RIGHT_ACCORDING and _REPORTED.search(left):
            # 'Xi told the EU's leaders that "...," according to state broadcaster CCTV': the
            # broadcaster reports what the sentence's speaker said (theirs only if no one is)
            according, m = m, None
        if m:
            kind, ref = parse_speaker_phrase(m.group("who"), registry)
            how = "after"
            q.attribution_end = own_sentence  # (a draft's claims leave it out)
        if kind is None and q.close_mark is not None:
            # '"..." - Jane Doe': a dash and a name (and title) closing the paragraph
            pe = paragraphs[q.last_para][1]
            tail = text[q.close_mark + 1 : min(pe, q.close_mark + 1 + CONTEXT)]
            if tail.lstrip(" ").startswith("-") and q.close_mark + 1 + CONTEXT >= pe:
                m = _RIGHT_DASH.match(tail.lstrip(" -"))
                if m:
                    k2, r2 = parse_speaker_phrase(m.group("who"), registry)
                    if k2 == "person":
                        kind, ref, how = k2, r2, "after"
                        q.attribution_end = pe
        if kind is None and r:
            m = _RIGHT_WHO_FIRST.match(r)
            if m and not _NEW_CLAUSE.match(m.group("who")):  # not '"...," though he said ...'
                kind, ref = parse_speaker_phrase(m.group("who"), registry)
                how = "after"
                q.attribution_end = own_sentence
        lstrip = left.strip()
        if kind is None and lstrip:
            m = (
                _LEFT_ASIDE.search(left)
                or _LEFT_ACCORDING.search(left)
                or _LEFT_VERB.search(left)
                or _LEFT_VERB_COLON.search(left)
                or _SAYS_FIRST.search(left)
            )
            if m:
                kind, ref = parse_speaker_phrase(m.group("who"), registry)
                how = "before"
            else:
                m = _LEFT_COLON.search(left)
                # "Jane Doe: ..." names the speaker; a clause before a colon does not
                if m and len(m.group("who").split()) <= 8 and not re.search(rf"\b{_V}\b", m.group("who"), re.I):
                    k2, r2 = parse_speaker_phrase(m.group("who"), registry)
                    if k2 != "person":
                        # "Mr Smith was blunt:", "Starmer hit back:" - a person, then a few
                        # words about how they spoke; a lone word only if it is someone's name
                        # ("Critics were scathing:" names nobody)
                        lead = _NAME_THEN_HOW.match(m.group("who").strip())
                        if lead:
                            k2, r2 = parse_speaker_phrase(lead.group(1), registry)
                            alone = lead.group(1).strip()
                            if " " not in alone and (registry is None or registry.person(alone) is None):
                                k2, r2 = "unnamed", None
                    if k2 == "person":
                        kind, ref, how = k2, r2, "colon"
                    elif _organisation(m.group("who"), registry, text, q.open_mark) is not None:
                        kind, how = "unnamed", "colon"  # "A statement from Southern Water read:"
                elif not m and lstrip.endswith(":") and (m2 := _APPOSED_THEN_HOW.search(left)):
                    # "Rep. Hakeem Jeffries, D-N.Y., the House minority leader, was blunt:",
                    # "Parkinson's assistant, Steve Parkin, put it more simply:": the person, who
                    # they are between commas, then how they spoke
                    k2, r2 = parse_speaker_phrase(m2.group("who"), registry)
                    if k2 == "person":
                        m, kind, ref, how = m2, k2, r2, "colon"
        if kind is None and lstrip:
            # reported speech: "X said the figures were "a step in the right direction""
            # or the words someone calls a thing: "X called the measure "a compromise""; of two
            # reporting clauses, the one nearest the quote ("Brandt said ..., but Petra Vogel
            # said staff had been "kept in the dark"")
            for pattern in (_REPORTED, _CALLED, _REPORTED_AFTER_APPOSITIVES, _CALLED_AFTER_APPOSITIVES, _BY_AS):
                for m in reversed(list(pattern.finditer(left))):
                    k2, r2 = parse_speaker_phrase(m.group("who"), registry)
                    if k2 == "unnamed" and _AND_THEN.search(m.group("who")):
                        # "Gov. Gavin Newsom declared an emergency and said ...": the subject
                        # of the verb before "and"
                        subject = _subject(m.group("who"), registry)
                        if subject is None and m.start("who") > 0 and left[m.start("who") - 2 : m.start("who")] == ", ":
                            # "The Tanaiste, Simon Harris, struck a similar note but conceded
                            # that ...": the subject, who they are, then the verb before "but"
                            subject = _subject(left[: m.end("who")], registry)
                        if subject is not None:
                            k2, r2 = "person", PersonRef(subject, None, None, 0, 0)
                    if k2 == "unnamed" and len(holders := _title_holders(m.group("who"), registry)) == 1:
                        # "The prime minister said the plan was "dead"": the one person the text
                        # has given that title, as for '"...," the prime minister said'
                        k2, r2 = "person", PersonRef(holders.pop(), None, None, 0, 0)
                    elif (
                        k2 == "unnamed"
                        and last_speaker is not None
                        and last_speaker.speaker
                        and not holders
                        and _GOES_ON.search(m.group(0))
                        and _role_words(m.group("who"))
                        and _quoted_just_before(sentences, last_speaker, q)
                    ):
                        # 'Lord Beckett told Dunbar: "..."' then 'The judge added that he had
                        # been left "afraid"': a description whose words go on from the last
                        # speaker's, as for '"...," the judge added'
                        k2, r2 = "person", PersonRef(last_speaker.speaker, None, None, 0, 0)
                    if lede is None:
                        lede = _lede(text, paragraphs)  # (once a text, where it is asked)
                    if k2 == "unnamed" and q.para == lede:
                        # "The housing minister has said the government "will not back down"" /
                        # "Matthew Pennycook told the conference ...": a lede describes, and the
                        # paragraph after it names
                        named = _named_next(text, paragraphs, sentences, q.para, m.group("who"), registry, full_name)
                        if named is not None:
                            k2, r2 = "person", PersonRef(named, None, None, 0, 0)
                    if k2 in ("person", "pronoun"):
                        kind, ref, how = k2, r2, "reported"
                        break
                    if _organisation(m.group("who"), registry, text, q.open_mark) is not None:
                        kind, how = "unnamed", "reported"  # "A Downing Street spokesman said the ..."
                        break
                if kind is not None:
                    break
        if kind is None and (head := _HEADLINE_SPEAKER.match(text, *paragraphs[q.para])) and head.end() <= q.open_mark:
            # "Guardiola: City 'not good enough' after fifth straight defeat": a headline's
            # speaker before a colon, whom the story names in full
            para_text = text[paragraphs[q.para][0] : paragraphs[q.para][1]].rstrip()
            full = full_name(head.group("who")) if not para_text.endswith((".", "!", "?")) else None
            if full is not None and full.split()[-1] == head.group("who"):
                kind, ref, how = "person", PersonRef(full, None, None, 0, 0), "colon"
        if kind is None and according is not None:
            kind, ref = parse_speaker_phrase(according.group("who"), registry)
            how = "after"
            q.attribution_end = own_sentence
        if kind is None and not r.strip(" ."):
            # 'She laughs. "And go where?"': a quote opening a sentence, after a short one in
            # its paragraph about how "she" or "he" took the question, is theirs
            back = quotes[qi - 1].close_mark if qi > 0 else None
            since = max(paragraphs[q.para][0], back + 1 if back is not None and back < q.open_mark else 0)
            m = _PRONOUN_BEFORE.search(text, since, q.open_mark)
            if m:
                kind, how = "pronoun", "pronoun"
        # a partial quote: reporting words around it that are not an attribution
        q.partial = bool(
            (lstrip and how not in ("before", "colon") and not lstrip.endswith(":"))
            or (r.strip(" .") and how != "after")
        )
        if kind == "person" and ref is not None:
            q.person = ref
            q.speaker = canonical(ref.name, ref.honorific)
            q.title, q.honorific, q.attribution = _unmasked(ref.title, text, orig, q), ref.honorific, how
            q.phrase = ref.name
            last_speaker = q
            if sex := honorific_sex(ref.honorific):
                called.setdefault(q.speaker, set()).add("he" if sex == "m" else "she")  # ("Ms Keller")
            continue
        if kind == "pronoun":
            q.phrase = _speaker_words(m.group("who")).strip() if m else None  # ("In an interview, he")
            q.attribution = "pronoun"
            # '... Sharkey was scathing. "It's a rebrand," he said.': the person the sentence
            # before opens with, where that sentence came after the last speaker's quote
            subject = None
            if q.phrase in _HE_SHE:
                # (with no one quoted before, the "he" or "she" says the subject is a person:
                # 'Rachel Reeves says the freeze will raise £8bn. "...," she tells MPs.')
                subject = _subject_before(
                    text,
                    sentences,
                    quoted,
                    q,
                    last_speaker,
                    registry,
                    last_speaker is None,
                    full_or_alone,
                    lambda who, pronoun=q.phrase: clashes(pronoun, canonical(who)),
                )
                if subject is not None and clashes(q.phrase, canonical(subject)):
                    subject = None
            if subject is None and q.phrase in _HE_SHE:
                # "The investment was welcomed by the Mayor of South Yorkshire, Oliver Coppard.":
                # the one person the sentence before names, who is not the last speaker; or
                # 'Amina Yusuf, who has lived there for nine years, said a housing officer told
                # her: "..." / "I believed them," she said.': who reported the unnamed words
                last_name = last_speaker.speaker if last_speaker is not None else None
                subject = _only_person_before(text, sentences, quoted, q, last_speaker, registry, canonical, last_name)
                if subject is None and last_speaker is None and qi > 0 and quotes[qi - 1].attribution == "unnamed":
                    subject = _reporter_before(text, sentences, quotes[qi - 1], q, registry, full_name)
                if subject is not None and clashes(q.phrase, canonical(subject)):
                    subject = None
            spokesperson = None
            if subject is None and (q.phrase in _HE_SHE or q.phrase in ("they", "They")):
                # 'A Sainsbury's spokeswoman said the company would ... "...," she said.': the
                # unnamed speaker of the sentence before, not the last one named ("One of the
                # people said a deal was close. "...," they said.")
                spokesperson = _unnamed_subject_before(text, sentences, quoted, q, last_speaker, registry)
            if spokesperson is not None:
                if spokesperson:
                    q.speaker, q.attribution = spokesperson, "organisation"
                    bodies.add(spokesperson)
                    last_speaker = q
                else:
                    last_speaker = None
                continue
            if (
                subject is None
                and last_speaker is not None
                and q.phrase in _HE_SHE
                and (last_speaker.speaker in bodies or clashes(q.phrase, last_speaker.speaker))
            ):
                # '"...," said Ms. Keller. ... "Where would we go?" he asked.': not hers (and a
                # "she said" after it may still be); 'Passenger Amy Collins was due to fly to
                # Dallas. "We've been told nothing," she said.' after a man's quote: the quote's
                # "she" says the sentence's subject is a person
                subject = _subject_before(
                    text, sentences, quoted, q, last_speaker, registry, person=True, full_name=full_name
                )
                if subject is not None and clashes(q.phrase, canonical(subject)):
                    subject = None
                if subject is None:
                    # '"...," said Ms Keller. "...," said Mr Keller. "...," she added.': the last
                    # speaker before whom the text calls "she" (by honorific or pronoun)
                    other = "she" if q.phrase.lower() == "he" else "he"
                    subject = next(
                        (
                            p.speaker
                            for p in reversed(quotes[max(0, qi - RECENT_SPEAKERS) : qi])
                            if p.speaker and p.speaker not in bodies and clashes(other, p.speaker)
                        ),
                        None,
                    )
                    if subject is None:
                        continue
            if subject is None and last_speaker is not None and q.phrase in _HE_SHE:
                # 'Owusu sighs and goes. Bed four is Mr Ellis ... She tells him. It is the fourth
                # time tonight. "...," she says later.': the story moved on from the last speaker
                # to someone else
                moved = _subject_since(text, sentences, quoted, q, last_speaker, registry, full_name)
                if moved is not None and canonical(moved) != last_speaker.speaker:
                    if clashes(q.phrase, canonical(moved)):
                        continue
                    subject = moved
            if subject is not None:
                q.speaker, q.title = canonical(subject), None
                last_speaker = q
            elif last_speaker is not None:
                q.speaker, q.title = last_speaker.speaker, None
                last_speaker = q
            if q.speaker and q.phrase in _HE_SHE:
                called.setdefault(q.speaker, set()).add(q.phrase.lower())
            continue
        if kind == "unnamed":
            q.phrase = m.group("who").strip() if m else None
            body = _organisation(q.phrase, registry, text, q.open_mark)
            if body is not None:
                # "The Home Office said", "a spokeswoman for Thames Water said": the body's words
                q.speaker, q.attribution = body, "organisation"
                bodies.add(body)
                last_speaker = q
                continue
            epithet = bool(q.phrase and _EPITHET.match(q.phrase))
            holders = set() if epithet else _title_holders(q.phrase, registry)
            if len(holders) == 1:
                # "the minister said": the one person the text has given that title
                q.speaker, q.attribution = canonical(holders.pop()), "title"
                last_speaker = q
                continue
            # (several holders: no guess)
            role = None if epithet or holders else _role_words(q.phrase)
            goes_on = False
            if epithet or role:
                # '"It was a crazy game," the 23-year-old said' / 'the Spaniard said' / 'the
                # Arsenal manager told BBC Sport': the one person the sentence before opens
                # with, as for "he" or "she", or whose words it quotes
                # (an epithet may say he or she: "the mother of two")
                sex = _epithet_sex(q.phrase) if epithet else None
                subject = _subject_before(
                    text,
                    sentences,
                    quoted,
                    q,
                    last_speaker,
                    registry,
                    person=True,
                    full_name=full_name,
                    other=(lambda who, sex=sex: clashes(sex, canonical(who))) if sex else None,
                )
                if subject is not None and sex and clashes(sex, canonical(subject)):
                    subject = None
                if subject is not None and epithet and _two_subjects_before(text, sentences, quoted, q, last_speaker):
                    # "Mohamed Salah scored twice and Luis Diaz added a third." then "the Dutchman
                    # told Sky Sports": either, or neither (their manager); no guess
                    subject = None
                elif (
                    subject is None
                    and (epithet or (role and role <= _PLAYERS))
                    and last_speaker
                    and _quoted_just_before(sentences, last_speaker, q)
                ):
                    # (and for what sports copy calls a player: "the England international"
                    # after Rice's words is Rice; not for a job: "the Arsenal manager" after the
                    # winger's words is not his)
                    subject = last_speaker.speaker
                elif subject is None and role and last_speaker and _quoted_just_before(sentences, last_speaker, q):
                    # a job, where the words go on from the last speaker's ('"...," the Fine Gael
                    # leader added.') or the last speaker is the one the story opens with ('The
                    # New York congresswoman said' after the lede's Alexandria Ocasio-Cortez)
                    # (the verb says so whatever other title they have: Tánaiste Simon Harris)
                    if lede is None:
                        lede = _lede(text, paragraphs)
                    goes_on = m is not None and _GOES_ON.search(m.group(0)) is not None
                    untitled = registry is None or not registry.titles_of(last_speaker.speaker)
                    if goes_on or (last_speaker.para == lede and untitled and "'" not in q.phrase):
                        # (the one the story opens with only where the text gives them no title,
                        # and the description names no one else's: not "the RCN's general
                        # secretary" after the health secretary's words)
                        subject = last_speaker.speaker
                if subject is not None and (
                    epithet
                    or goes_on
                    or (_may_hold(subject, role, registry) and not _described_otherwise(text, sentences, q, role))
                ):
                    q.speaker, q.attribution = canonical(subject), "epithet"
                    last_speaker = q
                    continue
            q.attribution = "unnamed"
            last_speaker = None
            continue
        # no attribution in the text around the quote
        ends_para = q.close_mark is None or not text[q.close_mark + 1 : paragraphs[q.last_para][1]].strip(" .,")
        if ends_para and q.last_para + 1 < len(paragraphs):
            ns, ne = paragraphs[q.last_para + 1]
            ref = _bare_name_line(text[ns:ne], registry)
            if ref is not None:
                q.person = ref
                q.speaker = canonical(ref.name, ref.honorific)
                q.title, q.honorific, q.attribution, q.phrase = (
                    _unmasked(ref.title, text, orig, q, ne),
                    ref.honorific,
                    "next-line",
                    ref.name,
                )
                name_lines.add(q.last_para + 1)
                last_speaker = q
                continue
        if q.partial:
            # "... said X was "a step forward" but warned of "a long way to go"": one speaker
            s_start, s_end = _sentence_bounds(sentences, q.open_mark)
            earlier = [p for p in quotes[:qi] if p.speaker and s_start <= p.open_mark < q.open_mark]
            if earlier:
                q.speaker, q.attribution = earlier[-1].speaker, "continues"
            elif _SAYING.search(left):
                # "Steve Reed defended the bill, saying it would "put customers first"": the
                # words are the sentence's subject's
                subject = _subject(text[s_start : q.open_mark], registry)
                if subject is None and (someone := _SOMEONE_DID.match(text, s_start, q.open_mark)):
                    # "A Home Office minister has resigned, saying ... were "unforgivable"." / "In
                    # her resignation letter, Jess Phillips wrote: ...": a lede's someone, whom
                    # the next paragraph names
                    if lede is None:
                        lede = _lede(text, paragraphs)
                    if q.para == lede:
                        subject = _named_next(
                            text, paragraphs, sentences, q.para, someone.group("who"), registry, full_name
                        )
                if subject is not None:
                    q.speaker, q.attribution = canonical(subject), "reported"
                    last_speaker = q
            continue
        same_para = [p for p in by_para.get(q.para, []) if p is not q and p.open_mark < q.open_mark and p.speaker]
        if same_para:
            q.speaker, q.attribution = same_para[-1].speaker, "continues"
            continue
        # a paragraph that is all quote, after a paragraph whose quote had a speaker
        whole = not text[paragraphs[q.para][0] : q.open_mark].strip() and ends_para
        if whole and q.para > 0 and last_speaker is not None and last_speaker.last_para == q.para - 1:
            q.speaker, q.attribution = last_speaker.speaker, "continues"
            continue
        if whole and q.para > 0 and not by_para.get(q.para - 1):
            # "Narayan said the deal was vital." then a paragraph of quote: his words
            ps, pe = paragraphs[q.para - 1]
            # (who they are may stand between commas: "Made Suarta, 42, a fisherman who ..., said")
            m = _REPORTED.search(text[ps:pe]) or _REPORTED_AFTER_APPOSITIVES.search(text[ps:pe])
            k2, r2 = parse_speaker_phrase(m.group("who"), registry) if m else (None, None)
            if k2 == "person" and r2 is not None:
                q.speaker, q.attribution, q.phrase = canonical(r2.name, r2.honorific), "reported-before", r2.name
                last_speaker = q
            elif _QUESTION_LINE.fullmatch(text, ps, pe):
                # a question on its own line, then a paragraph of quote: an interview's answer,
                # the words of the person the story opens with ("Sarah Lane, head of Oakfield
                # Academy, banned smartphones in September. We asked her how it has gone.")
                if lede is None:
                    lede = _lede(text, paragraphs)
                if lede >= 0 and paragraphs[lede][1] <= ps:
                    ls, le = _sentence_bounds(sentences, paragraphs[lede][0])
                    who = _subject(text[ls:le], registry, True, full_name)
                    if who is not None:
                        q.speaker, q.attribution = canonical(who), "interview"
                        last_speaker = q
    return name_lines


# an interviewer's question alone on its line: "**Has the ban worked?**", "Q: Why now?"
_QUESTION_LINE = re.compile(r"\s*(?:\*\*|__)?(?:Q[:.]\s*)?[A-Z][^\"\n\u201c\u201d]{2,200}\?(?:\*\*|__)?\s*")


def _lede(text: str, paragraphs: list[tuple[int, int]]) -> int:
    """The number of the story's first paragraph: the first that reads as sentences (a
    headline or a byline does not end as one, or is short); -1 for none."""
    for i, (ps, pe) in enumerate(paragraphs):
        para = text[ps:pe].strip()
        if para.endswith(_SENTENCE_ENDS) and len(para.split()) >= LEDE_WORDS:
            return i
    return -1


LEDE_WORDS = 12  # the fewest words of a story's first paragraph


def _named_next(text, paragraphs, sentences, para: int, phrase: str, registry, full_name) -> str | None:
    """The person the paragraph after ``para`` opens by naming, as the one reporting in its
    first sentence, where ``phrase`` describes someone by a title ("The housing minister has")
    that person may hold (see :func:`_may_hold`)."""
    # ("A former cabinet minister has accused ...": the lede's someone is described as the title)
    role = _role_words(_INDEFINITE.sub("the ", _LEDE_VERB_TAIL.sub("", phrase.strip())))
    if role is None or para + 1 >= len(paragraphs):
        return None
    if role & _AT_THE_TOP:
        # "The head of the water regulator has admitted ..." then "David Black, chief executive
        # of Ofwat, told ...": a lede's head or boss is the one at the top, by whatever title
        role = role | _TOP_TITLES
    ps, pe = paragraphs[para + 1]
    # (its first sentence, as the source was split)
    ss, se = _sentence_bounds(sentences, ps + len(text[ps:pe]) - len(text[ps:pe].lstrip()))
    first = text[ss : min(se, pe)]
    if not FIRST_SENTENCE_LEAST <= len(first.strip()) <= FIRST_SENTENCE_MOST:
        return None
    if not re.search(rf"\b(?:{_V})\b", first, re.I):
        return None
    who = _subject(first, registry, True, full_name)
    if who is None or " " not in who or not _may_hold(who, role, registry):
        return None
    from .corpus import person_bindings

    # (a title the sentence gives them is another: "Opposition leader Kemi Badenoch said")
    for b in person_bindings(first, registry if registry is not None else AliasRegistry(), strict=False):
        if b.title and b.name in (who, who.split()[-1]) and not role & role_key(b.title)[0]:
            return None
    return who


# a sentence's someone, described, and what they did: "A Home Office minister has resigned"
_SOMEONE_DID = re.compile(r"\s*(?P<who>(?:An?|The)\s+[^,;:\"]{1,80}?)\s+(?:has|have|had)\s+[a-z]+(?:ed|en|wn|t)\b")
_GOES_ON = re.compile(r"\b(?:added|adds|continued|continues|went on|goes on)\b", re.I)
_AT_THE_TOP = frozenset({"head", "boss", "chief"})
_TOP_TITLES = frozenset({"chief", "executive", "director", "chair", "chairman", "chairwoman", "president", "leader"})
_INDEFINITE = re.compile(r"^(?:an?|its)\s+", re.I)  # ("its director": a body's)
_LEDE_VERB_TAIL = re.compile(r"\s+(?:has|have|had|is|was)$")
FIRST_SENTENCE_LEAST, FIRST_SENTENCE_MOST = 11, 301  # characters of the sentence read after a lede
GAVE_REACH = 60  # characters into a sentence where someone who gave a name only in part stands
# a first name alone opening a sentence, then what they do or their age: "Tom, a builder, said"
_FIRST_NAME_DESCRIBED = re.compile(
    r"(?P<name>[A-Z][a-z]+),\s+(?:(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?P<what>[a-z-]+)|\d{1,3}),"
)


def _describes_someone(m: re.Match) -> bool:
    """Whether a match of :data:`_FIRST_NAME_DESCRIBED` is a person's: an age, or what they do
    (a word for a person's job or state, not "Leeds, a city,")."""
    name, what = m.group("name"), m.group("what")
    if is_place(name) or name.lower() in NOT_NAMES or find_orgs(name):
        return False
    return what is None or _a_person_word(what)


_HEADLINE_SPEAKER = re.compile(r"[ \t]*#*[ \t]*(?P<who>[A-Z][\w'-]+):[ \t]")
_PRONOUN_BEFORE = re.compile(r"(?:^|(?<=[.!?])\s+)(?P<who>She|He)\s+(?:[a-z]+\s+){0,3}?[a-z]+[.:]\s*$")
RECENT_SPEAKERS = 6  # quotes back a "she" or "he" the last speaker cannot be may go to
_HE_SHE = {"he", "she", "He", "She"}  # one person: "they" may be a body or a group
# a person named just before, called by age or nationality: "the 23-year-old", "the Spaniard"
# fmt: off
_NATIONALS = (
    "spaniard", "frenchman", "frenchwoman", "englishman", "englishwoman", "scot", "scotsman",
    "scotswoman", "welshman", "welshwoman", "irishman", "irishwoman", "dutchman", "dutchwoman",
    "swede", "dane", "finn", "pole", "norwegian", "portuguese", "argentine", "argentinian",
    "belgian", "croatian", "serbian", "swiss", "austrian", "nigerian", "kenyan", "egyptian",
    "ghanaian", "senegalese", "colombian", "uruguayan", "chilean", "greek", "turk", "czech",
    "hungarian", "romanian", "new zealander", "kiwi", "aussie", "south african",
    *(d for d in DEMONYMS if d not in {"western", "english", "scottish", "welsh", "irish", "dutch", "british",
                                       "french", "spanish", "swedish", "polish"}),
)
# fmt: on
_EPITHET = re.compile(
    rf"^the\s+(?:\d{{1,3}}-year-old(?:\s+[a-z]+)?|{'|'.join(_NATIONALS)}"
    # what the popular press calls someone it has named: "the mother of two told The Sun"
    r"|(?:mother|father|mum|dad)[- ]of[- ](?:one|two|three|four|five|six|seven|eight|\d{1,2})"
    r"|grandmother|grandfather|great-grandmother|great-grandfather|widow|widower|teenager|schoolboy|schoolgirl"
    r"|youngster)$",
    re.I,
)
# what someone does, before their name: "Local fisherman", "Retired teacher", "Pensioner"
_SHE_EPITHET = re.compile(r"\b(?:mother|mum|grandmother|widow|schoolgirl)\b", re.I)
_HE_EPITHET = re.compile(r"\b(?:father|dad|grandfather|widower|schoolboy)\b", re.I)


def _epithet_sex(phrase: str | None) -> str | None:
    """ "she" or "he", where an epithet says which ("the mother of two", "the schoolboy")."""
    if not phrase:
        return None
    return "she" if _SHE_EPITHET.search(phrase) else "he" if _HE_EPITHET.search(phrase) else None


_FALSE_TITLE = re.compile(
    rf"^(?:(?!(?i:{'|'.join(sorted(STOPWORDS))})\b)[A-Z][a-z][\w'-]*|(?:The|A|An)\s+[a-z][\w'-]*)"
    # (no verb: "Bed four is Mr Ellis, 88," names him after a verb, not before his name)
    r"(?:\s+(?!(?:is|was|are|were|be|been|has|had|have|meets|met|sees|saw|joins|joined)\s)(?-i:[a-z][\w'-]*)){0,3}\s+$"
)
_APPOSED_FALSE_TITLE = re.compile(r"^[^,]{1,80},\s+(?:[a-z\d][\w'-]*\s+){1,4}$")
_TITLE_LEAD = re.compile(r"^(?:the\s+)?(?P<title>[^,]{1,80}),\s*$", re.I)
# what says a capitalised name is a person's: who they are (", the ...", ", who ..."), an age
# (", 41,"), or a "she" or "he" the sentence reports ("Sarah Lin said she was hopeful", "Tom
# Briggs told reporters that he would appeal"); case matters after the verb, where a capitalised
# word would be someone else's name
_DESCRIBED = re.compile(
    rf"(?i:,\s+(?:the|a|an|who)\s)|,\s+\d{{1,3}},|\s+{_BEFORE_VERB}(?:{_V})(?:\s+[a-z]+){{0,3}}?\s+(?:she|he)\b"
)
# a participle that reports what the sentence's subject said ("..., saying it would")
_SAYING = re.compile(
    r",\s+(?:saying|adding|arguing|insisting|warning|claiming|stating|telling|vowing|promising|pledging"
    r"|admitting|conceding|declaring|urging|accusing|calling|describing|branding|writing|posting|tweeting"
    r"|noting|explaining|stressing|suggesting|replying|complaining|predicting)\b",
    re.I,
)


# what an honorific says of who is meant by "he" or "she"


def _clashes(
    pronoun: str, person: str | None, registry: AliasRegistry | None, called: dict[str, set[str]] | None = None
) -> bool:
    """Whether the honorifics the sources give ``person``, or the pronouns the text's quotes
    call them by (``called``), say "he" or "she" is someone else ("Ms. Keller", then "he said")."""
    if not person:
        return False
    if called and (said := called.get(person)) and len(said) == 1:
        return pronoun.lower() not in said
    if registry is None:
        return False
    # the honorifics given the full name, and the surname alone where it is this person's
    # ("Donna Keller, 58, ..." then "Ms. Keller's husband")
    surname = person.split()[-1]
    entries = [registry.people.get(person)]
    if surname != person and registry.person(surname) == person:
        entries.append(registry.people.get(surname))
    given = {honorific_sex(h) for e in entries if e is not None for h in e.honorifics}
    if person.split()[0] != surname and is_honorific(person.split()[0]):
        given.add(honorific_sex(person.split()[0]))  # "Mrs Evans", known by honorific alone
    his, hers = "m" in given, "f" in given
    if his == hers:
        return False  # none, or both: nothing to go on
    return (pronoun.lower() == "he") == hers


_LEAD_NAME = re.compile(r"([A-Z][a-z][\w'-]+)\b")
# a sentence whose subject is "she" (or "he"), after an opening phrase of a few words
# ("Now 79, he lives ...": the phrase may hold a number)
_PRONOUN_SUBJECT = {
    p: re.compile(rf"\s*(?:(?:[A-Z][a-z]+|[a-z]+)(?:\s+[a-z\d]+){{0,3}},?\s+)?(?i:{p})\s+[a-z]") for p in ("he", "she")
}
# the sentence speaks of its subject as "she" or "he" ("Edna Hobbs was watching TV when the
# intruder smashed through her back door."): a person, whom the quote's same pronoun may be
_ECHO = {"he": re.compile(r"\b(?:he|his|him|himself)\b"), "she": re.compile(r"\b(?:she|her|hers|herself)\b")}


def _sentence_before(sentences, quoted, q: FoundQuote, last, back: int = 1) -> tuple[int, int] | None:
    """The span of the sentence ``back`` sentences before the one ``q`` opens in, where it may
    say who ``q``'s "he" or "she" is: it ends before the quote, comes after the last speaker's
    quote, and is not in a quote or holding one (those have their own speakers)."""
    i = _last_starting(sentences, q.open_mark)
    if i < back:
        return None
    ps, pe = sentences[i - back]
    if pe > q.open_mark or (last is not None and ps <= max(last.open_mark, last.close_mark or 0)):
        return None
    if any(a <= ps <= b or ps <= a < pe for a, b in quoted):
        return None
    return ps, pe


def _subject_before(
    text: str,
    sentences: list[tuple[int, int]],
    quoted: list[tuple[int, int]],
    q: FoundQuote,
    last,
    registry,
    person: bool = False,
    full_name=None,
    other=None,
) -> str | None:
    """The person the sentence just before the quote's opens with (see :func:`_subject`),
    where that sentence quotes nobody and comes after the last speaker's quote: a "he" or
    "she" after it is that person, not the last speaker. ``quoted``: every quote's span,
    marks included; ``person``: the quote's speaker is said to be a person (see :func:`_subject`);
    ``other``: whether a subject is someone the quote's "he" or "she" cannot be, whom the
    sentence before theirs may follow ("Jean, 71, pulled pints. Her husband, Ron, collected
    glasses. "...," she said.")."""
    pronoun = (q.phrase or "").lower()
    # one sentence back; two where that one's subject is the quote's "he" or "she" ("Priya
    # Sharma trained as a nurse ... Last month she moved to Perth. "…," she says.")
    for back in (1, 2):
        span = _sentence_before(sentences, quoted, q, last, back)
        if span is None:
            return None
        ps, pe = span
        # (two back, the "she" between says the one it stands for is a person; so does the
        # sentence's own "her")
        echo = pronoun in _ECHO and _ECHO[pronoun].search(text, ps, pe) is not None
        found = _subject(text[ps:pe], registry, person or back == 2 or echo, full_name, pronoun in _ECHO)
        if (
            found is None
            and pronoun in _CLAUSE_THEN_PRONOUN
            and (c := _CLAUSE_THEN_PRONOUN[pronoun].match(text, ps, pe))
        ):
            # "When Gary Moss got the call, he was at work.": the one person the opening clause
            # names is the subject's "he", and the quote's
            from .corpus import person_bindings

            named = {b.name for b in person_bindings(c.group("clause"), registry or AliasRegistry(), strict=False)}
            return named.pop() if len(named) == 1 and " " in next(iter(named)) else None
        if found is not None and back == 1 and other is not None and other(found):
            continue
        if found is not None or pronoun not in ("he", "she"):
            return found
        if not _PRONOUN_SUBJECT[pronoun].match(text, ps, pe) and not (
            echo and back == 1 and _names_no_one(text[ps:pe])
        ):
            # (nor where it speaks of "her" but names no one: "Gwen Pryce has farmed there for
            # 31 years. On Thursday the water came up faster than she had ever seen it.")
            return found
    return None


def _names_no_one(sent: str) -> bool:
    """Whether ``sent`` names no person (nor anyone a capitalised word after its first may be)."""
    from .corpus import person_bindings

    return not person_bindings(sent, AliasRegistry(), strict=False)


# an opening clause, then the sentence's subject, "he" or "she": "When Gary Moss got the call,
# he was at work."
_CLAUSE_THEN_PRONOUN = {
    p: re.compile(
        rf"\s*(?:When|After|As|Before|Since|Until|While|Once|Although|Though)\s+(?P<clause>[^,;]{{3,150}}),\s+{p}\s+[a-z]"
    )
    for p in ("he", "she")
}


SINCE_SENTENCES = 6  # sentences back from a "he" or "she" read for a subject after the last speaker


def _subject_since(text, sentences, quoted, q: FoundQuote, last, registry, full_name) -> str | None:
    """The person the latest sentence between the last speaker's quote and ``q``'s opens with
    (as :func:`_subject`, the text's surnames counting), where no sentence between holds a quote."""
    i = _last_starting(sentences, q.open_mark)
    since = max(last.open_mark, last.close_mark or 0)
    for back in range(1, SINCE_SENTENCES + 1):
        if i < back:
            return None
        ps, pe = sentences[i - back]
        if pe > q.open_mark or ps <= since or any(a <= ps <= b or ps <= a < pe for a, b in quoted):
            return None
        if (found := _subject(text[ps:pe], registry, False, full_name, True)) is not None:
            return found
    return None


_AND_NAME = re.compile(r"(?:,\s*|\s+)(?:and|but|while|whereas|as)\s+$")


def _two_subjects_before(text, sentences, quoted, q: FoundQuote, last) -> bool:
    """Whether the sentence just before ``q``'s (see :func:`_sentence_before`) has a second
    clause whose subject is another named person: "Mohamed Salah scored twice and Luis Diaz
    added a third." (not "Fritz, who beat Alexander Zverev, said ...")."""
    from .corpus import person_bindings

    span = _sentence_before(sentences, quoted, q, last)
    if span is None:
        return False
    sent = text[span[0] : span[1]]
    named = person_bindings(sent, AliasRegistry(), strict=False)
    return any(_AND_NAME.search(sent, 0, min(b.start, b.title_start or b.start)) for b in named[1:])


def _only_person_before(text, sentences, quoted, q: FoundQuote, last, registry, canonical, last_name) -> str | None:
    """The one person the sentence just before ``q``'s names with a title or an honorific,
    where it names no one else and not the last speaker (``last_name``): the "he" or "she"
    of a quote after "The investment was welcomed by the Mayor of South Yorkshire, Oliver
    Coppard." See :func:`_sentence_before` for the sentences that may say so."""
    from .corpus import person_bindings

    span = _sentence_before(sentences, quoted, q, last)
    if span is None:
        return None
    sent = text[span[0] : span[1]]
    reg = registry if registry is not None else AliasRegistry()
    named = person_bindings(sent, reg)
    if not named and last is None:
        # (or, with no one quoted before, a full name: 'the cliff edge is now 30 metres from
        # Bryony Nierop-Reading's front door. "People ask me why I stay," she says.')
        named = [b for b in person_bindings(sent, reg, strict=False) if " " in b.name]
    people = {canonical(b.name, b.honorific) for b in named}
    if len(people) != 1 or not (named[0].title or named[0].honorific or (last is None and " " in named[0].name)):
        return None
    (who,) = people
    if last_name is not None and (who == last_name or last_name.split()[-1] in sent):
        return None
    return who


def _reporter_before(text, sentences, reported: FoundQuote, q: FoundQuote, registry, full_name) -> str | None:
    """Who the sentence just before ``q``'s says spoke the unnamed words of ``reported`` to
    them, where it is that sentence ('Amina Yusuf, who has lived there for nine years, said a
    housing officer told her in March: "..."'): its subject, a person."""
    if reported.close_mark is None or text[reported.close_mark + 1 : q.open_mark].strip():
        return None  # (the words must come right before the quote)
    ps, _ = _sentence_bounds(sentences, reported.open_mark)
    return _subject(text[ps : reported.open_mark], registry, True, full_name)


# (what it is, between commas, may stand before the verb: "The Northern Lighthouse Board,
# which runs Scotland's lights, says ...")
_SUBJECT_REPORTS = re.compile(
    rf"\s*(?P<who>[^,;:\"]{{1,120}}?)(?:,\s*(?:which|who|whose)\b[^,;:\"]{{1,120}},)?\s+{_BEFORE_VERB}(?:{_V})\b", re.I
)
_SOMEONE = re.compile(r"(?i:an?|one|another|the)\s+(?-i:[a-z])")


def _unnamed_subject_before(text: str, sentences, quoted, q: FoundQuote, last, registry) -> str | None:
    """Who reports in the sentence just before ``q``'s, where it is no one named: a body's
    name for its spokesperson ("A Sainsbury's spokeswoman said ..."), "" for someone unnamed
    ("A neighbour said ..."), None where that sentence reports nothing so (or names a person,
    or holds a quote, or comes before the last speaker's quote)."""
    span = _sentence_before(sentences, quoted, q, last)
    if span is None:
        return None
    start = span[0]
    if opening := _OPENING_PHRASE.match(text[start : span[1]]):
        start += opening.end()  # "Speaking at a press conference, the prime minister insisted ..."
    m = _SUBJECT_REPORTS.match(text, start, span[1])
    if m is None:
        return None
    who = m.group("who")
    body = _organisation(who, registry, text, span[0])
    if body is not None:
        return body
    if _SOMEONE.match(who) and parse_speaker_phrase(who, registry)[0] == "unnamed":
        return ""
    return None


_WHOSE_SOMEONE = re.compile(r"['\u2019]s\s+(?:[a-z][\w-]*\s+){1,3}")  # "'s team-mate "
_OWNER_THEN = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['\u2019]s\s+(?:[a-z][\w-]*\s+){1,3}")
_FOR_SOMEONE = re.compile(r"(?i:for)\s+(?P<name>[A-Z][a-z][\w'-]+(?:\s+[A-Z][a-z][\w'-]+)?),\s")


def _subject(sent: str, registry, person: bool = False, full_name=None, by_surname: bool = False) -> str | None:
    """The person ``sent`` opens with, its subject: "Feargal Sharkey, the campaigner, was
    scathing.", "Shadow Chancellor Mel Stride said ...", "The environment secretary, Steve
    Reed, ...". A name nobody has given a title counts only where the sentence says who they
    are ("Jane Doe, who chairs ..."): "Thames Water said ..." may be a company; or, with
    ``person``, where the one it is wanted for is a person by what it is called ("the
    23-year-old"), which a company is not. With ``by_surname``, a surname the text gives a
    person's full name ("Asked about the reports, Sunak laughed." after "Rishi Sunak has
    said ...") is that person: the quote's "he" or "she" is someone."""
    from .corpus import person_bindings

    lead = len(sent) - len(sent.lstrip())
    if (sent[lead : lead + 1] == "*" or sent[lead : lead + 1].isdigit()) and (stamp := _LIVE_TIME.match(sent, lead)):
        lead = stamp.end()  # a live page's time: "**13:50** Kemi Badenoch is on her feet."
    if conj := _CONJUNCTION.match(sent, lead):
        lead = conj.end()  # "But Labour chairwoman Ellie Reeves hit back, saying ..."
    if sent[lead : lead + 5].lower() == "asked" and (asked := _ASKED_WHAT.match(sent, lead)):
        lead = asked.end()  # "Asked by counsel, Jennifer Dempster KC, why ..., former PC Gareth Lloyd replied"
    if sent[lead : lead + 5] == "Among" and (among := _AMONG_THEM.match(sent, lead)):
        lead = among.end()  # "Among those affected is Margaret Hill, 74, who ...": the subject after its verb
    if kin := _KIN_FIRST_NAME.match(sent, lead):
        return kin.group("name")  # "His wife, Carol, said ...": a person by what she is
    if (
        sent[lead : lead + 1] in "AOT"
        and (one := _ONE_OF_THEM.match(sent, lead))
        and not (is_place(one.group("name")) or find_orgs(one.group("name")))
    ):
        return one.group("name")  # "Another, Clive Lewis, was more forthright.": one of those just met
    if by_surname and full_name is not None and (about := _FOR_SOMEONE.match(sent, lead)):
        # "But for Hughes, apologies are not enough.": the sentence is about the person, whom
        # the quote's "she" after it is
        name = about.group("name")
        full = name if " " in name else full_name(name)
        if full is not None:
            return full
    if (gave := _GAVE_NAME.search(sent, lead)) and gave.start() - lead < GAVE_REACH:
        return gave.group("name")  # "Another shopper, who gave her name only as Jean, said ..."
    if (alone := _FIRST_NAME_DESCRIBED.match(sent, lead)) and _describes_someone(alone):
        return alone.group("name")  # "Tom, a builder, said ...", vox pops' first names
    registry = registry if registry is not None else AliasRegistry()  # (a draft read alone)

    def full_if_person(surname: str, end: int, described: bool = False) -> str | None:
        """The full name the text gives ``surname``, where the sentence (from ``end``), the
        caller or the registry says that is a person's."""
        full = full_name(surname) if full_name is not None else None
        if full and (described or person or by_surname or _DESCRIBED.match(sent, end) or registry.person(full) == full):
            return full
        return None

    bindings = person_bindings(sent, registry, strict=False)
    if not bindings and (owned := _POSSESSED_NAME.match(sent, lead)):
        return owned.group("name")  # "Her neighbour, Kevin Hall, agreed.": someone's someone, a person
    if bindings and (m := _LEAD_NAME.match(sent, lead)):
        b = bindings[0]
        if sent[m.end() : m.end() + 1] == "," and m.end() < min(b.start, b.title_start or b.start):
            # "Fritz, who beat Alexander Zverev in the semi-finals, said ...": the surname the
            # sentence opens with, then who they are, not the name after it
            full = full_if_person(m.group(1), m.end())
            if full is not None and full.split()[-1] == m.group(1):
                return full
    if not bindings:
        # "Goodall often said she was an optimist.": a surname no title registered, which
        # the text gives in full ("full_name", from the text's other sentences) and the
        # sentence shows to be a person's
        # or past an opening phrase ("In a 2015 interview, Ellison recalled the hostility she
        # faced."); a surname the sources know as that one person's needs no more
        opening = _OPENING_CLAUSE.match(sent, lead)
        m = _LEAD_NAME.match(sent, opening.end() if opening else lead)
        return full_if_person(m.group(1), m.end()) if m else None
    b = bindings[0]
    if (
        len(bindings) > 1
        and b.start == lead
        and (owned := _WHOSE_SOMEONE.match(sent, b.end))
        and owned.end() in (bindings[1].start, bindings[1].title_start)
    ):
        # "Norris's team-mate Oscar Piastri finished second.": whose someone, then them
        b = bindings[1]
        lead = owned.end()
    elif (owner := _OWNER_THEN.match(sent, lead)) and owner.end() in (b.start, b.title_start):
        lead = owner.end()  # (the same, where the owner is no one the text has named)
    if (opening := _OPENING_CLAUSE.match(sent, lead)) and (
        opening.end() in (b.start, b.title_start) or is_descriptor(sent[opening.end() : b.start].strip())
    ):
        # "When the council announced it would close, Marsh started a petition."; "Behind the
        # bar, landlady Jean Pritchard pulled pints"
        lead = opening.end()
    # where the name ends: a surname that is also a word ("Kevin Hall", "Mungo Park") may be
    # left out of the binding, which the registry found by the first name
    b_end = b.end + len(_CAPITALISED_TAIL.match(sent, b.end).group(0))
    described = b.title is not None or b.honorific is not None
    before = sent[lead : b.start]
    # the sentence opens with the person, or with where they are from ("Texas Gov. Greg Abbott")
    # or with who they are, in the popular press's way ("Brave Edna Hobbs", "Gran Edna Hobbs")
    at_start = (
        lead in (b.start, b.title_start)
        or is_place(before.strip())
        or is_descriptor(before.strip())
        # ("The minister Jo Stevens resigned ...": her title, with its article)
        or (b.title_start is not None and sent[lead : b.title_start].strip() in ("The", "the"))
    )
    if (
        not at_start
        and (
            (_FALSE_TITLE.match(before) and _DESCRIBED.match(sent, b_end))
            # (the apposition closed by a comma: "..., said she")
            or (
                _APPOSED_FALSE_TITLE.match(before)
                and sent[b_end : b_end + 1] == ","
                and _DESCRIBED.match(sent, b_end + 1)
            )
        )
    ):
        # "Local fisherman Dave Tanner, 58, said ...", "A patient in the trial, 64-year-old
        # retired nurse Linda Morris, said ...": what they do, in lower case, before the name,
        # which the sentence describes
        described = True
    elif not at_start:
        # "The environment secretary, Steve Reed, ...": a title, a comma, then the name
        t = _TITLE_LEAD.match(before)
        if not t:
            return None
        # or "One of his former clients, Ellen Marsh, 71, said ...": who they are, then the
        # name in apposition, which the sentence describes
        # or "Her former colleague, James Okafor, is ...": who they are in lower-case words,
        # then the name between commas
        closed = sent[b_end : b_end + 1] == ","
        if role_phrase_before(t.group("title") + " ") is None and not (
            closed and (_DESCRIBED.match(sent, b_end) or _DESCRIPTOR.match(t.group("title").strip()))
        ):
            return None
        described = True
    asked = f"{b.honorific} {b.name}" if b.honorific and " " not in b.name else b.name
    known = registry.person(asked)  # ("Mrs Evans laughed." in a text about Mr Bill Evans: her)
    written = sent[b.start : b.end]
    if known and " " not in written and b.honorific is None and full_name is not None:
        # a surname the registry gives the one of its holders with a title ("the architect Peter
        # Ellison"), where the text named another first, its own person ("Margaret Ellison"):
        # the text's
        first = full_name(written)
        if first is not None and first != known and first.split()[-1] == known.split()[-1]:
            return first
    if known:
        return known
    # a surname two people of the text share ("MacLeod is less sure." in a story about Donald
    # MacLeod and his son Iain MacLeod): the one the text gave first, where the sentence or the
    # sources say that one is a person
    if len(b.name.split()) < 2 and b.honorific is None and (full := full_if_person(b.name, b_end, described)):
        return full
    if len(b.name.split()) < 2 or any(o.start <= b.start < o.end for o in find_orgs(sent)):
        return None  # a lone surname nobody has, or a body's name
    if not described and not person and not _DESCRIBED.match(sent, b_end):
        return None
    return b.name


def quote_text(text: str, q: FoundQuote) -> str:
    return " ".join(text[a:b] for a, b in q.parts)
