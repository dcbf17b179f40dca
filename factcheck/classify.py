"""Alignment -> verdict and findings, for quotes and for claims."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from .corpus import Corpus, person_bindings
from .entities import (
    MONTHS,
    NEGATORS,
    NOT_COUNTS,
    NUMBER_WORDS,
    ORG_HEADS,
    PRONOUNS,
    WEEKDAYS,
    find_person_at_end,
    is_name_word,
    is_place,
    number_value,
    org_key,
    role_key,
    same_role,
    token_class,
)
from .index import index_terms
from .match import (
    SPELLING_REACH,
    Alignment,
    Op,
    Word,
    align,
    focus,
    join_compounds,
    span_text,
    spelling_signature,
    spelling_variant,
    words,
)
from .model import Claim, Evidence, Finding, Item, Quote, Sentence
from .normalise import FUNCTION_WORDS, STOPWORDS, Token, escape_hidden, fold, hidden_characters


@dataclass
class Settings:
    """Thresholds for the verdicts; every one is a ``[factcheck]`` setting of the same name."""

    quote_min_similarity: float = 0.6  # below: no source quote is close enough (unsupported)
    claim_verify_coverage: float = 0.7  # share of a claim's content the evidence must hold
    claim_min_coverage: float = 0.5  # below: the evidence is not about the same thing
    candidates: int = 30  # candidates the index hands to the aligner per item
    aligned_candidates: int = 6  # of those, how many are aligned word by word
    jobs: int = 0  # processes checking items: 0 = one per core once there are enough items


# Of the index's candidates, how many are compared word by word. The rest are left out by a
# character-level score computed in C (rapidfuzz's token-set ratio, which is 100 when one
# text's words hold the other's, so a quote's fragment or a claim inside a longer sentence
# keeps its place). Tokenising and aligning are the cost of an item; this bounds them.
PREFILTER = 10


def prefilter_sentences(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """:func:`prefilter` for sentences, read with the names their context lends them."""
    return prefilter(text, sentences, [f"{s.text} {s.context}" for s in sentences])


def prefilter(text: str, items: list, texts: list[str], n: int = PREFILTER) -> list:
    """The ``n`` of ``items`` whose ``texts`` are most like ``text``, in their original order."""
    if len(items) <= n:
        return items
    # (both sides processed in C)
    scores = [
        score
        for _, score, _ in process.extract_iter(text, texts, scorer=fuzz.token_set_ratio, processor=default_process)
    ]
    keep = sorted(range(len(items)), key=lambda i: (-scores[i], i))[:n]
    return [items[i] for i in sorted(keep)]


# --- quotes ----------------------------------------------------------------------------------


@dataclass
class QuoteView:
    """One source quote, or consecutive quotes of one speaker read as one passage."""

    quotes: list[Quote]
    text: str

    @property
    def speaker(self) -> str | None:
        return self.quotes[0].speaker

    @property
    def source(self) -> str:
        return self.quotes[0].source


def _quote_views(corpus: Corpus, seeds: list[Quote]) -> list[QuoteView]:
    views: list[QuoteView] = []
    seen = set()
    for q in seeds:
        src = corpus.source(q.source)
        run = [q]
        # the passage a quote belongs to: neighbours by the same speaker
        i = q.index
        while (
            i > 0
            and src.quotes[i - 1].speaker
            and src.quotes[i - 1].speaker == q.speaker
            and not src.quotes[i - 1].partial
        ):
            i -= 1
            run.insert(0, src.quotes[i])
        i = q.index
        while (
            i + 1 < len(src.quotes)
            and src.quotes[i + 1].speaker
            and src.quotes[i + 1].speaker == q.speaker
            and not src.quotes[i + 1].partial
        ):
            i += 1
            run.append(src.quotes[i])
        for group in ([q], run) if len(run) > 1 else ([q],):
            key = (q.source, tuple(x.index for x in group))
            if key not in seen:
                seen.add(key)
                views.append(QuoteView(group, " ".join(x.text for x in group)))
    return views


@dataclass
class QuoteMatch:
    view: QuoteView
    alignment: Alignment
    similarity: float


def _similarity(al: Alignment) -> float:
    a_n = sum(1 for w in al.a if not w.special)
    if a_n == 0:
        return 0.0
    lo, hi = al.window
    absorbed = sum(o.j2 - o.j1 for o in al.ops if o.tag == "absorb" and o.j1 >= lo and o.j2 <= hi)
    win = max(hi - lo - absorbed, 0)
    m = 0
    for o in al.ops:
        if o.tag == "equal":
            m += o.i2 - o.i1
        elif o.tag == "replace":
            m += sum(
                1
                for k in range(o.i2 - o.i1)
                if k < o.j2 - o.j1 and spelling_variant(al.a[o.i1 + k].text, al.b[o.j1 + k].text)
            )
    return 2 * m / (a_n + win) if a_n + win else 0.0


def _shares_content(al: Alignment) -> bool:
    """Whether a word the item and the source quote share says something: a short quote
    ("We will appeal") is not another ("We will not accept any quota") for its "we will". A
    quote of function words alone ("No.") has only those to share."""
    if all(w.special or w.key in FUNCTION_WORDS for w in al.a):
        return True
    return any(al.a[i].key not in FUNCTION_WORDS for o in al.ops if o.tag == "equal" for i in range(o.i1, o.i2))


def _framed(al: Alignment) -> bool:
    """Whether a short quote's words that say something are all the source quote's, in its
    order, within a stretch at most twice the quote's length: 'called it "intriguing and
    conclusive"' against "intriguing but not yet conclusive" is that quote, misquoted (the
    words between are what changed), though too few of its words match for similarity."""
    said = [i for i, w in enumerate(al.a) if not w.special and w.key not in FUNCTION_WORDS]
    if len(said) < 2:
        return False
    equal = {i for o in al.ops if o.tag == "equal" for i in range(o.i1, o.i2)}
    lo, hi = al.window
    return all(i in equal for i in said) and hi - lo <= 2 * sum(1 for w in al.a if not w.special)


def _similarity_bound(a: list[Word], b: list[Word]) -> float:
    """The most :func:`_similarity` can be for any alignment of ``a`` with ``b``: it counts
    as matched only item words with an equal key (an equal pair) or a spelling variant (a
    replaced pair), each once, and every matched pair puts a source word in the window."""
    keys = {w.key for w in b}
    by_signature: dict[tuple[str, int], list[str]] | None = None  # made for the first miss
    n = m = 0
    for w in a:
        if w.special:
            continue
        n += 1
        if w.key and w.key in keys:
            m += 1
            continue
        if by_signature is None:
            by_signature = {}
            for y in b:
                by_signature.setdefault(spelling_signature(y.text), []).append(y.text)
        letter, length = spelling_signature(w.text)
        if any(
            spelling_variant(w.text, other)
            for d in range(-SPELLING_REACH, SPELLING_REACH + 1)
            for other in by_signature.get((letter, length + d), ())
        ):
            m += 1
    return 2 * m / (n + m) if n else 0.0


SAME = 1e-9  # quotes this close in similarity tie


def match_quote(
    text: str,
    corpus: Corpus,
    settings: Settings,
    candidates: list[Quote] | None = None,
    *,
    best_only: bool = False,
    at_least: float = 0.0,
) -> list[QuoteMatch]:
    """Source quotes aligned with ``text``, best first; only those of ``at_least`` similarity,
    and with ``best_only`` only those that tie with the best (the first is the same). A quote
    that cannot reach them (see :func:`_similarity_bound`) is not aligned."""
    if candidates is None:
        idx = corpus.index
        candidates = [
            corpus.source(e.source).quotes[e.number] for e in idx.candidates(text, "quote", limit=settings.candidates)
        ]
        candidates = prefilter(text, candidates, [q.text for q in candidates])
    dw = words(text)
    views = []
    for view in _quote_views(corpus, candidates):
        a, b = join_compounds(dw, focus(dw, words(view.text)))
        views.append((view, a, b))
    pruned = best_only or at_least > 0
    if pruned:  # the likeliest first, so that the best found soon leaves the rest unaligned
        bounds = [_similarity_bound(a, b) for _, a, b in views]
        order = sorted(range(len(views)), key=lambda k: -bounds[k])
    else:
        order = range(len(views))
    floor = at_least
    out = []
    for k in order:
        if pruned and bounds[k] < floor:
            break
        view, a, b = views[k]
        al = align(a, b, by="key")
        al.texts = (text, view.text)
        similarity = _similarity(al)
        if similarity >= at_least:
            out.append(QuoteMatch(view, al, similarity))
            if best_only:
                floor = max(floor, similarity - SAME)
    if best_only and out:
        out = [x for x in out if x.similarity >= floor]
    # on a tie, the fewest quotes: the words' own quote, not the passage it is part of
    out.sort(
        key=lambda m: (-m.similarity, -m.alignment.score, len(m.view.quotes), m.view.source, m.view.quotes[0].index)
    )
    return out


def _quote_findings(al: Alignment) -> tuple[list[Finding], list[Finding]]:
    """(material, cosmetic) differences between a draft quote and a source quote."""
    material, cosmetic = [], []
    # a negation dropped or added ("intriguing but not yet conclusive" quoted as "intriguing
    # and conclusive") is said as such, besides the words that differ; not where it only
    # moved ("an end, not a beginning" for "a beginning, not an end")
    lo, hi = al.window
    item_negations = sum(map(_is_negator, al.a))
    dropped = sum(map(_is_negator, al.b[lo:hi])) > item_negations
    added = item_negations > sum(map(_is_negator, al.b))
    if lo > 0 and not item_negations and (cut := _negation_cut_off(al, lo)):
        # a fragment whose quote went on from a negation before it ("a serious approach" of
        # "no sign of a serious approach") says the opposite of what was said
        material.append(
            Finding(
                "negation",
                "error",
                f"the item quotes '{al.span('b', lo, hi)}' without the source's '{cut}' before it",
                f"{cut} {al.span('b', lo, hi)}",
                al.span("b", lo, hi),
            )
        )
    for seg in al.segments():
        found = al.span("a", seg.i1, seg.i2)
        expected = al.span("b", seg.j1, seg.j2)
        ours = [w.text for w in al.a[seg.i1 : seg.i2] if _is_negator(w)]
        theirs = [w.text for w in al.b[seg.j1 : seg.j2] if _is_negator(w)]
        if (dropped and len(theirs) > len(ours)) or (added and len(ours) > len(theirs)):
            what = f"drops the source's '{theirs[0]}'" if len(theirs) > len(ours) else f"adds '{ours[0]}'"
            if found and expected:
                what += f": '{found}' for '{expected}'"
            material.append(Finding("negation", "error", f"the item {what}", expected, found))
        if seg.tag == "replace":
            pairs = list(zip(al.a[seg.i1 : seg.i2], al.b[seg.j1 : seg.j2], strict=False))
            if seg.i2 - seg.i1 == seg.j2 - seg.j1 and all(spelling_variant(x.text, y.text) for x, y in pairs):
                cosmetic.append(
                    Finding("spelling", "info", f"spelling differs: '{found}' for '{expected}'", expected, found)
                )
            else:
                material.append(
                    Finding(
                        "wording", "error", f"the source says '{expected}', the item says '{found}'", expected, found
                    )
                )
        elif seg.tag == "insert":
            material.append(Finding("insertion", "error", f"'{found}' is not in the source quote", None, found))
        elif seg.tag == "delete":
            material.append(
                Finding(
                    "omission", "error", f"'{expected}' is left out without a marked omission (...)", expected, None
                )
            )
    for o in al.ops:
        if o.tag != "equal":
            continue
        for x, y in zip(al.a[o.i1 : o.i2], al.b[o.j1 : o.j2], strict=False):
            if (" " in x.text or " " in y.text) and x.text.lower() != y.text.lower():
                cosmetic.append(
                    Finding("spelling", "info", f"spelling differs: '{x.text}' for '{y.text}'", y.text, x.text)
                )
    return material, cosmetic


NEGATION_REACH = 3  # words before a quoted fragment read for a negation it leaves behind
_CLAUSE_GAP = re.compile(r"[,;:.!?\u2014\u2013]|\s-\s")
_NOT_NEGATING = frozenset(("but", "than", "only", "just", "doubt", "question", "wonder", "matter"))


def _negation_cut_off(al: Alignment, lo: int) -> str | None:
    """The words, from a negation on, that stand in the source quote just before the fragment
    the item quotes from word ``lo``, in the same clause ("no sign of" before "a serious
    approach"); None for none ("nothing but ...", "no doubt ..." negate nothing after them)."""
    text = al.texts[1] if al.texts else None
    if text is None:
        return None
    b = al.b
    k = lo
    while k > max(0, lo - NEGATION_REACH):
        if b[k - 1].special or _CLAUSE_GAP.search(text, b[k - 1].end, b[k].start):
            break
        k -= 1
    for i in range(k, lo):
        if _is_negator(b[i]):
            if any(w.key in _NOT_NEGATING for w in b[i:lo]):
                return None
            return al.span("b", i, lo)
    return None


def word_diff(al: Alignment) -> list[dict]:
    """The alignment inside its window as ``{"op", "source", "item"}`` runs, for reports:
    ``equal``, ``replace``, ``insert`` (item only), ``delete`` (source only) and ``omitted``
    (source words a marked omission or bracket stands for)."""
    lo, hi = al.window
    out: list[dict] = []
    for o in al.ops:
        if o.tag == "delete" and (o.j2 <= lo or o.j1 >= hi):
            continue
        src = span_text(al.b, o.j1, o.j2)
        itm = span_text(al.a, o.i1, o.i2)
        tag = "omitted" if o.tag == "absorb" else o.tag
        if out and out[-1]["op"] == tag:
            out[-1]["source"] = (out[-1]["source"] + " " + src).strip()
            out[-1]["item"] = (out[-1]["item"] + " " + itm).strip()
        else:
            out.append({"op": tag, "source": src, "item": itm})
    return out


def _quote_evidence(corpus: Corpus, view: QuoteView) -> Evidence:
    src = corpus.source(view.source)
    start, end = view.quotes[0].start, view.quotes[-1].end
    return Evidence(src.id, src.line_of(start), start, end, view.text, view.speaker)


SHORT_FRAGMENT = 3  # words: a quote this short is a phrase two people may both use


UNINDEXED_SCAN = 200_000  # the most quotes read one by one for a quote of function words alone


def _unindexed_pool(corpus: Corpus, speaker: str | None) -> list[Quote]:
    """The quotes a quote the index cannot find is read against: its speaker's (by any name
    the registry joins), or, with no speaker, every quote of an archive of at most
    :data:`UNINDEXED_SCAN` quotes."""
    quotes = corpus.quotes
    if speaker:
        reg = corpus.registry
        theirs = {p for p in corpus.speakers if reg.same_person(p, speaker)}
        return [q for q in quotes if q.speaker in theirs]
    return quotes if len(quotes) <= UNINDEXED_SCAN else []


CONTEXT_FRAGMENT = 4  # words: a quote this short may be found through the sentence around it
FRAGMENT_LONGER = 2  # words the source's quote may have that the item's fragment lacks


def _fragment_in_context(claim: Claim, corpus: Corpus, settings: Settings) -> QuoteMatch | None:
    """A short quote too changed to be found by its own words ("within weeks" where the
    source quotes "within months"), found through the sentence it stands in: the source
    sentence that sentence matches, well enough to verify it but for the quote, and the one
    quote there by the same speaker (or by no one named) of about the fragment's length that
    shares a word with it."""
    n = len([w for w in words(claim.text) if not w.special])
    if not 0 < n <= CONTEXT_FRAGMENT or claim.context == claim.text:
        return None
    # the sentence without the quote, and without who said it (the speaker is checked after)
    at = claim.context.find(claim.text)
    if at < 0:
        return None
    rest = (
        claim.context[:at].rstrip("\"'\u201c\u2018 ")
        + " "
        + claim.context[at + len(claim.text) :].lstrip("\"'\u201d\u2019")
    )
    if claim.speaker:
        names = {w.lower() for w in claim.speaker.split()}
        rest = " ".join(w for w in rest.split() if w.strip(".,;:").lower() not in names)
    if len([w for w in words(rest) if w.key not in FUNCTION_WORDS and not w.special]) < 3:
        return None  # ("Swinney said it was "within weeks"": too little around it to find it by)
    found = match_claim(rest, corpus, settings, best_only=True)
    if not found or found[0].coverage < settings.claim_verify_coverage:
        return None
    sent = found[0].sentence
    src = corpus.source(sent.source)
    reg = corpus.registry
    near = [
        q
        for q in src.quotes
        if q.start < sent.end
        and sent.start < q.end
        and (not claim.speaker or not q.speaker or reg.same_person(q.speaker, claim.speaker))
        and len(words(q.text)) <= n + FRAGMENT_LONGER
    ]
    if len(near) != 1:
        return None
    m = match_quote(claim.text, corpus, settings, near)
    if not m or not any(o.tag == "equal" for o in m[0].alignment.ops):
        return None
    return m[0]


def check_quote(claim: Claim, corpus: Corpus, settings: Settings) -> Item:
    if not [w for w in words(claim.text) if not w.special]:
        return Item(
            claim, "unsupported", 0.0, findings=[Finding("wording", "warning", "the quote has no words to check")]
        )
    matches = match_quote(claim.text, corpus, settings, best_only=True)
    if not matches and not index_terms(claim.text):
        # a quote of function words alone ("I just did what I had to do") has no word the index
        # finds it by: its speaker's quotes are read instead, then every quote
        for who in (claim.speaker, None) if claim.speaker else (None,):
            pool = _unindexed_pool(corpus, who)
            if pool:
                pool = prefilter(claim.text, pool, [q.text for q in pool])
                matches = match_quote(claim.text, corpus, settings, pool, best_only=True)
            if matches and matches[0].similarity >= settings.quote_min_similarity:
                break
    hidden = _hidden_findings(claim)
    weak = (
        not matches
        or (matches[0].similarity < settings.quote_min_similarity and not _framed(matches[0].alignment))
        or not _shares_content(matches[0].alignment)
    )
    if weak and claim.context and (in_context := _fragment_in_context(claim, corpus, settings)) is not None:
        matches, weak = [in_context], False
    if weak:
        score = 100 * matches[0].similarity if matches else 0.0
        msg = "no source quote is close to these words"
        if claim.speaker and not any(corpus.registry.same_person(claim.speaker, p) for p in corpus.speakers):
            msg += f"; the sources quote nobody named {claim.speaker}"
        return Item(claim, "unsupported", score, findings=[Finding("wording", "warning", msg), *hidden])
    best = matches[0]
    exact = [m for m in matches if m.similarity >= best.similarity - SAME]
    reg = corpus.registry
    if claim.speaker:
        same = [m for m in exact if reg.same_person(m.view.speaker, claim.speaker)]
        if same:
            best = same[0]
    material, cosmetic = _quote_findings(best.alignment)
    evidence = [_quote_evidence(corpus, best.view)]
    score = 100 * best.similarity
    speaker_findings = []
    verdict = "verified" if not material else "misquote"
    if claim.speaker and best.view.speaker and not reg.same_person(best.view.speaker, claim.speaker):
        speaker_findings.append(
            Finding(
                "speaker",
                "error",
                f"the sources attribute these words to {best.view.speaker}, not {claim.speaker}",
                best.view.speaker,
                claim.speaker,
            )
        )
        if verdict == "verified":
            verdict = "misattributed"
    elif claim.speaker and not best.view.speaker:
        speaker_findings.append(
            Finding(
                "speaker",
                "warning",
                f"the sources do not say who said these words; the item gives {claim.speaker}",
                None,
                claim.speaker,
            )
        )
        if verdict == "verified":
            verdict = "unsupported"
    # the same words given to different people by different sources
    if verdict in ("verified", "misattributed"):
        speakers = {m.view.speaker for m in exact if m.view.speaker and not material}
        # a word or three that the item's speaker said, and someone else said too ("staggering",
        # in the finance chief's words and the chief executive's): no statement is disputed
        fragment = (
            verdict == "verified"
            and len(words(claim.text)) <= SHORT_FRAGMENT
            and any(reg.same_person(x, claim.speaker) for x in speakers)
        )
        # (one person named two ways is no dispute: "Recep Tayyip Erdogan", "Tayyip Erdogan")
        if not fragment and any(not reg.same_person(x, y) for x, y in itertools.combinations(sorted(speakers), 2)):
            verdict = "disputed"
            speaker_findings.append(
                Finding(
                    "speaker",
                    "warning",
                    "the sources attribute these words to " + " and ".join(sorted(speakers)),
                    " / ".join(sorted(speakers)),
                    claim.speaker,
                )
            )
    # a title the draft gives the speaker in the attribution is checked like any other
    role_f = []
    if claim.context and claim.speaker:
        role_f = [
            Finding("role", "warning", f.message, f.expected, f.found) for f in _role_findings(claim.context, corpus)[0]
        ]
    findings = material + speaker_findings + role_f + cosmetic + hidden
    item = Item(claim, verdict, score, evidence, findings, diff=word_diff(best.alignment))
    if role_f and item.severity == "info":
        item.severity = "warning"
    return item


def _hidden_findings(claim: Claim) -> list[Finding]:
    hidden = hidden_characters(claim.context or claim.text)
    if not hidden:
        return []
    shown = escape_hidden(claim.context or claim.text)
    return [Finding("typography", "warning", f"hidden or look-alike characters: {shown}", None, shown)]


# --- claims ----------------------------------------------------------------------------------

# fmt: off
HEDGES = {
    'expected', 'expects', 'plan', 'plans', 'planned', 'planning', 'set', 'may', 'might',
    'could', 'would', 'should', 'likely', 'unlikely', 'proposed', 'proposes', 'aims', 'aim',
    'hopes', 'hope', 'intends', 'intend', 'poised', 'scheduled', 'due', 'considering',
    'reportedly', 'allegedly', 'possibly', 'probably', 'potential', 'potentially',
    'anticipated', 'seeks', 'seeking', 'will',
}
# fmt: on
WEAK_HEDGES = {"will", "would", "set", "due"}


def _weight(w: Word, vocabulary: frozenset[str] | None = None) -> float:
    """How much a word of a claim counts: names and numbers most, function words not at all,
    and a word the sources never use more than its neighbours (it is likely new information)."""
    if w.special or w.key in FUNCTION_WORDS or not w.key:
        return 0.0
    base = 2.0 if w.capital or w.key[:1].isdigit() else 1.0
    if vocabulary is not None and w.stem not in vocabulary and number_value(w.text) is None:
        base *= 1.5
    return base


@dataclass
class ClaimMatch:
    sentence: Sentence
    coverage: float  # share of the claim's weight the sentence holds
    slot: float  # share the sentence holds with another value of the same kind (date, number, name)
    alignment: Alignment
    covered: set[int] = field(default_factory=set)

    @property
    def related(self) -> float:
        """How far the sentence is about the same thing, conflicting details included."""
        return self.coverage + self.slot


def _slot_class(w: Word) -> str | None:
    k = w.key
    if k in WEEKDAYS or k in MONTHS:
        return "date"
    if k[:1].isdigit() or k in NUMBER_WORDS:
        return "number"
    if w.capital:
        return "name"
    return None


def _is_date_word(w: Word) -> bool:
    """A day's or a month's name, written as one ("may" and "march" in lower case are verbs)."""
    return w.key in WEEKDAYS or (w.key in MONTHS and w.text[:1].isupper())


_NOW_WORDS = frozenset({"yesterday", "tomorrow", "tonight"})
_NEXT_LAST = frozenset({"next", "last"})
_PERIODS = frozenset({"week", "weekend", "month", "year", "spring", "summer", "autumn", "winter", "season", "term"})


def _phrases(ws: list[Word]) -> str:
    """The words, a space between two that stand side by side in their text and a comma
    between others ("next week", "Saturday, 52")."""
    out = ""
    for i, w in enumerate(ws):
        if i:
            out += " " if 0 <= w.start - ws[i - 1].end <= 1 else ", "
        out += w.text
    return out


def _relative_time(ws: list[Word]) -> list[int]:
    """Where ``ws`` puts a time relative to now: "yesterday", "tomorrow", "next week", "last
    year" (the indices of those words)."""
    found = []
    for i, w in enumerate(ws):
        if w.key in _NOW_WORDS:
            found.append(i)
        elif w.key in _NEXT_LAST and i + 1 < len(ws) and (ws[i + 1].key in _PERIODS or _is_date_word(ws[i + 1])):
            found += [i, i + 1]
    return found


# the words that multiply the number before them
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9}


