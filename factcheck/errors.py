"""Errors the library raises for bad input; the CLI turns them into exit status 2."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class for every error factcheck reports to a user."""


class InputError(FactcheckError):
    """A file that cannot be used, with where the problem is."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class ConfigError(FactcheckError):
    """A setting that cannot be used."""
