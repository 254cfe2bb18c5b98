import type { PlainSightDb } from '../db/database';
import {
  claimDue,
  deferPending,
  markDelivered,
  type OutboxItem,
  outboxSummary,
  quarantine,
  readSyncState,
  reschedule,
} from './log-store';
import { LogBatchResponse, type LogEntry, MAX_BATCH_ENTRIES } from './schema';

/**
 * Delivers queued log entries to the district's log endpoint (contract: lib/logs/CONTRACT.md).
 *
 * At least once: an entry leaves the outbox only when the endpoint acknowledged its key, and a
 * send attempt is recorded (and the entries leased) before the request goes out, so the service
 * worker may be stopped at any point. The endpoint de-duplicates by entry key.
 */

/** Back-off after a failure: full jitter, base 30 s, doubling per attempt, at most 1 h. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
/**
 * No retry is scheduled sooner than this, even for `Retry-After: 0` (keeps a caller from
 * spinning on a broken endpoint).
 */
export const MIN_RETRY_MS = 1_000;
/** Longest Retry-After honoured as given. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;
/**
 * How long claimed entries are reserved for a request in flight. `post` must give up sooner
 * (e.g. `AbortSignal.timeout(30_000)`). When the worker dies mid-request they are due again
 * after this.
 */
export const LEASE_MS = 2 * 60_000;
/** Safety valve: at most this many requests per run. */
export const MAX_REQUESTS_PER_RUN = 1_000;

/** Whole-request 4xx statuses that say nothing about the entries: retried, never quarantined. */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);
/** Whole-request 4xx statuses that mean a wrong address or credentials: retried with back-off. */
const ENDPOINT_4XX = new Set([401, 403, 404, 405, 406, 407, 410, 411, 415, 426, 428, 431]);

export interface PostResponse {
  status: number;
  headers: Headers;
  json(): Promise<unknown>;
}

export interface SyncDeps {
  db: PlainSightDb;
  endpoint: string;
  /**
   * Sends one request; rejects on a network error. `body` is the JSON text. The implementation
   * adds credentials (cookies: `credentials: 'include'`) and must time out well within LEASE_MS.
   */
  post(url: string, body: string, headers: Record<string, string>): Promise<PostResponse>;
  now(): Date;
  /** Uniform in [0, 1): the jitter source. */
  random(): number;
  /** Entries per request, 1..100 (default 100). */
  batchSize?: number;
  /** Sent as `Authorization: Bearer <token>` when given. */
  bearerToken?: string;
}

export interface SyncResult {
  /** Entries acknowledged in this run. */
  delivered: number;
  /** Entries the endpoint refused in this run (now in quarantine). */
  quarantined: number;
  /** When to run again (set a chrome.alarms alarm); absent when nothing is waiting. */
  nextAttemptAt?: Date;
  /** Why the run stopped early (server error, network, Retry-After), when it did. */
  error?: string;
}

interface Failure {
  error: string;
  /** From Retry-After: exactly when the endpoint asked to be called again. */
  retryAt?: Date;
}

interface Run {
  promise: Promise<SyncResult>;
  again: boolean;
}

const running = new WeakMap<PlainSightDb, Run>();

/**
 * Sends every due entry, batch after batch, until none is due or the endpoint fails. Calls made
 * while a run is in progress on the same database join it (and make it look once more for due
 * entries before it finishes).
 */
export function syncOnce(deps: SyncDeps): Promise<SyncResult> {
  const current = running.get(deps.db);
  if (current) {
    current.again = true;
    return current.promise;
  }
  const run: Run = { promise: Promise.resolve({ delivered: 0, quarantined: 0 }), again: false };
  run.promise = (async () => {
    const total: SyncResult = { delivered: 0, quarantined: 0 };
    try {
      do {
        run.again = false;
        const result = await runOnce(deps);
        total.delivered += result.delivered;
        total.quarantined += result.quarantined;
        total.error = result.error;
        if (result.error) break;
      } while (run.again);
      const summary = await outboxSummary(deps.db);
      if (summary.nextAttemptAt) total.nextAttemptAt = summary.nextAttemptAt;
      return total;
    } finally {
      running.delete(deps.db);
    }
  })();
  running.set(deps.db, run);
  return run.promise;
}

