"""Disagreements between sources.

entity-variant: one body named in forms that differ by a word (or only by punctuation: info).
quote-variant: one quote worded differently (spelling or typography only: info).
attribution: the same words given to different speakers.
role: one person given different titles, one title held by different people, or different
people standing for one country on one agreement.
fact: the same statement with a different number, date, weekday or negation.
status: one source says a body already exists, another that it is new or being set up.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from functools import cache
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from .entities import (
    DATE_NAMES,
    MONTHS,
    NEGATORS,
    NUMBER_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
    WEEKDAYS,
    is_place,
    org_key,
    place_key,
    tokenize,
)
from .model import SEVERITY_RANK, Conflict
from .normalise import FUNCTION_WORDS, alternation


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _representative(items) -> str:
    """The form most often written; a possessive ("Australia's X") gives way to a name."""
    counts: dict[str, int] = defaultdict(int)
    for _, m in items:
        counts[m.text] += 1
    return min(counts, key=lambda t: (-counts[t], "'s" in t, t))


def entity_variants(corpus, collected: _Collected | None = None) -> list[Conflict]:
    """Organisation names that differ between sources.

    Not conflicts: an acronym and its definition, a shorter form that only drops a place
    ("AI Security Institute" / "UK AI Security Institute"), case. Conflicts: a form that drops
    or adds a word inside the name, keeping its first word and its head ("Australian Safety
    Institute" / "Australian AI Safety Institute": warning); punctuation only (info).
    """
    collected = collected or _collect(corpus)
    rows = collected.orgs  # key -> the sources naming it
    read: dict[str, list] = {}  # source id -> its organisations, read again for the names compared

    def items_of(key: str) -> list[tuple[object, _Org]]:
        out = []
        for src in rows[key]:
            orgs = read.get(src.id)
            if orgs is None:
                orgs = read[src.id] = corpus.gathered_of(src)["orgs"]
            out.extend((src, _Org(*o)) for o in orgs if o[0] == key)
        return out

    def holders(items) -> list[dict]:
        return sorted((_holder(src, m.start, m.end) for src, m in items), key=lambda h: (h["source"], h["start"]))

    conflicts: list[Conflict] = []
    keys = sorted(rows)
    for k in keys:
        # punctuation only: the same words, written with different commas (most names are
        # written one way everywhere: at a million sentences, 700,000 mentions of 240 bodies)
        if len(collected.org_forms[k]) < 2:
            continue
        raw: dict[str, list] = defaultdict(list)
        for src, m in items_of(k):
            raw[m.form].append((src, m))
        punct = {re.sub(r"[^\w ]", "", r): r for r in raw}
        if len(raw) > 1 and len(rows[k]) > 1 and len(punct) < len(raw):  # (rows[k]: each source once)
            forms = [{"text": items[0][1].text, "holders": holders(items)} for r, items in sorted(raw.items())]
            conflicts.append(
                Conflict(
                    f"entity-variant:{_slug(k)}:punctuation",
                    "entity-variant",
                    "info",
                    "the sources punctuate this name differently: " + " vs ".join(f"'{f['text']}'" for f in forms),
                    forms,
                )
            )
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in keys:
        w = k.split()
        buckets[(w[0], w[-1])].append(k)
    for long in keys:
        lw = long.split()
        for short in buckets[(lw[0], lw[-1])]:  # a variant keeps the first word and the head
            sw = short.split()
            if len(sw) >= len(lw) or len(sw) < 2:
                continue
            if sw[0] != lw[0] or sw[-1] != lw[-1] or not _is_subsequence(sw, lw):
                continue
            extra = [w for w in lw if w not in sw]
            if not extra or all(is_place(w) for w in extra):
                continue
            if corpus.registry.same_org(short, long):
                continue  # the newsroom has accepted these as one name
            forms = []
            for key in (short, long):
                items = items_of(key)
                forms.append({"text": _representative(items), "holders": holders(items)})
            src_sets = [{h["source"] for h in f["holders"]} for f in forms]
            if src_sets[0] == src_sets[1] and len(src_sets[0]) == 1:
                continue  # one article using a long and a short form of one name
            conflicts.append(
                Conflict(
                    f"entity-variant:{_slug(short)}",
                    "entity-variant",
                    "warning",
                    f"'{forms[0]['text']}' ({', '.join(sorted(src_sets[0]))}) vs '{forms[1]['text']}' "
                    f"({', '.join(sorted(src_sets[1]))}): the forms differ by '{' '.join(extra)}'",
                    forms,
                )
            )
    return conflicts


class _Org(NamedTuple):
    """An organisation named in a source: its key (:func:`org_key`), its form with case,
    spaces and possessives folded, its text and where it is."""

    key: str
    form: str
    text: str
    start: int
    end: int


@cache
def _heads() -> re.Pattern:
    from .entities import ORG_HEADS

    return re.compile(alternation(sorted(ORG_HEADS)) + r"\b", re.I)


@cache
def _heads_lower() -> re.Pattern:
    """:func:`_heads` for lower-case ASCII text, without IGNORECASE (the heads are lower-case
    ASCII words)."""
    return re.compile(_heads().pattern)


def _folded(text: str, lowered: re.Pattern, ignorecase: re.Pattern) -> tuple[re.Pattern, str]:
    """The pattern to search ``text`` with, and the text to give it, for lower-case ASCII words
    matched in any case. ASCII text is lowered and searched without IGNORECASE, which compares
    every character in both cases (the same offsets, and for ASCII the same folding, in a
    quarter to a half of the time); other text is searched as it is with IGNORECASE, which
    also folds letters lower() does not ("ſ" is an "s")."""
    return (lowered, text.lower()) if text.isascii() else (ignorecase, text)


def _head_matches(text: str) -> list[re.Match]:
    """Where organisations' head words are in ``text``."""
    pattern, searched = _folded(text, _heads_lower(), _heads())
    return list(pattern.finditer(searched))


_SPACES = re.compile(r"\s+")


def gather(src) -> dict:
    """What one source brings to the conflicts that look across sources, worked out from that
    source alone: its organisation names (``orgs``), the people it puts on an agreement for a
    country (``parties``) and the bodies it calls established or new (``status``). Plain lists,
    so that the index keeps them with the source's row, and working out an archive's
    conflicts reads these instead of every source's mentions and sentences."""
    orgs = [
        list(_Org(org_key(m.text), _SPACES.sub(" ", m.canonical.replace("'s", "")).lower(), m.text, m.start, m.end))
        for m in src.mentions
        if m.kind == "org" and not m.boilerplate and len(m.text.split()) >= 2
    ]
    parties = []  # [place, person, named (1: by a title in a sentence; 0: as a quote's speaker), start, end]
    for q in src.quotes:
        if q.speaker and _AGREEMENT.search(q.text) and q.title:
            for p in sorted(_title_places(q.title)):
                parties.append([p, q.speaker, 0, q.start, q.end])
    starts = [s.start for s in src.sentences]  # in order, and the sentences do not overlap
    about_agreement: dict[int, bool] = {}  # sentence number -> whether it speaks of one
    for m in src.mentions:
        if m.kind != "role" or m.boilerplate or not m.person:
            continue
        i = bisect_right(starts, m.start) - 1  # the sentence the title is in, if any
        if i < 0 or m.start >= src.sentences[i].end:
            continue
        sent = src.sentences[i]
        if i not in about_agreement:
            about_agreement[i] = bool(_AGREEMENT.search(sent.text))
        if not about_agreement[i]:
            continue
        for p in sorted(_title_places(m.text)):
            parties.append([p, m.person, 1, sent.start, sent.end])
    status = []  # [head, established | new, start, end] of the sentence
    for s in src.sentences:
        if not _says_status(s.text):
            continue  # most sentences say nothing of when a body began
        for m in _bodies(s.text):
            words = [w.lower() for w in m.group(1).split() if w.lower() not in ("a", "an", "the", "its", "own", "new")]
            if len(words) < 2:
                continue
            window = s.text[max(0, m.start() - 60) : m.end() + 80]
            if _ESTABLISHED.search(window):
                kind = "established"
            elif _NEW.search(s.text[max(0, m.start() - 40) : m.end()]):
                kind = "new"
            else:
                continue
            status.append([" ".join(words[-3:]), kind, s.start, s.end])
    return {"orgs": orgs, "parties": parties, "status": status}


class _Collected(NamedTuple):
    """Every source's :func:`gather`, joined: organisation names by :func:`org_key`, and the
    parties and status sentences, each with its source."""

    orgs: dict[str, list]  # key -> the sources naming it, each once, in archive order
    parties: list[tuple[object, list]]
    status: list[tuple[object, list]]
    org_forms: dict[str, set[str]]  # key -> the forms it is written in


def _collect(corpus) -> _Collected:
    """One pass over what the sources bring (at a million sentences, read from the index),
    each source's part dropped as soon as it is joined. Of the organisations' rows (700,000
    at a million sentences) only their forms and sources are kept: the rows of the few
    names whose forms are compared are read again then (:func:`entity_variants`); kept,
    they cost more to free at the end than to read twice."""
    out = _Collected(defaultdict(list), [], [], defaultdict(set))
    for src, facts in corpus.gathered():
        for o in facts["orgs"]:
            where = out.orgs[o[0]]
            if not where or where[-1] is not src:
                where.append(src)
            out.org_forms[o[0]].add(o[1])
        out.parties.extend((src, p) for p in facts["parties"])
        out.status.extend((src, st) for st in facts["status"])
    return out


def _holder(src, start: int, end: int) -> dict:
    return {"source": src.id, "line": src.line_of(start), "start": start, "end": end, "text": src.text[start:end]}


RIVALS = 10  # quotes most like a quote that are compared with it


def quote_conflicts(corpus, quotes=None) -> list[Conflict]:
    """The same quote in two sources: worded differently, or given to different speakers.

    ``quotes`` limits the search to those (``check`` asks only about its evidence)."""
    from .classify import Settings, _quote_findings, match_quote

    settings = Settings()
    out: list[Conflict] = []
    seen: set[tuple] = set()
    order = corpus.position
    todo = quotes if quotes is not None else [q for src in corpus.sources for q in src.quotes]
    for q in todo:
        a = corpus.source(q.source)
        if len(q.text.split()) < 4:
            continue  # scare quotes ("agentic") are words, not statements
        # the quotes most like this one in other sources; in a full audit, each pair once
        by_source: dict[str, list] = defaultdict(list)
        # (asked as checking asks, so that an item quoted word for word asks the index once)
        for e in corpus.index.candidates(q.text, "quote", limit=settings.candidates)[:RIVALS]:
            if order(e.source) > order(a.id) or (quotes is not None and e.source != a.id):
                other = corpus.source(e.source).quotes[e.number]
                # aligning costs; words that are not even alike as sets of words cannot be
                # the same quote (0.8 of the words aligned), and are left out first
                if fuzz.token_set_ratio(q.text, other.text, processor=default_process) >= 60:
                    by_source[e.source].append(other)
        for bid in sorted(by_source, key=order):
            b = corpus.source(bid)
            matches = match_quote(q.text, corpus, settings, candidates=by_source[bid], best_only=True, at_least=0.8)
            if not matches:
                continue
            m = matches[0]
            material, cosmetic = _quote_findings(m.alignment)
            other = m.view.quotes
            first, second = sorted([(a.id, q.index), (b.id, other[0].index)], key=lambda x: (order(x[0]), x[1]))
            key = (first, second)
            if key in seen:
                continue
            seen.add(key)
            pair = f"{first[0]}:{first[1]}:{second[0]}:{second[1]}"
            holders_a = [_holder(a, q.start, q.end)]
            holders_b = [_holder(b, other[0].start, other[-1].end)]
            reg = corpus.registry
            # the same words (spelled alike or not), or the same words reworded (no number or
            # name of their own)
            reworded = not material or all(_rewording(m.alignment, seg) for seg in m.alignment.segments())
            if q.speaker and m.view.speaker and not reg.same_person(q.speaker, m.view.speaker) and reworded:
                out.append(
                    Conflict(
                        f"attribution:{pair}",
                        "attribution",
                        "warning",
                        f"the same words are given to {q.speaker} ({a.id}) and {m.view.speaker} ({b.id})",
                        [
                            {"text": q.speaker, "holders": holders_a},
                            {"text": m.view.speaker, "holders": holders_b},
                        ],
                    )
                )
            # only where one quote holds the other's words; a longer passage is no variant
            if not material and not cosmetic:
                continue
            diffs = material or cosmetic
            severity = "warning" if material else "info"
            what = "; ".join(f"'{f.expected or ''}' / '{f.found or ''}'" for f in diffs[:4])
            out.append(
                Conflict(
                    f"quote-variant:{pair}",
                    "quote-variant",
                    severity,
                    f"{q.speaker or 'an unnamed speaker'} is quoted differently: {what}",
                    [
                        {"text": m.view.text, "holders": holders_b},
                        {"text": q.text, "holders": holders_a},
                    ],
                )
            )
    return out


def role_conflicts(corpus, collected: _Collected | None = None) -> list[Conflict]:
    """Titles that disagree between sources."""
    from .entities import role_key, same_role, title_countries

    reg = corpus.registry
    out: list[Conflict] = []

    source = corpus.source

    def holders(person: str, title: str) -> list[dict]:
        return [_holder(source(s), a, b) for s, a, b in reg.people[person].titles[title]]

    # one person, titles that are not the same job
    for person in sorted(reg.people):
        titles = sorted(reg.people[person].titles)
        for i, t1 in enumerate(titles):
            for t2 in titles[i + 1 :]:
                if same_role(t1, t2) or same_role(t2, t1):
                    continue
                out.append(
                    Conflict(
                        f"role:{_slug(person)}:{_slug(t1)}:{_slug(t2)}",
                        "role",
                        "warning",
                        f"{person} is '{t1}' in one source and '{t2}' in another",
                        [{"text": t1, "holders": holders(person, t1)}, {"text": t2, "holders": holders(person, t2)}],
                    )
                )
    # one title, different people; of one country ("Dutch Prime Minister" and "Hungarian
    # Prime Minister" are two titles)
    by_title: dict[tuple[frozenset, frozenset], set[str]] = defaultdict(set)
    for person, entry in reg.people.items():
        for t in entry.titles:
            key, _ = role_key(t)
            if len(key) >= 2:
                by_title[key, title_countries(t)].add(person)
    for (key, countries), people in sorted(by_title.items(), key=lambda kv: (sorted(kv[0][0]), sorted(kv[0][1]))):
        if len(people) > 1:
            forms = []
            for p in sorted(people):
                t = next(t for t in reg.people[p].titles if role_key(t)[0] == key and title_countries(t) == countries)
                forms.append({"text": f"{p}: {t}", "holders": holders(p, t)})
            out.append(
                Conflict(
                    f"role:{'-'.join(sorted(key))}" + "".join(f":{_slug(c)}" for c in sorted(countries)),
                    "role",
                    "warning",
                    f"one title, several people: {', '.join(sorted(people))}",
                    forms,
                )
            )
    out.extend(_counterparts(corpus, (collected or _collect(corpus)).parties))
    return out


_AGREEMENT = re.compile(r"\b(agreement|memorandum|mou|deal|pact|treaty|accord|partnership)\b", re.I)


def _counterparts(corpus, parties: list) -> list[Conflict]:
    """Different people standing for one country on one agreement, source by source.

    In each source, the people whose title names a country and who are quoted on, or named
    in a sentence about, an agreement. Two sources naming different people for one country
    is a candidate for the editor: which minister signs?
    """
    reg = corpus.registry
    by_place: dict[str, dict[str, dict[str, list[dict]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for src, (place, person, named, start, end) in parties:
        # a speaker as the quote gives it; a person named with a title, as the registry knows them
        who = reg.canonical_person(person) if named else person
        by_place[place][src.id][who].append(_holder(src, start, end))
    out = []
    for place, per_source in sorted(by_place.items()):
        people = {p for names in per_source.values() for p in names}
        if len(people) < 2 or len(per_source) < 2:
            continue
        firsts = {sid: sorted(names) for sid, names in per_source.items()}
        if len({tuple(v) for v in firsts.values()}) < 2:
            continue
        forms = []
        for person in sorted(people):
            hs = sorted(
                {(h["source"], h["start"]): h for names in per_source.values() for h in names.get(person, [])}.values(),
                key=lambda h: (h["source"], h["start"]),
            )
            titles = sorted(reg.people[person].titles) if person in reg.people else []
            forms.append({"text": f"{person}" + (f" ({titles[0]})" if titles else ""), "holders": hs})
        out.append(
            Conflict(
                f"role:counterpart:{_slug(place)}",
                "role",
                "warning",
                f"the sources name different people for {place.title()} on the agreement: "
                + "; ".join(f"{sid}: {', '.join(names)}" for sid, names in sorted(firsts.items())),
                forms,
            )
        )
    return out


def _title_places(title: str) -> set[str]:
    """The places the words of a title name, as :func:`place_key` gives them."""
    out = set()
    for t in tokenize(title):
        k = place_key(t.text)
        if k:
            out.add(k)
    return out


# how much of a sentence another source's must hold to tell the same statement: agencies
# reword (the rest must be only rewording, see _rewording)
SAME_STATEMENT = 0.7


def fact_conflicts(corpus, sentences=None) -> list[Conflict]:
    """The same statement in two sources with a different number, date, weekday or negation.

    ``sentences`` limits the search to those (``check`` asks only about its evidence)."""
    from .classify import Settings, match_claim, prefilter_sentences

    settings = Settings()
    out: list[Conflict] = []
    seen = set()
    order = corpus.position
    todo = sentences if sentences is not None else corpus.sentences
    for s in todo:
        a = corpus.source(s.source)
        if s.heading or len(s.text.split()) < 5:
            continue
        cands = corpus.index.candidates(s.text, "sentence", limit=settings.candidates)
        pool = [corpus.source(e.source).sentences[e.number] for e in cands if e.source != a.id]
        pool = prefilter_sentences(s.text, pool)
        if not pool:
            continue
        # (a toll told in other words is one statement at a lower likeness: see TOLL_RELATED)
        floor = TOLL_RELATED if _has_toll(s.text) else SAME_STATEMENT
        matches = match_claim(s.text, corpus, settings, sentences=pool, min_related=floor, best_only=True)
        if not matches:
            continue
        best = matches[0]
        findings = _one_statement_findings(best, corpus, s.text)
        if not findings and (values := _value_words(s.text)) and _value_words(best.sentence.text) >= values:
            # the closest telling agrees, values and all (a third source, say); the closest in
            # another source that gives other values may not
            names = _name_words(s.text)
            rest = [
                x
                for x in pool
                if x.source != best.sentence.source
                and _value_words(x.text) != values
                and len(_name_words(x.text) ^ names) <= 2  # the same names, or one spelled two ways
            ]
            if rest:
                more = match_claim(s.text, corpus, settings, sentences=rest, min_related=SAME_STATEMENT, best_only=True)
                if more:
                    best = more[0]
                    findings = _one_statement_findings(best, corpus, s.text)
        if not findings and floor == TOLL_RELATED and not _has_toll(best.sentence.text):
            # the closest telling gives no toll ("A bridge over the River Tay collapsed on
            # Monday"): the closest that does may give another
            tolled = [x for x in pool if _has_toll(x.text)]
            more = match_claim(s.text, corpus, settings, sentences=tolled, min_related=floor, best_only=True)
            if tolled and more:
                best = more[0]
                findings = _one_statement_findings(best, corpus, s.text)
        for f in findings:
            key = (*tuple(sorted([(a.id, s.index), (best.sentence.source, best.sentence.index)])), f.type)
            if key in seen:
                continue
            seen.add(key)
            b = corpus.source(best.sentence.source)
            found, expected = f.found or "", f.expected or ""
            if f.type == "negation" and not (found and expected):
                found, expected = _negated_forms(best.alignment) or (found, expected)
            forms = [
                (a, found, _holder(a, s.start, s.end)),
                (b, expected, _holder(b, best.sentence.start, best.sentence.end)),
            ]
            # in the sources' order, whichever of the two sentences was asked about: one
            # conflict reads the same in every report that names it
            forms.sort(key=lambda x: (order(x[0].id), x[2]["start"]))
            (p, pt, ph), (q, qt, qh) = forms
            out.append(
                Conflict(
                    "fact:" + ":".join(f"{sid}:{n}" for sid, n in key[:2]) + f":{f.type}",
                    "fact",
                    "warning",
                    f"{f.type}: '{pt}' ({p.id}) vs '{qt}' ({q.id})",
                    [{"text": pt, "holders": [ph]}, {"text": qt, "holders": [qh]}],
                )
            )
    return out


def _negated_forms(al) -> tuple[str, str] | None:
    """A negation one telling has and the other lacks, with the word it negates on both sides,
    (found, expected): "approved" / "did not approve", not "" / "did not"."""
    from .classify import _is_negator

    for seg in al.segments():
        X, Y = al.a[seg.i1 : seg.i2], al.b[seg.j1 : seg.j2]
        if (X and Y) or not any(map(_is_negator, X or Y)):
            continue
        if seg.i2 < len(al.a) and seg.j2 < len(al.b) and al.a[seg.i2].stem == al.b[seg.j2].stem:
            return al.span("a", seg.i1, seg.i2 + 1), al.span("b", seg.j1, seg.j2 + 1)
    return None


# (counts written as words too, "Fourteen people were rescued"; not "one", which is as often
# someone, nor ordinals, halves or scales, which count nothing alone)
_COUNT_WORDS = "|".join(
    sorted(
        w
        for w in NUMBER_WORDS
        if w not in ("one", "zero", "first", "second", "third", "fourth", "fifth", "half")
        and w not in ("hundred", "thousand", "million", "billion", "trillion", "dozen")
    )
)
_VALUE_WORD = re.compile(rf"\d[\d,.]*|\b(?:{DATE_NAMES})\b|\b(?i:{_COUNT_WORDS})\b")


_NAME_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]+")


def _name_words(text: str) -> frozenset[str]:
    """The capitalised words of a sentence but its first (and any after a full stop), days
    and months left out: its names, roughly."""
    return frozenset(_NAME_WORD.findall(text)) - _DATE_NAMES


_DATE_NAMES = frozenset(w.capitalize() for w in MONTHS + WEEKDAYS)


def _value_words(text: str) -> frozenset[str]:
    """The numbers and date words a sentence writes."""
    return frozenset(_VALUE_WORD.findall(text))


def _one_statement_findings(best, corpus, text: str) -> list:
    """The number, date or negation findings between a sentence and ``best``, another source's
    telling of it, where the two tell one statement; none where they tell two."""
    from .classify import _segment_conflicts

    if best.related < SAME_STATEMENT or best.coverage < 0.6:
        if best.related >= TOLL_RELATED and (toll := _toll_conflict(text, best.sentence.text)):
            return [toll]
        return []
    al = best.alignment
    # one statement told two ways differs in one place; sentences that differ in several
    # places (another body, another place and another number) are different statements
    content_diffs = [
        seg
        for seg in al.segments()
        if any(w.key not in FUNCTION_WORDS for w in al.a[seg.i1 : seg.i2] + al.b[seg.j1 : seg.j2])
    ]
    kinds: tuple[str, ...] = ("number", "date", "negation")
    if len(content_diffs) == 1 and best.related >= 0.8 and not _states_a_value(al, content_diffs[0]):
        # one stretch differs, and more than a value in it: "approved" / "rejected" is a
        # conflict; "rejected 173" / "paused 33" is another statement, not another number
        kinds = ("negation",)
    elif len(content_diffs) != 1 or best.related < 0.8:
        # told in other words: in the clause where a value differs, nothing else differs
        # but rewording
        values = [seg for seg in content_diffs if _states_a_value(al, seg)]
        if len(values) != 1:
            return []
        lo, hi = _clause_of(al, values[0])
        if any(
            seg is not values[0] and seg.i1 < hi and seg.i2 > lo and not _rewording(al, seg) for seg in content_diffs
        ):
            return []
        if any(seg is not values[0] and _names_another(al, seg) for seg in content_diffs):
            return []  # said by someone else, of somewhere else: another statement
        kinds = ("number", "date")
    return [f for f in _segment_conflicts(best, corpus, text) if f.type in kinds]


# A toll: how many died, or were hurt, as a story of a disaster or an attack gives it, which
# two sources often give in other words ("At least five people have died after a road bridge
# collapsed ..." / "Six people were killed when a bridge ... collapsed"): one statement if the
# sentences are alike enough to be about one event, whatever else they say in other words.
TOLL_RELATED = 0.5
_HEDGE = r"(?:at least|more than|over|about|around|nearly|almost)\s+"  # ("At least five" is five)
_TOLL_COUNT = rf"(?:{_HEDGE})?(?:\d[\d,]*|{_COUNT_WORDS})"
_TOLLS = {
    kind: re.compile(
        rf"\b(?P<n>{_TOLL_COUNT})\s+(?:(?:people|persons|men|women|children|adults|pupils|passengers|"
        rf"soldiers|civilians|workers|residents|others)\s+)?(?:(?:have|had|were|are|has|was)\s+(?:been\s+)?)?"
        rf"(?:(?:confirmed|reported|now|feared|believed)\s+)?(?:{verbs})\b"
        rf"|\b(?:{verbs})\s+(?P<m>{_TOLL_COUNT})\b(?!\s*(?:years?|months?|weeks?|days?|hours?|minutes?|per\s?cent|%))",
        re.I,
    )
    for kind, verbs in (("died", "died|dead|killed|drowned|perished"), ("hurt", "injured|hurt|wounded"))
}


def _has_toll(text: str) -> bool:
    return any(p.search(text) for p in _TOLLS.values())


def _toll_conflict(a: str, b: str):
    """A number finding where the two sentences give another toll of one kind (the dead, or
    the hurt), each giving one; None otherwise."""
    from .classify import _values
    from .model import Finding

    for pattern in _TOLLS.values():
        ma, mb = pattern.findall(a), pattern.findall(b)
        if len(ma) != 1 or len(mb) != 1:
            continue
        x, y = (next(v for v in pair if v) for pair in (ma[0], mb[0]))
        vx, vy = (_values([re.sub(rf"^{_HEDGE}", "", v, flags=re.I)]) for v in (x, y))
        if vx != vy:
            return Finding("number", "error", f"the source says '{y}', the item says '{x}'", y, x)
    return None


# what a number is written with: "£2.1bn", "5m", "70 per cent", "2.5pc", "1990s", "3rd"
_UNITS = frozenset({"bn", "m", "mn", "k", "tn", "per", "cent", "percent", "pc", "s", "st", "nd", "rd", "th"})


def _states_a_value(al, seg) -> bool:
    """Whether a differing stretch is a value on both sides and nothing else: a number or a
    date word, with at most function words ("seven" / "six", "on Wednesday" / "on
    Thursday"); not "rejected 173" / "paused 33", which is another statement."""

    def only_values(ws):
        ws = [w for w in ws if not w.special]
        return any(map(_is_value, ws)) and all(_is_value(w) or w.key in FUNCTION_WORDS or w.key in _UNITS for w in ws)

    return only_values(al.a[seg.i1 : seg.i2]) and only_values(al.b[seg.j1 : seg.j2])


# what a telling may say differently and still tell the same thing: who reported it
_REPORTING = frozenset(
    {"police", "authorities", "officials", "officers", "spokesperson", "spokesman", "spokeswoman", "according"}
    | set(SPEECH_VERBS.split("|"))
)


def _rewording(al, seg) -> bool:
    """Whether a stretch where two tellings of one statement differ is only a rewording:
    function words ("across" / "in"), who reported it ("police said" / "authorities said"),
    a title word ("Secretary" / "Minister"), a name spelled two ways ("Babet" / "Babette"), a
    date moved ("on Friday, police said" / "authorities said Friday"), or words one telling
    adds that name nothing and count nothing ("a rare red warning"). Not a negation, a
    number, a name, or one word for another ("flood defences" / "port upgrades": another
    statement)."""
    xs = [w for w in al.a[seg.i1 : seg.i2] if not w.special]
    ys = [w for w in al.b[seg.j1 : seg.j2] if not w.special]
    if any(w.key in NEGATORS or w.key.endswith("n't") for w in xs + ys):
        return False
    xs = [w for w in xs if w.key not in FUNCTION_WORDS]
    ys = [w for w in ys if w.key not in FUNCTION_WORDS]
    if all(w.capital for w in xs + ys) and _spelled_two_ways(xs, ys):
        return True  # a variant, which the audit reports apart
    a_keys, b_keys = {w.key for w in al.a}, {w.key for w in al.b}

    def light(w, other_keys):
        k = w.key
        if _is_value(w):
            return k in other_keys and not _is_numeral(k)  # a day or a month moved
        return k in _REPORTING or k in TITLE_WORDS

    if all(light(w, b_keys) for w in xs) and all(light(w, a_keys) for w in ys):
        return True
    added = xs or ys
    return not (xs and ys) and all(not w.capital and not _is_value(w) for w in added)


def _is_numeral(key: str) -> bool:
    """A number written in figures, a currency's sign before it or not ("£2.1", "$1.2", "40")."""
    return key[:1].isdigit() or key[:1] in "$£€"


def _is_value(w) -> bool:
    """A word that states a value: a number (in figures or words) or a day or a month."""
    k = w.key
    return _is_numeral(k) or k in NUMBER_WORDS or k in WEEKDAYS or k in MONTHS


def _spelled_two_ways(xs, ys) -> bool:
    """One word against one, alike in their letters: a name spelled two ways ("Babet" /
    "Babette")."""
    return len(xs) == 1 and len(ys) == 1 and fuzz.ratio(xs[0].key, ys[0].key) >= 75


def _names_another(al, seg) -> bool:
    """Whether a differing stretch names someone or something the other telling does not
    (a title word, a name spelled two ways, a name moved are no other name)."""
    xs = [w for w in al.a[seg.i1 : seg.i2] if w.capital and not w.special]
    ys = [w for w in al.b[seg.j1 : seg.j2] if w.capital and not w.special]
    if _spelled_two_ways(xs, ys):
        return False
    a_keys, b_keys = {w.key for w in al.a}, {w.key for w in al.b}
    return any(w.key not in TITLE_WORDS and w.key not in b_keys for w in xs) or any(
        w.key not in TITLE_WORDS and w.key not in a_keys for w in ys
    )


_CLAUSE_MARK = re.compile(r"[,;:]|\s-+\s")


def _clause_of(al, seg) -> tuple[int, int]:
    """The words of side ``a`` in the clause (between commas, semicolons or dashes) where
    ``seg`` starts."""
    text = al.texts[0] if al.texts else None
    if text is None or seg.i1 >= len(al.a):
        return 0, len(al.a)
    at = al.a[seg.i1].start
    lo = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, at)), default=0)
    m = _CLAUSE_MARK.search(text, at)
    hi = m.start() if m else len(text)
    inside = [i for i, w in enumerate(al.a) if lo <= w.start < hi]
    return (inside[0], inside[-1] + 1) if inside else (seg.i1, seg.i2)


