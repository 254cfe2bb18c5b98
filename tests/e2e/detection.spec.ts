/**
 * Every detection page (saved-page fixtures, and the shared real pages when they are there)
 * through the real extension: nobody marked wrongly, at least 99 % of the students marked.
 * One browser per worker; each page gets its own invented feed through the options page.
 */
import { readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { listDetectionPages } from '../support/detection';
import { type DetectionRunner, startDetectionRunner } from '../support/detection-run';
import { recall } from '../support/detection-score';

const test = base.extend<Record<never, never>, { runner: DetectionRunner }>({
  runner: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies first.
    async ({}, use) => {
      const runner = await startDetectionRunner();
      await use(runner);
      await runner.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

const { pages, skipped } = listDetectionPages();

test.describe('detection on saved pages', () => {
  for (const page of pages) {
    test(`${page.key}: ${page.students.length} students`, async ({ runner }) => {
      const result = await runner.run(page);
      expect(result.wrong, 'wrongly marked').toEqual([]);
      expect(recall(result), `missed: ${result.missed.join(', ')}`).toBeGreaterThanOrEqual(0.99);
    });
  }
  // Real pages live outside the repository (../shared/real-pages). When that folder is absent
  // (a user's checkout) each is reported as skipped with the reason instead of failing; CI has
  // the folder and runs them (noted on issue 3).
  for (const skip of skipped) {
    test(`${skip.what}: ${skip.reason}`, () => {
      test.skip(true, skip.reason);
    });
  }
});

/** A fixture page by key (tests/fixtures/<platform>/<page>). */
function fixture(key: string) {
  const found = pages.find((page) => page.key === key);
  if (!found) throw new Error(`No fixture ${key}`);
  return found;
}

test.describe('what only a browser shows', () => {
  test('rosariosis: rows re-rendered, re-sorted and added late keep one marker each', async ({
    runner,
  }) => {
    const page = fixture('rosariosis/student-list');
    const result = await runner.run(page, {
      async act(tab) {
        await tab.evaluate(async () => {
          const pause = () => new Promise((done) => setTimeout(done, 50));
          const body = document.querySelector('table.list tbody');
          if (!body) throw new Error('no list');
          // Re-rendered: the same rows as new elements (clones carry no marker shadow roots).
          const fresh = body.cloneNode(true) as HTMLTableSectionElement;
          body.replaceWith(fresh);
          await pause();
          // Re-sorted: the same elements in another order.
          for (const row of [...fresh.rows].reverse()) fresh.append(row);
          await pause();
          // Late: rows taken away and added back one by one.
          const rows = [...fresh.rows];
          for (const row of rows) row.remove();
          for (const row of rows) {
            fresh.append(row);
            await pause();
          }
        });
      },
    });
    expect(result.wrong, 'wrongly marked').toEqual([]);
    expect(result.missed).toEqual([]);
    expect(result.markers).toBe(page.students.length);
  });

  test('moodle: navigating inside the app without a page load', async ({ runner }) => {
    const grader = fixture('moodle/grader-report');
    const html = readFileSync(grader.documents[0]?.file ?? '', 'utf8');
    const result = await runner.run(fixture('moodle/participants'), {
      scoreAs: grader,
      async act(tab) {
        await tab.evaluate(
          ({ html, path }) => {
            const next = new DOMParser().parseFromString(html, 'text/html');
            const main = next.querySelector('#region-main');
            if (!main) throw new Error('no #region-main');
            document.querySelector('#region-main')?.replaceWith(document.adoptNode(main));
            history.pushState({}, '', path);
          },
          { html, path: grader.entry },
        );
      },
    });
    expect(result.wrong, 'wrongly marked').toEqual([]);
    expect(result.missed).toEqual([]);
    expect(result.markers).toBe(grader.students.length);
  });

  test('opensis: the app frame loads again inside the same top page', async ({ runner }) => {
    const page = fixture('opensis/gradebook-grades');
    const result = await runner.run(page, {
      async act(tab) {
        const frame = tab.frames().find((f) => f !== tab.mainFrame());
        if (!frame) throw new Error('no app frame');
        await frame.goto(frame.url());
      },
    });
    expect(result.wrong, 'wrongly marked').toEqual([]);
    expect(result.missed).toEqual([]);
    expect(result.markers).toBe(page.students.length);
  });
});
