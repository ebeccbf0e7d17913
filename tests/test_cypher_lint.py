"""Every statement paper-kg sends to Neo4j passes Neo4j's own parser and semantic analysis.

The linter is ``@neo4j-cypher/language-support`` (npm), run by tools/cypher-lint/lint.mjs
(install: ``npm ci --prefix tools/cypher-lint``).  Checked: Neo4j's schema statements, the
statements Neo4jStore sends on its own, the shared loader statements (every label and
relationship type in every slot; every combination with KG_LINT_EXHAUSTIVE=1), the
statements a real load + counts actually sent (recorded on the embedded store), and every
``queries/*.cypher`` template with the parameters its header declares.

Fails on errors (syntax, semantics, undeclared ``$parameters``, unknown procedures or
procedure outputs) and on labels or relationship types outside paper-kg's model.  Without
node_modules the test is skipped with the reason, unless KG_REQUIRE_LINT is set (CI),
where a missing linter is a failure.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.graph import ENTITY_LABELS, LABELS, RELATIONSHIP_TYPES, relationship_type
from kg.queries import KEY_SUFFIX, PLAIN_SUFFIX, QUERIES_DIR, parse_template
from kg.records import ENTITY_TYPES, ROLES
from kg.store import EmbeddedStore, statements
from kg.store.neo4j import Neo4jStore, schema_statements
from sample_graphs import corpus_a, graph_of

ROOT = Path(__file__).resolve().parent.parent
LINT_DIR = ROOT / "tools" / "cypher-lint"
LINTER = LINT_DIR / "lint.mjs"
INSTALL = "npm ci --prefix tools/cypher-lint"
# Sample values by the type a template header declares (the linter only needs the names).
_SAMPLE = {"string": "", "str": "", "name": "", "int": 0, "integer": 0, "float": 0.0, "bool": False, "boolean": False, "list": []}
_PARAM_LINE = re.compile(r"^\s*//\s*param:\s*(\w+)\s+(\w+)", re.M)
_PARAM_USE = re.compile(r"\$(\w+)")


def _model_combinations() -> set[tuple[str, str, str]]:
    """(source label, type, target label) that kg.graph.build_graph can produce."""
    combos = {("Paper", relationship_type(t, role), ENTITY_LABELS[t]) for t in ENTITY_TYPES for role in ROLES}
    combos |= {(label, "VARIANT_OF", label) for label in ENTITY_LABELS.values()}
    combos.add(("Paper", "RELEASES_CODE", "Repository"))
    return combos


def _relationship_combinations() -> set[tuple[str, str, str]]:
    if os.environ.get("KG_LINT_EXHAUSTIVE"):
        return set(itertools.product(LABELS, RELATIONSHIP_TYPES, LABELS))
    # Every combination the graph model produces, plus enough others that each whitelisted
    # label and type appears in each slot (the statements differ only in these names).
    combos = _model_combinations()
    for slot, names in ((0, LABELS), (1, RELATIONSHIP_TYPES), (2, LABELS)):
        for name in set(names) - {c[slot] for c in combos}:
            combo = ["Paper", "USES", "Model"]
            combo[slot] = name
            combos.add(tuple(combo))
    return combos


def _template_parameters(text: str) -> dict:
    return {name: _SAMPLE.get(type_.lower()) for name, type_ in _PARAM_LINE.findall(text)}


def collect_statements() -> dict[str, tuple[str, dict]]:
    """id -> (Cypher, declared parameters with sample values)."""
    out: dict[str, tuple[str, dict]] = {}
    rows = {"rows": []}
    for i, text in enumerate(schema_statements()):
        out[f"schema[{i}]"] = (text, {})
    samples = {"seconds": 300, "labels": list(LABELS), "limit": 10000}
    for i, text in enumerate(Neo4jStore.internal_statements()):
        out[f"neo4j-store[{i}]"] = (text, {name: samples[name] for name in _PARAM_USE.findall(text)})
    for label in LABELS:
        out[f"merge_nodes({label})"] = (statements.merge_nodes(label), rows)
    for label in ENTITY_LABELS.values():
        out[f"refresh_support({label})"] = (statements.refresh_support(label), {})
    for label in LABELS[1:]:
        for step, text in enumerate(statements.delete_orphans(label)):
            out[f"delete_orphans({label})[{step}]"] = (text, {})
    for label in ENTITY_LABELS.values():
        for step, text in enumerate(statements.fold_entity(label)):
            out[f"fold_entity({label})[{step}]"] = (text, rows)
        out[f"entities_by_key({label})"] = (statements.entities_by_key(label), {"keys": []})
        out[f"entities_with_long_aliases({label})"] = (statements.entities_with_long_aliases(label), {})
    out["entity_links_of_papers"] = (statements.entity_links_of_papers(), {"keys": []})
    out["delete_all"] = (statements.delete_all(), {})
    for combo in sorted(_relationship_combinations()):
        out["merge_relationships(%s,%s,%s)" % combo] = (statements.merge_relationships(*combo), rows)
    for path in sorted(QUERIES_DIR.glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        try:  # the body kg query sends, with the parameters its header declares
            template = parse_template(str(path), text)
            params = {p.name: _SAMPLE.get(p.type) for p in template.params}
            params.update({p.name + KEY_SUFFIX: "" for p in template.params if p.type == "name"})
            params.update({p.name + PLAIN_SUFFIX: "" for p in template.params if p.name + PLAIN_SUFFIX in template.used})
            out[f"queries/{path.name}"] = (template.cypher, params)
        except QueryError:  # kg.queries rejects it (tested elsewhere); lint the raw text anyway
            out[f"queries/{path.name}"] = (text, _template_parameters(text))
    return out


class RecordingEmbeddedStore(EmbeddedStore):
    """The real embedded store, noting each statement the shared loader code sends."""

    def __init__(self, path):
        self.sent: list[tuple[str, dict]] = []
        super().__init__(path)

    def read(self, cypher, params=None):
        self.sent.append((cypher, params or {}))
        return super().read(cypher, params)

    def write(self, cypher, params=None):
        self.sent.append((cypher, params or {}))
        return super().write(cypher, params)


def _linter_missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        return f"tools/cypher-lint/node_modules is missing (run `{INSTALL}`)"
    return None


def run_linter(batch: dict[str, tuple[str, dict]]) -> dict:
    """Lint in a few node processes at once (Neo4j's semantic analysis costs 0.1-5 s a statement,
    the longest templates most), the longest statements dealt out first so the shares even out."""
    items = sorted(({"id": k, "text": t, "parameters": p} for k, (t, p) in batch.items()), key=lambda i: -len(i["text"]))
    workers = max(1, min(os.cpu_count() or 1, 4, len(items) // 10))
    shares: list[list[dict]] = [[] for _ in range(workers)]
    for item in items:
        min(shares, key=lambda share: sum(len(i["text"]) + 200 for i in share)).append(item)
    schema = {"labels": list(LABELS), "relationshipTypes": list(RELATIONSHIP_TYPES)}

    def lint(share: list[dict]) -> dict:
        # one thread per process: each writes its own stdin, so the processes lint side by side
        done = subprocess.run(["node", str(LINTER)], input=json.dumps({"schema": schema, "statements": share}),
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"cypher-lint failed: {done.stderr[-2000:]}"
        return json.loads(done.stdout)

    with ThreadPoolExecutor(workers) as pool:
        answers = list(pool.map(lint, shares))
    return {"linter": answers[0]["linter"], "results": [r for a in answers for r in a["results"]]}


@pytest.fixture(scope="module")
def linter():
    missing = _linter_missing()
    if missing:
        if os.environ.get("KG_REQUIRE_LINT"):
            pytest.fail(f"KG_REQUIRE_LINT is set but the Neo4j linter cannot run: {missing}")
        warnings.warn(f"Neo4j Cypher lint skipped: {missing}")
        pytest.skip(f"Neo4j Cypher lint skipped: {missing}")
    return run_linter


STATEMENTS = collect_statements()


def _problems(diagnostics: list[dict]) -> list[dict]:
    return [
        d for d in diagnostics
        if d["severity"] == "error" or "is not present in the database" in d["message"]
    ]


@pytest.fixture(scope="module")
def lint_results(linter):
    answer = linter(STATEMENTS)
    assert answer["linter"].startswith("@neo4j-cypher/language-support@")
    return {r["id"]: r["diagnostics"] for r in answer["results"]}


@pytest.mark.parametrize("statement_id", sorted(STATEMENTS))
def test_statement_passes_neo4j_linter(lint_results, statement_id):
    problems = _problems(lint_results[statement_id])
    text = STATEMENTS[statement_id][0]
    assert not problems, f"{statement_id}:\n{text}\n" + "\n".join(
        f"  {d['line']}:{d['column']} {d['severity']}: {d['message']}" for d in problems
    )


def test_templates_are_collected():
    """The folder is globbed, so templates added later are linted without touching this file."""
    found = {f"queries/{p.name}" for p in QUERIES_DIR.glob("*.cypher")}
    assert found and found <= set(STATEMENTS)


def test_linter_catches_what_it_must(linter):
    """The linter is live: Neo4j-invalid Cypher, FalkorDB-only calls and unknown labels all fail."""
    bad = {
        "syntax": ("MATCH (n RETURN n", {}),
        "undeclared-param": ("MATCH (p:Paper) WHERE p.key = $nope RETURN p", {}),
        "falkordb-fulltext": ("CALL db.idx.fulltext.queryNodes('Paper', $q) YIELD node RETURN node", {"q": ""}),
        "unknown-label": ("MATCH (d:Datset) RETURN d", {}),
        "ends-with-match": ("MATCH (n:Paper)", {}),
    }
    results = {r["id"]: r["diagnostics"] for r in linter(bad)["results"]}
    assert all(_problems(results[k]) for k in bad), results


def test_statements_a_real_load_sends_are_all_linted(tmp_path, linter):
    """Record what the shared loader and counts() actually send (on the real embedded store):
    each must be one of the linted statements, so a new statement cannot slip past the linter."""
    with RecordingEmbeddedStore(tmp_path) as store:
        store.load(graph_of(corpus_a()), batch_size=2)
        store.counts()
    linted = {text for text, _ in STATEMENTS.values()}
    sent = {text for text, _ in store.sent}
    unlinted = {text: params for text, params in store.sent if text not in linted}
    if unlinted:
        answer = linter({f"sent[{i}]": (t, {k: None for k in p}) for i, (t, p) in enumerate(unlinted.items())})
        problems = {r["id"]: _problems(r["diagnostics"]) for r in answer["results"]}
        assert not any(problems.values()), problems
    assert sent, "the loader sent nothing"
    assert all(_PARAM_USE.findall(t) == [] or set(_PARAM_USE.findall(t)) <= set(p) for t, p in store.sent)
