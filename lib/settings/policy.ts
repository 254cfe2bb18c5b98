import { z } from 'zod';
import { Platform } from '../feed/schema';

/**
 * The district's managed policy (Google Admin → Apps & extensions → policy for extensions),
 * read from `storage.managed`. Values set here override the options page and are shown there as
 * locked. This zod schema is the single source of truth: `public/managed-schema.json`, the
 * schema Chrome loads, is generated from it (`npm run schema`).
 */
export const Policy = z
  .object({
    feedUrl: z
      .url({ protocol: /^https$/ })
      .describe(
        'HTTPS address of the district feed. May contain {email}: the signed-in staff e-mail.',
      )
      .optional(),
    feedAuth: z
      .enum(['cookies', 'bearer'])
      .describe(
        'How the feed request authenticates: the user’s district cookies, or a bearer token.',
      )
      .optional(),
    feedToken: z
      .string()
      .min(1)
      .max(4096)
      .describe('Bearer token when feedAuth is "bearer".')
      .optional(),
    allowedSites: z
      .array(z.object({ host: z.string().min(1).max(253), platform: Platform }))
      .max(100)
      .describe('District sites PlainSight runs on, in addition to those the feed lists.')
      .optional(),
    refreshMinutes: z.number().int().min(5).max(1440).describe('Feed refresh interval.').optional(),
    maxFeedAgeHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .describe('Past this age without a successful fetch, no student data is shown.')
      .optional(),
    retentionDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .describe('Local logs older than this are deleted.')
      .optional(),
    idleHideMinutes: z
      .number()
      .int()
      .min(1)
      .max(240)
      .describe('After this long idle, cards close and markers hide until revealed.')
      .optional(),
    logEndpoint: z
      .url({ protocol: /^https$/ })
      .describe('Where quick-log entries are sent.')
      .optional(),
    quickLogEnabled: z.boolean().describe('Whether staff can log accommodation use.').optional(),
    accessLogEnabled: z.boolean().describe('Record each card opening locally.').optional(),
    showPlanType: z.boolean().describe('Whether the card shows IEP or 504.').optional(),
    defaultLanguage: z.enum(['en', 'es']).describe('Interface language for staff.').optional(),
    wipeToken: z
      .string()
      .min(1)
      .max(200)
      .describe('Change this value to delete all cached data and logs on every computer.')
      .optional(),
  })
  .superRefine((policy, ctx) => {
    if (policy.feedAuth === 'bearer' && !policy.feedToken) {
      ctx.addIssue({
        code: 'custom',
        path: ['feedToken'],
        message: 'feedAuth "bearer" needs feedToken',
      });
    }
    if (policy.feedToken && policy.feedAuth !== 'bearer') {
      ctx.addIssue({
        code: 'custom',
        path: ['feedAuth'],
        message: 'feedToken is set but feedAuth is not "bearer"',
      });
    }
  });
export type Policy = z.infer<typeof Policy>;

export type PolicyResult =
  | { ok: true; policy: Policy }
  | { ok: false; problems: { path: string; message: string }[] };

/** Validates what storage.managed holds; any problem fails closed (see the background). */
export function parsePolicy(raw: unknown): PolicyResult {
  const result = Policy.safeParse(raw ?? {});
  if (result.success) return { ok: true, policy: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(policy)',
      message: issue.message,
    })),
  };
}

type JsonNode = Record<string, unknown>;

/** Keywords Chrome's policy schema (a JSON Schema draft-03 subset) understands. */
const KEPT = new Set([
  'type',
  'description',
  'properties',
  'items',
  'enum',
  'minimum',
  'maximum',
  'pattern',
]);

function toChromeNode(node: JsonNode): JsonNode {
  const out: JsonNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (!KEPT.has(key)) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonNode>).map(([k, v]) => [k, toChromeNode(v)]),
      );
    } else if (key === 'items') {
      out.items = toChromeNode(value as JsonNode);
    } else {
      out[key] = value;
    }
  }
  // Chrome has no "const"; a single allowed value becomes a one-item enum.
  if ('const' in node && !('enum' in out)) out.enum = [node.const];
  return out;
}

/**
 * The `storage.managed_schema` Chrome loads: a top-level object, no top-level
 * additionalProperties, one `type` on every node. An invalid schema stops the extension loading.
 */
export function managedSchema(): JsonNode {
  return toChromeNode(z.toJSONSchema(Policy, { io: 'input', unrepresentable: 'any' }) as JsonNode);
}