async function runOnce(deps: SyncDeps): Promise<SyncResult> {
  const { db } = deps;
  const result: SyncResult = { delivered: 0, quarantined: 0 };
  const state = await readSyncState(db);
  if (state.notBefore !== undefined && deps.now().getTime() < state.notBefore) return result;
  const batchSize = Math.max(1, Math.min(MAX_BATCH_ENTRIES, Math.floor(deps.batchSize ?? 100)));
  let requests = 0;
  let succeeded = false;

  const send = async (items: OutboxItem[]): Promise<Failure | undefined> => {
    requests += 1;
    const entries: LogEntry[] = items.map((item) => item.entry);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Idempotency-Key': await batchKey(entries),
    };
    if (deps.bearerToken) headers.Authorization = `Bearer ${deps.bearerToken}`;
    let response: PostResponse;
    try {
      response = await deps.post(deps.endpoint, JSON.stringify({ entries }), headers);
    } catch (error) {
      return { error: `Network error: ${messageOf(error)}` };
    }
    const { status } = response;
    if (status >= 200 && status < 300) {
      const parsed = LogBatchResponse.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success) return { error: `Invalid response (HTTP ${status})` };
      succeeded = true;
      await applyAnswer(deps, items, parsed.data, result);
      return undefined;
    }
    if (status === 429 || status === 503) {
      const retryAt = retryAfter(response.headers.get('Retry-After'), deps.now());
      return { error: `HTTP ${status}`, ...(retryAt ? { retryAt } : {}) };
    }
    if (status >= 400 && status < 500 && !RETRYABLE_4XX.has(status)) {
      if (ENDPOINT_4XX.has(status)) {
        return { error: `HTTP ${status}: check the log endpoint address and credentials` };
      }
      // The request as a whole was refused: find the bad entry by halving, so good entries
      // are never quarantined with it.
      const [only] = items;
      if (items.length === 1 && only) {
        const reason = await reasonOf(response, only.entry.key);
        await quarantine(db, only.entry.key, status, reason);
        result.quarantined += 1;
        return undefined;
      }
      if (requests >= MAX_REQUESTS_PER_RUN) return { error: 'Too many requests in one run' };
      const middle = Math.ceil(items.length / 2);
      return (await send(items.slice(0, middle))) ?? (await send(items.slice(middle)));
    }
    return { error: `HTTP ${status}` };
  };

  while (requests < MAX_REQUESTS_PER_RUN) {
    const claimed = await claimDue(db, deps.now(), batchSize, LEASE_MS);
    if (claimed.length === 0) break;
    const failure = await send(claimed);
    if (failure) {
      await giveUpForNow(deps, claimed, failure, succeeded);
      result.error = failure.error;
      return result;
    }
  }
  if (succeeded) {
    // The endpoint works again: clear the endpoint-wide wait and the last error.
    const { notBefore: _notBefore, lastError: _lastError, ...rest } = await readSyncState(db);
    const at = deps.now().getTime();
    await db.logSync.put({ ...rest, lastAttemptAt: at, lastSuccessAt: at });
  }
  return result;
}

