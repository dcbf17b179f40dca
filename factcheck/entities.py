"""People, organisations, roles, numbers and dates in text; alias clusters across sources."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .normalise import STOPWORDS, Token, alternation, tokenize, word_key

# --- word lists: general knowledge about news English, not about any one article ----------

# fmt: off
HONORIFICS = {
    'dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
    'baroness', 'baron', 'rev', 'reverend', 'sen', 'senator', 'rep', 'gov', 'judge', 'justice',
    'lt', 'gen', 'col', 'maj', 'capt', 'sgt', 'cpl', 'adm', 'admiral', 'general', 'lieutenant',
    'colonel', 'major', 'captain', 'sergeant', 'commander', 'brigadier', 'marshal', 'king',
    'queen', 'prince', 'princess', 'pope', 'cardinal', 'bishop', 'archbishop', 'rabbi', 'imam',
    'sheikh', 'president', 'chancellor', 'premier',
    # British local and police titles: "Cllr Joanna Price", "Det Supt Ann Lowe", "Fr Tom Byrne",
    # "Constable Alan Briggs" ("Inspector" and "Superintendent" head titles)
    'cllr', 'supt', 'insp', 'det', 'hon', 'fr', 'constable', 'dci',
    # and as the BBC abbreviates them: "Det Ch Insp Laura Hines", "PC Andrew Harper", "DS Mark Rowe"
    # (not "DI", which opens Italian surnames: "Di Canio said")
    'ch', 'pc', 'dc', 'ds', 'dsupt',
    # the bench: "Recorder Jane Hill"
    'recorder',
    # a ward's and a parish's: "Sister Abena Owusu", "Father Tom Byrne"
    'sister', 'father',
}
# offices called "... General", which are no military rank
GENERAL_OFFICES = frozenset({
    'attorney', 'solicitor', 'surgeon', 'inspector', 'auditor', 'postmaster', 'secretary', 'director',
    'consul', 'governor', 'procurator', 'advocate', 'comptroller', 'registrar', 'accountant', 'paymaster',
})


def office_general(before: str, word: str) -> bool:
    """Whether ``word``, after ``before``, is the "General" of an office, not a military rank:
    "Attorney General Merrick Garland"."""
    return word.lower() == "general" and before.lower() in GENERAL_OFFICES


# words that say what kind of rank the honorific after them is: "Detective Sergeant"
RANK_KINDS = frozenset({'detective', 'police', 'staff', 'flight', 'squadron', 'wing', 'lance', 'rear'})
# letters after a name: honours, offices, generations ("James Lowe KC", "Jane Doe MP")
POST_NOMINALS = frozenset({
    'KC', 'QC', 'SC', 'MP', 'MEP', 'MSP', 'MS', 'AM', 'MLA', 'TD', 'OBE', 'MBE', 'CBE', 'KBE', 'DBE', 'CH',
    'OM', 'VC', 'PhD', 'FRS', 'Jr', 'Sr', 'II', 'III', 'IV',
})
# honorifics of the bench, whom "the judge" names as it names a Judge
_JUDGES = frozenset({'justice', 'recorder'})
# Abbreviations that take a full stop inside a name or before one ("Dr. Jane Smith", "Sen.
# Patty Murray", "Martin Luther King Jr."), as written; Punkt knows each of them too
# (normalise.ABBREVIATIONS), so that no sentence ends at one
NAME_ABBREVIATIONS = (
    "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "Rev", "Hon", "Sen", "Rep", "Gov", "Pres", "Lt", "Gen",
    "Col", "Maj", "Capt", "Sgt", "Cpl", "Adm", "Supt", "Cllr", "Fr", "St", "Jr", "Sr",
)
# Words that head a title ("assistant minister for science", "chief executive").
ROLE_HEADS = {
    'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'director',
    'executive', 'chief', 'president', 'chair', 'chairman', 'chairwoman', 'chairperson', 'head',
    'leader', 'commissioner', 'ambassador', 'governor', 'senator', 'mayor', 'professor',
    'officer', 'adviser', 'advisor', 'editor', 'analyst', 'founder', 'ceo', 'cto', 'cfo', 'coo',
    'chancellor', 'treasurer', 'premier', 'envoy', 'general', 'attorney', 'counsel',
    'researcher', 'scientist', 'economist', 'correspondent', 'journalist', 'reporter',
    'manager', 'deputy', 'mp', 'mep', 'congressman', 'congresswoman', 'representative',
    'lawmaker', 'diplomat', 'principal', 'dean', 'lecturer', 'fellow', 'partner', 'strategist',
    'consultant', 'expert', 'speaker', 'official', 'prosecutor', 'campaigner', 'activist',
    'coach', 'inspector', 'superintendent', 'sheriff', 'councillor', 'councilman', 'councilwoman',
    # who a feature's or a vox pop's people are: "Headteacher Ruth Adeyemi", "Parent Gary Holt"
    'headteacher', 'headmaster', 'headmistress', 'teacher', 'nurse', 'surgeon', 'lawyer',
    'solicitor', 'barrister', 'pupil', 'student', 'parent', 'resident', 'pensioner', 'farmer',
    'owner', 'volunteer', 'author', 'writer', 'historian', 'engineer', 'negotiator', 'trustee',
    # sport: "Arsenal boss Mikel Arteta", "City striker Erling Haaland"
    'boss', 'striker', 'midfielder', 'defender', 'goalkeeper', 'winger', 'player',
    # "Ireland fly-half Jack Crowley", "the England skipper", "Australia spinner Nathan Lyon" (not
    # Hooker, Bowler or Pitcher, which are surnames as often)
    'fly-half', 'out-half', 'scrum-half', 'full-back', 'centre-back', 'flanker', 'prop', 'skipper', 'batsman',
    'spinner', 'all-rounder', 'wicketkeeper', 'quarterback', 'playmaker', 'forward', 'champion',
    'captain',  # "England captain Harry Kane", "Former City captain Vincent Kompany"
    'taoiseach', 'tánaiste', 'tanaiste',  # Ireland's prime minister and deputy
    # the courts, the emergency services and the sciences: "Senior coroner David Ridley"
    'coroner', 'magistrate', 'pathologist', 'paramedic', 'firefighter', 'midwife', 'pharmacist',
    'physician', 'psychologist', 'psychiatrist', 'epidemiologist', 'virologist', 'meteorologist',
    'forecaster', 'astronomer', 'curator', 'architect', 'chef',
}
# Words that rank a title; a title that lacks one the sources give is another title.
RANK_WORDS = {
    'assistant', 'deputy', 'junior', 'shadow', 'acting', 'interim', 'vice', 'former',
    'associate', 'prime', 'senior', 'principal', 'lead', 'under', 'parliamentary', 'first',
    'second',
}
ORG_HEADS = {
    'institute', 'centre', 'center', 'department', 'ministry', 'office', 'agency', 'network',
    'council', 'commission', 'committee', 'government', 'university', 'college', 'school',
    'bank', 'fund', 'association', 'union', 'party', 'organisation', 'organization',
    'foundation', 'group', 'corporation', 'company', 'inc', 'ltd', 'plc', 'llc', 'summit',
    'declaration', 'deal', 'agreement', 'conference', 'forum', 'board', 'authority', 'service',
    'services', 'parliament', 'assembly', 'court', 'police', 'force', 'army', 'navy',
    'programme', 'program', 'alliance', 'initiative', 'treaty', 'understanding', 'framework',
    'partnership', 'coalition', 'bureau', 'administration', 'congress', 'senate', 'house',
    'society', 'trust', 'institution', 'labs', 'laboratory', 'lab', 'corp', 'co', 'holdings',
    'capital', 'media', 'news', 'times', 'post', 'press', 'bbc', 'reuters',
    'campaign', 'federation', 'confederation', 'league', 'club', 'hospital', 'museum', 'gallery',
    'library', 'academy', 'tribunal', 'airways', 'airlines', 'railway', 'railways', 'exchange',
    'consortium', 'secretariat', 'observatory', 'united', 'rovers', 'athletic', 'wanderers', 'albion',
    'hotspur', 'management', 'partners', 'investments', 'ventures', 'securities', 'technologies',
    'pharmaceuticals', 'motors',
}
PLACES = {
    'uk', 'britain', 'great britain', 'united kingdom', 'england', 'scotland', 'wales',
    'northern ireland', 'ireland', 'australia', 'us', 'usa', 'united states', 'america',
    'china', 'russia', 'france', 'germany', 'india', 'japan', 'canada', 'new zealand', 'eu',
    'europe', 'european union', 'asia', 'africa', 'london', 'canberra', 'washington',
    'brussels', 'paris', 'berlin', 'beijing', 'moscow', 'tokyo', 'sydney', 'melbourne', 'perth',
    'brisbane', 'wellington', 'ottawa', 'whitehall', 'westminster', 'indo-pacific', 'ukraine',
    'israel', 'iran', 'korea', 'north korea', 'south korea', 'taiwan', 'singapore', 'italy',
    'spain', 'netherlands', 'sweden', 'norway', 'finland', 'denmark', 'poland', 'brazil',
    'mexico', 'south africa', 'nigeria', 'kenya', 'egypt', 'saudi arabia', 'qatar', 'turkey',
    'pakistan', 'indonesia', 'vietnam', 'philippines', 'new york', 'california', 'texas',
    'edinburgh', 'cardiff', 'belfast', 'dublin', 'manchester', 'birmingham', 'glasgow',
    'pacific', 'atlantic', 'middle east', 'bletchley park', 'bletchley',
    # (not Jordan, Georgia or Chad: first names too)
    'hungary', 'greece', 'czech republic', 'czechia', 'austria', 'switzerland', 'belgium',
    'portugal', 'romania', 'bulgaria', 'croatia', 'serbia', 'slovakia', 'slovenia', 'estonia',
    'latvia', 'lithuania', 'iceland', 'malta', 'cyprus', 'belarus', 'armenia', 'azerbaijan',
    'kazakhstan', 'argentina', 'chile', 'colombia', 'peru', 'venezuela', 'cuba', 'ethiopia',
    'ghana', 'morocco', 'algeria', 'tunisia', 'libya', 'sudan', 'zimbabwe', 'uganda', 'tanzania',
    'thailand', 'malaysia', 'bangladesh', 'syria', 'iraq', 'afghanistan', 'lebanon', 'gaza',
    'united arab emirates', 'uae', 'mongolia', 'nepal',
}
DEMONYMS = {
    'british': 'britain', 'english': 'england', 'scottish': 'scotland', 'welsh': 'wales',
    'irish': 'ireland', 'australian': 'australia', 'american': 'united states', 'chinese':
    'china', 'russian': 'russia', 'french': 'france', 'german': 'germany', 'indian': 'india',
    'japanese': 'japan', 'canadian': 'canada', 'european': 'europe', 'ukrainian': 'ukraine',
    'israeli': 'israel', 'iranian': 'iran', 'korean': 'korea', 'taiwanese': 'taiwan', 'italian':
    'italy', 'spanish': 'spain', 'dutch': 'netherlands', 'swedish': 'sweden', 'polish':
    'poland', 'brazilian': 'brazil', 'mexican': 'mexico', 'western': 'west',
    'hungarian': 'hungary', 'greek': 'greece', 'turkish': 'turkey', 'czech': 'czech republic',
    'austrian': 'austria', 'swiss': 'switzerland', 'belgian': 'belgium', 'portuguese': 'portugal',
    'norwegian': 'norway', 'danish': 'denmark', 'finnish': 'finland', 'romanian': 'romania',
    'bulgarian': 'bulgaria', 'croatian': 'croatia', 'serbian': 'serbia', 'slovak': 'slovakia',
    'estonian': 'estonia', 'latvian': 'latvia', 'lithuanian': 'lithuania', 'icelandic': 'iceland',
    'argentine': 'argentina', 'argentinian': 'argentina', 'chilean': 'chile', 'colombian':
    'colombia', 'peruvian': 'peru', 'venezuelan': 'venezuela', 'cuban': 'cuba', 'nigerian':
    'nigeria', 'kenyan': 'kenya', 'egyptian': 'egypt', 'ethiopian': 'ethiopia', 'ghanaian':
    'ghana', 'moroccan': 'morocco', 'saudi': 'saudi arabia', 'emirati': 'united arab emirates',
    'qatari': 'qatar', 'pakistani': 'pakistan', 'bangladeshi': 'bangladesh', 'indonesian':
    'indonesia', 'vietnamese': 'vietnam', 'thai': 'thailand', 'filipino': 'philippines',
    'malaysian': 'malaysia', 'singaporean': 'singapore', 'syrian': 'syria', 'iraqi': 'iraq',
    'afghan': 'afghanistan', 'lebanese': 'lebanon', 'palestinian': 'palestine', 'belarusian':
    'belarus', 'armenian': 'armenia',
}
_ADJECTIVE_OF = {v: k for k, v in DEMONYMS.items()}  # 'australia' -> 'australian'
# The short forms a country goes by; one key for each country.
COUNTRY_KEYS = {
    'uk': 'uk', 'britain': 'uk', 'great britain': 'uk', 'united kingdom': 'uk', 'british': 'uk',
    'us': 'us', 'usa': 'us', 'united states': 'us', 'america': 'us', 'american': 'us',
    'australia': 'australia', 'australian': 'australia',
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
    'october', 'november', 'december',
]
MONTH_ABBR = {m[:3]: m for m in MONTHS} | {"sept": "september"}
# the names of days and months as a text writes them, for a regular expression
DATE_NAMES = "|".join(w.capitalize() for w in MONTHS + WEEKDAYS)
NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "dozen": 12,
    "half": 0.5,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
}
TEMPORAL_PREPOSITIONS = {
    'in', 'by', 'since', 'until', 'till', 'from', 'before', 'after', 'during', 'of', 'to',
    'through', 'between', 'early', 'late', 'mid',
}
NEGATORS = {
    'not', 'no', 'never', 'none', 'neither', 'nor', 'without', 'cannot', 'nobody', 'nothing',
    'nowhere', "n't",
}
PRONOUNS = {
    'he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'him', 'them',
}
NAME_PARTICLES = {
    'de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'bin', 'al', 'ibn', 'ter',
    'dos', 'del',
}
# what may open a surname written without its first name: the particles, and Saint ("St.
# Louis said" of Martin St. Louis)
SURNAME_LEADS = frozenset(NAME_PARTICLES | {'st'})
# Who someone is, written before their name where a sentence opens, as the popular press
# writes it: "Neighbour Pat Doyle", "Gran Edna Hobbs", "Brave Edna Hobbs" (see
# ``is_descriptor``). Only words that are no one's first name, and not surnames (Driver,
# Baker, Cook and Fisher are left out): one is cut only from a run of three words or more.
# fmt: off
NAME_DESCRIPTORS = {
    'neighbour', 'neighbor', 'witness', 'gran', 'granny', 'grandma', 'grandmother', 'grandad',
    'granddad', 'grandpa', 'grandfather', 'nan', 'nana', 'mum', 'mom', 'dad', 'widow', 'widower',
    'brave', 'tragic', 'heartbroken', 'devastated', 'distraught', 'plucky', 'heroic', 'tearful',
    'furious', 'fuming', 'terrified', 'shocked', 'grieving', 'jobless', 'homeless', 'schoolboy',
    'schoolgirl', 'teenager', 'teen', 'toddler', 'youngster', 'shopkeeper', 'landlord',
    'landlady', 'publican', 'shopper', 'commuter', 'passenger', 'cyclist', 'motorist', 'tenant',
    'homeowner', 'householder', 'survivor', 'victim', 'carer', 'businessman', 'businesswoman',
    'entrepreneur', 'millionaire', 'billionaire', 'tycoon', 'fisherman', 'builder', 'plumber',
    'electrician', 'mechanic', 'chef', 'paramedic', 'firefighter', 'midwife', 'villager',
    'customer', 'worker', 'footballer', 'retired', 'local', 'former', 'veteran',
    'presenter', 'broadcaster', 'singer', 'singer-songwriter', 'actor', 'actress', 'comedian',
    'novelist', 'musician', 'rapper', 'artist', 'designer', 'photographer', 'columnist',
    'dancer', 'guitarist', 'drummer', 'golfer', 'boxer', 'jockey', 'cricketer', 'swimmer',
    'sprinter', 'athlete', 'mourner', 'protester', 'fan', 'supporter', 'holidaymaker', 'tourist',
    'hiker', 'walker', 'rambler', 'patient', 'great-grandmother', 'great-grandfather', 'great-gran',
    'great-granny', 'great-grandma', 'great-grandad', 'pensioner', 'oap', 'regular', 'punter',
    'drinker', 'diner', 'resident',
}
# fmt: on
# "Mum-of-two Kelly Brown", "Father-of-three ..."
_SOMEONE_OF = re.compile(r"^[A-Za-z]+-of-[a-z]+$")
# "Quick-thinking Alfie", "Kind-hearted Jean", "Football-mad Tom": a compound adjective, which
# no name is (a double-barrelled name has a capital after its hyphen: "Nierop-Reading")
_COMPOUND_ADJECTIVE = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def is_descriptor(word: str) -> bool:
    """Whether a capitalised word before a name says who the person is rather than naming
    them ("Neighbour", "Mum-of-two")."""
    k = word.lower()
    return k in NAME_DESCRIPTORS or bool(_SOMEONE_OF.match(word)) or is_compound_adjective(word)


def is_compound_adjective(word: str) -> bool:
    """Whether a capitalised word is a compound adjective ("Quick-thinking"), which before a
    name says who the person is, even before a first name alone ("Quick-thinking Alfie")."""
    return bool(_COMPOUND_ADJECTIVE.match(word))


def leads_with_descriptor(first: str, n: int) -> bool:
    """Whether a run of ``n`` capitalised words opening with ``first`` opens with who someone
    is rather than their name: a descriptor before a full name ("Neighbour Pat Doyle"), or a
    compound adjective before a first name alone ("Quick-thinking Alfie")."""
    return is_descriptor(first) and (n >= 3 or (n == 2 and is_compound_adjective(first)))


# fmt: off
# Capitalised words that start sentences or headings but are not names.
NOT_NAMES = {
    'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'in', 'on', 'at', 'for',
    'and', 'but', 'or', 'so', 'yet', 'as', 'by', 'with', 'from', 'to', 'of', 'under', 'over',
    'after', 'before', 'since', 'while', 'when', 'where', 'why', 'how', 'what', 'who', 'which',
    'according', 'officials', 'ministers', 'researchers', 'experts', 'analysts', 'government',
    'ai', 'news', 'analysis', 'read', 'also', 'more', 'key', 'summary', 'comments', 'source',
    'currently', 'simultaneously', 'moreover', 'however', 'instead', 'through', 'during',
    'across', 'cutting-edge', 'collaboration', 'one', 'another', 'some', 'many', 'minister',
    'secretary', 'institute', 'security', 'safety', 'is', 'are', 'was', 'were',
    # adverbs that open a sentence or a lead-in ("Then, after a pause:")
    'then', 'now', 'later', 'finally', 'again', 'still', 'here', 'there', 'afterwards',
    'eventually', 'suddenly', 'perhaps', 'maybe', 'once', 'yesterday', 'tomorrow', 'tonight',
}

# What a minister's portfolio is called, capitalised before the holder's name ("Minister of
# State for Science and Technology Jitendra Singh", "Secretary of State for Energy Security
# and Net Zero Ed Miliband"): words no one is named, so no first name of a run.
PORTFOLIO_WORDS = {
    'health', 'technology', 'science', 'education', 'energy', 'defence', 'defense', 'transport',
    'industry', 'innovation', 'environment', 'housing', 'finance', 'culture', 'agriculture',
    'fisheries', 'pensions', 'welfare', 'enterprise', 'infrastructure', 'tourism', 'heritage',
    'equalities', 'equality', 'employment', 'climate', 'railways', 'commerce',
    'telecommunications', 'affairs', 'development', 'communities', 'treasury', 'digital',
    'economy', 'interior', 'immigration', 'veterans', 'planning', 'skills', 'universities',
    'zero', 'sport', 'media', 'trade', 'business', 'levelling',
}
# fmt: on
SPEECH_VERBS = (
    "said|says|say|added|adds|continued|continues|explained|explains|noted|notes|warned|warns|"
    "wrote|writes|argued|argues|insisted|insists|stressed|stresses|observed|remarked|claimed|"
    "claims|declared|declares|announced|announces|acknowledged|acknowledges|told|tells|"
    "commented|comments|stated|states|admitted|admits|suggested|suggests|believes|believed|"
    "urged|urges|recalled|recalls|predicted|predicts|asked|asks|replied|replies|responded|"
    "responds|concluded|concludes|maintained|maintains|emphasised|emphasized|emphasises|"
    "emphasizes|added|shouted|cried|joked|quipped|conceded|complained|boasted|tweeted|wondered|"
    "pleaded|demanded|vowed|promised|cautioned|countered|retorted|confirmed|revealed|mused|"
    "laughs|laughed|sighs|sighed|smiles|smiled|jokes|shrugs|shrugged|accused|accuses|"
    "posted|posts|"  # 'Ryan Reynolds later posted on Instagram: "..."'
    "fumed|raged|blasted|snapped|gushed|beamed|enthused|sobbed|chuckled|exclaimed|whispered|"
    "muttered|reflected|reasoned|elaborated|agreed|agrees|"  # '"We were robbed," fumed Jose Mourinho'
    "repeated|repeats|reiterated|reiterates|recounted|recounts|remembered|remembers|lamented|laments|"
    "protested|objected|hinted|scoffed|grumbled|murmured|testified|alleged|alleges|asserted|asserts|"
    "assured|reckoned|reckons|"
    "called for|calls for"  # 'Erdogan called for "an immediate ceasefire"'
)


@dataclass(frozen=True)
class PersonRef:
    name: str  # the name as written, without honorific: "Andrew Charlton"
    honorific: str | None  # "Dr"
    title: str | None  # "Australia's assistant minister for science, technology and the digital economy"
    start: int  # offsets of the name (with honorific) in the phrase's text
    end: int
    title_start: int | None = None


_CAP = re.compile(
    r"^(?:[A-Z][a-zA-Z'\-]*[a-z][a-zA-Z'\-]*|[A-Z]\.?|[A-Z][a-z]?[A-Z][a-z]+|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$"
)


# The last word of a place's name: "Downing Street", "Bletchley Park".
# fmt: off
PLACE_HEADS = {
    'street', 'road', 'square', 'avenue', 'lane', 'park', 'hall', 'palace', 'castle', 'bridge',
    'river', 'island', 'islands', 'city', 'county', 'state', 'province', 'airport', 'station',
    'valley', 'bay', 'coast', 'mountains', 'sea', 'ocean', 'gulf', 'strait', 'district',
    'region',
}
# fmt: on


@lru_cache(maxsize=65536)
def is_name_word(tok: str) -> bool:
    k = tok.lower().rstrip(".")
    if k in NOT_NAMES or k in WEEKDAYS or k in MONTHS or k in DEMONYMS or k in PLACES or k in PLACE_HEADS:
        return False
    if k in ORG_HEADS or k in ROLE_HEADS or k in PORTFOLIO_WORDS:
        return False
    if "-" in k and all(p in _TITLE_PARTS for p in k.split("-")):
        return False  # a title written as one word: "Secretary-General", "Vice-President"
    return bool(_CAP.match(tok)) or _unicode_name(tok) or bool(_PARTICLE_NAME.match(tok))


# Surnames that are also words no name is made of, so that :func:`is_name_word` refuses them:
# a name only as the last word after a first name or an honorific ("Theresa May", "Mrs May",
# "Nick Read", "John Key"); alone or first they are the month and the words ("Read more").
SURNAME_WORDS = frozenset({"may", "read", "key"})


def is_surname_word(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is one of :data:`SURNAME_WORDS` ending a name: capitalised, after a
    name word or an honorific."""
    w = words[k].rstrip(".,")
    return (
        k > 0
        and w.lower() in SURNAME_WORDS
        and w[:1].isupper()
        and (is_name_word(words[k - 1].rstrip(".,")) or is_honorific(words[k - 1]))
    )