def _value(text: str, key: str) -> float | None:
    """A word's value as a number, a scale's abbreviation included ("bn" is a billion)."""
    v = number_value(text)
    return _SCALES.get(key) if v is None else v


def _num(w: Word) -> str:
    """A number's value as a term ("3", "three" -> "#3.0"); other words give an empty term."""
    return _num_term(w.text, w.key)


@lru_cache(maxsize=65536)
def _num_term(text: str, key: str) -> str:
    v = _value(text, key)
    return f"#{float(v)}" if v is not None and key not in NOT_COUNTS else ""


def _cover_compounds(cw: list[Word], sw: list[Word], terms: set[str], weights: list[float], covered: set[int]) -> None:
    """Add to ``covered`` the claim words that one side writes as one hyphenated word and the
    other as two ("two thirds" / "two-thirds", "fourth-quarter" / "fourth quarter")."""
    for i in range(len(cw) - 1):
        if (weights[i] or weights[i + 1]) and cw[i].key + cw[i + 1].key in terms:
            covered.update(k for k in (i, i + 1) if weights[k])
    pairs = {sw[j].key + sw[j + 1].key for j in range(len(sw) - 1)}
    covered.update(i for i, w in enumerate(cw) if weights[i] and i not in covered and "-" in w.text and w.key in pairs)


