import { test as base, expect, type Page } from '@playwright/test';
import { demoPages, readDemoFeed } from '../demo/demo-data';
import { startDemoServer } from '../demo/server';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';

type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

export const demoFeed = readDemoFeed();
export const expectedPages = demoPages();

export const test = base.extend<
  { extension: ExtensionBrowser; page: Page },
  { server: DemoServer }
>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies first.
    async ({}, use) => {
      const server = await startDemoServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extension: async ({ server }, use) => {
    server.setFeedMode('good');
    const extension = await launchWithExtension();
    await use(extension);
    await extension.close();
  },
  page: async ({ extension }, use) => {
    const page = await extension.context.newPage();
    await use(page);
  },
});

export { expect };

/** Opens the options page and waits until a feed is loaded. */
export async function openOptions(page: Page, extension: ExtensionBrowser): Promise<void> {
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(page.getByTestId('student-count')).toBeVisible();
}

/** Points the extension at the demo server's /feed.json through the options page. */
export async function useFeed(page: Page, extensionId: string, serverUrl: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('District feed address').check();
  await page.getByLabel('Feed URL').fill(`${serverUrl}/feed.json`);
  const save = page.getByRole('button', { name: 'Save and fetch' });
  await save.click();
  // The form stays disabled until this fetch is done ("feed updated" may still be showing from
  // the fetch at install).
  await expect(save).toBeEnabled();
  await expect(page.getByTestId('last-attempt')).toContainText('feed updated');
}

/** Texts next to which a marker sits, read the way a person reads the row. */
export function markedNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('span')].filter((span) =>
      span.shadowRoot?.querySelector('button[aria-label="Support info"]'),
    );
    return hosts.map((host) => {
      const previous = host.previousElementSibling;
      const text = previous?.textContent ?? host.parentElement?.textContent ?? '';
      return text.replace(/\s+/g, ' ').trim();
    });
  });
}

export function markers(page: Page) {
  return page.getByRole('button', { name: 'Support info' });
}

/** The marker beside a given name on the page. */
export function markerNear(page: Page, nameText: string | RegExp) {
  return page
    .locator('tr, li', { hasText: nameText })
    .first()
    .getByRole('button', { name: 'Support info' });
}

/** Matches a student's name as pages write it: "First Last" or "Last, First" (or preferred). */
export function nameOnPage(student: {
  name: { given: string; family: string; preferred?: string };
}) {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const first = [student.name.given, student.name.preferred]
    .filter(Boolean)
    .map((n) => literal(n as string));
  const family = literal(student.name.family);
  return new RegExp(`(${first.join('|')}) ${family}|${family}, (${first.join('|')})`);
}

export function studentById(id: string) {
  const student = demoFeed.students.find((s) => s.id === id);
  if (!student) throw new Error(`No demo student ${id}`);
  return student;
}

export function cardFrame(page: Page) {
  return page.frameLocator('iframe[title="Student support card"]');
}

/**
 * Opens the card of the student whose name the page shows, as a person would: clicks the marker,
 * then waits until the card is shown (it stays invisible until it has loaded and is placed;
 * nobody can aim at it before).
 */
export async function openCard(page: Page, nameText: string | RegExp) {
  await markerNear(page, nameText).click();
  await expect(page.locator('iframe[title="Student support card"]')).toHaveCSS('opacity', '1');
  return cardFrame(page);
}
