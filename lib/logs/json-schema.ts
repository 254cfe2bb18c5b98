import { z } from 'zod';
import { LogBatchRequest, LogBatchResponse, LogEntry } from './schema';

export const LOG_BATCH_REQUEST_SCHEMA_PATH = 'public/schema/log-batch-request.schema.json';
export const LOG_BATCH_RESPONSE_SCHEMA_PATH = 'public/schema/log-batch-response.schema.json';

const GENERATED =
  'Generated from lib/logs/schema.ts; do not edit by hand. See lib/logs/CONTRACT.md.';

/** The `withdraws` rule of LogEntry (a zod refinement) spelled out for JSON Schema readers. */
function withdrawalRule(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  if (ctx.zodSchema !== LogEntry) return;
  ctx.jsonSchema.oneOf = [
    { properties: { kind: { const: 'withdrawal' } }, required: ['withdraws'] },
    { properties: { kind: { not: { const: 'withdrawal' } } }, not: { required: ['withdraws'] } },
  ];
}

function published(
  schema: z.ZodType,
  io: 'input' | 'output',
  file: string,
  title: string,
  description: string,
): Record<string, unknown> {
  return {
    ...z.toJSONSchema(schema, { io, target: 'draft-2020-12', override: withdrawalRule }),
    $id: `https://plainsight.invalid/schema/${file}`,
    title,
    description: `${description} ${GENERATED}`,
  };
}

/** What the extension sends: validated as the receiver reads it. */
export function logBatchRequestJsonSchema(): Record<string, unknown> {
  return published(
    LogBatchRequest,
    'input',
    'log-batch-request.schema.json',
    'PlainSight log batch request',
    'Body of POST to the district log endpoint: accommodation-use log entries.',
  );
}

/** What the receiver answers: validated as the extension reads it. */
export function logBatchResponseJsonSchema(): Record<string, unknown> {
  return published(
    LogBatchResponse,
    'input',
    'log-batch-response.schema.json',
    'PlainSight log batch response',
    'Body of a 2xx answer from the district log endpoint.',
  );
}

/** Every published log schema file: repository path → exact file text. */
export function logJsonSchemaFiles(): Record<string, string> {
  const text = (schema: Record<string, unknown>) => `${JSON.stringify(schema, null, 2)}\n`;
  return {
    [LOG_BATCH_REQUEST_SCHEMA_PATH]: text(logBatchRequestJsonSchema()),
    [LOG_BATCH_RESPONSE_SCHEMA_PATH]: text(logBatchResponseJsonSchema()),
  };
}
