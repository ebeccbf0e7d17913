// name: top_entities
// description: The most-used datasets, models, methods, tasks and metrics, with the number of papers that mention each, the number that mention it or one of its variants (ImageNet with ImageNet-1K; a family node no paper names does not rank), and how many propose it.
// param: type any|dataset|model|method|task|metric = any  Only this entity type (or any)
// param: limit int>=1 = 10  Entities per type
MATCH (p:Paper)-[r]->(e)
WHERE NOT e:Repository
  AND ($type IN ['', 'any'] OR toLower($type) IN [toLower(labels(e)[0]), toLower(labels(e)[0]) + 's'])
WITH labels(e)[0] AS type, e, count(DISTINCT p) AS papers,
     count(DISTINCT CASE WHEN type(r) = 'PROPOSES' THEN p END) AS proposed_by
ORDER BY papers DESC, e.name, e.key
WITH type, collect({node: e, papers: papers, proposed_by: proposed_by}) AS ranked
UNWIND ranked[..$limit] AS top
WITH type, top, top.node AS e
OPTIONAL MATCH (e)<-[:VARIANT_OF*0..5]-(v)<-[]-(q:Paper)
WITH type, e, top, count(DISTINCT q) AS with_variants
RETURN type, e.name AS entity, top.papers AS papers, with_variants, top.proposed_by AS proposed_by, e.key AS entity_key
ORDER BY type, papers DESC, entity, entity_key
