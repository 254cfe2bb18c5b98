/**
 * `npm run demo`: builds the demo extension (see package.json), serves the demo gradebook pages
 * and the demo district feed on 127.0.0.1, and opens Chromium with PlainSight loaded. With a
 * display the browser stays open for you to try; without one (or with --headless) it saves
 * screenshots to demo-output/ and prints a summary.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../support/browser';
import { demoPages, readDemoFeed } from './demo-data';
import { startDemoServer } from './server';

const OUTPUT_DIR = resolve(import.meta.dirname, '../../demo-output');
const headless =
  process.argv.includes('--headless') || !process.env.DISPLAY || process.env.CI === 'true';

function countMarkers(page: Page): Promise<number> {
  return page.getByRole('button', { name: 'Support info' }).count();
}

/** Waits until the page's rows and markers stop changing (late rows, re-rendered rows). */
async function settledMarkerCount(page: Page): Promise<number> {
  let last = -1;
  let stableFor = 0;
  for (let waited = 0; waited < 10_000 && stableFor < 1200; waited += 200) {
    await page.waitForTimeout(200);
    const count = await countMarkers(page);
    stableFor = count === last ? stableFor + 200 : 0;
    last = count;
  }
  return last;
}

/** The popup's Today view, then the same card in Spanish (language set on the options page). */
async function screenshotPopupAndSpanishCard(page: Page, extensionId: string, serverUrl: string) {
  await page.setViewportSize({ width: 420, height: 860 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.screenshot({ path: resolve(OUTPUT_DIR, '10-popup-today.png') });
  await page.setViewportSize({ width: 1280, height: 860 });

  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.locator('select[name="language"]').selectOption('es');
  await page.locator('html[lang="es"]').waitFor();
  await page.screenshot({ path: resolve(OUTPUT_DIR, '11-options-es.png'), fullPage: true });
  const first = demoPages()[0];
  if (!first) return;
  await page.goto(`${serverUrl}/${first.page}`);
  const marker = page.getByRole('button', { name: 'Información de apoyo' }).first();
  await marker.click();
  const card = page.frameLocator('iframe[title="Tarjeta de apoyos del estudiante"]');
  await card.getByRole('heading', { level: 2 }).first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(OUTPUT_DIR, `12-${first.page}-card-es.png`) });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.locator('select[name="language"]').selectOption('auto');
}

async function main() {
  const feed = readDemoFeed();
  const server = await startDemoServer({ port: Number(process.env.PORT ?? 0) });
  const extension = await launchWithExtension({ headless });
  const page = await extension.context.newPage();
  console.log(
    `PlainSight demo: pages at ${server.url}/ (${headless ? 'headless' : 'browser window'})`,
  );

  // Point the extension at the district feed served over HTTP, through its options page.
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await page.getByLabel('District feed address').check();
  await page.getByLabel('Feed URL').fill(`${server.url}/feed.json`);
  await page.getByRole('button', { name: 'Save and fetch' }).click();
  await page.getByTestId('last-attempt').getByText('feed updated').waitFor();
  const studentsInFeed = await page.getByTestId('student-count').textContent();

  if (headless) await mkdir(OUTPUT_DIR, { recursive: true });
  if (headless)
    await page.screenshot({ path: resolve(OUTPUT_DIR, '00-options.png'), fullPage: true });

  const rows: string[][] = [];
  let allMatch = true;
  for (const [index, expected] of demoPages().entries()) {
    await page.goto(`${server.url}/${expected.page}`);
    const shown = await settledMarkerCount(page);
    const wanted = expected.feedStudentIds.length;
    allMatch &&= shown === wanted;
    rows.push([expected.page, String(expected.rows), String(wanted), String(shown)]);
    if (!headless) continue;
    const prefix = String(index + 1).padStart(2, '0');
    await page.screenshot({ path: resolve(OUTPUT_DIR, `${prefix}-${expected.page}.png`) });
    const first = page.getByRole('button', { name: 'Support info' }).first();
    await first.scrollIntoViewIfNeeded();
    await first.click();
    const card = page.frameLocator('iframe[title="Student support card"]');
    await card.getByRole('dialog').waitFor();
    await card
      .getByRole('heading', { level: 1 })
      .filter({ hasNotText: 'Student supports' })
      .waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(OUTPUT_DIR, `${prefix}-${expected.page}-card.png`) });
    await page.keyboard.press('Escape');
  }

  if (headless) await screenshotPopupAndSpanishCard(page, extension.extensionId, server.url);

  console.log(`\nFeed: ${feed.district.name}, ${studentsInFeed} students`);
  const header = ['page', 'rows on page', 'feed students on page', 'markers shown'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
  }
  const totalShown = rows.reduce((sum, r) => sum + Number(r[3]), 0);
  const totalWanted = rows.reduce((sum, r) => sum + Number(r[2]), 0);
  console.log(
    `\n${rows.length} pages visited, ${totalWanted} feed students found on them, ${totalShown} markers shown${allMatch ? '' : ' (MISMATCH)'}`,
  );

  if (headless) {
    console.log(`Screenshots: ${OUTPUT_DIR}`);
    await extension.close();
    await server.close();
    process.exitCode = allMatch ? 0 : 1;
    return;
  }
  await page.goto(`${server.url}/`);
  console.log(
    '\nTry it: open a page, click a marker (or Tab to it and press Enter). Close the browser to end.',
  );
  await new Promise<void>((done) => extension.context.on('close', () => done()));
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
