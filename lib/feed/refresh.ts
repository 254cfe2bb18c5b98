import type { PlainSightDb } from '../db/database';
import type { FeedSource } from '../messages/protocol';
import { downloadFeed, type FeedFetchError } from './fetch-feed';
import { parseFeed } from './schema';
import { commitFeed, readFeedHeader } from './store';

export type RefreshOutcome =
  | { outcome: 'updated'; studentCount: number }
  | { outcome: 'not-modified' }
  | { outcome: 'failed'; error: FeedFetchError };

export interface RefreshDeps {
  db: PlainSightDb;
  /** URL of the demo feed bundled with the extension. */
  demoFeedUrl: string;
  now: () => Date;
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
  /** Sent as `Authorization: Bearer …` when the district's policy says so. */
  bearerToken?: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 25 * 1_048_576;

export function sourceKeyOf(source: FeedSource): string {
  return source.kind === 'demo' ? 'demo' : `url:${source.url}`;
}

/**
 * Fetches, validates and commits the feed. Nothing is written unless the whole feed is valid;
 * a 304 writes nothing at all.
 */
export async function refreshFeed(source: FeedSource, deps: RefreshDeps): Promise<RefreshOutcome> {
  const sourceKey = sourceKeyOf(source);
  const header = await readFeedHeader(deps.db);
  const validators = header?.sourceKey === sourceKey ? header.validators : {};
  const url = source.kind === 'demo' ? deps.demoFeedUrl : source.url;
  const download = await downloadFeed(url, validators, {
    timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: deps.maxBytes ?? DEFAULT_MAX_BYTES,
    withCredentials: source.kind === 'url',
    bearerToken: source.kind === 'url' ? deps.bearerToken : undefined,
    fetchImpl: deps.fetchImpl,
  });
  if (download.kind === 'not-modified') return { outcome: 'not-modified' };
  if (download.kind === 'failed') return { outcome: 'failed', error: download.error };

  const parsed = parseFeed(download.json);
  if (!parsed.ok) {
    return { outcome: 'failed', error: { kind: 'validation', problems: parsed.problems } };
  }
  try {
    await commitFeed(deps.db, parsed.feed, {
      sourceKey,
      validators: download.validators,
      fetchedAt: deps.now().toISOString(),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: 'failed', error: { kind: 'storage', message } };
  }
  return { outcome: 'updated', studentCount: parsed.feed.students.length };
}
