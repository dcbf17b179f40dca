"""Sources read into sentences, quotes and mentions, with the aliases that link them."""

from __future__ import annotations

import contextlib
import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from .entities import (
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    ROLE_HEADS,
    AliasRegistry,
    RegistryMerge,
    find_orgs,
    is_honorific,
    is_initials,
    is_name_word,
    is_surname_word,
    job_at,
    leads_with_descriptor,
    office_general,
    role_phrase_before,
    strip_honorifics,
    token_kind,
    word_class,
)
from .errors import InputError
from .ingest import DEFAULT_MAX_BYTES, find_source_files, read_source
from .model import Mention, Quote, Source, Span
from .normalise import TOKEN
from .quotes import attribute, find_quote_spans


@dataclass
class Binding:
    """A person named in a text, with the title the text gives them there."""

    name: str
    honorific: str | None
    title: str | None
    start: int  # of the name, in the text scanned
    end: int
    title_start: int | None = None
    title_end: int | None = None


# words that say what kind of rank follows: "Detective Sergeant", "Police Constable"
RANK_MODIFIERS = frozenset({"detective", "police", "chief", "staff", "flight", "squadron", "wing", "lance", "rear",
                            "lieutenant", "brigadier", "major", "det", "lt"})  # fmt: skip

# capitalised words in Latin (with accents), Greek or Cyrillic script
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0391-\u03a9\u0410-\u042f"
# a full stop inside a run only after an initial or an abbreviation ("J. K. Rowling", "Dr. Jane
# Smith", "Martin Luther King Jr."): after a word it ends a sentence, and a name opening the
# next one is another name ('... said Steve Reed. Reed met ...' is not "Steve Reed Reed")
_RUN_STOP = (
    "(?:(?<=\\b[A-Z])|"
    + "|".join(
        # a lookbehind reads a fixed width: one for each length of abbreviation
        rf"(?<=\b(?:{'|'.join(w for w in NAME_ABBREVIATIONS if len(w) == n)}))"
        for n in sorted({len(w) for w in NAME_ABBREVIATIONS})
    )
    + ")\\."
)
_RUN_WORD = rf"[{_UPPER}][\w'-]*(?:(?=\.){_RUN_STOP})?"  # (the lookahead: most words end at a space)
_NAME_RUN = re.compile(
    rf"{_RUN_WORD}(?:\s+(?:{_RUN_WORD}|(?:de|van|von|der|da|bin|al)(?![\w-])|(?:al|el|ul|ad|as|ash|at|az|ar|an)-{_RUN_WORD}))*"
)
_LAST_WORD = re.compile(r"([A-Za-z]+)[\s,]*$")
_COPULA_TITLE = re.compile(
    r"^\s*(?:is|was|has been|had been|remains|became|becomes|,)\s+(?:(?:the|a|an)\s+)?(?P<title>[^,.;]+?)(?=[,.;]|\s+(?:and|who|which|said|says|will|is|was)\b|$)"
)


def person_bindings(text: str, registry: AliasRegistry, strict: bool = True) -> list[Binding]:
    """People in ``text``: known names and surnames, and any capitalised name that a title or
    an honorific introduces ("Security Minister Dan Jarvis", "Dr Andrew Charlton"). With
    ``strict=False`` a title may also follow the name ("Tim Ayres, Australia's minister for
    science," / "Kanishka Narayan is the UK Security Minister")."""
    out: list[Binding] = []
    for name, n_words, honorific, start, end, has_title, lone_ok, title in _name_runs(text, strict):
        # (with a one-word name, the honorific says which of two people: "Mrs Evans", "Mr Evans")
        known = registry.person(f"{honorific} {name}" if honorific and n_words == 1 else name)
        if known and n_words == 1 and not honorific and known.split()[0] == name and " " in known:
            # a full name found by its first word ("Xi" for Xi Jinping) is a speaker's, not any
            # capitalised word's: "Will the council ...?" names no Will Smith
            known = None
        if n_words == 1 and not known and not honorific and not lone_ok:
            continue  # a lone capitalised word is a name only right after a title's head
        if n_words >= 2 and not known and not honorific and not has_title and strict:
            continue
        b = Binding(known or strip_honorifics(name), honorific, None, start, end)
        if title is not None:
            b.title, b.title_start, b.title_end = title
        out.append(b)
    return out