def _coverage(cw: list[Word], sw: list[Word], extra: set[int], weights: list[float]) -> tuple[float, float, set[int]]:
    """How much of the claim's weight the sentence holds, and how much more it holds with
    another value of the same kind; ``weights``: the claim words' (:func:`_weight`), worked
    out once for all the sentences a claim is scored against."""
    total = sum(weights)
    if total == 0:
        return 0.0, 0.0, set()
    terms = ({w.stem for w in sw} | {w.key for w in sw} | {_num(w) for w in sw}) - {""}
    covered = {
        i
        for i, w in enumerate(cw)
        if weights[i] and (w.stem in terms or w.key in terms or _num(w) in terms or i in extra)
    }
    if len(covered) < len(cw) and (any("-" in w.text for w in cw) or any("-" in w.text for w in sw)):
        _cover_compounds(cw, sw, terms, weights, covered)
    uncovered_numbers = [i for i, w in enumerate(cw) if weights[i] and i not in covered and _num(w)]
    if uncovered_numbers and (any(w.key in _SCALES for w in cw) or any(w.key in _SCALES for w in sw)):
        # "3.5 million" is "3,500,000": a number and its scale word, by value
        have = set(_scaled_values(sw)) - {None}
        values = _scaled_values(cw)
        for i in uncovered_numbers:
            if values[i] in have:
                covered.add(i)
                if i + 1 < len(cw) and values[i + 1] == values[i] and weights[i + 1]:
                    covered.add(i + 1)  # the scale word
    got = sum(weights[i] for i in covered)
    # a claim word with no match whose kind the sentence has unmatched: a slot filled differently
    claim_stems = {w.stem for w in cw}
    open_slots = {_slot_class(w) for w in sw if w.stem not in claim_stems and w.key not in FUNCTION_WORDS} - {None}
    slot = sum(
        0.5 * weights[i] for i, w in enumerate(cw) if weights[i] and i not in covered and _slot_class(w) in open_slots
    )
    return got / total, slot / total, covered


def match_claim(
    text: str,
    corpus: Corpus,
    settings: Settings,
    sentences: list[Sentence] | None = None,
    extra: set[int] | None = None,
    min_related: float = 0.0,
    best_only: bool = False,
) -> list[ClaimMatch]:
    """Source sentences aligned with a claim, best first; none when no sentence is at least
    ``min_related`` about the same thing (then nothing is aligned). With ``best_only``, only
    the sentences that can come first are aligned and returned: the first is the same."""
    cw = words(text)
    if sentences is None:
        sentences = [
            corpus.source(e.source).sentences[e.number]
            for e in corpus.index.candidates(text, "sentence", limit=settings.candidates)
        ]
        sentences = prefilter_sentences(text, sentences)
    vocab = corpus.vocabulary
    weights = [_weight(w, vocab) for w in cw]
    scored = []
    for s in sentences:
        sw = words(s.text)
        ctx = words(s.context) if s.context else []
        cov, slot, covered = _coverage(cw, sw + ctx, extra or set(), weights)
        scored.append((cov, slot, s, sw, covered))
    # only the best few are aligned: among sentences that cover the claim equally (in a large
    # archive, dozens alike but for a number or a place), the one closest letter by letter
    # goes first, not the one that happens to come first in the archive
    q = default_process(text)
    closeness = {id(x[2]): fuzz.ratio(q, default_process(x[2].text)) for x in scored}
    scored.sort(key=lambda x: (-(x[0] + x[1]), -x[0], -closeness[id(x[2])], x[2].source, x[2].index))
    if not scored or round(scored[0][0] + scored[0][1], 2) < min_related:
        return []
    top = scored[: settings.aligned_candidates]
    if best_only:
        # the alignment only orders sentences alike in how far they cover the claim
        def alike(x):
            return round(x[0] + x[1], 2), round(x[0], 2)

        first = max(alike(x) for x in top)
        top = [x for x in top if alike(x) == first]
    out = []
    for cov, slot, s, sw, covered in top:
        a, b = join_compounds(cw, focus(cw, sw))
        al = align(a, b, by="stem", gap_b=-0.15)
        al.texts = (text, s.text)
        out.append(ClaimMatch(s, cov, slot, al, covered))
    out.sort(
        key=lambda m: (
            -round(m.related, 2),
            -round(m.coverage, 2),
            -m.alignment.score,
            m.sentence.source,
            m.sentence.index,
        )
    )
    return out


_SPANS = ("minut", "hour", "day", "week", "fortnight", "month", "year", "decad")  # (stems)

# Words that state the opposite of each other, by stem: a claim that puts one where its
# source has the other says what the source denies ("sales rose" / "sales fell"). Only words
# that are opposites in any sentence: directions, outcomes and verdicts.
_OPPOSITE_GROUPS = (
    (
        {"rise", "rose", "risen", "climb", "jump", "surg", "soar"},
        {"fall", "fell", "fallen", "drop", "slump", "tumbl", "plung", "plummet", "sank", "sink", "slid", "slide"},
    ),
    ({"north", "northern"}, {"south", "southern"}),
    ({"east", "eastern"}, {"west", "western"}),
    ({"increas"}, {"decreas", "reduc"}),
    ({"rais"}, {"cut", "reduc", "lower"}),
    ({"grow", "grew", "grown"}, {"shrink", "shrank", "shrunk"}),
    ({"higher", "highest"}, {"lower", "lowest"}),
    ({"profit", "surplu"}, {"loss", "deficit"}),
    ({"win", "won"}, {"lose", "lost"}),
    ({"approv", "accept", "pass", "back", "endors"}, {"reject", "block"}),
    ({"convict"}, {"acquit"}),
    ({"guilti"}, {"innoc"}),
    ({"allow", "permit"}, {"ban", "forbid", "forbad", "prohibit"}),
    ({"confirm", "admit"}, {"deni"}),
    ({"strengthen"}, {"weaken"}),
    ({"gain"}, {"lose", "lost"}),
    ({"hire"}, {"fire"}),
    ({"open"}, {"close", "shut"}),
    ({"support"}, {"oppos"}),
    ({"favour", "favor"}, {"against"}),  # "voted seven to four in favour of" / "against"
    ({"abov"}, {"below"}),
    ({"more"}, {"fewer", "less"}),
    ({"up"}, {"down"}),
    ({"welcom", "prais"}, {"criticis", "critic", "condemn"}),
    ({"upheld", "uphold"}, {"overturn", "quash", "block"}),  # "a judge blocked the law"
    ({"agre"}, {"refus", "declin"}),
    ({"succeed"}, {"fail"}),
    ({"allow", "permit"}, {"block"}),
    ({"creat"}, {"destroy"}),  # "would create more work than it destroys"
    ({"build", "built"}, {"demolish"}),
    ({"improv"}, {"worsen"}),
    ({"buy", "bought"}, {"sell", "sold"}),
    ({"import"}, {"export"}),
    ({"borrow"}, {"lend", "lent"}),
    ({"arriv"}, {"depart"}),
    # who: "escaped with her son" where the source says "with her daughter"
    ({"son"}, {"daughter"}),
    ({"husband"}, {"wife"}),
    ({"brother"}, {"sister"}),
    ({"father"}, {"mother"}),
    ({"boy"}, {"girl"}),
    ({"man", "men"}, {"woman", "women"}),
    # when (a date finding): "last week" where the source says "next week", "in the autumn"
    # where it says "in the spring"
    ({"next"}, {"last"}),
    ({"befor"}, {"after"}),  # "won by six votes before a recount" where the source says "after"
    ({"spring"}, {"summer", "autumn", "winter"}),
    ({"summer"}, {"autumn", "winter"}),
    ({"autumn"}, {"winter"}),
    # how long: "in six months" where the source says "in six weeks"
    *(({x}, set(_SPANS[i + 1 :])) for i, x in enumerate(_SPANS[:-1])),
)
_WHEN_OPPOSITE = frozenset({"next", "last", "befor", "after", "spring", "summer", "autumn", "winter", *_SPANS})
_OPPOSITE = {(x, y) for one, other in _OPPOSITE_GROUPS for x in one for y in other}
_OPPOSITE |= {(y, x) for x, y in _OPPOSITE}


# vague quantities, by their order of magnitude: "millions of dollars" is not "billions"
_MAGNITUDES = {"dozens": 12, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9,
               "trillions": 10**12}  # fmt: skip


def _magnitude(X: list[Word]) -> int | None:
    """The order of magnitude a stretch of words gives in a vague quantity ("billions"), if any."""
    return next((_MAGNITUDES[w.key] for w in X if w.key in _MAGNITUDES), None)


# the scale written after a number: "£1.2m" against "£1.2bn" ("m" only after a number, where
# the words before are the same number on both sides)
_SCALE_AFTER = {"k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "million": 10**6, "bn": 10**9,
                "billion": 10**9, "tn": 10**12, "trillion": 10**12}  # fmt: skip
# how many times over: "doubled" against "tripled" (not after "more than", "nearly" ...)
_MULTIPLES = {"doubled": 2, "double": 2, "doubles": 2, "doubling": 2, "twice": 2, "tripled": 3, "triple": 3,
              "triples": 3, "trebled": 3, "treble": 3, "tripling": 3, "quadrupled": 4, "quadruple": 4,
              "halved": 0.5, "halve": 0.5, "halves": 0.5, "halving": 0.5}  # fmt: skip
_ROUGHLY = frozenset({"more", "than", "almost", "nearly", "over", "least", "about", "around", "roughly", "some"})


def _rescaled(X: list[Word], Y: list[Word], a: list[Word], b: list[Word], i1: int, j1: int) -> bool:
    """Whether ``X`` and ``Y`` are other scales of the same number (after it on both sides)."""
    if len(X) != 1 or len(Y) != 1 or X[0].key not in _SCALE_AFTER or Y[0].key not in _SCALE_AFTER:
        return False
    same_number = i1 > 0 and j1 > 0 and a[i1 - 1].key[:1].isdigit() and a[i1 - 1].key == b[j1 - 1].key
    return same_number and _SCALE_AFTER[X[0].key] != _SCALE_AFTER[Y[0].key]


def _multiplied(X: list[Word], Y: list[Word], a: list[Word], b: list[Word], i1: int, j1: int) -> bool:
    """Whether ``X`` and ``Y`` say a quantity grew (or shrank) by other multiples, neither of
    them rough ("more than doubled" is no contradiction of "tripled")."""
    mx = [_MULTIPLES[w.key] for w in X if w.key in _MULTIPLES]
    my = [_MULTIPLES[w.key] for w in Y if w.key in _MULTIPLES]
    if len(mx) != 1 or len(my) != 1 or mx == my:
        return False
    rough = {w.key for w in (*a[max(0, i1 - 2) : i1], *X, *b[max(0, j1 - 2) : j1], *Y)} & _ROUGHLY
    return not rough


# verbs whose two sides may be swapped without changing what is said ("Starmer met Macron")
_SYMMETRIC = frozenset({"met", "meet", "meets", "meeting", "drew", "draw", "draws", "played", "play", "plays",
                        "talked", "talks", "spoke", "married", "joined", "merged", "v", "vs", "versus", "against",
                        "with", "between", "and", "or", "nor"})  # fmt: skip


def _swapped_names(a: list[Word], b: list[Word]) -> tuple[str, str] | None:
    """Two names that stand on either side of the same verb in the item and the source, in
    the other order ("Chelsea beat Arsenal" where the source says "Arsenal beat Chelsea"):
    who did what to whom is swapped. Not with a verb either may do to the other ("met"),
    a passive in one of them ("was beaten by"), or a name given twice."""

    def names(ws: list[Word]) -> dict[str, int]:
        seen: dict[str, int] = {}
        twice = set()
        for i, w in enumerate(ws):
            if w.capital and not w.special and _slot_class(w) == "name" and _proper([w]):
                if w.key in seen:
                    twice.add(w.key)
                seen.setdefault(w.key, i)
        return {k: i for k, i in seen.items() if k not in twice}

    na = names(a)
    if len(na) < 2:
        return None
    nb = names(b)
    shared = [k for k in na if k in nb]
    for x in shared:
        for y in shared:
            ix, iy = na[x], na[y]
            if ix >= iy:
                continue
            reversed_ = nb[y] < nb[x]
            between_a = a[ix + 1 : iy]
            between_b = b[nb[y] + 1 : nb[x]] if reversed_ else b[nb[x] + 1 : nb[y]]
            if any(w.key in _SYMMETRIC for w in (*between_a, *between_b)):
                continue
            verbs = {
                w.stem
                for w in between_a
                if w.key not in FUNCTION_WORDS and not w.capital and not w.special and not w.key[:1].isdigit()
            }
            if not verbs & {w.stem for w in between_b}:
                continue
            # the other order in the same voice, or the same order in the other voice ("Jeremy
            # Hunt replaced Rachel Reeves" for "Jeremy Hunt was replaced by Rachel Reeves")
            passive = ("by" in {w.key for w in between_a}) != ("by" in {w.key for w in between_b})
            if reversed_ != passive:
                return _name_around(a, ix, ix + 1), _name_around(a, iy, iy + 1)
    return None


def _opposite(X: list[Word], Y: list[Word]) -> tuple[Word, Word] | None:
    """A word of ``X`` and a word of ``Y`` that say the opposite of each other, if any."""
    for x in X:
        for y in Y:
            if (x.stem, y.stem) in _OPPOSITE:
                if x.stem in _SPAN_SET and any(_value(w.text, w.key) is not None for w in X + Y):
                    continue  # how long, counted another way: "12 months" is "a year"
                return x, y
    return None


_SPAN_SET = frozenset(_SPANS)


def _is_negator(w: Word) -> bool:
    k = w.key
    return k in NEGATORS or (
        k.endswith("nt")
        and k[:-2]
        in {
            "did",
            "do",
            "does",
            "is",
            "was",
            "are",
            "were",
            "wo",
            "ca",
            "could",
            "would",
            "should",
            "has",
            "have",
            "had",
            "must",
            "need",
        }
    )


_TIME_KEY = re.compile(r"^\d\d:\d\d$")  # a time's key (see factcheck.match)


