// name: paper_entities
// description: What a paper proposes versus what it uses (datasets, models, methods, tasks, metrics, released code), with the evidence sentence.
// param: paper string  Paper id (or the input's own id), or a fragment of its title, in any case and with or without accents (the closest match is used)
// plain_title is the title in lower case with its letters plain (as $paper_plain is: "Lukasz" finds Łukasz); a store
// loaded before it has only the title.
MATCH (p:Paper)
WITH p, coalesce(p.plain_title, toLower(p.title)) AS title
WHERE p.key = $paper OR p.external_id = $paper OR title CONTAINS $paper_plain
WITH p, title
ORDER BY CASE WHEN p.key = $paper OR p.external_id = $paper OR title = $paper_plain THEN 0
              WHEN title STARTS WITH ($paper_plain + ':') THEN 1
              WHEN (' ' + replace(replace(replace(title, ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + $paper_plain + ' ') THEN 2
              ELSE 3 END, size(p.title), p.key
LIMIT 1
MATCH (p)-[r]->(e)
RETURN p.title AS paper, p.key AS key,
       CASE type(r) WHEN 'PROPOSES' THEN 'proposes' WHEN 'RELEASES_CODE' THEN 'releases' ELSE 'uses' END AS role,
       labels(e)[0] AS type, coalesce(e.url, e.name) AS entity, type(r) AS relationship, r.sentence AS evidence, e.key AS entity_key
ORDER BY role, type, entity