@lru_cache(maxsize=4096)
def _name_runs(text: str, strict: bool) -> tuple:
    """What :func:`person_bindings` finds in ``text`` before it asks the registry who is known:
    (name, words, honorific, start, end, a title phrase stands before it, a lone word may be a
    name here, (title, start, end) or None). A source's paragraphs are read twice, once before
    and once after everyone in it is known; this part is the same both times."""
    out = []
    for m in _NAME_RUN.finditer(text):
        run = m.group(0)
        words = run.split()
        n = len(words)
        # split off honorifics at the front
        i = 0
        while i < n and is_honorific(words[i]):
            i += 1
        # "Minister Dan Jarvis": the run may start with title words; find the longest name tail
        k = n
        while k > i and not is_name_word(words[k - 1].rstrip(".")) and not is_surname_word(words, k - 1):
            k -= 1
        s = k - 1 if k > i and is_surname_word(words, k - 1) and not is_name_word(words[k - 1].rstrip(".")) else k
        while s > 0 and (
            (
                is_name_word(words[s - 1].rstrip("."))
                and not is_honorific(words[s - 1])
                # "Labour's Emily Thornberry": whose she is, before her name
                and not (s < k and words[s - 1].endswith(("'s", "\u2019s")))
            )
            # a particle between names: "Mohammed bin Salman", "Ursula von der Leyen"
            or (
                words[s - 1] in NAME_PARTICLES
                and s >= 2
                and s < k
                and (is_name_word(words[s - 2]) or words[s - 2] in NAME_PARTICLES)
            )
        ):
            s -= 1
        while s < k and words[s] in NAME_PARTICLES:
            s += 1  # (a name does not open with one)
        if (
            k - s == 1
            and s > 0
            and is_initials(words[s - 1], words[s])
            and not (s == 1 and _BODY_AFTER.search(text, max(0, m.start() - 6), m.start()))
        ):
            s -= 1  # "JD Vance": two initials as one word (not "director at AJ Bell", a firm)
        if s == 0 and leads_with_descriptor(words[0], k):
            s = 1  # "Neighbour Pat Doyle, 61, added": who she is, then her name
        if s >= k:
            continue  # no name in the run (a capitalised word opening a sentence, a month)
        if (
            (s > 0 and words[s - 1].lower() == "the")
            or (m.start() >= 4 and text[m.start() - 4 : m.start()].lower() == "the ")
        ) and _job_after(text, words, k, m.end()):
            continue  # "the Norwich South MP", "The West Ham manager": whose job, not a name
        named = [j for j in range(s, k) if words[j] not in NAME_PARTICLES]
        if len(named) > 4:
            s = named[-4]  # four names at most, with the particles between them
        name_words = words[s:k]
        at = m.start()
        if n == 1:
            offs = [at]
        else:  # each word where the last ended, past the spaces: only spaces lie between them
            offs, p = [], 0
            for w in words:
                p = run.find(w, p)
                offs.append(at + p)
                p += len(w)
        last = words[k - 1].rstrip(".,")
        if last.endswith("'s") and len(last) > 3:
            last = last[:-2]  # "Ms. Keller's husband" names Keller
        name = last if k - s == 1 else " ".join([*(w.rstrip(".,") for w in name_words[:-1]), last])
        nstart = offs[s]
        nend = offs[k - 1] + len(last)
        h = s
        while h > 0 and is_honorific(words[h - 1]):
            if h > 1 and office_general(words[h - 2], words[h - 1]):
                break
            h -= 1
        honorific = " ".join(words[h:s]) if h < s else None
        cut = offs[h]
        base = max(0, cut - 300)
        before = text[base:cut]  # a title stands just before its name
        lead = before.rstrip(" ,")
        phrase = role_phrase_before(lead) if before.strip() else None
        lone_ok = False
        if k - s == 1 and phrase is not None:
            head_before = _LAST_WORD.search(before)
            lone_ok = bool(head_before) and head_before.group(1).lower() in ROLE_HEADS
        title = None
        if phrase is not None:
            ts, tt = phrase
            # the title must end right before the name (allowing a comma)
            if lead.endswith(tt):
                title = (tt, base + ts, base + ts + len(tt))
        if title is None and honorific is not None and h > 0 and words[h - 1].lower() in RANK_MODIFIERS:
            # a rank with what kind it is, before the name: "Detective Sergeant Mark Rowe",
            # "Staff Sergeant ..." is a title as well as an honorific (a bare "Sergeant" is
            # only the honorific, and "Lieutenant Colonel" two: no title to compare)
            r = h - 1
            while r > 0 and words[r - 1].lower() in RANK_MODIFIERS:
                r -= 1
            title = (" ".join(words[r:s]), offs[r], offs[s - 1] + len(words[s - 1]))
        if title is None and not strict:
            after = text[nend : nend + 300]
            cm = _COPULA_TITLE.match(after)
            if cm:
                cand = cm.group("title").strip()
                if (done_at := job_at(cand)) is not None and (i := cand.find(done_at)) >= 0:
                    # "investment director at AJ Bell": a job, and where it is done
                    at = nend + cm.start("title") + i
                    title = (done_at, at, at + len(done_at))
                rp = role_phrase_before(cand + " ") or (None, None)
                # the whole phrase must be a title: "is the UK Security Minister", not
                # "is expected to sign the agreement with ... Minister"
                if title is None and rp[1] is not None and rp[0] == 0 and _ends_with_head(cand):
                    title = (cand, nend + cm.start("title"), nend + cm.start("title") + len(cand))
        out.append((name, k - s, honorific, offs[h] if honorific else nstart, nend, phrase is not None, lone_ok, title))
    return tuple(out)


