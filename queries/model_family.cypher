// name: model_family
// description: A model's family line and its variants (VARIANT_OF chains, e.g. LLaMA > Llama 2 > Llama 2 7B) for the named model, or for every model whose name or alias contains the text, with paper counts.
// param: model name  A model's key (a row's model_key), or its name or alias given exactly (any case, hyphens or spaces: llama-2 is Llama 2) lists that model with its line up to its family's root and all its variants; other text, e.g. 7b, does so for every model whose name or alias contains it
// A name matches as papers_using matches it when some model has it; only then is it looked
// for inside names and aliases (README: "How names match").
// Each matching model is listed with its line up to the root of its family and every variant
// below it (not its siblings: Llama 2 brings LLaMA and Llama 2 7B, not Llama 3); sorting by the
// lineage text puts each variant under its parent.
OPTIONAL MATCH (x:Model)
WHERE x.key = $model OR $model_key IN coalesce(x.name_keys, []) OR toLower(x.name) = toLower($model)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($model))
WITH collect(x.key) AS exact
MATCH (m:Model)
WHERE m.key IN exact
   OR size(exact) = 0 AND (toLower(m.name) CONTAINS toLower($model)
       OR $model_key <> '' AND any(k IN coalesce(m.name_keys, []) WHERE k CONTAINS $model_key)
       OR any(alias IN coalesce(m.aliases, []) WHERE toLower(alias) CONTAINS toLower($model)))
MATCH (m)-[:VARIANT_OF*0..5]->(root)
WHERE NOT (root)-[:VARIANT_OF]->()
WITH DISTINCT m, root
MATCH (d)-[:VARIANT_OF*0..5]->(m)
WITH m, root, collect(DISTINCT d.key) AS below
MATCH (m)-[:VARIANT_OF*0..5]->(a)
WITH m, root, below, collect(DISTINCT a.key) AS above
UNWIND below + above AS key
WITH root, collect(DISTINCT key) AS keep
MATCH line = (v)-[:VARIANT_OF*0..5]->(root)
WHERE v.key IN keep
WITH root, v, length(line) AS depth,
     reduce(text = root.name, n IN tail(reverse(nodes(line))) | text + ' > ' + n.name) AS lineage
OPTIONAL MATCH (p:Paper)-->(v)
WITH root, v, depth, lineage, count(DISTINCT p) AS papers
RETURN root.name AS family, v.name AS model, depth, lineage, papers, root.key AS family_key, v.key AS model_key
ORDER BY family, family_key, lineage, model_key
