import { z } from 'zod';

/**
 * Accommodation-use logs and the log endpoint contract. This zod schema is the single source of
 * truth: the TypeScript types, the published JSON Schemas
 * (`public/schema/log-batch-request.schema.json`, `public/schema/log-batch-response.schema.json`),
 * the client's response check and the reference receiver's request check all come from it.
 * The contract is described in `lib/logs/CONTRACT.md`.
 */

export const MAX_BATCH_ENTRIES = 100;

const text = (max: number) => z.string().trim().min(1).max(max);
const id = text(128).describe('Stable identifier (OneRoster sourcedId style)');
const logKey = z.uuidv4().describe('Idempotency key of one log entry (UUID v4)');

export const LOG_KINDS = [
  'accommodation-used',
  'withdrawal',
  'plan-acknowledged',
  'access',
] as const;
export const LogKind = z.enum(LOG_KINDS);
export type LogKind = z.infer<typeof LogKind>;

export const LogEntry = z
  .object({
    key: logKey,
    kind: LogKind.describe(
      '"accommodation-used"; "withdrawal": the entry named by `withdraws` was made in error; ' +
        '"plan-acknowledged": the staff member confirmed reading the plan (`planVersion`); ' +
        '"access": a support card was opened or records were exported (`purpose`, `site`)',
    ),
    studentId: id,
    accommodationId: id.optional().describe("The accommodation's id in the district feed"),
    accommodationCode: z
      .string()
      .regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, 'Catalog codes are lowercase words joined by hyphens')
      .max(128)
      .optional()
      .describe('Code from the built-in accommodation catalog'),
    classId: id.optional(),
    assignment: text(200)
      .optional()
      .describe('The assignment or assessment name, as shown on the grading page'),
    note: text(500).optional(),
    at: z.iso
      .datetime({ offset: true })
      .describe('When the staff member logged it (RFC 3339 date-time with offset)'),
    date: z.iso
      .date()
      .describe(
        'District-local calendar day, YYYY-MM-DD (for a withdrawal: the day of the withdrawn entry)',
      ),
    districtId: id,
    withdraws: logKey.optional().describe('For kind "withdrawal": the key of the withdrawn entry'),
    planVersion: text(64)
      .optional()
      .describe('For kind "plan-acknowledged": the plan version read'),
    purpose: z
      .enum(['card-opened', 'export'])
      .optional()
      .describe('For kind "access": why student data was accessed'),
    site: text(253).optional().describe('For kind "access": the host the card was opened on'),
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'withdrawal' && entry.withdraws === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'A withdrawal names the entry it withdraws',
        path: ['withdraws'],
      });
    }
    if (entry.kind !== 'withdrawal' && entry.withdraws !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'Only a withdrawal may name an entry it withdraws',
        path: ['withdraws'],
      });
    }
    if (entry.withdraws !== undefined && entry.withdraws === entry.key) {
      ctx.addIssue({
        code: 'custom',
        message: 'An entry cannot withdraw itself',
        path: ['withdraws'],
      });
    }
  });
export type LogEntry = z.infer<typeof LogEntry>;

/** `POST <endpoint>` body: 1 to 100 entries, each key at most once. */
export const LogBatchRequest = z
  .object({
    entries: z.array(LogEntry).min(1).max(MAX_BATCH_ENTRIES),
  })
  .superRefine((batch, ctx) => {
    const seen = new Set<string>();
    batch.entries.forEach((entry, index) => {
      if (seen.has(entry.key)) {
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate key "${entry.key}"`,
          path: ['entries', index, 'key'],
        });
      }
      seen.add(entry.key);
    });
  });
export type LogBatchRequest = z.infer<typeof LogBatchRequest>;

export const RejectedEntry = z.object({
  key: z.string().min(1).max(128).describe('Key of the rejected entry'),
  status: z
    .number()
    .int()
    .min(400)
    .max(499)
    .describe('HTTP-style status for this entry alone, e.g. 422'),
  reason: z.string().max(1000).describe('Why the entry was rejected, for the district admin'),
});
export type RejectedEntry = z.infer<typeof RejectedEntry>;

/** The answer to a batch (status 200, or 207 when some entries are rejected). */
export const LogBatchResponse = z.object({
  accepted: z
    .array(z.string().min(1).max(128))
    .max(MAX_BATCH_ENTRIES)
    .describe('Keys stored by this request or already stored before (idempotent)'),
  rejected: z
    .array(RejectedEntry)
    .max(MAX_BATCH_ENTRIES)
    .optional()
    .describe('Entries the receiver will never accept as sent; the client stops sending them'),
});
export type LogBatchResponse = z.infer<typeof LogBatchResponse>;