_NEXT_WORD = re.compile(r"\s*([a-z]+)")
_BODY_AFTER = re.compile(r"\b(?:at|of|for|from|with|by)\s+$")


def _job_after(text: str, words: list[str], k: int, end: int) -> bool:
    """Whether a title's head follows the name that ends at word ``k`` of a run ending at
    ``end``: in the run ("MP") or the word after it ("manager")."""
    if k < len(words):
        return words[k].lower().rstrip(".,") in ROLE_HEADS
    nm = _NEXT_WORD.match(text, end)
    return nm is not None and nm.group(1) in ROLE_HEADS


def _ends_with_head(title: str) -> bool:
    from .entities import ROLE_HEADS

    words = [w.lower() for w in re.findall(r"[\w'-]+", title)]
    return any(w in ROLE_HEADS for w in words)


@dataclass
class Corpus:
    sources: list[Source]
    registry: AliasRegistry
    folder: str = ""
    _index: object = field(default=None, repr=False)
    _conflicts: list | None = field(default=None, repr=False)
    _vocabulary: frozenset[str] | None = field(default=None, repr=False)
    _name_conflicts: list | None = field(default=None, repr=False)
    _fact_cache: dict = field(default_factory=dict, repr=False)
    index_stats: dict | None = field(default=None, repr=False)  # what the on-disk index did
    _positions: dict = field(init=False, repr=False)  # source id -> place, made with _by_id
    _speakers: list | None = field(default=None, repr=False)
    _gathered: dict | None = field(default=None, repr=False)  # source id -> packed gather(), from the index
    _holders_by_place: object = field(default=None, repr=False)  # holders_by_place(): made once, or from the index

    @property
    def quotes(self) -> list[Quote]:
        return [q for s in self.sources for q in s.quotes]

    @property
    def sentences(self):
        return [x for s in self.sources for x in s.sentences]

    def source(self, source_id: str) -> Source:
        return self._by_id[source_id]

    def position(self, source_id: str) -> int:
        """The source's place in the archive (sources are ordered by path)."""
        return self._positions[source_id]

    @property
    def speakers(self) -> list[str]:
        """Everyone the sources quote, once each."""
        if self._speakers is None:
            self._speakers = sorted({q.speaker for s in self.sources for q in s.quotes if q.speaker})
        return self._speakers

    def warm(self) -> None:
        """Work out now what checking any item reads and is otherwise worked out on first use
        (``check_claims`` calls this first): before worker processes are forked, so that they
        share it instead of each working it out again (at a million sentences, where each
        name conflict has many holders, that was half a second per worker), and with the
        collector paused."""
        with collector_paused():  # hundreds of thousands of lasting tuples, none garbage
            self.name_conflicts_at("")
            _ = self.speakers, self.vocabulary
            self.index.warm()

    def gathered(self):
        """Each source with what it brings to the conflicts across sources
        (:func:`factcheck.audit.gather`): as the index kept it, or worked out now."""
        for src in self.sources:
            yield src, self.gathered_of(src)

    def gathered_of(self, src) -> dict:
        """What one source brings to the conflicts across sources (see :meth:`gathered`)."""
        from .audit import gather
        from .store import CorruptIndex, _unpack

        blob = self._gathered.get(src.id) if self._gathered else None
        if blob is not None:
            with contextlib.suppress(CorruptIndex):
                return _unpack(blob)
        return gather(src)

    def __post_init__(self) -> None:
        # each source read once for both lookups: at a million sentences the sources lie
        # scattered over gigabytes, and reading them again for their places took 30 ms
        ids = [s.id for s in self.sources]
        self._by_id = dict(zip(ids, self.sources, strict=True))
        self._positions = dict(zip(ids, range(len(ids)), strict=True))

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every content-word stem the sources' reporting uses: the index's terms."""
        if self._vocabulary is None:
            self._vocabulary = frozenset(self.index.vocabulary())
        return self._vocabulary

    @property
    def index(self):
        if self._index is None:
            from .index import Index

            self._index = Index.build(self)
        return self._index

    @property
    def conflicts(self):
        """Every disagreement between the sources (``factcheck audit``)."""
        if self._conflicts is None:
            from .audit import find_conflicts

            self._conflicts = find_conflicts(self)
        return self._conflicts

    @property
    def name_conflicts(self):
        """The conflicts found without comparing every sentence with every other: names,
        quotes, titles and status. ``check`` asks about facts sentence by sentence."""
        if self._name_conflicts is None:
            if self._conflicts is not None:
                self._name_conflicts = [
                    c for c in self._conflicts if c.type not in ("fact", "quote-variant", "attribution")
                ]
            else:
                from .audit import find_conflicts

                self._name_conflicts = find_conflicts(self, facts=False)
        return self._name_conflicts

    def quote_conflicts_for(self, quote):
        key = ("quote", quote.source, quote.index)
        if key not in self._fact_cache:
            from .audit import quote_conflicts

            self._fact_cache[key] = quote_conflicts(self, [quote])
        return self._fact_cache[key]

    def name_conflicts_at(self, source_id: str) -> list:
        """Name conflicts with a competing form in ``source_id``: (start, end, conflict), in
        the order of the conflicts, their forms and holders."""
        import numpy as np

        where, owner, starts, ends = self.holders_by_place()
        at = self._positions.get(source_id)
        if at is None:
            return []
        lo, hi = np.searchsorted(where, [at, at + 1]).tolist()
        conflicts = self.name_conflicts
        return [
            (s, e, conflicts[c])
            for s, e, c in zip(starts[lo:hi].tolist(), ends[lo:hi].tolist(), owner[lo:hi].tolist(), strict=True)
        ]

    def holders_by_place(self):
        """Every name conflict's holders, sorted (stably) by their source's place in the
        archive (-1 for a source not here): rows of places, conflicts (their number in
        ``name_conflicts``), starts and ends, int64. A title held in many sources has hundreds
        of thousands of holders in a large archive: looked up holder by holder in Python this
        took a third of a second at a million sentences, and made from the holders 0.07 s
        for each check, so the index keeps it with the name conflicts
        (:func:`factcheck.store.pack_rows`)."""
        import numpy as np

        if self._holders_by_place is not None:
            return self._holders_by_place
        conflicts = self.name_conflicts
        sizes = [sum(len(f["holders"]) for f in c.forms) for c in conflicts]
        holders = self._holders()
        places, sources = self._positions, map(itemgetter("source"), holders)
        where = np.fromiter(map(places.get, sources, repeat(-1)), np.int64, len(holders))
        order = np.argsort(where, kind="stable")
        owner = np.repeat(np.arange(len(conflicts), dtype=np.int64), sizes)
        starts = np.fromiter(map(itemgetter("start"), holders), np.int64, len(holders))
        ends = np.fromiter(map(itemgetter("end"), holders), np.int64, len(holders))
        self._holders_by_place = np.stack([where, owner, starts, ends])[:, order]
        return self._holders_by_place

    def _holders(self) -> list[dict]:
        """Every name conflict's holders, conflict by conflict, form by form."""
        return [h for c in self.name_conflicts for f in c.forms for h in f["holders"]]

    def fact_conflicts_for(self, sentence):
        key = (sentence.source, sentence.index)
        if key not in self._fact_cache:
            from .audit import fact_conflicts

            self._fact_cache[key] = fact_conflicts(self, [sentence])
        return self._fact_cache[key]


