"""The help layout every command shares."""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys

__all__ = ["HelpFormatter", "invoked_as"]


def invoked_as(argv0: str | None = None) -> str:
    """How to type the command that is running, for hints such as "next: kg query --list":
    "kg" when that is what the shell finds, else the path it was started by (".venv/bin/kg",
    which a new shell without the venv on its PATH needs), or this Python with "-m kg"; quoted
    for a shell where a path holds a space.

    >>> invoked_as("/x/bin/pytest")
    'kg'
    >>> invoked_as("/x/kg/__main__.py").endswith(" -m kg")
    True
    """
    argv0 = sys.argv[0] if argv0 is None else argv0
    if os.path.basename(argv0) == "__main__.py":
        return f"{shlex.quote(_shortest(sys.executable))} -m kg"
    found = shutil.which("kg")
    if found and os.path.realpath(found) == os.path.realpath(argv0):
        return "kg"
    if os.path.basename(argv0) != "kg":
        return "kg"  # run from Python (tests, a notebook): the installed name
    return shlex.quote(_shortest(argv0))


def _shortest(path: str) -> str:
    """``path`` relative to the working folder where that is below it, else as given."""
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else path


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Wrap a one-paragraph description or epilog to the terminal; keep text written over
    several lines (examples) as written."""

    def _fill_text(self, text, width, indent):
        if "\n" in text:
            return super()._fill_text(text, width, indent)
        return argparse.HelpFormatter._fill_text(self, text, width, indent)
