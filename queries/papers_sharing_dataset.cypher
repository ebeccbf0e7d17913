// name: papers_sharing_dataset
// description: Papers that share at least one dataset with the given paper, most shared datasets first (then those named exactly, then rarer ones); a dataset's variants count as it (ImageNet-1K and ImageNet share ImageNet), and each dataset counts once.
// param: paper string  Paper id (or the input's own id), or a fragment of its title, in any case and with or without accents (the closest match is used)
// param: limit int>=1 = 20  Maximum number of rows
// The closest match: exact id or title first, then a title named by the text before its colon
// ("MALT: ..."), then one holding it as a whole word, then the shortest title containing it.
// Two papers share a dataset when they name it, or variants of one family (Split CIFAR-100 and
// CIFAR-100, ImageNet-1K and ImageNet). Each dataset of either paper is matched at most once, to
// its nearest counterpart, so one dataset never counts twice: ImageNet and ImageNet-R against Split
// ImageNet-R share ImageNet-R only, not ImageNet as well. The shared entry is the dataset both name,
// or where they name different variants, the family they meet at.
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
MATCH (p)-->(d:Dataset)
MATCH up = (d)-[:VARIANT_OF*0..3]->(family:Dataset)
MATCH down = (family)<-[:VARIANT_OF*0..3]-(d2:Dataset)<--(other:Paper)
WHERE other <> p
WITH p, other, d, d2, family, length(up) + length(down) AS hops
ORDER BY hops, family.name
WITH p, other, d, d2, min(hops) AS hops, head(collect(family)) AS meet
// nearest pairs first; a pair whose dataset on either side is already matched is passed over.
// Among papers sharing as many datasets, those naming more of them exactly come first, then those
// sharing rarer ones: each shared entry weighs 1 / (1 + the papers naming it, or naming either
// variant that meets at a family), once however many pairs meet at it (two continual-learning
// papers on Split ImageNet-R before two of the many that name an ImageNet variant)
ORDER BY hops, meet.name, d.key, d2.key
WITH p, other, collect({left: d.key, right: d2.key, name: meet.name, exact: d = d2,
                        weight: 1.0 / (1 + coalesce(d.support, 0) + CASE WHEN d = d2 THEN 0 ELSE coalesce(d2.support, 0) END)}) AS pairs
WITH p, other, reduce(m = {left: [], right: [], names: [], exact: 0, weight: 0.0}, pair IN pairs |
     CASE WHEN pair.left IN m.left OR pair.right IN m.right THEN m
          ELSE {left: m.left + [pair.left], right: m.right + [pair.right],
                names: m.names + CASE WHEN pair.name IN m.names THEN [] ELSE [pair.name] END,
                exact: m.exact + CASE WHEN pair.exact THEN 1 ELSE 0 END,
                weight: m.weight + CASE WHEN pair.name IN m.names THEN 0.0 ELSE pair.weight END} END) AS matched
WITH p, other, matched.exact AS exact, matched.weight AS rarity, matched.names AS names
UNWIND names AS shared
WITH p, other, exact, rarity, shared ORDER BY shared
WITH p, other, exact, rarity, collect(DISTINCT shared) AS datasets
RETURN p.title AS paper, other.title AS other_paper, size(datasets) AS shared, datasets, p.key AS key, other.key AS other_paper_key
ORDER BY shared DESC, exact DESC, rarity DESC, other_paper
LIMIT $limit
