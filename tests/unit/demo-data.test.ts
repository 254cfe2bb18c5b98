import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogCodes } from '../../lib/catalog/catalog';
import { type Feed, parseFeed, type Student } from '../../lib/feed/schema';
import { buildBrokenFeed, type DemoServer, startDemoServer } from '../demo/server';

const FEED_PATH = new URL('../../public/demo-feed.json', import.meta.url);
const PAGES_DIR = new URL('../demo/pages/', import.meta.url);

interface ExpectedPage {
  page: string;
  title: string;
  platform: string;
  rows: number;
  feedStudentIds: string[];
  nonFeedNames: string[];
  lateFeedStudentIds?: string[];
  rerenderedFeedStudentIds?: string[];
}

const rawFeed: unknown = JSON.parse(readFileSync(FEED_PATH, 'utf8'));
const expectedPages = JSON.parse(
  readFileSync(new URL('expected.json', PAGES_DIR), 'utf8'),
) as ExpectedPage[];

function loadFeed(): Feed {
  const result = parseFeed(rawFeed);
  if (!result.ok) throw new Error(`Demo feed does not parse: ${JSON.stringify(result.problems)}`);
  return result.feed;
}

function readPage(page: string): string {
  return readFileSync(new URL(page, PAGES_DIR), 'utf8').normalize('NFC');
}

const fold = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The ways the demo pages write a feed student's name. */
function pageForms(student: Student): string[] {
  const { given, family, preferred } = student.name;
  const forms = [`${given} ${family}`, `${family}, ${given}`];
  if (preferred !== undefined) forms.push(`${preferred} ${family}`, `${family}, ${preferred}`);
  return forms.map((form) => form.normalize('NFC'));
}

/** "Last, First M" → "First Last" and "First M Last"; other texts as they are. */
function asGivenFamily(name: string): string[] {
  const comma = name.indexOf(',');
  if (comma === -1) return [name];
  const family = name.slice(0, comma).trim();
  const rest = name.slice(comma + 1).trim();
  const withoutInitial = rest.replace(/\s+\p{Lu}\.?$/u, '');
  return [`${rest} ${family}`, `${withoutInitial} ${family}`];
}

/** Platform ids each page carries in its markup, by page. */
const PAGE_IDS: Record<string, { system: 'canvas' | 'infinite-campus' | 'moodle'; re: RegExp }> = {
  'canvas-people.html': { system: 'canvas', re: /<tr id="user_(\d+)"/g },
  'infinite-campus-gradebook.html': { system: 'infinite-campus', re: /id="studentTR\d+_(\d+)"/g },
  'moodle-grader.html': { system: 'moodle', re: /data-uid="(\d+)"|"uid": "(\d+)"/g },
};

