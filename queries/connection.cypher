// name: connection
// description: How two papers or entities connect: the shortest routes (up to 6 hops) through shared datasets, models, methods, papers and model families.
// param: source name  A paper (id or title fragment) or an entity (name or alias, in any case, hyphens or spaces)
// param: target name  A paper (id or title fragment) or an entity (name or alias, in any case, hyphens or spaces)
// param: limit int>=1 = 3  How many of the shortest routes (all equally short; rarer entities first)
// allShortestPaths runs unchanged on FalkorDB and Neo4j (FalkorDB takes shortestPath only in
// WITH/RETURN). Enumerating every bounded path instead ran past 10 minutes at 30k papers,
// where hubs link thousands of papers. Among equally short routes, those through rarer
// entities come first.
// Each end resolves to one node: exact id/name/alias/title before a title fragment.
MATCH (a)
WHERE a.key = $source OR a.external_id = $source OR toLower(a.name) = toLower($source) OR toLower(a.title) CONTAINS toLower($source)
   OR $source_key IN coalesce(a.name_keys, [])
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($source))
WITH a
ORDER BY CASE WHEN a.key = $source OR a.external_id = $source OR toLower(coalesce(a.name, a.title)) = toLower($source)
                   OR $source_key IN coalesce(a.name_keys, []) THEN 0
              WHEN a.title IS NULL THEN 1
              WHEN toLower(a.title) STARTS WITH (toLower($source) + ':') THEN 2
              WHEN (' ' + replace(replace(replace(toLower(a.title), ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + toLower($source) + ' ') THEN 3
              ELSE 4 END, size(coalesce(a.title, a.name)), a.key
LIMIT 1
MATCH (b)
WHERE b <> a
  AND (b.key = $target OR b.external_id = $target OR toLower(b.name) = toLower($target) OR toLower(b.title) CONTAINS toLower($target)
       OR $target_key IN coalesce(b.name_keys, [])
       OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($target)))
WITH a, b
ORDER BY CASE WHEN b.key = $target OR b.external_id = $target OR toLower(coalesce(b.name, b.title)) = toLower($target)
                   OR $target_key IN coalesce(b.name_keys, []) THEN 0
              WHEN b.title IS NULL THEN 1
              WHEN toLower(b.title) STARTS WITH (toLower($target) + ':') THEN 2
              WHEN (' ' + replace(replace(replace(toLower(b.title), ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + toLower($target) + ' ') THEN 3
              ELSE 4 END, size(coalesce(b.title, b.name)), b.key
LIMIT 1
OPTIONAL MATCH path = allShortestPaths((a)-[*..6]-(b))
WITH a, b, path, coalesce(nodes(path), []) AS ns, coalesce(relationships(path), []) AS rs
WITH a, b, path, ns, rs, reduce(total = 0, n IN ns | total + coalesce(n.support, 0)) AS generality
ORDER BY length(path), generality
LIMIT $limit
RETURN length(path) AS hops,
       CASE WHEN path IS NULL
            THEN 'no route within 6 hops between ' + coalesce(a.title, a.name) + ' and ' + coalesce(b.title, b.name)
            ELSE reduce(route = coalesce(ns[0].title, ns[0].name), i IN range(0, size(rs) - 1) |
                        route + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -[' + type(rs[i]) + ']-> ' ELSE ' <-[' + type(rs[i]) + ']- ' END
                        + coalesce(ns[i + 1].title, ns[i + 1].name))
       END AS route
