"""Cypher the loader sends, shared by every store (the subset FalkorDB and Neo4j both accept).

Labels and relationship types are never user input: they come from the fixed sets in
:mod:`kg.graph` and are checked here before they are placed in a statement.  Every value
travels as a parameter.

>>> print(merge_nodes("Repository"))
UNWIND $rows AS row MERGE (n:Repository {key: row.key}) SET n += row.props
"""

from __future__ import annotations

from ..graph import ENTITY_LABELS, LABELS, LIST_PROPERTIES, REPLACED_ON_RELOAD, RELATIONSHIP_TYPES

PAPER = "Paper"

__all__ = ["LIST_PROPERTIES", "REPLACED_ON_RELOAD", "merge_nodes", "merge_relationships", "refresh_support", "delete_orphans", "fold_entity",
           "entities_by_key", "entities_with_long_aliases", "entity_links_of_papers", "delete_all"]


def _checked(name: str, allowed) -> str:
    if name not in allowed:
        raise ValueError(f"{name!r} is not one of {sorted(allowed)}")
    return name


def merge_nodes(label: str) -> str:
    """MERGE by key, set plain properties, and union the label's list properties (one
    statement, so a node is written, and re-indexed, once per load).

    A paper's relationships come from its own text, so a paper loaded again drops the
    relationships it had: the ones this load sends replace them, and what it linked is
    marked ``kg_stale`` for :func:`delete_orphans` to check once the load is done.

    >>> print(merge_nodes("Paper"))
    UNWIND $rows AS row MERGE (n:Paper {key: row.key}) SET n += row.props, n.sources = [v IN coalesce(n.sources, []) WHERE NOT v IN row.sources] + row.sources, n.merged_ids = [v IN coalesce(n.merged_ids, []) WHERE NOT v IN row.merged_ids] + row.merged_ids, n.code_statement = row.code_statement WITH n MATCH (n)-[r]->(t) SET t.kg_stale = true DELETE r
    """
    unions = [
        f"n.{prop} = [v IN coalesce(n.{prop}, []) WHERE NOT v IN row.{prop}] + row.{prop}"
        for prop, labels in LIST_PROPERTIES.items()
        if label in labels
    ]
    # set as the row has it, null too, which removes it: a reloaded paper that no longer states a release
    replaced = [f"n.{prop} = row.{prop}" for prop, labels in REPLACED_ON_RELOAD.items() if label in labels]
    cypher = f"UNWIND $rows AS row MERGE (n:{_checked(label, LABELS)} {{key: row.key}}) SET " + ", ".join(["n += row.props", *unions, *replaced])
    return cypher + " WITH n MATCH (n)-[r]->(t) SET t.kg_stale = true DELETE r" if label == PAPER else cypher


def merge_relationships(source: str, rel_type: str, target: str) -> str:
    """MATCH both ends by key and write the relationship between them.

    A paper's relationships are CREATEd, not MERGEd: the loader sends every paper's
    :func:`merge_nodes` row, which deletes all of that paper's relationships, before any
    relationship of the same graph, and a graph holds one relationship per (paper, target),
    so the MERGE could only ever create (and its check for an existing one is a fifth of
    the statement's time on the server).  Other relationships (``VARIANT_OF`` between
    entities) may exist from an earlier load and are MERGEd.

    >>> print(merge_relationships("Paper", "USES", "Model"))
    UNWIND $rows AS row MATCH (a:Paper {key: row.source}) MATCH (b:Model {key: row.target}) CREATE (a)-[r:USES]->(b) SET r += row.props
    >>> print(merge_relationships("Model", "VARIANT_OF", "Model"))
    UNWIND $rows AS row MATCH (a:Model {key: row.source}) MATCH (b:Model {key: row.target}) MERGE (a)-[r:VARIANT_OF]->(b) SET r += row.props
    """
    verb = "CREATE" if source == PAPER else "MERGE"
    return (
        f"UNWIND $rows AS row MATCH (a:{_checked(source, LABELS)} {{key: row.source}}) "
        f"MATCH (b:{_checked(target, LABELS)} {{key: row.target}}) "
        f"{verb} (a)-[r:{_checked(rel_type, RELATIONSHIP_TYPES)}]->(b) SET r += row.props"
    )


def refresh_support(label: str) -> str:
    """Support = number of distinct papers linked to the entity, recomputed from the store."""
    _checked(label, set(ENTITY_LABELS.values()))
    return (
        f"MATCH (e:{label}) OPTIONAL MATCH (p:Paper)-->(e) "
        "WITH e, count(DISTINCT p) AS papers SET e.support = papers"
    )


