// name: related_work
// description: A related-work table for a topic: each paper that names an entity (or one of its variants), one row per paper, with what the paper proposes and the tasks, datasets, models, methods and metrics it uses, and its code links (or the sentence saying its code is released); e.g. a survey table of the papers on LoRA or GSM8K.
// param: name name  The topic: an entity key (a row's entity_key), name or alias, e.g. LoRA, GSM8K, speculative decoding (exact, as papers_using matches it: any case, hyphens, spaces or plural); a family includes its variants
// param: limit int>=1 = 50  Maximum number of rows (papers)
// names is what of the topic the paper names (the entity or its variants) and how; every list is
// alphabetical; newest papers first (a paper without a year last), then by title.
// One indexed lookup per entity label (labels cannot be parameters): a name in any hyphenation,
// spacing or plural is one of a node's name_keys, in any case one of its lower_names.
OPTIONAL MATCH (n:Dataset) WHERE n.key = $name OR $name_key IN n.name_keys OR toLower($name) IN n.lower_names
WITH collect(n) AS datasets
OPTIONAL MATCH (n:Model) WHERE n.key = $name OR $name_key IN n.name_keys OR toLower($name) IN n.lower_names
WITH datasets, collect(n) AS models
OPTIONAL MATCH (n:Method) WHERE n.key = $name OR $name_key IN n.name_keys OR toLower($name) IN n.lower_names
WITH datasets, models, collect(n) AS methods
OPTIONAL MATCH (n:Task) WHERE n.key = $name OR $name_key IN n.name_keys OR toLower($name) IN n.lower_names
WITH datasets, models, methods, collect(n) AS tasks
OPTIONAL MATCH (n:Metric) WHERE n.key = $name OR $name_key IN n.name_keys OR toLower($name) IN n.lower_names
WITH datasets, models, methods, tasks, collect(n) AS metrics
UNWIND datasets + models + methods + tasks + metrics AS e
WITH e
MATCH (e)<-[:VARIANT_OF*0..5]-(x)
WITH collect(DISTINCT x) AS named
UNWIND named AS x
MATCH (x)<-[r]-(p:Paper)
WITH p, x, r
ORDER BY x.name
WITH p, collect(DISTINCT CASE type(r) WHEN 'PROPOSES' THEN x.name + ' (proposed)' ELSE x.name END) AS names
MATCH (p)-[link]->(other)
WITH p, names, type(link) AS link, labels(other)[0] AS label, coalesce(other.url, other.name) AS entity
ORDER BY entity
WITH p, names,
     collect(CASE WHEN link = 'PROPOSES' THEN entity END) AS proposes,
     collect(CASE WHEN link <> 'PROPOSES' AND label = 'Task' THEN entity END) AS tasks,
     collect(CASE WHEN link <> 'PROPOSES' AND label = 'Dataset' THEN entity END) AS datasets,
     collect(CASE WHEN link <> 'PROPOSES' AND label = 'Model' THEN entity END) AS models,
     collect(CASE WHEN link <> 'PROPOSES' AND label = 'Method' THEN entity END) AS methods,
     collect(CASE WHEN link <> 'PROPOSES' AND label = 'Metric' THEN entity END) AS metrics,
     collect(CASE WHEN label = 'Repository' THEN entity END) AS code
// a paper that links no repository but says its code is released: that sentence
RETURN p.title AS paper, p.key AS key, p.year AS year, names, proposes, tasks, datasets, models, methods, metrics,
       CASE WHEN size(code) = 0 AND p.code_statement IS NOT NULL THEN [p.code_statement] ELSE code END AS code
ORDER BY coalesce(p.year, 0) DESC, paper, key
LIMIT $limit
