// name: papers_with_code
// description: Papers that link a repository on GitHub, GitLab, Bitbucket or Hugging Face, optionally only those mentioning a given entity. Only these four hosts count: a paper whose code is elsewhere (its own site, another host) is not listed.
// param: entity name = any  Only papers mentioning this dataset/model/method/task/metric, named exactly by its name or an alias (any case, hyphens or spaces: gsm-8k is GSM8K; a family does not take in its variants here), or any
// param: limit int>=1 = 50  Maximum number of rows
MATCH (p:Paper)-[:RELEASES_CODE]->(repo:Repository)
WITH p, repo
ORDER BY repo.url
WITH p, collect(DISTINCT repo.url) AS repositories
OPTIONAL MATCH (p)-->(e)
WHERE NOT e:Repository
WITH p, repositories, e
ORDER BY e.name
WITH p, repositories, collect(DISTINCT e) AS entities
WHERE $entity IN ['', 'any']
   OR any(e IN entities WHERE toLower(e.name) = toLower($entity) OR $entity_key IN coalesce(e.name_keys, [])
          OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) = toLower($entity)))
RETURN p.title AS paper, p.key AS key, repositories, [e IN entities | e.name] AS entities
ORDER BY paper, key
LIMIT $limit
