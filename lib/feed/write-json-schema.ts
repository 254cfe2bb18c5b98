import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FEED_SCHEMA_PATH, feedJsonSchemaText } from './json-schema';

// `npm run schema`: regenerates the published JSON Schema from the zod schema.
const target = resolve(import.meta.dirname, '../..', FEED_SCHEMA_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, feedJsonSchemaText());
console.log(`Wrote ${FEED_SCHEMA_PATH}`);