_ESTABLISHED = re.compile(
    r"\b(established|founded|created|set up|launched|formed|opened)\b[^.]{0,80}?"
    r"\b(last year|last month|in \d{4}|earlier this year|years ago|since \d{4}|late last year|early last year)\b",
    re.I,
)
_NEW = re.compile(
    r"\b(newly[- ]created|newly[- ]formed|newly[- ]established|(?:will |to )?set(?:s)? up a new|a new|will establish|will create|to create)\b",
    re.I,
)


# a word that may say when a body began: every sentence of the archive is searched for one
_STATUS = "established|founded|created|set up|sets up|launched|formed|opened|new|newly|establish|create"
_STATUS_WORDS = re.compile(r"\b" + alternation(sorted(_STATUS.split("|"))) + r"\b", re.I)
# the same for lower-case text (see _folded), passing over at once what no status word starts with
_STATUS_WORDS_LOWER = re.compile(r"(?=[ceflnos])" + _STATUS_WORDS.pattern)


def _says_status(text: str) -> bool:
    """Whether ``text`` has a status word (``_STATUS_WORDS``)."""
    pattern, searched = _folded(text, _STATUS_WORDS_LOWER, _STATUS_WORDS)
    return pattern.search(searched) is not None


class _Body:
    """A body's name found by :func:`_bodies`: up to three words and an organisation's head."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self, _n: int = 1) -> str:
        return self._text[self._start : self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_WORDS_BEFORE = re.compile(r"(?:[A-Za-z]+\s+){1,3}$")


def _bodies(text: str) -> list[_Body]:
    """Each organisation's head word with the (up to three) words before it, left to right and
    not overlapping: "the Lagos Health Institute". The same matches as the pattern with the
    words first, ``((?:[A-Za-z]+\\s+){0,3}?(?:head|...))\\b``, found from the heads back
    instead of trying that pattern at every character of every sentence (which was most of
    a large archive's status search)."""
    found = _head_matches(text)
    out, done = [], 0
    while True:
        best = None  # (start, head): the match that starts leftmost wins, as in a scan
        for h in found:
            if h.start() < done:
                continue
            if best is not None and h.start() > best[0] + 200:
                break  # three words before a later head cannot start this far left
            lead = _WORDS_BEFORE.search(text, max(done, h.start() - 200), h.start())
            start = lead.start() if lead else h.start()
            if best is None or start < best[0]:
                best = (start, h)
        if best is None:
            return out
        out.append(_Body(text, best[0], best[1].end()))
        done = best[1].end()


def status_conflicts(corpus, collected: _Collected | None = None) -> list[Conflict]:
    """Candidates: one source says a body was set up in the past, another that it is new.

    The body is matched by its head words ("AI safety institute" in any case), and the
    country the sentence names, so "its own AI safety institute" and "a newly-created
    Australian AI Safety Institute" meet.
    """
    found: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for src, (head, kind, start, end) in (collected or _collect(corpus)).status:
        found[head][kind].append(_holder(src, start, end))
    out = []
    for head, kinds in sorted(found.items()):
        if len(kinds) < 2:
            continue
        srcs = {k: sorted({h["source"] for h in hs}) for k, hs in kinds.items()}
        if set(srcs["established"]) == set(srcs["new"]):
            continue
        out.append(
            Conflict(
                f"status:{_slug(head)}",
                "status",
                "warning",
                f"candidate: the {head} was already established ({', '.join(srcs['established'])}) "
                f"or is new / being set up ({', '.join(srcs['new'])})",
                [
                    {"text": "already established", "holders": kinds["established"]},
                    {"text": "new / being set up", "holders": kinds["new"]},
                ],
            )
        )
    return out


def find_conflicts(corpus, facts: bool = True) -> list[Conflict]:
    """Every conflict; ``facts=False`` leaves out the searches that go item by item (facts and
    quotes), which ``check`` makes only around its own evidence."""
    collected = _collect(corpus)  # what each source brings, read once
    conflicts = entity_variants(corpus, collected)
    if facts:
        conflicts += quote_conflicts(corpus)
    conflicts += role_conflicts(corpus, collected)
    if facts:
        conflicts += fact_conflicts(corpus)
    conflicts += status_conflicts(corpus, collected)
    conflicts.sort(key=lambda c: (-SEVERITY_RANK[c.severity], c.type, c.id))
    return conflicts
