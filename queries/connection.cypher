// name: connection
// description: How two papers or entities connect: the shortest routes (up to 6 hops) through shared datasets, models, methods, tasks, papers and model families (through a shared metric only where nothing else connects them).
// param: source name  A paper (id, title or part of it) or an entity (key, name or alias, in any case, hyphens or spaces); an entity named exactly comes before a title fragment (README: Which node a name means)
// param: target name  A paper (id, title or part of it) or an entity (key, name or alias, in any case, hyphens or spaces); an entity named exactly comes before a title fragment (README: Which node a name means)
// param: limit int>=1 = 3  How many of the shortest routes (all equally short; rarer entities first)
// allShortestPaths runs unchanged on FalkorDB and Neo4j (FalkorDB takes shortestPath only in
// WITH/RETURN). Enumerating every bounded path instead ran past 10 minutes at 30k papers,
// where hubs link thousands of papers. Among equally short routes, those through rarer
// entities come first. Routes pass through a metric only where no other route exists: nearly
// every paper measures accuracy, so "both report accuracy" would connect almost anything.
// Each end resolves to one node by the rule of kg/lookup.py (README, "Which node a name
// means"): 0 an exact key, input id or whole title; 1 an entity named exactly that papers
// mention; 2 the one paper whose title holds the text as whole words; 3 an entity by alias or
// spelling; 4 a title fragment (name before the colon, whole words, anywhere; shortest title);
// 5 an entity no paper names by itself (a family known through its variants).
// A text that names several nodes equally well is refused before this runs (kg query, kg.query):
// the first key in alphabetical order, which this would take, says nothing of which one was meant.
// Titles compare as plain_title holds them (lower case, letters plain: "Lukasz" finds Łukasz), names by their keys.
OPTIONAL MATCH (t:Paper)
WHERE (' ' + replace(replace(replace(coalesce(t.plain_title, toLower(t.title)), ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + $source_plain + ' ')
WITH count(t) AS source_titles
MATCH (a)
WITH a, source_titles, coalesce(a.plain_title, toLower(a.title)) AS title
WHERE a.key = $source OR a.external_id = $source OR title CONTAINS $source_plain OR toLower(a.name) = toLower($source)
   OR $source_key IN coalesce(a.name_keys, [])
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($source))
WITH a, source_titles, title, (' ' + replace(replace(replace(title, ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + $source_plain + ' ') AS whole
ORDER BY CASE WHEN a.key = $source OR a.external_id = $source OR title = $source_plain THEN 0
              WHEN a.title IS NOT NULL THEN CASE WHEN whole AND source_titles = 1 THEN 2 ELSE 4 END
              WHEN coalesce(a.support, 0) <= 0 THEN 5
              WHEN toLower(a.name) = toLower($source) THEN 1
              ELSE 3 END,
         CASE WHEN a.title IS NULL OR title STARTS WITH ($source_plain + ':') THEN 0 WHEN whole THEN 1 ELSE 2 END,
         coalesce(a.support, 0) DESC, size(coalesce(a.title, a.name)), a.key
LIMIT 1
OPTIONAL MATCH (t:Paper)
WHERE (' ' + replace(replace(replace(coalesce(t.plain_title, toLower(t.title)), ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + $target_plain + ' ')
WITH a, count(t) AS target_titles
MATCH (b)
WITH a, b, target_titles, coalesce(b.plain_title, toLower(b.title)) AS title
WHERE b <> a
  AND (b.key = $target OR b.external_id = $target OR title CONTAINS $target_plain OR toLower(b.name) = toLower($target)
       OR $target_key IN coalesce(b.name_keys, [])
       OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($target)))
WITH a, b, target_titles, title, (' ' + replace(replace(replace(title, ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + $target_plain + ' ') AS whole
ORDER BY CASE WHEN b.key = $target OR b.external_id = $target OR title = $target_plain THEN 0
              WHEN b.title IS NOT NULL THEN CASE WHEN whole AND target_titles = 1 THEN 2 ELSE 4 END
              WHEN coalesce(b.support, 0) <= 0 THEN 5
              WHEN toLower(b.name) = toLower($target) THEN 1
              ELSE 3 END,
         CASE WHEN b.title IS NULL OR title STARTS WITH ($target_plain + ':') THEN 0 WHEN whole THEN 1 ELSE 2 END,
         coalesce(b.support, 0) DESC, size(coalesce(b.title, b.name)), b.key
LIMIT 1
OPTIONAL MATCH named = allShortestPaths((a)-[:USES|PROPOSES|EVALUATES_ON|ADDRESSES|VARIANT_OF|RELEASES_CODE*..6]-(b))
WITH a, b, collect(named) AS routes
OPTIONAL MATCH measured = allShortestPaths((a)-[*..6]-(b))
WHERE size(routes) = 0
WITH a, b, routes, collect(measured) AS measured_routes
WITH a, b, CASE WHEN size(routes) = 0 THEN measured_routes ELSE routes END AS routes
UNWIND CASE WHEN size(routes) = 0 THEN [null] ELSE routes END AS path
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
