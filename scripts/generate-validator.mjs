// Compiles codebook.schema.json into a standalone validator, so that starting Codeboom does not pay
// for compiling the schema (about 130 ms with ajv's own loading). `--check` fails when the committed
// validator is out of date with the schema.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}server/src/engine/codebook/generated/codebookValidator.js`;

export function generate() {
  const schema = JSON.parse(readFileSync(`${root}codebook.schema.json`, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true, code: { source: true, lines: true } });
  const validate = ajv.compile(schema);
  const header = '// Generated from codebook.schema.json by scripts/generate-validator.mjs; do not edit.\n/* eslint-disable */\n';
  return header + standaloneCode(ajv, validate) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = generate();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {}
    if (current !== code) {
      console.error('server/src/engine/codebook/generated/codebookValidator.js is out of date: run npm run generate.');
      process.exit(1);
    }
  } else {
    writeFileSync(target, code);
  }
}
