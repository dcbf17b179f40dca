"""factcheck: check quotes and claims in news copy against a folder of source articles.

>>> import factcheck
>>> report = factcheck.check(["claims/draft.md"], sources="sources")  # doctest: +SKIP
>>> [(i.claim.line, i.verdict) for i in report.items]  # doctest: +SKIP
"""

__version__ = "0.1.0"

from .api import Report, check, check_claims
from .audit import find_conflicts as audit
from .classify import Settings
from .corpus import Built, Corpus, build_index, load_sources
from .errors import ConfigError, FactcheckError, InputError
from .model import Claim, Conflict, Evidence, Finding, Item, Mention, Quote, Sentence, Source, Span

__all__ = [
    "Built",
    "Claim",
    "ConfigError",
    "Conflict",
    "Corpus",
    "Evidence",
    "FactcheckError",
    "Finding",
    "InputError",
    "Item",
    "Mention",
    "Quote",
    "Report",
    "Sentence",
    "Settings",
    "Source",
    "Span",
    "__version__",
    "audit",
    "build_index",
    "check",
    "check_claims",
    "load_sources",
]
