import { z } from 'zod';
import { Site } from '../feed/schema';
import { FeedSource, LanguageSetting } from '../messages/protocol';

/** Settings a staff member can change on the options page; stored in storage.local. */
export const Settings = z.object({
  feedSource: FeedSource.nullable().default(null),
  refreshMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /** How many minutes before a service the student's marker shows "soon". */
  soonMinutes: z.number().int().min(1).max(120).default(15),
  /** Off by default: a desktop notification a few minutes before a student leaves for a service. */
  notifyBeforePullOuts: z.boolean().default(false),
  /** District sites the staff member added on the options page (besides the feed's). */
  extraSites: z.array(Site).max(50).default([]),
  /** 'auto' follows the browser's language. */
  language: LanguageSetting.default('auto'),
});
export type Settings = z.infer<typeof Settings>;

/** Outcome of the last attempt to fetch the feed; never holds student data. */
export const FetchState = z.object({
  lastAttemptAt: z.string(),
  outcome: z.enum(['updated', 'not-modified', 'failed']),
  error: z.custom<import('../feed/fetch-feed').FeedFetchError>().optional(),
});
export type FetchState = z.infer<typeof FetchState>;

export function parseSettings(raw: unknown, defaults: Partial<Settings> = {}): Settings {
  const result = Settings.safeParse({ ...defaults, ...(isObject(raw) ? raw : {}) });
  return result.success ? result.data : Settings.parse(defaults);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