# A sentence that opens with a pronoun ("It hosted ...", "They plan ...") is about what the
# sentence before it names; those names count as its context when matching claims.
_PRONOUN_START = re.compile(r"^(?:it|its|they|their|he|his|she|her|this|these|both|the two|the pair)\b", re.I)


def _names(text: str) -> list[str]:
    from .match import words

    return [w.text for w in words(text) if w.capital]


def _people_known(registry: AliasRegistry) -> tuple[int, int]:
    """What changes when a registry learns a person or an honorific (both only grow)."""
    return len(registry.people), sum(len(e.honorifics) for e in registry.people.values())


def analyse_source(src: Source) -> AliasRegistry:
    """Quotes, mentions and titles of one source, with the names it uses (a registry of its
    own). Sources are analysed one by one, so that an unchanged file's analysis can be kept
    (the on-disk index) or done on another machine; :func:`merge` links them after."""
    registry = AliasRegistry()
    text, paras = src.norm.text, src.norm_paragraphs
    sents = src.norm_sentences  # as read_source split them, in normalised offsets
    # pass 1: who is named, by titles and honorifics before names and by attributions
    for i, (ps, pe) in enumerate(paras):
        if not src.paragraphs[i].boilerplate:
            for b in person_bindings(text[ps:pe], registry):
                registry.add_person(b.name, b.honorific)
                if b.title and b.title_start is not None:
                    a, e = src.norm.to_orig(ps + b.title_start, ps + b.title_end)
                    registry.add_title(registry.canonical_person(b.name), b.title, src.id, a, e)
    found = find_quote_spans(text, paras, src.text, src.norm)  # the same in both passes
    qs = [copy.copy(q) for q in found]  # attributing fills in each quote's speaker
    name_lines = attribute(text, paras, sents, qs, registry)
    known = _people_known(registry)
    bodies = {q.speaker for q in qs if q.attribution == "organisation"}  # (no one's name)
    for q in qs:
        if q.speaker and q.speaker not in bodies and not src.paragraphs[q.para].boilerplate:
            # (a name attributing left alone is no full name it begins: "His sister, Amy,")
            registry.add_person(q.speaker, q.honorific, by_first=False)
    # pass 2: with everyone known, attribute again (surnames now resolve), unless the
    # speakers added no one (attributing reads nothing else that has changed, so it would
    # give the same again: most sources name their speakers with a title first); then
    # record mentions
    if _people_known(registry) != known:
        qs = [copy.copy(q) for q in found]
        name_lines = attribute(text, paras, sents, qs, registry)
    src.quotes = []
    for q in qs:
        if src.paragraphs[q.para].boilerplate:
            continue
        snapped = [src.norm.snap(a, b) for a, b in q.parts]
        parts = [Span(*src.norm.to_orig(a, b)) for a, b in snapped]
        qtext = " ".join(text[a:b] for a, b in snapped)
        sent = next((s.index for s in src.sentences if s.start <= parts[0].start < s.end), None)
        src.quotes.append(
            Quote(src.id, len(src.quotes), parts, qtext, q.speaker, q.title, sent, q.partial, q.attribution)
        )
        if q.speaker and q.title:
            ps, pe = paras[q.para if q.attribution != "next-line" else q.last_para + 1]
            idx = text[ps:pe].find(q.title)
            if idx < 0:
                ps, pe = paras[q.last_para]
                idx = text[ps:pe].find(q.title)
            if idx >= 0:
                a, b = src.norm.to_orig(ps + idx, ps + idx + len(q.title))
                registry.add_title(q.speaker, q.title, src.id, a, b)
    for pi in name_lines:
        src.paragraphs[pi].metadata = True  # an attribution line, not reporting
    src.sentences = [s for s in src.sentences if not src.paragraphs[s.paragraph].metadata]
    for i, s in enumerate(src.sentences):
        s.index = i
        if i and _PRONOUN_START.match(s.text):
            prev = src.sentences[i - 1]
            s.context = " ".join(_names(prev.text) + prev.context.split())
    for q in src.quotes:
        q.sentence = next((s.index for s in src.sentences if s.start <= q.start < s.end), None)
    src.mentions = _mentions(src, registry)
    return registry


