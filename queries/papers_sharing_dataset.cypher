// name: papers_sharing_dataset
// description: Papers that share at least one dataset with the given paper, most shared datasets first.
// param: paper string  Paper id, or a case-insensitive fragment of its title
// param: limit int = 20  Maximum number of rows
MATCH (p:Paper)
WHERE p.key = $paper OR toLower(p.title) CONTAINS toLower($paper)
MATCH (p)-[:EVALUATES_ON|PROPOSES]->(d:Dataset)<-[:EVALUATES_ON|PROPOSES]-(other:Paper)
WHERE other <> p
WITH p, other, collect(DISTINCT d.name) AS datasets
RETURN p.title AS paper, other.title AS other_paper, size(datasets) AS shared, datasets
ORDER BY shared DESC, other_paper
LIMIT $limit