/** Applies a 2xx answer: acknowledged keys leave the outbox, refused ones are quarantined. */
async function applyAnswer(
  deps: SyncDeps,
  items: OutboxItem[],
  answer: LogBatchResponse,
  result: SyncResult,
): Promise<void> {
  const sent = new Set(items.map((item) => item.entry.key));
  const accepted = new Set(answer.accepted.filter((key) => sent.has(key)));
  await markDelivered(deps.db, [...accepted], deps.now());
  result.delivered += accepted.size;
  const handled = new Set(accepted);
  for (const rejected of answer.rejected ?? []) {
    if (!sent.has(rejected.key) || handled.has(rejected.key)) continue;
    await quarantine(deps.db, rejected.key, rejected.status, rejected.reason);
    handled.add(rejected.key);
    result.quarantined += 1;
  }
  const unanswered = items.filter((item) => !handled.has(item.entry.key));
  if (unanswered.length > 0) {
    const delay = backoffDelay(maxAttempts(unanswered), deps.random());
    const at = new Date(deps.now().getTime() + delay);
    await reschedule(deps.db, keysOf(unanswered), at, 'Not acknowledged by the endpoint');
  }
}

/**
 * The endpoint failed as a whole: the entries still in the outbox from this claim are retried
 * after Retry-After or the back-off, and nothing else is sent before then.
 */
async function giveUpForNow(
  deps: SyncDeps,
  claimed: OutboxItem[],
  failure: Failure,
  succeededBefore: boolean,
) {
  const now = deps.now();
  const delay = failure.retryAt
    ? Math.max(MIN_RETRY_MS, failure.retryAt.getTime() - now.getTime())
    : backoffDelay(maxAttempts(claimed), deps.random());
  const retryAt = new Date(now.getTime() + delay);
  const { db } = deps;
  await db.transaction('rw', db.outbox, db.logSync, async () => {
    const rows = await db.outbox.bulkGet(keysOf(claimed));
    const stillPending = rows.flatMap((row) => (row?.status === 'pending' ? [row.key] : []));
    await reschedule(db, stillPending, retryAt, failure.error);
    await deferPending(db, retryAt);
    const state = await readSyncState(db);
    await db.logSync.put({
      ...state,
      notBefore: retryAt.getTime(),
      lastAttemptAt: now.getTime(),
      lastError: failure.error,
      ...(succeededBefore ? { lastSuccessAt: now.getTime() } : {}),
    });
  });
}

/** Full-jitter exponential back-off for the n-th failed attempt (n ≥ 1), in milliseconds. */
export function backoffDelay(attempts: number, random: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.max(MIN_RETRY_MS, Math.floor(random * ceiling));
}

/**
 * When Retry-After (delay in seconds, or an HTTP date) says to call again; undefined when the
 * header is absent or unreadable. Capped at 24 hours.
 */
export function retryAfter(header: string | null, now: Date): Date | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  let delay: number;
  if (/^\d+$/.test(value)) delay = Number(value) * 1000;
  else {
    const at = Date.parse(value);
    if (Number.isNaN(at) || !/[a-z]/i.test(value)) return undefined;
    delay = at - now.getTime();
  }
  return new Date(now.getTime() + Math.min(MAX_RETRY_AFTER_MS, Math.max(0, delay)));
}

/**
 * The request's `Idempotency-Key`: derived from the set of entry keys it carries, so a retry of
 * the same entries carries the same key.
 */
export async function batchKey(entries: readonly Pick<LogEntry, 'key'>[]): Promise<string> {
  const keys = entries.map((entry) => entry.key).sort();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(keys.join('\n')));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `batch-${hex.slice(0, 32)}`;
}

async function reasonOf(response: PostResponse, key: string): Promise<string> {
  const body = await response.json().catch(() => undefined);
  const answer = LogBatchResponse.safeParse(body);
  const listed = answer.success ? answer.data.rejected?.find((r) => r.key === key) : undefined;
  if (listed) return listed.reason;
  if (body && typeof body === 'object') {
    for (const field of ['reason', 'error', 'message', 'detail', 'title']) {
      const value = (body as Record<string, unknown>)[field];
      if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 500);
    }
  }
  return `HTTP ${response.status}`;
}

function maxAttempts(items: readonly OutboxItem[]): number {
  return Math.max(1, ...items.map((item) => item.row.attempts));
}

function keysOf(items: readonly OutboxItem[]): string[] {
  return items.map((item) => item.entry.key);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