# Arabic names with the article joined: "al-Assad", "el-Sisi"
_PARTICLE_NAME = re.compile(r"^(?:al|el|ul|ad|as|ash|at|az|ar|an)-[A-Z][a-z][\w'-]*$")


TITLE_WORDS = ROLE_HEADS | HONORIFICS | RANK_WORDS  # the words a title is made of
# the other parts of a title written as one word: "Editor-in-Chief", "President-elect", "Ex-minister"
_TITLE_PARTS = TITLE_WORDS | {"in", "of", "at", "co", "elect", "designate", "ex"}


def _unicode_name(tok: str) -> bool:
    """A capitalised word in any alphabet ("Álvarez", "Zoë", "Öztürk"): an upper-case letter,
    then letters (with ' or -), at least one of them lower case; or an initial ("Á.")."""
    word = tok.rstrip(".")
    if not word or not word[0].isupper() or not all(c.isalpha() or c in "'-" for c in word):
        return False
    return len(word) == 1 or any(c.islower() for c in word[1:])


def is_capitalised(tok: str) -> bool:
    return tok[:1].isupper()


def place_key(words: str) -> str | None:
    """The place a word or two names ("Australia's" -> "australia", "British" -> "britain")."""
    parts = words.split()
    if len(parts) >= 2 and parts[-1].lower() in PLACE_HEADS and all(p[:1].isupper() for p in parts):
        return " ".join(p.lower() for p in parts)
    return _place_key(words)


