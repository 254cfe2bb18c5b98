import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/**
 * The content script runs in every frame of every district page, so its size is budgeted (see
 * the performance goals in the README). Runs after the builds in `npm test`.
 */
const BUDGET_BYTES = 25 * 1024;
const root = resolve(import.meta.dirname, '../..');
const BUILDS = [
  { name: 'district build', dir: '.output/chrome-mv3' },
  { name: 'demo build', dir: '.output/chrome-mv3-demo' },
];

for (const build of BUILDS) {
  test(`content script of the ${build.name} is at most 25 KB gzipped`, () => {
    const file = resolve(root, build.dir, 'content-scripts/roster.js');
    expect(existsSync(file), `${file} exists (run "npm run build:all" first)`).toBe(true);
    const raw = readFileSync(file);
    const gzipped = gzipSync(raw).length;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `${build.dir}/content-scripts/roster.js: ${kb(raw.length)}, ${kb(gzipped)} gzipped ` +
        `(budget ${kb(BUDGET_BYTES)})`,
    );
    test.info().annotations.push({ type: 'gzipped size', description: `${gzipped} bytes` });
    expect(gzipped, 'gzipped bytes').toBeLessThanOrEqual(BUDGET_BYTES);
  });
}
