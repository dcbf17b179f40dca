"""factcheck: check quotes and claims in news copy against a folder of source articles.

>>> import factcheck
>>> report = factcheck.check(["claims/draft.md"], sources="sources")  # doctest: +SKIP
>>> [(i.claim.line, i.verdict) for i in report.items]  # doctest: +SKIP
"""

__version__ = "0.1.0"

from .api import Report, check, check_claims  # noqa: E402
from .audit import find_conflicts as audit  # noqa: E402
from .classify import Settings  # noqa: E402
from .corpus import Corpus, load_sources  # noqa: E402
from .errors import ConfigError, FactcheckError, InputError  # noqa: E402
from .model import Claim, Conflict, Evidence, Finding, Item, Mention, Quote, Sentence, Source, Span  # noqa: E402

__all__ = [
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
    "check",
    "check_claims",
    "load_sources",
]