def _place_key(words: str) -> str | None:
    k = word_key(words).replace("  ", " ") if " " not in words else " ".join(word_key(w) for w in words.split())
    if k in PLACES:
        return k
    if k in DEMONYMS:
        return DEMONYMS[k]
    return None


def is_place(words: str) -> bool:
    return place_key(words) is not None


# --- people --------------------------------------------------------------------------------

_TITLE_TOKEN = re.compile(r"[A-Za-z][\w'-]*|[,&.;:!?()\"]")


# two capitals that are an abbreviation, not someone's initials, before a capitalised word
# fmt: off
_ACRONYMS = frozenset({
    'un', 'gp', 'tv', 'bt', 'ee', 'ny', 'la', 'hq', 'ok', 'id', 'pr', 'vp', 'rn', 'ap', 'fa', 'fc',
    'cc', 'er', 'aa', 'ac', 'ad', 'bc', 'ct', 'da', 'dj', 'dt', 'ev', 'ft', 'gb', 'gm', 'hr', 'iq',
    'jp', 'lp', 'md', 'mi', 'nb', 'ni', 'nz', 'os', 'pa', 'pe', 'ps', 'pt', 'ra', 're', 'rt', 'sa',
    'sf', 'ss', 'st', 'tb', 'uv', 'vr', 'ww', 'xl', 'se', 'ne', 'sw', 'nw', 'am', 'pm', 'fm', 'ge',
    'hp', 'ip', 'ml', 'op', 'rc', 'sc', 'sg', 'sp', 'su', 'ts', 'ui', 'hs', 'bp', 'hm', 'rs', 'lg',
    'ba', 'mg', 'vw', 'ea', 'cv', 'dg', 'ha', 'ic', 'kg', 'km', 'mb', 'mm', 'oz', 'ph', 'pp', 'qb',
    'sd', 'tc', 'tm', 'tx', 'va', 'wa', 'wc', 'xr', 'ey', 'db', 'ai', 'uk', 'us', 'eu', 'mp', 'mr',
    'ms', 'dr', 'co', 'dc', 'ds', 'di', 'pc', 'lt', 'fr', 'ch', 'mx', 'jr', 'sr', 'kc', 'qc',
})
# words after two capitals that make them a body's name: "BT Sport", "EA Games"
_NOT_AFTER_INITIALS = frozenset({
    'sport', 'sports', 'energy', 'games', 'studios', 'records', 'music', 'mobile', 'telecom',
    'pharma', 'foods', 'insurance', 'global', 'digital', 'systems', 'solutions', 'labs',
    'logistics', 'retail', 'properties', 'homes', 'water', 'power', 'rail', 'air', 'one', 'plus',
})
# fmt: on


