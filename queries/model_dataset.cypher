// name: model_dataset
// description: Which models and datasets papers name in one sentence ("we evaluate Llama 3 on MMLU"; together=paper: anywhere in the paper): model x dataset pairs counted by those papers, most papers first, with one such sentence. Naming both is evidence, not proof, that the model was evaluated on the dataset.
// param: model name = any  Only this model: its key (a row's model_key), or a name or alias given exactly (any case, hyphens or spaces) means that model and its variants; other text matches every model whose name or alias contains it (or any)
// param: dataset name = any  Only this dataset: its key (a row's dataset_key), or a name or alias given exactly means that dataset and its variants (math is MATH, not GSM8K or MetaMathQA); other text matches every dataset whose name or alias contains it (or any)
// param: together sentence|paper = sentence  Where a paper must name both: in one sentence, or anywhere in the paper (co-occurrence)
// param: min_papers int>=1 = 1  Minimum number of papers per pair
// param: limit int>=1 = 50  Maximum number of rows
// A name matches as papers_using matches it (a node's name_keys hold the text's key) when some
// node has it; only then is it looked for inside names and aliases (README: "How names match").
OPTIONAL MATCH (x:Model)
WHERE NOT $model IN ['', 'any'] AND (x.key = $model OR $model_key IN coalesce(x.name_keys, []) OR toLower(x.name) = toLower($model)
       OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($model)))
OPTIONAL MATCH (vm:Model)-[:VARIANT_OF*0..5]->(x)
WITH collect(DISTINCT vm.key) AS exact_models
OPTIONAL MATCH (y:Dataset)
WHERE NOT $dataset IN ['', 'any'] AND (y.key = $dataset OR $dataset_key IN coalesce(y.name_keys, []) OR toLower(y.name) = toLower($dataset)
       OR any(alias IN coalesce(y.aliases, []) WHERE toLower(alias) = toLower($dataset)))
OPTIONAL MATCH (vd:Dataset)-[:VARIANT_OF*0..5]->(y)
WITH exact_models, collect(DISTINCT vd.key) AS exact_datasets
MATCH (m:Model)<-[rm]-(p:Paper)-[rd]->(d:Dataset)
WHERE ($model IN ['', 'any'] OR m.key IN exact_models
       OR size(exact_models) = 0 AND (toLower(m.name) CONTAINS toLower($model)
           OR $model_key <> '' AND any(k IN coalesce(m.name_keys, []) WHERE k CONTAINS $model_key)))
  AND ($dataset IN ['', 'any'] OR d.key IN exact_datasets
       OR size(exact_datasets) = 0 AND (toLower(d.name) CONTAINS toLower($dataset)
           OR $dataset_key <> '' AND any(k IN coalesce(d.name_keys, []) WHERE k CONTAINS $dataset_key)))
// the sentences both names are in (by where they start); the first of them is the one shown
WITH m, d, p, rm, coalesce(rm.sentence_starts, []) AS model_starts, coalesce(rd.sentence_starts, []) AS dataset_starts
WITH m, d, p, rm, model_starts, dataset_starts,
     [i IN range(0, size(model_starts) - 1) WHERE model_starts[i] IN dataset_starts] AS shared
// a relationship without sentence positions (loaded by an earlier paper-kg) counts at paper level
WHERE $together = 'paper' OR size(model_starts) = 0 OR size(dataset_starts) = 0 OR size(shared) > 0
WITH m, d, p, rm, model_starts, coalesce(shared[0], -1) AS at
// (every argument is a number even where no sentence is shared: a store may evaluate both branches)
WITH m, d, p, CASE WHEN at >= 0 AND size(coalesce(rm.sentence_ends, [])) = size(model_starts)
                   THEN substring(p.title + '\n' + p.abstract, coalesce(model_starts[at], 0),
                                  coalesce(rm.sentence_ends[at] - model_starts[at], 0)) END AS sentence
ORDER BY p.title
WITH m, d, collect(DISTINCT p.title) AS papers, collect(sentence) AS sentences
WHERE size(papers) >= $min_papers
RETURN m.name AS model, d.name AS dataset, size(papers) AS paper_count, papers, head(sentences) AS sentence,
       m.key AS model_key, d.key AS dataset_key
ORDER BY paper_count DESC, model, dataset, model_key, dataset_key
LIMIT $limit
