"""factcheck at archive scale, against brute force.

    python benchmarks/bench.py --sentences 10000 --claims 1000 --json

Generates a seeded synthetic archive of news-like sentences (names, titles, numbers, dates,
quotes with speakers) and claims with known answers (verbatim, one word changed, speaker
swapped, fabricated), then measures in one run: index build rate, check throughput, p50/p95
latency of a 40-item draft, peak RSS, and, on the same claims, the brute-force reference
(rapidfuzz ``process.extractOne`` over every sentence): speedup and agreement of top evidence.
Prints one JSON object. Brute force is timed on a sample of claims (``--brute-sample``) and
scaled; the output says so.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process

from factcheck import Claim, build_index, check_claims, load_sources
from factcheck.claims import parse_draft_text

FIRST = [
    "Amelia",
    "Oliver",
    "Isla",
    "George",
    "Ava",
    "Noah",
    "Mia",
    "Arthur",
    "Ivy",
    "Leo",
    "Grace",
    "Oscar",
    "Freya",
    "Harry",
    "Lily",
    "Jack",
    "Rosie",
    "Henry",
    "Ella",
    "Thomas",
    "Sofia",
    "Jacob",
    "Chloe",
    "Alfie",
    "Evie",
    "Charlie",
    "Ruby",
    "Theo",
    "Zara",
    "Ethan",
    "Maya",
    "Samuel",
    "Nina",
    "Daniel",
    "Priya",
    "Omar",
    "Hana",
    "Kenji",
    "Aisha",
    "Mateo",
    "Elena",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Haddad",
    "Novak",
    "Brennan",
    "Castillo",
    "Petrova",
    "Adeyemi",
    "Kowalski",
    "Farouk",
    "Santos",
    "Whitfield",
    "Nakamura",
    "Delacroix",
    "Osei",
    "Varga",
    "Huang",
    "Mbeki",
    "Rossi",
    "Fischer",
    "Kaur",
    "Dubois",
    "Eriksen",
    "Mahmoud",
    "Quinn",
    "Abara",
    "Sorensen",
    "Ivanova",
    "Byrne",
    "Takahashi",
    "Mensah",
    "Laurent",
    "Nowak",
    "Cardoso",
    "Ito",
    "Pereira",
    "Schmidt",
    "Andersen",
]
PORTFOLIOS = [
    "health",
    "education",
    "transport",
    "energy",
    "housing",
    "defence",
    "trade",
    "science",
    "culture",
    "justice",
    "environment",
    "finance",
    "agriculture",
    "digital affairs",
    "employment",
]
PLACES = [
    "Leeds",
    "Glasgow",
    "Cardiff",
    "Belfast",
    "Bristol",
    "Perth",
    "Adelaide",
    "Auckland",
    "Toronto",
    "Lyon",
    "Porto",
    "Dublin",
    "Oslo",
    "Gdansk",
    "Osaka",
    "Nairobi",
    "Lagos",
    "Austin",
    "Denver",
    "Hobart",
]
ORGS = ["Institute", "Agency", "Council", "Authority", "Commission", "Board", "Office", "Centre", "Foundation", "Trust"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
TOPICS = [
    "flood defences",
    "rural broadband",
    "bus routes",
    "school meals",
    "nurse training",
    "solar farms",
    "port upgrades",
    "rail signalling",
    "water quality",
    "library funding",
    "cyber security",
    "housing repairs",
    "air quality",
    "coastal erosion",
    "hospital beds",
]
VERBS = [
    "approved",
    "announced",
    "rejected",
    "delayed",
    "expanded",
    "reviewed",
    "funded",
    "cancelled",
    "launched",
    "paused",
]
NEWS = [
    "quantum",
    "zeppelin",
    "xylophone",
    "marmalade",
    "volcanic",
    "tapestry",
    "origami",
    "lighthouse",
    "sandstone",
    "kaleidoscope",
]


class World:
    def __init__(self, rng: random.Random, n_people: int = 400):
        self.rng = rng
        self.people = []
        seen = set()
        while len(self.people) < n_people:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if name not in seen:
                seen.add(name)
                self.people.append((name, f"minister for {rng.choice(PORTFOLIOS)}"))
        self.orgs = [
            f"{p} {t} {o}" for p in PLACES for t in ("Water", "Transport", "Health", "Science") for o in ORGS[:3]
        ]

    def sentence(self) -> tuple[str, dict]:
        r = self.rng
        kind = r.random()
        person, title = r.choice(self.people)
        org = r.choice(self.orgs)
        n = r.randint(2, 950)
        year = r.randint(2015, 2029)
        day = r.choice(WEEKDAYS)
        topic = r.choice(TOPICS)
        place = r.choice(PLACES)
        if kind < 0.3:
            quote = f"We will spend {n} million pounds on {topic} in {place} by {year}"
            return f'"{quote}," said {title} {person}.', {"quote": quote, "speaker": person, "n": n}
        if kind < 0.55:
            return (
                f"The {org} {r.choice(VERBS)} {n} new {topic} projects in {place} on {day}, officials said.",
                {"n": n, "day": day},
            )
        if kind < 0.8:
            return (
                f"{person}, the {title}, said the {org} would review {topic} in {r.choice(MONTHS)} {year}.",
                {"year": year},
            )
        return (
            f"In {year}, the {org} recorded {n} complaints about {topic} across {place} and nearby towns.",
            {"n": n, "year": year},
        )


def generate(folder: Path, n_sentences: int, seed: int, per_article: int = 25):
    rng = random.Random(seed)
    world = World(rng)
    folder.mkdir(parents=True, exist_ok=True)
    facts = []
    seen = set()
    article = 0
    written = 0
    while written < n_sentences:
        lines = []
        for _ in range(min(per_article, n_sentences - written)):
            s, info = world.sentence()
            while s in seen:
                s, info = world.sentence()
            seen.add(s)
            lines.append(s)
            facts.append((s, info))
            written += 1
        (folder / f"article-{article:06d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        article += 1
    return world, facts


def make_claims(world: World, facts, m: int, seed: int) -> list[tuple[Claim, str]]:
    rng = random.Random(seed + 1)
    out = []
    for i in range(m):
        s, info = rng.choice(facts)
        kind = i % 4
        if kind == 0:  # verbatim
            if "quote" in info:
                c = Claim(f"c{i}", "bench", i + 1, 1, "quote", info["quote"], info["speaker"])
            else:
                c = Claim(f"c{i}", "bench", i + 1, 1, "claim", s)
            out.append((c, "verified", s))
        elif kind == 1:  # one word changed
            n = info.get("n")
            if n is not None and str(n) in s and "quote" not in info:
                changed = s.replace(str(n), str(n + 7), 1)
                out.append((Claim(f"c{i}", "bench", i + 1, 1, "claim", changed), "contradicted", s))
            elif "quote" in info:
                words = info["quote"].split()
                words[2] = "save"
                out.append(
                    (Claim(f"c{i}", "bench", i + 1, 1, "quote", " ".join(words), info["speaker"]), "misquote", s)
                )
            else:
                year = info["year"]
                changed = s.replace(str(year), str(year + 1), 1)
                out.append((Claim(f"c{i}", "bench", i + 1, 1, "claim", changed), "contradicted", s))
        elif kind == 2:  # speaker swapped
            quoted = [(fs, fi) for fs, fi in facts if "quote" in fi]
            fs, fi = rng.choice(quoted)
            other = rng.choice([p for p, _ in world.people if p != fi["speaker"]])
            out.append((Claim(f"c{i}", "bench", i + 1, 1, "quote", fi["quote"], other), "misattributed", fs))
        else:  # fabricated
            text = f"The {rng.choice(NEWS)} {rng.choice(NEWS)} festival drew {rng.randint(3, 99)} {rng.choice(NEWS)} crowds."
            out.append((Claim(f"c{i}", "bench", i + 1, 1, "claim", text), "unsupported", None))
    return out


def peak_rss_mb() -> dict:
    """Peak resident memory of this process, and of the largest of its finished children (the
    index build's and the check's worker processes; pages they share with this process are
    counted in both)."""
    return {
        "self": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "children": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


def phase_generate(work: Path, n_sentences: int, n_claims: int, seed: int) -> dict:
    """A process of its own: the archive and the claims written, and nothing kept in memory
    that the timed processes would run beside (see RESULTS.md)."""
    folder = work / "sources"
    if folder.exists():
        shutil.rmtree(folder)
    t0 = time.perf_counter()
    world, facts = generate(folder, n_sentences, seed)
    gen_s = time.perf_counter() - t0
    claims = make_claims(world, facts, n_claims, seed)
    rng = random.Random(seed + 2)
    draft = "\n".join(
        f'"{c.text}," said {c.speaker}.' if c.kind == "quote" else c.text for c, _, _ in rng.sample(claims, 40)
    )
    (work / "claims.json").write_text(
        json.dumps(
            {
                "claims": [
                    {
                        "id": c.id,
                        "line": c.line,
                        "kind": c.kind,
                        "text": c.text,
                        "speaker": c.speaker,
                        "want": want,
                        "origin": origin,  # the sentence the claim was made from, if any
                    }
                    for c, want, origin in claims
                ],
                "draft": draft + "\n",
            }
        ),
        encoding="utf-8",
    )
    return {"generate_s": gen_s}


def phase_build(work: Path) -> dict:
    """A fresh process, as `factcheck index` is: the archive analysed and indexed."""
    t0 = time.perf_counter()
    built = build_index(work / "sources", work / "index.sqlite")
    build_s = time.perf_counter() - t0
    return {"sentences": built.sentences, "build_s": build_s, "rss": peak_rss_mb()}


def _claim(d: dict) -> Claim:
    return Claim(d["id"], "bench", d["line"], 1, d["kind"], d["text"], d["speaker"])


def _usage() -> dict:
    """CPU seconds (user, system) and page faults of this process and its reaped children."""
    out = {}
    for who, flag in (("self", resource.RUSAGE_SELF), ("workers", resource.RUSAGE_CHILDREN)):
        u = resource.getrusage(flag)
        out |= {f"{who}_user_s": u.ru_utime, f"{who}_sys_s": u.ru_stime, f"{who}_minor_faults": u.ru_minflt}
    return out


def phase_check(work: Path, draft_runs: int) -> dict:
    """A fresh process, as `factcheck check` is: the index loaded, the claims checked, the
    40-item draft checked again and again."""
    data = json.loads((work / "claims.json").read_text(encoding="utf-8"))
    claims = [_claim(d) for d in data["claims"]]
    t0 = time.perf_counter()
    corpus = load_sources(work / "sources", index=work / "index.sqlite")
    reload_s = time.perf_counter() - t0
    before = _usage()
    t0 = time.perf_counter()
    items = check_claims(claims, corpus)
    check_s = time.perf_counter() - t0
    usage = {k: round(v - before[k], 3) for k, v in _usage().items()}
    correct = sum(1 for it, d in zip(items, data["claims"], strict=True) if it.verdict == d["want"])

    def top_sentence(it):
        if not it.evidence or it.score < 50:
            return None
        e = it.evidence[0]
        s = next((x for x in corpus.source(e.source).sentences if x.start <= e.start < x.end), None)
        return [s.source, s.index] if s else None

    lat = []
    for _ in range(draft_runs):
        t0 = time.perf_counter()
        parsed = parse_draft_text(data["draft"], "draft.md", corpus.registry)
        check_claims(parsed.claims, corpus)
        lat.append(time.perf_counter() - t0)
    lat.sort()
    return {
        "reload_s": reload_s,
        "check_s": check_s,
        "correct": correct,
        "tops": [top_sentence(it) for it in items],
        "draft_p50": lat[len(lat) // 2],
        "draft_p95": lat[min(len(lat) - 1, int(0.95 * len(lat)))],
        "rss": peak_rss_mb(),
        "check_usage": usage,
    }


def run_phase(name: str, work: Path, *extra: str) -> dict:
    out = work / f"{name}.json"
    cmd = [sys.executable, __file__, "--phase", name, "--workdir", str(work), *extra]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=10_000)
    ap.add_argument("--claims", type=int, default=1_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--brute-sample", type=int, default=200, help="claims timed by brute force (scaled to all)")
    ap.add_argument("--draft-runs", type=int, default=20)
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--json", action="store_true", help="print only the JSON object")
    ap.add_argument("--phase", choices=["generate", "build", "check"], help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase:  # run by main() in a process of its own, so its memory is its own
        work = Path(args.workdir)
        if args.phase == "generate":
            result = phase_generate(work, args.sentences, args.claims, args.seed)
        elif args.phase == "build":
            result = phase_build(work)
        else:
            result = phase_check(work, args.draft_runs)
        (work / f"{args.phase}.json").write_text(json.dumps(result), encoding="utf-8")
        return

    work = Path(args.workdir or tempfile.mkdtemp(prefix="factcheck-bench-"))
    folder = work / "sources"
    index_path = work / "index.sqlite"
    if index_path.exists():
        index_path.unlink()
    # this process only starts the others until brute force, and holds nothing of the archive
    # while they are timed: a process holding a large heap slowed them in a test (RESULTS.md)
    sizes = ("--sentences", str(args.sentences), "--claims", str(args.claims), "--seed", str(args.seed))
    gen_s = run_phase("generate", work, *sizes)["generate_s"]
    build = run_phase("build", work)
    checked = run_phase("check", work, "--draft-runs", str(args.draft_runs))
    n_sent = build["sentences"]

    claims = [
        (_claim(d), d["want"], d["origin"])
        for d in json.loads((work / "claims.json").read_text(encoding="utf-8"))["claims"]
    ]
    # brute force: rapidfuzz over every sentence, on a sample of the same claims
    corpus = load_sources(folder, index=index_path)
    texts, keys = [], []
    for src in corpus.sources:
        for s in src.sentences:
            texts.append(s.text)
            keys.append([s.source, s.index])
    del corpus
    sample = claims[: args.brute_sample]
    t0 = time.perf_counter()
    brute = [process.extractOne(c.text, texts, scorer=fuzz.WRatio, score_cutoff=70) for c, _, _ in sample]
    brute_s = (time.perf_counter() - t0) * len(claims) / len(sample)
    where = dict(zip(texts, keys, strict=True))  # the archive's sentences are distinct
    text_of = {tuple(k): t for t, k in zip(texts, keys, strict=True)}
    agree = answerable = agree_answerable = agree_or_tied = mine_right = brute_right = agree_brute_right = 0
    for (c, _want, origin), mine, b in zip(sample, checked["tops"], brute, strict=False):
        theirs = keys[b[2]] if b else None
        agree += mine == theirs
        if origin is not None:
            answerable += 1
            agree_answerable += mine == theirs
            # extractOne keeps the first of the sentences that share its best score, in
            # archive order: ours is one of brute force's best if WRatio scores it as high
            tied = mine is not None and b is not None and fuzz.WRatio(c.text, text_of[tuple(mine)]) >= b[1] - 1e-9
            agree_or_tied += mine == theirs or tied
            right = where.get(origin)  # the sentence the claim was made from
            mine_right += mine == right
            brute_right += theirs == right
            agree_brute_right += theirs == right and mine == theirs
    ours_right_all = sum(
        1
        for (_c, _w, origin), mine in zip(claims, checked["tops"], strict=True)
        if origin and mine == where.get(origin)
    )
    n_answerable_all = sum(1 for _c, _w, origin in claims if origin)
    del texts, keys, where

    # a megabyte-long paragraph with no full stop, as a source and as a draft: bounded time
    long_dir = work / "long"
    long_dir.mkdir(exist_ok=True)
    (long_dir / "long.txt").write_text("the committee continued its review " * 30_000 + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    long_corpus = load_sources(long_dir)
    parsed = parse_draft_text("the committee kept reviewing " * 35_000 + "\n", "long.md", long_corpus.registry)
    check_claims(parsed.claims, long_corpus)
    long_s = time.perf_counter() - t0

    result = {
        "sentences": n_sent,
        "claims": len(claims),
        "generate_s": round(gen_s, 2),
        "index_build_s": round(build["build_s"], 2),
        "index_build_sentences_per_s": round(n_sent / build["build_s"]),
        "index_build_peak_rss_mb": build["rss"],
        "index_reload_s": round(checked["reload_s"], 2),
        "check_s": round(checked["check_s"], 3),
        "check_claims_per_s": round(len(claims) / checked["check_s"], 1),
        "verdict_accuracy": round(checked["correct"] / len(claims), 4),
        "draft40_p50_ms": round(1000 * checked["draft_p50"], 1),
        "draft40_p95_ms": round(1000 * checked["draft_p95"], 1),
        # the check process (index loaded, claims and drafts checked) and its largest worker
        "peak_rss_mb": checked["rss"]["self"],
        "check_worker_peak_rss_mb": checked["rss"]["children"],
        # CPU seconds and page faults of the check, in this process and its worker: after the
        # fork, each page either writes (a reference count is a write) is copied
        "check_usage": checked["check_usage"],
        "bruteforce_s_scaled": round(brute_s, 2),
        "bruteforce_sample": len(sample),
        "bruteforce_scorer": "rapidfuzz.fuzz.WRatio, score_cutoff=70",
        "speedup_vs_bruteforce": round(brute_s / checked["check_s"], 1),
        # top evidence is meaningful only where the archive holds the answer: fabricated
        # claims have none, and which near miss each side names there is noise
        "agreement": round(agree_answerable / max(answerable, 1), 4),
        "agreement_answerable_claims": answerable,
        "agreement_all_claims": round(agree / len(sample), 4),
        # ties: where several sentences share brute force's best score, ours being one of them
        "agreement_counting_ties": round(agree_or_tied / max(answerable, 1), 4),
        # the sentence each answerable claim was made from is known: who names it?
        "agreement_where_bruteforce_names_the_source_sentence": round(agree_brute_right / max(brute_right, 1), 4),
        "bruteforce_names_the_source_sentence": round(brute_right / max(answerable, 1), 4),
        "ours_names_the_source_sentence": round(mine_right / max(answerable, 1), 4),
        "ours_names_the_source_sentence_all_claims": round(ours_right_all / max(n_answerable_all, 1), 4),
        "long_paragraph_1mb_s": round(long_s, 2),
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