_DAY = re.compile(r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?")  # a day of the month


def _classes(ws: list[Word], i1: int, i2: int) -> dict[str, list[str]]:
    """``date``/``number`` words of ``ws[i1:i2]``, each classed with the word before it."""
    lo = max(0, i1 - 1)
    toks = [Token(w.text, w.start, w.end) for w in ws[lo:i2]]
    out: dict[str, list[str]] = {}
    last_number = None  # where the last number word was: a scale right after it joins it
    for k in range(i1, i2):
        word = ws[k].text.lower()
        if _TIME_KEY.match(ws[k].key):
            out.setdefault("date", []).append(ws[k].key)  # a time of day, by the clock: "6am" is "06:00"
            continue
        if last_number == k - 1 and word in _SCALES:
            out["number"][-1] += " " + word  # "three thousand", "3.5 million", "61.5 bn"
            last_number = k
            continue
        c = token_class(toks, k - lo)
        if c is None and "-" in word and _hyphened_value(word) is not None:
            c = "number"  # "a five-year contract", "twenty-seven": a count written into a word
        if c:
            out.setdefault(c, []).append(word)
            if c == "number":
                last_number = k
    return out


def _says_more(ws: list[Word], classes: dict[str, list[str]]) -> bool:
    """Whether a differing stretch holds two content words or more besides its values."""
    valued = {y for v in classes.values() for x in v for y in (x, *x.split())}  # ("18 per cent" is one word)
    rest = [w for w in ws if not w.special and w.key not in FUNCTION_WORDS and w.text.lower() not in valued]
    return len(rest) >= 2


_FRACTION_WORDS = frozenset(
    {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "sixths"}
    | {"seventh", "sevenths", "eighth", "eighths", "ninth", "ninths", "tenth", "tenths"}
)


def _hyphened_value(word: str) -> float | None:
    """The count a hyphened word gives: "twenty-seven" 27, "five-year" and
    "twenty-seven-year-old" their first number's; None for none, or for two numbers that
    make no one ("50-50", "one-third")."""
    head, _, tail = word.partition("-")
    first = number_value(head)
    if first is None:
        return None
    after = tail.split("-", 1)[0].lower()
    if after in _FRACTION_WORDS:
        return None  # a share: "two-thirds" (see _shares)
    second = number_value(after)
    if second is None:
        return first
    return first + second if first >= 20 and first % 10 == 0 and second < 10 else None


def _values(tokens: list[str]) -> set:
    """Numbers by value ("12,000" = "12000", "two" = "2", "three thousand" = "3,000",
    "3.5 million" = "3,500,000"); other tokens as written."""
    out = set()
    for t in tokens:
        v = number_value(t)  # "18 per cent" is one word
        if v is None and "-" in t and (n := _hyphened_value(t)) is not None:
            out.add(round(n, 6))  # "five-year" is "5-year" (which is read as "5" and "year")
            continue
        if v is None:
            first, *scales = t.split()
            v = number_value(first)
            if v is not None:
                for s in scales:
                    v *= _SCALES[s]
        if v is not None:
            v = round(v, 6)
        out.add(v if v is not None else t)
    return out


def entity_type(name: str, registry) -> str | None:
    """``person``, ``org`` or ``place`` for a run of capitalised words, None when unsure."""
    ws = name.split()
    if all(is_place(w) for w in ws) or is_place(name):
        return "place"
    if registry.person(name) or (len(ws) >= 2 and registry.person(ws[-1])):
        return "person"
    low = [w.lower() for w in ws]
    if (
        any(w in ORG_HEADS for w in low)
        or registry.org(name) in registry.orgs.values()
        or (len(ws) == 1 and name.isupper() and len(name) > 2)
    ):
        return "org"
    if 2 <= len(ws) <= 4 and all(is_name_word(w) for w in ws):
        return "person"
    return None


def _name_around(ws: list[Word], i1: int, i2: int, text: str | None = None) -> str:
    """The capitalised run that words ``i1:i2`` are part of, with an "of" or "for" inside it
    ("University of Exeter", "Department for Education"); with the ``text`` the words are
    of, not across a mark ("released through Police Scotland, Mr Iqbal said" is two)."""

    def joined(i: int, step: int) -> bool:
        return 0 <= i + step < len(ws) and ws[i].key in _NAME_JOINS and bool(_proper([ws[i + step]]))

    def apart(i: int) -> bool:  # a mark between word i and the next
        return text is not None and bool(text[ws[i].end : ws[i + 1].start].strip())

    while i1 > 0 and (_proper([ws[i1 - 1]]) or joined(i1 - 1, -1)) and not apart(i1 - 1):
        i1 -= 1
    while i2 < len(ws) and (_proper([ws[i2]]) or joined(i2, 1)) and not apart(i2 - 1):
        i2 += 1
    return " ".join(w.text for w in ws[i1:i2] if _proper([w]) or w.key in _NAME_JOINS)


_NAME_JOINS = frozenset({"of", "for"})


def _proper(ws: list[Word]) -> list[Word]:
    return [w for w in ws if w.capital and w.key not in STOPWORDS and w.key not in PRONOUNS and not w.key[:1].isdigit()]


def _moved_not_denied(a: list[Word], seg: Op, b: list[Word]) -> bool:
    """Whether a differing stretch set against a negated one is words the source gives
    elsewhere, in another order, while the item never names what the source denies: "held a
    four-hour debate on" against "did not approve" in "... did not approve the bypass after a
    four-hour debate" says another thing and denies nothing. ("went" against "did not go",
    "evidence" against "no indication": the item's words are nowhere else, and count.)"""
    if seg.tag != "replace":
        return False
    X, Y = a[seg.i1 : seg.i2], b[seg.j1 : seg.j2]
    if any(map(_is_negator, X)):
        return False

    def content(ws):
        return {w.stem for w in ws if w.key not in FUNCTION_WORDS and not _is_negator(w) and not w.special}

    denied, said = content(Y), content(X)
    if not denied or not said or denied & content(a):
        return False
    elsewhere = content(b[: seg.j1] + b[seg.j2 :])
    return 2 * len(said & elsewhere) >= len(said)


def _negations_outside_relatives(ws: list[Word], text: str | None) -> int:
    """The negations of ``ws`` that stand in no relative clause set off by commas (", who was not
    involved in the research,"), where ``text``, the text the words were read from, is known."""
    if text is None or not any(w.key in _RELATIVE for w in ws):
        return sum(map(_is_negator, ws))
    n, inside = 0, False
    for k, w in enumerate(ws):
        if w.key in _RELATIVE and (k == 0 or "," in text[ws[k - 1].end : w.start]):
            inside = True
        elif inside and "," in text[ws[k - 1].end : w.start]:
            inside = False  # (the clause's closing comma)
        n += _is_negator(w) and not inside
    return n


_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})


def _ranks(X: list[Word], Y: list[Word]) -> tuple[str, str] | None:
    """The one ordinal of each stretch, where they differ and one is "first" or "second"
    (which count nothing alone, so that the other ordinals' comparison as numbers misses
    them): (the item's, the source's)."""
    ox = [w for w in X if w.key in _ORDINALS]
    oy = [w for w in Y if w.key in _ORDINALS]
    if len(ox) != 1 or len(oy) != 1 or ox[0].key == oy[0].key or not {ox[0].key, oy[0].key} & NOT_COUNTS:
        return None
    return ox[0].text, oy[0].text


def _segment_conflicts(m: ClaimMatch, corpus: Corpus, claim_text: str) -> list[Finding]:
    al = m.alignment
    a, b = al.a, al.b
    findings: list[Finding] = []
    b_keys = {w.stem for w in b}
    lo, hi = al.window
    reg = corpus.registry
    for seg in al.segments():
        if seg.tag == "insert" and seg.i2 == len(a) and seg.j1 >= hi:
            # claim words after the last match: set them against the source words that follow
            seg = Op("replace", seg.i1, seg.i2, hi, min(len(b), hi + (seg.i2 - seg.i1) + 1))
        elif seg.tag == "insert" and seg.i1 == 0 and seg.j2 <= lo:
            seg = Op("replace", seg.i1, seg.i2, max(0, lo - (seg.i2 - seg.i1) - 1), lo)
        if seg.j2 <= seg.j1 and seg.tag == "replace":
            continue
        X, Y = a[seg.i1 : seg.i2], b[seg.j1 : seg.j2]
        found, expected = al.span("a", seg.i1, seg.i2), al.span("b", seg.j1, seg.j2)
        if seg.tag == "delete" and (Y[0].key in _RELATIVE or Y[0].key in _SAYING):
            # a clause of the source's the item leaves out, whatever it denies: "The woman,
            # who has not been named, was pushed" against "The woman was pushed"; "called for
            # a fund" against "called for a fund, saying Europe could no longer depend on ..."
            continue
        # negation: one side denies what the other states (not in a clause about someone
        # the item leaves out: "Prof Tara Spires-Jones, who was not involved in the research,")
        nx, ny = sum(map(_is_negator, X)), _negations_outside_relatives(Y, al.texts[1] if al.texts else None)
        if (nx > 0) != (ny > 0) and (seg.tag == "replace" or nx or ny) and not _moved_not_denied(a, seg, b):
            if nx and not expected:
                msg = f"the item adds '{found}': the source states it without a negation"
            elif ny and not found:
                msg = f"the item leaves out '{expected}': the source negates it"
            else:
                msg = f"negation differs: the source says '{expected}', the item says '{found}'"
            findings.append(Finding("negation", "error", msg, expected or None, found or None))
            continue
        failed = (
            (_failed_to(X or a, b, seg.j1, seg.j2) or _ruled_out(X or a, b, seg.j1, seg.j2))
            if seg.tag in ("replace", "delete")
            else None
        )
        if failed is not None:
            if found:
                msg = f"the source says '{failed}', the item says '{found}'"
            else:
                msg = f"the item leaves out '{failed}': the source says it was not done"
            findings.append(Finding("negation", "error", msg, failed, found or None))
            continue
        if seg.tag != "replace":
            continue
        flipped = _opposite(X, Y)
        if flipped is not None:
            x, y = flipped
            if x.stem in _WHEN_OPPOSITE:
                msg = f"the source says '{y.text}', the item says '{x.text}'"
                findings.append(Finding("date", "error", msg, y.text, x.text))
                continue
            msg = f"the item says the opposite of the source: '{x.text}' where the source says '{y.text}'"
            findings.append(Finding("negation", "error", msg, y.text, x.text))
            continue
        mx, my = _magnitude(X), _magnitude(Y)
        fx, fy = _fraction(X), _fraction(Y)
        if _rescaled(X, Y, a, b, seg.i1, seg.j1):
            # "£1.2m" where the source says "£1.2bn": the number with its scale
            number = a[seg.i1 - 1].text
            findings.append(
                Finding(
                    "number",
                    "error",
                    f"the source says '{number}{expected}', the item says '{number}{found}'",
                    f"{number}{expected}",
                    f"{number}{found}",
                )
            )
            continue
        if (
            (mx and my and mx != my)
            or (fx is not None and fy is not None and abs(fx - fy) > 1e-9)
            or _multiplied(X, Y, a, b, seg.i1, seg.j1)
        ):
            # "millions" where the source says "billions"; "half" where it says "a third"
            findings.append(
                Finding("number", "error", f"the source says '{expected}', the item says '{found}'", expected, found)
            )
            continue
        ranks = _ranks(X, Y)
        if ranks is None and seg.i2 == len(a):
            ranks = _ranks(X, b[seg.j1 : seg.j2 + 3])  # ("finished first" against "a distant third")
        if ranks is not None:
            # "finished a close second" where the source says "a distant third": "first" and
            # "second" count nothing alone, but a place against a place is another place
            findings.append(
                Finding("number", "error", f"the source says '{ranks[1]}', the item says '{ranks[0]}'", *ranks[::-1])
            )
            continue
        cx = _classes(a, seg.i1, seg.i2)
        cy = _classes(b, seg.j1, seg.j2)
        typed = False
        # a value changed is a stretch of little more than the value; "has been jailed for
        # seven years" against "67, of Shrewsbury, was sentenced at" says another thing
        for kind in () if _says_more(X, cx) or _says_more(Y, cy) else ("date", "number"):
            vx = cx.get(kind) or ([] if kind == "date" else cx.get("date", []))
            vy = cy.get(kind) or cy.get("date" if kind == "number" else "number", [])
            if kind == "date" and not cy.get("date"):
                # a number may be a date ("on 17 February", "in 2024"); a share or a sum is not
                vy = [v for v in vy if _DAY.fullmatch(v) or _YEAR.match(v)]
            if cx.get(kind) and vy and _values(vx) != _values(vy):
                if kind == "number" and _said_elsewhere(a, seg.i1, seg.i2, b, seg.j1, seg.j2):
                    break  # "215 people were injured" against "killing 14 people and injuring 215"
                # (the values, not the words the alignment put with them: "five, according to a")
                expected, found = (
                    al.span("b", *_values_span(b, seg.j1, seg.j2)),
                    al.span("a", *_values_span(a, seg.i1, seg.i2)),
                )
                message = f"the source says '{expected}', the item says '{found}'"
                if kind == "number" and (beside := _number_beside(a, seg.i1, seg.i2, b, seg.j1, seg.j2)):
                    # "216 people were injured" against "... killing 14 people and injuring 215":
                    # the number the source gives beside what the item says it of, not the one
                    # the alignment set against it
                    (expected, said), (found, ours) = beside
                    message = f"the source says '{expected}' ('{said}'), the item says '{found}' ('{ours}')"
                findings.append(Finding(kind, "error", message, expected, found))
                typed = True
                break
        if typed:
            continue
        px, py = _proper(X), _proper(Y)
        if px and py:
            x_name = " ".join(w.text for w in px)
            y_name = " ".join(w.text for w in py)
            if any(w.stem in b_keys - {y.stem for y in Y} for w in px):
                continue  # the name is elsewhere in the sentence: a reordering, not a swap
            if reg.same_person(x_name, y_name) or reg.org(x_name) == reg.org(y_name):
                continue
            tx, ty = entity_type(x_name, reg), entity_type(y_name, reg)
            if tx is None or ty is None:
                # the words that differ may be part of a longer name: "Perth Transport | Agency"
                x_full, y_full = (
                    _name_around(a, seg.i1, seg.i2, al.texts[0] if al.texts else None),
                    _name_around(b, seg.j1, seg.j2, al.texts[1] if al.texts else None),
                )
                if (x_full, y_full) != (x_name, y_name):
                    tx, ty = entity_type(x_full, reg), entity_type(y_full, reg)
                    x_name, y_name = x_full, y_full
                    if reg.same_person(x_name, y_name):
                        continue  # "Councillor Mark Pugh" where the source says "Mr Pugh"
            if tx is None or tx != ty:
                continue  # a person against a place is a different statement, not a swap
            findings.append(
                Finding(
                    "entity", "error", f"the source names '{y_name}' where the item names '{x_name}'", y_name, x_name
                )
            )
    if not findings and (misplaced := _misplaced_number(a, b)) is not None:
        expected, found = misplaced
        findings.append(
            Finding(
                "number",
                "error",
                f"the source says '{expected}', the item says '{found}': its number is another thing's there",
                expected,
                found,
            )
        )
    if not findings and (swapped := _swapped_names(a, b)) is not None:
        x, y = swapped
        findings.append(
            Finding(
                "entity",
                "error",
                f"the item swaps the roles of '{x}' and '{y}': in the source, who did what to whom is the other way round",
                f"{y} ... {x}",
                f"{x} ... {y}",
            )
        )
    # modality: the source hedges a statement the item makes; the hedge stands in words the
    # item leaves out, just before a content word both share ("is expected to formally | sign")
    matched_j = al.matched_b()
    src_hedges = [
        b[j]
        for o in al.ops
        if o.tag in ("delete", "replace") and o.j1 >= lo and o.j2 <= hi
        for j in range(o.j1, o.j2)
        if b[j].key in HEDGES
        and any(jj in matched_j and b[jj].key not in FUNCTION_WORDS for jj in range(j + 1, min(j + 5, len(b))))
    ]
    item_hedges = [w for w in a if w.key in HEDGES]
    surer = _surer_in_place(al) if src_hedges and item_hedges else None
    if surer is not None:
        # "could disappear" made "will disappear": a possibility stated as what will happen
        hedge, sure = surer
        findings.append(Finding("modality", "error", f"the source says '{hedge}', the item says '{sure}'", hedge, sure))
    if src_hedges and not item_hedges:
        strong = [w for w in src_hedges if w.key not in WEAK_HEDGES]
        past = any(w.key.endswith("ed") and w.key not in HEDGES for w in a) or any(w.key in _IRREGULAR_PAST for w in a)
        if strong or past:
            hedge = " ".join(w.text for w in (strong or src_hedges))
            findings.append(
                Finding(
                    "modality",
                    "error",
                    f"the source says this is '{hedge}', the item states it as fact",
                    hedge,
                    None,
                )
            )
    if not src_hedges and (done := _done_as_possible(al)) is not None:
        # "could overturn" where the source says "has overturned": a thing done, stated as
        # what may or will happen
        said, hedged = done
        findings.append(
            Finding(
                "modality", "error", f"the source says it is done: '{said}', the item says '{hedged}'", said, hedged
            )
        )
    return findings


