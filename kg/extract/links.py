"""URLs written in an abstract (code repositories, project pages).

>>> find_links("Code: https://github.com/a/b. See http://x.org/p?q=1)")
('https://github.com/a/b', 'http://x.org/p?q=1')

A code or model host written without its scheme is a link too, given ``https://``:

>>> find_links("Code is at github.com/Org/Repo and www.github.com/a/b; mail me@github.com/x")
('https://github.com/Org/Repo', 'https://www.github.com/a/b')
>>> link_type("https://huggingface.co/datasets/org/Foo"), link_type("https://huggingface.co/org/Foo-7B")
('DATASET', 'MODEL')
>>> link_type("https://huggingface.co/datasets/squad"), link_type("https://huggingface.co/spaces/org/demo")
('DATASET', None)
"""

from __future__ import annotations

import re

__all__ = ["URL", "find_links", "link_type"]

URL = re.compile(r"https?://[^\s<>\"'{}|\\^`]+", re.I)
_BARE_HOST = re.compile(r"(?<![\w@./:-])(?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co|hf\.co|bitbucket\.org)/[^\s<>\"'{}|\\^`]+", re.I)


def find_links(text: str) -> tuple[str, ...]:
    out = []
    found = [(m.start(), m.group()) for m in URL.finditer(text)]
    found += [(m.start(), "https://" + m.group()) for m in _BARE_HOST.finditer(text)]
    for _, url in sorted(found):
        url = url.rstrip(".,;:!?")
        while url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        if url not in out:
            out.append(url)
    return tuple(out)


_HUB = re.compile(r"https?://(?:www\.)?(?:huggingface\.co|hf\.co)/(?:(datasets)/)?([\w.-]+)/[\w.-]+", re.I)
_HUB_PAGES = {"spaces", "collections", "papers", "docs", "blog", "learn", "models", "organizations"}


def link_type(url: str) -> str | None:
    """What a model hub link points at: a dataset page, a model repository, or neither."""
    match = _HUB.match(url)
    if not match or match.group(2).lower() in _HUB_PAGES:
        return None
    # "huggingface.co/datasets/squad" has no org: the regex reads "datasets" as one
    return "DATASET" if match.group(1) or match.group(2).lower() == "datasets" else "MODEL"