def delete_orphans(label: str) -> list[str]:
    """Remove what a reloaded paper left unlinked: of the nodes marked ``kg_stale`` (and the
    families above them), those no paper links any more, keeping the families (at any depth)
    above a variant a paper links, as a fresh build would. Only marked nodes are tested, so a load that
    replaced nothing pays one scan of the label.

    >>> for statement in delete_orphans("Model"): print(statement)
    MATCH (e:Model) WHERE e.kg_stale = true MATCH (e)-[:VARIANT_OF*1..4]->(f) SET f.kg_stale = true
    MATCH (e:Model) WHERE e.kg_stale = true AND NOT (e)<--(:Paper) AND NOT (e)<-[:VARIANT_OF*1..4]-()<--(:Paper) DETACH DELETE e
    MATCH (e:Model) WHERE e.kg_stale = true REMOVE e.kg_stale
    """
    _checked(label, set(LABELS) - {PAPER})
    stale = f"MATCH (e:{label}) WHERE e.kg_stale = true"
    return [
        f"{stale} MATCH (e)-[:VARIANT_OF*1..4]->(f) SET f.kg_stale = true",
        f"{stale} AND NOT (e)<--(:Paper) AND NOT (e)<-[:VARIANT_OF*1..4]-()<--(:Paper) DETACH DELETE e",
        f"{stale} REMOVE e.kg_stale",
    ]


def fold_entity(label: str) -> list[str]:
    """Move ``row.old``'s relationships to ``row.new`` (created if missing), where the other
    end does not already link it, then keep the old name and aliases as aliases and delete
    the old node; see :func:`kg.graph.fold_entities`.

    >>> print(fold_entity("Model")[0])
    UNWIND $rows AS row MATCH (old:Model {key: row.old}) MERGE (new:Model {key: row.new}) WITH old, new MATCH (a)-[r:PROPOSES]->(old) WHERE a <> new AND NOT (a)-->(new) MERGE (a)-[s:PROPOSES]->(new) ON CREATE SET s += properties(r)
    """
    _checked(label, set(ENTITY_LABELS.values()))
    both = f"UNWIND $rows AS row MATCH (old:{label} {{key: row.old}}) MERGE (new:{label} {{key: row.new}}) WITH old, new"
    incoming = [
        f"{both} MATCH (a)-[r:{rel_type}]->(old) WHERE a <> new AND NOT (a)-->(new) "
        f"MERGE (a)-[s:{rel_type}]->(new) ON CREATE SET s += properties(r)"
        for rel_type in RELATIONSHIP_TYPES if rel_type != "RELEASES_CODE"
    ]
    families = (f"{both} MATCH (old)-[r:VARIANT_OF]->(f) WHERE f <> new AND NOT (new)-->(f) "
                "MERGE (new)-[s:VARIANT_OF]->(f) ON CREATE SET s += properties(r)")
    folded = "[old.name] + coalesce(old.aliases, [])"
    merge_names = (
        f"UNWIND $rows AS row MATCH (old:{label} {{key: row.old}}) MATCH (new:{label} {{key: row.new}}) "
        f"SET new.aliases = [v IN coalesce(new.aliases, []) WHERE NOT v IN ({folded})] "
        f"+ [v IN {folded} WHERE v <> coalesce(new.name, '')], "
        "new.name_keys = [v IN coalesce(new.name_keys, []) WHERE NOT v IN coalesce(old.name_keys, [])] "
        "+ coalesce(old.name_keys, []), "
        "new.lower_names = [v IN coalesce(new.lower_names, []) WHERE NOT v IN coalesce(old.lower_names, [])] "
        "+ coalesce(old.lower_names, []) DETACH DELETE old"
    )
    return [*incoming, families, merge_names]


def entities_by_key(label: str) -> str:
    """The stored names of the entities ``$keys`` names (a later load joins them)."""
    _checked(label, set(ENTITY_LABELS.values()))
    return (f"UNWIND $keys AS k MATCH (n:{label} {{key: k}}) "
            "RETURN n.key AS key, n.name AS name, coalesce(n.aliases, []) AS aliases, n.support AS support, "
            "size([(p:Paper)-[:PROPOSES]->(n) | p]) AS proposers")


def entities_with_long_aliases(label: str) -> str:
    """Entities with an alias of two or more words (a long form a later load may write)."""
    _checked(label, set(ENTITY_LABELS.values()))
    return (f"MATCH (n:{label}) WITH n, [a IN coalesce(n.aliases, []) WHERE a CONTAINS ' '] AS long "
            "WHERE size(long) > 0 RETURN n.key AS key, n.name AS name, long AS aliases, n.support AS support, "
            "size([(p:Paper)-[:PROPOSES]->(n) | p]) AS proposers")


def entity_links_of_papers() -> str:
    """The entities the stored papers ``$keys`` link to, and whether each link proposes it
    (what loading those papers again takes away from a node's counts)."""
    return ("UNWIND $keys AS k MATCH (p:Paper {key: k})-[r]->(n) WHERE NOT n:Repository "
            "WITH p, n, collect(type(r)) AS types "  # one row per paper and entity, as support counts them
            "RETURN n.key AS key, 'PROPOSES' IN types AS proposes")


def delete_all() -> str:
    return "MATCH (n) DETACH DELETE n"