_PERFECT = frozenset({"has", "have", "had", "was", "were", "is", "are", "been"})
_ITEM_HEDGE_FILL = frozenset({"is", "are", "was", "were", "be", "to"})  # ("is expected to | overturn")


def _done_as_possible(al: Alignment) -> tuple[str, str] | None:
    """(the source's words, the item's) where the item hedges or puts in the future
    ("could overturn", "will overturn", "is expected to overturn") a verb the source puts in
    the past ("has overturned", "overturned"): the item's hedge stands where the source has
    nothing or an auxiliary, just before the verb both give, in another form."""
    a, b = al.a, al.b
    ops = list(al.ops)
    for k, nxt in enumerate(ops):
        if nxt.tag != "equal" or k == 0 or ops[k - 1].tag == "equal":
            continue
        first = k - 1  # the differing ops just before the verb, run together
        while first > 0 and ops[first - 1].tag != "equal":
            first -= 1
        i1, j1 = ops[first].i1, ops[first].j1
        said_before, hedged = b[j1 : nxt.j1], a[i1 : nxt.i1]
        if not any(w.key in HEDGES for w in hedged):
            continue
        if any(w.key not in HEDGES and w.key not in _ITEM_HEDGE_FILL for w in hedged):
            continue
        if any(w.key not in _PERFECT for w in said_before):
            continue
        verb_b, verb_a = b[nxt.j1], a[nxt.i1]
        past = _is_past(verb_b)
        # the item's verb in another form ("could overturn"), or the same one made passive
        # ("is expected to be appointed" where the source says "was appointed")
        other = verb_a.key != verb_b.key and not _is_past(verb_a)
        passive = hedged[-1].key == "be" and bool(said_before)
        if past and (other or passive):
            return span_text(b, j1, nxt.j1 + 1), span_text(a, i1, nxt.i1 + 1)
    return None


def _near(ws: list[Word], i: int, reach: int) -> set[str]:
    """The stems of the words that say something within ``reach`` of word ``i`` (not numbers)."""
    return {
        w.stem
        for w in ws[max(0, i - reach) : i + reach + 1]
        if w.key not in FUNCTION_WORDS and not w.special and not w.key[:1].isdigit()
    }


def _misplaced_number(a: list[Word], b: list[Word]) -> tuple[str, str] | None:
    """A number of the item that the source gives something else, while another of its
    numbers stands beside more of what the item says it of ("killed 215 people" against
    "killing 14 people and injuring 215"): (the source's words for it, the item's). Only for
    numbers the item and the source each give once, and only where one other number is
    placed better than the item's own, by the words that say something within three of it
    on both sides ("AFAD said 215 people were injured" shares as much with "injuring 215" as
    with "killing 14 people": no error)."""
    for i, w in enumerate(a):
        if not w.key[:1].isdigit() or sum(x.key == w.key for x in a) != 1:
            continue
        at = [j for j, x in enumerate(b) if x.key == w.key]
        if len(at) != 1:
            continue
        around = _near(a, i, 3)
        own = len(_near(b, at[0], 3) & around)
        placed = sorted(
            ((len(_near(b, k, 3) & around), k) for k, x in enumerate(b) if x.key[:1].isdigit() and x.key != w.key),
            reverse=True,
        )
        if placed and placed[0][0] > own and (len(placed) == 1 or placed[1][0] < placed[0][0]):
            k = placed[0][1]
            if any(y.key == b[k].key for y in a):
                continue  # the item gives that number too
            return span_text(b, max(0, k - 1), k + 2), span_text(a, max(0, i - 1), i + 2)
    return None


def _number_beside(
    a: list[Word], i1: int, i2: int, b: list[Word], j1: int, j2: int
) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """For the one number of the item's words ``i1:i2``, the one number outside the source's
    ``j1:j2`` that stands beside a word the item has beside it: ((that number, its words),
    (the item's number, its words)); None where there is not exactly one of each."""
    numbers = [i for i in range(i1, i2) if a[i].key[:1].isdigit()]
    if len(numbers) != 1:
        return None
    i = numbers[0]
    k = _one_number_beside(a, i, b, lambda j: not j1 <= j < j2)
    if k is None:
        return None
    around = _near(a, i, 3)
    aligned = [j for j in range(j1, j2) if b[j].key[:1].isdigit()]
    if any(len(_near(b, j, 2) & around) >= len(_near(b, k, 2) & around) for j in aligned):
        # (the number set against the item's stands beside as much of what the item says:
        # "peaked at 5.4 metres early on Friday" against "5.2 metres early on Friday, 0.3
        # metres above its previous record")
        return None
    return (b[k].text, span_text(b, max(0, k - 1), k + 1)), (a[i].text, span_text(a, i, min(len(a), i + 2)))


def _one_number_beside(a: list[Word], i: int, b: list[Word], may_be) -> int | None:
    """The index of the one number of ``b`` (at an index ``may_be`` allows) that stands beside
    a word ``a`` has beside its number ``a[i]``, and is not a number ``a`` gives too ("23:59",
    "Nov. 15": not the one it changed); None where there is not exactly one."""
    beside = _numbers_beside(a, i, b, may_be)
    return beside[0] if len(beside) == 1 else None


def _numbers_beside(
    a: list[Word], i: int, b: list[Word], may_be, *, shared: int = 1, reach: tuple[int, int] = (3, 2), counts=False
) -> list[int]:
    """The indices of the numbers of ``b`` (at indices ``may_be`` allows), not numbers ``a``
    gives too, with at least ``shared`` of the words that say something within ``reach[0]``
    of ``a``'s number ``a[i]`` within ``reach[1]`` of them; with ``counts``, counts written
    as words too (:func:`_is_count`)."""
    around = _near(a, i, reach[0])
    given = {y.key for y in a}
    return [
        k
        for k, x in enumerate(b)
        if (_is_count(x) if counts else x.key[:1].isdigit())
        and may_be(k)
        and x.key not in given
        and len(_near(b, k, reach[1]) & around) >= shared
    ]


def _is_count(w: Word) -> bool:
    """A number, in figures or in words ("four"; not "first", "second" or "half")."""
    return w.key[:1].isdigit() or (w.key in NUMBER_WORDS and w.key not in NOT_COUNTS)


def _values_span(ws: list[Word], i1: int, i2: int) -> tuple[int, int]:
    """The stretch of ``ws[i1:i2]`` from its first number or date to its last (with words
    before it that say how near: "more than three", and a scale after it: "1.5 million"); all
    of it where it has none."""
    at = [i for i in range(i1, i2) if _slot_class(ws[i]) in ("number", "date") or _TIME_KEY.match(ws[i].key)]
    if not at:
        return i1, i2
    start, end = at[0], at[-1] + 1
    while start > i1 and ws[start - 1].key in _ROUGHLY:
        start -= 1  # ("more than three")
    while end < i2 and ws[end].key in _SCALE_AFTER:
        end += 1
    return start, end


def _said_elsewhere(a: list[Word], i1: int, i2: int, b: list[Word], j1: int, j2: int) -> bool:
    """Whether every number of the item's words ``i1:i2`` stands elsewhere in the source
    sentence, beside a word the item has beside it ("215 people were injured" against
    "killing 14 people and injuring 215"): the sentence says it in another order, and the
    number set against it is another one's. Not where the number is another thing's
    ("killed 215" against "killed 14 and injured 215")."""

    numbers = [i for i in range(i1, i2) if a[i].key[:1].isdigit()]
    if not numbers:
        return False
    for i in numbers:
        around = _near(a, i, 3)
        if not any(b[j].key == a[i].key and _near(b, j, 2) & around for j in range(len(b)) if not j1 <= j < j2):
            return False
    return True


_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
                 "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}  # fmt: skip


_SHARE_WORDS = frozenset(_DENOMINATORS) | {"in"}


def _fraction(ws: list[Word]) -> float | None:
    """The share a stretch of words states, as a fraction: "half" (1/2), "a third", "two-thirds",
    "three quarters", "one in six", "20%" (1/5); None for anything else."""
    if not any(w.key in _SHARE_WORDS or w.key.endswith("%") or "-" in w.text for w in ws):
        return None  # (asked of every stretch that differs: most hold no share)
    parts = [
        p
        for w in ws
        for p in ([w.key] if w.key.endswith("%") else w.text.lower().split("-"))  # ("18 per cent": "18%")
        if p not in ("of", "the", "about", "nearly", "almost")
    ]
    if len(parts) == 1:
        if parts[0] == "half":
            return 0.5
        if parts[0].endswith("%") and (v := number_value(parts[0])) is not None:
            return v / 100
        return None
    if len(parts) == 2 and parts[1] in _DENOMINATORS:
        n = 1.0 if parts[0] in ("a", "one") else number_value(parts[0])
        return n / _DENOMINATORS[parts[1]] if n is not None else None
    if len(parts) == 3 and parts[1] == "in":
        n, d = number_value(parts[0]), number_value(parts[2])
        return n / d if n is not None and d else None
    return None


# verbs that say something was not done: "leaders failed to agree", "she declined to comment"
_RELATIVE = frozenset({"who", "whom", "whose", "which"})
_SAID = frozenset({"said", "says", "saying"})
_FAILED = frozenset({"fail", "fails", "failed", "refuse", "refuses", "refused", "decline", "declines", "declined"})


def _failed_to(X: list[Word], b: list[Word], j1: int, j2: int) -> str | None:
    """The source's words where the item states as done what the source says was not: "agreed"
    in place of "failed ... to agree" (the verb may come a few words after), or "commented"
    where the source "declined to comment". ``X``: the item's words in play."""
    if not any(w.key in _FAILED for w in b[j1:j2]):
        return None
    stems = {x.stem for x in X if x.key not in FUNCTION_WORDS}
    if any(x.key in _SAID for x in X):
        stems.add("say")  # ("said a vote would be held" against "declined to say when")
    for k in range(j1, min(len(b) - 1, j2 + 6)):
        if b[k].key == "to" and b[k + 1].stem in stems:
            start = next(j for j in range(j1, j2) if b[j].key in _FAILED)
            return " ".join(w.text for w in b[start : k + 2])
    return None


