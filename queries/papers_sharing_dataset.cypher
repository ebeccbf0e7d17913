// name: papers_sharing_dataset
// description: Papers that share at least one dataset with the given paper, most shared datasets first.
// param: paper string  Paper id (or the input's own id), or a case-insensitive fragment of its title (the closest match is used)
// param: limit int>=1 = 20  Maximum number of rows
// The closest match: exact id or title first, then a title named by the text before its colon
// ("MALT: ..."), then one holding it as a whole word, then the shortest title containing it.
MATCH (p:Paper)
WHERE p.key = $paper OR p.external_id = $paper OR toLower(p.title) CONTAINS toLower($paper)
WITH p
ORDER BY CASE WHEN p.key = $paper OR p.external_id = $paper OR toLower(p.title) = toLower($paper) THEN 0
              WHEN toLower(p.title) STARTS WITH (toLower($paper) + ':') THEN 1
              WHEN (' ' + replace(replace(replace(toLower(p.title), ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + toLower($paper) + ' ') THEN 2
              ELSE 3 END, size(p.title), p.key
LIMIT 1
MATCH (p)-->(d:Dataset)<--(other:Paper)
WHERE other <> p
WITH p, other, d
ORDER BY d.name
WITH p, other, collect(DISTINCT d.name) AS datasets
RETURN p.title AS paper, other.title AS other_paper, size(datasets) AS shared, datasets
ORDER BY shared DESC, other_paper
LIMIT $limit
