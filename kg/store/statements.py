"""Cypher the loader sends, shared by every store (the subset FalkorDB and Neo4j both accept).

Labels and relationship types are never user input: they come from the fixed sets in
:mod:`kg.graph` and are checked here before they are placed in a statement.  Every value
travels as a parameter.

>>> print(merge_nodes("Dataset"))
UNWIND $rows AS row MERGE (n:Dataset {key: row.key}) SET n += row.props
"""

from __future__ import annotations

from ..graph import ENTITY_LABELS, LABELS, RELATIONSHIP_TYPES

__all__ = ["LIST_PROPERTIES", "merge_nodes", "merge_relationships", "refresh_support", "merge_list", "delete_all"]

# List properties that grow by union across loads instead of being overwritten:
# aliases of an entity, and the input records (sources) of a paper.
LIST_PROPERTIES = {"aliases": frozenset(ENTITY_LABELS.values()), "sources": frozenset({"Paper"})}


def _checked(name: str, allowed) -> str:
    if name not in allowed:
        raise ValueError(f"{name!r} is not one of {sorted(allowed)}")
    return name


def merge_nodes(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:{_checked(label, LABELS)} {{key: row.key}}) SET n += row.props"


def merge_list(label: str, prop: str) -> str:
    """Union of the stored and new values of a list property, so a later load never drops one.

    >>> print(merge_list("Paper", "sources"))
    UNWIND $rows AS row MATCH (n:Paper {key: row.key}) SET n.sources = [a IN coalesce(n.sources, []) WHERE NOT a IN row.values] + row.values
    """
    if label not in LIST_PROPERTIES.get(prop, ()):
        raise ValueError(f"{label}.{prop} is not a merged list property")
    return (
        f"UNWIND $rows AS row MATCH (n:{label} {{key: row.key}}) "
        f"SET n.{prop} = [a IN coalesce(n.{prop}, []) WHERE NOT a IN row.values] + row.values"
    )


def merge_relationships(source: str, rel_type: str, target: str) -> str:
    return (
        f"UNWIND $rows AS row MATCH (a:{_checked(source, LABELS)} {{key: row.source}}) "
        f"MATCH (b:{_checked(target, LABELS)} {{key: row.target}}) "
        f"MERGE (a)-[r:{_checked(rel_type, RELATIONSHIP_TYPES)}]->(b) SET r += row.props"
    )


def refresh_support(label: str) -> str:
    """Support = number of distinct papers linked to the entity, recomputed from the store."""
    _checked(label, set(ENTITY_LABELS.values()))
    return (
        f"MATCH (e:{label}) OPTIONAL MATCH (p:Paper)-->(e) "
        "WITH e, count(DISTINCT p) AS papers SET e.support = papers"
    )


def delete_all() -> str:
    return "MATCH (n) DETACH DELETE n"
