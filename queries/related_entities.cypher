// name: related_entities
// description: What an entity is used with: the tasks (or datasets, models, methods, metrics) named by the papers that mention it, counted by papers, most first, with example titles and one sentence that names both. E.g. what tasks a model is used for; together=sentence counts a paper only where one sentence names both.
// param: name name  Entity key (a row's entity_key), name or alias, e.g. GPT-4, GSM8K, LoRA (exact, as papers_using matches it: any case, hyphens, spaces or plural); a model family includes its variants
// param: type any|dataset|model|method|task|metric = task  Which type of entity to list (or any)
// param: together paper|sentence = paper  Where a paper must name both: anywhere in the paper (co-occurrence), or in one sentence
// param: limit int>=1 = 20  Maximum number of rows
// The named entities (and their variants) are left out of the answer; papers counts the papers
// that mention both; examples are up to three of those titles, alphabetically; sentence is the
// first (by title) that names both, empty where no sentence does.
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
MATCH (x)<-[rx]-(p:Paper)
// where the paper names any of them: the starts of those sentences
WITH named, p, collect(rx) AS named_links
WITH named, p, reduce(starts = [], r IN named_links | starts + coalesce(r.sentence_starts, [])) AS named_starts
MATCH (p)-[ro]->(other)
WHERE NOT other:Repository AND NOT other IN named
  AND ($type IN ['', 'any'] OR toLower($type) IN [toLower(labels(other)[0]), toLower(labels(other)[0]) + 's'])
WITH other, p, ro, named_starts, coalesce(ro.sentence_starts, []) AS other_starts
WITH other, p, ro, named_starts, other_starts,
     [i IN range(0, size(other_starts) - 1) WHERE other_starts[i] IN named_starts] AS shared
// a relationship without sentence positions (loaded by an earlier paper-kg) counts at paper level
WHERE $together = 'paper' OR size(named_starts) = 0 OR size(other_starts) = 0 OR size(shared) > 0
WITH other, p, ro, other_starts, coalesce(shared[0], -1) AS at
// (every argument is a number even where no sentence is shared: a store may evaluate both branches)
WITH other, p, CASE WHEN at >= 0 AND size(coalesce(ro.sentence_ends, [])) = size(other_starts)
                    THEN substring(p.title + '\n' + p.abstract, coalesce(other_starts[at], 0),
                                   coalesce(ro.sentence_ends[at] - other_starts[at], 0)) END AS sentence
ORDER BY p.title
WITH other, collect(DISTINCT p.title) AS titles, collect(sentence) AS sentences
RETURN labels(other)[0] AS type, other.name AS entity, size(titles) AS papers, titles[..3] AS examples,
       head(sentences) AS sentence, other.key AS entity_key
ORDER BY papers DESC, type, entity, entity_key
LIMIT $limit
