"""URLs written in an abstract (code repositories, project pages).

>>> find_links("Code: https://github.com/a/b. See http://x.org/p?q=1)")
('https://github.com/a/b', 'http://x.org/p?q=1')
"""

from __future__ import annotations

import re

__all__ = ["find_links"]

_URL = re.compile(r"https?://[^\s<>\"'{}|\\^`]+", re.I)


def find_links(text: str) -> tuple[str, ...]:
    out = []
    for match in _URL.finditer(text):
        url = match.group().rstrip(".,;:!?")
        while url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        if url not in out:
            out.append(url)
    return tuple(out)