def is_initials(tok: str, surname: str) -> bool:
    """Two initials written as one word before a surname, as in "JD Vance", "JK Rowling", "AJ
    Tracey"; not an abbreviation ("UN", "PC"), nor a body's name ("BT Sport")."""
    return (
        len(tok) == 2
        and surname.lower().rstrip(".,") not in _NOT_AFTER_INITIALS
        and tok.isascii()
        and tok.isalpha()
        and tok.isupper()
        and tok.lower() not in _ACRONYMS
        and tok not in POST_NOMINALS
    )


def find_person_at_end(
    phrase: str, known: AliasRegistry | None = None, allow_single: bool = False, person: bool = False
) -> PersonRef | None:
    """The person a speaker phrase names at its end: "UK AI minister Kanishka Narayan", "Narayan".

    The title is what stands before the name when it contains a title word. A phrase naming
    nobody ("one senior Whitehall figure") gives None: no guess. With ``person``, the caller
    knows the phrase ends in a person's name ("Emma Hall, whose ...": "Hall" is her surname).
    """
    text = phrase.rstrip(" ,.;:")
    toks = tokenize(text)
    toks = [t for t in toks if not t.text.startswith(("[", "..."))]
    letters = False
    while len(toks) > 1 and toks[-1].text in POST_NOMINALS:
        # "James Lowe KC", "Jane Doe MP", "Martin Luther King Jr": letters after a name
        toks.pop()
        text = text[: toks[-1].end]
        letters = True
    if not toks:
        return None
    # the name: the longest run of name words at the end
    i = len(toks)
    # a surname that is also a place's last word ("Professor Jane Park", "Dr Kevin Hall"): a
    # name where an honorific or a title stands before it, or the registry knows it
    word_surname = (
        len(toks) >= 3
        and toks[-1].lower in PLACE_HEADS
        and is_capitalised(toks[-1].text)
        and is_name_word(toks[-2].text)
        and (is_honorific(toks[-3].text) or _is_head(toks[-3].lower))
    ) or (
        len(toks) >= 2
        and toks[-1].lower in PLACE_HEADS
        and is_capitalised(toks[-1].text)
        and (
            (known is not None and known.person(f"{toks[-2].text} {toks[-1].text}") is not None)
            or (person and is_name_word(toks[-2].text) and (len(toks) == 2 or not is_name_word(toks[-3].text)))
        )
    )
    if word_surname or is_surname_word([t.text for t in toks], len(toks) - 1):
        i -= 1
    while i > 0 and (is_name_word(toks[i - 1].text) or (i < len(toks) and toks[i - 1].lower in NAME_PARTICLES)):
        if i < len(toks) and text[toks[i - 1].end : toks[i].start].strip():
            break  # punctuation inside a name ends it
        if i < len(toks) and toks[i - 1].lower.endswith(("'s", "\u2019s")):
            break  # "Labour's Emily Thornberry": whose she is, before her name
        if i < len(toks) and toks[i - 1].lower.rstrip(".") in HONORIFICS:
            break  # "Cal Fire Capt. Thomas Shoots": a rank before a name begins no name
        i -= 1
    if (
        i == len(toks) - 1
        and i > 0
        and is_initials(toks[i - 1].text, toks[i].text)
        and not text[toks[i - 1].end : toks[i].start].strip()
    ):
        i -= 1  # "JD Vance", "JK Rowling": two initials written as one word, then the surname
    if letters and i > 0 and toks[i - 1].lower == "the":
        return None  # "the Norwich South MP": whose seat, not a name
    name_toks = toks[i:]
    # (particles before a lone surname are the surname's, or a first name: "von der Leyen",
    # "De Niro", "Le Pen", "Al Gore")
    if not (len(name_toks) >= 2 and all(t.lower in NAME_PARTICLES for t in name_toks[:-1])):
        while name_toks and name_toks[0].lower in NAME_PARTICLES:
            name_toks = name_toks[1:]
            i += 1
    if i == 0 and leads_with_descriptor(name_toks[0].text, len(name_toks)):
        name_toks = name_toks[1:]  # "Neighbour Pat Doyle": who she is, then her name
        i += 1
    # honorifics at the front of the run ("Dr", "Lieutenant General Sir") are not the name
    while len(name_toks) > 1 and (
        name_toks[0].lower.rstrip(".") in HONORIFICS
        # "Detective Sergeant Mark Rowe": a rank's kind, then the rank
        or (len(name_toks) > 2 and name_toks[0].lower in RANK_KINDS and is_honorific(name_toks[1].text))
    ):
        name_toks = name_toks[1:]
        i += 1
    if not name_toks or sum(t.lower not in NAME_PARTICLES for t in name_toks) > 4:
        return None  # "Luiz Inácio Lula da Silva" is four names and a particle
    j = i
    while j > 0 and toks[j - 1].lower.rstrip(".") in HONORIFICS and is_capitalised(toks[j - 1].text):
        if j > 1 and office_general(toks[j - 2].text, toks[j - 1].text):
            break
        j -= 1
    name = " ".join(t.text for t in name_toks)
    if len(name_toks) == 1:
        # a lone name: known, after an honorific, or in an attribution ("Narayan said"), where
        # the full name may come from another source when the sources are linked
        single_ok = (known is not None and known.person(name) is not None) or j < i or allow_single
        if not single_ok or (j == i and name.lower() in GROUP_SPEAKERS):
            return None  # "Critics said", "Residents said": a group, no one's name
    k = j - 1 if j > 1 and toks[j - 1].lower == "the" else j  # ("the leader of the National Rally")
    if k > 0 and toks[k - 1].lower in {"of", "at", "for", "from", "with", "by", "to"}:
        # "chief executive of Acme Corp": a name after "of" names a body, not a person; and
        # "a spokesman for Mr Smith" is not Mr Smith
        return None
    honorific = " ".join(t.text.rstrip(".") for t in toks[j:i]) or None
    title = None
    title_start = None
    before = text[: toks[j].start].rstrip(" ,")
    if before:
        t = role_phrase_before(before)
        if t is not None:
            title_start, title = t
    return PersonRef(name, honorific, title, toks[j].start, name_toks[-1].end, title_start)