def merge(sources: list[Source], merging: RegistryMerge) -> AliasRegistry:
    """One registry for all sources: a surname one source uses alone ("Narayan said") takes the
    full name another gives ("Kanishka Narayan"), in quotes and mentions alike. ``merging``:
    the sources' registries, added as they came."""
    registry = merging.finish()
    from .store import StoredSource, canonicalise_mentions

    for src in sources:
        for q in src.quotes:
            if q.speaker:
                q.speaker = registry.canonical_person(q.speaker)
        if not isinstance(src, StoredSource):  # a stored source's are canonicalised when read
            canonicalise_mentions(src.mentions, registry)
    registry.link_org_aliases()
    return registry


def analyse(sources: list[Source]) -> AliasRegistry:
    """Analyse every source and link them; returns the alias registry."""
    return merge(sources, _analysed(sources))


def _analysed(sources: list[Source]) -> RegistryMerge:
    """Every source analysed, its registry merged as it comes."""
    merging = RegistryMerge()
    for src in sources:
        merging.add(analyse_source(src))
    return merging


def _mentions(src: Source, registry: AliasRegistry) -> list[Mention]:
    text = src.norm.text
    out: list[Mention] = []
    for i, (ps, pe) in enumerate(src.norm_paragraphs):
        para = src.paragraphs[i]
        bp = bool(para.boilerplate)
        seg = text[ps:pe]

        def add(kind, a, b, canonical, person=None, _ps=ps, _bp=bp):
            na, nb = src.norm.snap(_ps + a, _ps + b)
            oa, ob = src.norm.to_orig(na, nb)
            out.append(Mention(src.id, kind, oa, ob, text[na:nb], canonical, person, _bp))

        for b in person_bindings(seg, registry):
            add("person", b.start, b.end, registry.canonical_person(b.name))
            if b.title and b.title_start is not None:
                add("role", b.title_start, b.title_end, b.title, registry.canonical_person(b.name))
                if not bp:
                    oa, ob = src.norm.to_orig(ps + b.title_start, ps + b.title_end)
                    registry.add_title(registry.canonical_person(b.name), b.title, src.id, oa, ob)
        for o in find_orgs(seg):
            if not bp:
                registry.add_org(o.text, o.acronym)
            add("org", o.start, o.end, o.text)
        before = None  # the token before: every word of the archive passes here, so no Token is made
        for m in TOKEN.finditer(seg):
            w = m.group()
            if token_kind(w) is not None:  # a word with no kind of its own has no class
                c = word_class(w, before)
                if c:
                    add(c, m.start(), m.end(), w.lower())
            before = w
    # one title can be recorded twice (from the quote and the scan); keep each location once
    registry.tidy()
    out.sort(key=lambda m: (m.start, m.end, m.kind))
    return out


