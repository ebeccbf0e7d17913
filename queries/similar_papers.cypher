// name: similar_papers
// description: Papers most similar to the given paper by the datasets, models, methods and tasks they share, scored by Adamic-Adar (rare shared entities weigh more) and Jaccard.
// param: paper string  Paper id (or the input's own id), or a fragment of its title, in any case and with or without accents (the closest match is used)
// param: rank_by adamic_adar|jaccard = adamic_adar  How to rank: adamic_adar (rare shared entities count more) or jaccard (share of entities in common)
// param: limit int>=1 = 10  Maximum number of rows
// Adamic-Adar sums 1/log(d) over the shared entities, d = the number of papers that mention
// the entity (at least 2: this paper and the other); Jaccard = shared / union of both entity sets.
// Metrics do not count: two papers that both report accuracy or FID are no closer in subject
// (one review's top answer for a continual-learning paper shared only "test accuracy" and MNIST).
// Each entity's degree is counted once, before fanning out to the other papers: counting it
// per (other paper, entity) pair took 21 s at 30k papers, where a popular dataset has 300+.
// plain_title is the title in lower case with its letters plain (as $paper_plain is: "Lukasz" finds Łukasz); a store
// loaded before it has only the title.
MATCH (p:Paper)
WITH p, coalesce(p.plain_title, toLower(p.title)) AS title
WHERE p.key = $paper OR p.external_id = $paper OR title CONTAINS $paper_plain
WITH p, title
ORDER BY CASE WHEN p.key = $paper OR p.external_id = $paper OR title = $paper_plain THEN 0
              WHEN title STARTS WITH ($paper_plain + ':') THEN 1
              WHEN (' ' + replace(replace(replace(title, ':', ' '), ',', ' '), '?', ' ') + ' ') CONTAINS (' ' + $paper_plain + ' ') THEN 2
              ELSE 3 END, size(p.title), p.key
LIMIT 1
MATCH (p)-->(e)
WHERE NOT e:Repository AND NOT e:Metric
WITH p, collect(DISTINCT e) AS mine
UNWIND mine AS e
MATCH (e)<--(x:Paper)
WITH p, size(mine) AS n_mine, e, count(DISTINCT x) AS degree
MATCH (e)<--(q:Paper)
WHERE q <> p
WITH DISTINCT p, n_mine, q, e, degree
ORDER BY e.name
WITH p, n_mine, q, collect(e.name) AS shared, sum(1.0 / log(degree)) AS aa
MATCH (q)-->(f)
WHERE NOT f:Repository AND NOT f:Metric
WITH p, n_mine, q, shared, aa, count(DISTINCT f) AS n_theirs
WITH p, q, shared, round(1000.0 * aa) / 1000.0 AS adamic_adar,
     round(1000.0 * size(shared) / (n_mine + n_theirs - size(shared))) / 1000.0 AS jaccard
RETURN p.title AS paper, q.title AS similar_paper, size(shared) AS shared_count, adamic_adar, jaccard, shared,
       p.key AS key, q.key AS similar_paper_key
ORDER BY CASE WHEN toLower($rank_by) = 'jaccard' THEN jaccard ELSE adamic_adar END DESC, adamic_adar DESC, jaccard DESC, similar_paper
LIMIT $limit