# a reporting clause that adds what someone said besides: "..., saying it could not ..."
_SAYING = frozenset(("saying", "adding", "insisting", "arguing", "warning", "noting", "stressing", "claiming"))
# what was not done, in the words before the thing: "ruled out calling", "stopped short of
# backing", "refrained from naming" (stems, then the words that follow the first)
_NOT_DONE = (("rule", ("out",)), ("stop", ("short", "of")), ("refrain", ("from",)))


def _ruled_out(X: list[Word], b: list[Word], j1: int, j2: int) -> str | None:
    """The source's words where the item states as done what the source says was ruled out:
    "has called a snap election" against "has ruled out calling a snap election", "backed
    joint borrowing" against "stopped short of backing joint borrowing"."""
    stems = {x.stem for x in X if x.key not in FUNCTION_WORDS}
    for k in range(j1, min(j2, len(b) - 2)):
        for verb, then in _NOT_DONE:
            n = len(then)
            if (
                b[k].stem == verb
                and k + n + 1 < len(b)
                and tuple(w.key for w in b[k + 1 : k + 1 + n]) == then
                and b[k + 1 + n].stem in stems
            ):
                return " ".join(w.text for w in b[k : k + n + 2])
    return None


def _surer_in_place(al: Alignment) -> tuple[str, str] | None:
    """(source's, item's) where the item puts a sure word ("will", "would") in place of the
    source's hedge ("could", "may", "is expected to"), and hedges nothing else."""
    if any(w.key in HEDGES and w.key not in WEAK_HEDGES for w in al.a):
        return None
    for seg in al.segments():
        if seg.tag != "replace":
            continue
        strong = [w for w in al.b[seg.j1 : seg.j2] if w.key in HEDGES and w.key not in WEAK_HEDGES]
        sure = [w for w in al.a[seg.i1 : seg.i2] if w.key in WEAK_HEDGES]
        if strong and sure:
            return " ".join(w.text for w in strong), " ".join(w.text for w in sure)
    return None


def _hedged_elsewhere(text, cw, unmatched, best, corpus, settings):
    """A modality finding, and its evidence, for a claim that states as done what its best
    sentence does not say and another sentence only expects: "President Maria Alvarez signed
    the bill" where one sentence says the bill passed, "handing President Maria Alvarez a
    victory", and another that she "would sign the bill". The claim's word must be a past
    tense between words the best sentence holds; the other sentence must hold its stem just
    after a hedge."""
    if not best.covered:
        return None
    lo, hi = min(best.covered), max(best.covered)
    done = [cw[i] for i in unmatched if lo < i < hi and _is_past(cw[i]) and cw[i].key not in HEDGES]
    if not done:
        return None
    # what each was done to, or else who did it: the claim's next content word, or the one
    # before ("signed | the bill"); the other sentence must say it of that, not of anything
    # ("cut the risk" is not "would cut about 1,200 jobs")
    about: dict[str, set[str]] = {}
    for w in done:
        i = cw.index(w)
        after = [x.stem for x in cw[i + 1 :] if x.key not in FUNCTION_WORDS and not x.special]
        before = [x.stem for x in cw[:i] if x.key not in FUNCTION_WORDS and not x.special]
        about[w.stem] = set(after[:2] if after else before[-2:])  # "signed the | climate bill"
    for e in corpus.index.candidates(text, "sentence", limit=settings.candidates):
        s = corpus.source(e.source).sentences[e.number]
        if s is best.sentence:
            continue
        sw = words(s.text)
        for j, w in enumerate(sw):
            if w.stem in about:
                near = {x.stem for x in sw[max(0, j - 6) : j + 5]}
                hedges = [h for h in sw[max(0, j - 4) : j] if h.key in HEDGES]
                if hedges and about[w.stem] & near:
                    hedge = " ".join(h.text for h in hedges)
                    msg = f"the source says this is '{hedge}' ('{hedge} ... {w.text}'), the item states it as fact"
                    return Finding("modality", "error", msg, hedge, None), _sentence_evidence(corpus, s)
    return None


# fmt: off
def _is_past(w: Word) -> bool:
    """Whether a word is a verb's past form, as far as its ending or :data:`_IRREGULAR_PAST` says."""
    return w.key.endswith("ed") or w.key in _IRREGULAR_PAST


_IRREGULAR_PAST = {
    'signed', 'did', 'made', 'took', 'gave', 'went', 'won', 'lost', 'met', 'agreed', 'said',
    'told', 'built', 'began', 'became', 'held', 'left', 'sent', 'set', 'paid', 'sold', 'bought',
    'brought', 'wrote', 'struck', 'broke', 'chose', 'led', 'ran', 'saw', 'spent', 'found',
    'hit', 'cut', 'put', 'rose', 'fell',
}
# fmt: on


def _title_evidence(corpus: Corpus, person: str, title: str) -> Evidence | None:
    """The sentence where the sources first give ``person`` the title ``title``."""
    src_id, start, _ = corpus.registry.people[person].titles[title][0]
    sent = next((x for x in corpus.source(src_id).sentences if x.start <= start < x.end), None)
    return _sentence_evidence(corpus, sent) if sent is not None else None


# honorifics that are offices: a draft may give someone the wrong one
OFFICE_HONORIFICS = frozenset({"president", "chancellor", "premier", "senator", "sen", "governor", "gov", "judge"})


def _qualified(title: str, held: str) -> bool:
    """Whether ``title`` is the title the sources give (``held``) with whose it is before it,
    in capitalised words: "Natural Resources Wales's head of flood incident management"
    where a source says "Its head of flood incident management". What the sources leave
    out is not contradicted by them."""
    if not same_role(held, title):
        return False
    extra = role_key(title)[0] - role_key(held)[0]
    capitalised = {w.lower().removesuffix("'s").removesuffix("\u2019s") for w in title.split() if w[:1].isupper()}
    return bool(extra) and extra <= capitalised


def _role_findings(claim_text: str, corpus: Corpus) -> tuple[list[Finding], list[Evidence], set[int]]:
    """Titles the item gives people, against the titles the sources give them; also the
    claim words a confirmed title covers."""
    reg = corpus.registry
    findings, evidence = [], []
    covered_spans: list[tuple[int, int]] = []
    for b in person_bindings(claim_text, reg, strict=False):
        person = reg.person(b.name)
        if not person:
            continue
        if not b.title and b.honorific and b.honorific.lower().rstrip(".") in OFFICE_HONORIFICS:
            # "Chancellor Wes Streeting": an office written as an honorific is a title, unless
            # the sources call them so too
            if any(h.lower().rstrip(".") == b.honorific.lower().rstrip(".") for h in reg.people[person].honorifics):
                continue
            b.title, b.title_start, b.title_end = b.honorific, b.start, b.start + len(b.honorific)
        if not b.title:
            continue
        held = reg.titles_of(person)
        if not held:
            continue
        ok = [t for t in held if same_role(b.title, t) or _qualified(b.title, t)]
        ev = _title_evidence(corpus, person, ok[0] if ok else held[0])
        if ev is not None and ev not in evidence:
            evidence.append(ev)
        if ok:
            covered_spans.append((b.start, b.end))
            if b.title_start is not None:
                covered_spans.append((b.title_start, b.title_end))
            continue
        others = sorted(
            {p for p, entry in reg.people.items() if p != person and any(same_role(b.title, t) for t in entry.titles)}
        )
        msg = f"the sources give {person} the title '{held[0]}', not '{b.title}'"
        if others:
            msg += f" ('{b.title}' is {', '.join(others)}'s title)"
        findings.append(Finding("role", "error", msg, held[0], b.title))
    cw = words(claim_text)
    covered = {i for i, w in enumerate(cw) if any(s <= w.start < e for s, e in covered_spans)}
    return findings, evidence, covered


# someone's age, as copy gives it: "Alfie Turner, 12, was ...", "Declan Moloney (44), of ..."
_AGED = re.compile(
    r"(?P<name>[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+){0,3})(?:,[ \t]+(?:aged[ \t]+)?(?P<age>\d{1,3}),"
    r"|[ \t]+\((?:aged[ \t]+)?(?P<age2>\d{1,3})\))"
)


def _ages(text: str, registry) -> list[tuple[str, str, int, int]]:
    """The people ``text`` gives an age: (name, age, where the age starts and ends)."""
    if "," not in text and "(" not in text:
        return []  # (most claims give no one an age: no search)
    out = []
    for m in _AGED.finditer(text):
        ref = find_person_at_end(m.group("name"), registry, allow_single=True)
        if ref is not None:
            g = "age" if m.group("age") else "age2"
            out.append((ref.name, m.group(g), m.start(g), m.end(g)))
    return out


def _age_findings(claimed: list, best: ClaimMatch, corpus: Corpus) -> tuple[list[Finding], list[Evidence]]:
    """An age the claim gives someone (``claimed``, as :func:`_ages` reads them) that the
    evidence's article gives them otherwise, in any of its sentences: "Alfie Turner, 13,
    pulled his grandfather out" where the story says "Alfie Turner, 12, was walking ..."
    (copy often joins one sentence's age to another's deed, which no one sentence then
    holds)."""
    if not claimed:
        return [], []
    reg = corpus.registry
    src = corpus.source(best.sentence.source)
    given: list[tuple[str, str, Sentence]] = [
        (name, age, sent) for sent in src.sentences for name, age, _, _ in _ages(sent.text, reg)
    ]
    findings, evidence = [], []
    for name, age, _, _ in claimed:
        theirs = [(a, sent) for n, a, sent in given if n == name or reg.same_person(n, name)]
        if theirs and all(a != age for a, _ in theirs):
            said, sent = theirs[0]
            message = f"the source gives {name}'s age as '{said}', the item says '{age}'"
            findings.append(Finding("number", "error", message, said, age))
            evidence.append(_sentence_evidence(corpus, sent))
    return findings, evidence


def _joined_match(text: str, best: ClaimMatch, corpus: Corpus, settings: Settings) -> ClaimMatch | None:
    """The claim against its best sentence read with the one before or after it, where copy
    has put two sentences' facts in one ("The Senate passed the bill 77-19 on Thursday" from
    "The Senate passed a stopgap spending bill late Friday ..." and "The measure, approved
    77-19, ..."): the pair, if it holds all the sentence held of the claim and more, and
    enough of it to verify."""
    s = best.sentence
    sents = corpus.source(s.source).sentences
    pairs = [
        Sentence(x.source, x.index, x.paragraph, x.start, y.end, f"{x.text} {y.text}", False, x.context)
        for x, y in ((sents[i], sents[i + 1]) for i in (s.index - 1, s.index) if i >= 0 and i + 1 < len(sents))
        if not x.heading and not y.heading
    ]
    found = match_claim(text, corpus, settings, sentences=pairs, best_only=True) if pairs else []
    if not found:
        return None
    m = found[0]
    if m.coverage < settings.claim_verify_coverage or not m.covered > best.covered:
        return None
    # two sentences hold more values than one: every name, number and date of the claim must
    # be among theirs (the pair's words are aligned in one order, so a value the claim moved
    # is not set against the one the sources give: "on Thursday" for "late Friday")
    return None if _values_left(words(text), m.covered, corpus.vocabulary) else m


def _values_left(cw: list[Word], covered: set[int], vocab: frozenset[str]) -> bool:
    """Whether a name, number or date of the claim is not among its evidence's words."""
    return any(_slot_class(w) for i, w in enumerate(cw) if i not in covered and _weight(w, vocab))


def _sentence_evidence(corpus: Corpus, s: Sentence) -> Evidence:
    src = corpus.source(s.source)
    return Evidence(s.source, src.line_of(s.start), s.start, s.end, s.text, None)


def _variant_findings(claim_text: str, corpus: Corpus) -> tuple[list[Finding], list[str]]:
    """Entity-variant conflicts in the sources that the item depends on."""
    findings, ids = [], []
    from .entities import find_orgs

    keys = {org_key(o.text) for o in find_orgs(claim_text)}
    if not keys:
        return [], []
    for c in corpus.name_conflicts:
        if c.type != "entity-variant" or c.severity == "info":
            continue  # punctuation alone changes nothing a claim depends on
        forms = {org_key(f["text"]): f for f in c.forms}
        used = keys & set(forms)
        if not used:
            continue
        k = sorted(used)[0]
        mine = forms[k]
        others = [f for kk, f in forms.items() if kk != k]
        n_mine = len({h["source"] for h in mine["holders"]})
        n_best = max(len({h["source"] for h in f["holders"]}) for f in others)
        other = max(others, key=lambda f: len({h["source"] for h in f["holders"]}))
        held_by = ", ".join(sorted({h["source"] for h in other["holders"]}))
        mine_by = ", ".join(sorted({h["source"] for h in mine["holders"]}))
        sev = "warning" if n_mine <= n_best else "info"
        findings.append(
            Finding(
                "entity-variant",
                sev,
                f"the sources disagree on this name: '{mine['text']}' ({mine_by}) vs '{other['text']}' ({held_by})",
                other["text"],
                mine["text"],
            )
        )
        ids.append(c.id)
    return findings, ids