def load_sources(
    folder: str | Path = "sources",
    max_bytes: int = DEFAULT_MAX_BYTES,
    aliases: dict[str, str] | None = None,
    index: str | Path | None = None,
) -> Corpus:
    """Read every ``.txt``/``.md`` article under ``folder`` into a :class:`Corpus`.

    ``aliases`` maps names the newsroom accepts as the same to the form it prefers
    ({"Australian Safety Institute": "Australian AI Safety Institute"}); they are not conflicts.
    ``index``: an on-disk index (SQLite) to reuse the analysis of unchanged files from, and
    to refresh (see :mod:`factcheck.store`)."""
    files = _source_files(folder)
    if index is not None:
        return _load_indexed(folder, files, index, max_bytes, aliases)
    sources = [read_source(f, max_bytes, f.stem) for f in files]
    return Corpus(sources, _registry(sources, _analysed(sources), aliases), str(folder))


def _registry(sources: list[Source], merging: RegistryMerge, aliases: dict[str, str] | None) -> AliasRegistry:
    """The sources' registries merged, with the names the newsroom accepts as one."""
    registry = merge(sources, merging)
    for name, canonical in (aliases or {}).items():
        registry.accept_alias(name, canonical)
    return registry


def _source_files(folder: str | Path) -> list[Path]:
    """The articles under ``folder``; two with one id (file name without its suffix) are an
    error naming both."""
    files = find_source_files(folder)
    seen: dict[str, Path] = {}
    for f in files:
        if f.stem in seen:
            raise InputError(f, f"two sources share the id '{f.stem}' (also {seen[f.stem]}); rename one")
        seen[f.stem] = f
    return files


