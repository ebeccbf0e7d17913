// name: proposed_entities
// description: What the papers introduce: each dataset, model, method, task or metric a paper proposes, with that paper, its year, how many other papers in the graph name it, and the sentence that says so; the most taken up first.
// param: type any|dataset|model|method|task|metric = any  Only this entity type (or any)
// param: name name = any  Only this entity: its key (a row's entity_key), or a name or alias given exactly (any case, hyphens or spaces) means that entity and its variants; other text matches every entity whose name or alias contains it (or any)
// param: limit int>=1 = 50  Maximum number of rows
// A name matches as papers_using matches it when some entity of the type has it; only then is
// it looked for inside names and aliases (README: "How names match").
OPTIONAL MATCH (x)
WHERE NOT $name IN ['', 'any'] AND x.name IS NOT NULL AND NOT x:Paper AND NOT x:Repository
  AND (x.key = $name OR $name_key IN coalesce(x.name_keys, []) OR toLower(x.name) = toLower($name)
       OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($name)))
  AND ($type IN ['', 'any'] OR toLower($type) IN [toLower(labels(x)[0]), toLower(labels(x)[0]) + 's'])
OPTIONAL MATCH (v)-[:VARIANT_OF*0..5]->(x)
WITH collect(DISTINCT v.key) AS exact
MATCH (p:Paper)-[r:PROPOSES]->(e)
WHERE ($type IN ['', 'any'] OR toLower($type) IN [toLower(labels(e)[0]), toLower(labels(e)[0]) + 's'])
  AND ($name IN ['', 'any'] OR e.key IN exact
       OR size(exact) = 0 AND (toLower(e.name) CONTAINS toLower($name)
           OR $name_key <> '' AND any(k IN coalesce(e.name_keys, []) WHERE k CONTAINS $name_key)
           OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) CONTAINS toLower($name))))
RETURN labels(e)[0] AS type, e.name AS entity, p.title AS paper, p.year AS year,
       coalesce(e.support, 1) - 1 AS named_by_others, r.sentence AS evidence, e.key AS entity_key, p.key AS key
ORDER BY named_by_others DESC, type, entity, paper, entity_key
LIMIT $limit
