#!/usr/bin/env node
// Lint Cypher with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support).
//
// stdin:  {"schema": {labels, relationshipTypes, propertyKeys}?,
//          "statements": [{"id": "...", "text": "...", "parameters": {"name": sampleValue}}]}
// stdout: {"linter": "<package>@<version>", "results": [{"id", "diagnostics": [
//            {"severity": "error"|"warning"|"info"|"hint", "message", "line", "column", "offset"}]}]}
// Exit status 0 whenever the input could be read; the caller decides what fails.
// Parameters a statement does not declare are errors (the linter's own rule), so every
// $name used must be listed.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// The package's ESM build has extensionless imports that Node cannot resolve; use its CJS build.
const { lintCypherQuery } = require('@neo4j-cypher/language-support');
// package.json is not in the package's exports map: find it next to the resolved entry point.
const entry = require.resolve('@neo4j-cypher/language-support');
const { version } = JSON.parse(readFileSync(join(entry.slice(0, entry.lastIndexOf('/dist/')), 'package.json'), 'utf8'));

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

// Neo4j 5 built-in procedures paper-kg may call, with their signatures, so that a call to
// anything else (say FalkorDB's db.idx.fulltext.queryNodes, or a plugin procedure) is an
// error ("Procedure ... is not present in the database").  Extend it on purpose only.
const arg = (name, type, extra = {}) => ({ name, type, description: `${name} :: ${type}`, isDeprecated: false, ...extra });
const proc = (name, mode, args, returns) => ({
  name,
  description: name,
  mode,
  worksOnSystem: false,
  argumentDescription: args,
  returnDescription: returns,
  signature: `${name}(${args.map((a) => a.description).join(', ')}) :: (${returns.map((r) => r.description).join(', ')})`,
  admin: false,
  option: { deprecated: false },
});
const NEO4J5_PROCEDURES = Object.fromEntries(
  [
    proc('db.index.fulltext.queryNodes', 'READ',
      [arg('indexName', 'STRING'), arg('queryString', 'STRING'), arg('options', 'MAP', { default: 'DefaultParameterValue{value={}, type=MAP}' })],
      [arg('node', 'NODE'), arg('score', 'FLOAT')]),
    proc('db.index.fulltext.queryRelationships', 'READ',
      [arg('indexName', 'STRING'), arg('queryString', 'STRING'), arg('options', 'MAP', { default: 'DefaultParameterValue{value={}, type=MAP}' })],
      [arg('relationship', 'RELATIONSHIP'), arg('score', 'FLOAT')]),
    proc('db.awaitIndexes', 'READ', [arg('timeOutSeconds', 'INTEGER', { default: 'DefaultParameterValue{value=300, type=INTEGER}' })], []),
    proc('dbms.components', 'DBMS', [], [arg('name', 'STRING'), arg('versions', 'LIST<STRING>'), arg('edition', 'STRING')]),
    proc('db.labels', 'READ', [], [arg('label', 'STRING')]),
    proc('db.relationshipTypes', 'READ', [], [arg('relationshipType', 'STRING')]),
    proc('db.propertyKeys', 'READ', [], [arg('propertyKey', 'STRING')]),
  ].map((p) => [p.name, p]),
);

function main() {
  let input;
  try {
    input = JSON.parse(readFileSync(0, 'utf8'));
  } catch (err) {
    process.stderr.write(`cypher-lint: stdin is not JSON: ${err.message}\n`);
    process.exit(2);
  }
  const base = input.schema ?? {};
  const results = (input.statements ?? []).map((statement) => {
    const dbSchema = { ...base, procedures: { 'CYPHER 5': NEO4J5_PROCEDURES }, parameters: statement.parameters ?? {} };
    const diagnostics = lintCypherQuery(statement.text, dbSchema).map((d) => ({
      severity: SEVERITY[d.severity] ?? String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      offset: d.offsets?.start ?? null,
    }));
    return { id: statement.id, diagnostics };
  });
  process.stdout.write(JSON.stringify({ linter: `@neo4j-cypher/language-support@${version}`, results }));
}

main();
