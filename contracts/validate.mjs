// Validates the event contracts in the test command (module contracts/): asyncapi.yaml with the AsyncAPI parser
// (AsyncAPI 3.0 rules and every $ref), and each JSON Schema under schemas/ against the draft 2020-12 meta-schema
// (Ajv, strict) with every example it carries. Exits non-zero on any error.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const DRAFT_2020_12 = 'application/schema+json;version=draft-2020-12';
const contracts = resolve(process.argv[2] ?? '.');
const problems = [];

function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

// AsyncAPI 3.0 names draft-07 JSON Schema only; the data schemas are draft 2020-12, compiled here by Ajv's 2020
// dialect. The parser calls parse() for every multi-format schema of a v3 document, after resolving its $refs
// (validate() serves v2 documents only), so the check is made there.
let parsedSchemas = 0;
const draft202012 = {
  getMimeTypes: () => [DRAFT_2020_12],
  async validate() {
    return [];
  },
  async parse({ data, path }) {
    parsedSchemas++;
    try {
      newAjv().compile(data);
    } catch (e) {
      problems.push(`asyncapi.yaml ${path.join('.')}: ${e.message}`);
    }
    return data;
  },
};

const parser = new Parser();
parser.registerSchemaParser(draft202012);
const { document, diagnostics } = await fromFile(parser, join(contracts, 'asyncapi.yaml')).parse();
for (const d of diagnostics) {
  const where = `asyncapi.yaml ${d.path?.join('.') ?? ''}`;
  if (d.severity === 0) {
    problems.push(`${where}: ${d.message} (${d.code})`);
  } else if (d.severity === 1) {
    console.warn(`warning: ${where}: ${d.message} (${d.code})`);
  }
}
if (!document && problems.length === 0) {
  problems.push('asyncapi.yaml could not be parsed');
}

function* jsonFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(path);
    else if (entry.name.endsWith('.json')) yield path;
  }
}

let schemas = 0;
let examples = 0;
for (const file of jsonFiles(join(contracts, 'schemas'))) {
  const name = relative(contracts, file);
  schemas++;
  let validate;
  try {
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    validate = newAjv().compile(schema);
    if (!Array.isArray(schema.examples) || schema.examples.length === 0) {
      problems.push(`${name}: no examples`);
    }
    for (const [i, example] of (schema.examples ?? []).entries()) {
      examples++;
      if (!validate(example)) {
        problems.push(`${name}: examples[${i}] fails its schema: ${JSON.stringify(validate.errors)}`);
      }
    }
  } catch (e) {
    problems.push(`${name}: ${e.message}`);
  }
}

if (problems.length > 0) {
  console.error(`Event contracts invalid:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`contracts/asyncapi.yaml: valid AsyncAPI ${document.version()}, ${document.allChannels().length} channels, `
  + `${document.allMessages().length} messages, ${parsedSchemas} draft 2020-12 payloads; `
  + `${schemas} JSON Schemas and their ${examples} examples valid`);
