"""Why a read-only Cypher query found nothing: the labels, relationship types, properties and
links between labels it names that paper-kg's graph does not have.  `kg cypher` prints these
as notes; :func:`kg.cypher` warns with them."""

from __future__ import annotations

import difflib
import re

from .graph import LABELS, PROPERTIES, RELATIONSHIP_TYPES, relationship_types_between

__all__ = ["STRING", "unknown_names", "unknown_properties"]

STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_NODE_LABELS = re.compile(r"\(\s*\w*\s*((?::\s*`?\w+`?\s*)+)")
_REL_TYPES = re.compile(r"\[\s*\w*\s*:\s*(`?\w+`?(?:\s*\|\s*:?\s*`?\w+`?)*)")
_PATTERN_VARIABLE = re.compile(r"[(\[]\s*([A-Za-z_]\w*)")
_PROPERTY = re.compile(r"\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b")


def unknown_names(cypher: str, property_keys: set[str]) -> list[str]:
    """Labels, relationship types and properties a query names that paper-kg's graph does not
    have: the likely reason it found nothing ("Datset", "EVALUATED_ON", "d.nmae").

    >>> for note in unknown_names("MATCH (d:Datset)<-[:EVALUATED_ON]-(p) RETURN d.nmae, p.title, 'x.y'", {"name", "title"}):
    ...     print(note[:70])
    no node label Datset in this graph (did you mean Dataset?); labels: Pa
    no relationship type EVALUATED_ON in this graph (did you mean EVALUATE
    no property nmae on any node or relationship (did you mean name?)
    """
    text = STRING.sub("''", cypher)
    notes = []
    labels = [label.strip(" `") for group in _NODE_LABELS.findall(text) for label in group.split(":") if label.strip(" `")]
    for label in dict.fromkeys(label for label in labels if label not in LABELS):
        notes.append(f"no node label {label} in this graph{_meant(label, LABELS)}; labels: {', '.join(LABELS)}")
    types = [t.strip(" `:") for group in _REL_TYPES.findall(text) for t in group.split("|") if t.strip(" `:")]
    for rel in dict.fromkeys(t for t in types if t not in RELATIONSHIP_TYPES):
        notes.append(f"no relationship type {rel} in this graph{_meant(rel, RELATIONSHIP_TYPES)}; types: {', '.join(RELATIONSHIP_TYPES)}")
    for prop in unknown_properties(text, property_keys):
        notes.append(f"no property {prop} on any node or relationship{_meant(prop, sorted(property_keys))}")
    return notes + _impossible_links(text)


# "(p:Paper)-[:USES]->(d:Dataset)" or its reverse: two labelled ends and the relationship types between them
_LINK = re.compile(r"\(\s*\w*\s*:\s*`?(\w+)`?[^()]*\)\s*(<?)-\[\s*\w*\s*:\s*([\w`|: ]+?)\s*(?:\*[^\]]*)?(?:\{[^\]]*)?\]-(>?)\s*\(\s*\w*\s*:\s*`?(\w+)`?")


def _impossible_links(text: str) -> list[str]:
    """Notes on relationships between two labels that the graph never links that way: a paper uses a
    dataset through EVALUATES_ON, not USES.

    >>> _impossible_links("MATCH (p:Paper)-[:USES]->(d:Dataset) RETURN d.name")
    ['no USES relationship goes from a Paper to a Dataset: between them the graph has PROPOSES, EVALUATES_ON']
    >>> _impossible_links("MATCH (d:Dataset)<-[:EVALUATES_ON|PROPOSES]-(p:Paper) RETURN d.name")
    []
    """
    notes = []
    for match in _LINK.finditer(text):
        left, into_left, types, out_of_left, right = match.groups()
        if into_left and not out_of_left:
            left, right = right, left
        elif not out_of_left:
            continue  # undirected: either way may hold
        written = [t.strip(" `:") for t in types.split("|") if t.strip(" `:")]
        if left not in LABELS or right not in LABELS or any(t not in RELATIONSHIP_TYPES for t in written):
            continue  # an unknown name has its own note
        possible = relationship_types_between(left, right)
        if not any(t in possible for t in written):
            between = f"between them the graph has {', '.join(possible)}" if possible else "the graph links them no way in this direction"
            notes.append(f"no {'|'.join(written)} relationship goes from a {left} to a {right}: {between}")
    return notes


def unknown_properties(text: str, property_keys: set[str]) -> list[str]:
    """Properties read from a pattern's variables (``text`` with its strings blanked) that neither
    the store nor the graph model has; none when the store's keys are unknown."""
    if not property_keys:
        return []
    variables = set(_PATTERN_VARIABLE.findall(text))
    return list(dict.fromkeys(prop for var, prop in _PROPERTY.findall(text)
                              if var in variables and prop not in property_keys and prop not in PROPERTIES))


def _meant(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6) or [k for k in known if k.lower() == name.lower()]
    return f" (did you mean {close[0]}?)" if close else ""
