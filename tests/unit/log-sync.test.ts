import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlainSightDb } from '../../lib/db/database';
import {
  addLog,
  makeLogEntry,
  outboxSummary,
  pending,
  quarantined,
  retryNow,
} from '../../lib/logs/log-store';
import type { LogEntry } from '../../lib/logs/schema';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelay,
  batchKey,
  LEASE_MS,
  type PostResponse,
  retryAfter,
  type SyncDeps,
  type SyncResult,
  syncOnce,
} from '../../lib/logs/sync';
import { type LogReceiver, startLogReceiver } from '../receiver/log-receiver';

let db: PlainSightDb;
let dbName: string;
let dbCounter = 0;
let receiver: LogReceiver;
let clock: number;

beforeEach(async () => {
  dbCounter += 1;
  dbName = `log-sync-${dbCounter}`;
  db = new PlainSightDb(dbName);
  await db.open();
  receiver = await startLogReceiver();
  clock = Date.parse('2026-11-27T15:00:00Z');
});

afterEach(async () => {
  await receiver.close();
});

/** The real thing: fetch against the reference receiver over HTTP. */
const httpPost: SyncDeps['post'] = async (url, body, headers) => {
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: async () => JSON.parse(text) };
};

/** A small deterministic PRNG for the jitter. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function deps(overrides: Partial<SyncDeps> = {}): SyncDeps {
  return {
    db,
    endpoint: receiver.url,
    post: httpPost,
    now: () => new Date(clock),
    random: seeded(7),
    ...overrides,
  };
}

async function addMany(count: number, target = db): Promise<LogEntry[]> {
  const context = { districtId: 'd-1', timeZone: 'America/Chicago', now: new Date(clock) };
  const entries: LogEntry[] = [];
  for (let i = 0; i < count; i++) {
    const entry = makeLogEntry(
      { studentId: `s-${i % 37}`, accommodationId: `acc-${i % 5}`, assignment: `Quiz ${i}` },
      context,
    );
    await addLog(target, entry, { now: new Date(clock) });
    entries.push(entry);
  }
  return entries;
}

describe('syncOnce against the reference receiver', () => {
  it('delivers 1,000 logs exactly once through 500s, an outage and recovery', async () => {
    const entries = await addMany(1000);
    receiver.failNext(3, 500);
    let posts = 0;
    let offlineUntil = Number.POSITIVE_INFINITY;
    const sync = deps({
      batchSize: 100,
      post: (url, body, headers) => {
        posts += 1;
        // After four good batches the receiver goes away for 20 minutes.
        if (posts === 8) {
          receiver.setOffline(true);
          offlineUntil = clock + 20 * 60_000;
        }
        return httpPost(url, body, headers);
      },
    });

    const results: SyncResult[] = [];
    for (let round = 0; round < 100; round++) {
      if (clock >= offlineUntil) receiver.setOffline(false);
      const result = await syncOnce(sync);
      results.push(result);
      if (!result.nextAttemptAt) break;
      // Every failure schedules a retry in the future, never later than the back-off cap.
      expect(result.nextAttemptAt.getTime()).toBeGreaterThan(clock);
      expect(result.nextAttemptAt.getTime() - clock).toBeLessThanOrEqual(BACKOFF_CAP_MS);
      clock = result.nextAttemptAt.getTime();
    }

    expect(receiver.uniqueCount()).toBe(1000);
    expect(new Set(receiver.entries().map((e) => e.key))).toEqual(
      new Set(entries.map((e) => e.key)),
    );
    expect(await db.outbox.count()).toBe(0);
    expect(results.reduce((sum, r) => sum + r.delivered, 0)).toBe(1000);
    expect(results.at(-1)?.nextAttemptAt).toBeUndefined();
    // The outage cost one request per retry, not one per batch.
    const failedRounds = results.filter((r) => r.error).length;
    expect(results.filter((r) => r.error === 'HTTP 500')).toHaveLength(3);
    expect(results.filter((r) => r.error?.startsWith('Network error')).length).toBeGreaterThan(1);
    expect(failedRounds).toBeGreaterThanOrEqual(4);
    expect(posts).toBe(10 + failedRounds);
    // The first batch was retried with the same Idempotency-Key.
    expect(receiver.idempotencyKeys.slice(0, 4)).toEqual(
      Array(4).fill(receiver.idempotencyKeys[0]),
    );
    const stored = await db.logs.toArray();
    expect(stored.every((r) => r.deliveredAt !== undefined)).toBe(true);
  }, 20_000); // ~2 s normally; headroom for a loaded machine

  it('quarantines only the entry the receiver rejects with 422', async () => {
    const entries = await addMany(5);
    const bad = entries[2]?.key ?? '';
    receiver.rejectKey(bad, 422, 'Unknown student');
    const result = await syncOnce(deps());
    expect(result).toEqual({ delivered: 4, quarantined: 1 });
    expect(receiver.uniqueCount()).toBe(4);
    const [item] = await quarantined(db);
    expect(item?.entry.key).toBe(bad);
    expect(item?.row).toMatchObject({ rejectedStatus: 422, lastError: '422: Unknown student' });
    expect(await outboxSummary(db)).toMatchObject({ pending: 0, quarantined: 1 });
  });

  it('finds the one bad entry by halving when the whole request is refused', async () => {
    const entries = await addMany(8);
    const bad = entries[5]?.key ?? '';
    receiver.rejectBatchesContaining(bad, 400);
    const result = await syncOnce(deps());
    expect(result).toEqual({ delivered: 7, quarantined: 1 });
    expect(receiver.uniqueCount()).toBe(7);
    expect((await quarantined(db)).map((item) => item.entry.key)).toEqual([bad]);
    // 8 → 4+4 → (2+2) → (1+1): 1 + 2 + 2 + 2 requests.
    expect(receiver.requests).toBe(7);
  });

  it('never quarantines entries because of a 401: it backs off instead', async () => {
    await receiver.close();
    receiver = await startLogReceiver({ token: 'secret' });
    await addMany(3);
    const refused = await syncOnce(deps());
    expect(refused.error).toMatch(/HTTP 401/);
    expect(await outboxSummary(db)).toMatchObject({ pending: 3, quarantined: 0 });
    expect(refused.nextAttemptAt?.getTime()).toBeGreaterThan(clock);
    // The admin fixes the token and presses "Send now".
    await retryNow(db, new Date(clock));
    expect(await syncOnce(deps({ bearerToken: 'secret' }))).toEqual({
      delivered: 3,
      quarantined: 0,
    });
  });

  it('waits exactly as long as Retry-After asks, in seconds or as an HTTP date', async () => {
    await addMany(2);
    receiver.rateLimitNext(1, '120');
    const limited = await syncOnce(deps());
    expect(limited.nextAttemptAt?.getTime()).toBe(clock + 120_000);
    const start = clock;

    // Nothing goes out before then, not even an entry logged meanwhile.
    clock = start + 119_999;
    await addMany(1);
    const requests = receiver.requests;
    expect(await syncOnce(deps())).toMatchObject({ delivered: 0 });
    expect(receiver.requests).toBe(requests);

    clock = start + 120_000;
    receiver.rateLimitNext(1, new Date(clock + 90_000).toUTCString());
    expect((await syncOnce(deps())).nextAttemptAt?.getTime()).toBe(clock + 90_000);
    clock += 90_000;
    expect(await syncOnce(deps())).toEqual({ delivered: 3, quarantined: 0 });
  });

  it('redelivers after a crash between storage and answer; the receiver de-duplicates', async () => {
    const entries = await addMany(20);
    let crashed = false;
    const crashing = deps({
      post: async (url, body, headers) => {
        const response = await httpPost(url, body, headers);
        if (!crashed) {
          crashed = true;
          throw new Error('service worker stopped (simulated)');
        }
        return response;
      },
    });
    const first = await syncOnce(crashing);
    expect(first).toMatchObject({ delivered: 0, error: expect.stringMatching(/Network error/) });
    expect(receiver.uniqueCount()).toBe(20);
    expect(await db.outbox.count()).toBe(20);

    clock = first.nextAttemptAt?.getTime() ?? Number.NaN;
    expect(await syncOnce(crashing)).toEqual({ delivered: 20, quarantined: 0 });
    expect(receiver.received).toBe(40);
    expect(receiver.uniqueCount()).toBe(20);
    expect(receiver.idempotencyKeys).toEqual([await batchKey(entries), await batchKey(entries)]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('survives being killed mid-request: a new worker resends after the lease', async () => {
    await addMany(10);
    let release = () => {};
    const hung = new Promise<never>((_resolve, reject) => {
      release = () => reject(new Error('process gone'));
    });
    const dying = syncOnce(
      deps({
        post: async (url, body, headers) => {
          await httpPost(url, body, headers);
          return hung; // the worker is killed before it reads the answer
        },
      }),
    );
    while (receiver.uniqueCount() < 10) await new Promise((r) => setTimeout(r, 5));

    // A fresh worker: another connection, no shared memory.
    const fresh = new PlainSightDb(dbName);
    const restarted = deps({ db: fresh });
    const early = await syncOnce(restarted);
    expect(early).toMatchObject({ delivered: 0 });
    expect(early.nextAttemptAt?.getTime()).toBe(clock + LEASE_MS);
    clock += LEASE_MS;
    expect(await syncOnce(restarted)).toEqual({ delivered: 10, quarantined: 0 });
    expect(receiver.uniqueCount()).toBe(10);
    expect(receiver.received).toBe(20);
    expect(await fresh.outbox.count()).toBe(0);

    release();
    await dying;
    fresh.close();
  });

  it('runs once at a time: concurrent calls join the run in progress', async () => {
    await addMany(30);
    const sync = deps({ batchSize: 10 });
    const [a, b, c] = await Promise.all([syncOnce(sync), syncOnce(sync), syncOnce(sync)]);
    expect(a).toEqual({ delivered: 30, quarantined: 0 });
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(receiver.received).toBe(30);
    expect(receiver.requests).toBe(3);
  });
});

describe('syncOnce response handling', () => {
  const answer = (status: number, body: unknown, headers: HeadersInit = {}): PostResponse => ({
    status,
    headers: new Headers(headers),
    json: async () => body,
  });

  it('treats an invalid 2xx answer as a failure and keeps every entry', async () => {
    await addMany(2);
    const result = await syncOnce(deps({ post: async () => answer(200, { ok: true }) }));
    expect(result.error).toMatch(/Invalid response/);
    expect(await outboxSummary(db)).toMatchObject({ pending: 2 });
  });

  it('accepts 207 partial answers and retries entries the answer does not mention', async () => {
    const entries = await addMany(3);
    const [a, b, c] = entries.map((e) => e.key);
    const result = await syncOnce(
      deps({
        random: () => 0.5,
        post: async () =>
          answer(207, {
            accepted: [a, 'someone-else'],
            rejected: [{ key: b, status: 409, reason: 'Duplicate in district system' }],
          }),
      }),
    );
    expect(result).toEqual({
      delivered: 1,
      quarantined: 1,
      nextAttemptAt: new Date(clock + BACKOFF_BASE_MS / 2),
    });
    expect((await pending(db)).map((item) => item.entry.key)).toEqual([c]);
  });

  it('keeps every entry through whole-request failures (5xx, 408, 409, 429)', async () => {
    await addMany(1);
    for (const status of [500, 502, 503, 408, 409, 429]) {
      const result = await syncOnce(deps({ post: async () => answer(status, {}) }));
      expect(result.error).toBe(`HTTP ${status}`);
      expect(await outboxSummary(db)).toMatchObject({ pending: 1, quarantined: 0 });
      clock = result.nextAttemptAt?.getTime() ?? Number.NaN;
    }
  });
});

describe('back-off', () => {
  it('uses full jitter, base 30 s, doubling per attempt, capped at 1 h', () => {
    expect(backoffDelay(1, 0.999_999)).toBe(29_999);
    expect(backoffDelay(3, 0.5)).toBe(60_000);
    expect(backoffDelay(20, 0.999_999)).toBe(3_599_996);
    expect(backoffDelay(20, 1 - Number.EPSILON)).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(1, 0)).toBe(1_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-11-27T15:00:00Z');
    expect(retryAfter('30', now)?.toISOString()).toBe('2026-11-27T15:00:30.000Z');
    expect(retryAfter('Fri, 27 Nov 2026 15:05:00 GMT', now)?.toISOString()).toBe(
      '2026-11-27T15:05:00.000Z',
    );
    expect(retryAfter('Fri, 27 Nov 2026 14:00:00 GMT', now)).toEqual(now);
    expect(retryAfter('soon', now)).toBeUndefined();
    expect(retryAfter(null, now)).toBeUndefined();
  });
});
