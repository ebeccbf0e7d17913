// name: search_papers
// description: Full-text search over paper titles and abstracts, best match first.
// param: query words  Words to look for, e.g. instruction tuning; "double quotes" keep a phrase together
// param: limit int>=1 = 20  Maximum number of rows
// Written for Neo4j's index "paper_search"; the embedded store rewrites the call to FalkorDB's
// full-text procedure over the same property (search_text: the paper's title and abstract,
// spelled as kg.fulltext spells the query's words).
// Scores are not comparable across stores.
CALL db.index.fulltext.queryNodes("paper_search", $query) YIELD node, score
RETURN node.title AS title, node.key AS key, round(1000.0 * score) / 1000.0 AS score
ORDER BY score DESC, title
LIMIT $limit
