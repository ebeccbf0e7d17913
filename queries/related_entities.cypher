// name: related_entities
// description: What an entity is used with: the tasks (or datasets, models, methods, metrics) named by the papers that mention it, counted by papers, most first, with example titles. E.g. what tasks a model is used for.
// param: name name  Entity key (a row's entity_key), name or alias, e.g. GPT-4, GSM8K, LoRA (exact, as papers_using matches it: any case, hyphens, spaces or plural); a model family includes its variants
// param: type any|dataset|model|method|task|metric = task  Which type of entity to list (or any)
// param: limit int>=1 = 20  Maximum number of rows
// The named entities (and their variants) are left out of the answer; papers counts the papers
// that mention both; examples are up to three of those titles, alphabetically.
MATCH (e)
WHERE (e.key = $name OR $name_key IN coalesce(e.name_keys, []) OR toLower(e.name) = toLower($name)
       OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) = toLower($name)))
  AND NOT e:Paper AND NOT e:Repository
WITH e
MATCH (e)<-[:VARIANT_OF*0..5]-(x)
WITH collect(DISTINCT x) AS named
UNWIND named AS x
MATCH (x)<--(p:Paper)
WITH named, collect(DISTINCT p) AS papers
UNWIND papers AS p
MATCH (p)-->(other)
WHERE NOT other:Repository AND NOT other IN named
  AND ($type IN ['', 'any'] OR toLower($type) IN [toLower(labels(other)[0]), toLower(labels(other)[0]) + 's'])
WITH other, p
ORDER BY p.title
WITH other, collect(DISTINCT p.title) AS titles
RETURN labels(other)[0] AS type, other.name AS entity, size(titles) AS papers, titles[..3] AS examples, other.key AS entity_key
ORDER BY papers DESC, type, entity, entity_key
LIMIT $limit