function idsOnPage(html: string, re: RegExp): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(re)) {
    const id = match[1] ?? match[2];
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

describe('demo feed', () => {
  it('passes the feed schema with at least 30 students in at least 4 classes', () => {
    const result = parseFeed(rawFeed);
    expect(result.ok ? [] : result.problems).toEqual([]);
    const feed = loadFeed();
    expect(feed.version).toBe(1);
    expect(feed.district.id).toBe('demo-district');
    expect(feed.students.length).toBeGreaterThanOrEqual(30);
    expect(feed.classes.length).toBeGreaterThanOrEqual(4);
    const classesInUse = new Set(feed.students.flatMap((s) => s.classIds));
    expect(classesInUse.size).toBeGreaterThanOrEqual(4);
    expect(feed.sites.map((s) => s.host).sort()).toEqual(['127.0.0.1', 'localhost']);
  });

  it('has plausible, invented plan data and no disability category', () => {
    const feed = loadFeed();
    const codes = new Set(catalogCodes());
    for (const student of feed.students) {
      expect(student.accommodations.length).toBeGreaterThanOrEqual(2);
      expect(student.accommodations.length).toBeLessThanOrEqual(6);
      expect(student.plan.reviewDate.startsWith('2027-')).toBe(true);
      expect(student.services.length).toBeLessThanOrEqual(2);
      for (const accommodation of student.accommodations) {
        if (accommodation.code !== undefined) expect(codes).toContain(accommodation.code);
      }
    }
    expect(new Set(feed.students.map((s) => s.plan.type))).toEqual(new Set(['IEP', '504']));
    const withServices = feed.students.filter((s) => s.services.length > 0).length;
    expect(withServices).toBeGreaterThanOrEqual(feed.students.length / 3);

    const text = JSON.stringify(rawFeed);
    expect(text).not.toMatch(/disabilit|categor|diagnos/i);
    const emails = [...text.matchAll(/"email": ?"([^"]+)"/g)].map((m) => m[1]);
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(email).toMatch(/\.invalid$/);
  });
});

describe('demo pages', () => {
  const feed = loadFeed();
  const byId = new Map(feed.students.map((s) => [s.id, s]));

  it('lists the three platform pages', () => {
    expect(expectedPages.map((p) => p.page).sort()).toEqual([
      'canvas-people.html',
      'infinite-campus-gradebook.html',
      'moodle-grader.html',
    ]);
  });

  describe.each(expectedPages)('$page', (expected) => {
    const html = readPage(expected.page);

    it('has the expected title', () => {
      expect(html).toContain(`<title>${expected.title.replace(/&/g, '&amp;')}</title>`);
    });

    it('shows only students that exist in the feed as feed students', () => {
      expect(expected.feedStudentIds.length).toBeGreaterThanOrEqual(9);
      expect(new Set(expected.feedStudentIds).size).toBe(expected.feedStudentIds.length);
      for (const id of expected.feedStudentIds) expect(byId.has(id), id).toBe(true);
      for (const id of expected.lateFeedStudentIds ?? []) {
        expect(expected.feedStudentIds).toContain(id);
      }
    });

    it("contains each expected feed student's name in some form", () => {
      for (const id of expected.feedStudentIds) {
        const student = byId.get(id);
        if (student === undefined) throw new Error(`Unknown student ${id}`);
        const forms = pageForms(student);
        expect(
          forms.some((form) => html.includes(form)),
          `${id}: none of ${forms.join(' | ')}`,
        ).toBe(true);
      }
    });

    it("never gives a non-feed person a feed student's name", () => {
      const feedNames = new Set(
        feed.students.flatMap((s) => {
          const names = [`${s.name.given} ${s.name.family}`];
          if (s.name.preferred !== undefined) {
            names.push(s.name.preferred, `${s.name.preferred} ${s.name.family}`);
          }
          return names.map(fold);
        }),
      );
      expect(expected.nonFeedNames.length).toBeGreaterThan(0);
      for (const name of expected.nonFeedNames) {
        expect(html, name).toContain(name);
        for (const form of asGivenFamily(name)) expect(feedNames.has(fold(form)), name).toBe(false);
      }
    });

    it("uses the feed students' platform ids and no other feed student's", () => {
      const page = PAGE_IDS[expected.page];
      if (page === undefined) throw new Error(`No id pattern for ${expected.page}`);
      const ids = idsOnPage(html, page.re);
      expect(ids.size).toBe(expected.rows);
      const expectedIds = new Set(expected.feedStudentIds);
      for (const student of feed.students) {
        const platformId = student.platformIds?.[page.system];
        if (expectedIds.has(student.id)) {
          expect(platformId, student.id).toBeDefined();
          expect(ids.has(platformId ?? ''), student.id).toBe(true);
        } else if (platformId !== undefined) {
          expect(ids.has(platformId), `${student.id} is on the page`).toBe(false);
        }
      }
    });
  });
});

describe('broken demo feed', () => {
  it('fails validation at the documented paths', () => {
    const result = parseFeed(buildBrokenFeed(rawFeed));
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'generatedAt',
        'students[0].plan.reviewDate',
        'students[1].name.family',
        'students[2].accommodations[0].text',
      ]),
    );
  });

  it('leaves the good feed untouched', () => {
    buildBrokenFeed(rawFeed);
    expect(parseFeed(rawFeed).ok).toBe(true);
  });
});

describe('demo server', () => {
  let server: DemoServer;

  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the pages on 127.0.0.1 as UTF-8 HTML', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('canvas-people.html');
    const page = await fetch(`${server.url}/infinite-campus-gradebook.html`);
    expect(await page.text()).toContain('Nguyễn, Thảo');
    expect((await fetch(`${server.url}/nope.html`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/server.ts`)).status).toBe(404);
  });

  it('serves the good feed with validators and answers 304 when unchanged', async () => {
    server.setFeedMode('good');
    const first = await fetch(`${server.url}/feed.json`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json');
    expect(first.headers.get('last-modified')).toBeTruthy();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(parseFeed(await first.json()).ok).toBe(true);

    const again = await fetch(`${server.url}/feed.json`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    const stale = await fetch(`${server.url}/feed.json`, { headers: { 'If-None-Match': '"x"' } });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
  });

  it('serves the failing feed modes', async () => {
    server.setFeedMode('broken');
    const broken = await fetch(`${server.url}/feed.json`);
    expect(broken.status).toBe(200);
    expect(parseFeed(await broken.json()).ok).toBe(false);

    server.setFeedMode('error-500');
    const failed = await fetch(`${server.url}/feed.json`);
    expect(failed.status).toBe(500);
    await failed.text();

    server.setFeedMode('not-json');
    const html = await fetch(`${server.url}/feed.json`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    await expect(html.json()).rejects.toThrow();
    server.setFeedMode('good');
  });

  it('records each request as "METHOD path"', async () => {
    await (await fetch(`${server.url}/moodle-grader.html?x=1`)).text();
    expect(server.requests).toContain('GET /moodle-grader.html?x=1');
    expect(server.requests).toContain('GET /feed.json');
  });
});