# groups that speak, capitalised only where a sentence opens with them: "Critics said the plan
# was "a disgrace"" names nobody
# fmt: off
GROUP_SPEAKERS = frozenset({
    'critics', 'residents', 'officials', 'analysts', 'experts', 'protesters', 'protestors',
    'campaigners', 'doctors', 'police', 'scientists', 'researchers', 'economists', 'investors',
    'witnesses', 'neighbours', 'neighbors', 'locals', 'parents', 'teachers', 'students',
    'workers', 'unions', 'lawyers', 'prosecutors', 'investigators', 'sources', 'authorities',
    'activists', 'opponents', 'supporters', 'fans', 'voters', 'observers', 'diplomats',
    'officers', 'firefighters', 'paramedics', 'rescuers', 'organisers', 'organizers', 'insiders',
    'aides', 'allies', 'ministers', 'lawmakers', 'legislators', 'others', 'many', 'some', 'both',
    'all', 'several', 'most', 'few', 'staff', 'employees', 'managers', 'executives', 'traders',
    'farmers', 'fishermen', 'nurses', 'patients', 'families', 'relatives', 'survivors',
    'victims', 'villagers', 'shoppers', 'commuters', 'passengers', 'travellers', 'travelers',
    'eyewitnesses', 'bystanders', 'regulators', 'mps', 'senators', 'councillors', 'councilors',
    'leaders', 'members', 'delegates', 'negotiators', 'rebels', 'militants', 'troops',
    'soldiers', 'medics', 'scholars', 'historians', 'commentators',
    'pundits', 'skeptics', 'sceptics', 'advocates', 'environmentalists', 'conservationists',
})
# fmt: on


# A title is a run of words with a title word in it, optionally "for/of" a portfolio and joined
# by "and" to another title: "Australian minister for industry and innovation and minister for
# science". It is read backwards from the name and stops at a verb, a determiner or a clause.
# fmt: off
_TITLE_STOP = {
    'said', 'says', 'with', 'by', 'that', 'as', 'told', 'according', 'to', 'from', 'at', 'in',
    'on', 'is', 'was', 'were', 'are', 'will', 'would', 'be', 'has', 'have', 'had', 'who',
    'which', 'while', 'when', 'a', 'an', 'but', 'under', 'after', 'before', 'involvement',
    'than',
}
# fmt: on


# where a title's head word may start, in lower-case ASCII text: at a letter with no ASCII
# letter before it (a token starts so, and its base is a head only if these letters start it)
_HEAD_START = re.compile(r"(?<![a-z])" + alternation(sorted(ROLE_HEADS)))


_WHERE_ENDS = re.compile(r"\s+(?:in|on|for|since|from|until|during|and|who|which)\s")


def job_at(phrase: str) -> str | None:
    """A job and where it is done, as a title after a name: "investment director at AJ Bell",
    "an analyst at Wedbush Securities" (its article left off); None where the words before
    "at" are no whole title or nothing capitalised follows it."""
    job, at, where = phrase.strip().partition(" at ")
    where = _WHERE_ENDS.split(where.strip(), maxsplit=1)[0]  # (not "in Paris" after it)
    if not at or not where[:1].isupper():
        return None
    job = re.sub(r"^(?:the|a|an)\s+", "", job, flags=re.I)
    found = role_phrase_before(job + " ")
    if found is None or found[0] != 0 or job.split()[-1].lower() not in ROLE_HEADS:
        return None
    return f"{job} at {where}"


def role_phrase_before(text: str) -> tuple[int, str] | None:
    """``(start, title)`` for the title that ends ``text``, or None."""
    # no title without a head word: most texts before a name have none, and a search in C
    # says so in a third of the time the scan below takes (other than ASCII, lower() may
    # turn a letter into one the tokens do not see as a letter: those texts are scanned)
    if text.isascii() and not _HEAD_START.search(text.lower()):
        return None
    return _title_scan(text)


def _title_scan(text: str) -> tuple[int, str] | None:
    """:func:`role_phrase_before` without the search for a head word first."""
    toks = list(_TITLE_TOKEN.finditer(text))
    if not toks:
        return None
    k = len(toks)
    seen_head = False
    start = None
    while k > 0:
        w = toks[k - 1].group(0)
        lw = w.lower()
        base = lw[:-2] if lw.endswith("'s") else lw
        if lw in _TITLE_STOP or lw in {".", ";", ":", "!", "?", "(", ")", '"'}:
            break
        if k < len(toks) and _DASH_GAP.search(text, toks[k - 1].end(), toks[k].start()):
            break  # a dash ends a title: "BEIJING - China's foreign minister"
        if lw == "," and seen_head:
            break  # words before a title's head take no commas: this one ends a clause
        if base in ROLE_HEADS or ("-" in base and any(p in ROLE_HEADS for p in base.split("-"))):
            seen_head = True  # (or a hyphenated title: "Secretary-General")
        if lw == "the" and k >= 2 and toks[k - 2].group(0).lower() not in {"for", "of", "and", ","}:
            break
        k -= 1
        start = toks[k].start()
    if start is None or not seen_head:
        return None
    # trim leading connectors, an age and a possessive ("64-year-old retired nurse", "Its chief executive")
    while k < len(toks) and toks[k].group(0).lower() in _TITLE_LEAD_TRIM:
        k += 1
    if k >= len(toks):
        return None
    start = toks[k].start()
    title = text[start:].strip(" ,")
    if toks[-1].group(0).lower() in {"the", "and", "for", "of", "&"}:
        return None  # "Minister for | Science": the name would be the portfolio
    # a title needs its head word after the leading modifiers: "Security Minister", not "Security"
    heads = [j for j in range(k, len(toks)) if _is_head(toks[j].group(0).lower())]
    if not heads:
        return None
    # and what follows its last head goes on with the title ("Secretary of State for Health",
    # "chief meteorologist", "Chief Constable"), not into a sentence: in "Sinn Fein leader Mary
    # Lou McDonald accused", a name right after the head and then a lower-case word say it is
    # no title
    tail = [t.group(0) for t in toks[heads[-1] + 1 :]]
    if tail and tail[0][:1].isupper() and tail[0].lower() not in _AFTER_HEAD and any(t[:1].islower() for t in tail):
        return None
    if len(tail) >= 2 and tail[-2] == "," and (tail[-1].endswith("ed") or tail[-1] in _VERBS_AFTER_TITLE):
        return None  # "Kemi Badenoch, the Conservative leader, accused Starmer": a verb, not the title
    return start, title


# verbs not in -ed that follow a title and a comma, before the person they are done to
_VERBS_AFTER_TITLE = frozenset({"told", "met", "hit", "said", "wrote", "spoke", "thanked", "urged", "sent", "gave"})


_DASH_GAP = re.compile(r"[\u2013\u2014]|\s-\s")
_AFTER_HEAD = frozenset(
    {"of", "for", "at", "on", "to", "in", "and", "&", ",", "general", "designate", "elect", "emeritus", "officer"}
)
_TITLE_LEAD_TRIM = frozenset({",", "and", "&", "of", "for", "the", "year-old", "its", "his", "her", "their"})


def _is_head(word: str) -> bool:
    """Whether a title's word (lower case) is a head: "minister", "minister's", "secretary-general"."""
    base = word[:-2] if word.endswith("'s") else word
    return base in ROLE_HEADS or ("-" in base and any(p in ROLE_HEADS for p in base.split("-")))


