// name: similar_papers
// description: Papers most similar to the given paper by the datasets, models, methods and tasks they share (or the families of those: class-incremental learning shares continual learning), scored by Adamic-Adar (rare shared entities weigh more) and Jaccard.
// param: paper string  Paper id (or the input's own id), or a fragment of its title, in any case and with or without accents (the closest match is used)
// param: rank_by adamic_adar|jaccard = adamic_adar  How to rank: adamic_adar (rare shared entities count more) or jaccard (share of entities in common)
// param: limit int>=1 = 10  Maximum number of rows
// Adamic-Adar sums 1/log(d) over the shared entities, d = the number of papers that mention
// the entity (at least 2: this paper and the other); Jaccard = shared / union of both entity sets.
// Metrics do not count: two papers that both report accuracy or FID are no closer in subject
// (one review's top answer for a continual-learning paper shared only "test accuracy" and MNIST).
// A paper shares what it names and the families of those (up to 3 levels): a paper on
// class-incremental learning shares continual learning with one that names continual learning
// itself, and each family's degree counts the papers of all its kinds.  A shared family is
// listed and scored only where both papers name it by itself, or the two share no kind of it
// (two papers naming ResNet-50 share ResNet-50, not ResNet too, nor LLaMA above Llama 2 above
// Llama 2 7B); Jaccard compares the two sets with their families in.
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
MATCH (p)-->(named)
WHERE NOT named:Repository AND NOT named:Metric
WITH p, collect(DISTINCT named) AS direct
UNWIND direct AS named
MATCH (named)-[:VARIANT_OF*0..3]->(e)
WITH p, [d IN direct | d.key] AS direct_keys, collect(DISTINCT e) AS mine
UNWIND mine AS e
MATCH (e)<-[:VARIANT_OF*0..3]-(kind)<--(x:Paper)
// the papers that reach it, and those of them that name it by itself
WITH p, direct_keys, size(mine) AS n_mine, e, collect(DISTINCT x) AS papers,
     collect(DISTINCT CASE WHEN kind = e THEN x.key END) AS naming
WITH p, direct_keys, n_mine, e, papers, naming, size(papers) AS degree, [(k)-[:VARIANT_OF*1..3]->(e) | k.key] AS kinds
UNWIND papers AS q
WITH p, direct_keys, n_mine, q, e, kinds, degree, naming
WHERE q <> p
WITH p, n_mine, q, e, kinds, degree, e.key IN direct_keys AND q.key IN naming AS both_name_it
ORDER BY e.name
WITH p, n_mine, q, collect({name: e.name, key: e.key, kinds: kinds, named: both_name_it, weight: 1.0 / log(degree)}) AS both
// a family counts only where both papers name it by itself, or they share no kind of it
// (ResNet-50 shared says ResNet)
WITH p, n_mine, q, size(both) AS n_shared,
     [s IN both WHERE s.named OR NOT any(t IN both WHERE t.key IN s.kinds)] AS shared
MATCH (q)-->(theirs)
WHERE NOT theirs:Repository AND NOT theirs:Metric
MATCH (theirs)-[:VARIANT_OF*0..3]->(f)
WITH p, n_mine, q, n_shared, shared, count(DISTINCT f) AS n_theirs
WITH p, q, [s IN shared | s.name] AS shared,
     round(1000.0 * reduce(total = 0.0, s IN shared | total + s.weight)) / 1000.0 AS adamic_adar,
     round(1000.0 * n_shared / (n_mine + n_theirs - n_shared)) / 1000.0 AS jaccard
RETURN p.title AS paper, q.title AS similar_paper, size(shared) AS shared_count, adamic_adar, jaccard, shared,
       p.key AS key, q.key AS similar_paper_key
ORDER BY CASE WHEN toLower($rank_by) = 'jaccard' THEN jaccard ELSE adamic_adar END DESC, adamic_adar DESC, jaccard DESC, similar_paper
LIMIT $limit
