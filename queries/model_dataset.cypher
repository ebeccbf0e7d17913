// name: model_dataset
// description: Which models are evaluated on which datasets: model x dataset pairs counted by the papers that mention both, most papers first.
// param: model name = any  Only models whose name or alias contains this text, in any case, hyphens or spaces (or any)
// param: dataset name = any  Only datasets whose name or alias contains this text, in any case, hyphens or spaces (or any)
// param: min_papers int>=1 = 1  Minimum number of papers per pair
// param: limit int>=1 = 50  Maximum number of rows
MATCH (m:Model)<--(p:Paper)-->(d:Dataset)
WHERE ($model IN ['', 'any'] OR toLower(m.name) CONTAINS toLower($model)
       OR $model_key <> '' AND any(k IN coalesce(m.name_keys, []) WHERE k CONTAINS $model_key))
  AND ($dataset IN ['', 'any'] OR toLower(d.name) CONTAINS toLower($dataset)
       OR $dataset_key <> '' AND any(k IN coalesce(d.name_keys, []) WHERE k CONTAINS $dataset_key))
WITH m, d, p
ORDER BY p.title
WITH m, d, collect(DISTINCT p.title) AS papers
WHERE size(papers) >= $min_papers
RETURN m.name AS model, d.name AS dataset, size(papers) AS paper_count, papers
ORDER BY paper_count DESC, model, dataset
LIMIT $limit
