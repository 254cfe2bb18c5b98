import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MANAGED_SCHEMA_PATH, managedSchemaText } from './managed-schema-file';

// Part of `npm run schema`: regenerates Chrome's managed-policy schema from the zod schema.
writeFileSync(resolve(import.meta.dirname, '../..', MANAGED_SCHEMA_PATH), managedSchemaText());
console.log(`Wrote ${MANAGED_SCHEMA_PATH}`);
