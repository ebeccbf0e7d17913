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

__all__ = ["URL", "find_links", "tidied", "link_type"]

URL = re.compile(r"https?://[^\s<>\"'{}|\\^`]+", re.I)
_HOSTS = ("github.com", "gitlab.com", "huggingface.co", "hf.co", "bitbucket.org")
_BARE_HOST = re.compile(r"(?<![\w@./:-])(?:www\.)?(?:" + "|".join(map(re.escape, _HOSTS)) + r")/[^\s<>\"'{}|\\^`]+", re.I)
_URL_TAIL = re.compile(r"://[^\s<>\"'{}|\\^`]+")  # starts with a literal: the regex engine skips ahead to it


def find_links(text: str) -> tuple[str, ...]:
    # URL and _BARE_HOST would try every position of the text; the literal parts are found
    # first and the patterns matched there only (same links, a tenth of the time)
    found = []
    for match in _URL_TAIL.finditer(text):
        scheme = text[max(0, match.start() - 5):match.start()].lower()
        width = 5 if scheme.endswith("https") else 4 if scheme.endswith("http") else 0
        if width:
            found.append((match.start() - width, text[match.start() - width:match.end()]))
    lowered = text.lower()
    for host in _HOSTS:
        at = lowered.find(host)
        while at >= 0:
            start = at - 4 if lowered[max(0, at - 4):at] == "www." else at
            bare = _BARE_HOST.match(text, start)
            if bare:
                found.append((start, "https://" + bare.group()))
            at = lowered.find(host, at + 1)
    return tidied(found)


def tidied(found: list[tuple[int, str]]) -> tuple[str, ...]:
    """The URLs of (offset, url) matches in text order, once each, without the sentence
    punctuation or unbalanced closing bracket that follows a URL in prose.

    >>> tidied([(9, "https://b.org/x)."), (0, "https://a.org,"), (20, "https://a.org")])
    ('https://a.org', 'https://b.org/x')
    """
    out: list[str] = []
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
