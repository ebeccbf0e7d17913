"""What a query's names were when it found nothing: the nodes a name parameter names, and the
names spelled like one that is no node ("LibriSpeeech" -> LibriSpeech).  `kg query` prints these
as notes and :func:`kg.query` warns them (:class:`kg.QueryWarning`)."""

from __future__ import annotations

import difflib

from .queries import KEY_SUFFIX

__all__ = ["NAMING_PARAMS", "nodes_named", "close_names", "unfound_names"]

# template parameters whose value names a node
NAMING_PARAMS = {"paper", "source", "target", "name", "model", "entity", "dataset"}


def nodes_named(store, keys: dict[str, str]) -> dict[str, list[tuple[str, str, int]]]:
    """Per parameter, the entities its value names (by key), when a query found no rows."""
    out = {}
    for param, key in keys.items():
        rows = store.read("MATCH (e) WHERE $k IN coalesce(e.name_keys, []) "
                          "RETURN labels(e)[0] AS label, e.name AS name, coalesce(e.support, 0) AS support "
                          "ORDER BY support DESC, name LIMIT 3", {"k": key}) if key else []
        if rows:
            out[param] = [(r["label"], r["name"], r["support"]) for r in rows]
    return out


def close_names(store, value: str) -> list[str]:
    """Entity names spelled like ``value`` (a typo: "GSM8KK", "Lamma 2"), most-supported first
    among equals; only names that start with the same letter are read, so a big store answers fast."""
    value = value.strip()
    if len(value) < 3:
        return []
    rows = store.read("MATCH (e) WHERE e.title IS NULL AND toLower(left(e.name, 1)) = $first "
                      "RETURN e.name AS name, coalesce(e.support, 0) AS support", {"first": value[:1].lower()})
    by_folded: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: (-r["support"], r["name"])):
        by_folded.setdefault(row["name"].lower(), row["name"])
    return [by_folded[f] for f in difflib.get_close_matches(value.lower(), list(by_folded), n=4, cutoff=0.75)]


def unfound_names(store, given: dict, bound: dict) -> list[str]:
    """A note for each name parameter in ``given`` (as the user wrote it; ``bound``: as the template
    bound it) that names no node, with the names spelled like it."""
    notes = []
    for param, value in given.items():
        key = bound.get(param + KEY_SUFFIX)
        if param not in NAMING_PARAMS or not key or str(value).strip().lower() in ("", "any") or nodes_named(store, {param: key}):
            continue
        close = close_names(store, str(value))
        meant = f"; did you mean {', '.join(repr(n) for n in close)}?" if close else ""
        notes.append(f"{param}={value!r} is no node here{meant}")
    return notes
