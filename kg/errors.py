"""One exception family.  Every message says what is wrong and how to fix it.

>>> try:
...     raise InputError("no such file: x.txt", fix="check the path")
... except KgError as err:
...     print(err)
no such file: x.txt (fix: check the path)

A fix may also be worded for the command line (``cli_fix``); ``str(err)`` is the library's
wording, :meth:`KgError.for_cli` the one `kg` prints:

>>> err = QueryError("template 't' needs parameter 'n'", fix="pass params={'n': VALUE}", cli_fix="add --param n=VALUE")
>>> print(err)
template 't' needs parameter 'n' (fix: pass params={'n': VALUE})
>>> print(err.for_cli())
template 't' needs parameter 'n' (fix: add --param n=VALUE)
"""

from __future__ import annotations

__all__ = [
    "KgError",
    "InputError",
    "ExtractionError",
    "StoreError",
    "StoreUnavailable",
    "QueryError",
    "VizError",
    "QueryWarning",
    "InputWarning",
]


class KgError(Exception):
    """Base class of every error paper-kg raises on purpose."""

    def __init__(self, message: str, *, fix: str | None = None, cli_fix: str | None = None):
        self.message = message
        self.fix = fix
        self.cli_fix = cli_fix
        super().__init__(_worded(message, fix))

    def for_cli(self) -> str:
        """The message with the fix in the command line's words, where it has its own."""
        return _worded(self.message, self.cli_fix or self.fix)


def _worded(message: str, fix: str | None) -> str:
    return f"{message} (fix: {fix})" if fix else message


class InputError(KgError):
    """A corpus file or record cannot be read."""


class ExtractionError(KgError):
    """The extraction pipeline cannot be built or run."""


class StoreError(KgError):
    """A graph store rejected a write or a query."""


class StoreUnavailable(StoreError):
    """A graph store cannot be started or reached."""


class QueryError(KgError):
    """A query template or user query is invalid (unknown name, bad parameters, a write)."""


class VizError(KgError):
    """A visualisation cannot be produced as asked."""


class QueryWarning(UserWarning):
    """A read-only query found nothing, and its text names something the graph does not have
    (a label, a relationship type, a link between two labels); ``kg cypher`` prints the same as notes."""


class InputWarning(UserWarning):
    """A build or extraction from Python left input records out (``kg build`` and ``kg extract``
    list them instead); the result's ``report.rejects`` says which, where and why."""
