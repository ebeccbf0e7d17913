// name: papers_with_code
// description: Papers that release code: those that link a repository on GitHub, GitLab, Bitbucket or Hugging Face, and (stated=yes) those that say in a sentence that their code is or will be available without linking it, optionally only those mentioning a given entity. Only these four hosts make a repository: a link to another host (the authors' own site) counts only through such a sentence.
// param: entity name = any  Only papers mentioning this dataset/model/method/task/metric, named exactly by its key, its name or an alias (any case, hyphens or spaces: gsm-8k is GSM8K; a family takes in its variants: Llama 2 finds Llama-2-7B), or any
// param: stated yes|no = yes  Also papers that only say their code is or will be released (statement shows the sentence), or only those that link a repository (no)
// param: limit int>=1 = 50  Maximum number of rows
// A paper links a repository (repositories) or states a release (statement): never both, since a
// statement is kept only for a paper that links no repository.
MATCH (p:Paper)
OPTIONAL MATCH (p)-[:RELEASES_CODE]->(repo:Repository)
WITH p, repo
WHERE repo IS NOT NULL OR (toLower($stated) = 'yes' AND p.code_statement IS NOT NULL)
WITH p, repo
ORDER BY repo.url
WITH p, collect(DISTINCT repo.url) AS repositories
OPTIONAL MATCH (p)-->(e)
WHERE NOT e:Repository
OPTIONAL MATCH (e)-[:VARIANT_OF*0..5]->(f)
WITH p, repositories, e, collect(DISTINCT f) AS families
ORDER BY e.name
WITH p, repositories, collect(DISTINCT e) AS entities, collect(families) AS named
WHERE $entity IN ['', 'any']
   OR any(fs IN named WHERE any(f IN fs WHERE f.key = $entity OR $entity_key IN coalesce(f.name_keys, []) OR toLower(f.name) = toLower($entity)
          OR any(alias IN coalesce(f.aliases, []) WHERE toLower(alias) = toLower($entity))))
RETURN p.title AS paper, p.key AS key, repositories, p.code_statement AS statement, [e IN entities | e.name] AS entities
ORDER BY paper, key
LIMIT $limit
