"""Settings from ``setup.cfg`` ``[factcheck]`` or ``pyproject.toml`` ``[tool.factcheck]``."""

from __future__ import annotations

import configparser
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from .classify import Settings
from .errors import ConfigError
from .ingest import DEFAULT_MAX_BYTES

FAIL_ON = ("error", "warning", "never")


@dataclass
class Config:
    """Every setting, its default, and where it came from."""

    sources: str = "sources"
    fail_on: str = "error"
    format: str = "table"
    max_bytes: int = DEFAULT_MAX_BYTES
    quote_min_similarity: float = Settings.quote_min_similarity
    claim_verify_coverage: float = Settings.claim_verify_coverage
    claim_min_coverage: float = Settings.claim_min_coverage
    candidates: int = Settings.candidates
    aligned_candidates: int = Settings.aligned_candidates
    jobs: int = Settings.jobs  # 0: one process per core for batches of PARALLEL_FROM items or more
    index: str = ".factcheck/index.sqlite"  # the on-disk index, used when it exists
    aliases: str = ""  # one "name = preferred name" a line
    baseline: str = ""  # a baseline file: report only findings not in it
    origin: str = "defaults"

    def alias_map(self) -> dict[str, str]:
        """``aliases`` as {name: preferred}; lines are "A = B" (or "A => B")."""
        out = {}
        for raw in re.split(r"[\n;]", self.aliases):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            m = re.match(r"(.+?)\s*=>?\s*(.+)$", line)
            if not m:
                raise ConfigError(f"{self.origin}: alias '{line}' is not 'name = preferred name'")
            out[m.group(1).strip()] = m.group(2).strip()
        return out

    def settings(self) -> Settings:
        return Settings(
            quote_min_similarity=self.quote_min_similarity,
            claim_verify_coverage=self.claim_verify_coverage,
            claim_min_coverage=self.claim_min_coverage,
            candidates=self.candidates,
            aligned_candidates=self.aligned_candidates,
            jobs=self.jobs,
        )


_TYPES = {f.name: f.type for f in fields(Config)}


def _coerce(name: str, value, origin: str):
    kind = {"str": str, "int": int, "float": float}[
        _TYPES[name] if isinstance(_TYPES[name], str) else _TYPES[name].__name__
    ]
    try:
        v = kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{origin}: '{name}' must be a {kind.__name__}, not {value!r}") from None
    if name == "fail_on" and v not in FAIL_ON:
        raise ConfigError(f"{origin}: 'fail_on' must be one of {', '.join(FAIL_ON)}, not {v!r}")
    if kind is float and not 0.0 <= v <= 1.0:
        raise ConfigError(f"{origin}: '{name}' must be between 0 and 1, not {v}")
    if kind is str and name == "aliases":
        return v
    if kind is int and v <= 0:
        raise ConfigError(f"{origin}: '{name}' must be positive, not {v}")
    return v


def load_config(directory: str | Path = ".") -> Config:
    """Settings from ``setup.cfg`` (first) or ``pyproject.toml`` in ``directory``."""
    d = Path(directory)
    values: dict = {}
    origin = "defaults"
    cfg = d / "setup.cfg"
    if cfg.is_file():
        parser = configparser.ConfigParser()
        try:
            parser.read(cfg, encoding="utf-8")
        except configparser.Error as e:
            raise ConfigError(f"{cfg}: {e}") from None
        if parser.has_section("factcheck"):
            values = {k.replace("-", "_"): v for k, v in parser.items("factcheck")}
            origin = str(cfg)
    if not values:
        pp = d / "pyproject.toml"
        if pp.is_file():
            try:
                data = tomllib.loads(pp.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise ConfigError(f"{pp}: {e}") from None
            section = data.get("tool", {}).get("factcheck")
            if section:
                values = {k.replace("-", "_"): v for k, v in section.items()}
                if isinstance(values.get("aliases"), dict):  # [tool.factcheck.aliases] table
                    values["aliases"] = "\n".join(f"{k} = {v}" for k, v in values["aliases"].items())
                origin = str(pp)
    config = Config(origin=origin)
    for k, v in values.items():
        if k not in _TYPES or k == "origin":
            raise ConfigError(
                f"{origin}: unknown setting '{k}' (known: {', '.join(n for n in _TYPES if n != 'origin')})"
            )
        setattr(config, k, _coerce(k, v, origin))
    return config
