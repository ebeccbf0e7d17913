// name: shared_datasets
// description: Datasets used by two or more papers, with those papers, most used first. A paper counts for the dataset it names (ImageNet-1K), not for its family (ImageNet): papers_using NAME also lists a family's variants.
// param: min_papers int>=1 = 2  Minimum number of papers per dataset
// param: limit int>=1 = 50  Maximum number of rows
MATCH (p:Paper)-->(d:Dataset)
WITH d, p
ORDER BY p.title
WITH d, collect(DISTINCT p.title) AS papers
WHERE size(papers) >= $min_papers
RETURN d.name AS dataset, size(papers) AS paper_count, papers, d.key AS dataset_key
ORDER BY paper_count DESC, dataset, dataset_key
LIMIT $limit
