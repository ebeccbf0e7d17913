// name: top_entities
// description: The most-used datasets, models, methods, tasks and metrics, with the number of papers that mention each (and how many propose it).
// param: type any|dataset|model|method|task|metric = any  Only this entity type (or any)
// param: limit int>=1 = 10  Entities per type
MATCH (p:Paper)-[r]->(e)
WHERE NOT e:Repository
  AND ($type IN ['', 'any'] OR toLower($type) IN [toLower(labels(e)[0]), toLower(labels(e)[0]) + 's'])
WITH labels(e)[0] AS type, e, count(DISTINCT p) AS papers,
     count(DISTINCT CASE WHEN type(r) = 'PROPOSES' THEN p END) AS proposed_by
ORDER BY papers DESC, e.name
WITH type, collect({name: e.name, papers: papers, proposed_by: proposed_by}) AS ranked
UNWIND ranked[..$limit] AS top
RETURN type, top.name AS entity, top.papers AS papers, top.proposed_by AS proposed_by
ORDER BY type, papers DESC, entity
