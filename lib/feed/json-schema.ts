import { z } from 'zod';
import { Feed } from './schema';

export const FEED_SCHEMA_PATH = 'public/schema/feed-v1.schema.json';

/** The published JSON Schema of feed v1, generated from the zod schema. */
export function feedJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Feed, { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'https://plainsight.invalid/schema/feed-v1.schema.json',
    title: 'PlainSight district feed, version 1',
    description:
      "Students' accommodations and services for PlainSight. Generated from lib/feed/schema.ts; do not edit by hand.",
  };
}

export function feedJsonSchemaText(): string {
  return `${JSON.stringify(feedJsonSchema(), null, 2)}\n`;
}