def _novel(al: Alignment, vocabulary: frozenset[str]) -> list[Word]:
    """Claim words the sources never use, from the first word that matches to the claim's end:
    new information in a statement the sources make ("have cancelled plans to extend ...",
    "died at the scene" where the source says "died in hospital")."""
    matched = [o for o in al.ops if o.tag == "equal"]
    if not matched:
        return []
    first = matched[0].i1
    out = []
    for o in al.ops:
        if o.tag in ("insert", "replace"):
            for i in range(max(o.i1, first), o.i2):
                w = al.a[i]
                if (
                    not w.special
                    and w.key not in FUNCTION_WORDS
                    and w.stem not in vocabulary
                    and w.key not in vocabulary
                    and number_value(w.text) is None  # numbers are judged by value, as conflicts
                    and not _written_short(w, al)
                ):
                    out.append(w)
    return out


def _written_short(w: Word, al: Alignment) -> bool:
    """Whether ``w`` is a unit, a scale or a currency written out that the source writes
    short: "14 kilograms" for "14kg" (or the other way round), "40 million pounds" for "£40m"."""
    if w.key in _UNIT_OF:
        return _UNIT_OF[w.key] in {_UNIT_OF.get(x.key.lstrip("0123456789.,")) for x in al.b}
    if w.key in _SCALE_AFTER:
        return any(_SCALE_AFTER.get(x.key) == _SCALE_AFTER[w.key] for x in al.b)
    if w.key in _CURRENCY_WORDS:
        sign = _CURRENCY_WORDS[w.key]
        return (al.texts is not None and sign in al.texts[1]) or any(x.text.startswith(sign) for x in al.b)
    return False


# units written out, and as sources abbreviate them
_UNIT_WORDS = {
    **dict.fromkeys(("kilogram", "kilograms", "kilo", "kilos"), "kg"),
    **dict.fromkeys(("kilometre", "kilometres", "kilometer", "kilometers"), "km"),
    **dict.fromkeys(("centimetre", "centimetres", "centimeter", "centimeters"), "cm"),
    **dict.fromkeys(("millimetre", "millimetres", "millimeter", "millimeters"), "mm"),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("gram", "grams"), "g"),
    **dict.fromkeys(("litre", "litres", "liter", "liters"), "l"),
    **dict.fromkeys(("hectare", "hectares"), "ha"),
    **dict.fromkeys(("kilowatt", "kilowatts"), "kw"),
    **dict.fromkeys(("megawatt", "megawatts"), "mw"),
    **dict.fromkeys(("gigawatt", "gigawatts"), "gw"),
    **dict.fromkeys(("mile", "miles"), "mi"),
}
_UNIT_OF = {**_UNIT_WORDS, **{unit: unit for unit in _UNIT_WORDS.values()}}
_CURRENCY_WORDS = {
    **dict.fromkeys(("pound", "pounds", "sterling"), "\u00a3"),
    **dict.fromkeys(("dollar", "dollars"), "$"),
    **dict.fromkeys(("euro", "euros"), "\u20ac"),
    "yen": "\u00a5",
}


def _numbers_not_given(cw: list[Word], unmatched: list[int], sw: list[Word]) -> list[Word]:
    """The claim's unmatched numbers whose value its best sentence gives nowhere, a scale word
    after a number included ("3.5 million" is "3,500,000"). "One" and the ordinals say too
    little of a count to be one."""
    if not unmatched:
        return []
    values = _scaled_values(cw)
    have = set(_scaled_values(sw)) - {None}
    shares: list[float] | None = None  # the sentence's, made for the first share the claim states
    out = []
    for i in unmatched:
        own = _shares(cw, around=i)
        if own:
            # a share, however written: "a fifth" is "20%", "a third" about "33%"; "a quarter"
            # is neither
            shares = _shares(sw) if shares is None else shares
            if not any(abs(f - x) < 0.01 for f in own for x in shares):
                out.append(cw[i])
        elif values[i] is not None and values[i] not in have:
            out.append(cw[i])
    return out


def _moved_number(cw: list[Word], ungiven: list[Word], best: ClaimMatch):
    """For the one number the item gives and its best sentence does not, the one number of the
    sentence no item word matches, of the same kind (a year for a year), beside what the item
    says (see :func:`_one_number_beside`): ((that number, its words), (the item's, its words));
    None where there is not exactly one of each."""
    digits = [w for w in ungiven if w.key[:1].isdigit()]
    if len(digits) != 1 or len(ungiven) != 1:
        return None
    (w,) = digits
    i = next(k for k, x in enumerate(cw) if x is w)
    b = best.alignment.b
    matched = best.alignment.matched_b()
    kind = _YEAR.match(w.key) is not None
    k = _one_number_beside(cw, i, b, lambda j: j not in matched and (_YEAR.match(b[j].key) is not None) == kind)
    if k is None:
        return None
    return (b[k].text, span_text(b, max(0, k - 2), k + 1)), (w.text, span_text(cw, max(0, i - 2), i + 1))


_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
PLACE_WORDS = 2  # words that say something a number must share with the item's, in another order
NEIGHBOUR_WORDS = 3  # the same, for a number in the sentence before or after the best one
NEIGHBOUR_REACH = 5  # words read on each side of both numbers for those


def _number_in_place(cw: list[Word], ungiven: list[Word], best: ClaimMatch, corpus: Corpus, aged: set[int]):
    """Where the item puts its clauses in another order than the sentence, so that the words
    around its number are aligned with nothing ("Craig Dunbar, 31, was jailed for four years
    for attacking a taxi driver" against "An Edinburgh man who attacked a taxi driver ... has
    been jailed for three years"): the one number of the sentence, unmatched and of the same
    kind (a year for a year), with at least :data:`PLACE_WORDS` of the words that say
    something around the item's number around it too, and another value. As
    :func:`_moved_number` gives it, and the sentence it is in where that is not the best one;
    None where there is not exactly one of each. Where the best sentence has none, the
    sentences either side of it are read, for one with :data:`NEIGHBOUR_WORDS` of the words
    around it (copy joins two sentences: "... 3.6m hours last year, a 31% increase on the
    previous year" from "... 3.6m hours last year." and "The figures show a 13% increase on
    the previous year."). An age the item gives someone, which starts at an offset of
    ``aged``, is no such number (the article's ages are read by :func:`_age_findings`)."""
    nums = [w for w in ungiven if w.start not in aged and _is_count(w) and w.key != "one"]
    if len(nums) != 1:
        return None
    (w,) = nums
    i = next(k for k, x in enumerate(cw) if x is w)
    b = best.alignment.b
    matched = best.alignment.matched_b()
    year = _YEAR.match(w.key) is not None

    def same_kind(x: Word) -> bool:
        return (_YEAR.match(x.key) is not None) == year  # (a year for a year)

    found = _numbers_beside(cw, i, b, lambda k: k not in matched and same_kind(b[k]), shared=PLACE_WORDS, counts=True)
    place = None
    if not found:
        src = corpus.source(best.sentence.source)
        n = best.sentence.index
        beside = []
        reach = (NEIGHBOUR_REACH, NEIGHBOUR_REACH)
        for sent in src.sentences[max(0, n - 1) : n + 2]:
            if sent.index == n or sent.heading:
                continue
            ws = words(sent.text)
            found_here = _numbers_beside(
                cw, i, ws, lambda k, ws=ws: same_kind(ws[k]), shared=NEIGHBOUR_WORDS, reach=reach, counts=True
            )
            beside += [(sent, ws, k) for k in found_here]
        if len(beside) != 1:
            return None
        place, b, k = beside[0]
        found = [k]
    if len(found) != 1 or _scaled_values([b[found[0]]]) == _scaled_values([w]):
        return None
    k = found[0]
    return (
        (b[k].text, span_text(b, max(0, k - 2), min(len(b), k + 2))),
        (w.text, span_text(cw, max(0, i - 2), min(len(cw), i + 2))),
        place,
    )


COMPARED_REACH = 4  # content words read on each side of a comparison's "than"


def _compared(ws: list[Word]) -> list[tuple[int, set[str], set[str]]]:
    """For each "than" of ``ws``: its index, and the stems of the content words just before it
    and just after."""
    if not any(w.key == "than" for w in ws):
        return []  # (most texts compare nothing: no content list made for them)
    content = [
        (i, x.stem)
        for i, x in enumerate(ws)
        if x.key not in FUNCTION_WORDS and not x.special and not x.key[:1].isdigit()
    ]
    out = []
    for i, w in enumerate(ws):
        if w.key == "than":
            before = [stem for k, stem in content if k < i][-COMPARED_REACH:]
            after = [stem for k, stem in content if k > i][:COMPARED_REACH]
            out.append((i, set(before), set(after)))
    return out


def _turned_round(cw: list[Word], b: list[Word]) -> str | None:
    """The source's words where the item compares the same two things the other way round:
    a word before its "than" stands after the source's and not before it, and a word after it
    stands before the source's and not after it ("men more likely than women" against "women
    more likely than men"). None where either has no "than"."""
    ours = _compared(cw)
    theirs = _compared(b) if ours else []
    for _, cb, ca in ours:
        for i, sb, sa in theirs:
            if (cb & sa) - sb and (ca & sb) - sa:
                return span_text(b, max(0, i - 3), min(len(b), i + 3))
    return None


def _moved_day(ungiven: list[Word], best: ClaimMatch) -> str | None:
    """Where the one thing the item gives and its best sentence does not is a day's name (or a
    month's), and the sentence names exactly one day (or month), another, which no item word
    matched: that one, as the sentence writes it."""
    if len(ungiven) != 1 or not _is_date_word(ungiven[0]):
        return None
    weekday = ungiven[0].key in WEEKDAYS
    same_kind = [(j, x) for j, x in enumerate(best.alignment.b) if _is_date_word(x) and (x.key in WEEKDAYS) == weekday]
    if len(same_kind) != 1:
        return None
    j, x = same_kind[0]
    if j in best.alignment.matched_b() or x.key == ungiven[0].key:
        return None
    return x.text


def _shares(ws: list[Word], around: int | None = None) -> list[float]:
    """The shares (:func:`_fraction`) that runs of one to three words state; with ``around``,
    only the runs holding that word."""
    out: list[float] = []
    if around is not None and not any(
        w.key in _SHARE_WORDS or w.key.endswith("%") or "-" in w.text for w in ws[max(0, around - 2) : around + 3]
    ):
        return out  # (no word near it can state a share)
    for i in range(len(ws)) if around is None else range(max(0, around - 2), around + 1):
        for n in (1, 2, 3):
            if around is not None and not i <= around < i + n:
                continue
            f = _fraction(ws[i : i + n]) if i + n <= len(ws) else None
            if f is not None:
                out.append(f)
    return out


def _scaled_values(ws: list[Word]) -> list[float | None]:
    out: list[float | None] = [None] * len(ws)
    for k, w in enumerate(ws):
        if w.key in NOT_COUNTS or w.key == "one":
            continue
        v = number_value(w.text)
        if v is None and ("-" not in w.text or (v := _hyphened_value(w.text)) is None):
            continue  # (a count written into a word is one: "a five-year contract")
        if w.key in _SCALES and k and out[k - 1] is not None:
            out[k] = out[k - 1]  # "thousand" in "three thousand": the same number
            continue
        if k + 1 < len(ws) and ws[k + 1].key in _SCALES:
            v *= _SCALES[ws[k + 1].key]
        elif k + 1 < len(ws) and ws[k + 1].key in _SCALE_AFTER and ws[k + 1].start == w.end:
            v *= _SCALE_AFTER[ws[k + 1].key]  # "£40m", "5k": a scale written onto the number
        out[k] = round(v, 6)
    return out


