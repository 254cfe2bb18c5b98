import { managedSchema } from './policy';

/** Shipped at the extension root and named by `storage.managed_schema` in the manifest. */
export const MANAGED_SCHEMA_PATH = 'public/managed-schema.json';

export function managedSchemaText(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}
