import { beforeEach, describe, expect, it } from 'vitest';
import { PlainSightDb } from '../../lib/db/database';
import { refreshFeed } from '../../lib/feed/refresh';
import { type Feed, parseFeed } from '../../lib/feed/schema';
import { commitFeed, readAllStudents, readFeedHeader } from '../../lib/feed/store';
import { makeFeed, makeStudent } from '../support/feed-factory';

let db: PlainSightDb;
let dbCounter = 0;

beforeEach(async () => {
  dbCounter += 1;
  db = new PlainSightDb(`test-${dbCounter}`);
  await db.open();
});

function valid(raw: unknown): Feed {
  const result = parseFeed(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.feed;
}

const info = {
  sourceKey: 'url:https://feed.invalid/f.json',
  validators: {},
  fetchedAt: '2026-11-27T12:00:00Z',
};

/** A fake feed server: each call answers from `respond`, recording the request headers. */
function feedServer(respond: (headers: Headers) => Response) {
  const seen: Headers[] = [];
  const fetchImpl: typeof fetch = async (_url, init) => {
    const headers = new Headers(init?.headers);
    seen.push(headers);
    return respond(headers);
  };
  return { fetchImpl, seen };
}

const deps = (fetchImpl: typeof fetch) => ({
  db,
  demoFeedUrl: 'chrome-extension://x/demo-feed.json',
  now: () => new Date('2026-11-27T12:00:00Z'),
  fetchImpl,
});
const source = { kind: 'url' as const, url: 'https://feed.invalid/f.json' };

describe('commitFeed', () => {
  it('replaces the feed, and students absent from the new feed are gone', async () => {
    await commitFeed(db, valid(makeFeed()), info);
    await commitFeed(db, valid(makeFeed([makeStudent('s-9', 'Ines', 'Pardo')])), info);
    expect((await readAllStudents(db)).map((s) => s.id)).toEqual(['s-9']);
    expect((await readFeedHeader(db))?.studentCount).toBe(1);
  });

  it('is atomic: a failure in the middle of an import leaves the old feed intact', async () => {
    const old = valid(makeFeed());
    await commitFeed(db, old, info);
    const before = await readFeedHeader(db);

    let written = 0;
    const failOnThird = () => {
      written += 1;
      if (written === 3) throw new Error('disk full (injected)');
    };
    db.students.hook('creating', failOnThird);
    const bigger = valid(
      makeFeed([1, 2, 3, 4, 5].map((n) => makeStudent(`n-${n}`, `Given${'abcde'[n]}`, 'Newfeed'))),
    );
    await expect(
      commitFeed(db, bigger, { ...info, fetchedAt: '2026-11-28T00:00:00Z' }),
    ).rejects.toThrow();
    db.students.hook('creating').unsubscribe(failOnThird);

    expect((await readAllStudents(db)).map((s) => s.id).sort()).toEqual(['s-1', 's-2', 's-3']);
    expect(await readFeedHeader(db)).toEqual(before);
  });
});

describe('refreshFeed', () => {
  it('validates before writing: an invalid feed writes nothing and says where it is wrong', async () => {
    await commitFeed(db, valid(makeFeed()), info);
    const broken = makeFeed();
    (broken.students[0] as { grade?: string }).grade = undefined;
    const server = feedServer(() => Response.json(broken));
    const result = await refreshFeed(source, deps(server.fetchImpl));
    expect(result.outcome).toBe('failed');
    if (result.outcome === 'failed' && result.error.kind === 'validation') {
      expect(result.error.problems.map((p) => p.path)).toContain('students[0].grade');
    } else {
      throw new Error('expected a validation failure');
    }
    expect(await readAllStudents(db)).toHaveLength(3);
  });

  it('304 Not Modified writes nothing', async () => {
    const server = feedServer((headers) =>
      headers.get('If-None-Match') === '"v1"'
        ? new Response(null, { status: 304 })
        : Response.json(makeFeed(), { headers: { ETag: '"v1"' } }),
    );
    expect((await refreshFeed(source, deps(server.fetchImpl))).outcome).toBe('updated');
    const header = await readFeedHeader(db);

    let writes = 0;
    const count = () => {
      writes += 1;
    };
    db.students.hook('creating', count);
    db.students.hook('deleting', count);
    db.meta.hook('creating', count);
    db.meta.hook('updating', count);
    const second = await refreshFeed(source, { ...deps(server.fetchImpl), now: () => new Date() });
    expect(second).toEqual({ outcome: 'not-modified' });
    expect(server.seen[1]?.get('If-None-Match')).toBe('"v1"');
    expect(writes).toBe(0);
    expect(await readFeedHeader(db)).toEqual(header);
  });

  it('does not send another source’s validators', async () => {
    await commitFeed(db, valid(makeFeed()), {
      ...info,
      sourceKey: 'demo',
      validators: { etag: '"d"' },
    });
    const server = feedServer(() => Response.json(makeFeed()));
    await refreshFeed(source, deps(server.fetchImpl));
    expect(server.seen[0]?.get('If-None-Match')).toBeNull();
  });

  it('keeps the last good feed when the server fails', async () => {
    await commitFeed(db, valid(makeFeed()), info);
    const server = feedServer(() => new Response('oops', { status: 500 }));
    const result = await refreshFeed(source, deps(server.fetchImpl));
    expect(result.outcome === 'failed' && result.error.kind).toBe('http');
    expect(await readAllStudents(db)).toHaveLength(3);
  });
});