def role_key(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """The content words of a title, and its rank words; places and connectors left out."""
    words = [word_key(t.text) for t in tokenize(title)]
    content = {w for w in words if w and w not in {"the", "and", "for", "of", "a", "an"} and not is_place(w)}
    content = {"minister" if w == "ministers" else w for w in content}
    return frozenset(content), frozenset(w for w in content if w in RANK_WORDS)


_LEADS = frozenset({"manager", "coach", "executive", "chief", "director", "head", "leader", "chairman", "chair",
                    "chairwoman", "president", "owner", "governor", "commissioner"})  # fmt: skip
_SHORTHAND = {"boss": _LEADS, "manager": frozenset({"coach"}), "coach": frozenset({"manager"})}


def same_role(claimed: str, held: str) -> bool:
    """Whether a claimed title is the held one or a shortening of it that keeps its rank (and
    its country, where both name one: "Dutch Prime Minister" is not "Hungarian Prime
    Minister"; "Prime Minister" may be either)."""
    c, c_rank = role_key(claimed)
    h, h_rank = role_key(held)
    if not c:
        return True
    if not c <= h:
        # headline English: "Arsenal boss" is the Arsenal manager, "Chelsea manager" its head coach
        c = frozenset(w for w in c if not (w in _SHORTHAND and h & _SHORTHAND[w]))
    if not (c <= h and h_rank <= c_rank):
        return False
    cc, hc = title_countries(claimed), title_countries(held)
    return not (cc and hc and not cc & hc)


@lru_cache(maxsize=65536)
def title_countries(title: str) -> frozenset[str]:
    """The countries a title names ("Australia's minister", "UK AI minister", "the Dutch
    prime minister"), one key each."""
    words = [word_key(t.text) for t in tokenize(title)]
    out = set()
    for i, w in enumerate(words):
        for k in ((w + " " + words[i + 1]) if i + 1 < len(words) else None, w):
            p = k and _place_key(k)
            if p:
                out.add(COUNTRY_KEYS.get(p, p))
                break
    return frozenset(out)


# --- organisations -------------------------------------------------------------------------

# The first capital stands outside the alternatives ([A-Z][\w'-]* or [A-Z]{2,}[a-z]?), in
# the same order: a pattern that starts with a character class lets the engine skip to the
# next capital instead of trying both alternatives at every character (3.0 to 1.8 us a line).
_ORG_RUN = re.compile(
    r"[A-Z](?:[\w'-]*|[A-Z]+[a-z]?)(?:'s)?"
    r"(?:(?:\s+|,\s+(?=[A-Z][\w-]*,?\s+(?:and\s+)?[A-Z]|and\s)|\s+(?:of|for|and|the|on|&)\s+(?:the\s+)?)"
    r"(?:[A-Z][\w'-]*|[A-Z]{2,}[a-z]?|and\s+[A-Z][\w'-]*|and\s+the\s+[A-Z][\w'-]*))*"
)
_ACRONYM_DEF = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")


@dataclass
class OrgRef:
    text: str
    start: int
    end: int
    acronym: str | None = None


@lru_cache(maxsize=65536)
def org_key(text: str) -> str:
    """The form two spellings of one organisation share: case, punctuation and "the" folded,
    a possessive country turned into its adjective ("Australia's" -> "australian"). Cached:
    every mention of a body, in every file, asks."""
    words = []
    for t in tokenize(text):
        w = t.text.lower()
        if w == "the":
            continue
        if w.endswith("'s"):
            base = w[:-2]
            w = _ADJECTIVE_OF.get(base) or base
        words.append(w.replace("-", ""))
    return " ".join(words)


# fmt: off
_LEADING_NOT_ORG = {
    'under', 'over', 'after', 'before', 'since', 'while', 'currently', 'through', 'during',
    'across', 'read', 'however', 'moreover', 'instead', 'yet', 'simultaneously', 'meanwhile',
    'why', 'how', 'both', 'neither', 'each', 'every', 'some', 'many', 'new', 'if', 'whether',
    'although', 'though', 'because', 'once', 'unless', 'despite', 'looking', 'like', 'unlike',
    'given', 'without', 'within', 'among', 'between', 'against', 'towards', 'toward', 'upon',
    'via', 'amid', 'not', 'only', 'even', 'still', 'then', 'now', 'today', 'yesterday',
}
# fmt: on


_AND = re.compile(r",?\s+and\s+(the\s+)?")


def _org_pieces(run: str, start: int) -> list[tuple[str, int]]:
    """Split a capitalised run at "and"/"and the" where both sides are names of their own."""
    if "and" not in run:  # most runs (every capitalised run of every paragraph comes here)
        return [(run, start)]
    pieces = [(run, start)]
    out = []
    for piece, s in pieces:
        cut = None
        for m in _AND.finditer(piece):
            left = [w.lower().rstrip(",") for w in piece[: m.start()].split()]
            right = [w.lower().rstrip(",") for w in piece[m.end() :].split()]
            ends_name = left and (left[-1] in ORG_HEADS or piece[: m.start()].split()[-1].isupper())
            both_named = m.group(1) and any(w in ORG_HEADS for w in left) and any(w in ORG_HEADS for w in right)
            if ends_name or both_named:
                cut = m
                break
        if cut is None:
            out.append((piece, s))
        else:
            out.append((piece[: cut.start()], s))
            out.extend(_org_pieces(piece[cut.end() :], s + cut.end()))
    return out


@lru_cache(maxsize=65536)
def _names_a_body(name: str) -> bool:
    """Whether a speaker's name holds an organisation's (asked of the same few speakers for
    every quote that is compared)."""
    return bool(find_orgs(name))


_SPACE_RUN = re.compile(r"\s+")


def find_orgs(text: str) -> list[OrgRef]:
    out = []
    for m in _ORG_RUN.finditer(text):
        for run, s in _org_pieces(m.group(0), m.start()):
            words = [w.lower().rstrip(",") for w in run.split()]
            # drop sentence-initial words that are not part of a name
            while len(words) > 1 and (words[0] in STOPWORDS or words[0] in _LEADING_NOT_ORG):
                cut = _SPACE_RUN.search(run).end()  # (any space: a form feed is one)
                run, s, words = run[cut:], s + cut, words[1:]
            run = run.rstrip(", ")
            e = s + len(run)
            acr = _ACRONYM_DEF.match(text, e)
            last = words[-1].rstrip("'s") if words else ""
            if acr:
                out.append(OrgRef(run, s, e, acr.group(1)))
            elif (
                (len(words) >= 2 and (words[-1] in ORG_HEADS or last in ORG_HEADS))
                or (
                    len(words) >= 3 and any(w in ORG_HEADS and n in {"of", "for"} for w, n in itertools.pairwise(words))
                )
                or (len(run) >= 3 and run.isupper() and run.isalpha() and not is_place(run))
            ):
                out.append(OrgRef(run, s, e))
    return out


# --- numbers and dates ---------------------------------------------------------------------

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# number words that are more often something else: "first" and "second" rank, "half" divides
NOT_COUNTS = frozenset({"first", "second", "half"})


_PER_CENT = re.compile(r"\s*(?:per\s?cent|percent|pc)$")  # "18 per cent" (one word in an alignment)


@lru_cache(maxsize=65536)
def number_value(tok: str) -> float | None:
    t = _PER_CENT.sub("", tok.lower()).rstrip("%+").lstrip("$").replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    return NUMBER_WORDS.get(t)


def token_class(tokens: list[Token], i: int) -> str | None:
    """``date``, ``number`` or None for token ``i`` in its context.

    A year is a date where it is placed in time ("in 2023", "by 2027", "March 2024"); used as
    a label ("a 2024 MoU") it is a number like any other.
    """
    return word_class(tokens[i].text, tokens[i - 1].text if i > 0 else None)


def word_class(word: str, before: str | None) -> str | None:
    """:func:`token_class` of a token's text, given the token before it (None at the start)."""
    kind = token_kind(word)
    if kind == "may":  # the month, not the verb, when capitalised inside a sentence
        return "date" if before is not None else None
    if kind == "year":
        prev = before.lower() if before is not None else ""
        if prev in TEMPORAL_PREPOSITIONS or prev in _MONTH_SET or prev.rstrip(".") in MONTH_ABBR:
            return "date"
        return "number"
    return kind


_DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
_MONTH_SET = frozenset(MONTHS)


@lru_cache(maxsize=65536)
def token_kind(t: str) -> str | None:
    """What a token is whatever its context (every word of every archive paragraph is asked
    about): ``date``, ``number``, ``year`` or ``may`` (both decided by the context), or None."""
    k = t.lower().rstrip(".")
    if k in _DATE_WORDS or (k in MONTH_ABBR and is_capitalised(t) and k != "may"):
        return "date"
    if k == "may":
        return "may" if is_capitalised(t) else None
    if _YEAR.match(t):
        return "year"
    if number_value(t) is not None and k not in NOT_COUNTS:
        return "number"
    return None


# --- alias registry -------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A word of a name as compared: :func:`word_key`, without accents ("Orbán" is "orban")."""
    k = word_key(word)
    if k.isascii():
        return k
    return "".join(c for c in unicodedata.normalize("NFKD", k) if not unicodedata.combining(c))


_HIS = frozenset({"mr", "sir", "lord", "king", "prince", "baron", "father", "fr"})
_HERS = frozenset({"ms", "mrs", "miss", "dame", "lady", "queen", "princess", "baroness", "sister"})


def honorific_sex(honorific: str | None) -> str | None:
    """ "m" or "f" for an honorific that says which (Mr, Mrs, Sir, Dame), else None (Dr)."""
    h = (honorific or "").lower().rstrip(".")
    return "m" if h in _HIS else "f" if h in _HERS else None


def same_first_name(a: str, b: str) -> bool:
    """Whether two first names can be one person's: the same name, or an initial and a name it
    begins ("A. Byrne" is Alfie Byrne). Two names that only begin alike are two people (Alfie
    and Amelia Byrne)."""
    fa, fb = name_key(a).rstrip("."), name_key(b).rstrip(".")
    return fa == fb or ((len(fa) == 1 or len(fb) == 1) and fa[:1] == fb[:1])


@dataclass
class PersonEntry:
    name: str
    titles: dict[str, list[tuple[str, int, int]]] = field(default_factory=lambda: defaultdict(list))
    honorifics: set[str] = field(default_factory=set)


class AliasRegistry:
    """Who and what the sources name, and the other names they go by."""

    def __init__(self) -> None:
        self.people: dict[str, PersonEntry] = {}
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._firsts: dict[str, set[str]] = defaultdict(set)  # full names of 2 or 3 words, by first word
        self.orgs: dict[str, str] = {}  # org key -> canonical org key
        self.acronyms: dict[str, str] = {}  # acronym -> org key of its definition
        self.accepted: dict[str, str] = {}  # names a newsroom has ruled the same (config 'aliases')
        # person()'s answers (a source names the same few people again and again). An answer
        # depends only on the names known with the surname it looks up, so learning a name
        # forgets the answers about its surname (add_person); accept_alias forgets them all
        self._person_memo: dict[str, str | None] = {}
        self._memo_by_surname: dict[str, list[str]] = {}
        # single names a source gave someone who is not the one full name they begin ("Amy"
        # beside another source's "Amy Hood"): see add_person's by_first
        self._alone: set[str] = set()

    # people
    def add_person(self, name: str, honorific: str | None = None, *, by_first: bool = True) -> PersonEntry:
        """A person the sources name. A single name joins the full name it belongs to; with
        ``by_first`` false, not a full name it only begins (another source's "Amy Hood" for
        this one's "Amy", a first name: see :meth:`_lookup`)."""
        key = name
        if len(name.split()) == 1:
            canonical = self.person(f"{honorific} {name}" if honorific else name)
            if canonical is not None and not by_first and begins_only(canonical, name):
                self._alone.add(name)
                self._forget(name)
            elif canonical is not None:
                key = canonical
            elif honorific_sex(honorific) and self.person(name) is not None:
                # "Mrs Evans" in a text about Mr Bill Evans: another person, known by honorific
                key = f"{honorific} {name}"
        entry = self.people.get(key)
        if entry is None:
            entry = self.people[key] = PersonEntry(key)
            self._surnames[word_key(key.split()[-1])].add(key)
            self._forget(key)
            words = key.split()
            if len(words) in (2, 3) and not is_honorific(words[0]):
                self._firsts[word_key(words[0])].add(key)
                self._forget(words[0])  # ("Xi" may now be Xi Jinping)
        if honorific:
            if honorific not in entry.honorifics:
                self.__dict__.pop("_described", None)  # (see described_as)
                if honorific_sex(honorific):
                    self._forget(key)  # ("Mrs Evans" is no longer this Mr's)
            entry.honorifics.add(honorific)
            if honorific.lower().rstrip(".") in ("sir", "dame"):
                self.__dict__.pop("_knights", None)  # (see knighted)
        return entry

    def _forget(self, key: str) -> None:
        """person()'s answers about the surname of ``key``, which may now be others."""
        for asked in self._memo_by_surname.pop(word_key(key.split()[-1]), ()):
            del self._person_memo[asked]

    def person(self, name: str | None) -> str | None:
        """The canonical full name for a name or surname the sources use, else None."""
        if not name:
            return None
        try:
            return self._person_memo[name]
        except KeyError:
            found, surname = self._person(name)
            self._person_memo[name] = found
            self._memo_by_surname.setdefault(surname, []).append(name)
            return found

    def _person(self, asked: str) -> tuple[str | None, str]:
        """person() worked out, and the surname key it looked up."""
        name = strip_honorifics(asked)
        parts = name.split()
        surname = word_key(parts[-1])
        cands = self._surnames.get(surname, set())
        sex = honorific_sex(asked.split()[0]) if len(parts) == 1 and name != asked else None
        if sex and cands:
            # "Mrs Evans" is not Bill Evans, whom the sources call Mr; nor is "Mr Mitchell"
            # Karen Mitchell, the one full name, where the text calls a Mitchell "Ms" (an
            # honorific given the surname alone is the full name's until the two are joined)
            fulls = [c for c in cands if " " in strip_honorifics(c)]
            bare = self._sexes(name) if name in cands and len(fulls) == 1 else None
            cands = {
                c for c in cands if (given := self._sexes(c) or (bare if c in fulls else None)) is None or sex in given
            }
            keyed = [c for c in cands if c != name and strip_honorifics(c) == name]
            if len(keyed) == 1 and not any(" " in strip_honorifics(c) for c in cands):
                return keyed[0], surname
            found = self._lookup(name, parts, cands)
            if found is None:
                # of two full names, the one the sources call Mr when "Mr Evans" is asked
                found = self._lookup(name, parts, {c for c in cands if self._sexes(c) == {sex}})
            return found, surname
        return self._lookup(name, parts, cands), surname

    def _sexes(self, key: str) -> set[str] | None:
        """The sexes the honorifics given a person say (None for none)."""
        entry = self.people.get(key)
        found = {x for h in entry.honorifics if (x := honorific_sex(h))} if entry is not None else set()
        if not found and " " in key and is_honorific(key.split()[0]):
            found = {x} if (x := honorific_sex(key.split()[0])) else set()
        return found or None

    def _lookup(self, name: str, parts: list[str], cands: set[str]) -> str | None:
        if len(parts) == 1:
            # a surname: the one full name it belongs to, else the surname itself if known
            # (a person known by honorific and surname, "Mrs Evans", has no full name)
            full = sorted(c for c in cands if " " in strip_honorifics(c))
            if len(full) == 1:
                return full[0]
            if not full and name not in self._alone and len(firsts := self._firsts.get(word_key(name), ())) == 1:
                # a family name written first, as Chinese and Korean names are: "Xi" is Xi
                # Jinping, "Yoon" Yoon Suk Yeol, where no full name ends in it, unless merging
                # found someone known by it alone (one source's "Amy, 19," is not another's
                # Amy Hood)
                return next(iter(firsts))
            return name if name in cands else None
        if name in self.people:
            return name
        if all(p.lower() in SURNAME_LEADS for p in parts[:-1]):
            # a surname with its particles ("von der Leyen", "De Niro"): the one full name ending so
            ending = " " + name.lower()
            full = [c for c in cands if c.lower().endswith(ending)]
            return full[0] if len(full) == 1 else None
        for c in sorted(cands):
            if same_first_name(c.split()[0], parts[0]):
                return c
        return None

    def knighted(self, first: str) -> str | None:
        """The one person called Sir or Dame whose first name is ``first``: a knight or dame is
        called by first name ("Sir James" after "Sir James Bevan"). None for none or several."""
        knights = self.__dict__.get("_knights")
        if knights is None:
            # made once, and again only after a Sir or Dame is added: a draft may hold many
            # quotes by "Sir James" against a registry of an archive's people
            knights = self.__dict__["_knights"] = defaultdict(set)
            for p, e in self.people.items():
                if " " in p and any(h.lower().rstrip(".") in ("sir", "dame") for h in e.honorifics):
                    knights[name_key(p.split()[0])].add(p)
        found = knights.get(name_key(first), set())
        return next(iter(found)) if len(found) == 1 else None

    def canonical_person(self, name: str | None) -> str | None:
        if not name:
            return None
        return self.person(name) or strip_honorifics(name)

    def same_person(self, a: str | None, b: str | None) -> bool:
        if not a or not b:
            return False
        ca, cb = self.canonical_person(a), self.canonical_person(b)
        if ca == cb:
            return True
        pa, pb = [name_key(w) for w in ca.split()], [name_key(w) for w in cb.split()]
        if pa == pb:
            return True  # written with and without accents: "Orbán", "Orban"
        short, long = sorted((pa, pb), key=len)
        if len(short) < len(long) and long[-len(short) :] == short and len(short) > 1:
            return True  # a name's tail: "Lula da Silva" of "Luiz Inácio Lula da Silva"
        if len(short) == 1 and short[0] in long[1:-1] and short[0] not in NAME_PARTICLES:
            return True  # the name someone goes by, inside the full one: "Lula"
        if (
            len(short) == 1
            and len(long) in (2, 3)
            and long[0] == short[0]
            and (ca if len(pa) == 1 else cb) not in self._alone
        ):
            return True  # a family name written first: "Xi" of "Xi Jinping" (not someone's lone "Amy")
        if self._same_body(ca, cb):
            return True
        if pa[-1] != pb[-1]:
            return False
        return len(pa) == 1 or len(pb) == 1 or same_first_name(pa[0], pb[0])

    def _same_body(self, a: str, b: str) -> bool:
        """Whether two speakers are one organisation: one key ("the BBC", "BBC"; an acronym and
        its name), or a name and its fuller form ("Department of Health" and "Department of
        Health and Social Care"); or one body's two names ("No 10", "Downing Street")."""
        if (seat := _ONE_BODY.get(a.lower())) is not None and seat == _ONE_BODY.get(b.lower()):
            return True
        if not (_names_a_body(a) and _names_a_body(b)) and not (a.isupper() or b.isupper()):
            return False
        ka, kb = self.org(a), self.org(b)
        if ka == kb:
            return True
        short, long = sorted((ka.split(), kb.split()), key=len)
        return len(short) >= 2 and long[: len(short)] == short and long[len(short)] == "and"

    def add_title(self, person: str, title: str, source: str, start: int, end: int) -> None:
        entry = self.add_person(person)
        if title not in entry.titles:
            self.__dict__.pop("_described", None)  # (see described_as)
        entry.titles[title].append((source, start, end))

    def described_as(self, words: frozenset[str]) -> set[str]:
        """The people a description with these title words ("the health secretary") may mean:
        one of their titles holds every word and no rank word the description lacks, or, for one word (or two, no rank word among
        them: "the crown prince", not "the vice president"), one of their honorifics is one
        of the words ("President Maria Alvarez", then "the president"). Looked up in tables
        made once, and again only after a title or honorific is added: a draft may say "the
        minister said" many times against an archive's registry."""
        tables = self.__dict__.get("_described")
        if tables is None:
            by_word: dict[str, set[str]] = defaultdict(set)
            by_honorific: dict[str, set[str]] = defaultdict(set)
            for p, e in self.people.items():
                for t in e.titles:
                    for w in role_key(t)[0]:
                        by_word[w].add(p)
                for h in e.honorifics:
                    key = h.lower().rstrip(".")
                    by_honorific[key].add(p)
                    if key.split()[-1] in _JUDGES:
                        by_honorific["judge"].add(p)  # "Ms Justice Caroline Biggs", then "the judge"
            tables = self.__dict__["_described"] = (by_word, by_honorific)
        by_word, by_honorific = tables
        out: set[str] = set()
        if words:
            held = set.intersection(*(by_word.get(w, set()) for w in words))
            # (and the title's rank words are the description's: "the health secretary" is not
            # the shadow health secretary, nor "the minister" the assistant minister)
            out = {
                p for p in held if any(words <= (k := role_key(t))[0] and k[1] <= words for t in self.people[p].titles)
            }
        if len(words) == 1 or (len(words) == 2 and not words & RANK_WORDS):
            for w in words:
                out |= by_honorific.get(w, set())
        return out

    def titles_of(self, person: str) -> list[str]:
        c = self.person(person)
        return list(self.people[c].titles) if c else []

    # organisations
    def add_org(self, text: str, acronym: str | None = None) -> None:
        key = org_key(text)
        self.orgs.setdefault(key, key)
        if acronym:
            self.acronyms.setdefault(acronym.lower(), key)

    def org(self, text: str) -> str:
        """The canonical key of an organisation name: acronyms expanded, place prefixes dropped
        when a longer form with the same head exists ("AI Security Institute" -> "uk ai security
        institute")."""
        key = org_key(text)
        if key in self.acronyms:
            return self.acronyms[key]
        return self.orgs.get(key, key)

    def _take(self, name: str, honorifics, titles: dict, by_first: bool = True) -> None:
        """Another registry's person taken in: honorifics, and titles with their locations
        (``by_first``: as :meth:`add_person`)."""
        # (a surname with Mrs is not the Mr of that surname another source names in full)
        sexed = next((h for h in sorted(honorifics) if honorific_sex(h)), None) if " " not in name else None
        target = self.add_person(name, sexed, by_first=by_first)
        if any(honorific_sex(h) for h in set(honorifics) - target.honorifics):
            self._forget(target.name)
        target.honorifics.update(honorifics)
        self.__dict__.pop("_knights", None)  # (see knighted)
        self.__dict__.pop("_described", None)  # (see described_as)
        for title, locs in titles.items():
            # gathered here, put in order once by tidy(): sorting on every file made
            # merging a million sentences' registries take most of a minute
            target.titles.setdefault(title, []).extend(map(tuple, locs))

    def tidy(self) -> None:
        """Each title's locations once each, in order (after :class:`RegistryMerge`)."""
        for entry in self.people.values():
            for title, locs in entry.titles.items():
                entry.titles[title] = sorted(set(locs))

    def export(self) -> dict:
        return {
            "people": {
                n: {
                    "honorifics": sorted(e.honorifics),
                    "titles": {t: [list(x) for x in locs] for t, locs in e.titles.items()},
                }
                for n, e in self.people.items()
            },
            "orgs": dict(self.orgs),
            "acronyms": dict(self.acronyms),
        }

    def accept_alias(self, name: str, canonical: str) -> None:
        """A newsroom's ruling that two names are one: people by surname, bodies by key."""
        if self.person(canonical) or (len(canonical.split()) >= 2 and self.person(canonical.split()[-1])):
            full = self.person(canonical) or canonical
            self._surnames[word_key(name.split()[-1])].add(full)
            self.people.setdefault(full, PersonEntry(full))
            self._person_memo.clear()
            self._memo_by_surname.clear()
            self.accepted[org_key(name)] = org_key(full)
            return
        self.accepted[org_key(name)] = org_key(canonical)
        self.orgs[org_key(name)] = self.org(canonical)

    def same_org(self, a: str, b: str) -> bool:
        ka, kb = org_key(a), org_key(b)
        return self.accepted.get(ka, ka) == self.accepted.get(kb, kb) or self.org(a) == self.org(b)

    def link_org_aliases(self) -> None:
        """Shorter forms that only drop a place qualifier name the same body."""
        keys = sorted(self.orgs, key=len, reverse=True)
        for short in keys:
            sw = short.split()
            for long in keys:
                lw = long.split()
                if len(lw) <= len(sw) or lw[-len(sw) :] != sw:
                    continue
                extra = lw[: len(lw) - len(sw)]
                if all(is_place(w) or w in {"new"} for w in extra):
                    self.orgs[short] = self.orgs.get(long, long)
                    break


# one body known by two names: the prime minister's office is No 10 and Downing Street
_ONE_BODY = {name: "downing street" for name in ("downing street", "no 10", "no. 10", "number 10", "number ten")}


class RegistryMerge:
    """Registries merged into one as they come, each read once (sources are analysed one by
    one, each with a registry of its own; an index build receives them from its workers one
    by one). Full names, organisations and acronyms are taken in at once; a single name
    ("Narayan said") waits until every full name is known, since it joins the one full name
    it belongs to ("Kanishka Narayan"). :meth:`finish` gives what merging them all at once,
    in the order they came, would give."""

    def __init__(self) -> None:
        self.registry = AliasRegistry()
        self._singles: list[tuple] = []  # (name, honorifics, titles), in the order they came

    def add(self, other: AliasRegistry) -> None:
        people = ((n, e.honorifics, e.titles) for n, e in other.people.items())
        self._add(people, other.orgs, other.acronyms)

    def add_export(self, data: dict) -> None:
        """A registry as :meth:`AliasRegistry.export` gave it (an index row), without making
        the registry first."""
        people = ((n, e["honorifics"], e["titles"]) for n, e in data["people"].items())
        self._add(people, data["orgs"], data["acronyms"])

    def _add(self, people, orgs: dict, acronyms: dict) -> None:
        registry = self.registry
        for person in people:
            if len(person[0].split()) > 1:
                registry._take(*person)
            else:
                self._singles.append(person)
        for key, canonical in orgs.items():
            registry.orgs.setdefault(key, canonical)
        for acr, key in acronyms.items():
            registry.acronyms.setdefault(acr, key)

    def finish(self) -> AliasRegistry:
        """The merged registry, single names joined to full names, titles' locations in order."""
        registry = self.registry
        for person in self._singles:
            # a source that named someone by one name alone gave no full name it begins:
            # another source's full name it begins is someone else's ("Amy, 19," and Amy Hood),
            # unless an honorific says the name is a family name ("Mr Xi"; Sir and Dame go
            # with first names)
            surname = any(h.lower().rstrip(".") not in ("sir", "dame") for h in person[1])
            registry._take(*person, by_first=surname)
        self._singles = []
        registry.tidy()
        return registry


@lru_cache(maxsize=65536)
def is_honorific(word: str) -> bool:
    """Whether a word is an honorific ("Dr", "Mrs."), in any case."""
    return word.lower().rstrip(".") in HONORIFICS


def begins_only(full: str, name: str) -> bool:
    """Whether the full name ``full`` begins with ``name`` without ending in it ("Amy Hood",
    "Amy"): the two are joined by the family-name-first rule alone."""
    parts = strip_honorifics(full).split()
    return len(parts) > 1 and word_key(parts[0]) == word_key(name) != word_key(parts[-1])


def strip_honorifics(name: str) -> str:
    parts = name.split()
    while len(parts) > 1 and is_honorific(parts[0]):
        parts = parts[1:]
    return " ".join(parts)