def _replaced_inside(al: Alignment) -> list[tuple[str, str]]:
    """Content words the item puts one for one where the source has others, between words
    that match ("the agency rejected | delayed 523 projects"), or a name for a name at either
    end: (source's, item's). The sentence then says something else; a spelling variant is
    no change."""
    matched = [o for o in al.ops if o.tag == "equal"]
    if not matched:
        return []
    first, last = matched[0].i1, matched[-1].i2
    out = []
    for seg in al.segments():
        if seg.tag != "replace":
            continue
        xs = [w for w in al.a[seg.i1 : seg.i2] if not w.special and w.key not in FUNCTION_WORDS]
        ys = [w for w in al.b[seg.j1 : seg.j2] if not w.special and w.key not in FUNCTION_WORDS]
        if not xs or len(xs) != len(ys) or len(xs) > 2:
            continue  # words for words; a longer rewording ("address" / "deliver a message at") is a paraphrase
        if (seg.i1 < first or seg.i2 > last) and not (seg.i1 > 0 and seg.j1 > 0 and all(w.capital for w in xs + ys)):
            # (at either end, only a name for a name, not a sentence's first word: "in Vienna"
            # where the source says "in Venice", not "The UK's" where it says "Currently")
            continue
        if all(
            x.stem == y.stem
            or spelling_variant(x.text, y.text)
            or ((v := _value(x.text, x.key)) is not None and v == _value(y.text, y.key))  # "2" is "two", "bn" "billion"
            or (x.key in _SCALE_AFTER and _SCALE_AFTER[x.key] == _SCALE_AFTER.get(y.key))  # "£14m", "£14 million"
            for x, y in zip(xs, ys, strict=True)
        ):
            continue
        out.append((al.span("b", seg.j1, seg.j2), al.span("a", seg.i1, seg.i2)))
    return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        k = (f.type, f.expected, f.found)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def check_claim(claim: Claim, corpus: Corpus, settings: Settings) -> Item:
    text = claim.text
    cw = words(text)
    role_f, role_ev, role_cov = _role_findings(text, corpus)
    vocab = corpus.vocabulary
    weighted = {i for i, w in enumerate(cw) if _weight(w, vocab)}
    if role_ev and not role_f and weighted and weighted <= role_cov:
        # the claim only says who holds which title ("Dan Jarvis is the UK Security Minister")
        return Item(claim, "verified", 100.0, role_ev, _hidden_findings(claim))
    matches = match_claim(text, corpus, settings, best_only=True)  # only the first is read
    hidden = _hidden_findings(claim)
    variant_f, conflict_ids = _variant_findings(text, corpus)
    if not matches:
        if role_f:
            return Item(claim, "contradicted", 0.0, role_ev, role_f + hidden)
        return Item(
            claim,
            "unsupported",
            0.0,
            [],
            [Finding("wording", "warning", "nothing in the sources is close to this"), *hidden],
        )
    best = matches[0]
    conflicts = _segment_conflicts(best, corpus, text) if best.related >= settings.claim_min_coverage else []
    if (
        not conflicts
        and best.related >= settings.claim_min_coverage
        and (best.coverage < settings.claim_verify_coverage or _values_left(cw, best.covered, vocab))
        and (joined := _joined_match(text, best, corpus, settings)) is not None
    ):
        # (only where the sentence contradicts nothing: "It recorded 705 complaints" against
        # "It recorded 698 complaints" stays a changed number, whatever the next sentence says)
        best = joined
        conflicts = _segment_conflicts(best, corpus, text)
    evidence = [_sentence_evidence(corpus, best.sentence)]
    findings = _dedupe(role_f + conflicts)
    for e in role_ev:
        if e not in evidence:
            evidence.insert(0, e) if role_f else evidence.append(e)
    score = 100 * min(best.coverage, 1.0)
    novel = _novel(best.alignment, corpus.vocabulary)
    vocab = corpus.vocabulary
    content = [i for i, w in enumerate(cw) if _weight(w, vocab)]
    unmatched = [i for i in content if i not in best.covered]
    # a short claim needs all its content matched: two words in common prove little
    thin = bool(unmatched) and len(content) - len(unmatched) < 3
    replaced = _replaced_inside(best.alignment) if not findings else []
    ungiven = _numbers_not_given(cw, unmatched, best.alignment.b) if not findings else []
    relative: list[Word] = []  # the claim's times relative to now that the sentence does not give
    if not findings:
        # a day or a month the sentence does not give ("died at the age of 81 on Saturday"
        # against "... who has died at the age of 81")
        days = {w.key for w in best.alignment.b}
        ungiven += [w for i, w in enumerate(cw) if i not in best.covered and _is_date_word(w) and w.key not in days]
        # or a time it puts relative to now ("said a vote would be held next week" against
        # "declined to say when a vote would be held")
        relative = [cw[i] for i in _relative_time(cw) if i not in best.covered and cw[i].key not in days]
        ungiven += relative
    ages = _ages(text, corpus.registry) if not findings else []  # (the claim's, read once)
    if not findings:
        # an age the article gives the person otherwise, in a sentence the evidence is not
        aged, aged_ev = _age_findings(ages, best, corpus)
        findings += aged
        evidence += [e for e in aged_ev if e not in evidence]
    if not findings and best.coverage >= settings.claim_verify_coverage:
        hedged = _hedged_elsewhere(text, cw, unmatched, best, corpus, settings)
        if hedged is not None:
            findings.append(hedged[0])
            evidence.append(hedged[1])
    if findings:
        verdict = "contradicted"
    elif any(f.severity == "warning" for f in variant_f):
        verdict = "disputed"
    elif best.coverage >= settings.claim_verify_coverage and (turned := _turned_round(cw, best.alignment.b)):
        # "would destroy more jobs than it creates" against "would create more work than it
        # destroys": the same words, the comparison the other way round
        verdict = "contradicted"
        message = f"the item turns the comparison round: the source says '{turned}'"
        findings.append(Finding("negation", "error", message, turned, None))
    elif (
        best.coverage >= settings.claim_verify_coverage
        and not novel
        and not thin
        and not replaced
        and not ungiven
        # (a headline's few words verify nothing they leave out: "Open Source AI Models and ..."
        # is no evidence that "The UK plans to ban open-source AI models")
        and not (best.sentence.heading and unmatched)
    ):
        verdict = "verified"
    elif ungiven and best.coverage >= settings.claim_verify_coverage and (moved := _moved_number(cw, ungiven, best)):
        # the sentence's number beside the same words, elsewhere in the order: "ran dry for
        # eleven days in the summer of 2024" against "In the summer of 2025, the taps ran dry"
        verdict = "contradicted"
        (expected, said), (found, ours) = moved
        message = f"the source says '{expected}' ('{said}'), the item says '{found}' ('{ours}')"
        findings.append(Finding("number", "error", message, expected, found))
    elif ungiven and best.coverage >= settings.claim_verify_coverage and (day := _moved_day(ungiven, best)):
        # the sentence's one day (or month), elsewhere in the order: "promised on Wednesday that
        # the city would rebuild" against "on Tuesday promised residents that the city would ..."
        verdict = "contradicted"
        findings.append(
            Finding(
                "date", "error", f"the source says '{day}', the item says '{ungiven[0].text}'", day, ungiven[0].text
            )
        )
    elif (
        ungiven
        and best.related >= settings.claim_min_coverage
        and (moved := _number_in_place(cw, ungiven, best, corpus, {start for _, _, start, _ in ages}))
    ):
        verdict = "contradicted"
        (expected, said), (found, ours), place = moved
        message = f"the source says '{expected}' ('{said}'), the item says '{found}' ('{ours}')"
        findings.append(Finding("number", "error", message, expected, found))
        if place is not None:
            evidence.append(_sentence_evidence(corpus, place))
    elif ungiven and best.coverage >= settings.claim_verify_coverage:
        # the same sentence but for a number it does not give: "scored three times" against
        # "scored twice, including a stoppage-time winner"
        verdict = "unsupported"
        found = _phrases(ungiven)
        kind = "number" if any(not _is_date_word(w) and w not in relative for w in ungiven) else "date"
        findings.append(Finding(kind, "warning", f"the source gives no '{found}'", None, found))
    elif (
        replaced
        and best.coverage >= settings.claim_verify_coverage
        # (a new name the pair itself holds is said better by the pair: "in Vienna" where the
        # source says "in Venice")
        and not [w for w in novel if not (w.capital and any(w.text in found.split() for _, found in replaced))]
    ):
        # the same sentence but for a word: the source does not say what the item says
        verdict = "unsupported"
        for expected, found in replaced:
            findings.append(
                Finding(
                    "wording",
                    "warning",
                    f"the source says '{expected}' where the item says '{found}'",
                    expected,
                    found,
                )
            )
    elif novel and best.coverage >= settings.claim_verify_coverage:
        verdict = "unsupported"
        found = " ".join(w.text for w in novel)
        findings.append(
            Finding(
                "wording", "warning", f"the sources never say '{found}': the rest of the claim matches", None, found
            )
        )
    else:
        verdict = "unsupported"
        missing = [cw[i].text for i in unmatched]
        if missing:
            findings.append(
                Finding(
                    "wording",
                    "warning",
                    "the sources do not say: " + ", ".join(missing[:8]),
                    None,
                    " ".join(missing[:8]),
                )
            )
    return Item(
        claim,
        verdict,
        score,
        evidence,
        findings + variant_f + hidden,
        conflicts=conflict_ids,
        diff=word_diff(best.alignment),
    )


MAX_ITEM_WORDS = 300


def _touched(item: Item, corpus: Corpus) -> list:
    """Source conflicts whose competing forms lie where the item's evidence is."""
    out: list = []
    # an unsupported item's evidence is only the nearest miss: what the sources say about it
    # is no disagreement the item depends on, and the search would cost a retrieval each
    near_miss = item.verdict == "unsupported"
    ids: set[str] = set()

    def take(c) -> None:
        if c.id not in ids:
            ids.add(c.id)
            out.append(c)

    for e in item.evidence:
        src = corpus.source(e.source)
        # a name conflict's holders in this source, already by position (a title held in
        # many sources has hundreds of thousands of holders in a large archive)
        for s, t, c in corpus.name_conflicts_at(e.source):
            if s < e.end and e.start < t:
                take(c)
        found = []
        if not near_miss and item.claim.kind == "claim":
            for sent in src.sentences:
                if sent.start < e.end and e.start < sent.end:
                    found.extend(corpus.fact_conflicts_for(sent))
        elif not near_miss:
            for q in src.quotes:
                if q.start < e.end and e.start < q.end:
                    found.extend(corpus.quote_conflicts_for(q))
        for c in found:
            if any(
                h["source"] == e.source and h["start"] < e.end and e.start < h["end"]
                for f in c.forms
                for h in f["holders"]
            ):
                take(c)
    return out


def check_item(claim: Claim, corpus: Corpus, settings: Settings | None = None) -> Item:
    settings = settings or Settings()
    # the words are compared folded (no invisible or look-alike characters); the item keeps its
    # text as given, and a finding shows what was hidden in it
    folded = fold(claim.text)
    n_words = len(words(folded))
    if n_words > MAX_ITEM_WORDS:
        # no sentence of copy is this long: check its beginning, in bounded time, and say so
        folded = folded[: words(folded)[MAX_ITEM_WORDS - 1].end]
    if folded != claim.text:
        given = claim.text
        claim.context = claim.context or given
        claim.text = folded
        item = check_quote(claim, corpus, settings) if claim.kind == "quote" else check_claim(claim, corpus, settings)
        claim.text = given
    else:
        item = check_quote(claim, corpus, settings) if claim.kind == "quote" else check_claim(claim, corpus, settings)
    if n_words > MAX_ITEM_WORDS:
        item.findings.append(
            Finding(
                "wording", "warning", f"the item is {n_words} words long; only its first {MAX_ITEM_WORDS} were checked"
            )
        )
        if item.severity == "info":
            item.severity = "warning"
    # hidden characters make an item suspect whatever its verdict: at least a warning
    if any(f.type == "typography" and f.severity == "warning" for f in item.findings) and item.severity == "info":
        item.severity = "warning"
    for c in _touched(item, corpus):
        if c.id not in item.conflicts:
            item.conflicts.append(c.id)
        finding = _disputed_by(c, item, claim)
        if finding is not None:
            item.verdict, item.severity = "disputed", "warning"
            item.findings.append(finding)
    return item


def _value_keys(text: str) -> set[str]:
    """The keys of the numbers, days and months ``text`` writes."""
    return {w.key for w in words(text) if _slot_class(w) in ("number", "date") or _TIME_KEY.match(w.key)}


def _states_disputed(c, claim: Claim) -> bool:
    """Whether a claim states a value a fact conflict is about: one of its forms' ("About 60
    firefighters" where the sources say 60 and 80), or one of its own that the sentences in
    conflict do not give ("100 firefighters"). A claim that gives neither ("Firefighters were
    called at 05:30") does not depend on the disagreement."""
    own = _value_keys(claim.text)
    if not own:
        return False
    disputed = set().union(*(_value_keys(f["text"]) for f in c.forms))
    given = set().union(*(_value_keys(h.get("text", "")) for f in c.forms for h in f["holders"]))
    return bool(own & disputed) or bool(own - given)


def _disputed_by(c, item: Item, claim: Claim) -> Finding | None:
    """The finding that makes an item ``disputed`` because of source conflict ``c``, if it does."""
    if c.severity != "warning":
        return None
    verdict = item.verdict
    if c.type == "fact" and c.message.startswith("negation:") and claim.kind == "claim":
        # whether it was done is in dispute: a claim that says it was ("approved the bypass",
        # where one source says "approved" and another "did not approve"), or is wrong only
        # in saying whether ("rejected"); not one wrong on another count ("approved the
        # bypass on Wednesday" where every source says Tuesday stays an error)
        if verdict == "verified":
            # (it names what was or was not done: a word of the forms but their negations)
            done = {
                w.stem for f in c.forms for w in words(f["text"]) if not _is_negator(w) and w.key not in FUNCTION_WORDS
            }
            depends = bool(done & {w.stem for w in words(claim.text)})
        elif verdict == "contradicted":
            depends = all(f.type == "negation" for f in item.findings if f.severity == "error")
        else:
            depends = False
        if not depends:
            return None
        return Finding(
            "negation",
            "warning",
            f"the sources disagree on whether it was done: {c.message.split(': ', 1)[1]}",
            c.forms[1]["text"],
            c.forms[0]["text"],
        )
    # a claim the sources state in two ways: which one it matches does not settle it
    if (
        c.type == "fact"
        and verdict in ("verified", "contradicted")
        and claim.kind == "claim"
        and _states_disputed(c, claim)
    ):
        kind = c.message.split(":")[0]
        return Finding(
            kind,
            "warning",
            f"the sources disagree on this {kind}: {c.message.split(': ', 1)[1]}",
            c.forms[1]["text"],
            c.forms[0]["text"],
        )
    # a quote the sources give to two people, in words a little apart (the same words are
    # found by check_quote itself): which of them said it is not settled
    if c.type == "attribution" and verdict in ("verified", "misattributed") and claim.kind == "quote":
        who = sorted(f["text"] for f in c.forms)
        return Finding(
            "speaker",
            "warning",
            "the sources attribute these words to " + " and ".join(who),
            " / ".join(who),
            claim.speaker,
        )
    return None
