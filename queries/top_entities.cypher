// name: top_entities
// description: The most-used datasets, models, methods, tasks and metrics, with the number of papers that mention each, the number that mention it or one of its variants (ImageNet with ImageNet-1K; a family node no paper names does not rank), and how many propose it.
// param: type any|dataset|model|method|task|metric = any  Only this entity type (or any)
// param: limit int>=1 = 10  Entities per type
// An entity's support is the number of papers linked to it (a load recounts it), so the ranking
// reads it instead of counting every paper's relationships; only the top entities are walked.
MATCH (e)
WHERE (e:Dataset OR e:Model OR e:Method OR e:Task OR e:Metric) AND e.support > 0
  AND ($type IN ['', 'any'] OR toLower($type) IN [toLower(labels(e)[0]), toLower(labels(e)[0]) + 's'])
WITH labels(e)[0] AS type, e
ORDER BY e.support DESC, e.name, e.key
WITH type, collect(e) AS ranked
UNWIND ranked[..$limit] AS e
OPTIONAL MATCH (p:Paper)-[:PROPOSES]->(e)
WITH type, e, count(DISTINCT p) AS proposed_by
OPTIONAL MATCH (e)<-[:VARIANT_OF*0..5]-(v)<-[]-(q:Paper)
WITH type, e, proposed_by, count(DISTINCT q) AS with_variants
RETURN type, e.name AS entity, e.support AS papers, with_variants, proposed_by, e.key AS entity_key
ORDER BY type, papers DESC, entity, entity_key
