// name: paper_entities
// description: What a paper proposes versus what it uses (datasets, models, methods, tasks, metrics, released code), with the evidence sentence.
// param: paper string  Paper id (or the input's own id), or a case-insensitive fragment of its title (the closest match is used)
MATCH (p:Paper)
WHERE p.key = $paper OR p.external_id = $paper OR toLower(p.title) CONTAINS toLower($paper)
WITH p
ORDER BY CASE WHEN p.key = $paper OR p.external_id = $paper OR toLower(p.title) = toLower($paper) THEN 0
              WHEN toLower(p.title) STARTS WITH (toLower($paper) + ':') THEN 1
              WHEN (' ' + replace(replace(replace(toLower(p.title), ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + toLower($paper) + ' ') THEN 2
              ELSE 3 END, size(p.title), p.key
LIMIT 1
MATCH (p)-[r]->(e)
RETURN p.title AS paper, p.key AS key,
       CASE type(r) WHEN 'PROPOSES' THEN 'proposes' WHEN 'RELEASES_CODE' THEN 'releases' ELSE 'uses' END AS role,
       labels(e)[0] AS type, coalesce(e.url, e.name) AS entity, type(r) AS relationship, r.sentence AS evidence
ORDER BY role, type, entity
