import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEED_SCHEMA_PATH, feedJsonSchemaText } from '../../lib/feed/json-schema';
import { parseFeed } from '../../lib/feed/schema';
import { makeFeed, makeStudent } from '../support/feed-factory';

const root = resolve(import.meta.dirname, '../..');

function problemsOf(raw: unknown) {
  const result = parseFeed(raw);
  if (result.ok) throw new Error('expected the feed to be rejected');
  return result.problems;
}

describe('feed schema v1', () => {
  it('accepts the shipped demo feed', () => {
    const raw = JSON.parse(readFileSync(resolve(root, 'public/demo-feed.json'), 'utf8'));
    const result = parseFeed(raw);
    expect(result.ok && result.feed.students.length).toBeGreaterThanOrEqual(30);
  });

  it('accepts a minimal feed and fills defaults', () => {
    const result = parseFeed(makeFeed([makeStudent('x', 'Ana', 'Silva', { services: undefined })]));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.feed.students[0]?.services).toEqual([]);
  });

  it('reports each problem with its exact JSON path', () => {
    const feed = makeFeed();
    const student = feed.students[1] as Record<string, unknown> & { plan: { reviewDate: string } };
    student.plan.reviewDate = '2027-13-45';
    delete (student as { name?: unknown }).name;
    const problems = problemsOf(feed);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['students[1].name', 'students[1].plan.reviewDate']),
    );
  });

  it('rejects unknown time zones, bad hosts, inverted slots and duplicate ids', () => {
    const feed = makeFeed([
      makeStudent('dup', 'Ana', 'Silva'),
      makeStudent('dup', 'Ben', 'Cole', {
        services: [
          {
            id: 'svc',
            type: 'speech-language',
            provider: { name: 'Ms. Rivera' },
            setting: 'pull-out',
            minutes: 60,
            per: 'week',
            slots: [{ weekday: 'mon', start: '11:00', end: '10:30' }],
            startDate: '2026-08-20',
            endDate: '2027-06-01',
          },
        ],
      }),
    ]);
    feed.district.timezone = 'Mars/Olympus_Mons';
    feed.sites = [{ host: 'https://canvas.example.invalid/path', platform: 'canvas' }];
    const paths = problemsOf(feed).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'district.timezone',
        'sites[0].host',
        'students[1].services[0].slots[0].end',
        'students[1]',
      ]),
    );
  });

  it('requires a code or district text on every accommodation', () => {
    const feed = makeFeed([
      makeStudent('a', 'Ana', 'Silva', { accommodations: [{ id: 'empty' }] }),
    ]);
    expect(problemsOf(feed).map((p) => p.path)).toContain('students[0].accommodations[0].text');
  });

  it('never keeps a disability category or other unknown fields', () => {
    const student = { ...makeStudent('a', 'Ana', 'Silva'), disabilityCategory: 'withheld' };
    const result = parseFeed(makeFeed([student]));
    expect(result.ok).toBe(true);
    if (result.ok) expect(JSON.stringify(result.feed)).not.toContain('disabilityCategory');
  });

  it('rejects what is not a feed at all', () => {
    expect(problemsOf(null)[0]?.path).toBe('(root)');
    expect(problemsOf({ version: 2 }).map((p) => p.path)).toContain('version');
  });

  it('the published JSON Schema is current (run `npm run schema` after changing the zod schema)', () => {
    const committed = readFileSync(resolve(root, FEED_SCHEMA_PATH), 'utf8');
    expect(committed).toBe(feedJsonSchemaText());
  });
});
