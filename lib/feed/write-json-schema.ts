import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { logJsonSchemaFiles } from '../logs/json-schema';
import { FEED_SCHEMA_PATH, feedJsonSchemaText } from './json-schema';

// `npm run schema`: regenerates the published JSON Schemas (feed, log endpoint) from zod.
const files = { [FEED_SCHEMA_PATH]: feedJsonSchemaText(), ...logJsonSchemaFiles() };
for (const [path, text] of Object.entries(files)) {
  const target = resolve(import.meta.dirname, '../..', path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`Wrote ${path}`);
}
