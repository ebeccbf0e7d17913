"""The help layout every command shares."""

from __future__ import annotations

import argparse
import os
import shutil
import sys

__all__ = ["HelpFormatter", "invoked_as"]


def invoked_as(argv0: str | None = None) -> str:
    """How to type the command that is running, for hints such as "next: kg query --list":
    "kg" when that is what the shell finds, else the path it was started by (".venv/bin/kg",
    which a new shell without the venv on its PATH needs), or "python -m kg".

    >>> invoked_as("/x/kg/__main__.py"), invoked_as("/x/bin/pytest")
    ('python -m kg', 'kg')
    """
    argv0 = sys.argv[0] if argv0 is None else argv0
    if os.path.basename(argv0) == "__main__.py":
        return "python -m kg"
    found = shutil.which("kg")
    if found and os.path.realpath(found) == os.path.realpath(argv0):
        return "kg"
    if os.path.basename(argv0) != "kg":
        return "kg"  # run from Python (tests, a notebook): the installed name
    relative = os.path.relpath(argv0)
    return relative if not relative.startswith("..") else argv0


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Wrap a one-paragraph description or epilog to the terminal; keep text written over
    several lines (examples) as written."""

    def _fill_text(self, text, width, indent):
        if "\n" in text:
            return super()._fill_text(text, width, indent)
        return argparse.HelpFormatter._fill_text(self, text, width, indent)
