// name: model_family
// description: Model families and their variants (VARIANT_OF, e.g. Llama 2 7B -> Llama 2) for models whose name or alias contains the text, with paper counts.
// param: model string  Text in the model's name or alias, case-insensitive, e.g. llama
MATCH (m:Model)
WHERE toLower(m.name) CONTAINS toLower($model)
   OR any(alias IN coalesce(m.aliases, []) WHERE toLower(alias) CONTAINS toLower($model))
OPTIONAL MATCH (m)-[:VARIANT_OF]->(f)
WITH DISTINCT coalesce(f, m) AS family
MATCH (v)-[:VARIANT_OF*0..1]->(family)
OPTIONAL MATCH (p:Paper)-->(v)
WITH family, v, count(DISTINCT p) AS papers
RETURN family.name AS family, CASE WHEN v = family THEN 'family' ELSE 'variant' END AS kind, v.name AS model, papers
ORDER BY family, kind, papers DESC, model