@dataclass
class Built:
    """What :func:`build_index` did: the archive's size, and the index's counts (files
    analysed, unchanged, removed; why it was rebuilt, if it was)."""

    sources: int
    sentences: int
    quotes: int
    stats: dict


def build_index(
    folder: str | Path,
    index: str | Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    aliases: dict[str, str] | None = None,
) -> Built:
    """Build or refresh the on-disk index of the articles under ``folder`` (``factcheck
    index``): what ``load_sources(folder, index=...)`` stores, the name conflicts included,
    without making the in-memory retrieval index, which only checking uses (at a million
    sentences that is 2 s after the files, and reading every file's terms back while they
    are analysed)."""
    files = _source_files(folder)
    with collector_paused():  # as in _load_indexed: millions of lasting objects, none garbage
        corpus, loaded = _load_indexed_objects(folder, files, index, max_bytes, aliases, retrieval=False)
        built = Built(len(corpus.sources), loaded.sentences, loaded.quotes, corpus.index_stats)
        # freed before the collector is on again, whose first pass would walk it all
        del corpus, loaded
    return built


@contextlib.contextmanager
def collector_paused():
    """The garbage collector off for the block, and as it was after: for blocks that make
    many lasting objects and no garbage, where its passes cost more than the work."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _load_indexed(folder, files, index, max_bytes, aliases) -> Corpus:
    """The corpus from the on-disk index: sources without their details, the index built from
    the stored terms, and the conflicts between names saved for this state of the archive."""
    import gc

    # millions of objects are made here and none is garbage: the collector's passes over them
    # would cost more than the loading (they doubled it at a million sentences)
    global _FROZEN
    with collector_paused():
        # (without the Loaded, whose per-source registries are garbage once merged)
        corpus = _load_indexed_objects(folder, files, index, max_bytes, aliases)[0]
        # and the loaded archive lives as long as the process: moved out of the collector's
        # sight, it is not walked again by every collection a check sets off (at a million
        # sentences that was a fifth of the time), nor copied into forked workers by the
        # walk. Frozen before the collector is on again: every object made while it was
        # off is in its youngest generation, which its first pass would walk (1 s at 1M)
        gc.freeze()
        _FROZEN = True
    return corpus


_FROZEN = False  # whether an archive loaded from the index has been frozen in this process


def archive_frozen() -> bool:
    """Whether an archive loaded from the index was frozen (``gc.freeze``) in this process;
    cheaper to ask than ``gc.get_freeze_count()``, which walks every frozen object (0.16 s at a
    million sentences)."""
    return _FROZEN


def _load_indexed_objects(folder, files, index, max_bytes, aliases, retrieval: bool = True):
    """The corpus from the index (see _load_indexed), and what the index gave for it
    (:class:`factcheck.store.Loaded`); without ``retrieval``, no retrieval index is made nor
    any sentence (:func:`build_index`, whose corpus is not checked against)."""
    import hashlib
    import json

    from .model import Conflict
    from .store import load_indexed, pack_rows, save, saved, unpack_rows

    loaded = load_indexed(files, index, max_bytes, retrieval)
    registry = _registry(loaded.sources, loaded.registry_merge, aliases)
    loaded.store.registry = registry
    corpus = Corpus(loaded.sources, registry, str(folder))
    corpus.index_stats = loaded.stats
    if loaded.index is not None:
        corpus._index = loaded.index.finish()
    corpus._gathered = loaded.gathered
    # the name conflicts look across every source's mentions: worked out once per state
    state = hashlib.sha256((loaded.state + json.dumps(sorted((aliases or {}).items()))).encode("utf-8")).hexdigest()
    kept = saved(index, "name_conflicts", state)
    if kept is not None:
        corpus._name_conflicts = [Conflict(**c) for c in kept["conflicts"]]
        corpus._speakers = kept["speakers"]
        rows = unpack_rows(kept.get("holders_by_place"))
        # rows saved for another set of holders (which cannot be) are not trusted: made again
        if rows is not None and rows.shape == (
            4,
            sum(len(f["holders"]) for c in corpus._name_conflicts for f in c.forms),
        ):
            corpus._holders_by_place = rows
    else:
        save(
            index,
            "name_conflicts",
            state,
            {
                "conflicts": [c.to_json() for c in corpus.name_conflicts],
                "speakers": corpus.speakers,
                "holders_by_place": pack_rows(corpus.holders_by_place()),
            },
        )
    return corpus, loaded
